import { DataSource } from 'typeorm';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Niveles de usuario (seed 003, A3): every record remembers at which level it
 * is handled (the level of its creator, then of its assignee), and the report
 * per module gives for each record and in total the levels passed and the time at each.
 */
describe('record levels and the levels report', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  let db: DataSource;
  const users: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const levels: Record<string, string> = {};
  const as = (token: string) => ({ token });

  const intervals = async (recordId: string) =>
    (await db.query(`SELECT level_id, entered_at, left_at FROM core.record_levels WHERE record_id = $1 ORDER BY entered_at, id`, [recordId])) as {
      level_id: string;
      entered_at: Date;
      left_at: Date | null;
    }[];

  beforeAll(async () => {
    t = await startTestServer();
    db = t.server.app.get(DataSource);
    op = await t.createOperation('lvl');
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    admin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Admin-Niveles-1' }, as(first.body.accessToken))).body.accessToken;
    const [level1] = (await t.api('GET', '/api/v1/levels', undefined, as(admin))).body.items;
    levels.n1 = level1.id;
    levels.n2 = (await t.api('POST', '/api/v1/levels', { name: 'Nivel 2', description: 'Escalamiento' }, as(admin))).body.id;
    levels.n3 = (await t.api('POST', '/api/v1/levels', { name: 'Nivel 3', description: 'Especialistas' }, as(admin))).body.id;
    const top = (await t.api('GET', '/api/v1/roles', undefined, as(admin))).body.items[0].id;
    const team = (await t.api('POST', '/api/v1/roles', { name: 'Mesa de ayuda', parentId: top }, as(admin))).body.id;
    const agentProfile = (await t.api('GET', '/api/v1/profiles', undefined, as(admin))).body.items.find((p: { name: string }) => p.name === 'Agente').id;
    for (const [name, level] of [
      ['primero', levels.n1],
      ['segundo', levels.n2],
      ['tercero', levels.n3],
    ] as const) {
      const created = await t.api('POST', '/api/v1/users', { username: name, profileId: agentProfile, roleId: team, levelId: level }, as(admin));
      users[name] = created.body.id;
      const login = await t.api('POST', '/api/v1/auth/login', { operation: op, username: name, password: op }, { token: null });
      tokens[name] = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Nivel-Seguro-77' }, as(login.body.accessToken))).body.accessToken;
    }
  });
  afterAll(() => t.close());

  let caseA: string;
  let caseB: string;

  it('a record enters the level of its creator, moves with each assignment to a user of another level, and stays when the level does not change', async () => {
    const created = await t.api('POST', '/api/v1/records/casos', { tipo: 'queja', asunto: 'Cobro doble', estado: 'nuevo', prioridad: 'alta' }, as(tokens.primero));
    expect(created.status).toBe(201);
    caseA = created.body.id;
    expect((await intervals(caseA)).map((i) => [i.level_id, i.left_at])).toEqual([[levels.n1, null]]);

    let version = 1;
    const patch = async (token: string, body: Record<string, unknown>) => {
      const answer = await t.api('PATCH', `/api/v1/records/casos/${caseA}`, { version, ...body }, as(token));
      expect([answer.status, answer.body.code]).toEqual([200, undefined]);
      version = answer.body.version;
    };
    await patch(tokens.primero, { assignee: users.segundo });
    await patch(tokens.segundo, { estado: 'en_proceso' });
    await patch(tokens.segundo, { assignee: users.tercero });
    await patch(tokens.tercero, { assignee: users.segundo });

    const passed = await intervals(caseA);
    expect(passed.map((i) => i.level_id)).toEqual([levels.n1, levels.n2, levels.n3, levels.n2]);
    // Leaving a level closes its interval at the moment the next one opens.
    for (let i = 0; i < passed.length - 1; i++) expect(passed[i].left_at?.toISOString()).toBe(passed[i + 1].entered_at.toISOString());
    expect(passed[3].left_at).toBeNull();

    caseB = (await t.api('POST', '/api/v1/records/casos', { tipo: 'peticion', asunto: 'Certificado', estado: 'nuevo', prioridad: 'baja' }, as(tokens.primero))).body.id;
    // A record created by the platform (no user, no level) is at no level.
    const platformCase = await t.api('POST', '/api/v1/records/casos', { tipo: 'peticion', asunto: 'Sin nivel', estado: 'nuevo', prioridad: 'baja' }, { operation: op });
    expect(await intervals(platformCase.body.id)).toEqual([]);
    // Bulk writes and assignments enter levels too.
    const bulk = await t.api('POST', '/api/v1/records/casos/bulk', { rows: [{ tipo: 'reclamo', asunto: 'Masivo', estado: 'nuevo', prioridad: 'media', assignee: users.tercero }] }, as(tokens.segundo));
    expect(bulk.body).toMatchObject({ inserted: 1, errors: [] });
    const [bulkCase] = (await t.api('POST', '/api/v1/records/casos/query', { filter: { field: 'asunto', op: 'eq', value: 'Masivo' } }, as(admin))).body.items;
    expect((await intervals(bulkCase.id)).map((i) => [i.level_id, i.left_at])).toEqual([[levels.n3, null]]);

    // Deleting closes the interval; restoring enters the handler's level again.
    expect((await t.api('DELETE', `/api/v1/records/casos/${bulkCase.id}`, undefined, as(admin))).status).toBe(200);
    expect((await intervals(bulkCase.id))[0].left_at).not.toBeNull();
    expect((await t.api('POST', `/api/v1/records/casos/${bulkCase.id}/restore`, undefined, as(admin))).status).toBe(200);
    expect((await intervals(bulkCase.id)).map((i) => [i.level_id, i.left_at === null])).toEqual([
      [levels.n3, false],
      [levels.n3, true],
    ]);
  });

  it('reports per record and in total the levels passed and the seconds at each, counting only records the caller sees', async () => {
    // Fixed times, so the figures are exact: A 300 s at level 1, 3600 s + open at level 2, 1800 s at level 3.
    const [a1, a2, a3, a4] = await db.query(`SELECT id FROM core.record_levels WHERE record_id = $1 ORDER BY entered_at, id`, [caseA]);
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5, 10, 0) + minutes * 60_000).toISOString();
    await db.query(`UPDATE core.record_levels SET entered_at = $2, left_at = $3 WHERE id = $1`, [a1.id, at(0), at(5)]);
    await db.query(`UPDATE core.record_levels SET entered_at = $2, left_at = $3 WHERE id = $1`, [a2.id, at(5), at(65)]);
    await db.query(`UPDATE core.record_levels SET entered_at = $2, left_at = $3 WHERE id = $1`, [a3.id, at(65), at(95)]);
    await db.query(`UPDATE core.record_levels SET entered_at = now() - interval '10 minutes' WHERE id = $1`, [a4.id]);
    await db.query(`UPDATE core.record_levels SET entered_at = $2, left_at = $3 WHERE record_id = $1`, [caseB, at(10), at(40)]);

    const report = await t.api('GET', '/api/v1/levels/report/casos', undefined, as(admin));
    expect(report.status).toBe(200);
    expect(report.body.total).toBe(3);
    const [lineA, lineB] = report.body.items;
    expect(lineA).toMatchObject({ id: caseA, title: expect.stringContaining('Cobro doble'), levelsPassed: 3, currentLevelId: levels.n2 });
    expect(lineA.levels.map((l: { levelId: string; name: string; passages: number }) => [l.levelId, l.name, l.passages])).toEqual([
      [levels.n1, 'Nivel 1', 1],
      [levels.n2, 'Nivel 2', 2],
      [levels.n3, 'Nivel 3', 1],
    ]);
    expect(lineA.levels[0].seconds).toBe(300);
    expect(lineA.levels[2].seconds).toBe(1800);
    expect(lineA.levels[1].seconds).toBeGreaterThanOrEqual(3600 + 600);
    expect(lineA.levels[1].seconds).toBeLessThan(3600 + 700);
    expect(lineB).toMatchObject({ id: caseB, levelsPassed: 1, currentLevelId: null, seconds: 1800, levels: [{ levelId: levels.n1, passages: 1, seconds: 1800 }] });

    const totals = report.body.totals;
    expect(totals).toMatchObject({ records: 3, levelsPassed: 3, averageLevelsPerRecord: Math.round((5 / 3) * 1000) / 1000 });
    const byLevel = Object.fromEntries(totals.levels.map((l: { levelId: string; records: number; passages: number; seconds: number }) => [l.levelId, l]));
    expect(byLevel[levels.n1]).toMatchObject({ records: 2, passages: 2, seconds: 2100 });
    expect(byLevel[levels.n2]).toMatchObject({ records: 1, passages: 2 });
    expect(byLevel[levels.n3].records).toBe(2);
    expect(byLevel[levels.n3].passages).toBe(3);

    // Paged.
    const page = await t.api('GET', '/api/v1/levels/report/casos?limit=1', undefined, as(admin));
    expect([page.body.items.length, page.body.nextCursor]).toEqual([1, '1']);
    const next = await t.api('GET', `/api/v1/levels/report/casos?limit=1&cursor=1`, undefined, as(admin));
    expect(next.body.items[0].id).toBe(caseB);

    // "primero" sees its own cases (A is still its own), not the bulk case of "segundo" assigned to "tercero".
    const own = await t.api('GET', '/api/v1/levels/report/casos', undefined, as(tokens.primero));
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([caseA, caseB]);
    expect(own.body.totals.records).toBe(2);
    expect(own.body.totals.levels.find((l: { levelId: string }) => l.levelId === levels.n3)).toMatchObject({ records: 1, passages: 1, seconds: 1800 });
  });

  it('refuses the report without the view right, for unknown modules and bad paging', async () => {
    const noView = await t.api(
      'POST',
      '/api/v1/profiles',
      { name: 'Sin casos', permissions: { modules: { casos: { view: false }, '*': { view: true } }, fields: {}, visibility: 'all', allUsersCanEdit: false, aiAssistant: false, admin: false } },
      as(admin),
    );
    await t.api('PATCH', `/api/v1/users/${users.tercero}`, { profileId: noView.body.id }, as(admin));
    expect((await t.api('GET', '/api/v1/levels/report/casos', undefined, as(tokens.tercero))).status).toBe(403);
    expect((await t.api('GET', '/api/v1/levels/report/contactos', undefined, as(tokens.tercero))).body).toMatchObject({ total: 0, items: [] });
    expect((await t.api('GET', '/api/v1/levels/report/no_existe', undefined, as(admin))).status).toBe(404);
    expect((await t.api('GET', '/api/v1/levels/report/casos?limit=0', undefined, as(admin))).status).toBe(400);
    expect((await t.api('GET', '/api/v1/levels/report/casos?cursor=-1', undefined, as(admin))).status).toBe(400);
  });
});

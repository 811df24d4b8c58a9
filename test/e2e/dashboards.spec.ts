import { gaugeDays, gaugeFilter } from '@crm/engine';
import { DataSource } from 'typeorm';
import { startTestServer, type TestServer } from '../support/test-server';

/** Dashboards (P2) and goal gauges (P3): CRUD with optimistic locking and soft delete, widgets checked with paths, sharing by profile. */
describe('dashboards', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  let sellers: string;
  let other: string;
  const tokens: Record<string, string> = {};
  const as = (token: string) => ({ token });
  const login = async (operation: string, username: string) => {
    const first = await t.api('POST', '/api/v1/auth/login', { operation, username, password: operation }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: operation, newPassword: 'Agente-Seguro-2024' }, as(first.body.accessToken));
    expect(changed.status).toBe(200);
    return changed.body.accessToken as string;
  };
  const wonByQuarter = {
    id: 'w1',
    title: 'Ganado por trimestre',
    kind: 'chart',
    module: 'oportunidades',
    chart: 'column',
    query: { filter: { field: 'fase', op: 'eq', value: 'ganada' }, groups: [{ field: 'fecha_cierre', bucket: 'quarter' }], measures: [{ op: 'sum', field: 'monto' }] },
    layout: { x: 0, y: 0, w: 6, h: 4 },
  };
  const monthly = {
    id: 'w2',
    title: 'Ventas mensuales',
    kind: 'gauge',
    module: 'oportunidades',
    query: { filter: { field: 'fase', op: 'eq', value: 'ganada' }, measures: [{ op: 'sum', field: 'monto' }] },
    gauge: { goal: 150000, dateField: 'fecha_cierre', dateFilter: 'lastMonth', thresholds: { yellow: 50, green: 70 } },
    layout: { x: 6, y: 0, w: 6, h: 4 },
  };

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('dsh');
    admin = await login(op, `ADMIN_@${op}`);
    const rights = { view: true, create: true, edit: true, delete: true, import: false, massDelete: false, massDuplicate: false, settings: false };
    const profile = (name: string) =>
      t.api('POST', '/api/v1/profiles', { name, permissions: { modules: { '*': rights }, fields: {}, visibility: 'own', allUsersCanEdit: false, aiAssistant: false, admin: false } }, as(admin));
    sellers = (await profile('Vendedores')).body.id;
    other = (await profile('Soporte')).body.id;
    const role = (await t.api('GET', '/api/v1/roles', undefined, as(admin))).body.items[0];
    for (const [username, profileId] of [
      ['ana', sellers],
      ['beto', sellers],
      ['caro', other],
    ]) {
      expect((await t.api('POST', '/api/v1/users', { username, displayName: username, profileId, roleId: role.id }, as(admin))).status).toBe(201);
      tokens[username] = await login(op, username);
    }
  });
  afterAll(() => t.close());

  it('creates, lists, updates with the version (409 when stale) and soft-deletes', async () => {
    const created = await t.api('POST', '/api/v1/dashboards', { name: 'Ventas', widgets: [wonByQuarter, monthly] }, as(tokens.ana));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Ventas', version: 1, sharedWith: [], mine: true, widgets: [wonByQuarter, monthly] });
    const id = created.body.id as string;

    const listed = await t.api('GET', '/api/v1/dashboards', undefined, as(tokens.ana));
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, nextCursor: null });
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([id]);

    const moved = { ...wonByQuarter, layout: { x: 0, y: 4, w: 12, h: 5 } };
    const updated = await t.api('PUT', `/api/v1/dashboards/${id}`, { name: 'Ventas 2026', version: 1, widgets: [moved, monthly] }, as(tokens.ana));
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Ventas 2026', version: 2, widgets: [moved, monthly] });
    const stale = await t.api('PUT', `/api/v1/dashboards/${id}`, { name: 'Tarde', version: 1, widgets: [] }, as(tokens.ana));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'dashboard_version_conflict', currentVersion: 2, message: { es: expect.any(String), en: expect.any(String) } });
    expect((await t.api('GET', `/api/v1/dashboards/${id}`, undefined, as(tokens.ana))).body).toMatchObject({ name: 'Ventas 2026', version: 2 });

    expect((await t.api('DELETE', `/api/v1/dashboards/${id}`, undefined, as(tokens.ana))).status).toBe(204);
    expect((await t.api('GET', `/api/v1/dashboards/${id}`, undefined, as(tokens.ana))).status).toBe(404);
    expect((await t.api('GET', '/api/v1/dashboards', undefined, as(tokens.ana))).body).toMatchObject({ items: [], total: 0 });
    const kept = await t.server.app.get(DataSource).query(`SELECT deleted_at IS NOT NULL AS gone FROM core.dashboards WHERE id = $1`, [id]);
    expect(kept).toEqual([{ gone: true }]);
  });

  it('refuses a bad widget with its path, in Spanish and English, and a bad envelope by the DTO', async () => {
    const bad = { ...wonByQuarter, id: 'w3', query: { ...wonByQuarter.query, groups: [{ field: 'no_existe' }] } };
    const refused = await t.api('POST', '/api/v1/dashboards', { name: 'Malo', widgets: [wonByQuarter, monthly, bad] }, as(tokens.ana));
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('validation_failed');
    expect(refused.body.details).toEqual([
      { path: 'widgets[2].query.groups[0].field', code: 'aggregate.unknownField', message: { es: expect.stringContaining('no_existe'), en: expect.stringContaining('no_existe') } },
    ]);

    const kinds = await t.api(
      'POST',
      '/api/v1/dashboards',
      {
        name: 'Malo',
        widgets: [
          { ...wonByQuarter, chart: 'pie4d' },
          { ...monthly, gauge: { ...monthly.gauge, dateField: 'nombre' } },
        ],
      },
      as(tokens.ana),
    );
    expect(kinds.body.details.map((d: { path: string }) => d.path)).toEqual(['widgets[0].chart']);
    const date = await t.api('POST', '/api/v1/dashboards', { name: 'Malo', widgets: [{ ...monthly, gauge: { ...monthly.gauge, dateField: 'nombre' } }] }, as(tokens.ana));
    expect(date.body.details.map((d: { path: string }) => d.path)).toEqual(['widgets[0].gauge.dateField']);
    const module = await t.api('POST', '/api/v1/dashboards', { name: 'Malo', widgets: [{ ...wonByQuarter, module: 'paneles_x' }] }, as(tokens.ana));
    expect(module.body.details.map((d: { path: string }) => d.path)).toEqual(['widgets[0].module']);

    const envelope = await t.api('POST', '/api/v1/dashboards', { widgets: 'no', sharedWith: ['x'] }, as(tokens.ana));
    expect(envelope.status).toBe(400);
    expect(envelope.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['name', 'sharedWith', 'widgets'].sort());
    const profile = await t.api('POST', '/api/v1/dashboards', { name: 'X', widgets: [], sharedWith: ['00000000-0000-4000-8000-000000000000'] }, as(tokens.ana));
    expect(profile.body.details.map((d: { path: string }) => d.path)).toEqual(['sharedWith[0]']);
  });

  it('shares by profile: the profile sees it and cannot change it, another profile does not see it, the admin sees all', async () => {
    const mine = await t.api('POST', '/api/v1/dashboards', { name: 'Privado', widgets: [] }, as(tokens.ana));
    const shared = await t.api('POST', '/api/v1/dashboards', { name: 'Equipo', sharedWith: [sellers], widgets: [wonByQuarter] }, as(tokens.ana));
    expect(shared.status).toBe(201);
    const names = async (token: string) => (await t.api('GET', '/api/v1/dashboards', undefined, as(token))).body.items.map((d: { name: string }) => d.name);
    expect(await names(tokens.ana)).toEqual(['Equipo', 'Privado']);
    expect(await names(tokens.beto)).toEqual(['Equipo']);
    expect(await names(tokens.caro)).toEqual([]);
    expect(await names(admin)).toEqual(['Equipo', 'Privado']);
    expect((await t.api('GET', `/api/v1/dashboards/${mine.body.id}`, undefined, as(tokens.beto))).status).toBe(404);
    expect((await t.api('GET', `/api/v1/dashboards/${shared.body.id}`, undefined, as(tokens.caro))).status).toBe(404);
    const seen = await t.api('GET', `/api/v1/dashboards/${shared.body.id}`, undefined, as(tokens.beto));
    expect(seen.body).toMatchObject({ name: 'Equipo', mine: false });
    expect((await t.api('PUT', `/api/v1/dashboards/${shared.body.id}`, { name: 'Mío', version: 1, widgets: [] }, as(tokens.beto))).status).toBe(403);
    expect((await t.api('DELETE', `/api/v1/dashboards/${shared.body.id}`, undefined, as(tokens.beto))).status).toBe(403);

    // Pages: one at a time, with the cursor.
    const first = await t.api('GET', '/api/v1/dashboards?limit=1', undefined, as(tokens.ana));
    expect(first.body).toMatchObject({ total: 2, nextCursor: '1', items: [{ name: 'Equipo' }] });
    const second = await t.api('GET', `/api/v1/dashboards?limit=1&cursor=${first.body.nextCursor}`, undefined, as(tokens.ana));
    expect(second.body).toMatchObject({ total: 2, nextCursor: null, items: [{ name: 'Privado' }] });
  });

  it("an agent with visibility own sees only their records' numbers in a shared widget", async () => {
    const sell = (token: string, monto: number, fecha_cierre: string) => t.api('POST', '/api/v1/records/oportunidades', { nombre: `Venta ${monto}`, fase: 'ganada', monto, fecha_cierre }, as(token));
    for (const [token, monto, date] of [
      [tokens.ana, 1000, '2026-02-10'],
      [tokens.ana, 500, '2026-05-03'],
      [tokens.beto, 7000, '2026-02-20'],
    ] as const) {
      expect((await sell(token, monto, date)).status).toBe(201);
    }
    const dashboard = await t.api('POST', '/api/v1/dashboards', { name: 'Trimestres', sharedWith: [sellers], widgets: [wonByQuarter] }, as(admin));
    const widget = (await t.api('GET', `/api/v1/dashboards/${dashboard.body.id}`, undefined, as(tokens.beto))).body.widgets[0];
    const numbers = async (token: string) => {
      const answer = await t.api('POST', `/api/v1/records/${widget.module}/aggregate`, widget.query, as(token));
      expect(answer.status).toBe(200);
      return answer.body.rows.map((r: { keys: { value: string }[]; values: number[] }) => [r.keys[0].value, r.values[0]]);
    };
    expect(await numbers(tokens.ana)).toEqual([
      ['2026-Q1', 1000],
      ['2026-Q2', 500],
    ]);
    expect(await numbers(tokens.beto)).toEqual([['2026-Q1', 7000]]);
    expect(await numbers(admin)).toEqual([
      ['2026-Q1', 8000],
      ['2026-Q2', 500],
    ]);
  });

  it('refuses a widget over a field hidden from the caller, and keeps dashboards inside their operation', async () => {
    const hidden = await t.api(
      'POST',
      '/api/v1/profiles',
      {
        name: 'Sin montos',
        permissions: {
          modules: { '*': { view: true, create: true, edit: true, delete: false, import: false, massDelete: false, massDuplicate: false, settings: false } },
          fields: { oportunidades: { monto: 'hidden' } },
          visibility: 'all',
          allUsersCanEdit: false,
          aiAssistant: false,
          admin: false,
        },
      },
      as(admin),
    );
    const role = (await t.api('GET', '/api/v1/roles', undefined, as(admin))).body.items[0];
    expect((await t.api('POST', '/api/v1/users', { username: 'dani', displayName: 'dani', profileId: hidden.body.id, roleId: role.id }, as(admin))).status).toBe(201);
    const dani = await login(op, 'dani');
    const refused = await t.api('POST', '/api/v1/dashboards', { name: 'Montos', widgets: [wonByQuarter] }, as(dani));
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['widgets[0].query.measures[0].field']);

    const mine = await t.api('POST', '/api/v1/dashboards', { name: 'De esta operación', widgets: [wonByQuarter] }, as(admin));
    const elsewhere = await t.createOperation('dsx');
    const otherAdmin = await login(elsewhere, `ADMIN_@${elsewhere}`);
    expect((await t.api('GET', `/api/v1/dashboards/${mine.body.id}`, undefined, as(otherAdmin))).status).toBe(404);
    expect((await t.api('PUT', `/api/v1/dashboards/${mine.body.id}`, { name: 'X', version: 1, widgets: [] }, as(otherAdmin))).status).toBe(404);
    expect((await t.api('GET', '/api/v1/dashboards', undefined, as(otherAdmin))).body).toMatchObject({ items: [], total: 0 });
  });

  it("a realistic sales year: the dashboard's won value by quarter equals a hand-written SQL GROUP BY", async () => {
    const sales = await t.createOperation('dsv');
    const users = (await t.api('GET', '/api/v1/users', undefined, { operation: sales })).body.items.map((u: { id: string }) => u.id);
    let seed = 20260401;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const phases = ['prospeccion', 'calificacion', 'propuesta', 'negociacion', 'ganada', 'ganada', 'perdida'];
    const origins = ['llamada_entrante', 'campana', 'web', 'whatsapp', 'referido'];
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
      return {
        nombre: `Oportunidad ${i + 1}`,
        fase: phases[Math.floor(random() * phases.length)],
        origen: origins[Math.floor(random() * origins.length)],
        propietario: users[Math.floor(random() * users.length)],
        fecha_cierre: day,
        monto: (Math.round(random() * 5_000_000_00) / 100).toFixed(2),
      };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      expect((await t.api('POST', '/api/v1/records/oportunidades/bulk', { rows: rows.slice(i, i + 1000), mode: 'insert' }, { operation: sales })).status).toBe(200);
    }
    const saved = await t.api('POST', '/api/v1/dashboards', { name: 'Ventas 2025', widgets: [wonByQuarter] }, { operation: sales });
    expect(saved.status).toBe(201);
    const widget = saved.body.widgets[0];
    const answer = await t.api('POST', `/api/v1/records/${widget.module}/aggregate`, widget.query, { operation: sales });
    const [{ schema_name: schema }] = await t.server.app.get(DataSource).query(`SELECT schema_name FROM core.operations WHERE key = $1`, [sales]);
    const sql: { quarter: string; won: string }[] = await t.server.app
      .get(DataSource)
      .query(
        `SELECT to_char(fecha_cierre, 'YYYY') || '-Q' || to_char(fecha_cierre, 'Q') AS quarter, sum(monto)::text AS won FROM "${schema}".oportunidades WHERE fase = 'ganada' AND deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
      );
    expect(sql).toHaveLength(4);
    expect(answer.body.rows.map((r: { keys: { value: string }[]; values: number[] }) => [r.keys[0].value, r.values[0]])).toEqual(sql.map((r) => [r.quarter, Number(r.won)]));
  });

  it("a gauge's value is its measure over the date filter's range in the operation time zone, edges included and excluded", async () => {
    const gauges = await t.createOperation('dsg');
    const now = new Date();
    const { from, to } = gaugeDays('lastMonth', now, 'America/Bogota');
    const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    for (const [monto, fecha_cierre] of [
      [100, from],
      [20, dayBefore(to)],
      [5000, to],
      [7000, dayBefore(from)],
    ] as const) {
      expect((await t.api('POST', '/api/v1/records/oportunidades', { nombre: `Cierre ${fecha_cierre}`, fase: 'ganada', monto, fecha_cierre }, { operation: gauges })).status).toBe(201);
    }
    const saved = await t.api('POST', '/api/v1/dashboards', { name: 'Mensual', widgets: [monthly] }, { operation: gauges });
    const widget = saved.body.widgets[0];
    const body = { ...widget.query, filter: { and: [widget.query.filter, gaugeFilter(widget.gauge.dateField, 'date', widget.gauge.dateFilter, now, 'America/Bogota')] } };
    const answer = await t.api('POST', `/api/v1/records/${widget.module}/aggregate`, body, { operation: gauges });
    expect(answer.status).toBe(200);
    expect(answer.body.rows).toEqual([{ keys: [], values: [120] }]);
  });
});

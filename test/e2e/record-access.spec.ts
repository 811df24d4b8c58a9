import type { JobsConfig } from '../../runtime/jobs/jobs.options';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Profiles on records (A4, A5, R1, R6): hidden fields never leave the server
 * and cannot be probed, read-only fields are refused on write, visibility
 * (own / hierarchy / all) and "Todos los usuarios pueden editar", assignment
 * by the role tree, and system columns a client cannot set.
 */
describe('record access: field permissions, visibility, assignment, mass assignment', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const as = (token: string) => ({ token });
  const platform = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });
  const paths = (body: { details: { path: string; code: string }[] }) => body.details.map((d) => [d.path, d.code]);
  const rowPaths = (error: { issues: { path: string; code: string }[] }) => error.issues.map((d) => [d.path, d.code]);
  const rights = { view: true, create: true, edit: true, delete: true, import: true, massDelete: false, massDuplicate: false, settings: false };
  const profile = async (name: string, visibility: 'own' | 'hierarchy' | 'all', allUsersCanEdit: boolean) => {
    const created = await t.api(
      'POST',
      '/api/v1/profiles',
      {
        name,
        permissions: {
          modules: { '*': rights },
          fields: { contactos: { documento: 'hidden', email: 'readOnly' }, empresas: { nombre: 'hidden' }, actividades: { descripcion: 'hidden' }, casos: { numero: 'hidden' } },
          visibility,
          allUsersCanEdit,
          aiAssistant: false,
          admin: false,
        },
      },
      as(admin),
    );
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const user = async (username: string, profileId: string, roleId: string) => {
    const created = await t.api('POST', '/api/v1/users', { username, displayName: username, profileId, roleId }, as(admin));
    expect(created.status).toBe(201);
    ids[username] = created.body.id;
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username, password: op }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Agente-Seguro-2024' }, as(first.body.accessToken));
    expect(changed.status).toBe(200);
    tokens[username] = changed.body.accessToken;
  };
  const contact = async (by: string | null, body: Record<string, unknown>) => {
    const created = by ? await t.api('POST', '/api/v1/records/contactos', body, as(tokens[by])) : await platform('POST', '/api/v1/records/contactos', body);
    expect([created.status, created.body.code]).toEqual([201, undefined]);
    return created.body as { id: string; version: number } & Record<string, unknown>;
  };

  beforeAll(async () => {
    // Its own BullMQ prefix: other servers on the same Redis must not take this server's jobs.
    t = await startTestServer({ jobs: { prefix: `crm-e2e-access-${Date.now().toString(36)}` } } as JobsConfig);
    op = await t.createOperation('acc');
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    admin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Admin-Acceso-1' }, as(first.body.accessToken))).body.accessToken;
    const top = (await t.api('GET', '/api/v1/roles', undefined, as(admin))).body.items[0].id;
    const supervision = (await t.api('POST', '/api/v1/roles', { name: 'Supervisión', parentId: top }, as(admin))).body.id;
    const agents = (await t.api('POST', '/api/v1/roles', { name: 'Agentes', parentId: supervision }, as(admin))).body.id;
    const otherTeam = (await t.api('POST', '/api/v1/roles', { name: 'Otro equipo', parentId: top }, as(admin))).body.id;
    const own = await profile('Agente restringido', 'own', false);
    ids.supervisorProfile = await profile('Supervisor', 'hierarchy', false);
    ids.collaborativeProfile = await profile('Supervisor colaborativo', 'hierarchy', true);
    await user('ana', own, agents);
    await user('luis', own, agents);
    await user('sofia', ids.supervisorProfile, supervision);
    await user('otro', own, otherTeam);
  });
  afterAll(() => t.close());

  describe('hidden and read-only fields', () => {
    let acme: string;
    let hiddenContact: { id: string; version: number };

    beforeAll(async () => {
      acme = (await platform('POST', '/api/v1/records/empresas', { nombre: 'Acme Secreta S.A.S.', razon_social: 'Razón Visible', assignee: ids.ana })).body.id;
      hiddenContact = await contact(null, { nombre: 'Camila', tipo_documento: 'cc', documento: '52999111', email: 'camila@example.co', empresa: acme, assignee: ids.ana });
      // A change of the hidden field, made by someone who may see it, goes to the history.
      const patched = await platform('PATCH', `/api/v1/records/contactos/${hiddenContact.id}`, { version: 1, documento: '52999222', ciudad: 'Cali' });
      expect(patched.status).toBe(200);
    });

    it('never sends a hidden field: get, query, quick search, expand and history', async () => {
      const got = await t.api('GET', `/api/v1/records/contactos/${hiddenContact.id}`, undefined, as(tokens.ana));
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ nombre: 'Camila', email: 'camila@example.co', ciudad: 'Cali' });
      expect(got.body).not.toHaveProperty('documento');
      // The platform sees it.
      expect((await platform('GET', `/api/v1/records/contactos/${hiddenContact.id}`)).body.documento).toBe('52999222');

      const listed = await t.api('POST', '/api/v1/records/contactos/query', { expand: ['empresa'] }, as(tokens.ana));
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([hiddenContact.id]);
      expect(listed.body.items[0]).not.toHaveProperty('documento');
      // The company's title template uses its hidden name: the title falls back to a visible field.
      expect(listed.body.items[0].empresa).toEqual({ id: acme, title: 'Razón Visible' });

      const searchedByHidden = await t.api('GET', '/api/v1/records/contactos?q=52999222', undefined, as(tokens.ana));
      expect([searchedByHidden.status, searchedByHidden.body.total]).toEqual([200, 0]);
      expect((await platform('GET', '/api/v1/records/contactos?q=52999222')).body.total).toBe(1);
      const searchedByName = await t.api('GET', '/api/v1/records/contactos?q=Camila', undefined, as(tokens.ana));
      expect(searchedByName.body.items[0]).not.toHaveProperty('documento');

      const company = await t.api('GET', `/api/v1/records/empresas/${acme}`, undefined, as(tokens.ana));
      expect([company.status, company.body.razon_social]).toEqual([200, 'Razón Visible']);
      expect(company.body).not.toHaveProperty('nombre');

      const history = await t.api('GET', `/api/v1/records/contactos/${hiddenContact.id}/history`, undefined, as(tokens.ana));
      expect(history.status).toBe(200);
      expect(history.body.items.map((h: { action: string; field: string | null }) => [h.action, h.field])).toEqual([
        ['update', 'ciudad'],
        ['create', null],
      ]);
      expect(history.body.total).toBe(2);
      expect(history.body.items[1].newValue).toMatchObject({ nombre: 'Camila' });
      expect(history.body.items[1].newValue).not.toHaveProperty('documento');
      const platformHistory = await platform('GET', `/api/v1/records/contactos/${hiddenContact.id}/history`);
      expect(platformHistory.body.total).toBe(3);

      for (const answer of [got, listed, searchedByName, history, company]) {
        const text = JSON.stringify(answer.body);
        expect(text).not.toContain('52999');
        expect(text).not.toContain('Acme Secreta');
      }
    });

    it('applies visibility and hidden fields to the notes history a user reads', async () => {
      const mine = await platform('POST', '/api/v1/records/actividades', { tipo: 'nota', asunto: 'Nota de Ana', descripcion: 'Detalle 52999 oculto', empresa: acme, assignee: ids.ana });
      const notMine = await platform('POST', '/api/v1/records/actividades', { tipo: 'nota', asunto: 'Nota ajena', empresa: acme });
      expect([mine.status, notMine.status]).toEqual([201, 201]);
      const notes = await t.api('GET', `/api/v1/integration/notes-history?companyId=${acme}`, undefined, as(tokens.ana));
      expect(notes.status).toBe(200);
      expect(notes.body.total).toBe(1);
      expect(notes.body.items).toEqual([expect.objectContaining({ id: mine.body.id, asunto: 'Nota de Ana' })]);
      expect(notes.body.items[0]).not.toHaveProperty('descripcion');
      const all = await platform('GET', `/api/v1/integration/notes-history?companyId=${acme}`);
      expect(all.body.total).toBe(2);
      expect(all.body.items.find((n: { id: string }) => n.id === mine.body.id).descripcion).toBe('Detalle 52999 oculto');
    });

    it('hides a formula that reads a hidden field (casos: prefijo is built from the hidden numero)', async () => {
      const caso = await platform('POST', '/api/v1/records/casos', { tipo: 'queja', asunto: 'Formula oculta', estado: 'nuevo', prioridad: 'media', assignee: ids.ana });
      expect(caso.status).toBe(201);
      expect(caso.body.prefijo).toMatch(/^QUE-\d+$/);
      const got = await t.api('GET', `/api/v1/records/casos/${caso.body.id}`, undefined, as(tokens.ana));
      expect(got.status).toBe(200);
      expect(got.body.asunto).toBe('Formula oculta');
      expect(got.body).not.toHaveProperty('numero');
      expect(got.body).not.toHaveProperty('prefijo');
      const filtered = await t.api('POST', '/api/v1/records/casos/query', { filter: { field: 'prefijo', op: 'eq', value: caso.body.prefijo } }, as(tokens.ana));
      expect(filtered.status).toBe(400);
      const patched = await t.api('PATCH', `/api/v1/records/casos/${caso.body.id}`, { version: 1, estado: 'activo' }, as(tokens.ana));
      expect(patched.status).toBe(200);
      const history = await t.api('GET', `/api/v1/records/casos/${caso.body.id}/history`, undefined, as(tokens.ana));
      for (const answer of [got, patched, history]) expect(JSON.stringify(answer.body)).not.toContain(caso.body.prefijo);
      expect((await platform('GET', `/api/v1/records/casos/${caso.body.id}`)).body.prefijo).toBe(caso.body.prefijo);
    });

    it('treats a hidden field as unknown in filters, sorts, projections, expands and upsert keys, so its values cannot be probed', async () => {
      const probes: [string, unknown][] = [
        ['filter', { filter: { field: 'documento', op: 'eq', value: '52999222' } }],
        [
          'filter',
          {
            filter: {
              or: [
                { field: 'nombre', op: 'eq', value: 'x' },
                { field: 'documento', op: 'contains', value: '5299' },
              ],
            },
          },
        ],
        ['sort', { sort: [{ field: 'documento', dir: 'asc' }] }],
        ['fields', { fields: ['nombre', 'documento'] }],
        ['expand', { expand: ['documento'] }],
      ];
      for (const [what, body] of probes) {
        const refused = await t.api('POST', '/api/v1/records/contactos/query', body, as(tokens.ana));
        expect([what, refused.status, refused.body.code]).toEqual([what, 400, 'validation_failed']);
        expect(JSON.stringify(refused.body.details)).toContain('documento');
      }
      const upsert = await t.api('POST', '/api/v1/records/contactos/bulk', { mode: 'upsert', keyField: 'documento', rows: [{ nombre: 'Sonda' }] }, as(tokens.ana));
      expect(upsert.status).toBe(400);
      expect(paths(upsert.body)).toEqual([['keyField', 'unknownField']]);
    });

    it('refuses hidden and read-only fields on create, patch, bulk and jobs with their paths, and changes nothing', async () => {
      const before = (await platform('POST', '/api/v1/records/contactos/query', {})).body.total;
      const created = await t.api('POST', '/api/v1/records/contactos', { nombre: 'Nuevo', email: 'nuevo@example.co' }, as(tokens.ana));
      expect(created.status).toBe(403);
      expect(created.body.code).toBe('fields_not_allowed');
      expect(created.body.message).toEqual({ es: expect.any(String), en: expect.any(String) });
      expect(paths(created.body)).toEqual([['email', 'readOnly']]);
      const withHidden = await t.api('POST', '/api/v1/records/contactos', { nombre: 'Nuevo', tipo_documento: 'cc', documento: '1' }, as(tokens.ana));
      expect([withHidden.status, paths(withHidden.body)]).toEqual([403, [['documento', 'readOnly']]]);

      const patched = await t.api('PATCH', `/api/v1/records/contactos/${hiddenContact.id}`, { version: 2, email: 'otro@example.co', ciudad: 'Pasto' }, as(tokens.ana));
      expect([patched.status, paths(patched.body)]).toEqual([403, [['email', 'readOnly']]]);
      const unchanged = await platform('GET', `/api/v1/records/contactos/${hiddenContact.id}`);
      expect(unchanged.body).toMatchObject({ version: 2, email: 'camila@example.co', ciudad: 'Cali' });

      const bulk = await t.api('POST', '/api/v1/records/contactos/bulk', { rows: [{ nombre: 'Fila bien' }, { nombre: 'Fila mal', email: 'x@example.co' }] }, as(tokens.ana));
      expect([bulk.status, paths(bulk.body)]).toEqual([403, [['rows[1].email', 'readOnly']]]);

      const jobsBefore = (await t.api('GET', '/api/v1/jobs', undefined, as(tokens.ana))).body.total;
      const job = await t.api(
        'POST',
        '/api/v1/jobs',
        { type: 'records.bulk', payload: { module: 'contactos', mode: 'insert', rows: [{ nombre: 'Job', tipo_documento: 'cc', documento: '7' }] } },
        as(tokens.ana),
      );
      expect([job.status, paths(job.body)]).toEqual([403, [['payload.rows[0].documento', 'readOnly']]]);
      expect((await t.api('GET', '/api/v1/jobs', undefined, as(tokens.ana))).body.total).toBe(jobsBefore);
      expect((await platform('POST', '/api/v1/records/contactos/query', {})).body.total).toBe(before);

      // A stale PATCH answers the current record without the hidden field.
      const stale = await t.api('PATCH', `/api/v1/records/contactos/${hiddenContact.id}`, { version: 1, ciudad: 'Pasto' }, as(tokens.ana));
      expect(stale.status).toBe(409);
      expect(stale.body.current).toMatchObject({ id: hiddenContact.id, version: 2 });
      expect(stale.body.current).not.toHaveProperty('documento');
      // An allowed change answers without it too.
      const allowed = await t.api('PATCH', `/api/v1/records/contactos/${hiddenContact.id}`, { version: 2, ciudad: 'Pasto' }, as(tokens.ana));
      expect(allowed.status).toBe(200);
      expect(allowed.body).toMatchObject({ version: 3, ciudad: 'Pasto' });
      expect(allowed.body).not.toHaveProperty('documento');
    });
  });

  describe('visibility and editing', () => {
    const r: Record<string, { id: string; version: number } & Record<string, unknown>> = {};

    beforeAll(async () => {
      r.ana = await contact('ana', { nombre: 'Visible Ana' });
      r.luis = await contact('luis', { nombre: 'Visible Luis' });
      r.otro = await contact('otro', { nombre: 'Visible Otro' });
      r.sofia = await contact('sofia', { nombre: 'Visible Sofia' });
      r.assigned = await contact(null, { nombre: 'Visible Asignado', assignee: ids.ana });
      r.platform = await contact(null, { nombre: 'Visible Plataforma' });
    });

    const names = async (token: string) =>
      (await t.api('POST', '/api/v1/records/contactos/query', { filter: { field: 'nombre', op: 'contains', value: 'Visible' }, sort: [{ field: 'createdAt', dir: 'asc' }] }, as(token))).body.items.map(
        (x: { nombre: string }) => x.nombre,
      );

    it('own: a user sees the records it owns or is assigned; hierarchy adds users below its role; all sees everything', async () => {
      expect(await names(tokens.ana)).toEqual(['Visible Ana', 'Visible Asignado']);
      expect(await names(tokens.luis)).toEqual(['Visible Luis']);
      expect(await names(tokens.sofia)).toEqual(['Visible Ana', 'Visible Luis', 'Visible Sofia', 'Visible Asignado']);
      expect(await names(tokens.otro)).toEqual(['Visible Otro']);
      expect(await names(admin)).toEqual(['Visible Ana', 'Visible Luis', 'Visible Otro', 'Visible Sofia', 'Visible Asignado', 'Visible Plataforma']);
      const counted = await t.api('POST', '/api/v1/records/contactos/query', { filter: { field: 'nombre', op: 'contains', value: 'Visible' } }, as(tokens.sofia));
      expect(counted.body.total).toBe(4);
      const searched = await t.api('GET', '/api/v1/records/contactos?q=Visible%20Luis', undefined, as(tokens.ana));
      expect(searched.body.total).toBe(0);
    });

    it('answers 404 on every route for a record the user may not see, and changes nothing', async () => {
      const hidden = r.luis;
      const attempts: [string, string, unknown?][] = [
        ['GET', `/api/v1/records/contactos/${hidden.id}`],
        ['PATCH', `/api/v1/records/contactos/${hidden.id}`, { version: 1, ciudad: 'Tunja' }],
        ['GET', `/api/v1/records/contactos/${hidden.id}/history`],
        ['DELETE', `/api/v1/records/contactos/${hidden.id}`],
        ['POST', `/api/v1/records/contactos/${hidden.id}/restore`],
      ];
      for (const [method, path, body] of attempts) {
        const answer = await t.api(method, path, body, as(tokens.ana));
        expect([method, path, answer.status, answer.body.code]).toEqual([method, path, 404, 'record_not_found']);
      }
      // The same answer as for an id that does not exist.
      const missing = await t.api('GET', '/api/v1/records/contactos/00000000-0000-4000-8000-000000000000', undefined, as(tokens.ana));
      expect(missing.body.code).toBe('record_not_found');
      expect((await platform('GET', `/api/v1/records/contactos/${hidden.id}`)).body).toMatchObject({ version: 1, nombre: 'Visible Luis' });

      // A deleted record the user may not see cannot be restored by it, nor found in the trash.
      await platform('DELETE', `/api/v1/records/contactos/${r.platform.id}`);
      expect((await t.api('POST', `/api/v1/records/contactos/${r.platform.id}/restore`, undefined, as(tokens.ana))).status).toBe(404);
      expect((await t.api('POST', '/api/v1/records/contactos/query?deleted=only', {}, as(tokens.ana))).body.total).toBe(0);
      expect((await platform('POST', `/api/v1/records/contactos/${r.platform.id}/restore`)).status).toBe(200);

      // A lookup to a record the user may not see expands without its title.
      const caso = await platform('POST', '/api/v1/records/casos', {
        tipo: 'peticion',
        asunto: 'Caso con contacto ajeno',
        estado: 'nuevo',
        prioridad: 'media',
        contacto: hidden.id,
        assignee: ids.ana,
      });
      expect(caso.status).toBe(201);
      const expanded = await t.api('POST', '/api/v1/records/casos/query', { filter: { field: 'id', op: 'eq', value: caso.body.id }, expand: ['contacto'] }, as(tokens.ana));
      expect(expanded.body.items[0].contacto).toEqual({ id: hidden.id, title: null });
      const expandedBySupervisor = await t.api('POST', '/api/v1/records/casos/query', { filter: { field: 'id', op: 'eq', value: caso.body.id }, expand: ['contacto'] }, as(tokens.sofia));
      expect(expandedBySupervisor.body.items[0].contacto).toEqual({ id: hidden.id, title: 'Visible Luis' });
    });

    it('edits own and assigned records only, unless the profile says "Todos los usuarios pueden editar"', async () => {
      const assigned = await t.api('PATCH', `/api/v1/records/contactos/${r.assigned.id}`, { version: 1, cargo: 'Asignado a Ana' }, as(tokens.ana));
      expect([assigned.status, assigned.body.cargo]).toEqual([200, 'Asignado a Ana']);

      const supervisorEdit = await t.api('PATCH', `/api/v1/records/contactos/${r.ana.id}`, { version: 1, cargo: 'Supervisado' }, as(tokens.sofia));
      expect(supervisorEdit.status).toBe(403);
      expect(supervisorEdit.body.code).toBe('record_not_editable');
      expect(supervisorEdit.body.message).toEqual({ es: expect.any(String), en: expect.any(String) });
      expect((await t.api('DELETE', `/api/v1/records/contactos/${r.ana.id}`, undefined, as(tokens.sofia))).status).toBe(403);
      expect((await platform('GET', `/api/v1/records/contactos/${r.ana.id}`)).body.version).toBe(1);

      const made = await t.api('PATCH', `/api/v1/users/${ids.sofia}`, { profileId: ids.collaborativeProfile }, as(admin));
      expect(made.status).toBe(200);
      const collaborative = await t.api('PATCH', `/api/v1/records/contactos/${r.ana.id}`, { version: 1, cargo: 'Supervisado' }, as(tokens.sofia));
      expect([collaborative.status, collaborative.body.cargo, collaborative.body.version]).toEqual([200, 'Supervisado', 2]);
      // Still only within what the profile sees.
      expect((await t.api('PATCH', `/api/v1/records/contactos/${r.otro.id}`, { version: 1, cargo: 'Ajeno' }, as(tokens.sofia))).status).toBe(404);
      await t.api('PATCH', `/api/v1/users/${ids.sofia}`, { profileId: ids.supervisorProfile }, as(admin));
    });

    it('bulk upserts and jobs match only records the user may see and edit', async () => {
      const bulk = await t.api(
        'POST',
        '/api/v1/records/contactos/bulk',
        {
          mode: 'upsert',
          keyField: 'nombre',
          rows: [
            { nombre: 'Visible Luis', cargo: 'Upsert de Ana' },
            { nombre: 'Visible Asignado', cargo: 'Upsert asignado' },
          ],
        },
        as(tokens.ana),
      );
      expect(bulk.status).toBe(200);
      expect(bulk.body).toMatchObject({ total: 2, inserted: 1, updated: 1, errors: [] });
      expect((await platform('GET', `/api/v1/records/contactos/${r.luis.id}`)).body).toMatchObject({ version: 1 });
      expect((await platform('GET', `/api/v1/records/contactos/${r.assigned.id}`)).body.cargo).toBe('Upsert asignado');

      // Sofía sees Ana's record but may not edit it: a row error, nothing written.
      const supervisor = await t.api('POST', '/api/v1/records/contactos/bulk', { mode: 'upsert', keyField: 'nombre', rows: [{ nombre: 'Visible Ana', cargo: 'Por Sofía' }] }, as(tokens.sofia));
      expect(supervisor.status).toBe(200);
      expect(supervisor.body).toMatchObject({ inserted: 0, updated: 0, skipped: 1 });
      expect(rowPaths(supervisor.body.errors[0])).toEqual([['nombre', 'notEditable']]);
      expect((await platform('GET', `/api/v1/records/contactos/${r.ana.id}`)).body).toMatchObject({ version: 2, cargo: 'Supervisado' });

      const job = await t.api(
        'POST',
        '/api/v1/jobs',
        { type: 'records.bulk', payload: { module: 'contactos', mode: 'upsert', keyField: 'nombre', rows: [{ nombre: 'Visible Otro', cargo: 'Job de Ana' }] } },
        as(tokens.ana),
      );
      expect(job.status).toBe(202);
      let done = job.body;
      for (let i = 0; i < 100 && !['completed', 'failed'].includes(done.state); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        done = (await t.api('GET', `/api/v1/jobs/${job.body.id}`, undefined, as(tokens.ana))).body;
      }
      expect(done).toMatchObject({ state: 'completed', result: { inserted: 1, updated: 0 } });
      expect((await platform('GET', `/api/v1/records/contactos/${r.otro.id}`)).body).toMatchObject({ version: 1 });
      expect((await platform('POST', '/api/v1/records/contactos/query', { filter: { field: 'nombre', op: 'eq', value: 'Visible Otro' } })).body.total).toBe(2);
    });
  });

  describe('assignment by the role tree (A5)', () => {
    it('assigns only to users of the own role or below; above or aside is 403 with the field path', async () => {
      const mine = await contact('ana', { nombre: 'Para asignar' });
      const toPeer = await t.api('PATCH', `/api/v1/records/contactos/${mine.id}`, { version: 1, assignee: ids.luis }, as(tokens.ana));
      expect([toPeer.status, toPeer.body.assignee]).toEqual([200, ids.luis]);
      for (const [key, target] of [
        ['assignee', ids.sofia],
        ['assignee', ids.otro],
        ['owner', ids.sofia],
      ] as const) {
        const refused = await t.api('PATCH', `/api/v1/records/contactos/${mine.id}`, { version: 2, [key]: target }, as(tokens.ana));
        expect([key, refused.status, refused.body.code]).toEqual([key, 403, 'fields_not_allowed']);
        expect(paths(refused.body)).toEqual([[key, 'assignAbove']]);
      }
      const created = await t.api('POST', '/api/v1/records/contactos', { nombre: 'Asignado arriba', assignee: ids.sofia }, as(tokens.ana));
      expect([created.status, paths(created.body)]).toEqual([403, [['assignee', 'assignAbove']]]);
      const bulk = await t.api('POST', '/api/v1/records/contactos/bulk', { rows: [{ nombre: 'Bulk arriba', owner: ids.sofia }] }, as(tokens.ana));
      expect([bulk.status, paths(bulk.body)]).toEqual([403, [['rows[0].owner', 'assignAbove']]]);
      expect((await platform('POST', '/api/v1/records/contactos/query', { filter: { field: 'nombre', op: 'in', value: ['Asignado arriba', 'Bulk arriba'] } })).body.total).toBe(0);
      expect((await platform('GET', `/api/v1/records/contactos/${mine.id}`)).body).toMatchObject({ version: 2, owner: ids.ana, assignee: ids.luis });

      // The supervisor assigns down the tree.
      const down = await t.api('POST', '/api/v1/records/contactos', { nombre: 'Asignado abajo', assignee: ids.ana }, as(tokens.sofia));
      expect([down.status, down.body.assignee, down.body.owner]).toEqual([201, ids.ana, ids.sofia]);
    });
  });

  describe('mass assignment: system columns', () => {
    const attempts = [
      ['id', '00000000-0000-4000-8000-000000000001', 'systemField'],
      ['version', 7, 'systemField'],
      ['createdAt', '2020-01-01T00:00:00.000Z', 'systemField'],
      ['createdBy', '00000000-0000-4000-8000-000000000001', 'systemField'],
      ['updatedAt', '2020-01-01T00:00:00.000Z', 'systemField'],
      ['updatedBy', '00000000-0000-4000-8000-000000000001', 'systemField'],
      ['deletedAt', '2020-01-01T00:00:00.000Z', 'systemField'],
      ['created_at', '2020-01-01T00:00:00.000Z', 'unknownField'],
      ['created_by', '00000000-0000-4000-8000-000000000001', 'unknownField'],
      ['updated_at', '2020-01-01T00:00:00.000Z', 'unknownField'],
      ['updated_by', '00000000-0000-4000-8000-000000000001', 'unknownField'],
      ['deleted_at', '2020-01-01T00:00:00.000Z', 'unknownField'],
      ['operation', 'otra', 'unknownField'],
      ['operation_id', '00000000-0000-4000-8000-000000000001', 'unknownField'],
      ['operationId', '00000000-0000-4000-8000-000000000001', 'unknownField'],
      ['schema', 'op_otra', 'unknownField'],
    ] as const;

    it('refuses every system column on create, patch and bulk rows, for users and the platform alike', async () => {
      const before = (await platform('POST', '/api/v1/records/contactos/query', {})).body.total;
      let tried = 0;
      for (const [key, value, code] of attempts) {
        for (const caller of [{ token: tokens.ana }, { operation: op }]) {
          const created = await t.api('POST', '/api/v1/records/contactos', { nombre: 'Masivo', [key]: value }, caller);
          expect([key, created.status]).toEqual([key, 400]);
          expect(paths(created.body)).toEqual([[key, code]]);
          tried++;
        }
      }
      const target = await contact('ana', { nombre: 'Destino masivo' });
      for (const [key, value, code] of attempts.filter(([key]) => key !== 'version')) {
        const patched = await t.api('PATCH', `/api/v1/records/contactos/${target.id}`, { version: 1, ciudad: 'Neiva', [key]: value }, as(tokens.ana));
        expect([key, patched.status]).toEqual([key, 400]);
        expect(paths(patched.body)).toEqual([[key, code]]);
        tried++;
      }
      const bulk = await t.api('POST', '/api/v1/records/contactos/bulk', { rows: attempts.map(([key, value]) => ({ nombre: 'Masivo bulk', [key]: value })) }, as(tokens.ana));
      expect(bulk.status).toBe(200);
      expect(bulk.body).toMatchObject({ total: attempts.length, inserted: 0 });
      expect(bulk.body.errors.map((e: { row: number; issues: { path: string; code: string }[] }) => [e.row, ...rowPaths(e)[0]])).toEqual(attempts.map(([key, , code], i) => [i, key, code]));
      tried += attempts.length;
      expect(tried).toBe(attempts.length * 4 - 1);

      expect((await platform('POST', '/api/v1/records/contactos/query', {})).body.total).toBe(before + 1);
      const after = await platform('GET', `/api/v1/records/contactos/${target.id}`);
      expect(after.body).toMatchObject({ version: 1, owner: ids.ana, createdBy: ids.ana, id: target.id });
      expect(after.body.ciudad ?? null).toBeNull();
    });

    it('never lets a client choose ids, operations or authors on the settings routes', async () => {
      const forged = '00000000-0000-4000-8000-0000000000aa';
      const me = (await t.api('GET', '/api/v1/auth/me', undefined, as(admin))).body.id;
      const role = await t.api('POST', '/api/v1/roles', { name: 'Rol forjado', id: forged, operation_id: forged, created_at: '2020-01-01' }, as(admin));
      expect([role.status, role.body.id === forged]).toEqual([201, false]);
      const level = await t.api('POST', '/api/v1/levels', { name: 'Nivel forjado', id: forged, createdBy: forged, created_by: forged }, as(admin));
      expect([level.status, level.body.id === forged, level.body.createdBy]).toEqual([201, false, me]);
      const rule = await t.api('POST', '/api/v1/click2dial/ip-restrictions', { address: '10.9.9.9', id: forged, operation_id: forged }, as(admin));
      expect([rule.status, rule.body.id === forged]).toEqual([201, false]);
      await t.api('DELETE', `/api/v1/click2dial/ip-restrictions/${rule.body.id}`, undefined, as(admin));
      const token = await t.api('POST', '/api/v1/tokens', { name: 'Token forjado', type: 'internal', id: forged, created_by: forged, operation_id: forged }, as(admin));
      expect([token.status, token.body.id === forged]).toEqual([201, false]);
      for (const key of ['id', 'operationId', 'operation_id', 'passwordHash', 'mustChangePassword', 'createdAt']) {
        const user = await t.api('PATCH', `/api/v1/users/${ids.ana}`, { [key]: key === 'mustChangePassword' ? false : forged }, as(admin));
        expect([key, user.status]).toEqual([key, 400]);
      }
      const created = await t.api('POST', '/api/v1/users', { username: 'forjado', id: forged }, as(admin));
      expect(created.status).toBe(400);
      expect((await t.api('GET', `/api/v1/users/${forged}`, undefined, as(admin))).status).toBe(404);
    });

    it('lets owner and assignee be set only where the record routes say so, and a version only as the PATCH lock', async () => {
      const target = await contact('ana', { nombre: 'Versionado' });
      const stale = await t.api('PATCH', `/api/v1/records/contactos/${target.id}`, { version: 9, ciudad: 'Ibagué' }, as(tokens.ana));
      expect(stale.status).toBe(409);
      const fine = await t.api('PATCH', `/api/v1/records/contactos/${target.id}`, { version: 1, ciudad: 'Ibagué', owner: ids.luis }, as(tokens.ana));
      expect([fine.status, fine.body.version, fine.body.owner]).toEqual([200, 2, ids.luis]);
      const notUser = await t.api('POST', '/api/v1/records/contactos', { nombre: 'Sin usuario', assignee: 'ana' }, as(tokens.ana));
      expect([notUser.status, paths(notUser.body)]).toEqual([400, [['assignee', 'format.uuid']]]);
    });
  });
});

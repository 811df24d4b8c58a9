import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Mass delete (B4): 50,000 contacts matching a filter soft-deleted by one job, in
 * set-based chunks with audit; the "mass delete" right checked; the whole job brought
 * back by "Restaurar eliminación" (`records.undelete`), once.
 */
describe('records.delete and records.undelete', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  const BASE = 50_000;
  const as = (token: string) => ({ token });
  const platform = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });
  const login = async (username: string) => {
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username, password: op }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Borrado-Seguro-2026' }, as(first.body.accessToken));
    expect(changed.status).toBe(200);
    return changed.body.accessToken as string;
  };
  const count = async (filter?: unknown) => (await platform('POST', '/api/v1/records/contactos/query', { ...(filter ? { filter } : {}), limit: 1, count: 'exact' })).body.total as number;
  const finished = async (id: string, token?: string) => {
    for (let i = 0; i < 3000; i++) {
      const job = (await t.api('GET', `/api/v1/jobs/${id}`, undefined, token ? as(token) : { operation: op })).body;
      if (['completed', 'failed', 'cancelled'].includes(job.state)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  };
  const lote = { field: 'lista', op: 'eq', value: 'base-agosto' };

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('massdel');
    admin = await login(`ADMIN_@${op}`);
    for (let start = 0; start < BASE; start += 10_000) {
      const rows = Array.from({ length: 10_000 }, (_, i) => ({ nombre: `Contacto ${start + i}`, telefono: `+57 300 ${String(start + i).padStart(7, '0')}`, lista: 'base-agosto' }));
      const written = await platform('POST', '/api/v1/records/contactos/bulk', { rows });
      expect(written.body.inserted).toBe(10_000);
    }
    for (const nombre of ['Queda Uno', 'Queda Dos']) expect((await platform('POST', '/api/v1/records/contactos', { nombre, lista: 'base-septiembre' })).status).toBe(201);
  }, 300_000);
  afterAll(() => t.close());

  it('refuses a profile without the mass delete right, and a bad request, changing nothing', async () => {
    const rights = { view: true, create: true, edit: true, delete: true, import: false, massDelete: false, massDuplicate: false, settings: false };
    const profile = await t.api(
      'POST',
      '/api/v1/profiles',
      { name: 'Sin borrado masivo', permissions: { modules: { '*': rights }, fields: {}, visibility: 'all', allUsersCanEdit: true, aiAssistant: false, admin: false } },
      as(admin),
    );
    const role = (await t.api('GET', '/api/v1/roles', undefined, as(admin))).body.items[0];
    expect((await t.api('POST', '/api/v1/users', { username: 'marta', displayName: 'Marta', profileId: profile.body.id, roleId: role.id }, as(admin))).status).toBe(201);
    const marta = await login('marta');
    const refused = await t.api('POST', '/api/v1/jobs', { type: 'records.delete', payload: { module: 'contactos', filter: lote } }, as(marta));
    expect(refused.status).toBe(403);
    expect(refused.body.message.es).toContain('eliminación masiva');

    const both = await platform('POST', '/api/v1/jobs', { type: 'records.delete', payload: { module: 'contactos', filter: lote, ids: [] } });
    expect(both.status).toBe(400);
    expect(both.body.details.map((d: { path: string }) => d.path)).toEqual(['payload.ids']);
    const badFilter = await platform('POST', '/api/v1/jobs', { type: 'records.delete', payload: { module: 'contactos', filter: { field: 'no_existe', op: 'eq', value: 1 } } });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.details[0].path).toMatch(/^payload\.filter/);
    expect((await platform('POST', '/api/v1/jobs', { type: 'records.delete', payload: { module: 'nada', ids: ['00000000-0000-4000-8000-000000000000'] } })).status).toBe(400);
    expect(await count()).toBe(BASE + 2);
  });

  it('deletes the 50,000 matching records as one job, audited, and restores them as one batch', async () => {
    const started = await t.api('POST', '/api/v1/jobs', { type: 'records.delete', payload: { module: 'contactos', filter: lote } }, as(admin));
    expect(started.status).toBe(202);
    // A second mass change of the module waits for the first.
    const second = await platform('POST', '/api/v1/jobs', { type: 'records.delete', payload: { module: 'contactos', filter: lote } });
    expect([202, 409]).toContain(second.status);
    const job = await finished(started.body.id, admin);
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({ total: BASE, deleted: BASE, refused: 0, missing: 0 });
    expect(job).toMatchObject({ processed: BASE, succeeded: BASE, failed: 0, progress: 100 });
    if (second.status === 202) await finished(second.body.id);
    expect(await count(lote)).toBe(0);
    expect(await count()).toBe(2);

    const deletedOne = (await platform('POST', '/api/v1/records/contactos/query?deleted=only', { filter: lote, limit: 1 })).body.items[0];
    const history = (await platform('GET', `/api/v1/records/contactos/${deletedOne.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ action: 'delete', jobId: started.body.id });

    // One record restored and deleted again by hand since: the undo leaves it as its last change says.
    expect((await platform('POST', `/api/v1/records/contactos/${deletedOne.id}/restore`)).status).toBe(200);
    expect((await platform('DELETE', `/api/v1/records/contactos/${deletedOne.id}`)).status).toBe(200);
    const undo = await t.api('POST', '/api/v1/jobs', { type: 'records.undelete', payload: { deleteJobId: started.body.id } }, as(admin));
    expect(undo.status).toBe(202);
    const undone = await finished(undo.body.id, admin);
    expect(undone.state).toBe('completed');
    expect(undone.result).toEqual({ deleteJobId: started.body.id, total: BASE - 1, restored: BASE - 1, refused: 0, alreadyLive: 0, conflicts: [] });
    expect(await count(lote)).toBe(BASE - 1);
    const again = await t.api('POST', '/api/v1/jobs', { type: 'records.undelete', payload: { deleteJobId: started.body.id } }, as(admin));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('delete_restored');
  }, 600_000);

  it('deletes a selection by ids, counting those already gone', async () => {
    const ids = (await platform('POST', '/api/v1/records/contactos/query', { filter: { field: 'lista', op: 'eq', value: 'base-septiembre' }, limit: 10 })).body.items.map((r: { id: string }) => r.id);
    expect(ids).toHaveLength(2);
    expect((await platform('DELETE', `/api/v1/records/contactos/${ids[0]}`)).status).toBe(200);
    const started = await platform('POST', '/api/v1/jobs', { type: 'records.delete', payload: { module: 'contactos', ids } });
    expect(started.status).toBe(202);
    const job = await finished(started.body.id);
    expect(job.result).toMatchObject({ total: 2, deleted: 1, missing: 1, refused: 0 });
    expect(await count({ field: 'lista', op: 'eq', value: 'base-septiembre' })).toBe(0);
  });

  it('keeps deleted, and reports, a record whose unique value a live record took since', async () => {
    const first = await platform('POST', '/api/v1/records/empresas', { nombre: 'Transportes Andinos', nit: '900123456' });
    const second = await platform('POST', '/api/v1/records/empresas', { nombre: 'Logística Norte', nit: '900654321' });
    const started = await platform('POST', '/api/v1/jobs', { type: 'records.delete', payload: { module: 'empresas', ids: [first.body.id, second.body.id] } });
    expect((await finished(started.body.id)).result).toMatchObject({ deleted: 2 });
    expect((await platform('POST', '/api/v1/records/empresas', { nombre: 'Transportes Andinos SAS', nit: '900123456' })).status).toBe(201);
    const one = await platform('POST', `/api/v1/records/empresas/${first.body.id}/restore`);
    expect(one.status).toBe(409);
    expect(one.body).toMatchObject({ code: 'duplicate_value', details: [{ path: 'nit' }] });
    const undo = await platform('POST', '/api/v1/jobs', { type: 'records.undelete', payload: { deleteJobId: started.body.id } });
    const undone = await finished(undo.body.id);
    expect(undone.state).toBe('completed');
    expect(undone.result).toMatchObject({ total: 2, restored: 1, refused: 1, conflicts: [{ id: first.body.id, issues: [{ path: 'nit' }] }] });
    expect((await platform('GET', `/api/v1/records/empresas/${second.body.id}`)).status).toBe(200);
    expect((await platform('GET', `/api/v1/records/empresas/${first.body.id}`)).status).toBe(404);
  });
});

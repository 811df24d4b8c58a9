import { duplicateKey } from '@crm/engine';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Duplicate merge (B3) on the real server: groups found by a phone compared by
 * its digits, merged by hand and by rule as jobs, every link re-pointed (a case's
 * and a gestión's lookup, an activity's related record, attachments joined), the
 * history kept on both sides, then undone exactly.
 */
describe('duplicate merge and undo', () => {
  let t: TestServer;
  let op: string;
  const api = (method: string, path: string, body?: unknown, token?: string) => t.api(method, path, body, token ? { token } : { operation: op });
  const ids: Record<string, string> = {};
  const files: Record<string, { id: string; name: string; size: number; mime: string }> = {};
  type Job = { state: string; processed: number; succeeded: number; failed: number; result: any; error: unknown };
  const finished = async (id: string, token?: string): Promise<Job> => {
    for (let i = 0; i < 300; i++) {
      const job = (await api('GET', `/api/v1/jobs/${id}`, undefined, token)).body as Job;
      if (['completed', 'failed', 'cancelled'].includes(job.state)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  };
  const record = async (module: string, id: string) => (await api('GET', `/api/v1/records/${module}/${id}`)).body;
  const history = async (id: string) =>
    (await api('GET', `/api/v1/records/contactos/${id}/history?limit=100`)).body.items as { action: string; field: string | null; oldValue: any; newValue: any; jobId: string | null }[];
  const byPhone = { fields: ['telefono'], mode: 'normalised' };

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('mrg');
    // Contacts get an attachments field, so merged records bring their files along.
    const current = (await api('GET', '/api/v1/modules/contactos')).body;
    const definition = current.definition ?? current;
    const changed = {
      ...definition,
      fields: [...definition.fields, { key: 'documentos', type: 'file', label: { es: 'Documentos', en: 'Documents' }, accept: ['pdf'], maxSizeMb: 5, maxFiles: 10 }],
      sections: definition.sections.map((s: { fields: string[] }, i: number) => (i === 0 ? { ...s, fields: [...s.fields, 'documentos'] } : s)),
    };
    const applied = await api('PUT', '/api/v1/modules/contactos', { definition: changed });
    expect(applied.status).toBe(200);
    for (const name of ['cedula-ana.pdf', 'rut-ana.pdf']) {
      const up = await api('POST', '/api/v1/files/contactos/documentos', { name, mime: 'application/pdf', content: Buffer.from(`%PDF ${name}`).toString('base64') });
      expect(up.status).toBe(201);
      files[name] = up.body;
    }
    const contact = async (key: string, body: Record<string, unknown>) => {
      const made = await api('POST', '/api/v1/records/contactos', body);
      if (made.status !== 201) throw new Error(JSON.stringify(made.body));
      ids[key] = made.body.id;
    };
    await contact('ana', { nombre: 'Ana María', telefono: '300 123 4567', ciudad: 'Bogotá', documentos: [files['cedula-ana.pdf']] });
    await contact('ana2', { nombre: 'ana maria', telefono: '300 (123) 45-67', email: 'ana@example.co', documentos: [files['rut-ana.pdf']] });
    await contact('carlos', { nombre: 'Carlos', telefono: '310 555 0000' });
    await contact('beto', { nombre: 'Beto', telefono: '311-222-3333', ciudad: 'Cali' });
    await contact('beto2', { nombre: 'Beto', telefono: '311.222.3333' });
    const caso = await api('POST', '/api/v1/records/casos', { tipo: 'peticion', asunto: 'Factura', estado: 'nuevo', prioridad: 'media', contacto: ids.ana2 });
    expect(caso.status).toBe(201);
    ids.caso = caso.body.id;
    const gestion = await api('POST', '/api/v1/records/gestiones', { fecha: '2026-12-01T15:00:00.000Z', contacto: ids.ana2, descripcion: 'Llamada de cobro' });
    expect(gestion.status).toBe(201);
    ids.gestion = gestion.body.id;
    const actividad = await api('POST', '/api/v1/records/actividades', { tipo: 'nota', asunto: 'Nota suelta', estado: 'pendiente', modulo_relacionado: 'contactos', registro_relacionado: ids.ana2 });
    expect(actividad.status).toBe(201);
    ids.actividad = actividad.body.id;
  });
  afterAll(() => t.close());

  it('finds groups by the digits of the phone, with their counts, in one query; exact mode and a date range narrow them', async () => {
    const found = await api('POST', '/api/v1/records/contactos/duplicates', byPhone);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ total: 2, records: 4, nextCursor: null });
    const groups = found.body.items as { key: string[]; count: number; ids: string[] }[];
    expect(groups.map((g) => [g.key, g.count, [...g.ids].sort()])).toEqual(
      expect.arrayContaining([
        [['3001234567'], 2, [ids.ana, ids.ana2].sort()],
        [['3112223333'], 2, [ids.beto, ids.beto2].sort()],
      ]),
    );
    const byName = await api('POST', '/api/v1/records/contactos/duplicates', { fields: ['nombre', 'telefono'] });
    expect(byName.body.items.map((g: { key: string[] }) => g.key)).toEqual(
      expect.arrayContaining([
        ['ana maria', '3001234567'],
        ['beto', '3112223333'],
      ]),
    );
    expect((await api('POST', '/api/v1/records/contactos/duplicates', { ...byPhone, mode: 'exact' })).body.total).toBe(0);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await api('POST', '/api/v1/records/contactos/duplicates', { ...byPhone, created: { from: tomorrow } })).body.total).toBe(0);
    expect((await api('POST', '/api/v1/records/contactos/duplicates', { ...byPhone, modified: { to: tomorrow } })).body.total).toBe(2);
    const paged = await api('POST', '/api/v1/records/contactos/duplicates', { ...byPhone, limit: 1 });
    expect(paged.body).toMatchObject({ total: 2, nextCursor: '1' });
    expect(paged.body.items).toHaveLength(1);
  });

  it('refuses bad queries and payloads with paths, in both languages', async () => {
    const bad = await api('POST', '/api/v1/records/contactos/duplicates', { fields: ['no_existe', 'documentos'], mode: 'fuzzy', created: { from: 'ayer' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['mode', 'option'],
      ['fields[0]', 'unknownField'],
      ['fields[1]', 'notGroupable'],
      ['created.from', 'format.datetime'],
    ]);
    const job = await api('POST', '/api/v1/jobs', { type: 'records.merge', payload: { module: 'contactos', groups: [{ keep: ids.ana, merge: [ids.ana], values: { nombre: ids.carlos } }] } });
    expect(job.status).toBe(400);
    expect(job.body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['payload.groups[0]', 'recordTwice'],
      ['payload.groups[0].values.nombre', 'notInGroup'],
    ]);
    expect(job.body.details[0].message).toEqual({ es: expect.any(String), en: expect.any(String) });
  });

  let mergeAna: string;

  it('merges a group by hand: chosen and filled values, links, activity and attachments move to the kept record, history on both sides', async () => {
    const started = await api('POST', '/api/v1/jobs', { type: 'records.merge', payload: { module: 'contactos', groups: [{ keep: ids.ana, merge: [ids.ana2], values: { nombre: ids.ana2 } }] } });
    expect(started.status).toBe(202);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ state: 'completed', processed: 1, succeeded: 1, failed: 0, result: { merged: 1, failed: 0 } });
    mergeAna = job.result.merges[0].mergeId;
    expect(job.result.merges[0]).toMatchObject({ keptId: ids.ana, mergedIds: [ids.ana2], links: 3 });

    const kept = await record('contactos', ids.ana);
    expect(kept).toMatchObject({ nombre: 'ana maria', telefono: '300 123 4567', email: 'ana@example.co', ciudad: 'Bogotá' });
    expect(kept.documentos.map((f: { id: string }) => f.id)).toEqual([files['cedula-ana.pdf'].id, files['rut-ana.pdf'].id]);
    expect((await api('GET', `/api/v1/records/contactos/${ids.ana2}`)).status).toBe(404);
    const trash = await api('POST', '/api/v1/records/contactos/query?deleted=only', {});
    expect(trash.body.items.map((r: { id: string }) => r.id)).toEqual([ids.ana2]);

    expect((await record('casos', ids.caso)).contacto).toBe(ids.ana);
    expect((await record('gestiones', ids.gestion)).contacto).toBe(ids.ana);
    expect((await record('actividades', ids.actividad)).registro_relacionado).toBe(ids.ana);

    const keptHistory = await history(ids.ana);
    expect(keptHistory).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'merge', newValue: { mergeId: mergeAna, merged: [ids.ana2] }, jobId: started.body.id })]));
    expect(keptHistory.filter((h) => h.action === 'update').map((h) => h.field)).toEqual(expect.arrayContaining(['nombre', 'email', 'documentos']));
    expect(keptHistory.find((h) => h.field === 'nombre')).toMatchObject({ oldValue: 'Ana María', newValue: 'ana maria', jobId: started.body.id });
    const mergedHistory = await history(ids.ana2);
    expect(mergedHistory.map((h) => h.action)).toEqual(expect.arrayContaining(['create', 'delete', 'merge']));
    expect(mergedHistory.find((h) => h.action === 'merge')?.newValue).toEqual({ mergeId: mergeAna, mergedInto: ids.ana });
    expect((await api('GET', `/api/v1/merges/records/contactos/${ids.ana2}`)).body).toEqual({ recordId: ids.ana2, mergedInto: ids.ana, mergeId: mergeAna });
    expect((await api('GET', `/api/v1/merges/records/contactos/${ids.ana}`)).status).toBe(404);
  });

  it('merges every group a query finds by a rule, and lists the merges of the module', async () => {
    const started = await api('POST', '/api/v1/jobs', { type: 'records.merge', payload: { module: 'contactos', rule: 'oldest', duplicates: byPhone } });
    expect(started.status).toBe(202);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ state: 'completed', total: 1, result: { merged: 1 } });
    expect(job.result.merges[0]).toMatchObject({ keptId: ids.beto, mergedIds: [ids.beto2] });
    expect((await api('POST', '/api/v1/records/contactos/duplicates', byPhone)).body.total).toBe(0);

    const list = await api('GET', '/api/v1/merges?module=contactos');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, nextCursor: null });
    expect(list.body.items.map((m: { keptId: string }) => m.keptId)).toEqual([ids.beto, ids.ana]);
    expect(list.body.items[1]).toMatchObject({ id: mergeAna, mergedIds: [ids.ana2], links: { casos: 1, gestiones: 1, actividades: 1 }, undoneAt: null });
    expect([...list.body.items[1].fields].sort()).toEqual(['documentos', 'email', 'nombre']);
  });

  it('undoes a merge exactly: merged record back, links pointed back, kept values as before; a second undo is refused', async () => {
    const undo = await api('POST', `/api/v1/merges/${mergeAna}/undo`);
    expect(undo.status).toBe(202);
    const job = await finished(undo.body.id);
    expect(job).toMatchObject({ state: 'completed', result: { keptId: ids.ana, restored: [ids.ana2], links: 3, conflicts: { fields: [], links: [] } } });

    const kept = await record('contactos', ids.ana);
    expect(kept).toMatchObject({ nombre: 'Ana María', email: null, ciudad: 'Bogotá' });
    expect(kept.documentos).toEqual([files['cedula-ana.pdf']]);
    const back = await record('contactos', ids.ana2);
    expect(back).toMatchObject({ nombre: 'ana maria', email: 'ana@example.co', telefono: '300 (123) 45-67' });
    expect(back.documentos).toEqual([files['rut-ana.pdf']]);
    expect((await record('casos', ids.caso)).contacto).toBe(ids.ana2);
    expect((await record('gestiones', ids.gestion)).contacto).toBe(ids.ana2);
    expect((await record('actividades', ids.actividad)).registro_relacionado).toBe(ids.ana2);
    expect((await history(ids.ana)).some((h) => h.action === 'unmerge')).toBe(true);
    expect((await history(ids.ana2)).map((h) => h.action)).toEqual(expect.arrayContaining(['merge', 'delete', 'restore', 'unmerge']));

    const list = (await api('GET', '/api/v1/merges?module=contactos')).body.items as { id: string; undoneAt: string | null }[];
    expect(list.find((m) => m.id === mergeAna)?.undoneAt).toEqual(expect.any(String));
    expect((await api('GET', `/api/v1/merges/records/contactos/${ids.ana2}`)).status).toBe(404);
    const again = await api('POST', `/api/v1/merges/${mergeAna}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('merge_undone');
    expect((await api('POST', '/api/v1/records/contactos/duplicates', byPhone)).body.items.map((g: { count: number }) => g.count)).toEqual([2]);
  });

  it('needs the edit and delete rights on the module', async () => {
    const login = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    const admin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Admin-Seguro-2024' }, { token: login.body.accessToken })).body.accessToken as string;
    const rights = { view: true, create: true, edit: true, delete: false, import: true, massDelete: false, massDuplicate: false, settings: false };
    const profile = await api(
      'POST',
      '/api/v1/profiles',
      { name: 'Sin borrar', permissions: { modules: { '*': rights }, fields: {}, visibility: 'all', allUsersCanEdit: true, aiAssistant: false, admin: false } },
      admin,
    );
    const role = (await api('GET', '/api/v1/roles', undefined, admin)).body.items[0];
    await api('POST', '/api/v1/users', { username: 'marta', displayName: 'Marta', profileId: profile.body.id, roleId: role.id }, admin);
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: 'marta', password: op }, { token: null });
    const agent = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Agente-Seguro-2024' }, { token: first.body.accessToken })).body.accessToken as string;
    expect((await api('POST', '/api/v1/records/contactos/duplicates', byPhone, agent)).status).toBe(200);
    const refused = await api('POST', '/api/v1/jobs', { type: 'records.merge', payload: { module: 'contactos', rule: 'newest', duplicates: byPhone } }, agent);
    expect(refused.status).toBe(403);
    expect(refused.body.message.es).toContain('eliminar');
  });
  it('moves a unique value to the kept record and gives it back on undo; a group whose record is gone fails alone', async () => {
    const company = async (body: Record<string, unknown>) => {
      const made = await api('POST', '/api/v1/records/empresas', body);
      if (made.status !== 201) throw new Error(JSON.stringify(made.body));
      return made.body.id as string;
    };
    const keep = await company({ nombre: 'Acme S.A.S.' });
    const other = await company({ nombre: 'ACME SAS', nit: '900123456-7' });
    const gone = await company({ nombre: 'Gone' });
    const gone2 = await company({ nombre: 'Gone 2' });
    expect((await api('DELETE', `/api/v1/records/empresas/${gone2}`)).status).toBe(200);
    const started = await api('POST', '/api/v1/jobs', {
      type: 'records.merge',
      payload: {
        module: 'empresas',
        groups: [
          { keep: gone, merge: [gone2] },
          { keep, merge: [other] },
        ],
      },
    });
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ state: 'completed', processed: 2, succeeded: 1, failed: 1, result: { merged: 1, failed: 1 } });
    expect(job.result.errors).toEqual([{ ids: [gone, gone2], code: 'recordsMissing', message: { es: expect.stringContaining(gone2), en: expect.stringContaining(gone2) } }]);
    expect((await record('empresas', keep)).nit).toBe('900123456-7');
    expect((await record('empresas', gone)).nombre).toBe('Gone');

    const undo = await finished((await api('POST', `/api/v1/merges/${job.result.merges[0].mergeId}/undo`)).body.id);
    expect(undo.state).toBe('completed');
    expect((await record('empresas', keep)).nit).toBeNull();
    expect((await record('empresas', other)).nit).toBe('900123456-7');

    // A chain: other → keep, then keep → gone. Undoing the first needs the second undone before.
    const first = await finished((await api('POST', '/api/v1/jobs', { type: 'records.merge', payload: { module: 'empresas', groups: [{ keep, merge: [other] }] } })).body.id);
    await finished((await api('POST', '/api/v1/jobs', { type: 'records.merge', payload: { module: 'empresas', groups: [{ keep: gone, merge: [keep] }] } })).body.id);
    const refused = await finished((await api('POST', `/api/v1/merges/${first.result.merges[0].mergeId}/undo`)).body.id);
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'keptMergedLater' } });
    expect((await api('GET', `/api/v1/records/empresas/${other}`)).status).toBe(404);
  });

  it('groups in Postgres exactly as the engine folds the values', async () => {
    const other = await t.createOperation('mrk');
    const letters = fc.constantFrom('a', 'A', 'á', 'Á', 'e', 'É', 'n', 'ñ', 'Ñ', 'o', 'ö', ' ', '  ', '\t', '\u00a0', 'x', 'Ç');
    const values = fc.sample(
      fc.array(letters, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
      { numRuns: 120, seed: 11 },
    );
    const rows = values.map((ciudad, i) => ({ nombre: `N${i}`, ciudad }));
    const loaded = await t.api('POST', '/api/v1/records/contactos/bulk', { rows, mode: 'insert' }, { operation: other });
    expect(loaded.status).toBe(200);
    const expected = new Map<string, number>();
    for (const value of values) {
      const key = duplicateKey(value, 'text');
      if (key !== null) expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const found = await t.api('POST', '/api/v1/records/contactos/duplicates', { fields: ['ciudad'], limit: 200 }, { operation: other });
    expect(found.status).toBe(200);
    const got = Object.fromEntries((found.body.items as { key: string[]; count: number }[]).map((g) => [g.key[0], g.count]));
    expect(Object.keys(got).length).toBeGreaterThan(5);
    expect(got).toEqual(Object.fromEntries([...expected].filter(([, n]) => n > 1)));
  });
  it('answers any body to the duplicates query and the merge payload with 2xx or 4xx, never 5xx', async () => {
    const anything = fc.oneof(fc.jsonValue(), fc.record({ fields: fc.jsonValue(), mode: fc.jsonValue(), created: fc.jsonValue(), limit: fc.jsonValue() }, { requiredKeys: [] }));
    const payload = fc.oneof(
      fc.jsonValue(),
      fc.record({ module: fc.constantFrom('contactos', 'nope', 7), groups: fc.jsonValue(), rule: fc.jsonValue(), duplicates: fc.jsonValue() }, { requiredKeys: [] }),
    );
    for (const body of fc.sample(anything, { numRuns: 60, seed: 3 })) {
      const answer = await api('POST', '/api/v1/records/contactos/duplicates', body);
      expect([200, 400]).toContain(answer.status);
    }
    for (const body of fc.sample(payload, { numRuns: 60, seed: 5 })) {
      const answer = await api('POST', '/api/v1/jobs', { type: 'records.merge', payload: body });
      expect(answer.status === 202 || (answer.status >= 400 && answer.status < 500)).toBe(true);
      if (answer.status === 202) await finished(answer.body.id);
    }
  });
});

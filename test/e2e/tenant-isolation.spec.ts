import type { ApiResponse } from '../support/test-server';
import type { JobsConfig } from '../../runtime/jobs/jobs.options';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Tenant isolation (A1): two operations with the same module keys. Operation
 * A's admin session and A's integration token try every records, query,
 * search, history, bulk, job, export, module and settings route against B's
 * ids and data, with and without `X-Operation: B`; every attempt is refused
 * or comes back empty, no answer carries B's data, and B is unchanged.
 */
describe('tenant isolation between two operations', () => {
  let t: TestServer;
  const A = { op: '', admin: '', internal: '', external: '', company: '' };
  const B = {
    op: '',
    admin: '',
    ids: {} as Record<string, string>,
    records: {} as Record<string, { module: string; id: string; version: number }>,
  };
  const SECRET = 'SecretoDeB';
  const as = (token: string, headers?: Record<string, string>) => ({ token, ...(headers && { headers }) });

  const login = async (op: string, password: string) => {
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    return (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: password }, as(first.body.accessToken))).body.accessToken as string;
  };

  beforeAll(async () => {
    // Its own BullMQ prefix: other servers on the same Redis must not take this server's jobs.
    t = await startTestServer({ jobs: { prefix: `crm-e2e-isolation-${Date.now().toString(36)}` } } as JobsConfig);
    A.op = await t.createOperation('ta');
    B.op = await t.createOperation('tb');
    A.admin = await login(A.op, 'Operacion-A-111');
    B.admin = await login(B.op, 'Operacion-B-222');

    // B: records in the same modules as A, a changed module, users, settings, tokens, a job.
    const inB = (method: string, path: string, body?: unknown) => t.api(method, path, body, as(B.admin));
    const record = async (module: string, body: Record<string, unknown>) => {
      const created = await inB('POST', `/api/v1/records/${module}`, body);
      expect([module, created.status]).toEqual([module, 201]);
      B.records[module] = { module, id: created.body.id, version: created.body.version };
      return created.body.id as string;
    };
    const company = await record('empresas', { nombre: `${SECRET} Empresa`, nit: '900123456' });
    const contact = await record('contactos', { nombre: `${SECRET} Contacto`, documento: '80111222', tipo_documento: 'cc', telefono: '6015551111', empresa: company });
    await record('casos', { tipo: 'queja', asunto: `${SECRET} Caso`, estado: 'nuevo', prioridad: 'alta', contacto: contact, empresa: company });
    await record('actividades', { tipo: 'nota', asunto: `${SECRET} Nota`, empresa: company, contacto: contact });
    const deleted = await inB('POST', '/api/v1/records/productos', { nombre: `${SECRET} Producto`, codigo: 'SKU-B' });
    B.ids.deletedProduct = deleted.body.id;
    expect((await inB('DELETE', `/api/v1/records/productos/${deleted.body.id}`)).status).toBe(200);

    const contactos = (await inB('GET', '/api/v1/modules/contactos')).body;
    const changed = await inB('PUT', '/api/v1/modules/contactos', {
      definition: { ...contactos, fields: [...contactos.fields, { key: 'campo_secreto_b', type: 'text', label: { es: 'Campo de B', en: 'B field' } }] },
    });
    expect(changed.status).toBe(200);

    const bRole = (await inB('GET', '/api/v1/roles')).body.items[0].id;
    B.ids.role = (await inB('POST', '/api/v1/roles', { name: `${SECRET} Rol`, parentId: bRole })).body.id;
    B.ids.level = (await inB('POST', '/api/v1/levels', { name: `${SECRET} Nivel` })).body.id;
    B.ids.profile = (await inB('GET', '/api/v1/profiles')).body.items[0].id;
    B.ids.user = (await inB('POST', '/api/v1/users', { username: 'usuario_secreto_b', displayName: `${SECRET} Usuario`, roleId: B.ids.role })).body.id;
    B.ids.token = (await inB('POST', '/api/v1/tokens', { name: `${SECRET} Token`, type: 'internal' })).body.id;
    B.ids.ipRule = (await inB('POST', '/api/v1/click2dial/ip-restrictions', { address: '0.0.0.0', mask: '0.0.0.0', description: SECRET })).body.id;
    const job = await inB('POST', '/api/v1/jobs', { type: 'records.bulk', payload: { module: 'empresas', mode: 'insert', rows: [{ nombre: `${SECRET} Job` }] } });
    expect(job.status).toBe(202);
    B.ids.job = job.body.id;
    for (let i = 0; i < 100; i++) {
      if ((await inB('GET', `/api/v1/jobs/${B.ids.job}`)).body.state === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // A: the same catalog, its own company, an internal and an external token.
    A.company = (await t.api('POST', '/api/v1/records/empresas', { nombre: 'Empresa de A' }, as(A.admin))).body.id;
    A.internal = (await t.api('POST', '/api/v1/tokens', { name: 'ERP de A', type: 'internal' }, as(A.admin))).body.token;
    A.external = (await t.api('POST', '/api/v1/tokens', { name: 'Portal de A', type: 'external', companyId: A.company }, as(A.admin))).body.token;
  });
  afterAll(() => t.close());

  type Outcome = 'notFound' | 'refused' | 'empty' | ((answer: ApiResponse) => boolean);
  interface Attempt {
    method: string;
    path: string;
    body?: unknown;
    expect: Outcome;
    /** Routes for users only (operation settings): a token is refused there. */
    adminOnly?: boolean;
  }

  const isEmpty = (answer: ApiResponse) => answer.status === 200 && (answer.body.total === 0 || (Array.isArray(answer.body.items) && answer.body.items.length === 0));
  const holds = (outcome: Outcome, answer: ApiResponse) => {
    if (outcome === 'notFound') return answer.status === 404;
    if (outcome === 'refused') return answer.status >= 400 && answer.status < 500;
    if (outcome === 'empty') return isEmpty(answer);
    return outcome(answer);
  };

  it('refuses or answers empty every attempt of A on B’s ids and data, and B is unchanged', async () => {
    const ids = B.ids;
    const rec = B.records;
    const attempts: Attempt[] = [];
    for (const { module, id } of Object.values(rec)) {
      attempts.push(
        { method: 'GET', path: `/api/v1/records/${module}/${id}`, expect: 'notFound' },
        { method: 'PATCH', path: `/api/v1/records/${module}/${id}`, body: { version: 1, descripcion: 'Cambio de A' }, expect: 'notFound' },
        { method: 'DELETE', path: `/api/v1/records/${module}/${id}`, expect: 'notFound' },
        { method: 'POST', path: `/api/v1/records/${module}/${id}/restore`, expect: 'notFound' },
        { method: 'GET', path: `/api/v1/records/${module}/${id}/history`, expect: 'notFound' },
        { method: 'POST', path: `/api/v1/records/${module}/query`, body: { filter: { field: 'id', op: 'eq', value: id } }, expect: 'empty' },
        { method: 'POST', path: `/api/v1/records/${module}/query?deleted=include`, body: { filter: { field: 'id', op: 'in', value: Object.values(rec).map((r) => r.id) } }, expect: 'empty' },
        { method: 'GET', path: `/api/v1/records/${module}?q=${SECRET}`, expect: 'empty' },
        { method: 'GET', path: `/api/v1/levels/report/${module}`, expect: (a) => a.status === 200 && !JSON.stringify(a.body).includes(id) },
      );
    }
    attempts.push(
      { method: 'POST', path: `/api/v1/records/productos/${ids.deletedProduct}/restore`, expect: 'notFound' },
      { method: 'POST', path: '/api/v1/records/productos/query?deleted=only', body: {}, expect: 'empty' },
      // B's values as search text and filters.
      { method: 'GET', path: '/api/v1/records/contactos?q=80111222', expect: 'empty' },
      { method: 'POST', path: '/api/v1/records/contactos/query', body: { filter: { field: 'documento', op: 'eq', value: '80111222' } }, expect: 'empty' },
      { method: 'POST', path: '/api/v1/records/actividades/query', body: { filter: { field: 'empresa', op: 'eq', value: rec.empresas.id }, expand: ['empresa', 'contacto'] }, expect: 'empty' },
      { method: 'POST', path: '/api/v1/records/casos/query', body: { filter: { field: 'contacto', op: 'in', value: [rec.contactos.id] }, expand: ['contacto'] }, expect: 'empty' },
      { method: 'GET', path: `/api/v1/records/productos/${ids.deletedProduct}/history`, expect: 'notFound' },
      // Lookups cannot point into B.
      { method: 'POST', path: '/api/v1/records/contactos', body: { nombre: 'Con empresa de B', empresa: rec.empresas.id }, expect: 'refused' },
      { method: 'POST', path: '/api/v1/records/casos', body: { tipo: 'queja', asunto: 'Con contacto de B', estado: 'nuevo', prioridad: 'alta', contacto: rec.contactos.id }, expect: 'refused' },
      { method: 'POST', path: '/api/v1/records/contactos', body: { nombre: 'Asignado a B', assignee: ids.user }, expect: 'refused' },
      // Bulk: keys that exist in B match nothing in A; lookups into B are row errors.
      {
        method: 'POST',
        path: '/api/v1/records/empresas/bulk',
        body: { mode: 'upsert', keyField: 'nit', rows: [{ nombre: 'Upsert de A', nit: '900123456' }] },
        // Written in A (inserted, then updated or left as is by the next callers and A's jobs); B's record is checked unchanged at the end.
        expect: (a) => a.status === 200 && a.body.errors.length === 0 && a.body.total === 1,
      },
      {
        method: 'POST',
        path: '/api/v1/records/contactos/bulk',
        body: { rows: [{ nombre: 'Bulk con empresa de B', empresa: rec.empresas.id }] },
        expect: (a) => a.status === 200 && a.body.inserted === 0 && a.body.errors[0].issues[0].path === 'empresa',
      },
      // Jobs of B are not A's; a job of A never reaches B.
      { method: 'GET', path: `/api/v1/jobs/${ids.job}`, expect: 'notFound' },
      { method: 'GET', path: `/api/v1/jobs/${ids.job}/events`, expect: 'notFound' },
      { method: 'POST', path: `/api/v1/jobs/${ids.job}/cancel`, expect: 'notFound' },
      { method: 'GET', path: '/api/v1/jobs', expect: (a) => a.status === 200 && !JSON.stringify(a.body).includes(ids.job) },
      {
        method: 'POST',
        path: '/api/v1/jobs',
        body: { type: 'records.bulk', payload: { module: 'empresas', mode: 'upsert', keyField: 'nit', rows: [{ nombre: 'Job de A', nit: '900123456' }] } },
        expect: (a) => a.status === 202,
      },
      // Exports: the contact-data download, the levels report, the notes history of B's company.
      { method: 'GET', path: `/api/v1/click2dial/contacts/${rec.contactos.id}`, expect: 'notFound' },
      { method: 'POST', path: '/api/v1/click2dial/calls', body: { module: 'contactos', id: rec.contactos.id, field: 'telefono' }, expect: 'notFound' },
      { method: 'GET', path: `/api/v1/integration/notes-history?companyId=${rec.empresas.id}`, expect: 'empty' },
      // Modules: A sees its own definitions, not B's change.
      { method: 'GET', path: '/api/v1/modules/contactos', expect: (a) => a.status === 200 && a.body.version === 1 && !JSON.stringify(a.body).includes('campo_secreto_b') },
      { method: 'GET', path: '/api/v1/modules/contactos/versions', expect: (a) => a.status === 200 && a.body.total === 1 },
      { method: 'POST', path: '/api/v1/modules/contactos/rollback', body: { version: 2 }, expect: 'refused' },
      { method: 'GET', path: '/api/v1/modules', expect: (a) => a.status === 200 && !JSON.stringify(a.body).includes('campo_secreto_b') },
      { method: 'GET', path: '/api/v1/openapi', expect: (a) => a.status === 200 && !JSON.stringify(a.body).includes('campo_secreto_b') },
      { method: 'POST', path: '/api/v1/records/contactos/query', body: { filter: { field: 'campo_secreto_b', op: 'eq', value: 'x' } }, expect: 'refused' },
      // Settings of B: users, profiles, roles, levels, tokens, IP rules, login history.
      { method: 'GET', path: `/api/v1/users/${ids.user}`, expect: 'notFound', adminOnly: true },
      { method: 'PATCH', path: `/api/v1/users/${ids.user}`, body: { active: false }, expect: 'notFound', adminOnly: true },
      { method: 'POST', path: `/api/v1/users/${ids.user}/reset-password`, expect: 'notFound', adminOnly: true },
      { method: 'POST', path: `/api/v1/users/${ids.user}/unlock`, expect: 'notFound', adminOnly: true },
      { method: 'POST', path: '/api/v1/users', body: { username: 'con_rol_de_b', roleId: ids.role }, expect: 'refused', adminOnly: true },
      { method: 'PATCH', path: `/api/v1/profiles/${ids.profile}`, body: { name: 'Robado' }, expect: 'notFound', adminOnly: true },
      { method: 'PATCH', path: `/api/v1/roles/${ids.role}`, body: { name: 'Robado' }, expect: 'notFound', adminOnly: true },
      { method: 'POST', path: '/api/v1/roles', body: { name: 'Bajo B', parentId: ids.role }, expect: 'refused', adminOnly: true },
      { method: 'POST', path: `/api/v1/tokens/${ids.token}/revoke`, expect: 'notFound', adminOnly: true },
      { method: 'PATCH', path: `/api/v1/click2dial/ip-restrictions/${ids.ipRule}`, body: { description: 'Robada' }, expect: 'notFound', adminOnly: true },
      { method: 'DELETE', path: `/api/v1/click2dial/ip-restrictions/${ids.ipRule}`, expect: 'notFound', adminOnly: true },
      { method: 'GET', path: `/api/v1/login-history?userId=${ids.user}`, expect: 'empty', adminOnly: true },
      { method: 'GET', path: '/api/v1/users', expect: (a) => a.status === 200 && !JSON.stringify(a.body).includes(ids.user), adminOnly: true },
      { method: 'GET', path: '/api/v1/roles', expect: (a) => a.status === 200 && !JSON.stringify(a.body).includes(ids.role), adminOnly: true },
      { method: 'GET', path: '/api/v1/levels', expect: (a) => a.status === 200 && !JSON.stringify(a.body).includes(ids.level), adminOnly: true },
      { method: 'GET', path: '/api/v1/profiles', expect: (a) => a.status === 200 && !JSON.stringify(a.body).includes(ids.profile), adminOnly: true },
      { method: 'GET', path: '/api/v1/tokens', expect: (a) => a.status === 200 && !JSON.stringify(a.body).includes(ids.token), adminOnly: true },
      { method: 'GET', path: '/api/v1/click2dial/ip-restrictions', expect: 'empty', adminOnly: true },
      { method: 'GET', path: '/api/v1/operations', expect: 'refused' },
      { method: 'PATCH', path: `/api/v1/operations/${B.op}`, body: { crmEnabled: false }, expect: 'refused' },
    );

    const withB = { 'x-operation': B.op };
    const callers: [string, { token: string; headers?: Record<string, string> }][] = [
      ['session of A', as(A.admin)],
      ['session of A + X-Operation: B', as(A.admin, withB)],
      ['internal token of A', as(A.internal)],
      ['internal token of A + X-Operation: B', as(A.internal, withB)],
      ['external token of A', as(A.external)],
      ['external token of A + X-Operation: B', as(A.external, withB)],
    ];
    const failures: string[] = [];
    let tried = 0;
    for (const [who, caller] of callers) {
      const token = who.startsWith('internal');
      const external = who.startsWith('external');
      for (const attempt of attempts) {
        const answer = await t.api(attempt.method, attempt.path, attempt.body, caller);
        tried++;
        // Tokens are refused on settings routes; an external token only reads its own company's notes.
        // An external token reads only its own company's notes: here everything is refused.
        const outcome: Outcome = external || (token && attempt.adminOnly) ? 'refused' : attempt.expect;
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '');
        // Nothing of B in any answer (errors may echo the id that was sent, never B's data).
        const sent = `${attempt.path} ${JSON.stringify(attempt.body ?? '')}`;
        const leaked = [SECRET, 'usuario_secreto_b', 'campo_secreto_b', '80111222', '6015551111', B.op].filter((marker) => !sent.includes(marker) && text.includes(marker));
        if (!holds(outcome, answer) || leaked.length) failures.push(`${who}: ${attempt.method} ${attempt.path} → ${answer.status} ${leaked.join(',')} ${text.slice(0, 200)}`);
      }
    }
    console.log(`tenant isolation: ${tried} attempts by A on B (${attempts.length} routes × ${callers.length} callers), ${failures.length} failed`);
    expect(failures).toEqual([]);
    expect(tried).toBe(attempts.length * callers.length);
    expect([attempts.length, callers.length, tried]).toEqual([82, 6, 492]);

    // Jobs A started have run in A only.
    const jobs = (await t.api('GET', '/api/v1/jobs?type=records.bulk', undefined, as(A.admin))).body.items as { id: string; state: string }[];
    for (const job of jobs) {
      let state = job.state;
      for (let i = 0; i < 600 && !['completed', 'failed'].includes(state); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = (await t.api('GET', `/api/v1/jobs/${job.id}`, undefined, as(A.admin))).body.state;
      }
      expect(state).toBe('completed');
    }

    // B is as it was: every record at its version, nothing added, the deleted product still deleted, settings intact.
    const inB = (method: string, path: string, body?: unknown) => t.api(method, path, body, as(B.admin));
    for (const { module, id, version } of Object.values(rec)) {
      const now = await inB('GET', `/api/v1/records/${module}/${id}`);
      expect([module, now.status, now.body.version]).toEqual([module, 200, version]);
      expect((await inB('GET', `/api/v1/records/${module}/${id}/history`)).body.total).toBe(1);
    }
    expect((await inB('POST', '/api/v1/records/empresas/query', {})).body.total).toBe(2);
    expect((await inB('POST', '/api/v1/records/contactos/query', {})).body.total).toBe(1);
    expect((await inB('POST', '/api/v1/records/productos/query?deleted=only', {})).body.total).toBe(1);
    expect((await inB('GET', `/api/v1/users/${ids.user}`)).body).toMatchObject({ active: true, displayName: `${SECRET} Usuario` });
    expect((await inB('GET', '/api/v1/tokens')).body.items.find((x: { id: string }) => x.id === ids.token).revokedAt).toBeNull();
    expect((await inB('GET', '/api/v1/click2dial/ip-restrictions')).body.items).toEqual([expect.objectContaining({ id: ids.ipRule, description: SECRET })]);
    expect((await inB('GET', '/api/v1/roles')).body.items.find((x: { id: string }) => x.id === ids.role).name).toBe(`${SECRET} Rol`);
    expect((await t.api('GET', '/api/v1/operations')).body.items.find((o: { key: string }) => o.key === B.op).crmEnabled).toBe(true);
    // A got what it wrote, in A.
    expect((await t.api('POST', '/api/v1/records/empresas/query', { filter: { field: 'nit', op: 'eq', value: '900123456' } }, as(A.admin))).body.total).toBe(1);
  });
});

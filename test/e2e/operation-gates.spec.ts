import { appRoutes, fillPath } from '../support/routes';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Gates in front of every route (A1, A6): an external token reaches only the
 * notes-history API, on every route the server has (found from its
 * controllers, so a new route is tried as soon as it exists); a disabled
 * operation (Habilitar CRM off) refuses its users and its tokens.
 */
describe('operation gates: external tokens and disabled operations', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  let refresh: string;
  let company: string;
  let internal: string;
  let external: string;
  const as = (token: string) => ({ token });

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('gate');
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Admin-Puertas-1' }, as(first.body.accessToken));
    admin = changed.body.accessToken;
    refresh = changed.body.refreshToken;
    company = (await t.api('POST', '/api/v1/records/empresas', { nombre: 'Empresa del portal' }, { operation: op })).body.id;
    await t.api('POST', '/api/v1/records/actividades', { tipo: 'nota', asunto: 'Nota del portal', empresa: company }, { operation: op });
    internal = (await t.api('POST', '/api/v1/tokens', { name: 'ERP', type: 'internal' }, as(admin))).body.token;
    external = (await t.api('POST', '/api/v1/tokens', { name: 'Portal', type: 'external', companyId: company }, as(admin))).body.token;
  });
  afterAll(() => t.close());

  it('refuses an external token on every route of the server but the notes history', async () => {
    const all = appRoutes(t.server.app);
    // Public routes need no credentials at all (log in, refresh, health...).
    const open = all.filter((r) => r.public).map((r) => `${r.method} ${r.path}`);
    expect(open).toEqual(expect.arrayContaining(['POST /api/v1/auth/login', 'POST /api/v1/auth/refresh', 'GET /api/v1/health']));
    const routes = all.filter((r) => !r.public);
    const values = { module: 'empresas', key: 'empresas', id: company };
    const outcomes: string[] = [];
    let attempts = 0;
    for (const route of routes) {
      const signature = `${route.method} ${route.path}`;
      const path = fillPath(route.path, values, '00000000-0000-4000-8000-000000000000');
      const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? { nombre: 'Intento', type: 'records.bulk', rows: [] } : undefined;
      const answer = await t.api(route.method, path, body, as(external));
      attempts++;
      outcomes.push(`${signature} ${answer.status}`);
    }
    console.log(`external token: ${attempts} routes tried (${open.length} public routes left out: ${open.join(', ')})`);
    const allowed = outcomes.filter((o) => !o.endsWith(' 403'));
    expect(allowed).toEqual(['GET /api/v1/integration/notes-history 200']);
    // Every kind of route is among them (and every new route will be).
    for (const expected of [
      '/api/v1/records/:module/:id',
      '/api/v1/jobs/:id/events',
      '/api/v1/click2dial/calls',
      '/api/v1/levels/report/:module',
      '/api/v1/operations',
      '/api/v1/tokens',
      '/api/v1/auth/me',
    ]) {
      expect(outcomes.some((o) => o.includes(` ${expected} `))).toBe(true);
    }
    expect(attempts).toBe(routes.length);
    expect(attempts).toBeGreaterThanOrEqual(50);

    const notes = await t.api('GET', '/api/v1/integration/notes-history', undefined, as(external));
    expect(notes.body.items.map((n: { asunto: string }) => n.asunto)).toEqual(['Nota del portal']);
  });

  it('a disabled operation refuses its users (sessions, logins, refresh) and its tokens until it is enabled again', async () => {
    const other = await t.createOperation('gate');
    const otherFirst = await t.api('POST', '/api/v1/auth/login', { operation: other, username: `ADMIN_@${other}`, password: other }, { token: null });
    const otherAdmin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: other, newPassword: 'Otra-Operacion-1' }, as(otherFirst.body.accessToken))).body.accessToken;

    // Only the platform switches the CRM of an operation.
    expect((await t.api('PATCH', `/api/v1/operations/${op}`, { crmEnabled: false }, as(admin))).body.code).toBe('platform_only');
    expect((await t.api('PATCH', `/api/v1/operations/${op}`, { crmEnabled: 'no' })).status).toBe(400);
    expect((await t.api('PATCH', '/api/v1/operations/no_existe', { crmEnabled: false })).status).toBe(404);
    const disabled = await t.api('PATCH', `/api/v1/operations/${op}`, { crmEnabled: false });
    expect(disabled.body).toMatchObject({ key: op, crmEnabled: false });

    const refused = [
      ['GET', '/api/v1/auth/me'],
      ['GET', '/api/v1/modules'],
      ['POST', '/api/v1/records/empresas/query'],
      ['GET', `/api/v1/records/empresas/${company}`],
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/jobs'],
    ] as const;
    for (const [method, path] of refused) {
      const answer = await t.api(method, path, method === 'POST' ? {} : undefined, as(admin));
      expect([path, answer.status, answer.body.code]).toEqual([path, 403, 'crm_disabled']);
      expect(answer.body.message).toEqual({ es: 'El CRM no está habilitado en esta operación.', en: 'The CRM is not enabled for this operation.' });
    }
    const login = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: 'Admin-Puertas-1' }, { token: null });
    expect([login.status, login.body.code]).toEqual([403, 'crm_disabled']);
    expect((await t.api('POST', '/api/v1/auth/refresh', { refreshToken: refresh }, { token: null })).status).toBe(401);
    expect((await t.api('POST', '/api/v1/records/empresas/query', {}, as(internal))).status).toBe(401);
    expect((await t.api('GET', '/api/v1/integration/notes-history', undefined, as(external))).status).toBe(401);
    // Other operations go on.
    expect((await t.api('GET', '/api/v1/modules', undefined, as(otherAdmin))).status).toBe(200);
    // The platform still reaches it.
    expect((await t.api('GET', `/api/v1/records/empresas/${company}`, undefined, { operation: op })).status).toBe(200);
    expect((await t.api('GET', '/api/v1/operations')).body.items.find((o: { key: string }) => o.key === op).crmEnabled).toBe(false);

    await t.api('PATCH', `/api/v1/operations/${op}`, { crmEnabled: true });
    expect((await t.api('GET', '/api/v1/auth/me', undefined, as(admin))).status).toBe(200);
    expect((await t.api('POST', '/api/v1/records/empresas/query', {}, as(internal))).status).toBe(200);
    const again = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: 'Admin-Puertas-1' }, { token: null });
    expect(again.status).toBe(200);
  });
});

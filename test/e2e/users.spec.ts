import { startTestServer, type TestServer } from '../support/test-server';

describe('users, licenses, profiles and login history (A3, A4, A8)', () => {
  let t: TestServer;
  let op: string;
  let adminToken: string;
  const as = (token: string) => ({ token });
  const login = (username: string, password: string) => t.api('POST', '/api/v1/auth/login', { operation: op, username, password }, { token: null });
  const firstLogin = async (username: string, newPassword: string) => {
    const first = await login(username, op);
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword }, as(first.body.accessToken));
    return changed.body.accessToken as string;
  };

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('usr');
    adminToken = await firstLogin(`ADMIN_@${op}`, 'Admin-Segura-1');
  });
  afterAll(() => t.close());

  it('creates an agent with the factory password that must be changed; without a profile it may do nothing', async () => {
    const profiles = await t.api('GET', '/api/v1/users', undefined, as(adminToken));
    expect(profiles.status).toBe(200);
    const admin = profiles.body.items[0];
    const created = await t.api(
      'POST',
      '/api/v1/users',
      { username: 'maria.gomez', displayName: 'María Gómez', email: 'maria@example.co', roleId: admin.roleId, levelId: admin.levelId },
      as(adminToken),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'maria.gomez', mustChangePassword: true, active: true, licenseActive: true });
    expect((await t.api('POST', '/api/v1/users', { username: 'MARIA.GOMEZ' }, as(adminToken))).status).toBe(409);

    // Without a profile an agent can log in but do nothing.
    const agentToken = await firstLogin('maria.gomez', 'Maria-Segura-22');
    expect((await t.api('GET', '/api/v1/modules', undefined, as(agentToken))).body.total).toBe(0);
    expect((await t.api('GET', '/api/v1/users', undefined, as(agentToken))).status).toBe(403);
  });

  it('resets a user to the factory password, which forces a change again and ends its sessions', async () => {
    const session = await login('maria.gomez', 'Maria-Segura-22');
    const users = (await t.api('GET', '/api/v1/users', undefined, as(adminToken))).body.items;
    const maria = users.find((u: { username: string }) => u.username === 'maria.gomez');
    const reset = await t.api('POST', `/api/v1/users/${maria.id}/reset-password`, undefined, as(adminToken));
    expect(reset.body.mustChangePassword).toBe(true);
    expect((await t.api('GET', '/api/v1/auth/me', undefined, as(session.body.accessToken))).status).toBe(401);
    expect((await login('maria.gomez', 'Maria-Segura-22')).status).toBe(401);
    expect((await login('maria.gomez', op)).body.mustChangePassword).toBe(true);
  });

  it('deactivating a user or removing its license ends its sessions and its logins', async () => {
    const token = await firstLogin('maria.gomez', 'Maria-Otra-333');
    const maria = (await t.api('GET', '/api/v1/users', undefined, as(adminToken))).body.items.find((u: { username: string }) => u.username === 'maria.gomez');
    await t.api('PATCH', `/api/v1/users/${maria.id}`, { licenseActive: false }, as(adminToken));
    expect((await t.api('GET', '/api/v1/auth/me', undefined, as(token))).status).toBe(401);
    expect((await login('maria.gomez', 'Maria-Otra-333')).body.code).toBe('license_inactive');
    await t.api('PATCH', `/api/v1/users/${maria.id}`, { licenseActive: true, active: false }, as(adminToken));
    expect((await login('maria.gomez', 'Maria-Otra-333')).body.code).toBe('user_inactive');
    expect((await t.api('PATCH', `/api/v1/users/${maria.id}`, { profileId: '00000000-0000-4000-8000-000000000000' }, as(adminToken))).status).toBe(400);
    expect((await t.api('PATCH', `/api/v1/users/${maria.id}`, { password: 'x' }, as(adminToken))).status).toBe(400);
    expect((await t.api('GET', '/api/v1/users/no-es-un-id', undefined, as(adminToken))).status).toBe(404);
  });

  it('lists the login history by month and user, paged', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const all = await t.api('GET', `/api/v1/login-history?month=${month}&pageSize=5`, undefined, as(adminToken));
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    expect(all.body.total).toBeGreaterThan(5);
    expect(all.body.items[0]).toEqual(expect.objectContaining({ username: expect.any(String), ip: expect.any(String), success: expect.any(Boolean), at: expect.any(String) }));
    expect((await t.api('GET', '/api/v1/login-history?month=2020-01', undefined, as(adminToken))).body.total).toBe(0);
    expect((await t.api('GET', '/api/v1/login-history?month=enero', undefined, as(adminToken))).status).toBe(400);
  });

  it('keeps profiles, a role tree without cycles and levels with their author', async () => {
    const profiles = await t.api('GET', '/api/v1/profiles', undefined, as(adminToken));
    expect(profiles.body.items.map((p: { name: string }) => p.name)).toEqual(['Administrador', 'Agente']);
    const supervisor = await t.api(
      'POST',
      '/api/v1/profiles',
      {
        name: 'Supervisor',
        permissions: {
          modules: { '*': { view: true, edit: true }, casos: { view: true, create: true, edit: true, delete: true } },
          fields: { contactos: { documento: 'hidden' } },
          visibility: 'hierarchy',
          allUsersCanEdit: true,
          aiAssistant: false,
          admin: false,
        },
      },
      as(adminToken),
    );
    expect(supervisor.status).toBe(201);
    const broken = await t.api(
      'POST',
      '/api/v1/profiles',
      { name: 'Roto', permissions: { modules: { casos: { volar: true } }, fields: {}, visibility: 'todos', allUsersCanEdit: false, aiAssistant: false, admin: false } },
      as(adminToken),
    );
    expect(broken.status).toBe(400);
    expect(broken.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['permissions.modules.casos', 'permissions.visibility']));
    expect((await t.api('POST', '/api/v1/profiles', { name: 'supervisor', permissions: supervisor.body.permissions }, as(adminToken))).status).toBe(409);

    const roles = (await t.api('GET', '/api/v1/roles', undefined, as(adminToken))).body.items;
    const top = roles[0];
    const lead = await t.api('POST', '/api/v1/roles', { name: 'Coordinación', parentId: top.id }, as(adminToken));
    const team = await t.api('POST', '/api/v1/roles', { name: 'Agentes', parentId: lead.body.id }, as(adminToken));
    expect(team.body.parentId).toBe(lead.body.id);
    const cycle = await t.api('PATCH', `/api/v1/roles/${top.id}`, { parentId: team.body.id }, as(adminToken));
    expect(cycle.status).toBe(400);

    const level = await t.api('POST', '/api/v1/levels', { name: 'Nivel 2', description: 'Escalamiento' }, as(adminToken));
    expect(level.status).toBe(201);
    const me = await t.api('GET', '/api/v1/auth/me', undefined, as(adminToken));
    expect(level.body).toMatchObject({ name: 'Nivel 2', createdBy: me.body.id, createdAt: expect.any(String) });
    expect((await t.api('POST', '/api/v1/levels', { description: 'sin nombre' }, as(adminToken))).status).toBe(400);
  });
});

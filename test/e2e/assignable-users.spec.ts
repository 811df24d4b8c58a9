import { startTestServer, type TestServer } from '../support/test-server';

/** GET /api/v1/users/assignable (A5): the Studio's user picker for agents, by the role tree, with no private data. */
describe('assignable users', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  const as = (token: string) => ({ token });
  const tokens: Record<string, string> = {};
  const login = async (username: string) => {
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username, password: op }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Agente-Seguro-2024' }, as(first.body.accessToken));
    expect(changed.status).toBe(200);
    return changed.body.accessToken as string;
  };
  const names = (body: { items: { username: string }[] }) => body.items.map((u) => u.username).sort();

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('asg');
    admin = await login(`ADMIN_@${op}`);
    const profiles = (await t.api('GET', '/api/v1/profiles', undefined, as(admin))).body.items;
    const agentProfile = profiles.find((p: { name: string }) => p.name === 'Agente').id;
    const top = (await t.api('GET', '/api/v1/roles', undefined, as(admin))).body.items[0];
    const lead = (await t.api('POST', '/api/v1/roles', { name: 'Coordinación', parentId: top.id }, as(admin))).body;
    const team = (await t.api('POST', '/api/v1/roles', { name: 'Agentes', parentId: lead.id }, as(admin))).body;
    const user = async (username: string, roleId: string, extra: Record<string, unknown> = {}) => {
      const created = await t.api('POST', '/api/v1/users', { username, displayName: username, email: `${username}@example.co`, profileId: agentProfile, roleId }, as(admin));
      expect(created.status).toBe(201);
      // Creation starts every user active; deactivation is an edit.
      if (Object.keys(extra).length) expect((await t.api('PATCH', `/api/v1/users/${created.body.id}`, extra, as(admin))).status).toBe(200);
    };
    await user('coord', lead.id);
    await user('agente.a', team.id);
    await user('agente.b', team.id);
    await user('sin.licencia', team.id, { licenseActive: false });
    await user('inactivo', team.id, { active: false });
    tokens.coord = await login('coord');
    tokens.agente = await login('agente.a');
  });
  afterAll(() => t.close());

  it('an agent sees only users of its role and below; admin sees every active licensed user', async () => {
    const agent = await t.api('GET', '/api/v1/users/assignable', undefined, as(tokens.agente));
    expect(agent.status).toBe(200);
    expect(names(agent.body)).toEqual(['agente.a', 'agente.b']);
    expect(names((await t.api('GET', '/api/v1/users/assignable', undefined, as(tokens.coord))).body)).toEqual(['agente.a', 'agente.b', 'coord']);
    const all = await t.api('GET', '/api/v1/users/assignable', undefined, as(admin));
    expect(names(all.body)).toEqual([`ADMIN_@${op}`, 'agente.a', 'agente.b', 'coord'].sort());
    // Agents still cannot read the full user list.
    expect((await t.api('GET', '/api/v1/users', undefined, as(tokens.agente))).status).toBe(403);
  });

  it('returns no e-mail or security data and filters by q', async () => {
    const found = await t.api('GET', '/api/v1/users/assignable?q=B', undefined, as(tokens.coord));
    expect(found.body.items).toEqual([{ id: expect.any(String), username: 'agente.b', displayName: 'agente.b', role: { id: expect.any(String), name: 'Agentes' } }]);
    expect(JSON.stringify((await t.api('GET', '/api/v1/users/assignable', undefined, as(admin))).body)).not.toMatch(/example\.co|password|email/i);
  });
});

import { startTestServer, type TestServer } from '../support/test-server';

/** Saved custom views (R5): own and shared views per module, checked against the module as the caller sees it, per operation. */
describe('saved views', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  const tokens: Record<string, string> = {};
  const as = (token: string) => ({ token });
  const login = async (operation: string, username: string) => {
    const first = await t.api('POST', '/api/v1/auth/login', { operation, username, password: operation }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: operation, newPassword: 'Agente-Seguro-2024' }, as(first.body.accessToken));
    expect(changed.status).toBe(200);
    return changed.body.accessToken as string;
  };
  const board = { name: 'Cierres', category: 'Ventas', kind: 'kanban', config: { groupBy: 'fase', fields: ['monto', 'fecha_cierre'], sort: [{ field: 'updatedAt', dir: 'desc' }] } };
  const paths = (body: { details: { path: string; code: string }[] }) => body.details.map((d) => [d.path, d.code]);

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('vw');
    admin = await login(op, `ADMIN_@${op}`);
    const rights = { view: true, create: true, edit: true, delete: false, import: false, massDelete: false, massDuplicate: false, settings: false };
    const profile = await t.api(
      'POST',
      '/api/v1/profiles',
      {
        name: 'Vistas',
        permissions: {
          modules: { '*': rights, casos: { ...rights, view: false } },
          fields: { contactos: { documento: 'hidden' } },
          visibility: 'own',
          allUsersCanEdit: false,
          aiAssistant: false,
          admin: false,
        },
      },
      as(admin),
    );
    expect(profile.status).toBe(201);
    const role = (await t.api('GET', '/api/v1/roles', undefined, as(admin))).body.items[0];
    for (const username of ['ana', 'beto']) {
      expect((await t.api('POST', '/api/v1/users', { username, displayName: username, profileId: profile.body.id, roleId: role.id }, as(admin))).status).toBe(201);
      tokens[username] = await login(op, username);
    }
  });
  afterAll(() => t.close());

  it('saves, lists, changes and hard-deletes own views; shared ones are seen but not changed by others', async () => {
    const created = await t.api('POST', '/api/v1/views/oportunidades', board, as(tokens.ana));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...board, shared: false, mine: true, id: expect.any(String) });
    expect((await t.api('POST', '/api/v1/views/oportunidades', { ...board, name: 'CIERRES' }, as(tokens.ana))).body.code).toBe('view_name_taken');
    // Private: beto does not see it.
    expect((await t.api('GET', '/api/v1/views/oportunidades', undefined, as(tokens.beto))).body.items).toEqual([]);
    expect((await t.api('PATCH', `/api/v1/views/oportunidades/${created.body.id}`, { shared: true }, as(tokens.beto))).status).toBe(404);

    const shared = await t.api('PATCH', `/api/v1/views/oportunidades/${created.body.id}`, { shared: true, config: { ...board.config, fields: ['monto'] } }, as(tokens.ana));
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ shared: true, config: { groupBy: 'fase', fields: ['monto'] } });
    const seen = await t.api('GET', '/api/v1/views/oportunidades?kind=kanban', undefined, as(tokens.beto));
    expect(seen.body.items).toEqual([expect.objectContaining({ id: created.body.id, mine: false })]);
    expect((await t.api('GET', '/api/v1/views/oportunidades?kind=table', undefined, as(tokens.beto))).body.items).toEqual([]);
    const refused = await t.api('DELETE', `/api/v1/views/oportunidades/${created.body.id}`, undefined, as(tokens.beto));
    expect(refused.status).toBe(403);
    expect(refused.body.message).toEqual({ es: expect.any(String), en: expect.any(String) });

    expect((await t.api('DELETE', `/api/v1/views/oportunidades/${created.body.id}`, undefined, as(tokens.ana))).status).toBe(204);
    expect((await t.api('GET', '/api/v1/views/oportunidades', undefined, as(tokens.ana))).body.items).toEqual([]);
  });

  it('checks the body with exact paths: grouping must be a picklist, fields must exist and not be hidden', async () => {
    const bad = await t.api('POST', '/api/v1/views/oportunidades', { ...board, config: { groupBy: 'monto', fields: ['monto', 'no_existe'], sort: [{ field: 'nada', dir: 'asc' }] } }, as(tokens.ana));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(paths(bad.body)).toEqual([
      ['config.groupBy', 'view.notPicklist'],
      ['config.fields[1]', 'view.unknownField'],
      ['config.sort[0].field', 'view.unknownField'],
    ]);
    expect(bad.body.details[0].message).toEqual({ es: expect.stringContaining('monto'), en: expect.stringContaining('monto') });
    const shape = await t.api('POST', '/api/v1/views/contactos', { name: ' ', kind: 'lista', config: { fields: [] }, extra: 1 }, as(tokens.ana));
    expect(paths(shape.body)).toEqual(
      expect.arrayContaining([
        ['extra', 'view.unknownProperty'],
        ['kind', 'view.enum'],
        ['name', 'view.pattern'],
      ]),
    );
    // A field hidden to the caller is unknown to it; the admin may use it.
    const hidden = { name: 'Docs', kind: 'table', config: { fields: ['nombre', 'documento'] } };
    expect(paths((await t.api('POST', '/api/v1/views/contactos', hidden, as(tokens.ana))).body)).toEqual([['config.fields[1]', 'view.unknownField']]);
    expect((await t.api('POST', '/api/v1/views/contactos', hidden, as(admin))).status).toBe(201);
    // A kanban needs a grouping field; a module without the view right is refused.
    expect(paths((await t.api('POST', '/api/v1/views/contactos', { name: 'K', kind: 'kanban', config: { fields: [] } }, as(tokens.ana))).body)).toEqual([['config.groupBy', 'view.required']]);
    expect((await t.api('GET', '/api/v1/views/casos', undefined, as(tokens.ana))).status).toBe(403);
  });

  it('keeps each operation to itself', async () => {
    const view = await t.api('POST', '/api/v1/views/contactos', { name: 'Compartida', kind: 'table', config: { fields: ['nombre'] }, shared: true }, as(admin));
    expect(view.status).toBe(201);
    const other = await t.createOperation('vw2');
    const otherAdmin = await login(other, `ADMIN_@${other}`);
    expect((await t.api('GET', '/api/v1/views/contactos', undefined, as(otherAdmin))).body.items).toEqual([]);
    expect((await t.api('PATCH', `/api/v1/views/contactos/${view.body.id}`, { name: 'Robada' }, as(otherAdmin))).status).toBe(404);
    expect((await t.api('DELETE', `/api/v1/views/contactos/${view.body.id}`, undefined, as(otherAdmin))).status).toBe(404);
  });
});

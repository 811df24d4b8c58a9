import { startTestServer, type TestServer } from '../support/test-server';

const tree = {
  casos: [
    { key: 'facturacion', label: { es: 'Facturación', en: 'Billing' }, children: [{ key: 'cobro_doble', label: { es: 'Cobro doble', en: 'Double charge' } }] },
    { key: 'soporte', label: { es: 'Soporte técnico', en: 'Technical support' } },
  ],
};
const templates = { items: [{ key: 'bienvenida', name: 'Bienvenida', module: 'contactos', subject: 'Hola {{nombre}}', body: '<p>Estimado {{nombre}}, su documento es {{documento}}.</p>' }] };
const link = {
  module: 'contactos',
  url: 'https://crm.example.co/cliente?id={id_customer}&agente={id_agent}&tel={TELEFONO}&llamada={id_call}',
  variables: [
    { name: 'id_customer', source: 'field', field: 'id' },
    { name: 'id_agent', source: 'agent' },
    { name: 'TELEFONO', source: 'field', field: 'telefono' },
    { name: 'id_call', source: 'call' },
  ],
};

describe('operation settings (S4): tipificaciones, e-mail templates, web-integration link', () => {
  let t: TestServer;
  let op: string;
  const api = (method: string, path: string, body?: unknown, token?: string) => t.api(method, path, body, token ? { token } : { operation: op });

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('set');
  });
  afterAll(() => t.close());

  it('answers defaults before anything is saved, and unknown sections with 404', async () => {
    const all = await api('GET', '/api/v1/settings');
    expect(all.status).toBe(200);
    expect(all.body.items.map((s: { section: string }) => s.section)).toEqual(['tipificaciones', 'email_templates', 'web_integration']);
    const linkNow = await api('GET', '/api/v1/settings/web_integration');
    expect(linkNow.body).toMatchObject({ version: 0, value: { variables: expect.arrayContaining([expect.objectContaining({ name: 'id_customer' })]) } });
    const missing = await api('GET', '/api/v1/settings/colores');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'settings_section_not_found', message: { es: expect.any(String), en: expect.any(String) } });
  });

  it('saves versions, keeps the previous ones and refuses a stale expectedVersion', async () => {
    const first = await api('PUT', '/api/v1/settings/tipificaciones', { value: tree, expectedVersion: 0 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ section: 'tipificaciones', version: 1, value: tree, updatedAt: expect.any(String) });
    const changed = { casos: [...tree.casos, { key: 'otros', label: { es: 'Otros', en: 'Other' } }] };
    expect((await api('PUT', '/api/v1/settings/tipificaciones', { value: changed, expectedVersion: 1 })).body.version).toBe(2);
    const stale = await api('PUT', '/api/v1/settings/tipificaciones', { value: tree, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'settings_version_conflict', currentVersion: 2 });
    const versions = await api('GET', '/api/v1/settings/tipificaciones/versions');
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body.items[1].value).toEqual(tree);
    expect((await api('PUT', '/api/v1/settings/email_templates', { value: templates })).status).toBe(200);
    expect((await api('PUT', '/api/v1/settings/web_integration', { value: link })).status).toBe(200);
  });

  it('validates each section and names the path of every problem', async () => {
    const badTree = await api('PUT', '/api/v1/settings/tipificaciones', {
      value: {
        casos: [
          { key: 'a', label: { es: 'A', en: 'A' } },
          { key: 'a', label: { es: 'B', en: 'B' } },
        ],
        naves: [],
      },
    });
    expect(badTree.status).toBe(400);
    expect(badTree.body.code).toBe('validation_failed');
    expect(badTree.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'value.casos[1].key', code: 'settings.duplicateKey' }),
        expect.objectContaining({ path: 'value.naves', code: 'settings.unknownModule' }),
      ]),
    );
    const badShape = await api('PUT', '/api/v1/settings/email_templates', { value: { items: [{ key: 'X y', name: '', module: 'contactos', subject: 's', body: 'b', extra: 1 }] } });
    expect(badShape.status).toBe(400);
    expect(badShape.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['value.items[0].key', 'value.items[0].name', 'value.items[0].extra']));
    const badTemplate = await api('PUT', '/api/v1/settings/email_templates', { value: { items: [{ ...templates.items[0], body: '{{#if nombre}}sin cerrar' }] } });
    expect(badTemplate.body.details).toEqual([expect.objectContaining({ path: 'value.items[0].body', code: 'settings.badTemplate' })]);
    const undeclared = await api('PUT', '/api/v1/settings/web_integration', { value: { ...link, url: `${link.url}&x={campana}` } });
    expect(undeclared.body.details).toEqual([expect.objectContaining({ path: 'value.url', code: 'settings.undeclaredVariable' })]);
    expect((await api('PUT', '/api/v1/settings/web_integration', {})).status).toBe(400);
  });

  it('lets any user read the settings and only admins change them', async () => {
    const login = (username: string, password: string) => t.api('POST', '/api/v1/auth/login', { operation: op, username, password }, { token: null });
    const firstLogin = async (username: string, newPassword: string) => {
      const first = await login(username, op);
      return (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword }, { token: first.body.accessToken })).body.accessToken as string;
    };
    const admin = await firstLogin(`ADMIN_@${op}`, 'Admin-Segura-1');
    const me = (await api('GET', '/api/v1/users', undefined, admin)).body.items[0];
    expect((await api('POST', '/api/v1/users', { username: 'agente.uno', displayName: 'Agente Uno', roleId: me.roleId, levelId: me.levelId }, admin)).status).toBe(201);
    const agent = await firstLogin('agente.uno', 'Agente-Segura-1');
    const read = await api('GET', '/api/v1/settings/tipificaciones', undefined, agent);
    expect(read.status).toBe(200);
    expect(read.body.value.casos).toHaveLength(3);
    expect((await api('GET', '/api/v1/settings/email_templates', undefined, agent)).body.value).toEqual(templates);
    expect((await api('PUT', '/api/v1/settings/tipificaciones', { value: tree }, agent)).status).toBe(403);
    expect((await api('GET', '/api/v1/settings/tipificaciones/versions', undefined, agent)).status).toBe(403);
    const byAdmin = await api('PUT', '/api/v1/settings/tipificaciones', { value: tree }, admin);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.updatedBy).toBe(me.id);
  });

  it('travels in schema bundles: exported, listed by a dry run, applied by the import', async () => {
    const bundle = (await api('GET', '/api/v1/schema/export')).body;
    expect(Object.keys(bundle.settings).sort()).toEqual(['email_templates', 'tipificaciones', 'web_integration']);
    expect(bundle.settings.email_templates).toEqual(templates);
    const target = await t.createOperation('dst');
    const dry = await t.api('POST', '/api/v1/schema/import', { bundle, dryRun: true }, { operation: target });
    expect(dry.status).toBe(200);
    expect(dry.body.settings).toEqual([
      { section: 'tipificaciones', action: 'create' },
      { section: 'email_templates', action: 'create' },
      { section: 'web_integration', action: 'create' },
    ]);
    expect((await t.api('GET', '/api/v1/settings/email_templates', undefined, { operation: target })).body.version).toBe(0);
    const applied = await t.api('POST', '/api/v1/schema/import', { bundle }, { operation: target });
    expect(applied.status).toBe(200);
    for (const section of ['tipificaciones', 'email_templates', 'web_integration']) {
      expect((await t.api('GET', `/api/v1/settings/${section}`, undefined, { operation: target })).body.value).toEqual(bundle.settings[section]);
    }
    const again = await t.api('POST', '/api/v1/schema/import', { bundle, dryRun: true }, { operation: target });
    expect(again.body.settings.every((s: { action: string }) => s.action === 'unchanged')).toBe(true);

    const broken = await t.api('POST', '/api/v1/schema/import', { bundle: { ...bundle, settings: { ...bundle.settings, colores: {} } } }, { operation: target });
    expect(broken.status).toBe(400);
    expect(broken.body.details[0]).toMatchObject({ path: 'settings.colores', code: 'settings.unknownSection' });
  });
});

import { DataSource } from 'typeorm';
import { CatalogRolesUpgrade } from '../../runtime/modules/catalog-roles.upgrade';
import { startTestServer, type TestServer } from '../support/test-server';

type Definition = Record<string, any>;

/** A definition as it was stored before module roles: no role on the module, its fields or its options. */
const withoutRoles = (definition: Definition): Definition => {
  const { role: _role, ...rest } = definition;
  return {
    ...rest,
    fields: definition.fields.map(({ role: _fieldRole, ...field }: Definition) => ({
      ...field,
      ...(Array.isArray(field.options) && { options: field.options.map(({ role: _optionRole, ...option }: Definition) => option) }),
    })),
  };
};

/** Operations stored before roles get the catalog's roles at start, as a module change; operations with roles are left alone. */
describe('catalog roles for operations stored before roles', () => {
  let t: TestServer;
  let db: DataSource;
  const api = (operation: string, method: string, path: string, body?: unknown) => t.api(method, path, body, { operation });

  beforeAll(async () => {
    t = await startTestServer();
    db = t.server.app.get(DataSource);
  });
  afterAll(() => t.close());

  /** Writes the operation's definitions back as a pre-roles version would have stored them. */
  async function storeWithoutRoles(operation: string): Promise<void> {
    const [{ id }] = await db.query(`SELECT id FROM core.operations WHERE key = $1`, [operation]);
    const rows: { key: string; definition: Definition }[] = await db.query(`SELECT key, definition FROM core.module_definitions WHERE operation_id = $1`, [id]);
    for (const row of rows) {
      await db.query(`UPDATE core.module_definitions SET definition = $3::jsonb WHERE operation_id = $1 AND key = $2`, [id, row.key, JSON.stringify(withoutRoles(row.definition))]);
    }
  }

  it('gives the catalog modules of an old operation their roles, once, as a new version', async () => {
    const old = await t.createOperation('legacy');
    const current = await t.createOperation('current');
    await storeWithoutRoles(old);
    const upgrade = t.server.app.get(CatalogRolesUpgrade);

    const result = await upgrade.run();
    expect(result[current]).toBeUndefined();
    // Another test server's start may have upgraded it first: what matters is the stored state.
    if (result[old]) expect(result[old]).toEqual(expect.arrayContaining(['actividades', 'contactos', 'empresas', 'casos']));

    const activities = (await api(old, 'GET', '/api/v1/modules/actividades')).body;
    expect(activities.role).toBe('activities');
    expect(activities.fields.find((f: Definition) => f.key === 'asunto').role).toBe('subject');
    expect(activities.version).toBe(2);
    const versions = (await api(old, 'GET', '/api/v1/modules/actividades/versions')).body.items;
    expect(versions.map((v: Definition) => v.version)).toEqual(expect.arrayContaining([1, 2]));
    expect((await api(old, 'GET', '/api/v1/modules/contactos')).body.role).toBe('contacts');
    // The roles drive behaviour again: the contacts module is found for Click2Dial's contact download.
    const contact = await api(old, 'POST', '/api/v1/records/contactos', { nombre: 'Ana', documento: '52123456', tipo_documento: 'cc' });
    expect((await api(old, 'GET', `/api/v1/click2dial/contacts/${contact.body.id}`)).status).toBe(200);

    // Nothing more to do the second time; the current operation was never touched.
    expect((await upgrade.run())[old]).toBeUndefined();
    expect((await api(current, 'GET', '/api/v1/modules/actividades')).body.version).toBe(1);
  });
});

import { startTestServer, type TestServer } from '../support/test-server';

const vehiculos = {
  key: 'vehiculos',
  version: 1,
  names: { singular: { es: 'Vehículo', en: 'Vehicle' }, plural: { es: 'Vehículos', en: 'Vehicles' } },
  icon: 'car',
  fields: [
    { key: 'placa', type: 'text', label: { es: 'Placa', en: 'Plate' }, required: true, unique: true },
    {
      key: 'marca',
      type: 'select',
      label: { es: 'Marca', en: 'Brand' },
      options: ['chevrolet', 'renault', 'mazda'].map((key) => ({ key, label: { es: key, en: key } })),
    },
    { key: 'propietario', type: 'lookup', label: { es: 'Propietario', en: 'Owner' }, target: 'contactos' },
  ],
};

/** Definitions as an operation holds them, without the version counter, which is each operation's own history. */
const shape = (items: { key: string; version: number }[]) => Object.fromEntries(items.map(({ version: _v, ...rest }) => [rest.key, rest]));

describe('schema bundles: export and import between operations (M7)', () => {
  let t: TestServer;
  let source: string;
  let bundle: any;
  const api = (op: string, method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });

  beforeAll(async () => {
    t = await startTestServer();
    source = await t.createOperation('src');
    expect((await api(source, 'POST', '/api/v1/modules', vehiculos)).status).toBe(201);
    const casos = (await api(source, 'GET', '/api/v1/modules/casos')).body;
    const withCanal = { ...casos, fields: [...casos.fields, { key: 'placa_vehiculo', type: 'lookup', target: 'vehiculos', label: { es: 'Vehículo', en: 'Vehicle' } }] };
    expect((await api(source, 'PUT', '/api/v1/modules/casos', { definition: withCanal })).status).toBe(200);
    await api(source, 'POST', '/api/v1/records/vehiculos', { placa: 'ABC123', marca: 'mazda' });
  });
  afterAll(() => t.close());

  it('exports a versioned bundle of definitions only', async () => {
    const exported = await api(source, 'GET', '/api/v1/schema/export');
    expect(exported.status).toBe(200);
    bundle = exported.body;
    expect(Object.keys(bundle).sort()).toEqual(['exportedAt', 'format', 'formatVersion', 'metaSchemaVersion', 'modules', 'operation', 'settings']);
    expect(bundle).toMatchObject({ format: 'contact-crm.schema-bundle', formatVersion: 1, metaSchemaVersion: '1.1.0', operation: source });
    expect(bundle.modules).toHaveLength(16);
    expect(JSON.stringify(bundle)).not.toContain('ABC123');

    const one = await api(source, 'GET', '/api/v1/schema/export?modules=vehiculos,casos');
    expect(one.body.modules.map((m: { key: string }) => m.key).sort()).toEqual(['casos', 'vehiculos']);
    expect((await api(source, 'GET', '/api/v1/schema/export?modules=naves')).status).toBe(404);
  });

  it('imports into a fresh operation: the dry run lists the plan, the import yields identical definitions', async () => {
    const target = await t.createOperation('dst');
    const dry = await api(target, 'POST', '/api/v1/schema/import', { bundle, dryRun: true });
    expect(dry.status).toBe(200);
    const byKey = Object.fromEntries(dry.body.modules.map((m: { key: string }) => [m.key, m]));
    expect(byKey.vehiculos).toMatchObject({ action: 'create', toVersion: 1 });
    expect(byKey.vehiculos.plan.steps.filter((s: { kind: string }) => s.kind === 'addColumn').map((s: { column: string }) => s.column)).toEqual(['placa', 'marca', 'propietario']);
    expect(byKey.casos.action).toBe('update');
    expect(byKey.casos.operations).toEqual([expect.objectContaining({ op: 'addField', field: expect.objectContaining({ key: 'placa_vehiculo' }) })]);
    expect(dry.body.modules.filter((m: { action: string }) => m.action === 'unchanged')).toHaveLength(14);
    expect((await api(target, 'GET', '/api/v1/modules/vehiculos')).status).toBe(404); // a dry run writes nothing

    const applied = await api(target, 'POST', '/api/v1/schema/import', { bundle });
    expect(applied.status).toBe(200);
    const after = (await api(target, 'GET', '/api/v1/modules')).body.items;
    const before = (await api(source, 'GET', '/api/v1/modules')).body.items;
    expect(shape(after)).toEqual(shape(before));
    expect((await api(target, 'POST', '/api/v1/records/vehiculos', { placa: 'XYZ987', marca: 'renault' })).status).toBe(201);

    const again = await api(target, 'POST', '/api/v1/schema/import', { bundle, dryRun: true });
    expect(again.body.modules.every((m: { action: string }) => m.action === 'unchanged')).toBe(true);
  });

  it('a dry run against a changed operation lists exactly the differences', async () => {
    const target = await t.createOperation('chg');
    expect((await api(target, 'POST', '/api/v1/schema/import', { bundle })).status).toBe(200);
    const current = (await api(target, 'GET', '/api/v1/modules/vehiculos')).body;
    const changed = {
      ...current,
      fields: [
        ...current.fields.map((f: any) => (f.key === 'marca' ? { ...f, options: f.options.filter((o: { key: string }) => o.key !== 'mazda') } : f)),
        { key: 'color', type: 'text', label: { es: 'Color', en: 'Colour' } },
      ],
    };
    expect((await api(target, 'PUT', '/api/v1/modules/vehiculos', { definition: changed })).status).toBe(200);

    const dry = await api(target, 'POST', '/api/v1/schema/import', { bundle, dryRun: true });
    const differing = dry.body.modules.filter((m: { action: string }) => m.action !== 'unchanged');
    expect(differing.map((m: { key: string }) => m.key)).toEqual(['vehiculos']);
    expect(differing[0].operations).toEqual([
      { op: 'archiveField', key: 'color' },
      { op: 'addOption', key: 'marca', option: { key: 'mazda', label: { es: 'mazda', en: 'mazda' } }, index: 2 },
    ]);
    expect(differing[0].plan.steps.map((s: { kind: string }) => s.kind)).toEqual(expect.arrayContaining(['archiveColumn']));
    expect((await api(target, 'GET', '/api/v1/modules/vehiculos')).body.version).toBe(current.version + 1);
  });

  it('refuses a bundle from a newer format version and upgrades an older one', async () => {
    const target = await t.createOperation('ver');
    const newer = await api(target, 'POST', '/api/v1/schema/import', { bundle: { ...bundle, formatVersion: 99 }, dryRun: true });
    expect(newer.status).toBe(400);
    expect(newer.body).toMatchObject({ code: 'bundle_too_new', message: { es: expect.stringContaining('versión de formato 99'), en: expect.stringContaining('format version 99') }, details: [] });

    // v0, the pre-release shape: definitions keyed by module, no settings.
    const v0 = {
      format: 'contact-crm.schema-bundle',
      formatVersion: 0,
      operation: source,
      exportedAt: bundle.exportedAt,
      definitions: { vehiculos: bundle.modules.find((m: { key: string }) => m.key === 'vehiculos') },
    };
    const upgraded = await api(target, 'POST', '/api/v1/schema/import', { bundle: v0, dryRun: true });
    expect(upgraded.status).toBe(200);
    expect(upgraded.body).toMatchObject({ upgradedFrom: 0, formatVersion: 1, modules: [expect.objectContaining({ key: 'vehiculos', action: 'create' })] });

    const broken = await api(target, 'POST', '/api/v1/schema/import', { bundle: { ...bundle, modules: [{ ...vehiculos, fields: [{ key: 'x', type: 'texto', label: { es: 'X', en: 'X' } }] }] } });
    expect(broken.status).toBe(400);
    expect(broken.body.details).toEqual([expect.objectContaining({ path: 'modules[0].fields[0].type', code: 'definition.unknownType' })]);
    expect((await api(target, 'POST', '/api/v1/schema/import', { bundle: { format: 'otro' } })).body.code).toBe('bundle_invalid');
  });

  it('is for admins only', async () => {
    const login = await t.api('POST', '/api/v1/auth/login', { operation: source, username: `ADMIN_@${source}`, password: source }, { token: null });
    const admin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: source, newPassword: 'Admin-Segura-1' }, { token: login.body.accessToken })).body.accessToken;
    const profiles = (await t.api('GET', '/api/v1/profiles', undefined, { token: admin })).body.items;
    const agentProfile = profiles.find((p: { name: string }) => p.name === 'Agente');
    expect((await t.api('POST', '/api/v1/users', { username: 'ana.agente', displayName: 'Ana', profileId: agentProfile.id }, { token: admin })).status).toBe(201);
    const first = await t.api('POST', '/api/v1/auth/login', { operation: source, username: 'ana.agente', password: source }, { token: null });
    const agent = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: source, newPassword: 'Agente-Segura-2' }, { token: first.body.accessToken })).body.accessToken;
    expect((await t.api('GET', '/api/v1/schema/export', undefined, { token: agent })).status).toBe(403);
    expect((await t.api('POST', '/api/v1/schema/import', { bundle, dryRun: true }, { token: agent })).status).toBe(403);
    expect((await t.api('GET', '/api/v1/schema/export?modules=vehiculos', undefined, { token: admin })).status).toBe(200);
  });
});

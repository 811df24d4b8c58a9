import { startTestServer, type TestServer } from '../support/test-server';

const vehiculos = {
  key: 'vehiculos',
  version: 1,
  names: { singular: { es: 'Vehículo', en: 'Vehicle' }, plural: { es: 'Vehículos', en: 'Vehicles' } },
  icon: 'car',
  fields: [
    { key: 'placa', type: 'text', label: { es: 'Placa', en: 'Plate' }, required: true, searchable: true, unique: true },
    {
      key: 'marca',
      type: 'select',
      label: { es: 'Marca', en: 'Make' },
      options: [
        { key: 'chevrolet', label: { es: 'Chevrolet', en: 'Chevrolet' } },
        { key: 'renault', label: { es: 'Renault', en: 'Renault' } },
      ],
    },
    { key: 'modelo', type: 'text', label: { es: 'Año modelo', en: 'Model year' } },
    { key: 'propietario', type: 'lookup', label: { es: 'Propietario', en: 'Owner' }, target: 'contactos' },
  ],
};

describe('module definitions API', () => {
  let t: TestServer;
  let op: string;
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('mod');
  });
  afterAll(() => t.close());

  it('lists the 15 catalog modules of a new operation', async () => {
    const list = await api('GET', '/api/v1/modules');
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { key: string }) => m.key).sort()).toEqual([
      'actividades',
      'casos',
      'cobranza',
      'contactos',
      'cotizaciones',
      'empresas',
      'gestiones',
      'oportunidades',
      'paneles',
      'posibles_clientes',
      'preguntas_frecuentes',
      'previsiones',
      'productos',
      'proyectos',
      'reportes',
    ]);
  });

  it('creates a module with its table, refuses a duplicate and a broken definition', async () => {
    const created = await api('POST', '/api/v1/modules', vehiculos);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'vehiculos', version: 1 });
    expect((await api('POST', '/api/v1/modules', vehiculos)).status).toBe(409);

    const broken = await api('POST', '/api/v1/modules', { ...vehiculos, key: 'motos', fields: [{ key: 'x', type: 'texto', label: { es: 'X', en: 'X' } }] });
    expect(broken.status).toBe(400);
    expect(broken.body.details).toEqual([expect.objectContaining({ path: 'fields[0].type', code: 'definition.unknownType' })]);
    const badLookup = await api('POST', '/api/v1/modules', { ...vehiculos, key: 'motos', fields: [{ key: 'x', type: 'lookup', target: 'clientes', label: { es: 'X', en: 'X' } }] });
    expect(badLookup.body.details).toEqual([expect.objectContaining({ path: 'fields[0].target', code: 'definition.unknownModule' })]);
    expect((await api('GET', '/api/v1/modules/motos')).status).toBe(404);
  });

  it('takes a definition body only as an object with the meta-schema members', async () => {
    const notObject = await api('POST', '/api/v1/modules', 'vehiculos');
    expect(notObject.status).toBe(400);
    expect(notObject.body.code).toBe('validation_failed');
    const stray = await api('POST', '/api/v1/modules', { ...vehiculos, key: 'motos', tabla: 'motos' });
    expect(stray.status).toBe(400);
    expect(stray.body.details).toEqual([expect.objectContaining({ path: 'tabla', code: 'unknownField' })]);
    expect((await api('GET', '/api/v1/modules/motos')).status).toBe(404);
  });

  it('adds, archives and restores a field while the data stays', async () => {
    const record = await api('POST', '/api/v1/records/vehiculos', { placa: 'ABC123', marca: 'renault', modelo: '2019' });
    expect(record.status).toBe(201);

    const withSoat = { ...vehiculos, fields: [...vehiculos.fields, { key: 'vence_soat', type: 'date', label: { es: 'Vence SOAT', en: 'SOAT expiry' } }] };
    const plan = await api('POST', '/api/v1/modules/vehiculos/plan', { definition: withSoat });
    expect(plan.status).toBe(200);
    expect(plan.body.plan.steps).toEqual([expect.objectContaining({ kind: 'addColumn', column: 'vence_soat', columnType: 'date', safety: 'safe' })]);
    expect((await api('GET', '/api/v1/modules/vehiculos')).body.version).toBe(1); // plan applies nothing

    const added = await api('PUT', '/api/v1/modules/vehiculos', { definition: withSoat, expectedVersion: 1 });
    expect(added.status).toBe(200);
    expect(added.body.definition.version).toBe(2);
    const patched = await api('PATCH', `/api/v1/records/vehiculos/${record.body.id}`, { version: record.body.version, vence_soat: '2027-01-31' });
    expect(patched.status).toBe(200);

    const withoutModelo = { ...withSoat, fields: withSoat.fields.filter((f) => f.key !== 'modelo') };
    const archived = await api('PUT', '/api/v1/modules/vehiculos', { definition: withoutModelo });
    expect(archived.status).toBe(200);
    expect(archived.body.plan.steps.map((s: { kind: string }) => s.kind)).toEqual(['archiveColumn']);
    const read = await api('GET', `/api/v1/records/vehiculos/${record.body.id}`);
    expect(read.body).not.toHaveProperty('modelo');
    expect(read.body.vence_soat).toBe('2027-01-31');
    const writeArchived = await api('PATCH', `/api/v1/records/vehiculos/${record.body.id}`, { version: read.body.version, modelo: '2020' });
    expect(writeArchived.status).toBe(400);

    const restored = await api('PUT', '/api/v1/modules/vehiculos', { definition: withSoat });
    expect(restored.body.plan.steps.map((s: { kind: string }) => s.kind)).toEqual(['restoreColumn']);
    expect((await api('GET', `/api/v1/records/vehiculos/${record.body.id}`)).body.modelo).toBe('2019');
  });

  it('refuses a type change whose values do not convert, with the offending records, unless kept aside', async () => {
    const bad = await api('POST', '/api/v1/records/vehiculos', { placa: 'XYZ987', modelo: 'dos mil' });
    const current = (await api('GET', '/api/v1/modules/vehiculos')).body;
    const asInteger = { ...current, fields: current.fields.map((f: { key: string }) => (f.key === 'modelo' ? { key: 'modelo', type: 'integer', label: { es: 'Año modelo', en: 'Model year' } } : f)) };

    const plan = await api('POST', '/api/v1/modules/vehiculos/plan', { definition: asInteger });
    expect(plan.body.blocked).toBe(true);
    expect(plan.body.checks).toEqual([expect.objectContaining({ column: 'modelo', count: 1, offending: [{ id: bad.body.id, value: 'dos mil' }] })]);

    const refused = await api('PUT', '/api/v1/modules/vehiculos', { definition: asInteger });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('data_check_failed');
    expect((await api('GET', '/api/v1/modules/vehiculos')).body.version).toBe(current.version);

    const applied = await api('PUT', '/api/v1/modules/vehiculos', { definition: asInteger, keepAside: true });
    expect(applied.status).toBe(200);
    const records = await api('POST', '/api/v1/records/vehiculos/query', { sort: [{ field: 'createdAt', dir: 'asc' }] });
    expect(records.body.items.map((r: { placa: string; modelo: unknown }) => [r.placa, r.modelo])).toEqual([
      ['ABC123', 2019],
      ['XYZ987', null],
    ]);
    const history = await api('GET', `/api/v1/records/vehiculos/${bad.body.id}/history`);
    expect(history.body.items).toContainEqual(expect.objectContaining({ action: 'keptAside', field: 'modelo', oldValue: 'dos mil' }));
  });

  it('keeps every version and rolls back by applying an old one as a new version', async () => {
    const versions = await api('GET', '/api/v1/modules/vehiculos/versions');
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([5, 4, 3, 2, 1]);
    const rolled = await api('POST', '/api/v1/modules/vehiculos/rollback', { version: 1 });
    expect(rolled.status).toBe(200);
    expect(rolled.body.definition.version).toBe(6);
    expect(rolled.body.definition.fields.find((f: { key: string }) => f.key === 'vence_soat')).toMatchObject({ archived: true });
    expect((await api('POST', '/api/v1/modules/vehiculos/rollback', { version: 99 })).status).toBe(404);
  });

  it('answers client mistakes with 4xx in the error shape', async () => {
    const cases: [string, string, unknown, number][] = [
      ['PUT', '/api/v1/modules/vehiculos', { definition: 'x' }, 400],
      ['PUT', '/api/v1/modules/vehiculos', { definition: { ...vehiculos, key: 'otra' } }, 400],
      ['PUT', '/api/v1/modules/nada', { definition: vehiculos }, 404],
      ['POST', '/api/v1/modules/vehiculos/rollback', { version: 'uno' }, 400],
      ['POST', '/api/v1/modules', [], 400],
      ['PUT', '/api/v1/modules/vehiculos', { definition: vehiculos, expectedVersion: 1 }, 409],
    ];
    for (const [method, path, body, status] of cases) {
      const response = await api(method, path, body);
      expect([path, response.status]).toEqual([path, status]);
      expect(response.body).toEqual(expect.objectContaining({ code: expect.any(String), message: { es: expect.any(String), en: expect.any(String) }, details: expect.any(Array) }));
    }
    const noOperation = await t.api('GET', '/api/v1/modules');
    expect(noOperation.status).toBe(400);
    expect((await t.api('GET', '/api/v1/modules', undefined, { operation: op, token: 'wrong' })).status).toBe(401);
  });

  it('publishes OpenAPI with a schema per module', async () => {
    const base = await t.api('GET', '/api/docs-json', undefined, { token: null });
    expect(base.status).toBe(200);
    expect(base.body.components.schemas).toHaveProperty('CasosInput');
    const mine = await api('GET', '/api/v1/openapi');
    expect(mine.body.components.schemas.VehiculosInput.properties).toHaveProperty('placa');
    expect(mine.body.paths).toHaveProperty('/api/v1/records/vehiculos/{id}');
  });
});

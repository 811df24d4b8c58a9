import { DataSource } from 'typeorm';
import { startTestServer, type TestServer } from '../support/test-server';

type Field = Record<string, unknown> & { key: string };
const label = (es: string, en = es) => ({ es, en });

const base: Field[] = [
  { key: 'nombre', type: 'text', label: label('Nombre', 'Name'), required: true, searchable: true },
  { key: 'ciudad', type: 'text', label: label('Ciudad', 'City'), filterable: true },
  { key: 'codigo', type: 'text', label: label('Código', 'Code'), unique: true },
  { key: 'placa', type: 'text', label: label('Placa', 'Plate'), searchable: true, filterable: true, unique: true },
  { key: 'notas', type: 'longText', label: label('Notas', 'Notes'), searchable: true },
  { key: 'monto', type: 'currency', currency: 'COP', label: label('Monto', 'Amount'), filterable: true, searchable: true },
  { key: 'visita', type: 'date', label: label('Visita', 'Visit'), filterable: true },
  { key: 'etiquetas', type: 'multiSelect', options: [{ key: 'vip', label: label('VIP') }], label: label('Etiquetas', 'Tags'), filterable: true },
  { key: 'suelto', type: 'text', label: label('Suelto', 'Loose') },
];

const definition = (fields: Field[]) => ({
  key: 'sedes',
  version: 1,
  names: { singular: label('Sede', 'Site'), plural: label('Sedes', 'Sites') },
  icon: 'building',
  fields,
});

/** A plain b-tree led by the field (the id may follow it, so sorted pages can stop early). */
const btreeOn = (column: string) => new RegExp(`^CREATE INDEX \\w+ ON .* USING btree \\(${column}(, id DESC)?\\)$`);

const change = (fields: Field[], key: string, patch: Record<string, unknown>) => fields.map((f) => (f.key === key ? { ...f, ...patch } : f));

/** Indexes follow the definition (ARCHITECTURE.md, Storage): searchable → trigram, filterable → b-tree, unique → unique; the plan creates and drops them. */
describe('indexes from the definition', () => {
  let t: TestServer;
  let op: string;
  let schema: string;
  let db: DataSource;
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });

  /** The indexes of a module table as Postgres has them: name → definition. */
  const indexes = async (table = 'sedes'): Promise<Record<string, string>> => {
    const rows: { indexname: string; indexdef: string }[] = await db.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`, [schema, table]);
    return Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef]));
  };
  const apply = async (fields: Field[]) => {
    const planned = await api('POST', '/api/v1/modules/sedes/plan', { definition: definition(fields) });
    expect(planned.status).toBe(200);
    const applied = await api('PUT', '/api/v1/modules/sedes', { definition: definition(fields) });
    expect(applied.status).toBe(200);
    // What was applied is what the plan said.
    expect(applied.body.plan.steps).toEqual(planned.body.plan.steps);
    return (planned.body.plan.steps as { kind: string; column?: string; index?: string }[]).filter((s) => s.kind === 'createIndex' || s.kind === 'dropIndex').map((s) => [s.kind, s.column, s.index]);
  };
  let fields = base;

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('idx');
    db = t.server.app.get(DataSource);
    [{ schema_name: schema }] = await db.query(`SELECT schema_name FROM core.operations WHERE key = $1`, [op]);
    expect((await api('POST', '/api/v1/modules', definition(base))).status).toBe(201);
  });
  afterAll(() => t.close());

  it('creates a trigram (gin) index per searchable text field, a b-tree per filterable field and a unique one per unique field', async () => {
    const found = await indexes();
    expect(Object.keys(found).sort()).toEqual(
      [
        'sedes_ciudad_idx',
        'sedes_codigo_uniq',
        'sedes_created_at_idx',
        'sedes_monto_idx',
        'sedes_nombre_trgm',
        'sedes_notas_trgm',
        'sedes_pkey',
        'sedes_placa_idx',
        'sedes_placa_trgm',
        'sedes_placa_uniq',
        'sedes_updated_at_idx',
        'sedes_visita_idx',
      ].sort(),
    );
    expect(found.sedes_nombre_trgm).toMatch(/^CREATE INDEX sedes_nombre_trgm ON .*sedes USING gin \(nombre gin_trgm_ops\)$/);
    expect(found.sedes_notas_trgm).toMatch(/USING gin \(notas gin_trgm_ops\)$/);
    expect(found.sedes_placa_trgm).toMatch(/USING gin \(placa gin_trgm_ops\)$/);
    expect(found.sedes_ciudad_idx).toMatch(btreeOn('ciudad'));
    expect(found.sedes_monto_idx).toMatch(btreeOn('monto'));
    expect(found.sedes_visita_idx).toMatch(btreeOn('visita'));
    expect(found.sedes_placa_idx).toMatch(btreeOn('placa'));
    // Soft-deleted records do not hold their value.
    expect(found.sedes_codigo_uniq).toMatch(/^CREATE UNIQUE INDEX sedes_codigo_uniq ON .* USING btree \(codigo\) WHERE \(deleted_at IS NULL\)$/);
    expect(found.sedes_placa_uniq).toMatch(/^CREATE UNIQUE INDEX .* USING btree \(placa\) WHERE \(deleted_at IS NULL\)$/);
  });

  it('serves contains with the trigram index and enforces uniqueness in storage', async () => {
    for (const [nombre, codigo] of [
      ['Sede Norte', 'N1'],
      ['Sede Sur', 'S1'],
      ['Bodega Central', 'C1'],
    ]) {
      expect((await api('POST', '/api/v1/records/sedes', { nombre, codigo })).status).toBe(201);
    }
    const plan: { 'QUERY PLAN': string }[] = await db.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return m.query(`EXPLAIN SELECT id FROM "${schema}".sedes WHERE nombre ILIKE '%sede%'`);
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('sedes_nombre_trgm');
    expect((await api('POST', '/api/v1/records/sedes/query', { filter: { field: 'nombre', op: 'contains', value: 'SEDE' } })).body.total).toBe(2);
    // The index itself refuses a duplicate that slips past the service's check.
    await expect(db.query(`INSERT INTO "${schema}".sedes (nombre, codigo) VALUES ('Copia', 'N1')`)).rejects.toThrow(/sedes_codigo_uniq/);
    const [norte] = (await api('POST', '/api/v1/records/sedes/query', { filter: { field: 'codigo', op: 'eq', value: 'N1' } })).body.items;
    expect((await api('DELETE', `/api/v1/records/sedes/${norte.id}`)).status).toBe(200);
    await db.query(`INSERT INTO "${schema}".sedes (nombre, codigo) VALUES ('Nueva Norte', 'N1')`);
  });

  it('drops the trigram index when a field stops being searchable, and creates it when one starts', async () => {
    fields = change(change(fields, 'nombre', { searchable: false }), 'suelto', { searchable: true });
    expect(await apply(fields)).toEqual([
      ['dropIndex', 'nombre', 'trigram'],
      ['createIndex', 'suelto', 'trigram'],
    ]);
    const found = await indexes();
    expect(found).not.toHaveProperty('sedes_nombre_trgm');
    expect(found.sedes_suelto_trgm).toMatch(/USING gin \(suelto gin_trgm_ops\)$/);
  });

  it('swaps b-tree and unique indexes when filterable / unique change', async () => {
    fields = change(change(fields, 'ciudad', { filterable: false, unique: true }), 'suelto', { filterable: true });
    const steps = await apply(fields);
    expect(steps).toEqual(
      expect.arrayContaining([
        ['dropIndex', 'ciudad', 'btree'],
        ['createIndex', 'ciudad', 'unique'],
        ['createIndex', 'suelto', 'btree'],
      ]),
    );
    expect(steps).toHaveLength(3);
    const found = await indexes();
    expect(found).not.toHaveProperty('sedes_ciudad_idx');
    expect(found.sedes_ciudad_uniq).toMatch(/CREATE UNIQUE INDEX .* \(ciudad\) WHERE \(deleted_at IS NULL\)$/);
    expect(found.sedes_suelto_idx).toMatch(btreeOn('suelto'));
  });

  it('drops every index of an archived field, keeps its column, and brings them back on restore', async () => {
    const withoutPlaca = fields.filter((f) => f.key !== 'placa');
    expect((await apply(withoutPlaca)).sort()).toEqual(
      [
        ['dropIndex', 'placa', 'trigram'],
        ['dropIndex', 'placa', 'btree'],
        ['dropIndex', 'placa', 'unique'],
      ].sort(),
    );
    let found = await indexes();
    expect(Object.keys(found).filter((name) => name.startsWith('sedes_placa'))).toEqual([]);
    const [column] = await db.query(`SELECT data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'sedes' AND column_name = 'placa'`, [schema]);
    expect(column).toEqual({ data_type: 'text' });

    expect((await apply(fields)).sort()).toEqual(
      [
        ['createIndex', 'placa', 'trigram'],
        ['createIndex', 'placa', 'btree'],
        ['createIndex', 'placa', 'unique'],
      ].sort(),
    );
    found = await indexes();
    expect(
      Object.keys(found)
        .filter((name) => name.startsWith('sedes_placa'))
        .sort(),
    ).toEqual(['sedes_placa_idx', 'sedes_placa_trgm', 'sedes_placa_uniq']);
  });

  it('indexes a new field as it is added, and only types that can use an index', async () => {
    fields = [
      ...fields,
      { key: 'correo', type: 'email', label: label('Correo', 'E-mail'), searchable: true, unique: true },
      { key: 'empleados', type: 'integer', label: label('Empleados', 'Staff'), searchable: true },
    ];
    expect(await apply(fields)).toEqual([
      ['createIndex', 'correo', 'trigram'],
      ['createIndex', 'correo', 'unique'],
    ]);
    const found = await indexes();
    expect(found.sedes_correo_trgm).toMatch(/USING gin \(correo gin_trgm_ops\)$/);
    expect(found.sedes_correo_uniq).toMatch(/UNIQUE INDEX/);
    // Numbers are not searched as text and option lists have no b-tree.
    expect(Object.keys(found).filter((name) => /empleados|etiquetas/.test(name))).toEqual([]);
  });

  it('refuses to make a field unique while records repeat its value, and creates no index', async () => {
    expect((await api('POST', '/api/v1/records/sedes', { nombre: 'Otra Sur', visita: '2026-01-05' })).status).toBe(201);
    expect((await api('POST', '/api/v1/records/sedes', { nombre: 'Otra Más', visita: '2026-01-05' })).status).toBe(201);
    const uniqueVisita = change(fields, 'visita', { unique: true });
    const refused = await api('PUT', '/api/v1/modules/sedes', { definition: definition(uniqueVisita) });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('data_check_failed');
    expect(await indexes()).not.toHaveProperty('sedes_visita_uniq');
  });

  it('gives the catalog modules of a new operation their indexes', async () => {
    const contactos = await indexes('contactos');
    expect(contactos.contactos_nombre_trgm).toMatch(/USING gin \(nombre gin_trgm_ops\)$/);
    expect(contactos.contactos_documento_trgm).toMatch(/gin_trgm_ops/);
    expect(contactos.contactos_ciudad_idx).toMatch(btreeOn('ciudad'));
    const empresas = await indexes('empresas');
    expect(empresas.empresas_nit_uniq).toMatch(/CREATE UNIQUE INDEX .* \(nit\) WHERE \(deleted_at IS NULL\)$/);
    const casos = await indexes('casos');
    expect(casos.casos_numero_uniq).toMatch(/UNIQUE INDEX/);
    expect(casos.casos_estado_idx).toMatch(btreeOn('estado'));
  });
});

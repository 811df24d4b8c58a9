import { compileQuery, matchesFilter, type ModuleDefinition, sortRecords } from '@crm/engine';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../support/test-server';

type Row = Record<string, any>;

const label = (es: string, en = es) => ({ es, en });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: label(key) }));

/** A module with a field of every filterable kind; `key` varies so the hand-made and the random data sets live apart. */
const moduleWith = (key: string) => ({
  key,
  version: 1,
  names: { singular: label('Muestra', 'Sample'), plural: label('Muestras', 'Samples') },
  icon: 'flask',
  title: '{{nombre}}',
  fields: [
    { key: 'nombre', type: 'text', label: label('Nombre', 'Name'), searchable: true },
    { key: 'codigo', type: 'text', label: label('Código', 'Code'), searchable: true },
    { key: 'ciudad', type: 'text', label: label('Ciudad', 'City') },
    { key: 'notas', type: 'longText', label: label('Notas', 'Notes') },
    { key: 'cantidad', type: 'integer', label: label('Cantidad', 'Quantity') },
    { key: 'monto', type: 'currency', currency: 'COP', label: label('Monto', 'Amount') },
    { key: 'fecha', type: 'date', label: label('Fecha', 'Date') },
    { key: 'momento', type: 'datetime', label: label('Momento', 'Moment') },
    { key: 'activo', type: 'boolean', label: label('Activo', 'Active') },
    { key: 'estado', type: 'select', options: options('abierto', 'cerrado', 'pendiente'), label: label('Estado', 'State') },
    { key: 'etiquetas', type: 'multiSelect', options: options('vip', 'mora', 'nuevo'), label: label('Etiquetas', 'Tags') },
    { key: 'contacto', type: 'lookup', target: 'contactos', label: label('Contacto', 'Contact') },
  ],
});

/**
 * The hand-made set: every operator below is checked against the names it
 * must return, worked out by hand from these rows. Carla has nothing but a
 * name; Fabiola's empty city and code with LIKE wildcards are on purpose.
 */
const MUESTRAS: Row[] = [
  { nombre: 'Ana', codigo: 'A-001', ciudad: 'Bogotá', cantidad: 5, monto: '1500.50', fecha: '2024-01-15', momento: '2024-01-15T08:30:00.000Z', activo: true, estado: 'abierto', etiquetas: ['vip'] },
  {
    nombre: 'Bruno',
    codigo: 'B-002',
    ciudad: 'Medellín',
    cantidad: 10,
    monto: '250000',
    fecha: '2024-03-01',
    momento: '2024-03-01T12:00:00.000Z',
    activo: false,
    estado: 'cerrado',
    etiquetas: ['vip', 'mora'],
  },
  { nombre: 'Carla' },
  {
    nombre: 'Daniela',
    codigo: 'D-004',
    ciudad: 'Cali',
    notas: 'El cliente pide la factura de marzo',
    cantidad: -3,
    monto: 0,
    fecha: '2023-12-31',
    momento: '2023-12-31T23:59:59.000Z',
    activo: true,
    estado: 'pendiente',
    etiquetas: ['mora'],
  },
  {
    nombre: 'Esteban',
    codigo: 'E-005',
    ciudad: 'bogotá',
    notas: 'Sin FACTURA',
    cantidad: 10,
    monto: '99.99',
    fecha: '2024-03-01',
    momento: '2024-03-01T12:00:00.001Z',
    activo: false,
    estado: 'abierto',
    etiquetas: [],
  },
  { nombre: 'Fabiola', codigo: 'F_50%', ciudad: '', cantidad: 0, monto: 1500.5, fecha: '2024-02-29', momento: '2024-02-29T00:00:00.000Z', activo: true, estado: 'cerrado' },
];
const ALL = MUESTRAS.map((r) => r.nombre as string).sort();
const except = (...names: string[]) => ALL.filter((n) => !names.includes(n));

/** A tiny seeded generator (mulberry32), so the random data set is the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return { next, pick, maybe: <T>(value: T, chance = 0.2): T | undefined => (next() < chance ? undefined : value) };
}

// Small pools, so that equality filters hit often. Sortable text is lower-case ASCII words: every collation orders those alike.
const POOL = {
  nombre: ['ana', 'bruno', 'carla', 'dario', 'elena', 'fabio', 'gloria'],
  codigo: ['x1', 'x2', 'y1', 'y2', 'z9'],
  ciudad: ['Bogotá', 'bogotá', 'Medellín', 'Cali', 'Santa Marta', ''],
  notas: ['pide factura', 'FACTURA vencida', 'sin novedad', 'llamar 50% de descuento'],
  cantidad: [-5, 0, 1, 2, 3, 10, 100],
  monto: ['0.00', '10.50', '99.99', '100.00', '1500.25', '250000.00'],
  fecha: ['2023-12-31', '2024-01-01', '2024-02-29', '2024-03-01', '2025-06-30'],
  momento: ['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.001Z', '2024-02-29T13:45:00.000Z', '2024-03-01T12:00:00.000Z', '2025-01-01T23:59:59.999Z'],
  activo: [true, false],
  estado: ['abierto', 'cerrado', 'pendiente'],
  etiquetas: [[], ['vip'], ['mora'], ['vip', 'mora'], ['nuevo', 'vip']],
} as const;

describe('records API: query, sort, paging, projection, expand, quick search', () => {
  let t: TestServer;
  let op: string;
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });
  const ids: Record<string, string> = {};
  const contactos: string[] = [];

  const query = async (body: unknown, module = 'muestras') => {
    const response = await api('POST', `/api/v1/records/${module}/query`, body);
    if (response.status !== 200) throw new Error(`query ${JSON.stringify(body)}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { items: Row[]; total: number | null; nextCursor: string | null };
  };
  /** The names a filter returns, sorted, after checking `total` agrees with the items. */
  const names = async (filter: unknown): Promise<string[]> => {
    const page = await query({ filter, limit: 1000 });
    expect(page.total).toBe(page.items.length);
    return page.items.map((r) => r.nombre as string).sort();
  };

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('query');
    for (const key of ['muestras', 'azar']) {
      const created = await api('POST', '/api/v1/modules', moduleWith(key));
      if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    }
    for (const [nombre, apellido] of [
      ['Lucía', 'Pérez'],
      ['Mateo', 'Rojas'],
      ['Sofía', 'Vargas'],
    ]) {
      contactos.push((await api('POST', '/api/v1/records/contactos', { nombre, apellido })).body.id);
    }
    for (const row of MUESTRAS) {
      const created = await api('POST', '/api/v1/records/muestras', { ...row, ...(row.nombre === 'Ana' && { contacto: contactos[0] }), ...(row.nombre === 'Bruno' && { contacto: contactos[1] }) });
      if (created.status !== 201) throw new Error(JSON.stringify(created.body));
      ids[row.nombre] = created.body.id;
    }
  });
  afterAll(() => t.close());

  describe('filters of every operator', () => {
    it('on text fields: contains (any case, wildcards literal), notContains, eq, neq, empty, notEmpty, in', async () => {
      expect(await names({ field: 'ciudad', op: 'contains', value: 'BOG' })).toEqual(['Ana', 'Esteban']);
      expect(await names({ field: 'notas', op: 'contains', value: 'factura' })).toEqual(['Daniela', 'Esteban']);
      // % and _ are what the person typed, not LIKE wildcards.
      expect(await names({ field: 'codigo', op: 'contains', value: '_50%' })).toEqual(['Fabiola']);
      expect(await names({ field: 'codigo', op: 'contains', value: '%' })).toEqual(['Fabiola']);
      expect(await names({ field: 'codigo', op: 'contains', value: '_' })).toEqual(['Fabiola']);
      // An empty value does not contain the text, so notContains includes it.
      expect(await names({ field: 'ciudad', op: 'notContains', value: 'bog' })).toEqual(['Bruno', 'Carla', 'Daniela', 'Fabiola']);
      expect(await names({ field: 'ciudad', op: 'eq', value: 'Cali' })).toEqual(['Daniela']);
      expect(await names({ field: 'ciudad', op: 'eq', value: 'cali' })).toEqual([]);
      // neq is "is distinct from": records with no city are not Cali either.
      expect(await names({ field: 'ciudad', op: 'neq', value: 'Cali' })).toEqual(except('Daniela'));
      expect(await names({ field: 'ciudad', op: 'empty' })).toEqual(['Carla', 'Fabiola']);
      expect(await names({ field: 'ciudad', op: 'notEmpty' })).toEqual(['Ana', 'Bruno', 'Daniela', 'Esteban']);
      expect(await names({ field: 'ciudad', op: 'in', value: ['Cali', 'Medellín', 'Pasto'] })).toEqual(['Bruno', 'Daniela']);
      expect(await names({ field: 'notas', op: 'empty' })).toEqual(except('Daniela', 'Esteban'));
    });

    it('on integer fields: eq, neq, gt, gte, lt, lte, between, in, empty, notEmpty', async () => {
      const c = (op: string, value?: unknown) => names({ field: 'cantidad', op, value });
      expect(await c('eq', 10)).toEqual(['Bruno', 'Esteban']);
      expect(await c('eq', '10')).toEqual(['Bruno', 'Esteban']);
      expect(await c('neq', 10)).toEqual(['Ana', 'Carla', 'Daniela', 'Fabiola']);
      expect(await c('gt', 0)).toEqual(['Ana', 'Bruno', 'Esteban']);
      expect(await c('gte', 0)).toEqual(['Ana', 'Bruno', 'Esteban', 'Fabiola']);
      expect(await c('lt', 0)).toEqual(['Daniela']);
      expect(await c('lte', 5)).toEqual(['Ana', 'Daniela', 'Fabiola']);
      expect(await c('gt', 4.5)).toEqual(['Ana', 'Bruno', 'Esteban']);
      expect(await c('between', [0, 5])).toEqual(['Ana', 'Fabiola']);
      expect(await c('in', [5, -3, 7])).toEqual(['Ana', 'Daniela']);
      expect(await c('empty')).toEqual(['Carla']);
      expect(await c('notEmpty')).toEqual(except('Carla'));
    });

    it('on currency fields, exactly to the cent, with numbers or decimal strings', async () => {
      const m = (op: string, value?: unknown) => names({ field: 'monto', op, value });
      expect(await m('eq', 1500.5)).toEqual(['Ana', 'Fabiola']);
      expect(await m('eq', '1500.50')).toEqual(['Ana', 'Fabiola']);
      expect(await m('neq', '1500.50')).toEqual(['Bruno', 'Carla', 'Daniela', 'Esteban']);
      expect(await m('gt', '1500.49')).toEqual(['Ana', 'Bruno', 'Fabiola']);
      expect(await m('gte', '99.99')).toEqual(['Ana', 'Bruno', 'Esteban', 'Fabiola']);
      expect(await m('lt', 100)).toEqual(['Daniela', 'Esteban']);
      expect(await m('lte', 0)).toEqual(['Daniela']);
      expect(await m('between', ['99.99', '1500.50'])).toEqual(['Ana', 'Esteban', 'Fabiola']);
      expect(await m('in', ['0', 250000])).toEqual(['Bruno', 'Daniela']);
      expect(await m('empty')).toEqual(['Carla']);
      expect(await m('notEmpty')).toEqual(except('Carla'));
    });

    it('on date and datetime fields', async () => {
      const f = (op: string, value?: unknown) => names({ field: 'fecha', op, value });
      expect(await f('eq', '2024-03-01')).toEqual(['Bruno', 'Esteban']);
      expect(await f('neq', '2024-03-01')).toEqual(['Ana', 'Carla', 'Daniela', 'Fabiola']);
      expect(await f('gt', '2024-02-29')).toEqual(['Bruno', 'Esteban']);
      expect(await f('gte', '2024-02-29')).toEqual(['Bruno', 'Esteban', 'Fabiola']);
      expect(await f('lt', '2024-01-15')).toEqual(['Daniela']);
      expect(await f('lte', '2024-01-15')).toEqual(['Ana', 'Daniela']);
      expect(await f('between', ['2024-01-01', '2024-02-29'])).toEqual(['Ana', 'Fabiola']);
      expect(await f('empty')).toEqual(['Carla']);
      expect(await f('notEmpty')).toEqual(except('Carla'));

      const d = (op: string, value?: unknown) => names({ field: 'momento', op, value });
      expect(await d('eq', '2024-03-01T12:00:00Z')).toEqual(['Bruno']);
      // The same instant written in another zone.
      expect(await d('eq', '2024-03-01T07:00:00-05:00')).toEqual(['Bruno']);
      // One millisecond later is later.
      expect(await d('gt', '2024-03-01T12:00:00Z')).toEqual(['Esteban']);
      expect(await d('gte', '2024-03-01T12:00:00Z')).toEqual(['Bruno', 'Esteban']);
      expect(await d('lt', '2024-01-01')).toEqual(['Daniela']);
      expect(await d('lte', '2024-02-29T00:00:00Z')).toEqual(['Ana', 'Daniela', 'Fabiola']);
      // A bare date is midnight UTC: Bruno's noon on March 1st is past the end.
      expect(await d('between', ['2024-01-01', '2024-03-01'])).toEqual(['Ana', 'Fabiola']);
      expect(await d('neq', '2024-03-01T12:00:00Z')).toEqual(except('Bruno'));
      expect(await d('empty')).toEqual(['Carla']);
      expect(await d('notEmpty')).toEqual(except('Carla'));
    });

    it('on select, multi-select, boolean and lookup fields', async () => {
      expect(await names({ field: 'estado', op: 'eq', value: 'abierto' })).toEqual(['Ana', 'Esteban']);
      expect(await names({ field: 'estado', op: 'neq', value: 'abierto' })).toEqual(['Bruno', 'Carla', 'Daniela', 'Fabiola']);
      expect(await names({ field: 'estado', op: 'in', value: ['cerrado', 'pendiente'] })).toEqual(['Bruno', 'Daniela', 'Fabiola']);
      expect(await names({ field: 'estado', op: 'empty' })).toEqual(['Carla']);
      expect(await names({ field: 'estado', op: 'notEmpty' })).toEqual(except('Carla'));

      expect(await names({ field: 'etiquetas', op: 'contains', value: 'vip' })).toEqual(['Ana', 'Bruno']);
      expect(await names({ field: 'etiquetas', op: 'notContains', value: 'vip' })).toEqual(['Carla', 'Daniela', 'Esteban', 'Fabiola']);
      expect(await names({ field: 'etiquetas', op: 'in', value: ['mora', 'nuevo'] })).toEqual(['Bruno', 'Daniela']);
      expect(await names({ field: 'etiquetas', op: 'empty' })).toEqual(['Carla', 'Esteban', 'Fabiola']);
      expect(await names({ field: 'etiquetas', op: 'notEmpty' })).toEqual(['Ana', 'Bruno', 'Daniela']);

      expect(await names({ field: 'activo', op: 'eq', value: true })).toEqual(['Ana', 'Daniela', 'Fabiola']);
      expect(await names({ field: 'activo', op: 'eq', value: false })).toEqual(['Bruno', 'Esteban']);
      expect(await names({ field: 'activo', op: 'neq', value: true })).toEqual(['Bruno', 'Carla', 'Esteban']);
      expect(await names({ field: 'activo', op: 'empty' })).toEqual(['Carla']);
      expect(await names({ field: 'activo', op: 'notEmpty' })).toEqual(except('Carla'));

      expect(await names({ field: 'contacto', op: 'eq', value: contactos[0].toUpperCase() })).toEqual(['Ana']);
      expect(await names({ field: 'contacto', op: 'neq', value: contactos[0] })).toEqual(except('Ana'));
      expect(await names({ field: 'contacto', op: 'in', value: contactos })).toEqual(['Ana', 'Bruno']);
      expect(await names({ field: 'contacto', op: 'notEmpty' })).toEqual(['Ana', 'Bruno']);
      expect(await names({ field: 'contacto', op: 'empty' })).toEqual(except('Ana', 'Bruno'));
    });

    it('on system fields: id, version, createdAt', async () => {
      expect(await names({ field: 'id', op: 'in', value: [ids.Ana, ids.Carla] })).toEqual(['Ana', 'Carla']);
      expect(await names({ field: 'version', op: 'eq', value: 1 })).toEqual(ALL);
      expect(await names({ field: 'createdAt', op: 'lt', value: '2000-01-01' })).toEqual([]);
      expect(await names({ field: 'createdAt', op: 'notEmpty' })).toEqual(ALL);
    });

    it('combines nested AND / OR groups', async () => {
      expect(
        await names({
          and: [
            {
              or: [
                { field: 'estado', op: 'eq', value: 'abierto' },
                { field: 'etiquetas', op: 'contains', value: 'mora' },
              ],
            },
            { field: 'activo', op: 'eq', value: true },
          ],
        }),
      ).toEqual(['Ana', 'Daniela']);
      expect(
        await names({
          or: [
            {
              and: [
                { field: 'cantidad', op: 'gte', value: 10 },
                { field: 'activo', op: 'eq', value: false },
                { field: 'monto', op: 'lt', value: 1000 },
              ],
            },
            {
              and: [
                { field: 'ciudad', op: 'empty' },
                {
                  or: [
                    { field: 'estado', op: 'empty' },
                    { field: 'fecha', op: 'gt', value: '2024-02-01' },
                  ],
                },
              ],
            },
          ],
        }),
      ).toEqual(['Carla', 'Esteban', 'Fabiola']);
      // An empty AND holds for every record, an empty OR for none.
      expect(await names({ and: [] })).toEqual(ALL);
      expect(await names({ or: [] })).toEqual([]);
      expect(await names({ and: [{ or: [] }, { field: 'nombre', op: 'eq', value: 'Ana' }] })).toEqual([]);
    });
  });

  describe('sorting', () => {
    const order = async (sort: unknown, filter?: unknown) => (await query({ sort, filter, limit: 1000 })).items.map((r) => r.nombre as string);
    // Ties on the sort values are broken by id, ascending.
    const byId = (...list: string[]) => [...list].sort((a, b) => (ids[a] < ids[b] ? -1 : 1));

    it('puts empty values last ascending and first descending, breaking ties by id', async () => {
      expect(await order([{ field: 'cantidad', dir: 'asc' }])).toEqual(['Daniela', 'Fabiola', 'Ana', ...byId('Bruno', 'Esteban'), 'Carla']);
      expect(await order([{ field: 'cantidad', dir: 'desc' }])).toEqual(['Carla', ...byId('Bruno', 'Esteban'), 'Ana', 'Fabiola', 'Daniela']);
      expect(
        await order([
          { field: 'fecha', dir: 'desc' },
          { field: 'nombre', dir: 'desc' },
        ]),
      ).toEqual(['Carla', 'Esteban', 'Bruno', 'Fabiola', 'Ana', 'Daniela']);
      expect(await order([{ field: 'monto', dir: 'asc' }, { field: 'cantidad' }])).toEqual(['Daniela', 'Esteban', 'Fabiola', 'Ana', 'Bruno', 'Carla']);
      expect(await order([{ field: 'momento', dir: 'desc' }])).toEqual(['Carla', 'Esteban', 'Bruno', 'Fabiola', 'Ana', 'Daniela']);
      // false before true; select options by key.
      expect(await order([{ field: 'activo' }, { field: 'nombre' }])).toEqual(['Bruno', 'Esteban', 'Ana', 'Daniela', 'Fabiola', 'Carla']);
      expect(
        await order([
          { field: 'estado', dir: 'desc' },
          { field: 'nombre', dir: 'asc' },
        ]),
      ).toEqual(['Carla', 'Daniela', 'Bruno', 'Fabiola', 'Ana', 'Esteban']);
      expect(await order([{ field: 'id' }])).toEqual(byId(...ALL));
    });

    it('sorts by creation, newest first, when no sort is given', async () => {
      expect(await order(undefined)).toEqual([...MUESTRAS].reverse().map((r) => r.nombre));
      expect(await order([{ field: 'createdAt', dir: 'asc' }])).toEqual(MUESTRAS.map((r) => r.nombre));
    });
  });

  describe('projection, expand and count', () => {
    it('returns only the asked fields beside the system fields', async () => {
      const page = await query({ filter: { field: 'nombre', op: 'eq', value: 'Ana' }, fields: ['nombre', 'cantidad'] });
      expect(page.items).toHaveLength(1);
      expect(Object.keys(page.items[0]).sort()).toEqual(['assignee', 'cantidad', 'createdAt', 'createdBy', 'id', 'nombre', 'owner', 'updatedAt', 'updatedBy', 'version']);
      expect(page.items[0]).toMatchObject({ id: ids.Ana, nombre: 'Ana', cantidad: 5, version: 1 });
    });

    it('expands a lookup to the id and title of its target, also when projection leaves it out', async () => {
      const page = await query({ filter: { field: 'contacto', op: 'notEmpty' }, sort: [{ field: 'nombre' }], expand: ['contacto'], fields: ['nombre'] });
      expect(page.items.map((r) => [r.nombre, r.contacto])).toEqual([
        ['Ana', { id: contactos[0], title: 'Lucía Pérez' }],
        ['Bruno', { id: contactos[1], title: 'Mateo Rojas' }],
      ]);
      expect(page.items[0]).not.toHaveProperty('monto');
      const unexpanded = await query({ filter: { field: 'nombre', op: 'eq', value: 'Carla' }, expand: ['contacto'] });
      expect(unexpanded.items[0].contacto).toBeNull();

      // A deleted target keeps its id and loses its title.
      const lucia = await api('GET', `/api/v1/records/contactos/${contactos[0]}`);
      expect((await api('DELETE', `/api/v1/records/contactos/${contactos[0]}`)).status).toBe(200);
      try {
        const gone = await query({ filter: { field: 'nombre', op: 'eq', value: 'Ana' }, expand: ['contacto'] });
        expect(gone.items[0].contacto).toEqual({ id: contactos[0], title: null });
      } finally {
        expect((await api('POST', `/api/v1/records/contactos/${lucia.body.id}/restore`)).status).toBe(200);
      }
    });

    it('skips counting with count: false', async () => {
      const page = await query({ filter: { field: 'cantidad', op: 'gte', value: 0 }, count: false, sort: [{ field: 'nombre' }] });
      expect(page.total).toBeNull();
      expect(page.items.map((r) => r.nombre)).toEqual(['Ana', 'Bruno', 'Esteban', 'Fabiola']);
      expect((await query({ filter: { field: 'cantidad', op: 'gte', value: 0 }, count: true })).total).toBe(4);
    });
  });

  describe('client mistakes: 400 with the path of each problem, and nothing else', () => {
    const refused = async (body: unknown) => {
      const response = await api('POST', '/api/v1/records/muestras/query', body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', message: { es: expect.any(String), en: expect.any(String) } });
      for (const detail of response.body.details) expect(detail.message).toEqual({ es: expect.any(String), en: expect.any(String) });
      return (response.body.details as { path: string; code: string }[]).map((d) => [d.path, d.code]);
    };

    it('names the unknown field, the operator that does not fit and the bad value by their paths', async () => {
      expect(
        await refused({
          filter: {
            and: [
              { field: 'nombre', op: 'eq', value: 'Ana' },
              { field: 'apodo', op: 'eq', value: 'x' },
            ],
          },
        }),
      ).toEqual([['filter.and[1].field', 'query.unknownField']]);
      expect(await refused({ filter: { field: 'estado', op: 'contains', value: 'abierto' } })).toEqual([['filter.op', 'query.operator']]);
      expect(await refused({ filter: { field: 'fecha', op: 'in', value: ['2024-01-01'] } })).toEqual([['filter.op', 'query.operator']]);
      expect(await refused({ filter: { field: 'activo', op: 'gt', value: true } })).toEqual([['filter.op', 'query.operator']]);
      expect(await refused({ filter: { field: 'nombre', op: 'like', value: 'A%' } })).toEqual([['filter.op', 'query.operator']]);
      expect(await refused({ filter: { or: [{ field: 'cantidad', op: 'gt', value: 'diez' }, { and: [{ field: 'fecha', op: 'eq', value: '2024-02-30' }] }] } })).toEqual([
        ['filter.or[0].value', 'query.value'],
        ['filter.or[1].and[0].value', 'query.value'],
      ]);
      expect(await refused({ filter: { field: 'cantidad', op: 'between', value: [5, 1] } })).toEqual([['filter.value', 'query.value']]);
      expect(await refused({ filter: { field: 'estado', op: 'eq', value: 'borrado' } })).toEqual([['filter.value', 'query.value']]);
      expect(await refused({ filter: { field: 'nombre', op: 'in', value: [] } })).toEqual([['filter.value', 'query.value']]);
      expect(await refused({ filter: { field: 'contacto', op: 'eq', value: 'no-es-uuid' } })).toEqual([['filter.value', 'query.value']]);
      expect(await refused({ filter: { field: 'nombre', op: 'eq' } })).toEqual([['filter.value', 'query.value']]);
      expect(await refused({ filter: { field: 'nombre', op: 'eq', value: 'x', extra: 1 } })).toEqual([['filter', 'query.shape']]);
      expect(await refused({ filter: { and: {}, or: [] } })).toEqual([['filter', 'query.shape']]);
    });

    it('checks sort, fields, expand, limit, offset, cursor and unknown keys', async () => {
      expect(await refused({ sort: [{ field: 'etiquetas' }] })).toEqual([['sort[0]', 'query.sort']]);
      expect(await refused({ sort: [{ field: 'nombre', dir: 'up' }] })).toEqual([['sort[0]', 'query.sort']]);
      expect(await refused({ fields: ['nombre', 'apodo'] })).toEqual([['fields[1]', 'query.unknownField']]);
      expect(await refused({ expand: ['nombre'] })).toEqual([['expand[0]', 'query.unknownField']]);
      expect(await refused({ limit: 0 })).toEqual([['limit', 'query.limit']]);
      expect(await refused({ limit: 1001 })).toEqual([['limit', 'query.limit']]);
      expect(await refused({ offset: -1 })).toEqual([['offset', 'query.shape']]);
      expect(await refused({ cursor: 'no-es-un-cursor' })).toEqual([['cursor', 'query.cursor']]);
      const first = await query({ limit: 2, sort: [{ field: 'nombre' }] });
      expect(await refused({ cursor: first.nextCursor, offset: 2, sort: [{ field: 'nombre' }] })).toEqual([['cursor', 'query.shape']]);
      // A cursor made for another sort does not fit this one.
      expect(await refused({ cursor: first.nextCursor, sort: [{ field: 'nombre' }, { field: 'fecha' }] })).toEqual([['cursor', 'query.cursor']]);
      expect(await refused({ count: 'no' })).toEqual([['count', 'type']]);
      expect(await refused({ filtro: {} })).toEqual([['filtro', 'query.shape']]);
      expect(await refused([1, 2])).toEqual([['', 'query.shape']]);
    });
  });

  describe('quick search', () => {
    const search = async (q: string) => {
      const response = await api('GET', `/api/v1/records/muestras?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      return response.body as { items: Row[]; total: number };
    };

    it('finds the text in any searchable field, most recently updated first', async () => {
      expect((await search('ana')).items.map((r) => r.nombre)).toEqual(['Ana']);
      // Codes A-001, B-002, D-004, E-005: newest first.
      expect((await search('-00')).items.map((r) => r.nombre)).toEqual(['Esteban', 'Daniela', 'Bruno', 'Ana']);
      // The city is not searchable.
      expect((await search('Bogotá')).items).toEqual([]);
      expect((await search('%')).items.map((r) => r.nombre)).toEqual(['Fabiola']);
      expect((await search('')).total).toBe(ALL.length);

      const touched = await api('PATCH', `/api/v1/records/muestras/${ids.Bruno}`, { version: 1, notas: 'actualizado' });
      expect(touched.status).toBe(200);
      expect((await search('-00')).items.map((r) => r.nombre)).toEqual(['Bruno', 'Esteban', 'Daniela', 'Ana']);
    });

    it('pages with limit and cursor, and refuses bad parameters with 400', async () => {
      const first = await api('GET', '/api/v1/records/muestras?q=-00&limit=3');
      expect(first.body.items).toHaveLength(3);
      expect(first.body.total).toBe(4);
      const second = await api('GET', `/api/v1/records/muestras?q=-00&limit=3&cursor=${first.body.nextCursor}`);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      expect(new Set([...first.body.items, ...second.body.items].map((r: Row) => r.id)).size).toBe(4);
      for (const bad of ['limit=0', 'limit=101', 'limit=x', 'cursor=%25%25']) {
        const response = await api('GET', `/api/v1/records/muestras?q=a&${bad}`);
        expect([bad, response.status]).toEqual([bad, 400]);
        expect(response.body.details.length).toBeGreaterThan(0);
      }
    });
  });

  describe('on a seeded random data set', () => {
    let records: Row[] = [];
    let definition: ModuleDefinition;

    beforeAll(async () => {
      const rnd = seeded(20240229);
      const rows = Array.from({ length: 160 }, () => {
        const row: Row = {};
        for (const [key, pool] of Object.entries(POOL)) {
          const value = rnd.maybe(rnd.pick(pool as readonly unknown[]));
          if (value !== undefined) row[key] = value;
        }
        const contacto = rnd.maybe(rnd.pick(contactos), 0.5);
        if (contacto) row.contacto = contacto;
        return row;
      });
      const loaded = await api('POST', '/api/v1/records/azar/bulk', { rows });
      expect(loaded.body).toMatchObject({ total: 160, inserted: 160, errors: [] });
      definition = (await api('GET', '/api/v1/modules/azar')).body;
      records = (await query({ limit: 1000, sort: [{ field: 'id' }] }, 'azar')).items;
      expect(records).toHaveLength(160);
    });

    /** The engine's in-memory answer to a query body, over the records as the API returns them. */
    const expected = (body: Record<string, unknown>): string[] => {
      const compiled = compileQuery(definition, body);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
      return sortRecords(
        compiled.value.sort,
        records.filter((r) => matchesFilter(compiled.value.filter, r)),
      ).map((r) => r.id as string);
    };

    const SORTABLE = ['nombre', 'codigo', 'cantidad', 'monto', 'fecha', 'momento', 'activo', 'estado'];
    const sortArb = fc.array(fc.record({ field: fc.constantFrom(...SORTABLE), dir: fc.constantFrom('asc', 'desc') }), { minLength: 0, maxLength: 3 });

    it('answers random filters and sorts as the engine evaluator does (same ids, same order, same total)', async () => {
      const order = (a: unknown, b: unknown) => (typeof a === 'string' && /^\d{4}-/.test(a) ? Date.parse(a) - Date.parse(String(b)) : Number(a) - Number(b));
      const pair = <T>(pool: readonly T[]) => fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...pool)).map(([a, b]) => (order(a, b) <= 0 ? [a, b] : [b, a]));
      const textOps = (field: string, pool: readonly string[], fragments: readonly string[]) =>
        fc.oneof(
          fc.record({ field: fc.constant(field), op: fc.constantFrom('contains', 'notContains'), value: fc.constantFrom(...fragments) }),
          fc.record({ field: fc.constant(field), op: fc.constantFrom('eq', 'neq'), value: fc.constantFrom(...pool.filter((v) => v !== ''), 'nadie') }),
          fc.record({ field: fc.constant(field), op: fc.constant('in'), value: fc.subarray([...pool.filter((v) => v !== ''), 'nadie'], { minLength: 1 }) }),
          fc.record({ field: fc.constant(field), op: fc.constantFrom('empty', 'notEmpty') }),
        );
      const ordered = <T>(field: string, pool: readonly T[], extraOps: string[] = []) =>
        fc.oneof(
          fc.record({ field: fc.constant(field), op: fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte', ...extraOps), value: fc.constantFrom(...pool) }),
          fc.record({ field: fc.constant(field), op: fc.constant('between'), value: pair(pool) }),
          fc.record({ field: fc.constant(field), op: fc.constantFrom('empty', 'notEmpty') }),
        );
      const numbers = [...POOL.cantidad, 2.5, -1];
      const condition = fc.oneof(
        textOps('nombre', POOL.nombre, ['an', 'A', 'o', 'RL', 'zz']),
        textOps('ciudad', POOL.ciudad, ['bog', 'á', 'MED', 'ta m', 'ta']),
        textOps('notas', POOL.notas, ['factura', '50%', '%', '_', 'sin']),
        ordered('cantidad', numbers),
        fc.record({ field: fc.constant('cantidad'), op: fc.constant('in'), value: fc.subarray(numbers, { minLength: 1 }) }),
        ordered('monto', [...POOL.monto, '99.98', 1500.25, 0]),
        ordered('fecha', [...POOL.fecha, '2024-02-28']),
        ordered('momento', [...POOL.momento, '2024-01-01', '2024-03-01T07:00:00-05:00']),
        fc.record({ field: fc.constant('activo'), op: fc.constantFrom('eq', 'neq'), value: fc.boolean() }),
        fc.record({ field: fc.constantFrom('activo', 'estado', 'etiquetas', 'contacto', 'monto'), op: fc.constantFrom('empty', 'notEmpty') }),
        fc.record({ field: fc.constant('estado'), op: fc.constantFrom('eq', 'neq'), value: fc.constantFrom(...POOL.estado) }),
        fc.record({ field: fc.constant('estado'), op: fc.constant('in'), value: fc.subarray([...POOL.estado], { minLength: 1 }) }),
        fc.record({ field: fc.constant('etiquetas'), op: fc.constantFrom('contains', 'notContains'), value: fc.constantFrom('vip', 'mora', 'nuevo') }),
        fc.record({ field: fc.constant('etiquetas'), op: fc.constant('in'), value: fc.subarray(['vip', 'mora', 'nuevo'], { minLength: 1 }) }),
        fc.record({ field: fc.constant('contacto'), op: fc.constantFrom('eq', 'neq'), value: fc.constantFrom(...contactos) }),
        fc.record({ field: fc.constant('contacto'), op: fc.constant('in'), value: fc.subarray(contactos, { minLength: 1 }) }),
      );
      const { tree } = fc.letrec<{ tree: unknown }>((self) => ({
        tree: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          condition,
          fc.record({ and: fc.array(self('tree'), { maxLength: 3 }) }),
          fc.record({ or: fc.array(self('tree'), { maxLength: 3 }) }),
        ),
      }));

      // Runs whose answer is neither nothing nor everything: the ones that tell the two apart.
      let telling = 0;
      await fc.assert(
        fc.asyncProperty(tree, sortArb, async (filter, sort) => {
          const body = { filter, sort, limit: 1000 };
          const page = await query(body, 'azar');
          const want = expected(body);
          expect(page.items.map((r) => r.id)).toEqual(want);
          expect(page.total).toBe(want.length);
          if (want.length > 0 && want.length < records.length) telling += 1;
        }),
        { numRuns: 150, seed: 4242 },
      );
      expect(telling).toBeGreaterThan(60);
    });

    it('walks every record by cursor with no overlap and no gap, for any sort', async () => {
      await fc.assert(
        fc.asyncProperty(sortArb, fc.integer({ min: 1, max: 37 }), async (sort, limit) => {
          const filter = { field: 'cantidad', op: 'neq', value: 3 };
          const want = expected({ filter, sort });
          const seen: string[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const page: { items: Row[]; total: number | null; nextCursor: string | null } = await query({ filter, sort, limit, ...(cursor && { cursor }), count: pages === 0 }, 'azar');
            expect(page.items.length).toBeLessThanOrEqual(limit);
            if (pages === 0) expect(page.total).toBe(want.length);
            else expect(page.total).toBeNull();
            seen.push(...page.items.map((r) => r.id as string));
            cursor = page.nextCursor;
            pages += 1;
          } while (cursor && pages < 200);
          expect(seen).toEqual(want);
          expect(pages).toBe(Math.max(1, Math.ceil(want.length / limit)));
        }),
        { numRuns: 25, seed: 7 },
      );
    });

    it('pages by offset over the same order', async () => {
      const sort = [
        { field: 'fecha', dir: 'desc' },
        { field: 'monto', dir: 'asc' },
      ];
      const want = expected({ sort });
      const seen: string[] = [];
      for (let offset = 0; offset < want.length + 20; offset += 20) {
        const page = await query({ sort, limit: 20, offset }, 'azar');
        expect(page.total).toBe(160);
        expect(page.nextCursor === null).toBe(offset + 20 >= want.length);
        seen.push(...page.items.map((r) => r.id as string));
      }
      expect(seen).toEqual(want);
      expect((await query({ sort, limit: 20, offset: 1000 }, 'azar')).items).toEqual([]);
    });

    it('keeps walking correctly when records change between pages', async () => {
      const sort = [{ field: 'cantidad', dir: 'asc' }];
      const first = await query({ sort, limit: 10 }, 'azar');
      const firstIds = first.items.map((r) => r.id as string);
      // A record from later pages is deleted and a new one lands before the cursor: neither shifts the rest.
      const later = expected({ sort })[50];
      expect((await api('DELETE', `/api/v1/records/azar/${later}`)).status).toBe(200);
      const early = await api('POST', '/api/v1/records/azar', { nombre: 'nuevo', cantidad: -100 });
      try {
        records = records.filter((r) => r.id !== later);
        const rest: string[] = [];
        let cursor: string | null = first.nextCursor;
        while (cursor) {
          const page: { items: Row[]; nextCursor: string | null } = await query({ sort, limit: 25, cursor }, 'azar');
          rest.push(...page.items.map((r) => r.id as string));
          cursor = page.nextCursor;
        }
        expect([...firstIds, ...rest]).toEqual(expected({ sort }));
        expect(rest).not.toContain(early.body.id);
      } finally {
        await api('DELETE', `/api/v1/records/azar/${early.body.id}`);
      }
    });
  });
});

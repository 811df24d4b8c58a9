import { aggregateRecords, compileAggregate, type ModuleDefinition } from '@crm/engine';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../support/test-server';

type Row = Record<string, unknown>;

const label = (es: string) => ({ es, en: es });

/** A small module with a field of every groupable and measurable kind; `lote` keeps each run's records apart. */
const MODULE = {
  key: 'azar_agregado',
  version: 1,
  names: { singular: label('Muestra'), plural: label('Muestras') },
  icon: 'flask',
  title: '{{texto}}',
  fields: [
    { key: 'lote', type: 'text', label: label('Lote') },
    { key: 'texto', type: 'text', label: label('Texto') },
    { key: 'entero', type: 'integer', label: label('Entero') },
    { key: 'monto', type: 'currency', currency: 'COP', label: label('Monto') },
    { key: 'pct', type: 'percent', label: label('Porcentaje') },
    { key: 'fecha', type: 'date', label: label('Fecha') },
    { key: 'momento', type: 'datetime', label: label('Momento') },
    { key: 'activo', type: 'boolean', label: label('Activo') },
    { key: 'estado', type: 'select', label: label('Estado'), options: ['c', 'a', 'b'].map((key) => ({ key, label: label(key.toUpperCase()) })) },
    { key: 'contacto', type: 'lookup', target: 'contactos', label: label('Contacto') },
  ],
};

// Lower-case ASCII words order alike in every collation; amounts in quarters are exact in binary, so sums compare exactly.
const TEXTS = ['ana', 'bruno', 'carla', 'dario', ''];
const AMOUNTS = ['0.00', '10.25', '99.50', '1500.75', '-20.00', '250000.00'];
/** Instants around month, quarter and year ends in Bogotá, UTC and Kolkata. */
const BOUNDARIES = ['2026-03-31T23:30:00-05:00', '2026-04-01T03:00:00Z', '2026-12-31T23:59:59.999Z', '2027-01-01T04:59:00Z', '2026-06-30T18:45:00Z', '2026-09-30T19:00:00Z', '2026-03-29T23:10:00Z'];
const ZONES = ['America/Bogota', 'UTC', 'Asia/Kolkata', 'America/Mexico_City', 'Europe/Madrid'];

describe('aggregations: the SQL answer equals the engine evaluator on generated records and aggregations', () => {
  let t: TestServer;
  let op: string;
  let definition: ModuleDefinition;
  const contactos: string[] = [];
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('aggprop');
    expect((await api('POST', '/api/v1/modules', MODULE)).status).toBe(201);
    definition = (await api('GET', `/api/v1/modules/${MODULE.key}`)).body;
    for (const nombre of ['Lucía', 'Mateo']) contactos.push((await api('POST', '/api/v1/records/contactos', { nombre })).body.id);
  });
  afterAll(() => t.close());

  it('for every generated data set, filter, groups, measures, order, limit and time zone', async () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });
    const instant = fc.oneof(
      fc.constantFrom(...BOUNDARIES),
      fc.date({ min: new Date('2025-11-01T00:00:00Z'), max: new Date('2027-02-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    );
    const day = fc.date({ min: new Date('2025-12-01T00:00:00Z'), max: new Date('2027-01-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const record = fc.record(
      {
        texto: maybe(fc.constantFrom(...TEXTS)),
        entero: maybe(fc.integer({ min: -5, max: 5 })),
        monto: maybe(fc.constantFrom(...AMOUNTS)),
        pct: maybe(fc.constantFrom(0, 12.5, 50, 100)),
        fecha: maybe(day),
        momento: maybe(instant),
        activo: maybe(fc.boolean()),
        estado: maybe(fc.constantFrom('a', 'b', 'c')),
        contacto: maybe(fc.constantFrom(...contactos)),
      },
      { requiredKeys: [] },
    );
    const group = fc.oneof(
      fc.record({ field: fc.constantFrom('texto', 'entero', 'activo', 'estado', 'contacto') }),
      fc.record({ field: fc.constant('fecha'), bucket: fc.constantFrom('year', 'quarter', 'month', 'week', 'day') }),
      fc.record({ field: fc.constant('momento'), bucket: fc.constantFrom('year', 'quarter', 'month', 'week', 'day', 'hour') }),
    );
    const measure = fc.oneof(
      fc.constant({ op: 'count' }),
      fc.record({ op: fc.constantFrom('sum', 'avg', 'min', 'max'), field: fc.constantFrom('entero', 'monto', 'pct') }),
      fc.record({ op: fc.constantFrom('min', 'max'), field: fc.constantFrom('fecha', 'momento') }),
    );
    const condition = fc.oneof(
      fc.record({ field: fc.constant('estado'), op: fc.constantFrom('eq', 'neq'), value: fc.constantFrom('a', 'b', 'c') }),
      fc.record({ field: fc.constant('entero'), op: fc.constantFrom('gt', 'lte'), value: fc.integer({ min: -5, max: 5 }) }),
      fc.record({ field: fc.constantFrom('texto', 'monto', 'momento'), op: fc.constantFrom('empty', 'notEmpty') }),
      fc.record({ field: fc.constant('momento'), op: fc.constant('gte'), value: fc.constantFrom(...BOUNDARIES) }),
    );
    const aggregation = fc
      .record(
        {
          filter: fc.oneof(condition, fc.record({ or: fc.array(condition, { minLength: 1, maxLength: 3 }) }), fc.record({ and: fc.array(condition, { maxLength: 2 }) })),
          groups: fc.oneof({ arbitrary: fc.constant([]), weight: 1 }, { arbitrary: fc.uniqueArray(group, { minLength: 1, maxLength: 2, selector: (g) => `${g.field}` }), weight: 5 }),
          measures: fc.array(measure, { minLength: 1, maxLength: 2 }),
          order: fc.record({ by: fc.constantFrom('label', 'value'), dir: fc.constantFrom('asc', 'desc') }),
          limit: fc.integer({ min: 1, max: 12 }),
        },
        { requiredKeys: ['groups', 'measures', 'order'] },
      )
      .chain((body) => (body.order.by === 'value' ? fc.nat(body.measures.length - 1).map((m) => ({ ...body, order: { ...body.order, measure: m } })) : fc.constant(body)));

    let run = 0;
    let grouped = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 40, size: '+1' }), aggregation, fc.constantFrom(...ZONES), async (rows, body, timeZone) => {
        const lote = `lote-${++run}`;
        if (rows.length) {
          const loaded = await api('POST', `/api/v1/records/${MODULE.key}/bulk`, { rows: rows.map((r) => ({ ...r, lote })) });
          expect([loaded.status, loaded.body.inserted]).toEqual([200, rows.length]);
        }
        expect((await api('PUT', '/api/v1/settings/time-zone', { timeZone })).status).toBe(200);
        const scoped = { ...body, filter: { and: [{ field: 'lote', op: 'eq', value: lote }, body.filter ?? { and: [] }] } };
        const response = await api('POST', `/api/v1/records/${MODULE.key}/aggregate`, scoped);
        expect(response.status).toBe(200);
        const stored: Row[] = rows.length ? (await api('POST', `/api/v1/records/${MODULE.key}/query`, { filter: { field: 'lote', op: 'eq', value: lote }, limit: 1000 })).body.items : [];
        const compiled = compileAggregate(definition, scoped);
        if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
        const want = aggregateRecords(compiled.value, stored, timeZone);
        const got = response.body as { rows: { keys: { value: unknown }[]; values: unknown[] }[]; truncated: boolean; timeZone: string };
        expect(got.timeZone).toBe(timeZone);
        expect(got.truncated).toBe(want.truncated);
        expect(got.rows.map((r) => r.keys.map((k) => k.value))).toEqual(want.rows.map((r) => r.keys));
        got.rows.forEach((row, i) =>
          row.values.forEach((value, j) => {
            const expected = want.rows[i].values[j];
            if (typeof value === 'number' && typeof expected === 'number') expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
            else expect(value).toEqual(expected);
          }),
        );
        if (want.rows.length > 1 || want.truncated) grouped++;
      }),
      { numRuns: 100 },
    );
    // Most runs must have produced several groups, or the property says little.
    expect(grouped).toBeGreaterThan(50);
  }, 300_000);
});

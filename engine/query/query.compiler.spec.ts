import fc from 'fast-check';
import { FILTER_OPERATORS, operatorsFor, valueKind } from '../definition/field-type.registry';
import type { ModuleField } from '../definition/module-definition.types';
import { sampleCases } from '../definition/sample-definition.fixture';
import { encodeCursor } from './cursor.codec';
import { matchesFilter, sortRecords } from './filter.evaluator';
import { compileQuery } from './query.compiler';
import type { CompiledQuery } from './query.types';

const ok = (input: unknown): CompiledQuery => {
  const result = compileQuery(sampleCases, input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const problems = (input: unknown) => {
  const result = compileQuery(sampleCases, input);
  return result.ok ? [] : result.issues.map((i) => [i.path, i.code]);
};
const ID = '0b5c8f5e-2a61-4c4e-9a55-1d1f7f0b9a11';

describe('compileQuery', () => {
  it('compiles the ARCHITECTURE example tree', () => {
    const query = ok({
      filter: {
        and: [
          { field: 'estado', op: 'eq', value: 'abierto' },
          {
            or: [
              { field: 'asunto', op: 'contains', value: 'Ana' },
              { field: 'email', op: 'empty' },
            ],
          },
        ],
      },
      sort: [{ field: 'fecha_limite', dir: 'desc' }],
      limit: 20,
    });
    expect(query.filter).toEqual({
      kind: 'and',
      children: [
        { kind: 'condition', field: 'estado', system: false, valueKind: 'option', op: 'eq', value: 'abierto' },
        {
          kind: 'or',
          children: [
            { kind: 'condition', field: 'asunto', system: false, valueKind: 'string', op: 'contains', value: 'Ana' },
            { kind: 'condition', field: 'email', system: false, valueKind: 'string', op: 'empty', value: null },
          ],
        },
      ],
    });
    expect(query.sort.map((s) => [s.field, s.dir])).toEqual([
      ['fecha_limite', 'desc'],
      ['id', 'asc'],
    ]);
    expect(query.limit).toBe(20);
  });

  it('defaults to newest first, 50 a page, id as tie-breaker', () => {
    expect(ok({})).toMatchObject({
      filter: null,
      limit: 50,
      sort: [
        { field: 'createdAt', dir: 'desc' },
        { field: 'id', dir: 'asc' },
      ],
    });
  });

  // One table of valid conditions per field type and operator: [field, op, value, normalised value].
  const valid: [string, string, unknown, unknown][] = [
    ['asunto', 'contains', 'factura', 'factura'],
    ['asunto', 'notContains', 'x', 'x'],
    ['asunto', 'in', ['a', 'b'], ['a', 'b']],
    ['cantidad', 'gt', '5', 5],
    ['cantidad', 'between', [1, 10], [1, 10]],
    ['monto', 'lte', 1000.5, 1000.5],
    ['descuento', 'in', [5, '10'], [5, 10]],
    ['fecha_limite', 'between', ['2026-01-01', '2026-12-31'], ['2026-01-01', '2026-12-31']],
    ['abierto_en', 'gte', '2026-11-23T08:00:00-05:00', '2026-11-23T13:00:00.000Z'],
    ['abierto_en', 'lt', '2026-11-24', '2026-11-24T00:00:00.000Z'],
    ['urgente', 'eq', true, true],
    ['estado', 'in', ['abierto', 'anulado'], ['abierto', 'anulado']],
    ['canales', 'contains', 'whatsapp', 'whatsapp'],
    ['contacto', 'eq', ID.toUpperCase(), ID],
    ['responsable', 'notEmpty', undefined, null],
    ['adjuntos', 'empty', undefined, null],
    ['total', 'gt', 100, 100],
    ['createdAt', 'between', ['2026-01-01', '2026-02-01T00:00:00Z'], ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']],
    ['owner', 'in', [ID], [ID]],
    ['version', 'gte', 2, 2],
  ];
  it.each(valid)('accepts %s %s %j', (field, op, value, expected) => {
    const query = ok({ filter: { field, op, value } });
    expect(query.filter).toMatchObject({ kind: 'condition', field, op, value: expected });
  });

  const invalid: [unknown, string, string][] = [
    [{ field: 'color', op: 'eq', value: 'x' }, 'filter.field', 'query.unknownField'],
    [{ field: 'antiguo', op: 'eq', value: 'x' }, 'filter.field', 'query.unknownField'],
    [{ field: 'urgente', op: 'contains', value: 'x' }, 'filter.op', 'query.operator'],
    [{ field: 'asunto', op: 'like', value: 'x' }, 'filter.op', 'query.operator'],
    [{ field: 'lineas', op: 'eq', value: 'x' }, 'filter.op', 'query.operator'],
    [{ field: 'cantidad', op: 'gt', value: 'muchos' }, 'filter.value', 'query.value'],
    [{ field: 'cantidad', op: 'between', value: [10, 1] }, 'filter.value', 'query.value'],
    [{ field: 'fecha_limite', op: 'eq', value: '2026-02-30' }, 'filter.value', 'query.value'],
    [{ field: 'estado', op: 'eq', value: 'cerrado' }, 'filter.value', 'query.value'],
    [{ field: 'contacto', op: 'eq', value: 'ana' }, 'filter.value', 'query.value'],
    [{ field: 'asunto', op: 'in', value: [] }, 'filter.value', 'query.value'],
    [{ field: 'asunto', op: 'contains', value: '  ' }, 'filter.value', 'query.value'],
    [{ field: 'asunto', op: 'eq' }, 'filter.value', 'query.value'],
    [{ field: 'asunto', op: 'eq', value: 'x', extra: 1 }, 'filter', 'query.shape'],
    [{ and: 'x' }, 'filter', 'query.shape'],
    [{ and: [], or: [] }, 'filter', 'query.shape'],
  ];
  it.each(invalid)('refuses %j at %s with %s', (filter, path, code) => {
    expect(problems({ filter })).toEqual([[path, code]]);
  });

  it('reports every problem with its path in the tree', () => {
    expect(
      problems({
        filter: {
          and: [
            { field: 'asunto', op: 'eq', value: 'ok' },
            {
              or: [
                { field: 'nada', op: 'eq', value: 1 },
                { field: 'urgente', op: 'gt', value: true },
              ],
            },
          ],
        },
        sort: [{ field: 'lineas' }, { field: 'asunto', dir: 'up' }],
        limit: 5000,
        fields: ['asunto', 'nada'],
        expand: ['estado'],
      }),
    ).toEqual([
      ['filter.and[1].or[0].field', 'query.unknownField'],
      ['filter.and[1].or[1].op', 'query.operator'],
      ['sort[0]', 'query.sort'],
      ['sort[1]', 'query.sort'],
      ['limit', 'query.limit'],
      ['fields[1]', 'query.unknownField'],
      ['expand[0]', 'query.unknownField'],
    ]);
  });

  it('caps depth and size', () => {
    let deep: unknown = { field: 'asunto', op: 'eq', value: 'x' };
    for (let i = 0; i < 9; i++) deep = { and: [deep] };
    expect(problems({ filter: deep })).toEqual([[expect.stringMatching(/^filter(\.and\[0\])+$/), 'query.depth']]);
    const wide = { or: Array.from({ length: 201 }, () => ({ field: 'asunto', op: 'eq', value: 'x' })) };
    expect(problems({ filter: wide })).toEqual([['filter.or[200]', 'query.shape']]);
  });

  it('takes a cursor or an offset, never both, and refuses foreign cursors', () => {
    const cursor = encodeCursor({ values: ['2026-11-23T10:00:00.000Z'], id: ID });
    expect(ok({ cursor }).cursor).toEqual({ values: ['2026-11-23T10:00:00.000Z'], id: ID });
    expect(ok({ offset: 100 }).offset).toBe(100);
    expect(problems({ cursor, offset: 1 })).toEqual([['cursor', 'query.shape']]);
    for (const bad of ['x', 'eyJhIjoxfQ', 42, encodeCursor({ values: [1, 2], id: ID })]) expect(problems({ cursor: bad })).toEqual([['cursor', 'query.cursor']]);
  });

  it('property: any JSON gets a result, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expect(typeof compileQuery(sampleCases, input).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  const fieldArb = fc.constantFrom(...sampleCases.fields, { key: 'createdAt', type: 'datetime' } as unknown as ModuleField, { key: 'nada', type: 'text' } as unknown as ModuleField);
  const leafArb = fieldArb.chain((field) =>
    fc.record({
      field: fc.constant(field.key),
      op: fc.constantFrom(...FILTER_OPERATORS),
      value: fc.oneof(valueFor(field), fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined)),
    }),
  );
  const treeArb = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', maxDepth: 4 }, leafArb, fc.record({ and: fc.array(tie('node'), { maxLength: 4 }) }), fc.record({ or: fc.array(tie('node'), { maxLength: 4 }) })),
  })).node;
  const recordArb = fc.record(Object.fromEntries(sampleCases.fields.map((f) => [f.key, fc.oneof(valueFor(f), fc.constant(null), fc.jsonValue({ maxDepth: 1 }))])), { requiredKeys: [] });

  it('property: filters built from the definition compile or return issues, and compiled ones evaluate without throwing', () => {
    fc.assert(
      fc.property(treeArb, fc.array(recordArb, { maxLength: 5 }), (filter, records) => {
        const result = compileQuery(sampleCases, { filter });
        if (result.ok) for (const record of records) expect(typeof matchesFilter(result.value.filter, record)).toBe('boolean');
        else expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('property: an operator that fits the field with a valid value always compiles', () => {
    const fitting = fc
      .constantFrom(...sampleCases.fields.filter((f) => !f.archived && f.type !== 'subtable' && f.type !== 'formula'))
      .chain((field) => fc.record({ field: fc.constant(field), op: fc.constantFrom(...operatorsFor(field)), value: valueFor(field) }));
    fc.assert(
      fc.property(fitting, ({ field, op, value }) => {
        const body = op === 'between' ? [value, value] : op === 'in' ? [value] : op === 'empty' || op === 'notEmpty' ? undefined : value;
        const result = compileQuery(sampleCases, { filter: { field: field.key, op, value: body } });
        expect(result.ok ? [] : result.issues).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('matchesFilter and sortRecords', () => {
  const compiled = (filter: unknown) => ok({ filter }).filter;
  const ana = { asunto: 'Factura de Ana', estado: 'abierto', cantidad: 3, monto: '1000.50', canales: ['whatsapp'], urgente: false, abierto_en: '2026-11-23T13:00:00.000Z' };
  const empty = { asunto: null, estado: null, cantidad: null, canales: [] };

  it('matches like ILIKE and IS DISTINCT FROM', () => {
    expect(matchesFilter(compiled({ field: 'asunto', op: 'contains', value: 'ANA' }), ana)).toBe(true);
    expect(matchesFilter(compiled({ field: 'asunto', op: 'contains', value: 'Ána' }), ana)).toBe(false);
    expect(matchesFilter(compiled({ field: 'asunto', op: 'notContains', value: 'x' }), empty)).toBe(true);
    expect(matchesFilter(compiled({ field: 'estado', op: 'neq', value: 'abierto' }), empty)).toBe(true);
    expect(matchesFilter(compiled({ field: 'cantidad', op: 'lt', value: 10 }), empty)).toBe(false);
    expect(matchesFilter(compiled({ field: 'monto', op: 'between', value: [1000.5, 2000] }), ana)).toBe(true);
    expect(matchesFilter(compiled({ field: 'canales', op: 'contains', value: 'whatsapp' }), ana)).toBe(true);
    expect(matchesFilter(compiled({ field: 'canales', op: 'empty' }), empty)).toBe(true);
    expect(matchesFilter(compiled({ field: 'abierto_en', op: 'gte', value: '2026-11-23T08:00:00-05:00' }), ana)).toBe(true);
    expect(
      matchesFilter(
        compiled({
          or: [
            { field: 'urgente', op: 'eq', value: true },
            { field: 'cantidad', op: 'in', value: [3, 4] },
          ],
        }),
        ana,
      ),
    ).toBe(true);
  });

  it('sorts like Postgres: empty values last ascending, first descending', () => {
    const rows = [
      { id: 'b', cantidad: 2 },
      { id: 'a', cantidad: null },
      { id: 'c', cantidad: 1 },
    ];
    expect(sortRecords(ok({ sort: [{ field: 'cantidad', dir: 'asc' }] }).sort, rows).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(sortRecords(ok({ sort: [{ field: 'cantidad', dir: 'desc' }] }).sort, rows).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});

/** Valid values of a field's type, for generated filters and records. */
function valueFor(field: ModuleField): fc.Arbitrary<unknown> {
  switch (valueKind(field)) {
    case 'string':
      return fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
    case 'number':
      return fc.integer({ min: -1000, max: 1000 });
    case 'date':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'boolean':
      return fc.boolean();
    case 'option':
    case 'options':
      return fc.constantFrom(...('options' in field ? field.options.map((o) => o.key) : ['x']));
    case 'reference':
      return fc.uuid();
    case 'json':
      return fc.constant(null);
  }
}

import fc from 'fast-check';
import type { ModuleDefinition } from '../definition/module-definition.types';
import { compileAggregate } from './aggregate.compiler';
import { aggregateRecords } from './aggregate.evaluator';
import { bucketKey, isTimeZone } from './time-zone';

const label = (es: string) => ({ es, en: es });

const ventas: ModuleDefinition = {
  key: 'ventas',
  version: 1,
  names: { singular: label('Venta'), plural: label('Ventas') },
  icon: 'coins',
  fields: [
    { key: 'nombre', type: 'text', label: label('Nombre') },
    { key: 'monto', type: 'currency', currency: 'COP', label: label('Monto') },
    { key: 'fase', type: 'select', label: label('Fase'), options: ['nueva', 'ganada', 'perdida'].map((key) => ({ key, label: label(key) })) },
    { key: 'etiquetas', type: 'multiSelect', label: label('Etiquetas'), options: [{ key: 'x', label: label('X') }] },
    { key: 'cierre', type: 'date', label: label('Cierre') },
    { key: 'momento', type: 'datetime', label: label('Momento') },
    { key: 'viejo', type: 'integer', label: label('Viejo'), archived: true },
  ],
};

const issues = (input: unknown) => {
  const result = compileAggregate(ventas, input);
  return result.ok ? [] : result.issues.map((i) => [i.path, i.code]);
};

describe('aggregation compiler', () => {
  it('fills the defaults: one count, label order ascending, 1,000 groups', () => {
    expect(compileAggregate(ventas, {})).toEqual({
      ok: true,
      value: { filter: null, groups: [], measures: [{ op: 'count', field: null, system: false, valueKind: null }], order: { by: 'label', measure: 0, dir: 'asc' }, limit: 1000 },
    });
  });

  it('keeps picklist options in order and system users as user groups', () => {
    const result = compileAggregate(ventas, { groups: [{ field: 'fase' }, { field: 'owner' }], measures: [{ op: 'max', field: 'cierre' }] });
    expect(result.ok && result.value.groups).toEqual([
      { field: 'fase', system: false, valueKind: 'option', type: 'select', bucket: null, options: ['nueva', 'ganada', 'perdida'] },
      { field: 'owner', system: true, valueKind: 'reference', type: 'user', bucket: null },
    ]);
  });

  it.each([
    [{ groups: [{ field: 'viejo' }] }, [['groups[0].field', 'aggregate.unknownField']]],
    [{ groups: [{ field: 'etiquetas' }] }, [['groups[0].field', 'aggregate.notGroupable']]],
    [{ groups: [{ field: 'cierre', bucket: 'hour' }] }, [['groups[0].bucket', 'aggregate.bucket']]],
    [{ groups: [{ field: 'momento', bucket: 'decade' }] }, [['groups[0].bucket', 'aggregate.bucket']]],
    [{ groups: [{ field: 'fase', bucket: 'day' }] }, [['groups[0].bucket', 'aggregate.noBucket']]],
    [{ groups: [{ field: 'fase' }, { field: 'fase' }] }, [['groups[1].field', 'aggregate.shape']]],
    [{ groups: [{ field: 'fase', extra: 1 }] }, [['groups[0].extra', 'aggregate.shape']]],
    [{ measures: [] }, [['measures', 'aggregate.shape']]],
    [{ measures: [{ op: 'count', field: 'monto' }] }, [['measures[0].field', 'aggregate.countField']]],
    [{ measures: [{ op: 'sum', field: 'fase' }] }, [['measures[0].field', 'aggregate.measureType']]],
    [{ measures: [{ op: 'avg', field: 'cierre' }] }, [['measures[0].field', 'aggregate.measureType']]],
    [{ measures: [{ op: 'sum' }] }, [['measures[0].field', 'aggregate.shape']]],
    [{ order: { by: 'size' } }, [['order.by', 'aggregate.order']]],
    [{ order: { by: 'label', measure: 0 } }, [['order.measure', 'aggregate.orderMeasure']]],
    [{ order: { by: 'value', dir: 'up' } }, [['order.dir', 'aggregate.order']]],
    [{ limit: 10_001 }, [['limit', 'aggregate.limit']]],
    [{ filter: { field: 'monto', op: 'contains', value: 'x' } }, [['filter.op', 'query.operator']]],
    [{ sort: [] }, [['sort', 'aggregate.shape']]],
  ])('refuses %j with its path', (input, expected) => {
    expect(issues(input)).toEqual(expected);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = compileAggregate(ventas, input);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('time zones and buckets', () => {
  it('knows IANA names and refuses offsets and made-up zones', () => {
    expect(['America/Bogota', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'].map(isTimeZone)).toEqual([true, true, true, true]);
    expect(['GMT-5', '-05:00', 'America/Nowhere', '', 'a'.repeat(70), 5].map(isTimeZone)).toEqual([false, false, false, false, false, false]);
  });

  it('buckets an instant in the zone it is seen from', () => {
    const late = '2026-03-31T23:30:00-05:00';
    expect(bucketKey(late, 'datetime', 'quarter', 'America/Bogota')).toBe('2026-Q1');
    expect(bucketKey(late, 'datetime', 'quarter', 'UTC')).toBe('2026-Q2');
    expect(bucketKey(late, 'datetime', 'hour', 'America/Bogota')).toBe('2026-03-31T23');
    expect(bucketKey('2026-04-01', 'date', 'week', 'UTC')).toBe('2026-03-30');
    expect(bucketKey('2027-01-01', 'date', 'week', 'UTC')).toBe('2026-12-28');
  });

  it('evaluates with empty values last in either direction and ties broken by label', () => {
    const compiled = compileAggregate(ventas, { groups: [{ field: 'fase' }], measures: [{ op: 'sum', field: 'monto' }], order: { by: 'value', dir: 'desc' } });
    if (!compiled.ok) throw new Error('invalid');
    const records = [{ fase: 'perdida', monto: '5' }, { fase: 'ganada', monto: '5' }, { fase: 'nueva' }, { monto: 9 }];
    expect(aggregateRecords(compiled.value, records, 'UTC')).toEqual({
      rows: [
        { keys: [null], values: [9] },
        { keys: ['ganada'], values: [5] },
        { keys: ['perdida'], values: [5] },
        { keys: ['nueva'], values: [null] },
      ],
      truncated: false,
    });
  });
});

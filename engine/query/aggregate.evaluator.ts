import type { AggregateRow, CompiledAggregate, CompiledGroupBy, CompiledMeasure, GroupKey, MeasureValue } from './aggregate.types';
import { isEmptyFilterValue, matchesFilter } from './filter.evaluator';
import { bucketKey } from './time-zone';

/** A group's key of one record, as the SQL backend computes it: empty text is no value, ids lower-case, numbers as numbers. */
function groupKey(group: CompiledGroupBy, record: Record<string, unknown>, timeZone: string): GroupKey {
  const value = record[group.field];
  if (isEmptyFilterValue(value)) return null;
  if (group.bucket) return bucketKey(value, group.valueKind === 'date' ? 'date' : 'datetime', group.bucket, timeZone);
  switch (group.valueKind) {
    case 'number': {
      const n = Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'reference':
      return String(value).toLowerCase();
    default:
      return String(value);
  }
}

function measure(definition: CompiledMeasure, records: Record<string, unknown>[]): MeasureValue {
  if (definition.op === 'count') return records.length;
  const present = records.map((r) => r[definition.field!]).filter((v) => !isEmptyFilterValue(v));
  if (present.length === 0) return null;
  if (definition.valueKind === 'date' || definition.valueKind === 'datetime') {
    const dated = definition.valueKind === 'datetime';
    const sorted = present.map((v) => (dated ? Date.parse(String(v)) : String(v))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const pick = definition.op === 'min' ? sorted[0] : sorted[sorted.length - 1];
    return dated ? new Date(pick as number).toISOString() : (pick as string);
  }
  const numbers = present.map(Number);
  switch (definition.op) {
    case 'sum':
      return numbers.reduce((a, b) => a + b, 0);
    case 'avg':
      return numbers.reduce((a, b) => a + b, 0) / numbers.length;
    case 'min':
      return Math.min(...numbers);
    case 'max':
      return Math.max(...numbers);
  }
}

type Comparable = string | number | boolean | null;

/** Groups and measures without a value come last, whichever the direction (NULLS LAST). */
function compare(a: Comparable, b: Comparable, dir: 'asc' | 'desc'): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * (dir === 'asc' ? 1 : -1);
}

/** What "label" order sorts a key by: a picklist's option position first (unknown options as empty), then the key itself. */
function labelOrder(group: CompiledGroupBy, key: GroupKey): Comparable[] {
  if (!group.options) return [key];
  const position = typeof key === 'string' ? group.options.indexOf(key) : -1;
  return [position < 0 ? null : position + 1, key];
}

/**
 * Runs a compiled aggregation over records in memory, with the semantics of
 * the SQL backend (`record-aggregate.sql-compiler.ts`): the filter as
 * `matchesFilter`, buckets in `timeZone`, counts of records, sums, averages,
 * minimums and maximums over the records with a value (null when none has
 * one), one row without groups, label or value order with empty values last, ties broken by label, then the limit. It is the oracle the SQL
 * compiler is tested against.
 */
export function aggregateRecords(aggregate: CompiledAggregate, records: Record<string, unknown>[], timeZone: string): { rows: AggregateRow[]; truncated: boolean } {
  const matching = records.filter((record) => matchesFilter(aggregate.filter, record));
  const buckets = new Map<string, { keys: GroupKey[]; records: Record<string, unknown>[] }>();
  if (aggregate.groups.length === 0) buckets.set('[]', { keys: [], records: matching });
  for (const record of aggregate.groups.length ? matching : []) {
    const keys = aggregate.groups.map((group) => groupKey(group, record, timeZone));
    const id = JSON.stringify(keys);
    let bucket = buckets.get(id);
    if (!bucket) buckets.set(id, (bucket = { keys, records: [] }));
    bucket.records.push(record);
  }
  const rows: AggregateRow[] = [...buckets.values()].map((b) => ({ keys: b.keys, values: aggregate.measures.map((m) => measure(m, b.records)) }));
  const byLabel = (a: AggregateRow, b: AggregateRow, dir: 'asc' | 'desc') => {
    for (let i = 0; i < aggregate.groups.length; i++) {
      const x = labelOrder(aggregate.groups[i], a.keys[i]);
      const y = labelOrder(aggregate.groups[i], b.keys[i]);
      for (let j = 0; j < x.length; j++) {
        const order = compare(x[j], y[j], dir);
        if (order) return order;
      }
    }
    return 0;
  };
  const { by, measure: index, dir } = aggregate.order;
  rows.sort((a, b) => (by === 'label' ? byLabel(a, b, dir) : compare(a.values[index], b.values[index], dir) || byLabel(a, b, 'asc')));
  return { rows: rows.slice(0, aggregate.limit), truncated: rows.length > aggregate.limit };
}

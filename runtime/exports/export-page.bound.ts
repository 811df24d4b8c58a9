import { type FilterNode, type ModuleDefinition, operatorsFor, type RecordValues, valueKind } from '@crm/engine';

type SortKey = { field: string; dir: 'asc' | 'desc' };

/** System timestamps: never empty, filterable with lte / gte. */
const TIMESTAMPS = new Set(['createdAt', 'updatedAt']);

/**
 * A range on the first sort key that holds every row still to come after a
 * page (a superset: the cursor still decides), so Postgres walks the sort
 * index from there instead of reading every row past the cursor again on
 * each page. The records query's cursor is an OR of "past this key" branches,
 * which alone lets the planner read (and sort) the whole remainder per page.
 *
 * Safe only where the order puts no empty value after the page's last one:
 * descending sorts (empty values come first) and the never-empty timestamps.
 * Timestamps are widened by a millisecond: records carry milliseconds, the
 * column microseconds.
 */
export function pageBound(definition: ModuleDefinition, sort: readonly SortKey[], last: RecordValues | undefined): FilterNode | null {
  const key = sort[0] ?? { field: 'createdAt', dir: 'desc' };
  const value = last?.[key.field];
  if (value === null || value === undefined) return null;
  const op = key.dir === 'desc' ? 'lte' : 'gte';
  if (TIMESTAMPS.has(key.field)) return timestampBound(key, value, op);
  if (key.dir !== 'desc') return null;
  const field = definition.fields.find((f) => f.key === key.field && !f.archived);
  if (!field || !operatorsFor(field).includes(op)) return null;
  const kind = valueKind(field);
  if (kind === 'datetime') return timestampBound(key, value, op);
  if (kind === 'date' || kind === 'number' || kind === 'string') return { field: key.field, op, value };
  return null;
}

function timestampBound(key: SortKey, value: unknown, op: 'lte' | 'gte'): FilterNode | null {
  const when = Date.parse(String(value));
  if (Number.isNaN(when)) return null;
  return { field: key.field, op, value: new Date(when + (op === 'lte' ? 1 : -1)).toISOString() };
}

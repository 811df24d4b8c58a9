import type { CompiledCondition, CompiledFilter, CompiledSort, ScalarValue } from './query.types';

/**
 * Evaluates a compiled filter against a record in memory, with the semantics
 * the SQL backend has: `contains` is case-insensitive (ILIKE) and
 * accent-sensitive; `neq` is IS DISTINCT FROM (true for empty values);
 * `notContains` counts an empty value as not containing; ordering
 * comparisons are false for empty values. It drives live previews and is
 * the oracle the SQL compiler is tested against.
 */
export function matchesFilter(filter: CompiledFilter | null, record: Record<string, unknown>): boolean {
  if (filter === null) return true;
  switch (filter.kind) {
    case 'and':
      return filter.children.every((child) => matchesFilter(child, record));
    case 'or':
      return filter.children.some((child) => matchesFilter(child, record));
    case 'condition':
      return matchesCondition(filter, record[filter.field]);
  }
}

export function isEmptyFilterValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Comparable form of a stored value: numbers for numeric kinds, epoch ms for datetimes, text otherwise. */
function comparable(kind: CompiledCondition['valueKind'], value: unknown): ScalarValue | null {
  if (isEmptyFilterValue(value)) return null;
  switch (kind) {
    case 'number': {
      const n = Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'datetime': {
      const t = Date.parse(String(value));
      return Number.isNaN(t) ? null : t;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'reference':
      return String(value).toLowerCase();
    default:
      return String(value);
  }
}

function target(kind: CompiledCondition['valueKind'], value: ScalarValue): ScalarValue {
  return kind === 'datetime' ? Date.parse(String(value)) : value;
}

function matchesCondition(condition: CompiledCondition, stored: unknown): boolean {
  const { op, valueKind: kind, value } = condition;
  if (op === 'empty') return isEmptyFilterValue(stored);
  if (op === 'notEmpty') return !isEmptyFilterValue(stored);
  if (kind === 'options') {
    const list = Array.isArray(stored) ? stored.map(String) : [];
    if (op === 'contains') return list.includes(String(value));
    if (op === 'notContains') return !list.includes(String(value));
    if (op === 'in') return (value as ScalarValue[]).some((v) => list.includes(String(v)));
    return false;
  }
  if (op === 'contains' || op === 'notContains') {
    const found = !isEmptyFilterValue(stored) && String(stored).toLowerCase().includes(String(value).toLowerCase());
    return op === 'contains' ? found : !found;
  }
  const left = comparable(kind, stored);
  if (op === 'neq') return left === null || left !== target(kind, value as ScalarValue);
  if (left === null) return false;
  switch (op) {
    case 'eq':
      return left === target(kind, value as ScalarValue);
    case 'in':
      return (value as ScalarValue[]).some((v) => left === target(kind, v));
    case 'between': {
      const [from, to] = value as [ScalarValue, ScalarValue];
      return left >= target(kind, from) && left <= target(kind, to);
    }
    case 'gt':
      return left > target(kind, value as ScalarValue);
    case 'gte':
      return left >= target(kind, value as ScalarValue);
    case 'lt':
      return left < target(kind, value as ScalarValue);
    case 'lte':
      return left <= target(kind, value as ScalarValue);
    default:
      return false;
  }
}

/** Sorts records like Postgres: ascending puts empty values last, descending first. */
export function sortRecords<T extends Record<string, unknown>>(sort: CompiledSort[], records: T[]): T[] {
  return [...records].sort((a, b) => {
    for (const key of sort) {
      const x = comparable(key.valueKind, a[key.field]);
      const y = comparable(key.valueKind, b[key.field]);
      if (x === y) continue;
      const order = x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
      return key.dir === 'asc' ? order : -order;
    }
    return 0;
  });
}

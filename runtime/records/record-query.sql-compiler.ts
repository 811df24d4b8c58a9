import {
  SYSTEM_FIELDS,
  type CompiledCondition,
  type CompiledFilter,
  type CompiledQuery,
  type CompiledSort,
  type ModuleDefinition,
  type ScalarValue,
  type SystemFieldKey,
  type ValueKind,
} from '@crm/engine';
import { ident, table } from '../database/sql';
import { activeField, activeFields, SYSTEM_COLUMN } from './record-fields';
import { recordSelect, ROW } from './record-row.mapper';
import { storageShape } from './record-value.codec';

/** A statement and its parameters; values never enter the text. */
export interface SqlStatement {
  text: string;
  values: unknown[];
}

/** Which records a query sees: live ones (the default), deleted ones as well, or only deleted ones (the trash). */
export type DeletedScope = 'exclude' | 'include' | 'only';

export interface RecordQuerySql {
  /** The page, one row more than the limit (to know whether another page follows), with the sort values as `$s0`, `$s1`… */
  page: SqlStatement;
  /** `count(*)` of the filtered set, without paging, up to COUNT_LIMIT + 1 rows (all with `count: "exact"`); null when the client passed `count: false`. */
  count: SqlStatement | null;
  /** Aliases of the sort values in the page's rows, in sort order, without the trailing id. */
  sortAliases: string[];
}

/**
 * Lists count their matches exactly up to this many; past it the count stops
 * (the answer says `totalCapped`). An exact count of a common search term
 * (80,000 "María" among 1,000,000 contacts) reads most of the table, ten times
 * longer than the page itself.
 */
export const COUNT_LIMIT = 1000;

/** Collects parameters: each `add` returns its `$n` placeholder, typed when a cast is given. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

/** Escapes LIKE's wildcards (and its escape character) in text a person typed, then wraps it for "contains". */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface Column {
  sql: string;
  /** Storage type of the column: text, bigint, integer, numeric, date, timestamptz, boolean, uuid, text[], jsonb. */
  shape: string;
}

export function column(definition: ModuleDefinition, key: string, system: boolean): Column {
  if (system) {
    const name = SYSTEM_COLUMN[key as SystemFieldKey];
    if (!name) throw new Error(`Unknown system field "${key}"`);
    return { sql: `${ROW}.${name}`, shape: SYSTEM_FIELDS[key as SystemFieldKey].shape };
  }
  const field = activeField(definition, key);
  if (!field) throw new Error(`No active field "${key}" in ${definition.key}`);
  return { sql: `${ROW}.${ident(key)}`, shape: storageShape(field) };
}

/** The record id: never empty, always the last sort key. */
const isId = (key: CompiledSort) => key.system && key.field === 'id';

/** The type a compared value is cast to: the column's own type where it can hold the value (so its index serves). */
function castFor(kind: ValueKind, col: Column, values: readonly unknown[]): string {
  switch (kind) {
    case 'number': {
      const whole = (col.shape === 'bigint' || col.shape === 'integer') && values.every((v) => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v)));
      return whole ? 'bigint' : 'numeric';
    }
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamptz';
    case 'boolean':
      return 'boolean';
    case 'reference':
      return 'uuid';
    default:
      return 'text';
  }
}

const TEXT_SHAPES = new Set(['text']);

function emptySql(col: Column): string {
  if (TEXT_SHAPES.has(col.shape)) return `(${col.sql} IS NULL OR ${col.sql} = '')`;
  if (col.shape === 'text[]') return `(${col.sql} IS NULL OR cardinality(${col.sql}) = 0)`;
  if (col.shape === 'jsonb') return `(${col.sql} IS NULL OR ${col.sql} IN ('null'::jsonb, '[]'::jsonb, '""'::jsonb))`;
  return `${col.sql} IS NULL`;
}

function notEmptySql(col: Column): string {
  if (TEXT_SHAPES.has(col.shape)) return `(${col.sql} IS NOT NULL AND ${col.sql} <> '')`;
  if (col.shape === 'text[]') return `coalesce(cardinality(${col.sql}), 0) > 0`;
  if (col.shape === 'jsonb') return `(${col.sql} IS NOT NULL AND ${col.sql} NOT IN ('null'::jsonb, '[]'::jsonb, '""'::jsonb))`;
  return `${col.sql} IS NOT NULL`;
}

const COMPARE: Partial<Record<CompiledCondition['op'], string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * One condition. Semantics follow the engine's `matchesFilter` (the oracle
 * the tests hold this to): `contains` is ILIKE with the text's wildcards
 * escaped; `neq` is IS DISTINCT FROM; an empty text equals nothing;
 * `notContains` holds for empty values; ordering is false for empty values.
 */
function conditionSql(definition: ModuleDefinition, condition: CompiledCondition, params: SqlParams): string {
  const col = column(definition, condition.field, condition.system);
  const { op, valueKind: kind, value } = condition;
  if (op === 'empty') return emptySql(col);
  if (op === 'notEmpty') return notEmptySql(col);

  if (kind === 'options') {
    if (op === 'contains') return `${col.sql} @> ARRAY[${params.add(String(value), 'text')}]`;
    if (op === 'notContains') return `(${col.sql} IS NULL OR NOT (${col.sql} @> ARRAY[${params.add(String(value), 'text')}]))`;
    if (op === 'in') return `${col.sql} && ${params.add((value as ScalarValue[]).map(String), 'text[]')}`;
    return 'FALSE';
  }
  if (op === 'contains') return `${col.sql} ILIKE ${params.add(containsPattern(String(value)))}`;
  if (op === 'notContains') return `(${col.sql} IS NULL OR ${col.sql} NOT ILIKE ${params.add(containsPattern(String(value)))})`;

  const textual = kind === 'string' || kind === 'option';
  if (op === 'in') {
    // An empty text is "no value": it is equal to nothing, so it never matches a list.
    const list = (value as ScalarValue[]).filter((v) => !(textual && v === ''));
    if (list.length === 0) return 'FALSE';
    return `${col.sql} = ANY(${params.add(list, `${castFor(kind, col, list)}[]`)})`;
  }
  if (op === 'between') {
    const [from, to] = value as [ScalarValue, ScalarValue];
    const cast = castFor(kind, col, [from, to]);
    return `${col.sql} BETWEEN ${params.add(from, cast)} AND ${params.add(to, cast)}`;
  }
  if (op === 'eq') return textual && value === '' ? 'FALSE' : `${col.sql} = ${params.add(value, castFor(kind, col, [value]))}`;
  if (op === 'neq') return textual && value === '' ? 'TRUE' : `${col.sql} IS DISTINCT FROM ${params.add(value, castFor(kind, col, [value]))}`;
  const operator = COMPARE[op];
  if (!operator) return 'FALSE';
  return `${col.sql} ${operator} ${params.add(value, castFor(kind, col, [value]))}`;
}

/** The WHERE text of a compiled filter tree; an empty AND holds, an empty OR does not. */
export function filterSql(definition: ModuleDefinition, filter: CompiledFilter | null, params: SqlParams): string {
  if (filter === null) return 'TRUE';
  if (filter.kind === 'condition') return conditionSql(definition, filter, params);
  if (filter.children.length === 0) return filter.kind === 'and' ? 'TRUE' : 'FALSE';
  const joined = filter.children.map((child) => filterSql(definition, child, params)).join(filter.kind === 'and' ? ' AND ' : ' OR ');
  return `(${joined})`;
}

export function deletedSql(scope: DeletedScope): string {
  if (scope === 'include') return 'TRUE';
  return scope === 'only' ? `${ROW}.deleted_at IS NOT NULL` : `${ROW}.deleted_at IS NULL`;
}

/** The value of a sort key as it goes into a cursor: exact (microseconds, every decimal), so the next page starts where this one ended. */
function sortValueSql(col: Column): string {
  switch (col.shape) {
    case 'timestamptz':
      return `to_char(${col.sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case 'date':
      return `to_char(${col.sql}, 'YYYY-MM-DD')`;
    case 'bigint':
    case 'integer':
    case 'numeric':
      return `${col.sql}::text`;
    default:
      return col.sql;
  }
}

function cursorCast(col: Column): string {
  switch (col.shape) {
    case 'bigint':
    case 'integer':
    case 'numeric':
      return 'numeric';
    case 'text[]':
    case 'jsonb':
      return 'text';
    default:
      return col.shape;
  }
}

const CURSOR_TEXT: Record<string, RegExp> = {
  numeric: /^-?\d{1,40}(\.\d{1,40})?$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/** Whether a decoded cursor's values can be compared with their sort columns (a forged cursor is a 400, not a database error). */
export function cursorFits(definition: ModuleDefinition, query: CompiledQuery): boolean {
  if (!query.cursor) return true;
  const keys = query.sort.filter((key) => !isId(key));
  return keys.every((key, i) => {
    const value = query.cursor!.values[i];
    if (value === null) return true;
    const cast = cursorCast(column(definition, key.field, key.system));
    if (cast === 'boolean') return typeof value === 'boolean';
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string') return false;
    const shape = CURSOR_TEXT[cast];
    return shape ? shape.test(text) && (cast !== 'date' && cast !== 'timestamptz' ? true : !Number.isNaN(Date.parse(text)) && text >= '0001') : true;
  });
}

/**
 * Rows after the cursor in the sort order (ascending puts empty values last,
 * descending first, as Postgres does): for each key, the earlier keys equal
 * and this one past the cursor, OR'ed; the id ends every sort.
 */
function keysetSql(definition: ModuleDefinition, sort: CompiledSort[], cursor: { values: unknown[]; id: string }, params: SqlParams): string {
  const keys = sort.map((key, i) => ({ key, col: column(definition, key.field, key.system), value: isId(key) ? cursor.id : cursor.values[i] }));
  const placeholder = new Map<number, string>();
  const param = (i: number) => {
    if (!placeholder.has(i)) placeholder.set(i, params.add(keys[i].value, cursorCast(keys[i].col)));
    return placeholder.get(i)!;
  };
  const equal = (i: number) => (keys[i].value === null ? `${keys[i].col.sql} IS NULL` : `${keys[i].col.sql} = ${param(i)}`);
  const after = (i: number): string | null => {
    const { key, col, value } = keys[i];
    if (isId(key)) return `${col.sql} ${key.dir === 'asc' ? '>' : '<'} ${param(i)}`;
    if (key.dir === 'asc') return value === null ? null : `(${col.sql} > ${param(i)} OR ${col.sql} IS NULL)`;
    return value === null ? `${col.sql} IS NOT NULL` : `${col.sql} < ${param(i)}`;
  };
  const branches: string[] = [];
  keys.forEach((_, i) => {
    const past = after(i);
    if (past === null) return;
    branches.push([...keys.slice(0, i).map((__, j) => equal(j)), past].join(' AND '));
  });
  return branches.length ? `(${branches.map((b) => `(${b})`).join(' OR ')})` : 'FALSE';
}

/** The id is never empty; other keys sort empty values as Postgres does by default (so plain b-tree indexes serve). */
function orderSql(definition: ModuleDefinition, sort: CompiledSort[]): string {
  return sort.map((key) => `${column(definition, key.field, key.system).sql} ${isId(key) ? key.dir.toUpperCase() : key.dir === 'asc' ? 'ASC NULLS LAST' : 'DESC NULLS FIRST'}`).join(', ');
}

/**
 * An engine CompiledQuery → the page query and the count query of a module
 * table. Identifiers go through `ident`, values are parameters.
 */
export function compileRecordQuery(schema: string, definition: ModuleDefinition, query: CompiledQuery, options: { deleted?: DeletedScope; count?: boolean | 'exact' } = {}): RecordQuerySql {
  const from = `${table(schema, definition.key)} AS ${ROW}`;
  const scope = deletedSql(options.deleted ?? 'exclude');

  const countParams = new SqlParams();
  const countWhere = filterSql(definition, query.filter, countParams);
  const count =
    options.count === false
      ? null
      : options.count === 'exact'
        ? { text: `SELECT count(*) AS total FROM ${from} WHERE ${scope} AND ${countWhere}`, values: countParams.values }
        : { text: `SELECT count(*) AS total FROM (SELECT 1 FROM ${from} WHERE ${scope} AND ${countWhere} LIMIT ${COUNT_LIMIT + 1}) AS counted`, values: countParams.values };

  const params = new SqlParams();
  const where = [scope, filterSql(definition, query.filter, params)];
  if (query.cursor) where.push(keysetSql(definition, query.sort, query.cursor, params));
  const sortKeys = query.sort.filter((key) => !isId(key));
  const sortAliases = sortKeys.map((_, i) => `$s${i}`);
  const sortValues = sortKeys.map((key, i) => `${sortValueSql(column(definition, key.field, key.system))} AS ${ident(sortAliases[i])}`);
  const projected = query.fields.length ? activeFields(definition).filter((f) => query.fields.includes(f.key)) : activeFields(definition);
  const select = [recordSelect(definition, projected), ...sortValues].join(', ');
  const limit = params.add(query.limit + 1);
  const offset = query.offset ? ` OFFSET ${params.add(query.offset)}` : '';
  return {
    page: {
      text: `SELECT ${select} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${orderSql(definition, query.sort)} LIMIT ${limit}${offset}`,
      values: params.values,
    },
    count,
    sortAliases,
  };
}

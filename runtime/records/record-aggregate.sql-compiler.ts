import type { CompiledAggregate, CompiledGroupBy, CompiledMeasure, DateBucket, ModuleDefinition } from '@crm/engine';
import { table } from '../database/sql';
import { ROW } from './record-row.mapper';
import { column, deletedSql, filterSql, SqlParams, type SqlStatement } from './record-query.sql-compiler';

/** Local-calendar text of a bucket's start: the row key (`2026`, `2026-Q1`, `2026-03`, `2026-03-30`, `2026-03-31`, `2026-03-31T23`). */
const KEY_FORMAT: Record<DateBucket, string> = {
  year: 'YYYY',
  quarter: 'YYYY-"Q"Q',
  month: 'YYYY-MM',
  week: 'YYYY-MM-DD',
  day: 'YYYY-MM-DD',
  hour: 'YYYY-MM-DD"T"HH24',
};

const STEP: Record<DateBucket, string> = { year: '1 year', quarter: '3 months', month: '1 month', week: '7 days', day: '1 day', hour: '1 hour' };

const UTC_ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

export interface RecordAggregateSql extends SqlStatement {
  /** The row column of each group key (`k0`, `k1`), each bucket's range (`f0` / `t0`…) and each measure (`m0`, `m1`), all text or null. */
  groups: number;
  measures: number;
}

/** The grouped value of a record: a bucket start in local time, text without empty strings, the column otherwise. */
function groupExpr(definition: ModuleDefinition, group: CompiledGroupBy, zone: string): string {
  const col = column(definition, group.field, group.system);
  if (group.bucket) {
    const local = col.shape === 'date' ? `${col.sql}::timestamp` : `(${col.sql} AT TIME ZONE ${zone})`;
    return `date_trunc('${group.bucket}', ${local})`;
  }
  return col.shape === 'text' ? `NULLIF(${col.sql}, '')` : col.sql;
}

function keyExpr(group: CompiledGroupBy, i: number, zone: string): string[] {
  const g = `a.g${i}`;
  if (!group.bucket) return [group.valueKind === 'number' ? `${g}::text AS k${i}` : `${g} AS k${i}`];
  const next = `(${g} + interval '${STEP[group.bucket]}')`;
  const range =
    group.valueKind === 'date'
      ? [`to_char(${g}, 'YYYY-MM-DD') AS f${i}`, `to_char(${next}, 'YYYY-MM-DD') AS t${i}`]
      : [`to_char((${g} AT TIME ZONE ${zone}) AT TIME ZONE 'UTC', ${UTC_ISO}) AS f${i}`, `to_char((${next} AT TIME ZONE ${zone}) AT TIME ZONE 'UTC', ${UTC_ISO}) AS t${i}`];
  return [`to_char(${g}, '${KEY_FORMAT[group.bucket]}') AS k${i}`, ...range];
}

function measureExpr(definition: ModuleDefinition, measure: CompiledMeasure): string {
  if (measure.op === 'count') return 'count(*)';
  const col = column(definition, measure.field!, measure.system);
  return `${measure.op}(${col.sql})`;
}

function measureOut(measure: CompiledMeasure, i: number): string {
  const m = `a.m${i}`;
  if (measure.valueKind === 'date') return `to_char(${m}, 'YYYY-MM-DD') AS m${i}`;
  if (measure.valueKind === 'datetime') return `to_char(${m} AT TIME ZONE 'UTC', ${UTC_ISO}) AS m${i}`;
  return `${m}::text AS m${i}`;
}

/** "Label" order: picklists by their options' position (then key), the rest by the grouped value; empty values last either way. */
function labelOrder(groups: CompiledGroupBy[], dir: 'asc' | 'desc', params: SqlParams): string[] {
  return groups.flatMap((group, i) => {
    const by = [`a.g${i} ${dir.toUpperCase()} NULLS LAST`];
    if (group.options) by.unshift(`array_position(${params.add(group.options, 'text[]')}, a.g${i}) ${dir.toUpperCase()} NULLS LAST`);
    return by;
  });
}

/**
 * A compiled aggregation → ONE statement over the module table: the filter
 * (with the caller's visibility already in it) in WHERE, the groups and
 * measures in an inner GROUP BY, keys formatted and ordered outside, LIMIT
 * one row past the limit (to say whether groups were left out). Datetimes
 * are bucketed in `timeZone`, a bound parameter like every value.
 */
export function compileAggregateSql(schema: string, definition: ModuleDefinition, aggregate: CompiledAggregate, timeZone: string): RecordAggregateSql {
  const params = new SqlParams();
  // The zone is a parameter only when a bucket reads it (an unused parameter has no type).
  const zone = aggregate.groups.some((g) => g.bucket && g.valueKind === 'datetime') ? params.add(timeZone, 'text') : '';
  const where = `${deletedSql('exclude')} AND ${filterSql(definition, aggregate.filter, params)}`;
  const inner = [...aggregate.groups.map((g, i) => `${groupExpr(definition, g, zone)} AS g${i}`), ...aggregate.measures.map((m, i) => `${measureExpr(definition, m)} AS m${i}`)];
  const groupBy = aggregate.groups.length ? ` GROUP BY ${aggregate.groups.map((_, i) => i + 1).join(', ')}` : '';
  const outer = [...aggregate.groups.flatMap((g, i) => keyExpr(g, i, zone)), ...aggregate.measures.map((m, i) => measureOut(m, i))];
  const { by, measure, dir } = aggregate.order;
  const order = by === 'label' ? labelOrder(aggregate.groups, dir, params) : [`a.m${measure} ${dir.toUpperCase()} NULLS LAST`, ...labelOrder(aggregate.groups, 'asc', params)];
  const limit = params.add(aggregate.limit + 1);
  return {
    text:
      `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${table(schema, definition.key)} AS ${ROW} WHERE ${where}${groupBy}) AS a` +
      `${order.length ? ` ORDER BY ${order.join(', ')}` : ''} LIMIT ${limit}`,
    values: params.values,
    groups: aggregate.groups.length,
    measures: aggregate.measures.length,
  };
}

import { columnType, type ModuleField, type StorageStep, type ValueCheck } from '@crm/engine';
import type { EntityManager } from 'typeorm';
import { ident, table } from '../database/sql';

export interface CheckOutcome {
  column: string;
  check: ValueCheck;
  /** Records that break the new constraint (first 100) and how many there are in all. */
  offending: { id: string; value: unknown }[];
  count: number;
  /** A blocking check refuses the change unless the client asks to keep the values aside. */
  blocking: boolean;
}

const NUMBER_TEXT = `'^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$'`;
const INTEGER_TEXT = `'^\\s*-?[0-9]+\\s*$'`;
const DATE_TEXT = `'^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*$'`;
const DATETIME_TEXT = `'^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?)?\\s*(Z|[+-][0-9]{2}(:?[0-9]{2})?)?\\s*$'`;
const UUID_TEXT = `'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$'`;
const BOOLEAN_TEXT = `'^\\s*(true|t|1|si|sí|yes|y|verdadero|false|f|0|no|n|falso)\\s*$'`;

/** WHERE condition of the values that would not convert from `from` to `to`. */
function notConvertible(column: string, from: ModuleField, to: ModuleField): string {
  const c = ident(column);
  const source = columnType(from);
  const target = columnType(to);
  const text = source === 'text' ? c : `${c}::text`;
  const present = `${c} IS NOT NULL`;
  if (target === 'text' || target === 'jsonb') return 'false';
  if (source === 'jsonb' || source === 'text[]') return `${present}`;
  if (target === 'bigint') return `${present} AND (${text} !~ ${INTEGER_TEXT})`;
  if (target.startsWith('numeric')) {
    const scale = Number(/,(\d+)\)/.exec(target)?.[1] ?? 2);
    const shape = `${present} AND (${text} !~ ${NUMBER_TEXT})`;
    return source === 'text' ? shape : `${shape} OR (${present} AND ${c}::numeric <> round(${c}::numeric, ${scale}))`;
  }
  if (target === 'date') return source === 'timestamptz' ? `${present} AND ${c} <> date_trunc('day', ${c})` : `${present} AND (${text} !~ ${DATE_TEXT})`;
  if (target === 'timestamptz') return `${present} AND (${text} !~ ${DATETIME_TEXT})`;
  if (target === 'uuid') return `${present} AND (${text} !~ ${UUID_TEXT})`;
  if (target === 'boolean') return `${present} AND (lower(${text}) !~ ${BOOLEAN_TEXT})`;
  if (target === 'text[]') return 'false';
  return present;
}

function condition(step: Extract<StorageStep, { kind: 'checkValues' }>, field: ModuleField, previous: ModuleField | undefined): string {
  const c = ident(step.column);
  const check = step.check;
  switch (check.rule) {
    case 'notEmpty':
      return field.type === 'multiSelect' || field.type === 'file' || field.type === 'subtable'
        ? `(${c} IS NULL OR ${field.type === 'multiSelect' ? `cardinality(${c}) = 0` : `jsonb_array_length(${c}) = 0`})`
        : columnType(field) === 'text'
          ? `(${c} IS NULL OR trim(${c}) = '')`
          : `${c} IS NULL`;
    case 'optionUnused':
      return field.type === 'multiSelect' ? `${c} @> ARRAY[${literal(check.option)}]` : `${c} = ${literal(check.option)}`;
    case 'maxLength':
      return `char_length(${c}) > ${check.limit}`;
    case 'range':
      return [check.min !== undefined && `${c} < ${Number(check.min)}`, check.max !== undefined && `${c} > ${Number(check.max)}`].filter(Boolean).join(' OR ') || 'false';
    case 'scale':
      return `${c} <> round(${c}, ${check.scale})`;
    case 'unique':
      return `${c} IN (SELECT ${c} FROM {table} WHERE deleted_at IS NULL AND ${c} IS NOT NULL GROUP BY ${c} HAVING count(*) > 1)`;
    case 'convertible':
      return previous ? notConvertible(step.column, previous, field) : 'false';
  }
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Changes that would lose or refuse data: conversions, scale cuts and unique indexes over duplicates. */
const BLOCKING: ValueCheck['rule'][] = ['convertible', 'scale', 'unique'];

/** Runs a plan's data checks against the module's live records. */
export async function runDataChecks(
  db: EntityManager,
  schema: string,
  module: string,
  steps: StorageStep[],
  fieldsAfter: Map<string, ModuleField>,
  fieldsBefore: Map<string, ModuleField>,
): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  const target = table(schema, module);
  for (const step of steps) {
    if (step.kind !== 'checkValues') continue;
    const field = fieldsAfter.get(step.column) ?? fieldsBefore.get(step.column);
    if (!field) continue;
    // A column added by this very plan has no values yet.
    if (!fieldsBefore.has(step.column)) continue;
    const where = condition(step, field, fieldsBefore.get(step.column)).replace('{table}', target);
    const rows: { id: string; value: unknown; total: string }[] = await db.query(
      `SELECT id, ${ident(step.column)} AS value, count(*) OVER () AS total FROM ${target} WHERE deleted_at IS NULL AND (${where}) ORDER BY created_at LIMIT 100`,
    );
    outcomes.push({
      column: step.column,
      check: step.check,
      offending: rows.map(({ id, value }) => ({ id, value })),
      count: rows.length ? Number(rows[0].total) : 0,
      blocking: BLOCKING.includes(step.check.rule),
    });
  }
  return outcomes;
}

/** WHERE condition of the values a conversion would lose, for keeping them aside before it runs. */
export function lossCondition(step: Extract<StorageStep, { kind: 'alterColumnType' }>): string {
  return notConvertible(step.column, step.fromField, step.toField);
}

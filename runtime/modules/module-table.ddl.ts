import { columnType, type IndexKind, type ModuleField, type StorageStep, type SystemColumn } from '@crm/engine';
import { ident, indexName, table } from '../database/sql';

const INDEX_SUFFIX: Record<IndexKind, string> = { trigram: 'trgm', btree: 'idx', unique: 'uniq', recent: 'idx' };

export function sequenceName(module: string, field: string): string {
  return indexName(module, field, 'seq');
}

/** The storage name of a module table's index on one column. */
export function moduleIndexName(module: string, column: string, kind: IndexKind): string {
  return indexName(module, column, INDEX_SUFFIX[kind]);
}

export function createIndexSql(schema: string, module: string, column: string, kind: IndexKind): string {
  const name = ident(moduleIndexName(module, column, kind));
  const target = table(schema, module);
  switch (kind) {
    case 'trigram':
      return `CREATE INDEX IF NOT EXISTS ${name} ON ${target} USING gin (${ident(column)} gin_trgm_ops)`;
    case 'btree':
      // The id, descending, serves lists sorted by this field: a backward scan is exactly the record API's
      // `ORDER BY field DESC NULLS FIRST, id ASC`, so a page stops after its rows (empty values come first
      // and would otherwise all be read and sorted by id); equality filters use it as before.
      return `CREATE INDEX IF NOT EXISTS ${name} ON ${target} (${ident(column)}, id DESC)`;
    case 'unique':
      // Soft-deleted records do not hold their value hostage.
      return `CREATE UNIQUE INDEX IF NOT EXISTS ${name} ON ${target} (${ident(column)}) WHERE deleted_at IS NULL`;
    case 'recent':
      return `CREATE INDEX IF NOT EXISTS ${name} ON ${target} (${ident(column)} DESC, id) WHERE deleted_at IS NULL`;
  }
}

export function dropIndexSql(schema: string, module: string, column: string, kind: IndexKind): string {
  return `DROP INDEX IF EXISTS ${ident(schema)}.${ident(moduleIndexName(module, column, kind))}`;
}

/**
 * The SQL expression that converts a column's stored value to a new type.
 * Text that does not parse becomes an error in Postgres, which is why type
 * changes are checked first (see module-data.checks.ts).
 */
export function conversionExpression(column: string, from: ModuleField, to: ModuleField): string {
  const c = ident(column);
  const target = columnType(to);
  const source = columnType(from);
  if (source === 'text[]') return target === 'text' ? `array_to_string(${c}, ', ')` : `NULL`;
  if (source === 'jsonb') return target === 'text' ? `${c}::text` : `NULL`;
  if (target === 'text') return `${c}::text`;
  if (target === 'text[]') return `CASE WHEN ${c} IS NULL THEN NULL ELSE ARRAY[${c}::text] END`;
  if (target === 'jsonb') return `to_jsonb(${c})`;
  if (target === 'boolean' && source === 'text') {
    return `CASE WHEN lower(trim(${c})) IN ('true','t','1','si','sí','yes','y','verdadero') THEN true WHEN lower(trim(${c})) IN ('false','f','0','no','n','falso') THEN false ELSE NULL END`;
  }
  if (source === 'text') return `NULLIF(trim(${c}), '')::${target}`;
  return `${c}::${target}`;
}

function columnSql(column: SystemColumn): string {
  return [ident(column.name), column.type, column.primaryKey && 'PRIMARY KEY', column.notNull && 'NOT NULL', column.default && `DEFAULT ${column.default}`].filter(Boolean).join(' ');
}

/**
 * The one statement a storage step runs, or null for steps that are checks or
 * metadata (checks run before, in module-data.checks.ts). The apply runs exactly
 * these, in plan order, so the plan an admin reviews is what happens.
 */
export function stepSql(schema: string, module: string, step: StorageStep): string | null {
  const target = table(schema, module);
  switch (step.kind) {
    case 'createTable':
      return `CREATE TABLE IF NOT EXISTS ${target} (${step.columns.map(columnSql).join(', ')})`;
    case 'createSequence':
      return `CREATE SEQUENCE IF NOT EXISTS ${ident(schema)}.${ident(sequenceName(module, step.column))} START ${step.start}`;
    case 'addColumn':
      return `ALTER TABLE ${target} ADD COLUMN IF NOT EXISTS ${ident(step.column)} ${step.columnType}`;
    case 'alterColumnType':
      return `ALTER TABLE ${target} ALTER COLUMN ${ident(step.column)} TYPE ${step.to} USING ${conversionExpression(step.column, step.fromField, step.toField)}`;
    case 'createIndex':
      return createIndexSql(schema, module, step.column, step.index);
    case 'dropIndex':
      return dropIndexSql(schema, module, step.column, step.index);
    case 'archiveColumn':
    case 'restoreColumn':
      // The column stays as it is: archiving is a definition matter, so restoring brings the data back.
      return null;
    case 'checkValues':
    case 'updateMetadata':
      return null;
  }
}

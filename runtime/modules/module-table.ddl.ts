import { columnType, indexesFor, type IndexKind, type ModuleDefinition, type ModuleField, type StorageStep } from '@crm/engine';
import { ident, indexName, table } from '../database/sql';

/** System columns every module table has, in their storage names. */
export const SYSTEM_COLUMNS = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  owner uuid,
  assignee uuid,
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz`;

const INDEX_SUFFIX: Record<IndexKind, string> = { trigram: 'trgm', btree: 'idx', unique: 'uniq' };

export function sequenceName(module: string, field: string): string {
  return indexName(module, field, 'seq');
}

export function createIndexSql(schema: string, module: string, column: string, kind: IndexKind): string {
  const name = ident(indexName(module, column, INDEX_SUFFIX[kind]));
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
  }
}

export function dropIndexSql(schema: string, module: string, column: string, kind: IndexKind): string {
  return `DROP INDEX IF EXISTS ${ident(schema)}.${ident(indexName(module, column, INDEX_SUFFIX[kind]))}`;
}

function fieldStorage(schema: string, module: string, field: ModuleField): string[] {
  const sql = [...sequenceSql(schema, module, field), `ALTER TABLE ${table(schema, module)} ADD COLUMN IF NOT EXISTS ${ident(field.key)} ${columnType(field)}`];
  for (const kind of indexesFor(field)) sql.push(createIndexSql(schema, module, field.key, kind));
  return sql;
}

/** The statements that create a module's table with every field of its definition. */
export function createTableSql(schema: string, definition: ModuleDefinition): string[] {
  const name = definition.key;
  return [
    `CREATE TABLE IF NOT EXISTS ${table(schema, name)} (${SYSTEM_COLUMNS})`,
    `CREATE INDEX IF NOT EXISTS ${ident(indexName(name, 'created_at', 'idx'))} ON ${table(schema, name)} (created_at DESC, id) WHERE deleted_at IS NULL`,
    // The Studio's tables open sorted by last change: without this, a first page sorts the whole table.
    `CREATE INDEX IF NOT EXISTS ${ident(indexName(name, 'updated_at', 'idx'))} ON ${table(schema, name)} (updated_at DESC, id) WHERE deleted_at IS NULL`,
    ...definition.fields.flatMap((field) => fieldStorage(schema, name, field)),
  ];
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

/** SQL for one storage step of a plan; checks run elsewhere, metadata steps need none. */
export function stepSql(schema: string, module: string, step: StorageStep): string[] {
  switch (step.kind) {
    case 'addColumn':
      return [`ALTER TABLE ${table(schema, module)} ADD COLUMN IF NOT EXISTS ${ident(step.column)} ${step.columnType}`];
    case 'alterColumnType':
      return [
        `ALTER TABLE ${table(schema, module)} ALTER COLUMN ${ident(step.column)} TYPE ${step.to} USING ${conversionExpression(step.column, step.fromField, step.toField)}`,
      ];
    case 'createIndex':
      return [createIndexSql(schema, module, step.column, step.index)];
    case 'dropIndex':
      return [dropIndexSql(schema, module, step.column, step.index)];
    case 'archiveColumn':
    case 'restoreColumn':
      // The column stays as it is: archiving is a definition matter, so restoring brings the data back.
      return [];
    case 'checkValues':
    case 'updateMetadata':
      return [];
  }
}

/** Autonumber sequences a new field needs before its column exists. */
export function sequenceSql(schema: string, module: string, field: ModuleField): string[] {
  return field.type === 'autonumber' ? [`CREATE SEQUENCE IF NOT EXISTS ${ident(schema)}.${ident(sequenceName(module, field.key))} START ${field.start ?? 1}`] : [];
}

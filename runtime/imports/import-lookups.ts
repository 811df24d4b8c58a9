import { type ColumnMapping, fold, type LookupResolver, type ModuleDefinition, type ModuleField } from '@crm/engine';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';
import { ident, table } from '../database/sql';
import type { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { activeField } from '../records/record-fields';
import { isUuid } from '../core/uuid';

/** What a user cell may name a user by. */
export const USER_LOOKUP_FIELDS = ['username', 'email', 'name'] as const;
const USER_COLUMNS: Record<(typeof USER_LOOKUP_FIELDS)[number], string> = { username: 'username', email: 'email', name: 'display_name' };

const TEXT_TYPES = new Set(['text', 'email', 'phone', 'url', 'autonumber', 'integer', 'decimal', 'select']);

/** The target field a lookup cell is matched by: the mapping's choice, else the first text field of the target's title, else its first text field. */
export function defaultLookupBy(target: ModuleDefinition): string | undefined {
  const named = [...(target.title ?? '').matchAll(/\{\{\s*([a-z][a-z0-9_]*)/g)].map((m) => m[1]);
  const fields = target.fields.filter((f) => !f.archived && TEXT_TYPES.has(f.type));
  return (named.map((key) => fields.find((f) => f.key === key)).find(Boolean) ?? fields[0])?.key;
}

/**
 * Finds, for one chunk of rows, the records its lookup and user cells name,
 * with one query per column; the converter then answers from memory. Text is
 * compared case- and accent-blind on the JavaScript side of a case-blind query;
 * a cell holding a record id matches that record.
 */
export async function chunkLookups(
  db: EntityManager,
  operation: OperationRef,
  definition: ModuleDefinition,
  definitions: ModuleDefinitionsService,
  mapping: readonly ColumnMapping[],
  rows: readonly (readonly string[])[],
): Promise<LookupResolver> {
  const found = new Map<string, Map<string, string[]>>();
  for (const column of mapping) {
    const field = column.field ? activeField(definition, column.field) : undefined;
    if (!field || (field.type !== 'lookup' && field.type !== 'user')) continue;
    const texts = [...new Set(rows.map((row) => (row[column.column] ?? '').trim()).filter(Boolean))];
    if (texts.length === 0) continue;
    const matches = field.type === 'user' ? await userMatches(db, operation, column.lookupBy, texts) : await recordMatches(db, operation, field, definitions, column.lookupBy, texts);
    const byText = new Map<string, string[]>();
    for (const { id, value } of matches) {
      const key = fold(value);
      byText.set(key, [...new Set([...(byText.get(key) ?? []), id])]);
    }
    found.set(field.key, byText);
  }
  return (field, text) => found.get(field)?.get(fold(text)) ?? [];
}

async function recordMatches(
  db: EntityManager,
  operation: OperationRef,
  field: Extract<ModuleField, { type: 'lookup' }>,
  definitions: ModuleDefinitionsService,
  lookupBy: string | undefined,
  texts: string[],
): Promise<{ id: string; value: string }[]> {
  const target = await definitions.get(operation, field.target, db);
  const by = lookupBy && activeField(target, lookupBy) ? lookupBy : defaultLookupBy(target);
  const ids = texts.filter(isUuid).map((t) => t.toLowerCase());
  const lowered = texts.map((t) => t.toLowerCase());
  const source = table(operation.schemaName, target.key);
  const rows = await sqlRows<{ id: string; value: string | null }>(
    db,
    by
      ? `SELECT id::text AS id, ${ident(by)}::text AS value FROM ${source} WHERE deleted_at IS NULL AND lower(${ident(by)}::text) = ANY($1::text[])
         UNION ALL SELECT id::text, id::text FROM ${source} WHERE deleted_at IS NULL AND id = ANY($2::uuid[])`
      : `SELECT id::text AS id, id::text AS value FROM ${source} WHERE deleted_at IS NULL AND id = ANY($2::uuid[])`,
    by ? [lowered, ids] : [[], ids],
  );
  return rows.filter((row): row is { id: string; value: string } => row.value !== null);
}

async function userMatches(db: EntityManager, operation: OperationRef, lookupBy: string | undefined, texts: string[]): Promise<{ id: string; value: string }[]> {
  const columns = lookupBy && lookupBy in USER_COLUMNS ? [USER_COLUMNS[lookupBy as keyof typeof USER_COLUMNS]] : Object.values(USER_COLUMNS);
  const lowered = texts.map((t) => t.toLowerCase());
  const rows = await sqlRows<{ id: string; value: string | null }>(
    db,
    columns
      .map((column) => `SELECT id::text AS id, ${column} AS value FROM core.users WHERE operation_id = $1 AND active AND lower(${column}) = ANY($2::text[])`)
      .concat(`SELECT id::text, id::text FROM core.users WHERE operation_id = $1 AND active AND id = ANY($3::uuid[])`)
      .join(' UNION ALL '),
    [operation.id, lowered, texts.filter(isUuid)],
  );
  return rows.filter((row): row is { id: string; value: string } => row.value !== null);
}

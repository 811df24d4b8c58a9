import type { ModuleDefinition, ModuleField, RecordValues } from '@crm/engine';
import { ident } from '../database/sql';
import { activeFields } from './record-fields';
import { fromColumn, storageShape } from './record-value.codec';

/** A record as the API answers it: its system fields beside its field keys. */
export type ApiRecord = RecordValues & {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  owner: string | null;
  assignee: string | null;
  deletedAt?: string;
};

/** Alias of the module table in every statement of the record API. */
export const ROW = 'r';

const SYSTEM_SELECT = ['id', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'owner', 'assignee', 'deleted_at'].map((c) => `${ROW}.${c}`).join(', ');

/** The SELECT expression of a field's column: dates leave Postgres as text, so no time zone can shift them. */
export function fieldSelect(field: ModuleField, alias = ROW): string {
  const column = `${alias}.${ident(field.key)}`;
  return storageShape(field) === 'date' ? `to_char(${column}, 'YYYY-MM-DD') AS ${ident(field.key)}` : column;
}

const selects = new WeakMap<ModuleDefinition, string>();

/** The select list of a whole record: system columns and every active field (archived columns stay in the table). */
export function recordSelect(definition: ModuleDefinition, fields: readonly ModuleField[] = activeFields(definition)): string {
  if (fields === activeFields(definition)) {
    let cached = selects.get(definition);
    if (!cached) {
      cached = [SYSTEM_SELECT, ...fields.map((f) => fieldSelect(f))].join(', ');
      selects.set(definition, cached);
    }
    return cached;
  }
  return [SYSTEM_SELECT, ...fields.map((f) => fieldSelect(f))].join(', ');
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

/** A row selected with `recordSelect` → the API record. */
export function rowToRecord(row: Record<string, unknown>, fields: readonly ModuleField[]): ApiRecord {
  const record: ApiRecord = {
    id: row.id as string,
    version: Number(row.version),
    createdAt: iso(row.created_at),
    createdBy: (row.created_by as string | null) ?? null,
    updatedAt: iso(row.updated_at),
    updatedBy: (row.updated_by as string | null) ?? null,
    owner: (row.owner as string | null) ?? null,
    assignee: (row.assignee as string | null) ?? null,
  };
  if (row.deleted_at !== null && row.deleted_at !== undefined) record.deletedAt = iso(row.deleted_at);
  for (const field of fields) record[field.key] = fromColumn(field, row[field.key]);
  return record;
}

/** The field values of a record, without its system fields. */
export function fieldValues(record: RecordValues, definition: ModuleDefinition): RecordValues {
  const out: RecordValues = {};
  for (const field of activeFields(definition)) if (field.key in record) out[field.key] = record[field.key];
  return out;
}

import { SYSTEM_FIELD_KEYS, SYSTEM_FIELDS, type ModuleDefinition, type ModuleField, type RecordValues, type SystemFieldKey, type SystemRecordValues } from '@crm/engine';
import { ident } from '../database/sql';
import { activeFields } from './record-fields';
import { fromColumn, storageShape } from './record-value.codec';

/** A record as the API answers it: its system fields beside its field keys. */
export type ApiRecord = RecordValues & SystemRecordValues;

/** Alias of the module table in every statement of the record API. */
export const ROW = 'r';

const SYSTEM_SELECT = SYSTEM_FIELD_KEYS.map((key) => `${ROW}.${SYSTEM_FIELDS[key].column}`).join(', ');

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

/** A system column as pg returns it → its API value, by how it is stored. */
const SYSTEM_VALUE: Record<(typeof SYSTEM_FIELDS)[SystemFieldKey]['shape'], (raw: unknown) => unknown> = {
  uuid: (raw) => raw ?? null,
  integer: (raw) => Number(raw),
  timestamptz: (raw) => (raw === null || raw === undefined ? null : iso(raw)),
};

const SYSTEM_READ = SYSTEM_FIELD_KEYS.map((key) => ({ key, column: SYSTEM_FIELDS[key].column, always: SYSTEM_FIELDS[key].always, read: SYSTEM_VALUE[SYSTEM_FIELDS[key].shape] }));

/** A row selected with `recordSelect` → the API record. */
export function rowToRecord(row: Record<string, unknown>, fields: readonly ModuleField[]): ApiRecord {
  const record: Record<string, unknown> = {};
  for (const system of SYSTEM_READ) {
    const raw = row[system.column];
    if (system.always || (raw !== null && raw !== undefined)) record[system.key] = system.read(raw);
  }
  for (const field of fields) record[field.key] = fromColumn(field, row[field.key]);
  return record as ApiRecord;
}

/** The field values of a record, without its system fields. */
export function fieldValues(record: RecordValues, definition: ModuleDefinition): RecordValues {
  const out: RecordValues = {};
  for (const field of activeFields(definition)) if (field.key in record) out[field.key] = record[field.key];
  return out;
}

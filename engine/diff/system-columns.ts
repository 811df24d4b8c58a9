import type { LocalizedText } from '../definition/module-definition.types';
import { SYSTEM_FIELDS, type SystemField, type SystemFieldKey } from '../definition/system-columns';

/** A column every module table has before any field, in its storage name and Postgres type. */
export interface SystemColumn {
  name: string;
  type: string;
  primaryKey?: true;
  notNull?: true;
  /** A Postgres expression. */
  default?: string;
}

/** Table order of the system columns (the order tables were always created in; the API lists them in its own order). */
const TABLE_ORDER: readonly SystemFieldKey[] = ['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'owner', 'assignee', 'version', 'deletedAt'];

/** The system columns of a module table, in table order, as SYSTEM_FIELDS describes them; the fields' columns follow them. */
export const SYSTEM_COLUMNS: readonly SystemColumn[] = TABLE_ORDER.map((key) => {
  const field: SystemField = SYSTEM_FIELDS[key];
  return {
    name: field.column,
    type: field.shape,
    ...(field.primaryKey && { primaryKey: true as const }),
    ...(!field.nullable && !field.primaryKey && { notNull: true as const }),
    ...(field.columnDefault && { default: field.columnDefault }),
  };
});

/**
 * System columns with a recent-first index over live records: lists open sorted
 * by them (the Studio's tables by last change), and without the index a first
 * page sorts the whole table.
 */
export const RECENT_FIRST_COLUMNS: readonly { column: string; label: LocalizedText }[] = [
  { column: 'created_at', label: { es: 'Fecha de creación', en: 'Created at' } },
  { column: 'updated_at', label: { es: 'Última modificación', en: 'Last updated' } },
];

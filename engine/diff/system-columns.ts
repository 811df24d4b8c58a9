import type { LocalizedText } from '../definition/module-definition.types';

/** A column every module table has before any field, in its storage name and Postgres type. */
export interface SystemColumn {
  name: string;
  type: string;
  primaryKey?: true;
  notNull?: true;
  /** A Postgres expression. */
  default?: string;
}

/** The system columns of a module table, in table order; the fields' columns follow them. */
export const SYSTEM_COLUMNS: readonly SystemColumn[] = [
  { name: 'id', type: 'uuid', primaryKey: true, default: 'gen_random_uuid()' },
  { name: 'created_at', type: 'timestamptz', notNull: true, default: 'now()' },
  { name: 'created_by', type: 'uuid' },
  { name: 'updated_at', type: 'timestamptz', notNull: true, default: 'now()' },
  { name: 'updated_by', type: 'uuid' },
  { name: 'owner', type: 'uuid' },
  { name: 'assignee', type: 'uuid' },
  { name: 'version', type: 'integer', notNull: true, default: '1' },
  { name: 'deleted_at', type: 'timestamptz' },
];

/**
 * System columns with a recent-first index over live records: lists open sorted
 * by them (the Studio's tables by last change), and without the index a first
 * page sorts the whole table.
 */
export const RECENT_FIRST_COLUMNS: readonly { column: string; label: LocalizedText }[] = [
  { column: 'created_at', label: { es: 'Fecha de creación', en: 'Created at' } },
  { column: 'updated_at', label: { es: 'Última modificación', en: 'Last updated' } },
];

import type { RecordValues } from '@crm/engine';
import { isEmptyValue } from '@crm/engine';
import type { ClearFieldsConfig } from '../config/clear-fields.config';

/** The values a clearing removed: only those that held something, so the gestión keeps what was lost. */
export interface ClearedValues {
  /** Old values of the file's fields, by field key. */
  fields: RecordValues;
  /** Old values of the obligation columns, per row (its position and, when it has one, its row id). */
  obligations: { row: number; id?: unknown; values: RecordValues }[];
}

export interface Clearing {
  /** The record changes: each configured field null, and the obligations with the configured columns null. */
  patch: RecordValues;
  cleared: ClearedValues;
  /** How many non-empty values were cleared. */
  count: number;
}

const isRow = (value: unknown): value is RecordValues => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Seed 000 §4.3: blanks the configured fields of a collection file and the
 * configured columns of every obligation row. Other fields, other columns and
 * the order of the rows are untouched; the record passed in is not changed.
 */
export function clearConfiguredFields(record: Readonly<RecordValues>, config: ClearFieldsConfig): Clearing {
  const patch: RecordValues = {};
  const cleared: ClearedValues = { fields: {}, obligations: [] };
  let count = 0;

  for (const key of config.recordFields) {
    if (!isEmptyValue(record[key])) {
      cleared.fields[key] = record[key];
      count++;
    }
    patch[key] = null;
  }

  const rows = record[config.obligationsField];
  if (Array.isArray(rows) && config.obligationFields.length) {
    patch[config.obligationsField] = rows.map((row: unknown, index) => {
      if (!isRow(row)) return row;
      const old: RecordValues = {};
      const blanked: RecordValues = { ...row };
      for (const key of config.obligationFields) {
        if (!isEmptyValue(row[key])) old[key] = row[key];
        blanked[key] = null;
      }
      const oldCount = Object.keys(old).length;
      if (oldCount) {
        cleared.obligations.push({ row: index, ...(row.id !== undefined && { id: row.id }), values: old });
        count += oldCount;
      }
      return blanked;
    });
  }
  return { patch, cleared, count };
}

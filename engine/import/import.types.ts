import type { Locale, LocalizedText } from '../definition/module-definition.types';

/** Which part of a slash date is the day, the month and the year. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** How an import reads its cells; chosen per import (detected first, then editable). */
export interface ImportValueOptions {
  dateOrder: DateOrder;
  decimalMark: ',' | '.';
  /** What separates the options of a multi-select cell. */
  listSeparator: string;
}

/** What a field type's `parse` needs to read one cell: the user's language, and the import's choices when there are any. */
export interface ParseOptions extends Partial<ImportValueOptions> {
  lang: Locale;
}

/** One column of the file and the field it fills (null: ignored). */
export interface ColumnMapping {
  /** 0-based position in the file. */
  column: number;
  header: string;
  field: string | null;
  /** Lookup and user fields: the target's field a cell is matched by (a company by `nit` or by `nombre`); default the target's title field. */
  lookupBy?: string;
}

/** Why one cell (or the whole row, with `column` null) cannot be imported. */
export interface RowIssue {
  column: number | null;
  header: string | null;
  field: string | null;
  value: string | null;
  code: string;
  message: LocalizedText;
}

/**
 * Finds the record a lookup or user cell names by the mapping's `lookupBy`
 * field. The runtime prefetches a chunk's names and answers from memory:
 * `ids` are the live records whose field matches the text.
 */
export type LookupResolver = (field: string, text: string) => string[];

/** A row's cells converted: the values to write, and every cell that could not be read. */
export interface ConvertedRow {
  values: Record<string, unknown>;
  issues: RowIssue[];
}

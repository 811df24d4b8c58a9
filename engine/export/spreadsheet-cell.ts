import { fieldTypeOf, valueKind } from '../definition/field-type.registry';
import type { Locale, ModuleField } from '../definition/module-definition.types';
import { formulaResultField } from '../fields/formula.field';

/** What one exported cell holds: numbers stay numbers and dates dates, so a sheet sums and sorts them; everything else is text. */
export type SpreadsheetValue = string | number | Date | null;

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV
 * injection"): `=`, `+`, `-`, `@`, tab and carriage return, plus the full-width
 * `＝ ＋ － ＠` some spreadsheet locales take for them.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell a spreadsheet would run as a formula, prefixed with a single quote so it is shown as typed; any other text unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Whether a text would start a formula if written unprefixed. */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const wallClocks = new Map<string, Intl.DateTimeFormat>();
/** Offsets by zone and quarter hour: zones change offset only on quarter-hour boundaries, and formatting each instant is slow. */
const offsets = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 15 * 60_000;

function offsetAt(instant: number, timeZone: string): number {
  let byQuarter = offsets.get(timeZone);
  if (!byQuarter) offsets.set(timeZone, (byQuarter = new Map()));
  const quarter = Math.floor(instant / QUARTER_HOUR);
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    let format = wallClocks.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
      wallClocks.set(timeZone, format);
    }
    const start = quarter * QUARTER_HOUR;
    const parts = Object.fromEntries(format.formatToParts(new Date(start)).map((part) => [part.type, part.value]));
    offset = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - start;
    if (byQuarter.size > 50_000) byQuarter.clear();
    byQuarter.set(quarter, offset);
  }
  return offset;
}

/** The wall-clock time of an instant in a time zone, as a Date whose UTC fields are that time (spreadsheets have no time zones). */
export function wallClock(instant: Date, timeZone: string): Date {
  if (timeZone === 'UTC') return instant;
  return new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
}

/**
 * One record value as a spreadsheet cell, the same for the Studio's Excel and
 * the background exports: numeric fields as numbers, dates as dates (at UTC
 * midnight), date-times as the wall clock of `timeZone`, every other value as
 * the text its field type shows (picklists and yes/no as labels in `lang`,
 * lookups as their title), neutralised against formula injection. Empty
 * values are empty cells.
 */
export function spreadsheetCell(field: ModuleField, value: unknown, lang: Locale, timeZone = 'UTC'): SpreadsheetValue {
  if (value === null || value === undefined || value === '') return null;
  const kind = valueKind(field);
  if (kind === 'number' && (typeof value === 'number' || typeof value === 'string')) {
    const number = Number(value);
    if (Number.isFinite(number) && String(value).trim() !== '') return number;
  }
  if (kind === 'date' && typeof value === 'string') {
    const match = ISO_DATE.exec(value);
    if (match) return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  }
  if (kind === 'datetime' && typeof value === 'string') {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return wallClock(instant, timeZone);
  }
  return neutraliseFormula(fieldTypeOf(field).format(field, value, lang));
}

const DATE_FORMATS: Record<Locale, string> = { es: 'dd/mm/yyyy', en: 'mm/dd/yyyy' };

/** The cell number format of a field's column (dates in the language's day order, numbers with the field's decimals); undefined for text. */
export function spreadsheetNumberFormat(field: ModuleField, lang: Locale): string | undefined {
  const kind = valueKind(field);
  if (kind === 'date') return DATE_FORMATS[lang];
  if (kind === 'datetime') return `${DATE_FORMATS[lang]} hh:mm`;
  if (kind !== 'number') return undefined;
  const result = field.type === 'formula' ? formulaResultField(field) : field;
  const scale = result.type === 'integer' ? 0 : 'scale' in result && typeof result.scale === 'number' ? result.scale : 2;
  return scale > 0 ? `#,##0.${'0'.repeat(scale)}` : '#,##0';
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`. */
export const spreadsheetSheetName = (title: string): string =>
  title
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim() || 'Export';

/** The columns of a sheet of `fields`, as exceljs takes them: neutralised headers in `lang`, a width from the label, each field's number format. */
export function spreadsheetColumns(fields: ModuleField[], lang: Locale): { header: string; key: string; width: number; style?: { numFmt: string } }[] {
  return fields.map((field) => {
    const numFmt = spreadsheetNumberFormat(field, lang);
    return { header: neutraliseFormula(field.label[lang]), key: field.key, width: Math.min(40, Math.max(12, field.label[lang].length + 2)), ...(numFmt && { style: { numFmt } }) };
  });
}

/** The delimiter of a CSV in a language: Spanish spreadsheets write decimals with a comma, so they separate cells with a semicolon. */
export const CSV_DELIMITER: Record<Locale, string> = { es: ';', en: ',' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date as the language writes it (DD/MM/YYYY, MM/DD/YYYY), with the time when given. */
function dateText(when: Date, lang: Locale, withTime: boolean): string {
  const day = pad(when.getUTCDate());
  const month = pad(when.getUTCMonth() + 1);
  const date = lang === 'es' ? `${day}/${month}/${when.getUTCFullYear()}` : `${month}/${day}/${when.getUTCFullYear()}`;
  return withTime ? `${date} ${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}:${pad(when.getUTCSeconds())}` : date;
}

/**
 * The same cell as CSV text: numbers with the language's decimal mark and no
 * thousands separator, dates in the language's day order (what a spreadsheet
 * in that language reads back as a number or a date, and what the importer
 * reads), text neutralised as in `spreadsheetCell`.
 */
export function csvCell(field: ModuleField, value: unknown, lang: Locale, timeZone = 'UTC'): string {
  const cell = spreadsheetCell(field, value, lang, timeZone);
  if (cell === null) return '';
  if (typeof cell === 'number') {
    // Decimal strings keep every digit the column stores; a float would round past 15 of them.
    const exact = typeof value === 'string' ? value.trim() : String(cell);
    return lang === 'es' ? exact.replace('.', ',') : exact;
  }
  if (cell instanceof Date) return dateText(cell, lang, valueKind(field) === 'datetime');
  return cell;
}

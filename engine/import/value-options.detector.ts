import type { Locale, ModuleDefinition } from '../definition/module-definition.types';
import type { ColumnMapping, DateOrder, ImportValueOptions } from './import.types';
import { mappedFields } from './row-converter';

type Mark = ImportValueOptions['decimalMark'];

const DATE_TYPES = new Set(['date', 'datetime']);
const AMOUNT_TYPES = new Set(['decimal', 'currency', 'percent']);

/** The order one date cell proves, or null when it reads in more than one (ISO dates read in all). */
function dateOrderOf(cell: string): DateOrder | null {
  const parts = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T]|$)/.exec(cell.trim());
  if (!parts || /^\d{4}-\d{1,2}-\d{1,2}(?:[ T]|$)/.test(cell.trim())) return null;
  if (parts[1].length === 4) return 'ymd';
  if (Number(parts[1]) > 12) return 'dmy';
  if (Number(parts[2]) > 12) return 'mdy';
  return null;
}

/** The decimal mark one amount cell proves, or null ("1.500" or "1,500" could be either). */
function decimalMarkOf(cell: string): Mark | null {
  const text = cell.replace(/[^\d.,-]/g, '');
  const last = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
  if (last < 0) return null;
  const mark = text[last] as Mark;
  const other: Mark = mark === ',' ? '.' : ',';
  if (text.includes(other)) return mark;
  // The same mark twice groups thousands, so the decimal mark is the other one.
  if (text.indexOf(mark) !== last) return other;
  const decimals = text.length - last - 1;
  return decimals === 3 ? null : mark;
}

/** The value most cells prove, or `fallback` when none proves any. */
function mostProved<T extends string>(votes: readonly (T | null)[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const vote of votes) if (vote !== null) counts.set(vote, (counts.get(vote) ?? 0) + 1);
  let best = fallback;
  let most = 0;
  for (const [value, count] of counts) if (count > most) [best, most] = [value, count];
  return best;
}

/**
 * The value options a file's sample rows suggest. A date column's cells
 * show their order when a part is over 12 or the year comes first; amounts
 * show their decimal mark by the last mark, or by a repeated one. Cells that
 * prove nothing leave the language's habit (es: day first, decimal comma;
 * en: month first, decimal point), except that a comma-delimited file with
 * no proof is taken to use the decimal point: Spanish Excel exports write
 * ";" precisely because their comma is decimal. Cells arrive already split,
 * so a quoted "1,5" in a comma file is proof like any other.
 */
export function detectValueOptions(
  rows: readonly (readonly string[])[],
  mapping: readonly ColumnMapping[],
  definition: ModuleDefinition,
  context: { lang: Locale; delimiter: string | null },
): ImportValueOptions {
  const mapped = mappedFields(mapping, definition);
  const cells = (types: ReadonlySet<string>) =>
    mapped.filter(({ field }) => types.has(field.type)).flatMap(({ mapping: entry }) => rows.map((row) => row[entry.column] ?? '').filter((cell) => cell.trim() !== ''));
  const languageMark: Mark = context.delimiter === ',' ? '.' : context.delimiter === ';' ? ',' : context.lang === 'es' ? ',' : '.';
  return {
    dateOrder: mostProved(cells(DATE_TYPES).map(dateOrderOf), context.lang === 'es' ? 'dmy' : 'mdy'),
    decimalMark: mostProved(cells(AMOUNT_TYPES).map(decimalMarkOf), languageMark),
    listSeparator: context.delimiter === ';' ? ',' : ';',
  };
}

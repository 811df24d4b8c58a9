import { parse } from 'csv-parse/sync';

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le';
export type CsvDelimiter = ',' | ';' | '\t' | '|';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
export const CSV_ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'windows-1252', 'utf-16le'];

/**
 * The encoding of a file from its first bytes: a BOM says it; else valid
 * UTF-8 is UTF-8 and anything else is Windows-1252 (a superset of Latin-1, the
 * usual Excel export in Latin America).
 */
export function detectEncoding(head: Buffer): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  try {
    // `stream: true` lets a character cut at the end of the sample pass; anything else invalid throws.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Text of the sample up to its last complete line. */
export function sampleText(head: Buffer, encoding: CsvEncoding): string {
  const text = new TextDecoder(encoding).decode(head.subarray(0, 256 * 1024), { stream: true }).replace(/^\uFEFF/, '');
  const end = Math.max(text.lastIndexOf('\n'), 0);
  return head.length > 256 * 1024 && end > 0 ? text.slice(0, end) : text;
}

function rowsWith(text: string, delimiter: CsvDelimiter): string[][] | null {
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to_line: 50 }) as string[][];
  } catch {
    return null;
  }
}

/**
 * The delimiter whose reading of the first rows gives the most columns with
 * the rows agreeing on their count (csv-parse reads each candidate, quotes and
 * multi-line cells included). A one-column file falls back to the comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of CSV_DELIMITERS) {
    const rows = rowsWith(text, delimiter);
    if (!rows || rows.length === 0) continue;
    const width = rows[0].length;
    if (width < 2) continue;
    const agreeing = rows.filter((row) => row.length === width).length / rows.length;
    const score = width * agreeing * agreeing;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

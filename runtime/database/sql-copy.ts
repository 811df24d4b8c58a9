import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/**
 * From this many rows a multi-row write sends its rows by COPY into a
 * staging table and moves them with one INSERT … SELECT: Postgres then
 * parses plain text lines instead of one large JSON document. Smaller
 * batches (a single create, a small bulk call) keep the one-statement form,
 * for which a temporary table would cost more than it saves.
 */
export const COPY_MIN_ROWS = 500;

/** How a value is written in COPY's text format: as itself, as a Postgres array, or as JSON. */
export type CopyShape = 'scalar' | 'array' | 'json';

const escapeCopy = (text: string) => text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
const arrayItem = (item: unknown) => (item === null || item === undefined ? 'NULL' : `"${String(item).replace(/[\\"]/g, (c) => `\\${c}`)}"`);

/** One value in COPY's text format (`\N` for NULL). */
export function copyValue(value: unknown, shape: CopyShape = 'scalar'): string {
  if (value === null || value === undefined) return '\\N';
  if (shape === 'json') return escapeCopy(JSON.stringify(value));
  if (shape === 'array' && Array.isArray(value)) return escapeCopy(`{${value.map(arrayItem).join(',')}}`);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeCopy(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** Whether this transaction can COPY: PGlite's socket takes no COPY FROM STDIN, and COPY needs the transaction's own connection. */
export function canCopy(db: EntityManager, embedded: boolean, rows: number): boolean {
  return !embedded && rows >= COPY_MIN_ROWS && db.queryRunner !== undefined && db.queryRunner.isTransactionActive;
}

/**
 * A temporary table (dropped at commit, and by the caller once used) filled
 * by `COPY … FROM STDIN` with `lines` (each a row in text format, no newline),
 * on the transaction's connection.
 */
export async function copyIntoStaging(db: EntityManager, name: string, columns: string, lines: Iterable<string>): Promise<void> {
  await db.query(`CREATE TEMPORARY TABLE ${name} (${columns}) ON COMMIT DROP`);
  const client = (await db.queryRunner!.connect()) as PoolClient;
  const stream = client.query(copyFrom(`COPY ${name} FROM STDIN`));
  await pipeline(Readable.from(batches(lines)), stream);
}

/** Lines joined into pieces of about 256 KB, so the stream sends few large writes. */
function* batches(lines: Iterable<string>): Generator<string> {
  let piece = '';
  for (const line of lines) {
    piece += `${line}\n`;
    if (piece.length >= 256 * 1024) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const escapeCopy = (value: string) => value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** Rows in COPY's text format (tab-separated, \N for NULL), one Buffer per `chunkRows` rows. */
export function copyTextChunks(rows: Record<string, unknown>[], columns: readonly string[], chunkRows = 1000): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < rows.length; i += chunkRows) {
    let text = '';
    for (const row of rows.slice(i, i + chunkRows)) {
      text += columns
        .map((column) => {
          const value = row[column];
          if (value === null || value === undefined) return '\\N';
          if (typeof value === 'boolean') return value ? 't' : 'f';
          return escapeCopy(typeof value === 'object' ? JSON.stringify(value) : String(value));
        })
        .join('\t');
      text += '\n';
    }
    chunks.push(Buffer.from(text, 'utf8'));
  }
  return chunks;
}

/** `COPY schema.table (columns) FROM STDIN` fed with `chunks`; resolves with the rows Postgres reports. */
export async function copyInto(client: PoolClient, schema: string, table: string, columns: readonly string[], chunks: Iterable<Buffer>): Promise<number> {
  const stream = client.query(copyFrom(`COPY "${schema}"."${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks), stream);
  return Number(stream.rowCount ?? 0);
}

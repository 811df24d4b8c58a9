import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sqlRows } from '../database/sql-rows';
import type { ExportFormat } from './records-export.payload';

/** Bytes per stored chunk of an export file. */
export const EXPORT_CHUNK_BYTES = 1024 * 1024;

/** A finished export: its file's name, size and columns, whose it is and until when its link lives. */
export interface ExportFile {
  id: string;
  operationId: string;
  module: string;
  format: ExportFormat;
  name: string;
  columns: string[];
  rows: number;
  size: number;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
}

interface StoredExport {
  job_id: string;
  operation_id: string;
  module: string;
  format: ExportFormat;
  name: string;
  columns: string[];
  rows: number;
  size: string;
  created_by: string;
  created_at: Date;
  expires_at: Date;
}

const toExport = (row: StoredExport): ExportFile => ({
  id: row.job_id,
  operationId: row.operation_id,
  module: row.module,
  format: row.format,
  name: row.name,
  columns: row.columns,
  rows: row.rows,
  size: Number(row.size),
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
});

const COLUMNS = `job_id, operation_id, module, format, name, columns, rows, size::text, created_by, created_at, expires_at`;

/**
 * Export files, kept in the database in 1 MB chunks (core.exports,
 * core.export_file_chunks): every replica serves the same file, and neither
 * storing nor serving one holds it whole.
 */
@Injectable()
export class ExportFilesRepository {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /**
   * Stores a built file from disk, chunk by chunk, inside the job's last
   * transaction: a retried job replaces what an earlier attempt left.
   */
  async store(db: EntityManager, file: Omit<ExportFile, 'createdAt'>, path: string): Promise<void> {
    await db.query(`DELETE FROM core.exports WHERE job_id = $1`, [file.id]);
    // Files whose link has expired can no longer be downloaded: their bytes go, their row stays for the list.
    await db.query(`DELETE FROM core.export_file_chunks WHERE job_id IN (SELECT job_id FROM core.exports WHERE operation_id = $1 AND expires_at < now())`, [file.operationId]);
    await db.query(`INSERT INTO core.exports (job_id, operation_id, module, format, name, columns, rows, size, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)`, [
      file.id,
      file.operationId,
      file.module,
      file.format,
      file.name,
      JSON.stringify(file.columns),
      file.rows,
      file.size,
      file.createdBy,
      file.expiresAt,
    ]);
    let seq = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: EXPORT_CHUNK_BYTES })) {
      await db.query(`INSERT INTO core.export_file_chunks (job_id, seq, data) VALUES ($1, $2, $3)`, [file.id, seq++, chunk as Buffer]);
    }
  }

  /** An export of this operation (another operation's export does not exist for it). */
  async find(operationId: string, id: string): Promise<ExportFile | null> {
    const [row] = await sqlRows<StoredExport>(this.db.manager, `SELECT ${COLUMNS} FROM core.exports WHERE job_id = $1 AND operation_id = $2`, [id, operationId]);
    return row ? toExport(row) : null;
  }

  async findMany(operationId: string, ids: string[]): Promise<Map<string, ExportFile>> {
    if (ids.length === 0) return new Map();
    const rows = await sqlRows<StoredExport>(this.db.manager, `SELECT ${COLUMNS} FROM core.exports WHERE operation_id = $1 AND job_id = ANY($2::uuid[])`, [operationId, ids]);
    return new Map(rows.map((row) => [row.job_id, toExport(row)]));
  }

  /** The file's bytes, one chunk per read. */
  stream(id: string): Readable {
    const db = this.db.manager;
    let seq = 0;
    return Readable.from(
      (async function* () {
        for (;;) {
          const [chunk] = await sqlRows<{ data: Buffer | Uint8Array }>(db, `SELECT data FROM core.export_file_chunks WHERE job_id = $1 AND seq = $2`, [id, seq++]);
          if (!chunk) return;
          yield Buffer.from(chunk.data);
        }
      })(),
      { objectMode: false },
    );
  }
}

import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sqlRows } from '../database/sql-rows';

export type ImportFormat = 'csv' | 'xlsx';

export interface ImportFile {
  id: string;
  name: string;
  size: number;
  format: ImportFormat;
  createdBy: string | null;
}

interface StoredFile {
  id: string;
  name: string;
  size: string;
  format: ImportFormat;
  created_by: string | null;
}

const toFile = (row: StoredFile): ImportFile => ({ id: row.id, name: row.name, size: Number(row.size), format: row.format, createdBy: row.created_by });

/**
 * Uploaded import files, kept in the database in chunks: every replica and
 * worker reads the same file, and reading streams one chunk at a time.
 */
@Injectable()
export class ImportFilesRepository {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async create(db: EntityManager, operationId: string, name: string, format: ImportFormat, userId: string | null): Promise<string> {
    const [row] = await sqlRows<{ id: string }>(db, `INSERT INTO core.import_files (operation_id, name, format, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [operationId, name, format, userId]);
    return row.id;
  }

  async appendChunk(db: EntityManager, id: string, seq: number, data: Buffer): Promise<void> {
    await db.query(`INSERT INTO core.import_file_chunks (file_id, seq, data) VALUES ($1, $2, $3)`, [id, seq, data]);
  }

  async complete(db: EntityManager, id: string, size: number): Promise<void> {
    await db.query(`UPDATE core.import_files SET size = $2, complete = true WHERE id = $1`, [id, size]);
  }

  /** A complete file of this operation (another operation's file does not exist for it). */
  async find(operationId: string, id: string, db: EntityManager = this.db.manager): Promise<ImportFile | null> {
    const [row] = await sqlRows<StoredFile>(db, `SELECT id, name, size::text, format, created_by FROM core.import_files WHERE id = $1 AND operation_id = $2 AND complete`, [id, operationId]);
    return row ? toFile(row) : null;
  }

  /** The file's bytes, one chunk per read: never more than a chunk in memory. */
  stream(id: string): Readable {
    let seq = 0;
    const db = this.db.manager;
    return Readable.from(
      (async function* () {
        for (;;) {
          const [chunk] = await sqlRows<{ data: Buffer | Uint8Array }>(db, `SELECT data FROM core.import_file_chunks WHERE file_id = $1 AND seq = $2`, [id, seq++]);
          if (!chunk) return;
          yield Buffer.from(chunk.data);
        }
      })(),
      { objectMode: false },
    );
  }

  /** The first bytes of the file (its first chunk), for detecting its format, encoding and delimiter. */
  async head(id: string): Promise<Buffer> {
    const [chunk] = await sqlRows<{ data: Buffer | Uint8Array }>(this.db.manager, `SELECT data FROM core.import_file_chunks WHERE file_id = $1 AND seq = 0`, [id]);
    return chunk ? Buffer.from(chunk.data) : Buffer.alloc(0);
  }
}

import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { IMPORT_MAX_BYTES, ImportErrors } from './import.errors';
import { type ImportFile, type ImportFormat, ImportFilesRepository } from './import-files.repository';

const CHUNK_BYTES = 1024 * 1024;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** XLSX is a zip; anything else must look like text (no NUL bytes outside UTF-16) to be a CSV. */
export function sniffFormat(head: Buffer): ImportFormat | null {
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  const sample = head.subarray(0, 8192);
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  return utf16 || !sample.includes(0) ? 'csv' : null;
}

/** Streams an upload into the database in 1 MB chunks, refusing empty, oversized and non-tabular files before it keeps anything. */
@Injectable()
export class ImportUploadService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ImportFilesRepository) private readonly files: ImportFilesRepository,
  ) {}

  async store(operation: OperationRef, userId: string | null, name: string, body: Readable, declaredLength?: number): Promise<ImportFile> {
    if (declaredLength !== undefined && declaredLength > IMPORT_MAX_BYTES) {
      body.resume();
      throw ImportErrors.tooLarge();
    }
    const id = await this.db.transaction(async (db) => {
      let fileId: string | null = null;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let size = 0;
      let seq = 0;
      const flush = async () => {
        if (pendingBytes === 0) return;
        const data = Buffer.concat(pending, pendingBytes);
        if (fileId === null) {
          const format = sniffFormat(data);
          if (!format) throw ImportErrors.format();
          fileId = await this.files.create(db, operation.id, name, format, userId);
        }
        await this.files.appendChunk(db, fileId, seq++, data);
        pending = [];
        pendingBytes = 0;
      };
      for await (const piece of body) {
        const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as string);
        size += buffer.length;
        if (size > IMPORT_MAX_BYTES) {
          body.destroy();
          throw ImportErrors.tooLarge();
        }
        pending.push(buffer);
        pendingBytes += buffer.length;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
      await flush();
      if (fileId === null) throw ImportErrors.empty();
      await this.files.complete(db, fileId, size);
      return fileId as string;
    });
    return (await this.files.find(operation.id, id))!;
  }
}

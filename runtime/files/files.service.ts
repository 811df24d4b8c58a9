import { createHash, randomUUID } from 'node:crypto';
import type { FileField } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { moduleRight } from '../core/profile-permissions';
import { ident, table } from '../database/sql';
import type { Caller } from '../core/caller';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { activeField } from '../records/record-fields';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { isUuid } from '../core/uuid';
import { filterSql, SqlParams } from '../records/record-query.sql-compiler';
import { ROW } from '../records/record-row.mapper';
import { sqlRows } from '../database/sql-rows';
import type { UploadFileDto } from './dto/upload-file.dto';
import { FileErrors } from './file.errors';

/** What a `file` field's value holds per attachment (the shape record-schema.builder.ts declares). */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  mime: string;
}

export interface StoredFile extends FileRef {
  module: string;
  bytes: Buffer;
}

const DEFAULT_MAX_MB = 10;

/** Uploads checked against their field's definition and stored in core.files; downloads only inside the caller's operation. */
@Injectable()
export class FilesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordAccessResolver) private readonly accessResolver: RecordAccessResolver,
  ) {}

  async upload(operation: OperationRef, module: string, fieldKey: string, body: UploadFileDto, userId: string | null): Promise<FileRef> {
    const field = activeField(await this.definitions.get(operation, module), fieldKey);
    if (field?.type !== 'file') throw FileErrors.notFileField(module, fieldKey);
    const { name, content } = body;
    const mime = body.mime ?? 'application/octet-stream';
    const maxSizeMb = field.maxSizeMb ?? DEFAULT_MAX_MB;
    const maxBytes = maxSizeMb * 1024 * 1024;
    // Cheap size check on the base64 length first, so an oversized upload is never decoded.
    if (Math.floor((content.length * 3) / 4) - padding(content) > maxBytes) throw FileErrors.tooBig(maxSizeMb);
    if (!allowed(field, name)) throw FileErrors.badType(field, name);
    const bytes = Buffer.from(content, 'base64');
    if (bytes.length > maxBytes) throw FileErrors.tooBig(maxSizeMb);
    const ref: FileRef = { id: randomUUID(), name, size: bytes.length, mime };
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Bytes travel as base64 text and are decoded by Postgres, the same on pg and on PGlite.
    await sqlRows(
      this.db.manager,
      `INSERT INTO core.files (id, operation_id, module, field, name, mime, size, sha256, bytes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, decode($9, 'base64'), $10)`,
      [ref.id, operation.id, module, fieldKey, name, mime, ref.size, sha256, content, userId],
    );
    return ref;
  }

  /** A file of the caller's operation whose module the caller may view; anything else is a 404 so ids of other tenants reveal nothing. */
  async download(operation: OperationRef, caller: Caller, id: string): Promise<StoredFile> {
    if (!isUuid(id)) throw FileErrors.notFound(id);
    const [row] = await sqlRows<{ id: string; module: string; field: string; name: string; mime: string; size: number; bytes: string; created_by: string | null }>(
      this.db.manager,
      `SELECT id, module, field, name, mime, size, encode(bytes, 'base64') AS bytes, created_by FROM core.files WHERE id = $1 AND operation_id = $2`,
      [id, operation.id],
    );
    if (!row) throw FileErrors.notFound(id);
    const canView = caller.permissions ? moduleRight(caller.permissions, row.module, 'view') : caller.platform;
    if (!canView) throw FileErrors.notFound(id);
    if (caller.permissions && !(await this.userMaySee(operation, caller, row))) throw FileErrors.notFound(id);
    // encode(…, 'base64') wraps lines every 76 characters; Buffer.from skips the newlines.
    return { id: row.id, module: row.module, name: row.name, mime: row.mime, size: Number(row.size), bytes: Buffer.from(row.bytes, 'base64') };
  }

  /**
   * A user gets a file whose field is not hidden from them and that they uploaded
   * themselves (a form not saved yet) or that sits on a live record they may see:
   * the record visibility rules reach attachments too.
   */
  private async userMaySee(operation: OperationRef, caller: Caller, file: { id: string; module: string; field: string; created_by: string | null }): Promise<boolean> {
    const access = await this.accessResolver.forCaller(operation, caller);
    if (access.hiddenFields(file.module).has(file.field)) return false;
    if (file.created_by !== null && file.created_by === caller.userId) return true;
    const scoped = access.scopeFilter(null);
    // Profiles that see every record see every attachment of the module.
    if (scoped === null) return true;
    const definition = await this.definitions.get(operation, file.module);
    const params = new SqlParams();
    const attached = params.add(JSON.stringify([{ id: file.id }]), 'jsonb');
    const scope = filterSql(definition, scoped, params);
    const found = await sqlRows(
      this.db.manager,
      `SELECT 1 FROM ${table(operation.schemaName, file.module)} AS ${ROW} WHERE ${ROW}.deleted_at IS NULL AND ${ROW}.${ident(file.field)} @> ${attached} AND ${scope} LIMIT 1`,
      params.values,
    );
    return found.length > 0;
  }
}

function padding(content: string): number {
  return content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0;
}

/** The name's extension must be one the field lists; a field listing none takes any type. */
function allowed(field: FileField, name: string): boolean {
  if (!field.accept?.length) return true;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return field.accept.map((a) => a.toLowerCase()).includes(ext);
}

import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { fieldAccess, moduleRight } from '../core/profile-permissions';
import type { JobState } from '../jobs/job.record';
import { JobsService } from '../jobs/jobs.service';
import { exportErrors } from './export.errors';
import { ExportFilesRepository, type ExportFile } from './export-files.repository';
import { ExportLinkSigner } from './export-link.signer';
import type { ExportFormat } from './records-export.payload';
import { isUuid } from '../core/uuid';

/** One of the user's exports as "Mis exportaciones" lists it: the job while it runs, the file and its link once done. */
export interface ExportItem {
  id: string;
  module: string | null;
  format: ExportFormat | null;
  state: JobState;
  progress: number;
  processed: number;
  total: number;
  createdAt: Date;
  finishedAt: Date | null;
  error: Record<string, unknown> | null;
  file: { name: string; rows: number; size: number; expiresAt: Date; expired: boolean } | null;
  /** `GET` it with the session to download; absent until the file exists and once the link expired. */
  downloadPath: string | null;
}

/** The user's exports and their downloads: a link works only for its user, before it expires, while the user may still view the module and its columns. */
@Injectable()
export class ExportsService {
  constructor(
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(ExportFilesRepository) private readonly files: ExportFilesRepository,
    @Inject(ExportLinkSigner) private readonly links: ExportLinkSigner,
  ) {}

  async list(operation: OperationRef, caller: Caller, limit: unknown, cursor: unknown): Promise<{ items: ExportItem[]; total: number; nextCursor: string | null }> {
    // Exports are personal, an admin's too: the list shows the caller's own; a token without a user has none.
    if (!caller.userId) return { items: [], total: 0, nextCursor: null };
    const page = await this.jobs.list(operation, { type: 'records.export', limit, cursor }, caller.userId);
    const files = await this.files.findMany(
      operation.id,
      page.items.map((row) => row.id),
    );
    const items: ExportItem[] = [];
    for (const row of page.items) {
      const file = files.get(row.id);
      const described = file ? undefined : ((await this.jobs.describePayload(row)) as { module?: string; format?: ExportFormat } | undefined);
      const expired = file ? file.expiresAt.getTime() <= Date.now() : false;
      items.push({
        id: row.id,
        module: file?.module ?? described?.module ?? null,
        format: file?.format ?? described?.format ?? null,
        state: row.state,
        progress: row.progress,
        processed: row.processed,
        total: row.total,
        createdAt: row.createdAt,
        finishedAt: row.finishedAt,
        error: row.error,
        file: file ? { name: file.name, rows: file.rows, size: file.size, expiresAt: file.expiresAt, expired } : null,
        downloadPath: file && !expired ? await this.downloadPath(file) : null,
      });
    }
    return { items, total: page.total, nextCursor: page.nextCursor };
  }

  private async downloadPath(file: ExportFile): Promise<string> {
    const token = await this.links.sign({ exportId: file.id, userId: file.createdBy, operationId: file.operationId, expiresAt: file.expiresAt });
    return `/api/v1/exports/${file.id}/download?token=${encodeURIComponent(token)}`;
  }

  async download(operation: OperationRef, caller: Caller, id: string, token: unknown): Promise<{ file: ExportFile; body: Readable }> {
    if (!isUuid(id)) throw exportErrors.notFound(id);
    if (typeof token !== 'string' || token === '') throw exportErrors.badLink();
    const claims = await this.links.verify(token, id);
    if (claims.operationId !== operation.id) throw exportErrors.badLink();
    if (caller.userId === null || claims.userId !== caller.userId) throw exportErrors.otherUser();
    const file = await this.files.find(operation.id, id);
    if (!file || file.createdBy !== caller.userId) throw exportErrors.notFound(id);
    if (file.expiresAt.getTime() <= Date.now()) throw exportErrors.expired();
    if (caller.permissions) {
      if (!moduleRight(caller.permissions, file.module, 'view')) throw exportErrors.noRight(file.module);
      const access = fieldAccess(caller.permissions, file.module);
      const hidden = file.columns.filter((key) => access[key] === 'hidden');
      if (hidden.length) throw exportErrors.hiddenColumns(hidden);
    }
    return { file, body: this.files.stream(id) };
  }
}

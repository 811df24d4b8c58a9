import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FilterNode, Issue, ModuleField } from '@crm/engine';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { moduleRight } from '../core/profile-permissions';
import type { EnqueueScope, JobContext, JobHandler } from '../jobs/job.contract';
import { JobFailedError } from '../jobs/job.errors';
import { JobRegistry } from '../jobs/job.registry';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { RecordAccess } from '../records/record-access.policy';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { type RecordPage, RecordQueryService } from '../records/record-query.service';
import { exportErrors } from './export.errors';
import { pageBound } from './export-page.bound';
import { RECORD_SYSTEM_KEYS } from '../records/record-fields';
import { ExportFilesRepository, type ExportFile } from './export-files.repository';
import { ExportLinkSigner } from './export-link.signer';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import { ExportReadyMail } from './export-ready.mail';
import { openSheetWriter } from './export-sheet.writer';
import { ExportUserRights } from './export-user.rights';
import { payloadIssue, readExportPayload, type RecordsExportPayload } from './records-export.payload';

/** Records read per page (the records query's largest page), keyset-paged on the view's sort. */
export const EXPORT_PAGE = 1_000;

export interface RecordsExportResult extends Record<string, unknown> {
  exportId: string;
  module: string;
  format: RecordsExportPayload['format'];
  name: string;
  rows: number;
  size: number;
  expiresAt: string;
  elapsedMs: number;
  /** Where the time went: waiting for pages of the records query (read ahead while writing), writing the sheet, storing the file and the e-mail. */
  timings: { readMs: number; writeMs: number; storeMs: number };
}

/**
 * `records.export` (B6): a table view (filter, columns, sort) as the user sees
 * it (hidden fields refused, visibility own / hierarchy / all applied), read in
 * keyset pages through the records query and streamed into an XLSX (exceljs's
 * streaming writer) or a CSV on disk; the file is then stored in 1 MB chunks
 * and the link e-mailed, in one transaction with the job's last step. A file
 * cannot be resumed half-written, so a retried job starts it again.
 */
@Injectable()
export class RecordsExportJob implements JobHandler<RecordsExportPayload>, OnModuleInit {
  readonly type = 'records.export';

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordAccessResolver) private readonly resolver: RecordAccessResolver,
    @Inject(RecordQueryService) private readonly query: RecordQueryService,
    @Inject(ExportFilesRepository) private readonly files: ExportFilesRepository,
    @Inject(ExportLinkSigner) private readonly links: ExportLinkSigner,
    @Inject(ExportReadyMail) private readonly mail: ExportReadyMail,
    @Inject(ExportUserRights) private readonly rights: ExportUserRights,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async validate(input: unknown, scope: EnqueueScope): Promise<RecordsExportPayload> {
    const payload = readExportPayload(input);
    if (scope.userId === null) throw exportErrors.userRequired();
    if (scope.permissions && !moduleRight(scope.permissions, payload.module, 'view')) {
      throw new ApiError(403, 'forbidden', { es: `Su perfil no permite ver el módulo «${payload.module}».`, en: `Your profile does not allow viewing module "${payload.module}".` });
    }
    try {
      await this.definitions.get(scope.operation, payload.module);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw ApiError.validation([{ path: 'payload.module', code: error.code, message: error.text }]);
      throw error;
    }
    const access = await this.resolver.forUser(scope.operation, scope.userId);
    await this.columns(scope.operation, payload, access, (issues) => ApiError.validation(issues));
    // The filter and sort are checked the way the table sends them: one page of one record.
    try {
      await this.query.query(scope.operation, payload.module, this.body(payload, [], { limit: 1, count: false }), 'exclude', access);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) throw ApiError.validation(error.details.map(payloadIssue));
      throw error;
    }
    return payload;
  }

  describe(payload: RecordsExportPayload): Record<string, unknown> {
    return { module: payload.module, format: payload.format, language: payload.language, columns: payload.columns, ...(payload.filter && { filter: payload.filter }), sort: payload.sort };
  }

  async run(context: JobContext<RecordsExportPayload>): Promise<RecordsExportResult> {
    const started = Date.now();
    const { payload, operation } = context;
    const userId = context.userId;
    if (userId === null) throw new JobFailedError('export_user_required', exportErrors.userRequired().text);
    if (!(await this.rights.mayView(operation.id, userId, payload.module))) throw new JobFailedError('forbidden', exportErrors.noRight(payload.module).text);
    const access = await this.resolver.forUser(operation, userId);
    const fields = await this.columns(operation, payload, access, (issues, keys) => new JobFailedError('export_fields_hidden', exportErrors.hiddenColumns(keys).text, issues));
    const definition = await this.definitions.get(operation, payload.module);
    const expand = fields.filter((f) => f.type === 'lookup').map((f) => f.key);
    const day = new Date().toISOString().slice(0, 10);
    const name = `${payload.module}-${day}.${payload.format}`;
    const path = join(tmpdir(), `crm-export-${context.job.id}-${context.job.attempts}.${payload.format}`);
    const writer = openSheetWriter(path, payload.format, { fields, lang: payload.language, timeZone: payload.timeZone, title: definition.names.plural[payload.language] });
    try {
      let rows = 0;
      let total = 0;
      const timings = { readMs: 0, writeMs: 0, storeMs: 0 };
      const view = access.view(definition);
      const read = (cursor: string | null, bound: FilterNode | null) =>
        this.query.query(operation, payload.module, this.body(payload, expand, { limit: EXPORT_PAGE, count: cursor === null ? 'exact' : false, cursor, bound }), 'exclude', access);
      // The next page is read while this one is written: the database and the sheet work side by side, two pages in memory at most.
      let next: Promise<RecordPage> | null = read(null, null);
      while (next) {
        const reading = Date.now();
        const page: RecordPage = await next;
        timings.readMs += Date.now() - reading;
        await context.throwIfCancelled();
        next = page.nextCursor ? read(page.nextCursor, pageBound(view, payload.sort, page.items[page.items.length - 1])) : null;
        // A failed read ahead surfaces when it is awaited, not as an unhandled rejection meanwhile.
        next?.catch(() => undefined);
        const writing = Date.now();
        if (rows === 0) total = page.total ?? page.items.length;
        for (const record of page.items) await writer.add(record);
        timings.writeMs += Date.now() - writing;
        rows += page.items.length;
        total = Math.max(total, rows);
        await context.reportProgress({ processed: rows, succeeded: rows, failed: 0, total: next ? total : rows });
      }
      const closing = Date.now();
      const size = await writer.close();
      timings.writeMs += Date.now() - closing;
      const expiresAt = new Date(Date.now() + this.config.exportLinkDays * 86_400_000);
      const file: ExportFile = {
        id: context.job.id,
        operationId: operation.id,
        module: payload.module,
        format: payload.format,
        name,
        columns: payload.columns,
        rows,
        size,
        createdBy: userId,
        createdAt: new Date(),
        expiresAt,
      };
      const storing = Date.now();
      const result: RecordsExportResult = { exportId: file.id, module: file.module, format: file.format, name, rows, size, expiresAt: expiresAt.toISOString(), elapsedMs: 0, timings };
      // Signed before the transaction: the signer may read its secret through the pool, which on a one-connection database (PGlite) the transaction holds.
      const token = await this.links.sign({ exportId: file.id, userId, operationId: operation.id, expiresAt });
      await context.transaction(async (db) => {
        await this.files.store(db, file, path);
        await this.mail.send(db, operation, file, token);
        timings.storeMs = Date.now() - storing;
        result.elapsedMs = Date.now() - started;
        await context.reportProgress({ processed: rows, succeeded: rows, failed: 0, total: rows, result }, { db });
      });
      return result;
    } finally {
      await writer.close().catch(() => undefined);
      await unlink(path).catch(() => undefined);
    }
  }

  /** The columns as fields of the module the user sees: an unknown, archived or hidden one is refused with its path. */
  private async columns(operation: OperationRef, payload: RecordsExportPayload, access: RecordAccess, refuse: (issues: Issue[], keys: string[]) => Error): Promise<ModuleField[]> {
    const view = access.view(await this.definitions.get(operation, payload.module));
    const byKey = new Map(view.fields.filter((f) => !f.archived).map((f) => [f.key, f]));
    const issues = payload.columns.flatMap((key, index) =>
      byKey.has(key)
        ? []
        : [
            {
              path: `payload.columns[${index}]`,
              code: 'query.unknownField',
              message: { es: `El campo «${key}» no existe o no está visible.`, en: `Field "${key}" does not exist or is not visible.` },
            },
          ],
    );
    if (issues.length)
      throw refuse(
        issues,
        payload.columns.filter((key) => !byKey.has(key)),
      );
    return payload.columns.map((key) => byKey.get(key)!);
  }

  /** The records-query body of one page: the view's filter (narrowed by the page bound), sort and columns, plus the sort key when it is not a column. */
  private body(payload: RecordsExportPayload, expand: string[], page: { limit: number; count: 'exact' | false; cursor?: string | null; bound?: FilterNode | null }): Record<string, unknown> {
    const filter = page.bound ? (payload.filter ? { and: [payload.filter, page.bound] } : page.bound) : payload.filter;
    const sortKey = payload.sort[0]?.field;
    const fields = sortKey && !payload.columns.includes(sortKey) && !(RECORD_SYSTEM_KEYS as readonly string[]).includes(sortKey) ? [...payload.columns, sortKey] : payload.columns;
    return {
      ...(filter && { filter }),
      ...(payload.sort.length && { sort: payload.sort }),
      fields,
      ...(expand.length && { expand }),
      limit: page.limit,
      count: page.count,
      ...(page.cursor && { cursor: page.cursor }),
    };
  }
}

import { createHash } from 'node:crypto';
import { type ColumnMapping, convertRow, fold, type ModuleDefinition, SYSTEM_FIELD_KEYS } from '@crm/engine';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiError } from '../core/api-error';
import { moduleRight } from '../core/profile-permissions';
import type { EnqueueScope, JobContext, JobHandler } from '../jobs/job.contract';
import { JobFailedError } from '../jobs/job.errors';
import { JobRegistry } from '../jobs/job.registry';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { fieldsRefused } from '../records/record-access.policy';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { RecordsService } from '../records/records.service';
import { ImportErrors } from './import.errors';
import { ImportFailuresRepository, type ImportFailure } from './import-failures.repository';
import { type FileRow, ImportFileReader } from './import-file.reader';
import { ImportFilesRepository, type ImportFile } from './import-files.repository';
import { chunkLookups } from './import-lookups';
import { rowIssueOf } from './import-row-issues';
import { ImportSummaryMail } from './import-summary.mail';
import { RecordBackupsRepository } from './record-backups.repository';
import { requestIssues, payloadShapeIssues, type RecordsImportPayload } from './records-import.payload';

export interface RecordsImportCheckpoint extends Record<string, unknown> {
  /** Data rows before this one are done (written, skipped or failed) and committed with this checkpoint. */
  rows: number;
}

export interface RecordsImportResult extends Record<string, unknown> {
  fileName: string;
  total: number;
  inserted: number;
  updated: number;
  /** Updates whose values were already stored. */
  unchanged: number;
  /** Rows skipped as repeats of an earlier row of the file or of an existing record's key. */
  duplicates: number;
  errorCount: number;
  elapsedMs: number;
  validateOnly: boolean;
  /** Whether the load changed existing records, so a backup can restore them. */
  backup: boolean;
}

/** Rows per step: one transaction, one checkpoint. */
export const IMPORT_CHUNK_ROWS = 1_000;

const emptyResult = (fileName: string, total: number, validateOnly: boolean): RecordsImportResult => ({
  fileName,
  total,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  duplicates: 0,
  errorCount: 0,
  elapsedMs: 0,
  validateOnly,
  backup: false,
});

/**
 * `records.import` (B1, B2): reads an uploaded CSV or XLSX, converts each
 * cell with the field types' own parsers, resolves lookups by the chosen
 * target field, and writes through the one write pipeline in chunks, each
 * chunk one transaction with its failed rows, its backup entries and the
 * checkpoint, so a killed worker resumes without a lost or repeated row.
 * `validateOnly` runs every check and writes nothing but the failures.
 */
@Injectable()
export class RecordsImportJob implements JobHandler<RecordsImportPayload, RecordsImportCheckpoint>, OnModuleInit {
  readonly type = 'records.import';

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(RecordAccessResolver) private readonly access: RecordAccessResolver,
    @Inject(ImportFilesRepository) private readonly files: ImportFilesRepository,
    @Inject(ImportFileReader) private readonly reader: ImportFileReader,
    @Inject(ImportFailuresRepository) private readonly failures: ImportFailuresRepository,
    @Inject(RecordBackupsRepository) private readonly backups: RecordBackupsRepository,
    @Inject(ImportSummaryMail) private readonly mail: ImportSummaryMail,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async validate(input: unknown, scope: EnqueueScope): Promise<RecordsImportPayload> {
    const shape = payloadShapeIssues(input);
    if (shape.length) throw ApiError.validation(shape);
    const raw = input as Record<string, unknown>;
    const payload: RecordsImportPayload = {
      fileId: raw.fileId as string,
      module: raw.module as string,
      ...(raw.sheet !== undefined && { sheet: raw.sheet as string }),
      ...(raw.encoding !== undefined && { encoding: raw.encoding as RecordsImportPayload['encoding'] }),
      ...(raw.delimiter !== undefined && { delimiter: raw.delimiter as RecordsImportPayload['delimiter'] }),
      mapping: (raw.mapping as ColumnMapping[]).map((m) => ({ column: m.column, header: m.header, field: m.field, ...(m.lookupBy !== undefined && { lookupBy: m.lookupBy }) })),
      options: raw.options as RecordsImportPayload['options'],
      mode: raw.mode as RecordsImportPayload['mode'],
      keyFields: [...new Set((raw.keyFields as string[] | undefined) ?? [])],
      skipDuplicates: (raw.skipDuplicates as boolean | undefined) ?? false,
      validateOnly: (raw.validateOnly as boolean | undefined) ?? false,
    };
    if (scope.permissions && !moduleRight(scope.permissions, payload.module, 'import')) throw ImportErrors.forbidden(payload.module);
    const definition = await this.moduleOf(scope, payload.module);
    const issues = requestIssues(definition, payload.mapping, payload.mode, payload.keyFields);
    const file = await this.files.find(scope.operation.id, payload.fileId);
    if (!file) issues.push({ path: 'payload.fileId', code: 'import_file_not_found', message: ImportErrors.fileNotFound(payload.fileId).text });
    if (issues.length) throw ApiError.validation(issues);
    if (file?.format === 'xlsx' || payload.sheet !== undefined) await this.reader.layout(file!, { sheet: payload.sheet });
    if (scope.userId !== null) {
      // Fields the user may not write refuse the whole import before anything is stored (403 naming the mapping entries).
      const access = await this.access.forUser(scope.operation, scope.userId);
      const values = Object.fromEntries(payload.mapping.flatMap((m) => (m.field ? [[m.field, null]] : [])));
      const refused = await access.writeIssues(payload.module, { values, assign: {} }, null);
      if (refused.length) {
        throw fieldsRefused(refused.map((found) => ({ ...found, path: `payload.mapping[${payload.mapping.findIndex((m) => m.field === found.path)}].field` })));
      }
    }
    return payload;
  }

  exclusiveKey(payload: RecordsImportPayload): string | null {
    return payload.validateOnly ? null : `module:${payload.module}`;
  }

  describe(payload: RecordsImportPayload): Record<string, unknown> {
    return { ...payload };
  }

  private async moduleOf(scope: EnqueueScope, module: string): Promise<ModuleDefinition> {
    try {
      return await this.definitions.get(scope.operation, module);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw ApiError.validation([{ path: 'payload.module', code: error.code, message: error.text }]);
      throw error;
    }
  }

  async run(context: JobContext<RecordsImportPayload, RecordsImportCheckpoint>): Promise<RecordsImportResult> {
    const payload = context.payload;
    const file = await this.files.find(context.operation.id, payload.fileId);
    if (!file) throw new JobFailedError('import_file_not_found', ImportErrors.fileNotFound(payload.fileId).text);
    const layout = await this.reader.layout(file, { encoding: payload.encoding, delimiter: payload.delimiter, sheet: payload.sheet });
    const definition = await this.definitions.get(context.operation, payload.module);
    const startedAt = Date.now() - ((context.result as RecordsImportResult | null)?.elapsedMs ?? 0);

    if (!context.checkpoint) {
      const total = await this.countRows(file, layout);
      await context.reportProgress({ processed: 0, succeeded: 0, failed: 0, total, checkpoint: { rows: 0 }, result: emptyResult(file.name, total, payload.validateOnly) });
    }
    const done = context.checkpoint?.rows ?? 0;
    const duplicateOf = this.duplicateKeys(payload);
    const seen = new Set<string>();
    // -1 is the header; data rows count from 0, so the first `done` of them are the ones already committed.
    let index = -2;
    let chunk: FileRow[] = [];
    for await (const row of this.reader.rows(file, layout)) {
      if (++index === -1) continue;
      const key = duplicateOf?.(row.cells);
      if (index < done) {
        // Rows committed by an earlier run only teach which keys the file has already used.
        if (key !== undefined) seen.add(key);
        continue;
      }
      chunk.push(row);
      if (chunk.length === IMPORT_CHUNK_ROWS) {
        await this.step(context, definition, chunk, seen, duplicateOf, startedAt);
        chunk = [];
      }
    }
    if (chunk.length) await this.step(context, definition, chunk, seen, duplicateOf, startedAt);
    const result = { ...((context.result as RecordsImportResult | null) ?? emptyResult(file.name, context.counts.total, payload.validateOnly)), elapsedMs: Date.now() - startedAt };
    await context.transaction(async (db) => {
      await this.mail.send(db, context.operation, context.job.id, context.userId, payload, result);
      await context.reportProgress({ ...context.counts, result }, { db });
    });
    return result;
  }

  /** Data rows of the file (its header excluded); a file with none is refused before anything is written. */
  private async countRows(file: ImportFile, layout: Awaited<ReturnType<ImportFileReader['layout']>>): Promise<number> {
    let rows = -1;
    try {
      for await (const _row of this.reader.rows(file, layout)) rows++;
    } catch (error) {
      if (error instanceof ApiError) throw new JobFailedError(error.code, error.text, error.details);
      throw error;
    }
    if (rows < 0) throw new JobFailedError('import_file_empty', ImportErrors.empty().text);
    if (rows === 0) throw new JobFailedError('import_file_no_rows', ImportErrors.headerOnly().text);
    return rows;
  }

  /**
   * What makes two rows the same, when duplicates are skipped: the key
   * fields' cells (case- and accent-blind) when there are keys, else the
   * whole row's mapped cells.
   */
  private duplicateKeys(payload: RecordsImportPayload): ((cells: readonly string[]) => string) | undefined {
    if (!payload.skipDuplicates) return undefined;
    const columns = payload.keyFields.length
      ? payload.keyFields.map((key) => payload.mapping.find((m) => m.field === key)!.column)
      : payload.mapping.filter((m) => m.field !== null).map((m) => m.column);
    const fold1 = payload.keyFields.length ? fold : (text: string) => text.trim();
    return (cells) =>
      createHash('sha1')
        .update(columns.map((c) => fold1(cells[c] ?? '')).join('\u0000'))
        .digest('base64');
  }

  private async step(
    context: JobContext<RecordsImportPayload, RecordsImportCheckpoint>,
    definition: ModuleDefinition,
    rows: FileRow[],
    seen: Set<string>,
    duplicateOf: ((cells: readonly string[]) => string) | undefined,
    startedAt: number,
  ): Promise<void> {
    const payload = context.payload;
    await context.transaction(async (db) => {
      const failures: ImportFailure[] = [];
      const writable: { row: FileRow; values: Record<string, unknown> }[] = [];
      const stepSeen = new Set<string>();
      let duplicates = 0;
      const lookups = await chunkLookups(
        db,
        context.operation,
        definition,
        this.definitions,
        payload.mapping,
        rows.map((r) => r.cells),
      );
      for (const row of rows) {
        const key = duplicateOf?.(row.cells);
        if (key !== undefined && (seen.has(key) || stepSeen.has(key))) {
          duplicates++;
          continue;
        }
        if (key !== undefined) stepSeen.add(key);
        const converted = convertRow(row.cells, payload.mapping, definition, { lang: 'es', ...payload.options }, lookups);
        if (converted.issues.length) failures.push({ line: row.line, cells: row.cells, issues: converted.issues });
        else writable.push({ row, values: converted.values });
      }
      const written = await this.records.bulkWrite(
        context.operation,
        payload.module,
        writable.map((w) => w.values),
        {
          mode: payload.mode,
          keyFields: payload.keyFields,
          skipExisting: payload.skipDuplicates && payload.mode === 'insert' && payload.keyFields.length > 0,
          validateOnly: payload.validateOnly,
          userId: context.userId,
          jobId: context.job.id,
          db,
        },
      );
      for (const error of written.errors) {
        const { row } = writable[error.row];
        failures.push({ line: row.line, cells: row.cells, issues: error.issues.map((found) => rowIssueOf(found, payload.mapping, row.cells)) });
      }
      failures.sort((a, b) => a.line - b.line);
      await this.failures.write(db, context.job.id, failures);
      if (written.changes.length) await this.keepBackup(db, context, written.changes);
      for (const key of stepSeen) seen.add(key);

      const before = (context.result as RecordsImportResult | null) ?? emptyResult('', context.counts.total, payload.validateOnly);
      const unchanged = written.total - written.inserted - written.updated - written.duplicates - written.errors.length;
      const result: RecordsImportResult = {
        ...before,
        inserted: before.inserted + written.inserted,
        updated: before.updated + written.updated,
        unchanged: before.unchanged + (payload.validateOnly ? 0 : unchanged),
        duplicates: before.duplicates + duplicates + written.duplicates,
        errorCount: before.errorCount + failures.length,
        elapsedMs: Date.now() - startedAt,
        backup: before.backup || written.changes.length > 0,
      };
      const counts = context.counts;
      await context.reportProgress(
        {
          processed: counts.processed + rows.length,
          succeeded: counts.succeeded + rows.length - failures.length,
          failed: counts.failed + failures.length,
          total: counts.total,
          checkpoint: { rows: (context.checkpoint?.rows ?? 0) + rows.length },
          result,
        },
        { db },
      );
    });
  }

  /** S3: the fields the load changed, as they were and as the load left them. */
  private async keepBackup(db: EntityManager, context: JobContext<RecordsImportPayload, RecordsImportCheckpoint>, changes: { before: Record<string, unknown>; after: Record<string, unknown> }[]) {
    const entries = changes.map(({ before, after }) => {
      const keys = Object.keys(after).filter((key) => !SYSTEM_KEYS.has(key) && JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
      return {
        recordId: after.id as string,
        before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
        after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
      };
    });
    await this.backups.keep(
      db,
      context.operation,
      context.payload.module,
      context.job.id,
      context.userId,
      entries.filter((entry) => Object.keys(entry.before).length > 0),
    );
  }
}

/** A backup keeps field values only: the system columns are the record's own bookkeeping. */
const SYSTEM_KEYS = new Set<string>(SYSTEM_FIELD_KEYS);

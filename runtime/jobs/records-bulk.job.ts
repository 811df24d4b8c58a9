import { type Issue, issue } from '@crm/engine';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { moduleRight } from '../core/profile-permissions';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { BulkRowError, BulkWriteResult } from '../records/record-bulk.writer';
import { RecordsService } from '../records/records.service';
import type { EnqueueScope, JobContext, JobHandler } from './job.contract';
import { JobRegistry } from './job.registry';

export interface RecordsBulkPayload {
  module: string;
  rows: Record<string, unknown>[];
  mode: 'insert' | 'upsert';
  /** Upsert: the field whose value finds the existing record. */
  keyField?: string;
}

export interface RecordsBulkCheckpoint extends Record<string, unknown> {
  /** Rows before this index are written (committed with this checkpoint). */
  offset: number;
}

export interface RecordsBulkResult extends Record<string, unknown> {
  total: number;
  inserted: number;
  updated: number;
  /** Invalid rows and upserts that changed nothing. */
  skipped: number;
  /** How many rows were refused; `errors` keeps the first RECORDS_BULK_KEPT_ERRORS of them. */
  errorCount: number;
  errors: BulkRowError[];
}

/** Rows written per transaction (one checkpoint each). */
export const RECORDS_BULK_CHUNK = 1_000;
/** The most rows one job takes. */
export const RECORDS_BULK_MAX_ROWS = 100_000;
/** Row errors kept in the job's result. */
export const RECORDS_BULK_KEPT_ERRORS = 1_000;

const KEYS = new Set(['module', 'rows', 'mode', 'keyField']);
const MODULE_KEY = /^[a-z][a-z0-9_]{0,62}$/;

const emptyResult = (total: number): RecordsBulkResult => ({ total, inserted: 0, updated: 0, skipped: 0, errorCount: 0, errors: [] });

/**
 * `records.bulk`: inserts or upserts many rows of one module. Rows are written
 * in chunks of 1,000 from `checkpoint.offset`; each chunk is one transaction
 * that writes the rows (through RecordsService.bulkWrite: validation, plugins,
 * audit with the job id) and moves the checkpoint and counts, so a crash
 * between chunks neither loses nor duplicates a row.
 */
@Injectable()
export class RecordsBulkJob implements JobHandler<RecordsBulkPayload, RecordsBulkCheckpoint>, OnModuleInit {
  readonly type = 'records.bulk';

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordsService) private readonly records: RecordsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async validate(input: unknown, scope: EnqueueScope): Promise<RecordsBulkPayload> {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw ApiError.validation([issue('payload', 'record')]);
    const payload = input as Record<string, unknown>;
    const issues: Issue[] = Object.keys(payload)
      .filter((key) => !KEYS.has(key))
      .map((key) => issue(`payload.${key}`, 'unknownField', { field: key }));
    const { module, rows, mode, keyField } = payload;
    if (typeof module !== 'string' || !MODULE_KEY.test(module)) issues.push(issue('payload.module', module === undefined ? 'required' : 'type', { expected: 'string' }));
    if (mode !== 'insert' && mode !== 'upsert') issues.push(issue('payload.mode', mode === undefined ? 'required' : 'option', { value: String(mode) }));
    if (!Array.isArray(rows)) {
      issues.push(issue('payload.rows', rows === undefined ? 'required' : 'type', { expected: 'array' }));
    } else {
      if (rows.length === 0) issues.push(issue('payload.rows', 'required'));
      if (rows.length > RECORDS_BULK_MAX_ROWS) issues.push(issue('payload.rows', 'maxItems', { limit: RECORDS_BULK_MAX_ROWS }));
      const notObjects = rows.flatMap((row, index) => (typeof row === 'object' && row !== null && !Array.isArray(row) ? [] : [index]));
      for (const index of notObjects.slice(0, 20)) issues.push(issue(`payload.rows[${index}]`, 'record'));
    }
    if (mode === 'upsert' && (typeof keyField !== 'string' || keyField === '')) issues.push(issue('payload.keyField', 'required'));
    if (mode === 'insert' && keyField !== undefined) {
      issues.push({ path: 'payload.keyField', code: 'keyFieldWithInsert', message: { es: 'keyField solo se usa con mode «upsert».', en: 'keyField is only used with mode "upsert".' } });
    }
    if (issues.length === 0) issues.push(...(await this.moduleIssues(scope, module as string, mode === 'upsert' ? (keyField as string) : undefined)));
    if (issues.length) throw ApiError.validation(issues);
    // Fields the user may not write refuse the whole load before anything is stored (403 with `payload.rows[i].field`).
    if (scope.userId !== null) await this.records.assertBulkAllowed(scope.operation, module as string, rows as unknown[], mode as RecordsBulkPayload['mode'], scope.userId, 'payload.');
    return { module: module as string, rows: rows as Record<string, unknown>[], mode: mode as RecordsBulkPayload['mode'], ...(mode === 'upsert' && { keyField: keyField as string }) };
  }

  /** The module must exist in the operation, and the key field in the module (the records service checks the rest of it per chunk). */
  private async moduleIssues(scope: EnqueueScope, module: string, keyField: string | undefined): Promise<Issue[]> {
    if (scope.permissions && !moduleRight(scope.permissions, module, 'import')) {
      throw new ApiError(403, 'forbidden', { es: `Su perfil no permite importar en el módulo «${module}».`, en: `Your profile does not allow importing into module "${module}".` });
    }
    try {
      const definition = await this.definitions.get(scope.operation, module);
      if (keyField === undefined) return [];
      const field = definition.fields.find((candidate) => candidate.key === keyField);
      return field && !field.archived ? [] : [issue('payload.keyField', 'unknownField', { field: keyField })];
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return [{ path: 'payload.module', code: error.code, message: error.text }];
      throw error;
    }
  }

  describe(payload: RecordsBulkPayload): Record<string, unknown> {
    return { module: payload.module, mode: payload.mode, ...(payload.keyField && { keyField: payload.keyField }), rows: payload.rows.length };
  }

  async run(context: JobContext<RecordsBulkPayload, RecordsBulkCheckpoint>): Promise<RecordsBulkResult> {
    const { module, rows, mode, keyField } = context.payload;
    const total = rows.length;
    let offset = context.checkpoint?.offset ?? 0;
    if (offset === 0 && context.counts.processed === 0) {
      await context.reportProgress({ processed: 0, succeeded: 0, failed: 0, total, checkpoint: { offset: 0 }, result: emptyResult(total) });
    }
    while (offset < total) {
      const start = offset;
      const chunk = rows.slice(start, start + RECORDS_BULK_CHUNK);
      await context.transaction(async (db) => {
        const written = await this.records.bulkWrite(context.operation, module, chunk, { mode, keyField, userId: context.userId, jobId: context.job.id, rowOffset: start, db });
        const counts = context.counts;
        await context.reportProgress(
          {
            processed: counts.processed + chunk.length,
            succeeded: counts.succeeded + chunk.length - written.errors.length,
            failed: counts.failed + written.errors.length,
            total,
            checkpoint: { offset: start + chunk.length },
            result: merge((context.result as RecordsBulkResult | null) ?? emptyResult(total), written),
          },
          { db },
        );
      });
      offset = start + chunk.length;
    }
    return (context.result as RecordsBulkResult | null) ?? emptyResult(total);
  }
}

function merge(before: RecordsBulkResult, chunk: BulkWriteResult): RecordsBulkResult {
  const room = Math.max(0, RECORDS_BULK_KEPT_ERRORS - before.errors.length);
  return {
    total: before.total,
    inserted: before.inserted + chunk.inserted,
    updated: before.updated + chunk.updated,
    skipped: before.skipped + chunk.skipped,
    errorCount: before.errorCount + chunk.errors.length,
    errors: room > 0 ? [...before.errors, ...chunk.errors.slice(0, room)] : before.errors,
  };
}

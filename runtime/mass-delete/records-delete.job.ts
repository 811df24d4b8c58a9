import { type FilterNode, type Issue, issue, type LocalizedText } from '@crm/engine';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import type { EnqueueScope, JobContext, JobHandler } from '../jobs/job.contract';
import { JobRegistry } from '../jobs/job.registry';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { RecordAccess } from '../records/record-access.policy';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { RecordQueryService } from '../records/record-query.service';
import { RecordsService } from '../records/records.service';
import { assertMassDeleteAllowed } from './mass-delete.rights';
import { isUuid } from '../core/uuid';

export interface RecordsDeletePayload extends Record<string, unknown> {
  module: string;
  /** A selection; or, instead, */
  ids?: string[];
  /** every record matching a records-query filter (as the user sees them) when the job starts. */
  filter?: FilterNode;
}

export interface RecordsDeleteCheckpoint extends Record<string, unknown> {
  /** Records created after this instant are not part of the delete, though they may match the filter. */
  before: string;
  /** Filter: where the next page of matching records starts. */
  cursor: string | null;
  /** Selection: ids before this index are done. */
  offset: number;
}

export interface DeleteRowError {
  id: string;
  code: string;
  message: LocalizedText;
}

export interface RecordsDeleteResult extends Record<string, unknown> {
  total: number;
  deleted: number;
  /** Visible but not the user's to change (own and assigned records only). */
  refused: number;
  /** Already deleted, or not there (a selection). */
  missing: number;
  /** The first KEPT_ERRORS refusals, each naming its record. */
  errors: DeleteRowError[];
}

/** Records soft-deleted per transaction (one checkpoint each): the records query's largest page. */
export const RECORDS_DELETE_CHUNK = 1_000;
/** The largest selection sent as ids; beyond it the Studio sends the filter. */
export const RECORDS_DELETE_MAX_IDS = 10_000;
const KEPT_ERRORS = 100;
const KEYS = new Set(['module', 'ids', 'filter']);
const MODULE_KEY = /^[a-z][a-z0-9_]{0,62}$/;
const emptyResult = (total: number): RecordsDeleteResult => ({ total, deleted: 0, refused: 0, missing: 0, errors: [] });
/** The filter, limited to records that existed when the delete started. */
const snapshot = (filter: FilterNode | undefined, before: string): FilterNode => ({ and: [...(filter ? [filter] : []), { field: 'createdAt', op: 'lte', value: before }] });

/**
 * `records.delete` (B4): soft-deletes a selection, or every record matching a filter,
 * in set-based chunks through the write pipeline (audit with the job's id, levels
 * closed, change feed). Needs the "delete" and "mass delete" rights; records the user
 * may see but not change are skipped and reported. `records.undelete` brings the whole
 * job back from its audit entries.
 */
@Injectable()
export class RecordsDeleteJob implements JobHandler<RecordsDeletePayload, RecordsDeleteCheckpoint>, OnModuleInit {
  readonly type = 'records.delete';

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordAccessResolver) private readonly resolver: RecordAccessResolver,
    @Inject(RecordQueryService) private readonly query: RecordQueryService,
    @Inject(RecordsService) private readonly records: RecordsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async validate(input: unknown, scope: EnqueueScope): Promise<RecordsDeletePayload> {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw ApiError.validation([issue('payload', 'record')]);
    const payload = input as Record<string, unknown>;
    const issues: Issue[] = Object.keys(payload)
      .filter((key) => !KEYS.has(key))
      .map((key) => issue(`payload.${key}`, 'unknownField', { field: key }));
    const { module, ids, filter } = payload;
    if (typeof module !== 'string' || !MODULE_KEY.test(module)) issues.push(issue('payload.module', module === undefined ? 'required' : 'type', { expected: 'string' }));
    if ((ids === undefined) === (filter === undefined)) {
      issues.push({ path: 'payload.ids', code: 'idsOrFilter', message: { es: 'Indique «ids» o «filter», uno de los dos.', en: 'Give either "ids" or "filter", one of them.' } });
    } else if (ids !== undefined) {
      if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string' || !isUuid(id))) issues.push(issue('payload.ids', 'type', { expected: 'uuid[]' }));
      else if (ids.length > RECORDS_DELETE_MAX_IDS) issues.push(issue('payload.ids', 'maxItems', { limit: RECORDS_DELETE_MAX_IDS }));
    } else if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
      issues.push(issue('payload.filter', 'type', { expected: 'object' }));
    }
    if (issues.length) throw ApiError.validation(issues);
    assertMassDeleteAllowed(scope, module as string);
    try {
      await this.definitions.get(scope.operation, module as string);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw ApiError.validation([{ path: 'payload.module', code: error.code, message: error.text }]);
      throw error;
    }
    if (filter !== undefined) {
      // A filter that does not compile is refused now, with its paths under payload.filter.
      const access = scope.userId ? await this.resolver.forUser(scope.operation, scope.userId) : undefined;
      await this.page(scope.operation, module as string, filter as FilterNode, access, null, 1).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 400) throw ApiError.validation(error.details.map((d) => ({ ...d, path: `payload.${d.path}` })));
        throw error;
      });
    }
    return { module: module as string, ...(ids !== undefined ? { ids: [...new Set(ids as string[])] } : { filter: filter as FilterNode }) };
  }

  /** One mass change of a module at a time, and none while its import or restore runs. */
  exclusiveKey(payload: RecordsDeletePayload): string {
    return `module:${payload.module}`;
  }

  describe(payload: RecordsDeletePayload): Record<string, unknown> {
    return { module: payload.module, ...(payload.ids ? { records: payload.ids.length } : { filter: payload.filter }) };
  }

  async run(context: JobContext<RecordsDeletePayload, RecordsDeleteCheckpoint>): Promise<RecordsDeleteResult> {
    const { module, ids, filter } = context.payload;
    const access = context.userId ? await this.resolver.forUser(context.operation, context.userId) : undefined;
    let checkpoint = context.checkpoint;
    if (!checkpoint) {
      const before = new Date().toISOString();
      const total = ids ? ids.length : ((await this.page(context.operation, module, snapshot(filter, before), access, null, 1, 'exact')).total ?? 0);
      checkpoint = { before, cursor: null, offset: 0 };
      await context.reportProgress({ processed: 0, succeeded: 0, failed: 0, total, checkpoint, result: emptyResult(total) });
    }
    for (;;) {
      await context.throwIfCancelled();
      const position: RecordsDeleteCheckpoint = checkpoint;
      let chunk: string[];
      let next: RecordsDeleteCheckpoint;
      if (ids) {
        chunk = ids.slice(position.offset, position.offset + RECORDS_DELETE_CHUNK);
        next = { ...position, offset: position.offset + chunk.length };
      } else {
        const page = await this.page(context.operation, module, snapshot(filter, position.before), access, position.cursor, RECORDS_DELETE_CHUNK);
        chunk = page.items.map((record) => String(record.id));
        next = { ...position, cursor: page.nextCursor };
      }
      if (chunk.length === 0) break;
      await context.transaction(async (db) => {
        const { deleted, refused } = await this.records.removeMany(db, context.operation, module, chunk, { userId: context.userId, locale: 'es', access, jobId: context.job.id });
        const missing = chunk.length - deleted.length - refused.length;
        const before = (context.result as RecordsDeleteResult | null) ?? emptyResult(context.counts.total);
        const errors = [
          ...before.errors,
          ...refused.map((id) => ({
            id,
            code: 'notEditable',
            message: { es: 'El registro no es suyo ni está asignado a usted: no se eliminó.', en: 'The record is neither yours nor assigned to you: it was not deleted.' },
          })),
        ].slice(0, KEPT_ERRORS);
        const counts = context.counts;
        await context.reportProgress(
          {
            processed: counts.processed + chunk.length,
            succeeded: counts.succeeded + deleted.length,
            failed: counts.failed + refused.length + missing,
            total: Math.max(counts.total, counts.processed + chunk.length),
            checkpoint: next,
            result: { ...before, deleted: before.deleted + deleted.length, refused: before.refused + refused.length, missing: before.missing + missing, errors },
          },
          { db },
        );
      });
      checkpoint = next;
      if (!ids && !next.cursor) break;
    }
    return (context.result as RecordsDeleteResult | null) ?? emptyResult(0);
  }

  private page(operation: OperationRef, module: string, filter: FilterNode, access: RecordAccess | undefined, cursor: string | null, limit: number, count: false | 'exact' = false) {
    return this.query.query(operation, module, { filter, fields: ['id'], limit, count, ...(cursor && { cursor }) }, 'exclude', access);
  }
}

import { issue } from '@crm/engine';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import type { EnqueueScope, JobContext, JobHandler } from '../jobs/job.contract';
import { JobFailedError } from '../jobs/job.errors';
import { JobRegistry } from '../jobs/job.registry';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { MergeErrors } from './merge.errors';
import { MergeGroupError } from './merge-group.error';
import { canMerge } from './merge-rights';
import type { MergeLink } from './record-merges.repository';
import { RecordMergesRepository } from './record-merges.repository';
import { RecordMergeWriter } from './record-merge.writer';
import { isUuid } from '../core/uuid';

export interface RecordsUnmergePayload extends Record<string, unknown> {
  mergeId: string;
  module: string;
}

export interface RecordsUnmergeResult extends Record<string, unknown> {
  mergeId: string;
  keptId: string;
  restored: string[];
  links: number;
  conflicts: { fields: string[]; links: MergeLink[] };
}

/**
 * `records.unmerge` (B3): undoes one merge in one transaction: the kept
 * record's values back, the merged records restored, the links pointed back.
 * What someone changed after the merge stays as it is and is reported.
 */
@Injectable()
export class RecordsUnmergeJob implements JobHandler<RecordsUnmergePayload>, OnModuleInit {
  readonly type = 'records.unmerge';

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordAccessResolver) private readonly accessResolver: RecordAccessResolver,
    @Inject(RecordMergesRepository) private readonly merges: RecordMergesRepository,
    @Inject(RecordMergeWriter) private readonly writer: RecordMergeWriter,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async validate(input: unknown, scope: EnqueueScope): Promise<RecordsUnmergePayload> {
    const raw = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
    const mergeId = raw.mergeId;
    const extra = Object.keys(raw).filter((key) => key !== 'mergeId');
    if (typeof mergeId !== 'string' || !isUuid(mergeId) || extra.length) {
      throw ApiError.validation([
        ...(typeof mergeId === 'string' && isUuid(mergeId) ? [] : [issue('payload.mergeId', mergeId === undefined ? 'required' : 'format.uuid')]),
        ...extra.map((key) => issue(`payload.${key}`, 'unknownField', { field: key })),
      ]);
    }
    const merge = await this.merges.find(this.db.manager, scope.operation, mergeId);
    if (!merge) throw MergeErrors.mergeNotFound(mergeId);
    if (scope.permissions && !canMerge(scope.permissions, merge.module)) throw MergeErrors.forbidden(merge.module);
    if (merge.undoneAt) throw MergeErrors.undone(mergeId, merge.undoneAt);
    return { mergeId: merge.id, module: merge.module };
  }

  exclusiveKey(payload: RecordsUnmergePayload): string {
    return `module:${payload.module}`;
  }

  async run(context: JobContext<RecordsUnmergePayload>): Promise<RecordsUnmergeResult> {
    const { mergeId, module } = context.payload;
    const definition = await this.definitions.get(context.operation, module);
    const access = context.userId ? await this.accessResolver.forUser(context.operation, context.userId) : undefined;
    try {
      return await context.transaction(async (db) => {
        const merge = await this.merges.find(db, context.operation, mergeId, { lock: true });
        if (!merge) throw new JobFailedError('merge_not_found', MergeErrors.mergeNotFound(mergeId).text);
        if (merge.undoneAt || !(await this.merges.claimUndo(db, context.operation, mergeId, context.job.id))) {
          throw new JobFailedError('merge_undone', MergeErrors.undone(mergeId, merge.undoneAt ?? '…').text);
        }
        const done = await this.writer.undo(db, context.operation, definition, merge, { userId: context.userId, jobId: context.job.id, access });
        const result: RecordsUnmergeResult = { mergeId, ...done };
        await context.reportProgress({ processed: 1, succeeded: 1, failed: 0, total: 1, checkpoint: null, result }, { db });
        return result;
      });
    } catch (error) {
      if (error instanceof MergeGroupError || error instanceof ApiError) throw new JobFailedError(error.code, error.text, error instanceof MergeGroupError ? error.issues : []);
      throw error;
    }
  }
}

import { type Issue, issue } from '@crm/engine';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiError } from '../core/api-error';
import type { EnqueueScope, JobContext, JobHandler } from '../jobs/job.contract';
import { JobRegistry } from '../jobs/job.registry';
import { RecordsService } from '../records/records.service';
import { MassDeleteRepository } from './mass-delete.repository';
import { assertMassDeleteAllowed } from './mass-delete.rights';
import { isUuid } from '../core/uuid';

export interface RecordsUndeletePayload extends Record<string, unknown> {
  deleteJobId: string;
  module: string;
}

export interface RecordsUndeleteCheckpoint extends Record<string, unknown> {
  /** The delete's records are restored in id order; everything up to this id is done. */
  afterId: string | null;
}

export interface RecordsUndeleteResult extends Record<string, unknown> {
  /** The delete it undoes, so a list of jobs shows which deletes are restored. */
  deleteJobId: string;
  total: number;
  restored: number;
  /** Brought back since by someone else (one by one, from the record's page), or restored and deleted again. */
  alreadyLive: number;
  /** Kept deleted: a live record took one of their unique values since. */
  refused: number;
  /** The first KEPT_CONFLICTS of them, with the field refused. */
  conflicts: { id: string; issues: Issue[] }[];
}

const CHUNK = 1_000;
const KEPT_CONFLICTS = 100;
const FINISHED = new Set(['completed', 'failed', 'cancelled']);

const notFound = (id: string) => ApiError.notFound({ es: `No existe la eliminación masiva ${id}.`, en: `Mass delete ${id} does not exist.` }, 'delete_job_not_found');

/**
 * `records.undelete` ("Restaurar eliminación"): brings back, as one batch, every record a
 * `records.delete` job deleted, read from that job's audit entries, through the
 * pipeline (audit, levels reopened, change feed). Once per delete.
 */
@Injectable()
export class RecordsUndeleteJob implements JobHandler<RecordsUndeletePayload, RecordsUndeleteCheckpoint>, OnModuleInit {
  readonly type = 'records.undelete';

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(MassDeleteRepository) private readonly deletes: MassDeleteRepository,
    @Inject(RecordsService) private readonly records: RecordsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async validate(input: unknown, scope: EnqueueScope): Promise<RecordsUndeletePayload> {
    const body = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
    const deleteJobId = body.deleteJobId;
    const extra = Object.keys(body).filter((key) => key !== 'deleteJobId');
    if (typeof deleteJobId !== 'string' || !isUuid(deleteJobId) || extra.length) {
      throw ApiError.validation([
        ...(typeof deleteJobId === 'string' && isUuid(deleteJobId) ? [] : [issue('payload.deleteJobId', deleteJobId === undefined ? 'required' : 'type', { expected: 'uuid' })]),
        ...extra.map((key) => issue(`payload.${key}`, 'unknownField', { field: key })),
      ]);
    }
    const job = await this.deletes.job(scope.operation, deleteJobId);
    // Like the job itself, another user's delete is theirs or an admin's to restore.
    const visible = !scope.permissions || scope.permissions.admin || job?.createdBy === scope.userId;
    if (!job || job.type !== 'records.delete' || !job.module || !visible) throw notFound(deleteJobId);
    assertMassDeleteAllowed(scope, job.module);
    if (!FINISHED.has(job.state)) {
      throw ApiError.conflict('delete_running', { es: 'La eliminación aún está en curso: restáurela cuando termine.', en: 'The delete is still running: restore it once it has finished.' });
    }
    const undo = await this.deletes.undoOf(scope.operation, deleteJobId);
    if (undo) {
      throw ApiError.conflict(
        'delete_restored',
        { es: 'Esta eliminación ya se restauró o se está restaurando.', en: 'This delete was restored already or is being restored.' },
        { undeleteJobId: undo.id },
      );
    }
    return { deleteJobId, module: job.module };
  }

  exclusiveKey(payload: RecordsUndeletePayload): string {
    return `module:${payload.module}`;
  }

  async run(context: JobContext<RecordsUndeletePayload, RecordsUndeleteCheckpoint>): Promise<RecordsUndeleteResult> {
    const { deleteJobId, module } = context.payload;
    if (!context.checkpoint) {
      const total = await this.deletes.countDeletedBy(context.operation, module, deleteJobId);
      await context.reportProgress({
        processed: 0,
        succeeded: 0,
        failed: 0,
        total,
        checkpoint: { afterId: null },
        result: { deleteJobId, total, restored: 0, refused: 0, alreadyLive: 0, conflicts: [] },
      });
    }
    for (;;) {
      await context.throwIfCancelled();
      const more = await context.transaction(async (db) => {
        const ids = await this.deletes.deletedBy(db, context.operation, module, deleteJobId, context.checkpoint?.afterId ?? null, CHUNK);
        if (ids.length === 0) return false;
        const { restored, refused } = await this.records.restoreMany(db, context.operation, module, ids, { userId: context.userId, locale: 'es', jobId: context.job.id });
        const before = context.result as RecordsUndeleteResult;
        const counts = context.counts;
        const conflicts = [...before.conflicts, ...[...refused].map(([id, issues]) => ({ id, issues }))].slice(0, KEPT_CONFLICTS);
        await context.reportProgress(
          {
            processed: counts.processed + ids.length,
            succeeded: counts.succeeded + restored.length,
            failed: counts.failed + refused.size,
            total: counts.total,
            checkpoint: { afterId: ids[ids.length - 1] },
            result: {
              ...before,
              restored: before.restored + restored.length,
              refused: before.refused + refused.size,
              alreadyLive: before.alreadyLive + ids.length - restored.length - refused.size,
              conflicts,
            },
          },
          { db },
        );
        return true;
      });
      if (!more) break;
    }
    return context.result as RecordsUndeleteResult;
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import type { JobChanges } from './job.changes';
import type { JobContext, JobCounts, JobData, JobProgress } from './job.contract';
import type { JobRecord } from './job.record';
import { type InterruptReason, JobInterruptedError } from './job.errors';
import type { JobRow, JobStore } from './job.store';

interface Snapshot<C> {
  checkpoint: C | null;
  result: JobData | null;
  counts: JobCounts;
}

/** The context of one run (one attempt) of one job. */
export class JobRunContext<P, C extends JobData> implements JobContext<P, C> {
  checkpoint: C | null;
  result: JobData | null;
  counts: JobCounts;
  private step?: { db?: EntityManager; row: JobRow | null };

  constructor(
    readonly job: Readonly<JobRecord>,
    readonly operation: OperationRef,
    readonly signal: AbortSignal,
    private readonly services: { db: DataSource; store: JobStore; changes: JobChanges },
  ) {
    this.checkpoint = (job.checkpoint as C | null) ?? null;
    this.result = job.result ?? null;
    this.counts = { processed: job.processed, succeeded: job.succeeded, failed: job.failed, total: job.total };
  }

  get payload(): P {
    return this.job.payload as P;
  }

  get userId(): string | null {
    return this.job.createdBy;
  }

  private get attempt(): number {
    return this.job.attempts;
  }

  async reportProgress(progress: JobProgress<C>, options: { db?: EntityManager } = {}): Promise<void> {
    const row = await this.services.store.progress(this.job.id, this.attempt, progress, options.db);
    if (!row) throw new JobInterruptedError(await this.lostReason(options.db));
    this.counts = { processed: row.processed, succeeded: row.succeeded, failed: row.failed, total: row.total };
    if (progress.checkpoint !== undefined) this.checkpoint = progress.checkpoint ?? null;
    if (progress.result !== undefined) this.result = progress.result ?? null;
    // Written in this context's step: published once the step commits.
    if (this.step && options.db === this.step.db) this.step.row = row;
  }

  async transaction<T>(work: (db: EntityManager) => Promise<T>): Promise<T> {
    if (this.step) throw new Error('job steps do not nest');
    this.throwIfAborted();
    const before: Snapshot<C> = { checkpoint: this.checkpoint, result: this.result, counts: { ...this.counts } };
    const step: { db?: EntityManager; row: JobRow | null } = { row: null };
    try {
      const value = await this.services.db.transaction(async (db) => {
        const lock = await this.services.store.lockForStep(db, this.job.id);
        if (!lock || lock.state !== 'running' || lock.attempts !== this.attempt) {
          throw new JobInterruptedError(lock?.state === 'cancelled' ? 'cancelled' : 'superseded');
        }
        this.step = step;
        step.db = db;
        return work(db);
      });
      if (step.row) this.services.changes.publish(step.row);
      return value;
    } catch (error) {
      // Rolled back: what this run believes must match what the row holds.
      this.checkpoint = before.checkpoint;
      this.result = before.result;
      this.counts = before.counts;
      throw error;
    } finally {
      this.step = undefined;
    }
  }

  async isCancelled(): Promise<boolean> {
    if (this.signal.aborted) return true;
    const now = await this.services.store.stateOf(this.job.id, this.step?.db);
    return !now || now.state !== 'running' || now.attempts !== this.attempt;
  }

  async throwIfCancelled(): Promise<void> {
    this.throwIfAborted();
    if (await this.isCancelled()) throw new JobInterruptedError(await this.lostReason(this.step?.db));
  }

  private throwIfAborted(): void {
    if (this.signal.aborted) throw new JobInterruptedError(abortReason(this.signal));
  }

  /** Why this attempt no longer owns its job. */
  private async lostReason(db?: EntityManager): Promise<InterruptReason> {
    if (this.signal.aborted) return abortReason(this.signal);
    const now = await this.services.store.stateOf(this.job.id, db);
    return now?.state === 'cancelled' ? 'cancelled' : 'superseded';
  }
}

export function abortReason(signal: AbortSignal): InterruptReason {
  const reason: unknown = signal.reason;
  return reason === 'cancelled' || reason === 'superseded' ? reason : 'shutdown';
}

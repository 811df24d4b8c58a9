import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobChanges } from './job.changes';
import { abortReason, JobRunContext } from './job.context';
import type { JobData } from './job.contract';
import type { JobState } from './job.record';
import { isPermanent, JobFailedError, JobInterruptedError, type StoredJobError, storedError } from './job.errors';
import { JobRegistry } from './job.registry';
import { FINISHED_STATES, JobStore } from './job.store';

export type RunOutcome =
  /** Done; or nothing to do (finished, cancelled or missing job); or another runner owns it now. */
  | { kind: 'completed' | 'cancelled' | 'superseded' | 'skipped' }
  /** This server is stopping: the job went back to `queued` (or stays `running` if the database went first). */
  | { kind: 'interrupted' }
  /** No handler for the job's type on this server (yet); the job was not touched. */
  | { kind: 'unknown-type'; type: string }
  /** Failed for good (the row says so). */
  | { kind: 'failed'; error: StoredJobError }
  /** Failed, worth another attempt: the row is `queued` again with the error. */
  | { kind: 'retry'; error: StoredJobError };

export interface RunOptions {
  /** States the job may be claimed from: the in-process queue takes `queued` only; BullMQ also takes back a killed worker's `running` job. */
  from: readonly JobState[];
  /** No retry follows a failure of this run. */
  finalAttempt: boolean;
}

/** How long a stopping server waits for its running jobs to reach the end of their current step. */
const STOP_WAIT_MS = 30_000;

/**
 * Runs one attempt of a job with its registered handler, the same way for
 * both queues: claim the row, run from its checkpoint, record the outcome.
 */
@Injectable()
export class JobRunner implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly running = new Map<string, { controller: AbortController; done: Promise<RunOutcome> }>();
  private stopping = false;
  private unwatch?: () => void;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(JobStore) private readonly store: JobStore,
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(JobChanges) private readonly changes: JobChanges,
  ) {}

  onModuleInit(): void {
    // A cancellation made on this server stops the step loop at once; one made elsewhere is seen by the next step's row lock.
    this.unwatch = this.changes.watchAll((row) => {
      if (row.state === 'cancelled') this.running.get(row.id)?.controller.abort('cancelled');
    });
  }

  onModuleDestroy(): void {
    this.unwatch?.();
  }

  get activeJobs(): string[] {
    return [...this.running.keys()];
  }

  async execute(jobId: string, options: RunOptions): Promise<RunOutcome> {
    if (this.stopping) return { kind: 'interrupted' };
    const current = await this.store.stateOf(jobId);
    if (!current || FINISHED_STATES.includes(current.state)) return { kind: 'skipped' };
    if (!this.registry.has(current.type)) return { kind: 'unknown-type', type: current.type };
    if (this.running.has(jobId)) return { kind: 'superseded' };
    const controller = new AbortController();
    const done = this.attempt(jobId, options, controller);
    this.running.set(jobId, { controller, done });
    try {
      return await done;
    } finally {
      this.running.delete(jobId);
    }
  }

  /** Stops every running job at the end of its current step and waits for them (bounded). */
  async stopAll(): Promise<void> {
    this.stopping = true;
    const runs = [...this.running.values()];
    for (const run of runs) run.controller.abort('shutdown');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)));
    await Promise.race([Promise.allSettled(runs.map((r) => r.done)), timeout]);
    clearTimeout(timer);
  }

  private async attempt(jobId: string, options: RunOptions, controller: AbortController): Promise<RunOutcome> {
    const job = await this.store.claim(jobId, options.from);
    if (!job) return { kind: 'skipped' };
    const handler = this.registry.get(job.type);
    const operation = await this.store.operation(job.operationId);
    if (!handler || !operation) {
      const failure = handler
        ? new JobFailedError('operation_not_found', { es: 'La operación del trabajo ya no existe.', en: "The job's operation no longer exists." })
        : new JobFailedError('unknown_job_type', { es: `El tipo de trabajo «${job.type}» no existe.`, en: `Job type "${job.type}" does not exist.` });
      const stored = storedError(failure, job.attempts);
      await this.store.fail(job.id, job.attempts, stored);
      return { kind: 'failed', error: stored };
    }
    const context = new JobRunContext<unknown, JobData>(job, operation, controller.signal, { db: this.db, store: this.store, changes: this.changes });
    try {
      const result = await handler.run(context);
      const completed = await this.store.complete(job.id, job.attempts, result ?? undefined);
      if (completed) return { kind: 'completed' };
      const now = await this.store.stateOf(job.id);
      return { kind: now?.state === 'cancelled' ? 'cancelled' : 'superseded' };
    } catch (error) {
      return this.afterError(job.id, job.attempts, error, controller.signal, options);
    }
  }

  private async afterError(jobId: string, attempt: number, error: unknown, signal: AbortSignal, options: RunOptions): Promise<RunOutcome> {
    // Anything that breaks while the job is being stopped (a step refused, the database closing) is that stop.
    const reason = error instanceof JobInterruptedError ? error.reason : signal.aborted ? abortReason(signal) : null;
    try {
      if (reason === 'shutdown') {
        await this.store.requeue(jobId, attempt);
        return { kind: 'interrupted' };
      }
      if (reason) return { kind: reason };
      const stored = storedError(error, attempt);
      if (isPermanent(error) || options.finalAttempt) {
        this.logger.warn(`job ${jobId} failed (attempt ${attempt}): ${stored.message.en}`);
        const failed = await this.store.fail(jobId, attempt, stored);
        return failed ? { kind: 'failed', error: stored } : { kind: 'superseded' };
      }
      this.logger.warn(`job ${jobId} failed (attempt ${attempt}), will retry: ${stored.message.en}`);
      const requeued = await this.store.requeue(jobId, attempt, stored);
      return requeued ? { kind: 'retry', error: stored } : { kind: 'superseded' };
    } catch (recordError) {
      // The row could not be updated (the database is gone): it stays `running` and is recovered as an orphan.
      this.logger.warn(`job ${jobId}: outcome not recorded: ${recordError instanceof Error ? recordError.message : String(recordError)}`);
      return { kind: 'interrupted' };
    }
  }
}

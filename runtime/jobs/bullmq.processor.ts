import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Inject, Logger, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { JobFailedError, storedError } from './job.errors';
import { JobRunner } from './job.runner';
import { JobStore } from './job.store';
import type { BullJobData } from './bullmq.queue';
import { JOBS_OPTIONS, JOBS_QUEUE, type JobsOptions } from './jobs.options';

/** How long a job of a type this server does not know waits before another try (another server may know it). */
const UNKNOWN_TYPE_DELAY_MS = 1_000;

/**
 * The BullMQ worker: each BullMQ job is one attempt of a job row, run by the
 * JobRunner from the row's checkpoint. Failures are retried by BullMQ with
 * exponential backoff; a worker that dies mid-job stops renewing its lock, and
 * any worker's stalled-job check puts the job back in the queue.
 */
export class BullJobsProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private stopping = false;

  constructor(
    @Inject(JobRunner) private readonly runner: JobRunner,
    @Inject(JobStore) private readonly store: JobStore,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.on('error', (error) => this.logger.warn(`queue: ${error.message}`));
    // BullMQ fails some jobs without running them (too many stalls): the row must say so too.
    this.worker.on('failed', (job, error) => {
      if (job) void this.recordFailure(job, error);
    });
  }

  /**
   * Stopping is a kill as far as the queue knows: the worker is closed without
   * waiting and without giving the job back, so its lock runs out and the
   * stalled-job check of a live worker retries it, exactly as after a crash.
   * The running jobs stop at the end of their current step (the row goes back
   * to `queued`, with its checkpoint).
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.worker.close(true);
    await this.runner.stopAll();
  }

  async process(job: Job<BullJobData>, token?: string): Promise<unknown> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.runner.execute(job.data.id, { from: ['queued', 'running'], finalAttempt });
    switch (outcome.kind) {
      case 'unknown-type':
        return this.postpone(job, token, outcome.type);
      case 'retry':
        throw new Error(outcome.error.message.en);
      case 'failed':
        throw new UnrecoverableError(outcome.error.message.en);
      case 'interrupted':
        if (this.stopping) throw new Error('worker stopped mid-job');
        await job.moveToDelayed(Date.now(), token);
        throw new DelayedError();
      default:
        return { outcome: outcome.kind };
    }
  }

  /** Another server may know the type (a rolling deploy, a plugin not loaded here): the job waits, spending no attempt. */
  private async postpone(job: Job<BullJobData>, token: string | undefined, type: string): Promise<never> {
    if (Date.now() - job.timestamp > this.options.unknownTypeGraceMs) {
      const error = new JobFailedError('unknown_job_type', { es: `El tipo de trabajo «${type}» no existe.`, en: `Job type "${type}" does not exist.` });
      await this.store.fail(job.data.id, null, storedError(error, 0));
      throw new UnrecoverableError(error.message);
    }
    await job.moveToDelayed(Date.now() + UNKNOWN_TYPE_DELAY_MS, token);
    throw new DelayedError();
  }

  private async recordFailure(job: Job<BullJobData>, error: Error): Promise<void> {
    try {
      if ((await job.getState()) !== 'failed') return;
      const row = await this.store.fail(job.data.id, null, storedError(error, job.attemptsMade));
      if (row) this.logger.warn(`job ${job.data.id} failed in the queue: ${error.message}`);
    } catch (recordError) {
      this.logger.warn(`job ${job.data.id}: failure not recorded: ${recordError instanceof Error ? recordError.message : String(recordError)}`);
    }
  }
}

/** The processor class for a server, its worker settings taken from the job options. */
export function configuredProcessor(options: JobsOptions): Type<BullJobsProcessor> {
  @Processor(JOBS_QUEUE, {
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    maxStalledCount: options.maxStalledCount,
  })
  class JobsWorker extends BullJobsProcessor {}
  return JobsWorker;
}

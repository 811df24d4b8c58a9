import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { JobQueue } from './job.queue';
import { JobRegistry } from './job.registry';
import { JobRunner, type RunOutcome } from './job.runner';
import { JobStore } from './job.store';
import { JOBS_OPTIONS, type JobsOptions } from './jobs.options';

interface Entry {
  id: string;
  type: string;
  /** Not before this time (a retry waits its backoff). */
  due: number;
  failures: number;
}

/**
 * The queue without Redis: a FIFO in memory and one worker loop, running the
 * same handlers as BullMQ. The rows are the queue's memory: on start it takes
 * back every `queued` row and every `running` row a dead process left, and a
 * job resumes from its checkpoint. Jobs of a type not registered (yet) wait.
 */
@Injectable()
export class InProcessJobQueue implements JobQueue, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('Jobs');
  private readonly fifo: Entry[] = [];
  private wake: (() => void) | null = null;
  private loop?: Promise<void>;
  private stopped = false;
  private unlisten?: () => void;

  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
    @Inject(JobStore) private readonly store: JobStore,
    @Inject(JobRunner) private readonly runner: JobRunner,
    @Inject(JobRegistry) private readonly registry: JobRegistry,
  ) {}

  async add(job: { id: string; type: string }): Promise<void> {
    if (this.fifo.some((entry) => entry.id === job.id)) return;
    this.fifo.push({ id: job.id, type: job.type, due: 0, failures: 0 });
    this.kick();
  }

  /** Jobs waiting in memory (for their turn, their retry time or their type). */
  get pending(): number {
    return this.fifo.length;
  }

  async onApplicationBootstrap(): Promise<void> {
    const orphans = await this.store.requeueOrphans(this.options.orphanAfterMs);
    if (orphans.length) this.logger.log(`resuming ${orphans.length} job(s) left running by a previous process`);
    for (const job of await this.store.unfinished(['queued'])) await this.add(job);
    this.unlisten = this.registry.onRegistered(() => this.kick());
    this.loop = this.work();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    this.kick();
    await this.runner.stopAll();
    await this.loop;
  }

  private kick(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Sleeps until kicked, or until `ms` passed when given. */
  private idle(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === null ? undefined : setTimeout(resolve, Math.max(ms, 1));
      timer?.unref();
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async work(): Promise<void> {
    while (!this.stopped) {
      const now = Date.now();
      const runnable = this.fifo.filter((entry) => this.registry.has(entry.type));
      const index = this.fifo.findIndex((entry) => entry.due <= now && this.registry.has(entry.type));
      if (index < 0) {
        const nextDue = runnable.length ? Math.min(...runnable.map((entry) => entry.due)) - now : null;
        await this.idle(nextDue);
        continue;
      }
      const [entry] = this.fifo.splice(index, 1);
      const outcome = await this.run(entry);
      if (this.stopped) break;
      if (outcome.kind === 'retry') {
        entry.failures += 1;
        entry.due = Date.now() + this.options.backoffMs * 2 ** (entry.failures - 1);
        this.fifo.push(entry);
      } else if (outcome.kind === 'unknown-type') {
        this.fifo.push(entry);
      }
    }
  }

  private async run(entry: Entry): Promise<RunOutcome> {
    try {
      return await this.runner.execute(entry.id, { from: ['queued'], finalAttempt: entry.failures + 1 >= this.options.attempts });
    } catch (error) {
      // The job could not even be claimed (the database is unreachable): try again later, no attempt spent.
      this.logger.warn(`job ${entry.id} could not start: ${error instanceof Error ? error.message : String(error)}`);
      entry.due = Date.now() + this.options.backoffMs;
      this.fifo.push(entry);
      return { kind: 'interrupted' };
    }
  }
}

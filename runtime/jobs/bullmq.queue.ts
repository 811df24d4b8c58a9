import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { JobQueue } from './job.queue';
import { JobStore } from './job.store';
import { JOBS_QUEUE } from './jobs.options';

/** What a BullMQ job carries: only the row id. The payload, checkpoint and state live in the row. */
export interface BullJobData {
  id: string;
}

/** The queue on Redis: one BullMQ queue for every job type, a job's BullMQ id being its row id (adding it twice adds it once). */
@Injectable()
export class BullJobQueue implements JobQueue, OnApplicationBootstrap {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('Jobs');

  constructor(
    @InjectQueue(JOBS_QUEUE) private readonly queue: Queue<BullJobData>,
    @Inject(JobStore) private readonly store: JobStore,
  ) {}

  async add(job: { id: string; type: string }): Promise<void> {
    await this.queue.add(job.type, { id: job.id }, { jobId: job.id });
  }

  /**
   * Rows are the truth: an unfinished row whose queue entry is missing (stored
   * while Redis was unreachable, or Redis lost its data) is queued again. Ids
   * already in the queue, e.g. a killed worker's job waiting to be found
   * stalled, are left as they are.
   */
  async onApplicationBootstrap(): Promise<void> {
    const unfinished = await this.store.unfinished(['queued', 'running']);
    if (!unfinished.length) return;
    await this.queue.addBulk(unfinished.map((job) => ({ name: job.type, data: { id: job.id }, opts: { jobId: job.id } })));
    this.logger.log(`${unfinished.length} unfinished job(s) checked against the queue`);
  }
}

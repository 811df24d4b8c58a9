/** Injection token of the queue this server uses (BullMQ with REDIS_URL, the in-process queue without). */
export const JOB_QUEUE = Symbol('JOB_QUEUE');

/** What JobsService needs of a queue; both implementations run the same handlers through the JobRunner. */
export interface JobQueue {
  readonly kind: 'bullmq' | 'in-process';
  /** Hands a job whose row is stored (state `queued`) to the workers. */
  add(job: { id: string; type: string }): Promise<void>;
}

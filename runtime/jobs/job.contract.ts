import type { EntityManager } from 'typeorm';
import type { ProfilePermissions } from '../core/profile-permissions';
import type { OperationRef } from '../core/operation-ref';
import type { JobRecord } from './job.record';

export type JobData = Record<string, unknown>;

/** Cumulative counts (not deltas) and where to resume; written to the job row. */
export interface JobProgress<C extends JobData = JobData> {
  processed: number;
  succeeded: number;
  failed: number;
  total: number;
  /** Where the job resumes after a crash or a retry; committed with the work it describes. */
  checkpoint?: C | null;
  /** The result so far (shown by the API while the job runs, kept across resumes). */
  result?: JobData | null;
}

export interface JobCounts {
  processed: number;
  succeeded: number;
  failed: number;
  total: number;
}

/**
 * What a job sees while it runs. A job only ever starts from `checkpoint`: a
 * retried or resumed job finds the checkpoint, counts and partial result its
 * last committed step left, and never repeats that work.
 */
export interface JobContext<P = JobData, C extends JobData = JobData> {
  /** The row as this run claimed it (state `running`, `attempts` counting this run). */
  readonly job: Readonly<JobRecord>;
  readonly payload: P;
  readonly operation: OperationRef;
  readonly userId: string | null;
  /** The latest committed checkpoint; null on a first run. */
  readonly checkpoint: C | null;
  /** The latest committed partial result. */
  readonly result: JobData | null;
  readonly counts: Readonly<JobCounts>;
  /** Aborted when the job is cancelled or the server stops. */
  readonly signal: AbortSignal;
  /**
   * Writes counts, progress (0–100 from processed / total), checkpoint and
   * partial result to the row. With `db` (inside `transaction`), it commits
   * together with the work it describes. Throws JobInterruptedError when the
   * job was cancelled or taken over meanwhile.
   */
  reportProgress(progress: JobProgress<C>, options?: { db?: EntityManager }): Promise<void>;
  /**
   * One step of work in one database transaction, the job row locked for it:
   * it refuses to start when the job was cancelled, taken over or the server
   * is stopping, so a step commits (work + checkpoint) or leaves no trace.
   */
  transaction<T>(work: (db: EntityManager) => Promise<T>): Promise<T>;
  /** Whether the job should stop: cancelled (here or on another replica) or the server is stopping. */
  isCancelled(): Promise<boolean>;
  /** Throws JobInterruptedError when `isCancelled()`. */
  throwIfCancelled(): Promise<void>;
}

export interface EnqueueScope {
  operation: OperationRef;
  userId: string | null;
  /** The requesting user's profile; absent for the platform token (which may do everything). */
  permissions?: ProfilePermissions;
}

/** One kind of background job, registered by type in the JobRegistry; both queues run the same handlers. */
export interface JobHandler<P = JobData, C extends JobData = JobData> {
  /** `records.bulk`, `records.export` ...: lowercase words joined by dots. */
  readonly type: string;
  /** Checks the payload when the job is requested; returns what to store or throws an ApiError (4xx). */
  validate(payload: unknown, scope: EnqueueScope): P | Promise<P>;
  /** Does the work from `context.checkpoint`; what it returns becomes the job's `result`. */
  run(context: JobContext<P, C>): Promise<JobData | void>;
  /** What the API shows of a stored payload (large payloads are summarized). */
  describe?(payload: P): JobData;
  /**
   * Jobs with the same key never run side by side in one operation (one import
   * per module): while one is queued or running, starting another answers 409.
   */
  exclusiveKey?(payload: P): string | null;
}

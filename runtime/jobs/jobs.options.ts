import type { RuntimeConfig } from '../config/runtime.config';

/** The one BullMQ queue every job type shares; a job's BullMQ id is its row id. */
export const JOBS_QUEUE = 'crm-jobs';

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

/** How the job machinery behaves. Production defaults; a server may tune them (the tests shorten the timings). */
export interface JobsOptions {
  /** Redis for BullMQ; without it the jobs run on the in-process queue. */
  redisUrl?: string;
  /** Prefix of the BullMQ keys in Redis. */
  prefix: string;
  /** BullMQ jobs one server runs at the same time (the in-process queue always runs one). */
  concurrency: number;
  /** Runs a failing job gets before it is marked failed. */
  attempts: number;
  /** First wait before a retry; it doubles on each further failure. */
  backoffMs: number;
  /** BullMQ: how long a worker's lock on a job lasts without renewal (a killed worker's job is free after it). */
  lockDurationMs: number;
  /** BullMQ: how often workers look for jobs whose lock expired (stalled) and put them back in the queue. */
  stalledIntervalMs: number;
  /** BullMQ: how many times a job may be recovered from a stalled worker before it is failed. */
  maxStalledCount: number;
  /**
   * In-process queue on an external Postgres: a `running` row untouched for this
   * long belongs to a process that died. On the embedded database only one
   * process can be running, so every `running` row found at start is an orphan.
   */
  orphanAfterMs: number;
  /** BullMQ: a job whose type no server has registered waits this long before it fails. */
  unknownTypeGraceMs: number;
  /** How often an event stream reads the job row (changes made on other replicas arrive this way). */
  eventsPollMs: number;
}

/** The server configuration, optionally carrying job tuning under `jobs`. */
export type JobsConfig = RuntimeConfig & { jobs?: Partial<JobsOptions> };

export function jobsOptionsFrom(config: JobsConfig): JobsOptions {
  const tuning = config.jobs ?? {};
  const embedded = !config.databaseUrl;
  return {
    redisUrl: config.redisUrl,
    prefix: 'crm',
    concurrency: 2,
    attempts: 3,
    backoffMs: 1_000,
    lockDurationMs: 30_000,
    stalledIntervalMs: 30_000,
    maxStalledCount: 5,
    orphanAfterMs: embedded ? 0 : 60_000,
    unknownTypeGraceMs: 10 * 60_000,
    eventsPollMs: 300,
    ...tuning,
  };
}

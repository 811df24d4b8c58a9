import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sqlRows } from '../database/sql-rows';
import type { OperationRef } from '../core/operation-ref';
import { JobChanges } from './job.changes';
import type { JobData, JobProgress } from './job.contract';
import type { JobRecord, JobState } from './job.record';
import type { StoredJobError } from './job.errors';

/**
 * A job row without its payload (which may hold thousands of rows): what
 * lists, streams and updates carry. `revision` is `updated_at` in microseconds:
 * it orders the versions of a row exactly (a Date keeps only milliseconds).
 */
export type JobRow = Omit<JobRecord, 'payload'> & { revision: string };

export const JOB_STATES: readonly JobState[] = ['queued', 'running', 'completed', 'failed', 'cancelled'];
export const FINISHED_STATES: readonly JobState[] = ['completed', 'failed', 'cancelled'];

const ROW = `id, operation_id, type, state, progress, total, processed, succeeded, failed, checkpoint, result, error, attempts,
  created_by, created_at, started_at, finished_at, updated_at, (extract(epoch FROM updated_at) * 1000000)::bigint::text AS revision`;
const NOW = 'clock_timestamp()';

export interface JobListQuery {
  state?: JobState;
  type?: string;
  /** Only the jobs this user started. */
  createdBy?: string;
  /** Only the jobs working on this module (their payload's `module`). */
  module?: string;
  limit: number;
  cursor?: { at: string; id: string };
}

type Db = DataSource | EntityManager;

function managerOf(db: Db): EntityManager {
  return db instanceof DataSource ? db.manager : db;
}

/** A job row as the database answers it: the columns of ROW, by their storage names. */
interface StoredJobRow {
  id: string;
  operation_id: string;
  type: JobRecord['type'];
  state: JobState;
  progress: number;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  checkpoint: JobRecord['checkpoint'];
  result: JobRecord['result'];
  error: JobRecord['error'];
  attempts: number;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
  revision: string;
  /** Read by the statements that ask for it. */
  payload?: unknown;
}

/** Rows of any statement, on the transaction's connection when there is one. */
const rows = <T = StoredJobRow>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> => sqlRows<T>(managerOf(db), sql, params);

function toRow(r: StoredJobRow): JobRow {
  return {
    id: r.id,
    operationId: r.operation_id,
    type: r.type,
    state: r.state,
    progress: r.progress,
    total: r.total,
    processed: r.processed,
    succeeded: r.succeeded,
    failed: r.failed,
    checkpoint: r.checkpoint,
    result: r.result,
    error: r.error,
    attempts: r.attempts,
    createdBy: r.created_by,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    updatedAt: r.updated_at,
    revision: r.revision,
  };
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export function percent(processed: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((processed * 100) / total)));
}

/**
 * Every read and write of `core.jobs`. The row is the truth about a job: a
 * runner owns it through its attempt number (bumped on each claim), so every
 * write of a runner is guarded by `attempts = $n AND state = 'running'`, and a
 * cancelled or taken-over job rejects the writes of the runner that lost it.
 * Committed changes are published to JobChanges.
 */
@Injectable()
export class JobStore {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(JobChanges) private readonly changes: JobChanges,
  ) {}

  private publish(list: StoredJobRow[]): JobRow | null {
    if (!list[0]) return null;
    const row = toRow(list[0]);
    this.changes.publish(row);
    return row;
  }

  /** Stores a queued job; with an exclusive key another live job holds, answers `{ heldBy }` instead (the partial unique index decides, so two racing starts cannot both win). */
  async insert(input: { operationId: string; type: string; payload: JobData; createdBy: string | null; exclusiveKey?: string | null }): Promise<JobRow | { heldBy: string }> {
    const [row] = await rows(
      this.db,
      `INSERT INTO core.jobs (operation_id, type, state, payload, created_by, exclusive_key) VALUES ($1, $2, 'queued', $3::jsonb, $4, $5)
       ON CONFLICT (operation_id, exclusive_key) WHERE exclusive_key IS NOT NULL AND state IN ('queued', 'running') DO NOTHING
       RETURNING ${ROW}`,
      [input.operationId, input.type, json(input.payload), input.createdBy, input.exclusiveKey ?? null],
    );
    if (row) return toRow(row);
    const [holder] = await rows<{ id: string }>(this.db, `SELECT id FROM core.jobs WHERE operation_id = $1 AND exclusive_key = $2 AND state IN ('queued', 'running') LIMIT 1`, [
      input.operationId,
      input.exclusiveKey,
    ]);
    // The holder may have finished between the two statements: then the start is simply tried again.
    return holder ? { heldBy: holder.id } : this.insert(input);
  }

  /** A job of this operation (another operation's job does not exist for it). */
  async find(operationId: string, id: string): Promise<JobRow | null> {
    const [row] = await rows(this.db, `SELECT ${ROW} FROM core.jobs WHERE id = $1 AND operation_id = $2`, [id, operationId]);
    return row ? toRow(row) : null;
  }

  async payloadOf(id: string): Promise<JobData | null> {
    const [row] = await rows(this.db, `SELECT payload FROM core.jobs WHERE id = $1`, [id]);
    return row ? (row.payload as JobData) : null;
  }

  /** Newest first; the cursor is the last row's exact creation time and id. */
  async list(operationId: string, query: JobListQuery): Promise<{ items: JobRow[]; total: number; next: { at: string; id: string } | null }> {
    const where = ['operation_id = $1'];
    const params: unknown[] = [operationId];
    if (query.state) where.push(`state = $${params.push(query.state)}`);
    if (query.type) where.push(`type = $${params.push(query.type)}`);
    if (query.createdBy) where.push(`created_by = $${params.push(query.createdBy)}`);
    if (query.module) where.push(`payload->>'module' = $${params.push(query.module)}`);
    const [{ total }] = await rows<{ total: number }>(this.db, `SELECT count(*)::int AS total FROM core.jobs WHERE ${where.join(' AND ')}`, params);
    if (query.cursor) where.push(`(created_at, id) < ($${params.push(query.cursor.at)}::timestamptz, $${params.push(query.cursor.id)}::uuid)`);
    const found = await rows<StoredJobRow & { cursor_at: string }>(
      this.db,
      `SELECT ${ROW}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
         FROM core.jobs WHERE ${where.join(' AND ')}
        ORDER BY created_at DESC, id DESC LIMIT ${query.limit + 1}`,
      params,
    );
    const page = found.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map(toRow), total, next: found.length > query.limit && last ? { at: last.cursor_at, id: last.id } : null };
  }

  /**
   * Takes the job for a new run: `running`, one more attempt. Only from the
   * given states, so a finished or cancelled job is never run again, and two
   * runners racing for a queued job cannot both win.
   */
  async claim(id: string, from: readonly JobState[]): Promise<(JobRow & { payload: JobData }) | null> {
    const [row] = await rows(
      this.db,
      `UPDATE core.jobs SET state = 'running', attempts = attempts + 1, started_at = coalesce(started_at, ${NOW}), updated_at = ${NOW}
        WHERE id = $1 AND state = ANY($2::text[]) RETURNING ${ROW}, payload`,
      [id, [...from]],
    );
    if (!row) return null;
    this.changes.publish(toRow(row));
    return { ...toRow(row), payload: row.payload as JobData };
  }

  /** Locks the row for one step of work; the caller checks it is still its own. */
  async lockForStep(db: EntityManager, id: string): Promise<{ state: JobState; attempts: number } | null> {
    const [row] = await rows(db, `SELECT state, attempts FROM core.jobs WHERE id = $1 FOR UPDATE`, [id]);
    return row ? { state: row.state, attempts: row.attempts } : null;
  }

  /** The state and attempt of a job; in a step, on the step's connection (the embedded database has only one). */
  async stateOf(id: string, db?: EntityManager): Promise<{ type: string; state: JobState; attempts: number } | null> {
    const [row] = await rows(db ?? this.db, `SELECT type, state, attempts FROM core.jobs WHERE id = $1`, [id]);
    return row ? { type: row.type, state: row.state, attempts: row.attempts } : null;
  }

  /**
   * Counts, progress, checkpoint and partial result of a running attempt.
   * Returns null (and writes nothing) when the attempt no longer owns the job.
   * In a caller's transaction nothing is published: the caller publishes after commit.
   */
  async progress(id: string, attempt: number, progress: JobProgress, db?: EntityManager): Promise<JobRow | null> {
    const params: unknown[] = [id, attempt, progress.processed, progress.succeeded, progress.failed, progress.total, percent(progress.processed, progress.total)];
    const sets = ['processed = $3', 'succeeded = $4', 'failed = $5', 'total = $6', 'progress = $7', `updated_at = ${NOW}`];
    if (progress.checkpoint !== undefined) sets.push(`checkpoint = $${params.push(json(progress.checkpoint))}::jsonb`);
    if (progress.result !== undefined) sets.push(`result = $${params.push(json(progress.result))}::jsonb`);
    const list = await rows(db ?? this.db, `UPDATE core.jobs SET ${sets.join(', ')} WHERE id = $1 AND attempts = $2 AND state = 'running' RETURNING ${ROW}`, params);
    if (db) return list[0] ? toRow(list[0]) : null;
    return this.publish(list);
  }

  async complete(id: string, attempt: number, result: JobData | undefined): Promise<JobRow | null> {
    const params: unknown[] = [id, attempt];
    const sets = [`state = 'completed'`, 'progress = 100', 'error = NULL', `finished_at = ${NOW}`, `updated_at = ${NOW}`];
    if (result !== undefined) sets.push(`result = $${params.push(json(result))}::jsonb`);
    return this.publish(await rows(this.db, `UPDATE core.jobs SET ${sets.join(', ')} WHERE id = $1 AND attempts = $2 AND state = 'running' RETURNING ${ROW}`, params));
  }

  /** Fails the job for good; with an attempt, only while that attempt owns it. */
  async fail(id: string, attempt: number | null, error: StoredJobError): Promise<JobRow | null> {
    const guard = attempt === null ? `state IN ('queued', 'running')` : `attempts = $3 AND state = 'running'`;
    const params: unknown[] = [id, json(error)];
    if (attempt !== null) params.push(attempt);
    return this.publish(await rows(this.db, `UPDATE core.jobs SET state = 'failed', error = $2::jsonb, finished_at = ${NOW}, updated_at = ${NOW} WHERE id = $1 AND ${guard} RETURNING ${ROW}`, params));
  }

  /** Back to `queued` (a retry is due, or this server stops); the checkpoint stays where the last step left it. */
  async requeue(id: string, attempt: number, error?: StoredJobError): Promise<JobRow | null> {
    const params: unknown[] = [id, attempt];
    const sets = [`state = 'queued'`, `updated_at = ${NOW}`];
    if (error) sets.push(`error = $${params.push(json(error))}::jsonb`);
    return this.publish(await rows(this.db, `UPDATE core.jobs SET ${sets.join(', ')} WHERE id = $1 AND attempts = $2 AND state = 'running' RETURNING ${ROW}`, params));
  }

  /** Cancels a queued or running job of this operation; null when there is none or it has finished. */
  async cancel(operationId: string, id: string): Promise<JobRow | null> {
    return this.publish(
      await rows(
        this.db,
        `UPDATE core.jobs SET state = 'cancelled', finished_at = ${NOW}, updated_at = ${NOW}
          WHERE id = $1 AND operation_id = $2 AND state IN ('queued', 'running') RETURNING ${ROW}`,
        [id, operationId],
      ),
    );
  }

  /** `running` rows nobody has touched for `staleMs` were left by a process that died: they go back to `queued`. */
  async requeueOrphans(staleMs: number): Promise<JobRow[]> {
    const list = await rows(
      this.db,
      `UPDATE core.jobs SET state = 'queued', updated_at = ${NOW}
        WHERE state = 'running' AND updated_at <= ${NOW} - ($1::int * interval '1 millisecond') RETURNING ${ROW}`,
      [staleMs],
    );
    for (const row of list) this.changes.publish(toRow(row));
    return list.map(toRow);
  }

  /** Unfinished jobs, oldest first. */
  async unfinished(states: readonly JobState[]): Promise<{ id: string; type: string; createdAt: Date }[]> {
    const list = await rows(this.db, `SELECT id, type, created_at FROM core.jobs WHERE state = ANY($1::text[]) ORDER BY created_at, id`, [[...states]]);
    return list.map((r) => ({ id: r.id, type: r.type, createdAt: r.created_at }));
  }

  async operation(operationId: string): Promise<OperationRef | null> {
    const [row] = await rows<{ id: string; key: string; schema_name: string }>(this.db, `SELECT id, key, schema_name FROM core.operations WHERE id = $1 AND deleted_at IS NULL`, [operationId]);
    return row ? { id: row.id, key: row.key, schemaName: row.schema_name } : null;
  }
}

import type { JobData } from './job.contract';
import type { JobRecord } from './job.record';
import type { JobRow } from './job.store';

/**
 * A job as the API shows it: its row (progress 0–100; the checkpoint it resumes
 * from; the result, partial while running, with per-row errors; the last
 * failure `{ code, message: { es, en }, details, attempt, at }`) without the
 * operation, and the payload as the job type describes it (large payloads are
 * summarized), only on GET of one job.
 */
export type JobView = Omit<JobRecord, 'operationId' | 'payload'> & { payload?: JobData };

export function toJobView(row: JobRow, payload?: JobData): JobView {
  return {
    id: row.id,
    type: row.type,
    state: row.state,
    progress: row.progress,
    total: row.total,
    processed: row.processed,
    succeeded: row.succeeded,
    failed: row.failed,
    checkpoint: row.checkpoint,
    result: row.result,
    error: row.error,
    attempts: row.attempts,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    updatedAt: row.updatedAt,
    ...(payload !== undefined && { payload }),
  };
}

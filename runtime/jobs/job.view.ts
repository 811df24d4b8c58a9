import type { JobData } from './job.contract';
import type { JobState } from './job.record';
import type { JobRow } from './job.store';

/** A job as the API shows it. */
export interface JobView {
  id: string;
  type: string;
  state: JobState;
  /** 0–100, from processed / total; 100 once completed. */
  progress: number;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  /** Where the job resumes if it is interrupted. */
  checkpoint: JobData | null;
  /** The outcome (partial while running), with per-row errors where the job has them. */
  result: JobData | null;
  /** The last failure: `{ code, message: { es, en }, details, attempt, at }`. */
  error: JobData | null;
  attempts: number;
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
  /** The payload as the job type describes it (large payloads are summarized); only on GET of one job. */
  payload?: JobData;
}

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

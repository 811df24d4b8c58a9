export type JobState = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** A row of core.jobs: a background job as the API shows it; the row outlives the queue. */
export interface JobRecord {
  id: string;
  operationId: string;
  type: string;
  state: JobState;
  progress: number;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  payload: Record<string, unknown>;
  checkpoint: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  attempts: number;
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

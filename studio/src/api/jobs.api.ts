import { readEventStream, type StreamEnd, type StreamEvent } from './event-stream';
import { api } from './http';

export type JobState = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export const FINISHED_JOB_STATES: readonly JobState[] = ['completed', 'failed', 'cancelled'];

/** A job as the API shows it (GET /api/v1/jobs/{id} and each event of its stream); only what the Studio reads. */
export interface JobView {
  id: string;
  type: string;
  state: JobState;
  /** 0–100. */
  progress: number;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  result: Record<string, unknown> | null;
  error: { code: string; message: { es: string; en: string } } | null;
}

export const jobsApi = {
  start: (type: string, payload: Record<string, unknown>) => api<JobView>('POST', '/api/v1/jobs', { type, payload }),
  get: (id: string) => api<JobView>('GET', `/api/v1/jobs/${encodeURIComponent(id)}`),
  /** The job's server-sent events, each carrying the job as a `JobView`: `progress` on each change, then `completed`, `failed` or `cancelled`, and the stream ends. */
  events: (id: string, onEvent: (event: StreamEvent) => void, signal: AbortSignal): Promise<StreamEnd> => readEventStream(`/api/v1/jobs/${encodeURIComponent(id)}/events`, onEvent, signal),
};

import { readEventStream, type StreamEnd, type StreamEvent } from './event-stream';
import { api } from './http';
import type { Page } from './types';

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
  createdAt?: string;
  startedAt?: string | null;
  finishedAt?: string | null;
}

export interface JobListQuery {
  type?: string;
  module?: string;
  state?: JobState;
  limit: number;
  cursor?: string | null;
}

export const jobsApi = {
  /** Newest first; a user sees their own jobs, an admin every job of the operation. */
  list: (query: JobListQuery) => {
    const params = new URLSearchParams({ limit: String(query.limit) });
    for (const key of ['type', 'module', 'state', 'cursor'] as const) if (query[key]) params.set(key, String(query[key]));
    return api<Page<JobView>>('GET', `/api/v1/jobs?${params}`);
  },
  /** 202 at once with the new job's id and state; the rest comes from `get` and `events`. */
  start: (type: string, payload: Record<string, unknown>) => api<Pick<JobView, 'id' | 'state'>>('POST', '/api/v1/jobs', { type, payload }),
  get: (id: string) => api<JobView>('GET', `/api/v1/jobs/${encodeURIComponent(id)}`),
  /** Asks the job to stop; its stream then ends with `cancelled`. */
  cancel: (id: string) => api<JobView>('POST', `/api/v1/jobs/${encodeURIComponent(id)}/cancel`),
  /** The job's server-sent events, each carrying the job as a `JobView`: `progress` on each change, then `completed`, `failed` or `cancelled`, and the stream ends. */
  events: (id: string, onEvent: (event: StreamEvent) => void, signal: AbortSignal): Promise<StreamEnd> => readEventStream(`/api/v1/jobs/${encodeURIComponent(id)}/events`, onEvent, signal),
};

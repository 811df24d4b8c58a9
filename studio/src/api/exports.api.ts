import { apiDownload, api } from './http';
import type { JobState } from './jobs.api';
import type { FilterNode, Page, SortInput } from './types';

export type ExportFormat = 'xlsx' | 'csv';

/** One of the user's exports (GET /api/v1/exports): the job while it runs, the file and its download once done. */
export interface ExportItem {
  id: string;
  module: string | null;
  format: ExportFormat | null;
  state: JobState;
  progress: number;
  processed: number;
  total: number;
  createdAt: string;
  finishedAt: string | null;
  error: { code: string; message: { es: string; en: string } } | null;
  file: { name: string; rows: number; size: number; expiresAt: string; expired: boolean } | null;
  downloadPath: string | null;
}

/** A table view as a background export asks for it. */
export interface ExportRequest {
  module: string;
  filter: FilterNode | undefined;
  columns: string[];
  sort: SortInput[];
  format: ExportFormat;
  language: 'es' | 'en';
  timeZone: string;
}

const enc = encodeURIComponent;

export const exportsApi = {
  list: (limit: number, cursor: string | null) => api<Page<ExportItem>>('GET', `/api/v1/exports?limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ''}`),
  /** Starts a `records.export` job; 202 with its id. */
  start: ({ filter, ...rest }: ExportRequest) => api<{ id: string; state: JobState }>('POST', '/api/v1/jobs', { type: 'records.export', payload: { ...rest, ...(filter && { filter }) } }),
  /** Downloads with the session and the link's token (the server checks both are the same user's). */
  download: (id: string, token: string, fallbackName: string) => apiDownload(`/api/v1/exports/${enc(id)}/download?token=${enc(token)}`, fallbackName),
  downloadPath: (path: string, fallbackName: string) => apiDownload(path, fallbackName),
};

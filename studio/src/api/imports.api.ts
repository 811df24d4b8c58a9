import type { ColumnMapping, ImportValueOptions, RowIssue } from '@crm/engine';
import type { Lang, Localized } from '../i18n/i18n';
import { api, apiDownload, apiUpload } from './http';
import { jobsApi, type JobView } from './jobs.api';
import type { Page } from './types';

export type { ColumnMapping, ImportValueOptions, RowIssue };

const enc = encodeURIComponent;

export type ImportFormat = 'csv' | 'xlsx';
export type ImportEncoding = 'utf-8' | 'windows-1252';
export type ImportDelimiter = ',' | ';' | '\t' | '|';
export type ImportMode = 'insert' | 'update' | 'upsert';

/** An uploaded file, kept by the server for the preview and the job. */
export interface ImportFile {
  id: string;
  name: string;
  size: number;
  format: ImportFormat;
}

/** How the file is read; absent members are detected by the server. */
export interface ImportSource {
  fileId: string;
  module: string;
  sheet?: string;
  encoding?: ImportEncoding;
  delimiter?: ImportDelimiter;
}

export interface PreviewRequest extends ImportSource {
  mapping?: ColumnMapping[];
  options?: ImportValueOptions;
}

export interface PreviewRow {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  cells: string[];
  /** The values as they will be stored, by field key. */
  values: Record<string, unknown>;
  issues: RowIssue[];
}

export interface ImportPreview {
  file: ImportFile;
  encoding: ImportEncoding | null;
  delimiter: ImportDelimiter | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  mapping: ColumnMapping[];
  options: ImportValueOptions;
  rows: PreviewRow[];
}

export interface SavedMapping {
  id: string;
  name: string;
  mapping: ColumnMapping[];
  options: ImportValueOptions;
  createdAt: string;
}

/** The payload of a `records.import` job; `validateOnly` reads the whole file and writes nothing. */
export interface ImportJobPayload extends ImportSource {
  mapping: ColumnMapping[];
  options: ImportValueOptions;
  mode: ImportMode;
  keyFields?: string[];
  skipDuplicates?: boolean;
  validateOnly?: boolean;
}

/** `job.result` of a finished import or validation. */
export interface ImportResult {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  errorCount: number;
  elapsedMs: number;
  validateOnly: boolean;
  backup: boolean;
}

export interface FailedRow {
  line: number;
  cells: string[];
  issues: RowIssue[];
}

export interface Person {
  id: string;
  name: string;
}

export interface ImportEntry {
  job: JobView;
  module: string;
  fileName: string;
  mode: ImportMode;
  validateOnly: boolean;
  createdAt: string;
  createdBy: Person | null;
}

export interface ImportBackup {
  /** The import job whose changes it keeps. */
  id: string;
  module: string;
  createdAt: string;
  createdBy: Person | null;
  records: number;
  restoredAt: string | null;
  restoreJobId: string | null;
}

/** `job.result` of a `records.restore` job. */
export interface RestoreResult {
  total: number;
  restored: number;
  unchanged: number;
  conflicts: number;
  /** Records whose fields others changed after the load: those fields were left as they are. */
  conflictList: { recordId: string; fields: string[] }[];
}

/** The 409 body when another import of the module is queued or running. */
export interface ExclusiveRefusal {
  code: 'job_exclusive';
  message: Localized;
  jobId: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type the upload declares: the browser's when it knows one, else by the file's extension. */
export function uploadType(file: { name: string; type: string }): string {
  if (file.type === XLSX_TYPE || file.type === 'text/csv') return file.type;
  if (/\.xlsx$/i.test(file.name)) return XLSX_TYPE;
  if (/\.(csv|txt)$/i.test(file.name)) return 'text/csv';
  return 'application/octet-stream';
}

const pageQuery = (limit: number, cursor?: string | null) => `limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ''}`;

/** The import endpoints (issue 10): upload, preview, example file, saved mappings, the job, failed rows, history, backups and restore. */
export const importsApi = {
  upload: (file: File) => apiUpload<ImportFile>(`/api/v1/imports/files?name=${enc(file.name)}`, file, uploadType(file)),
  preview: (request: PreviewRequest) => api<ImportPreview>('POST', '/api/v1/imports/preview', request),
  downloadExample: (module: string, format: ImportFormat, lang: Lang) => apiDownload(`/api/v1/imports/example/${enc(module)}?format=${format}&lang=${lang}`, `${module}.${format}`),
  mappings: (module: string) => api<{ items: SavedMapping[] }>('GET', `/api/v1/imports/mappings/${enc(module)}`),
  saveMapping: (module: string, name: string, mapping: ColumnMapping[], options: ImportValueOptions) =>
    api<SavedMapping>('POST', `/api/v1/imports/mappings/${enc(module)}`, { name, mapping, options }),
  deleteMapping: (module: string, id: string) => api<void>('DELETE', `/api/v1/imports/mappings/${enc(module)}/${enc(id)}`),
  start: (payload: ImportJobPayload) => jobsApi.start('records.import', { ...payload }),
  failures: (jobId: string, limit: number, cursor?: string | null) => api<Page<FailedRow>>('GET', `/api/v1/imports/${enc(jobId)}/failures?format=json&${pageQuery(limit, cursor)}`),
  downloadFailures: (jobId: string, lang: Lang) => apiDownload(`/api/v1/imports/${enc(jobId)}/failures?lang=${lang}`, `failures-${jobId}.csv`),
  history: (module: string, limit: number, cursor?: string | null) => api<Page<ImportEntry>>('GET', `/api/v1/imports?module=${enc(module)}&${pageQuery(limit, cursor)}`),
  backups: (module: string, limit: number, cursor?: string | null) => api<Page<ImportBackup>>('GET', `/api/v1/imports/backups?module=${enc(module)}&${pageQuery(limit, cursor)}`),
  restore: (backupId: string) => jobsApi.start('records.restore', { backupId }),
};

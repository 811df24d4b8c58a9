import type { KeeperRule } from '@crm/engine';
import { api } from './http';
import { jobsApi } from './jobs.api';
import type { Page } from './types';

const enc = encodeURIComponent;

export type DuplicateMode = 'exact' | 'normalised';

/** A duplicates query (B3): the fields compared, how, and the created / modified ranges (ISO instants, `to` exclusive). */
export interface DuplicateQuery {
  fields: string[];
  mode: DuplicateMode;
  digitsOnly?: string[];
  created?: { from?: string; to?: string };
  modified?: { from?: string; to?: string };
}

export interface DuplicateGroup {
  key: string[];
  count: number;
  ids: string[];
}

export interface MergeGroup {
  keep: string;
  merge: string[];
  values?: Record<string, string>;
}

export interface MergeSummary {
  id: string;
  module: string;
  jobId: string | null;
  keptId: string;
  mergedIds: string[];
  fields: string[];
  links: Record<string, number>;
  createdAt: string;
  createdBy: { id: string; name: string | null } | null;
  undoneAt: string | null;
  undoJobId: string | null;
}

/** What `records.merge` answers when it ends. */
export interface MergeResult {
  total: number;
  merged: number;
  failed: number;
  merges: { mergeId: string; keptId: string; mergedIds: string[] }[];
  errors: { ids: string[]; code: string; message: { es: string; en: string } }[];
}

export const mergesApi = {
  duplicates: (module: string, query: DuplicateQuery, limit: number, cursor: string | null) =>
    api<Page<DuplicateGroup> & { records: number }>('POST', `/api/v1/records/${enc(module)}/duplicates`, { ...query, limit, ...(cursor && { cursor }) }),
  /** Merges the given groups (`records.merge`). */
  merge: (module: string, groups: MergeGroup[]) => jobsApi.start('records.merge', { module, groups }),
  /** Merges every group the query finds, the keeper of each chosen by `rule`. */
  mergeAll: (module: string, rule: KeeperRule, duplicates: DuplicateQuery) => jobsApi.start('records.merge', { module, rule, duplicates }),
  list: (module: string, limit: number, cursor: string | null) => api<Page<MergeSummary>>('GET', `/api/v1/merges?module=${enc(module)}&limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ''}`),
  /** Where a merged record went; 404 when it is in no merge that stands. */
  mergedInto: (module: string, id: string) => api<{ recordId: string; mergedInto: string; mergeId: string }>('GET', `/api/v1/merges/records/${enc(module)}/${enc(id)}`),
  undo: (mergeId: string) => api<{ id: string; state: string }>('POST', `/api/v1/merges/${enc(mergeId)}/undo`),
};

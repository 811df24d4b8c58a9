import type { FilterNode } from '../api/types';
import { jobsApi } from '../api/jobs.api';

/** What a `records.delete` job reports. */
export interface DeleteResult {
  total: number;
  deleted: number;
  refused: number;
  missing: number;
}

/** What a `records.undelete` job reports. */
export interface UndeleteResult {
  deleteJobId: string;
  total: number;
  restored: number;
  alreadyLive: number;
  /** Kept deleted: a live record took one of their unique values since. */
  refused: number;
}

/** Starts the delete of a selection: the ids when a few rows are ticked, else the filter the rows match (every record when none). */
export function startDelete(module: string, target: { ids: string[] } | { filter: FilterNode | undefined }) {
  const payload = 'ids' in target ? { module, ids: target.ids } : { module, filter: target.filter ?? { and: [] } };
  return jobsApi.start('records.delete', payload);
}

export const startUndelete = (deleteJobId: string) => jobsApi.start('records.undelete', { deleteJobId });

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';

/** A link a merge re-pointed from a merged record to the kept one: where it was and what it held. */
export interface MergeLink {
  module: string;
  record: string;
  field: string;
  old: string;
}

export interface NewMerge {
  module: string;
  jobId: string | null;
  keptId: string;
  mergedIds: string[];
  /** The kept record's values the merge changed, before and after. */
  keptBefore: Record<string, unknown>;
  keptAfter: Record<string, unknown>;
  links: MergeLink[];
  createdBy: string | null;
}

export interface StoredMerge extends NewMerge {
  id: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  undoJobId: string | null;
}

/** A merge as the list shows it: links counted by module, not listed. */
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

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

const SELECT = `m.id, m.module, m.job_id, m.kept_id, m.merged_ids::text[] AS merged_ids, m.kept_before, m.kept_after, m.links, m.created_by, m.created_at, m.undone_at, m.undone_by, m.undo_job_id`;

function stored(row: Record<string, unknown>): StoredMerge {
  return {
    id: row.id as string,
    module: row.module as string,
    jobId: (row.job_id as string | null) ?? null,
    keptId: row.kept_id as string,
    mergedIds: row.merged_ids as string[],
    keptBefore: row.kept_before as Record<string, unknown>,
    keptAfter: row.kept_after as Record<string, unknown>,
    links: row.links as MergeLink[],
    createdBy: (row.created_by as string | null) ?? null,
    createdAt: iso(row.created_at)!,
    undoneAt: iso(row.undone_at),
    undoneBy: (row.undone_by as string | null) ?? null,
    undoJobId: (row.undo_job_id as string | null) ?? null,
  };
}

/** `core.record_merges` and `core.record_merged`: each merge with what undoing it needs, and which record went into which. */
@Injectable()
export class RecordMergesRepository {
  async insert(db: EntityManager, operation: OperationRef, merge: NewMerge): Promise<string> {
    const [row] = await sqlRows<{ id: string }>(
      db,
      `INSERT INTO core.record_merges (operation_id, module, job_id, kept_id, merged_ids, kept_before, kept_after, links, created_by)
       VALUES ($1, $2, $3, $4, $5::uuid[], $6::jsonb, $7::jsonb, $8::jsonb, $9) RETURNING id`,
      [operation.id, merge.module, merge.jobId, merge.keptId, merge.mergedIds, JSON.stringify(merge.keptBefore), JSON.stringify(merge.keptAfter), JSON.stringify(merge.links), merge.createdBy],
    );
    await sqlRows(
      db,
      `INSERT INTO core.record_merged (operation_id, module, record_id, merge_id, merged_into)
       SELECT $1, $2, id, $3, $4 FROM unnest($5::uuid[]) AS id
       ON CONFLICT (operation_id, module, record_id) DO UPDATE SET merge_id = EXCLUDED.merge_id, merged_into = EXCLUDED.merged_into`,
      [operation.id, merge.module, row.id, merge.keptId, merge.mergedIds],
    );
    return row.id;
  }

  async find(db: EntityManager, operation: OperationRef, id: string, options: { lock?: boolean } = {}): Promise<StoredMerge | null> {
    const rows = await sqlRows(db, `SELECT ${SELECT} FROM core.record_merges m WHERE m.operation_id = $1 AND m.id = $2${options.lock ? ' FOR UPDATE' : ''}`, [operation.id, id]);
    return rows.length ? stored(rows[0]) : null;
  }

  /** Marks a merge undone and forgets which records it merged (they are live again). */
  async markUndone(db: EntityManager, operation: OperationRef, id: string, userId: string | null, jobId: string | null): Promise<void> {
    await sqlRows(db, `UPDATE core.record_merges SET undone_at = now(), undone_by = $3, undo_job_id = $4 WHERE operation_id = $1 AND id = $2`, [operation.id, id, userId, jobId]);
    await sqlRows(db, `DELETE FROM core.record_merged WHERE operation_id = $1 AND merge_id = $2`, [operation.id, id]);
  }

  /** Remembers the job undoing a merge, so a second undo is refused while it runs. */
  async claimUndo(db: EntityManager, operation: OperationRef, id: string, jobId: string): Promise<boolean> {
    const rows = await sqlRows(
      db,
      `UPDATE core.record_merges SET undo_job_id = $3 WHERE operation_id = $1 AND id = $2 AND undone_at IS NULL AND (undo_job_id IS NULL OR undo_job_id = $3) RETURNING id`,
      [operation.id, id, jobId],
    );
    return rows.length > 0;
  }

  /** The record `id` was merged into and by which merge, while that merge is not undone. */
  async mergedInto(db: EntityManager, operation: OperationRef, module: string, id: string): Promise<{ mergedInto: string; mergeId: string } | null> {
    const rows = await sqlRows<{ merged_into: string; merge_id: string }>(db, `SELECT merged_into, merge_id FROM core.record_merged WHERE operation_id = $1 AND module = $2 AND record_id = $3`, [
      operation.id,
      module,
      id,
    ]);
    return rows.length ? { mergedInto: rows[0].merged_into, mergeId: rows[0].merge_id } : null;
  }

  /** The module's merges, newest first. */
  async list(db: EntityManager, operation: OperationRef, module: string, limit: number, offset: number): Promise<{ items: MergeSummary[]; total: number }> {
    const rows = await sqlRows(
      db,
      `SELECT ${SELECT}, u.display_name AS user_name, count(*) OVER ()::int AS total
         FROM core.record_merges m LEFT JOIN core.users u ON u.id = m.created_by
        WHERE m.operation_id = $1 AND m.module = $2
        ORDER BY m.created_at DESC, m.id DESC LIMIT $3 OFFSET $4`,
      [operation.id, module, limit, offset],
    );
    const items = rows.map((row): MergeSummary => {
      const merge = stored(row);
      const links: Record<string, number> = {};
      for (const link of merge.links) links[link.module] = (links[link.module] ?? 0) + 1;
      return {
        id: merge.id,
        module: merge.module,
        jobId: merge.jobId,
        keptId: merge.keptId,
        mergedIds: merge.mergedIds,
        fields: Object.keys(merge.keptAfter),
        links,
        createdAt: merge.createdAt,
        createdBy: merge.createdBy ? { id: merge.createdBy, name: (row.user_name as string | null) ?? null } : null,
        undoneAt: merge.undoneAt,
        undoJobId: merge.undoJobId,
      };
    });
    return { items, total: rows.length ? Number(rows[0].total) : 0 };
  }
}

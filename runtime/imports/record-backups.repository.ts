import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sqlRows } from '../database/sql-rows';
import type { OperationRef } from '../core/operation-ref';

/** One record a load changed: the values of the fields it changed, before and after. */
export interface BackupEntry {
  recordId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface BackupSummary {
  id: string;
  module: string;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  records: number;
  restoredAt: string | null;
  restoreJobId: string | null;
}

interface StoredSummary {
  job_id: string;
  module: string;
  created_at: Date;
  created_by: string | null;
  user_name: string | null;
  records: number;
  restored_at: Date | null;
  restore_job_id: string | null;
}

const summary = (row: StoredSummary): BackupSummary => ({
  id: row.job_id,
  module: row.module,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by ? { id: row.created_by, name: row.user_name ?? '' } : null,
  records: row.records,
  restoredAt: row.restored_at ? row.restored_at.toISOString() : null,
  restoreJobId: row.restore_job_id,
});

/**
 * S3 backups: every record a load changes keeps the previous values of the
 * fields it changed (and the new ones, to tell later edits by others apart),
 * written in the same transaction as the change. One backup per job.
 */
@Injectable()
export class RecordBackupsRepository {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async keep(db: EntityManager, operation: OperationRef, module: string, jobId: string, userId: string | null, entries: BackupEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const [{ added }] = await sqlRows<{ added: number }>(
      db,
      `WITH added AS (
         INSERT INTO core.record_backups (job_id, operation_id, module, record_id, before, after)
         SELECT $1, $2, $3, e."recordId", e.before, e.after FROM jsonb_to_recordset($4::jsonb) AS e("recordId" uuid, before jsonb, after jsonb)
         ON CONFLICT (job_id, record_id) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS added FROM added`,
      [jobId, operation.id, module, JSON.stringify(entries)],
    );
    await db.query(
      `INSERT INTO core.backups (job_id, operation_id, module, records, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (job_id) DO UPDATE SET records = core.backups.records + EXCLUDED.records`,
      [jobId, operation.id, module, added, userId],
    );
  }

  async list(operation: OperationRef, module: string | undefined, limit: number, offset: number): Promise<{ items: BackupSummary[]; total: number }> {
    const params: unknown[] = [operation.id];
    const where = ['b.operation_id = $1'];
    if (module) where.push(`b.module = $${params.push(module)}`);
    const [{ total }] = await sqlRows<{ total: number }>(this.db.manager, `SELECT count(*)::int AS total FROM core.backups b WHERE ${where.join(' AND ')}`, params);
    const rows = await sqlRows<StoredSummary>(
      this.db.manager,
      `SELECT b.job_id, b.module, b.created_at, b.created_by, u.display_name AS user_name, b.records, b.restored_at, b.restore_job_id
         FROM core.backups b LEFT JOIN core.users u ON u.id = b.created_by
        WHERE ${where.join(' AND ')} ORDER BY b.created_at DESC, b.job_id DESC LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { items: rows.map(summary), total };
  }

  async find(operation: OperationRef, id: string, db: EntityManager = this.db.manager): Promise<BackupSummary | null> {
    const [row] = await sqlRows<StoredSummary>(
      db,
      `SELECT b.job_id, b.module, b.created_at, b.created_by, u.display_name AS user_name, b.records, b.restored_at, b.restore_job_id
         FROM core.backups b LEFT JOIN core.users u ON u.id = b.created_by WHERE b.operation_id = $1 AND b.job_id = $2`,
      [operation.id, id],
    );
    return row ? summary(row) : null;
  }

  /** A page of a backup's entries in record order, after `afterId`. */
  async entries(db: EntityManager, jobId: string, afterId: string | null, limit: number): Promise<BackupEntry[]> {
    return sqlRows<BackupEntry>(
      db,
      `SELECT record_id::text AS "recordId", before, after FROM core.record_backups WHERE job_id = $1 AND ($2::uuid IS NULL OR record_id > $2::uuid) ORDER BY record_id LIMIT $3`,
      [jobId, afterId, limit],
    );
  }

  async markRestored(db: EntityManager, operation: OperationRef, id: string, restoreJobId: string): Promise<void> {
    await db.query(`UPDATE core.backups SET restored_at = now(), restore_job_id = $3 WHERE operation_id = $1 AND job_id = $2`, [operation.id, id, restoreJobId]);
  }

  /** Claims the backup for one restore: a second restore while one runs, or after one finished, is refused by the caller. */
  async claimForRestore(db: EntityManager, operation: OperationRef, id: string, restoreJobId: string): Promise<boolean> {
    const rows = await sqlRows<{ job_id: string }>(
      db,
      `UPDATE core.backups SET restore_job_id = $3 WHERE operation_id = $1 AND job_id = $2 AND (restore_job_id IS NULL OR restore_job_id = $3) RETURNING job_id`,
      [operation.id, id, restoreJobId],
    );
    return rows.length > 0;
  }
}

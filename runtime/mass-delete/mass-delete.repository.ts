import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';

export interface StoredJob {
  id: string;
  type: string;
  state: string;
  module: string | null;
  createdBy: string | null;
}

const JOB_COLUMNS = `id, type, state, payload->>'module' AS module, created_by AS "createdBy"`;

/** A delete entry of the job that is still the record's last word: no restore or delete came after it (by hand, or another job). */
const STILL_DELETED_BY_IT = `NOT EXISTS (
  SELECT 1 FROM core.audit later
   WHERE later.operation_id = a.operation_id AND later.module = a.module AND later.record_id = a.record_id AND later.id > a.id AND later.action IN ('delete', 'restore'))`;

/** What a mass delete left behind: its audit entries (which records it deleted) and the jobs that undo it. */
@Injectable()
export class MassDeleteRepository {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** The records `jobId` deleted, in id order after `afterId` (read through the partial index on delete entries). */
  deletedBy(db: EntityManager, operation: OperationRef, module: string, jobId: string, afterId: string | null, limit: number): Promise<string[]> {
    return sqlRows<{ record_id: string }>(
      db,
      `SELECT a.record_id FROM core.audit a
        WHERE a.job_id = $1 AND a.action = 'delete' AND a.operation_id = $2 AND a.module = $3 AND ($4::uuid IS NULL OR a.record_id > $4::uuid) AND ${STILL_DELETED_BY_IT}
        ORDER BY a.record_id LIMIT ${limit}`,
      [jobId, operation.id, module, afterId],
    ).then((rows) => rows.map((row) => row.record_id));
  }

  async countDeletedBy(operation: OperationRef, module: string, jobId: string): Promise<number> {
    const [row] = await sqlRows<{ n: number }>(
      this.db.manager,
      `SELECT count(*)::int AS n FROM core.audit a WHERE a.job_id = $1 AND a.action = 'delete' AND a.operation_id = $2 AND a.module = $3 AND ${STILL_DELETED_BY_IT}`,
      [jobId, operation.id, module],
    );
    return row?.n ?? 0;
  }

  async job(operation: OperationRef, id: string): Promise<StoredJob | null> {
    const [row] = await sqlRows<StoredJob>(this.db.manager, `SELECT ${JOB_COLUMNS} FROM core.jobs WHERE id = $1 AND operation_id = $2`, [id, operation.id]);
    return row ?? null;
  }

  /** An undo of `deleteJobId` that is waiting, running or done (a failed or cancelled one may be tried again). */
  async undoOf(operation: OperationRef, deleteJobId: string): Promise<StoredJob | null> {
    const [row] = await sqlRows<StoredJob>(
      this.db.manager,
      `SELECT ${JOB_COLUMNS} FROM core.jobs
        WHERE operation_id = $1 AND type = 'records.undelete' AND payload->>'deleteJobId' = $2 AND state IN ('queued', 'running', 'completed')
        ORDER BY created_at DESC LIMIT 1`,
      [operation.id, deleteJobId],
    );
    return row ?? null;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';

export interface StoredJob {
  id: string;
  type: string;
  state: string;
  module: string | null;
}

/** What a mass delete left behind: its audit entries (which records it deleted) and the jobs that undo it. */
@Injectable()
export class MassDeleteRepository {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** The records `jobId` deleted, in id order after `afterId` (read through the partial index on delete entries). */
  deletedBy(db: EntityManager, operation: OperationRef, module: string, jobId: string, afterId: string | null, limit: number): Promise<string[]> {
    return sqlRows<{ record_id: string }>(
      db,
      `SELECT record_id FROM core.audit
        WHERE job_id = $1 AND action = 'delete' AND operation_id = $2 AND module = $3 AND ($4::uuid IS NULL OR record_id > $4::uuid)
        ORDER BY record_id LIMIT ${limit}`,
      [jobId, operation.id, module, afterId],
    ).then((rows) => rows.map((row) => row.record_id));
  }

  async countDeletedBy(operation: OperationRef, module: string, jobId: string): Promise<number> {
    const [row] = await sqlRows<{ n: number }>(this.db.manager, `SELECT count(*)::int AS n FROM core.audit WHERE job_id = $1 AND action = 'delete' AND operation_id = $2 AND module = $3`, [
      jobId,
      operation.id,
      module,
    ]);
    return row?.n ?? 0;
  }

  async job(operation: OperationRef, id: string): Promise<StoredJob | null> {
    const [row] = await sqlRows<StoredJob>(this.db.manager, `SELECT id, type, state, payload->>'module' AS module FROM core.jobs WHERE id = $1 AND operation_id = $2`, [id, operation.id]);
    return row ?? null;
  }

  /** An undo of `deleteJobId` that is waiting, running or done (a failed or cancelled one may be tried again). */
  async undoOf(operation: OperationRef, deleteJobId: string): Promise<StoredJob | null> {
    const [row] = await sqlRows<StoredJob>(
      this.db.manager,
      `SELECT id, type, state, payload->>'module' AS module FROM core.jobs
        WHERE operation_id = $1 AND type = 'records.undelete' AND payload->>'deleteJobId' = $2 AND state IN ('queued', 'running', 'completed')
        ORDER BY created_at DESC LIMIT 1`,
      [operation.id, deleteJobId],
    );
    return row ?? null;
  }
}

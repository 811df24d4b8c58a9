import type { RowIssue } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sqlRows } from '../database/sql-rows';

export interface ImportFailure {
  line: number;
  cells: string[];
  issues: RowIssue[];
}

/** Every row an import could not write, with its original cells: written in the chunk's transaction, so a resumed job never keeps one twice. */
@Injectable()
export class ImportFailuresRepository {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async write(db: EntityManager, jobId: string, failures: ImportFailure[]): Promise<void> {
    if (failures.length === 0) return;
    await db.query(
      `INSERT INTO core.import_failures (job_id, line, cells, issues)
       SELECT $1, f.line, f.cells, f.issues FROM jsonb_to_recordset($2::jsonb) AS f(line int, cells jsonb, issues jsonb)
       ON CONFLICT (job_id, line) DO NOTHING`,
      [jobId, JSON.stringify(failures)],
    );
  }

  async page(jobId: string, limit: number, afterLine: number): Promise<{ items: ImportFailure[]; total: number }> {
    const [{ total }] = await sqlRows<{ total: number }>(this.db.manager, `SELECT count(*)::int AS total FROM core.import_failures WHERE job_id = $1`, [jobId]);
    const items = await sqlRows<ImportFailure>(this.db.manager, `SELECT line, cells, issues FROM core.import_failures WHERE job_id = $1 AND line > $2 ORDER BY line LIMIT $3`, [
      jobId,
      afterLine,
      limit,
    ]);
    return { items, total };
  }

  /** Every failure in line order, a page at a time (a failed-rows file of any size streams). */
  async *all(jobId: string): AsyncGenerator<ImportFailure> {
    let after = 0;
    for (;;) {
      const { items } = await this.page(jobId, 1_000, after);
      if (items.length === 0) return;
      yield* items;
      after = items[items.length - 1].line;
    }
  }
}

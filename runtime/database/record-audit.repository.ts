import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import type { OperationRef } from '../core/operation-ref';
import { canCopy, copyIntoStaging, copyValue } from './sql-copy';
import { sqlRows } from './sql-rows';

/** `keptAside`: a module change cleared a value it could not convert; the entry keeps the old value. `merge` / `unmerge`: a duplicate merge (B3) and its undo. */
export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'keptAside' | 'merge' | 'unmerge';

/** One line of a record's history: a whole record on create, one field on update. */
export interface AuditEntry {
  recordId: string;
  action: AuditAction;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
}

export interface AuditAuthor {
  userId: string | null;
  jobId?: string | null;
}

export interface HistoryItem {
  id: number;
  at: string;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  userId: string | null;
  userName: string | null;
  jobId: string | null;
}

/** The staging table of a COPY audit write: the session's own, dropped once read. */
const STAGING = 'pg_temp.record_audit_rows';

/**
 * Writes `core.audit` (many entries per statement: one JSON array, or, for a
 * large batch on a real Postgres, COPY into a staging table; see
 * COPY_MIN_ROWS) and reads a record's history from it.
 */
@Injectable()
export class RecordAuditRepository {
  /** Without the configuration (the command-line schema client) entries always go as one JSON array. */
  constructor(@Optional() @Inject(RUNTIME_CONFIG) private readonly config?: RuntimeConfig) {}

  async write(db: EntityManager, operation: OperationRef, module: string, author: AuditAuthor, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const insert = (source: string, value: (column: string) => string) =>
      `INSERT INTO core.audit (operation_id, module, record_id, action, field, old_value, new_value, user_id, job_id, at)
       SELECT $1, $2, (${value('record_id')})::uuid, ${value('action')}, ${value('field')}, NULLIF(${value('old_value')}, 'null'::jsonb), NULLIF(${value('new_value')}, 'null'::jsonb),
              $3, $4, date_trunc('milliseconds', now())
         FROM ${source}
        ORDER BY e.n`;
    const params = [operation.id, module, author.userId, author.jobId ?? null];
    if (this.config && canCopy(db, this.config.databaseUrl === undefined, entries.length)) {
      const lines = function* () {
        let n = 0;
        for (const e of entries) {
          yield [String(n++), copyValue(e.recordId), copyValue(e.action), copyValue(e.field ?? null), copyValue(e.oldValue, 'json'), copyValue(e.newValue, 'json')].join('\t');
        }
      };
      await copyIntoStaging(db, STAGING, 'n integer, record_id uuid, action text, field text, old_value jsonb, new_value jsonb', lines());
      await sqlRows(
        db,
        insert(`${STAGING} AS e`, (column) => `e.${column}`),
        params,
      );
      await db.query(`DROP TABLE ${STAGING}`);
      return;
    }
    const payload = entries.map((e) => ({
      record_id: e.recordId,
      action: e.action,
      field: e.field ?? null,
      old_value: e.oldValue === undefined ? null : e.oldValue,
      new_value: e.newValue === undefined ? null : e.newValue,
    }));
    await sqlRows(
      db,
      insert(`jsonb_array_elements($5::jsonb) WITH ORDINALITY AS e(v, n)`, (column) => (column.endsWith('_value') ? `e.v->'${column}'` : `e.v->>'${column}'`)),
      [...params, JSON.stringify(payload)],
    );
  }

  /** Whether anything was ever written about a record (its history outlives the row's deletion). */
  async hasHistory(db: EntityManager, operation: OperationRef, module: string, recordId: string): Promise<boolean> {
    const rows = await sqlRows(db, `SELECT 1 FROM core.audit WHERE operation_id = $1 AND module = $2 AND record_id = $3 LIMIT 1`, [operation.id, module, recordId]);
    return rows.length > 0;
  }

  /** Newest first; `before` is the id of the last entry of the previous page. */
  async history(
    db: EntityManager,
    operation: OperationRef,
    module: string,
    recordId: string,
    page: { limit: number; before?: number; hiddenFields?: string[] },
  ): Promise<{ items: HistoryItem[]; total: number }> {
    const params: unknown[] = [operation.id, module, recordId, page.limit];
    // Entries of fields the reader may not see are left out (and not counted).
    const hidden = page.hiddenFields?.length ? page.hiddenFields : null;
    const notHidden = (n: number) => (hidden ? ` AND (a.field IS NULL OR NOT (a.field = ANY($${n}::text[])))` : '');
    const rows = await sqlRows<Record<string, unknown>>(
      db,
      `SELECT a.id, a.at, a.action, a.field, a.old_value, a.new_value, a.user_id, a.job_id, u.display_name
         FROM core.audit a
         LEFT JOIN core.users u ON u.id = a.user_id
        WHERE a.operation_id = $1 AND a.module = $2 AND a.record_id = $3${page.before === undefined ? '' : ` AND a.id < $${params.push(page.before)}`}${hidden ? notHidden(params.push(hidden)) : ''}
        ORDER BY a.id DESC
        LIMIT $4`,
      params,
    );
    const [count] = await sqlRows<{ n: string }>(db, `SELECT count(*) AS n FROM core.audit a WHERE a.operation_id = $1 AND a.module = $2 AND a.record_id = $3${notHidden(4)}`, [
      operation.id,
      module,
      recordId,
      ...(hidden ? [hidden] : []),
    ]);
    return {
      total: Number(count.n),
      items: rows.map((r) => ({
        id: Number(r.id),
        at: (r.at instanceof Date ? r.at : new Date(String(r.at))).toISOString(),
        action: String(r.action),
        field: (r.field as string | null) ?? null,
        oldValue: r.old_value ?? null,
        newValue: r.new_value ?? null,
        userId: (r.user_id as string | null) ?? null,
        userName: (r.display_name as string | null) ?? null,
        jobId: (r.job_id as string | null) ?? null,
      })),
    };
  }
}

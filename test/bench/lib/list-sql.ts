/**
 * The list request of the benchmark, and the same SQL written by hand for the
 * raw baseline: what the records API sends for it (runtime/records/
 * record-query.sql-compiler.ts), written out here without the engine, the
 * compiler or TypeORM:
 *  - the page: system columns and every field (dates as text), the sort value
 *    for the cursor, `deleted_at IS NULL AND nombre ILIKE '%term%'` (LIKE's
 *    wildcards escaped), ORDER BY the sort column DESC NULLS FIRST then r.id ASC,
 *    LIMIT 51 (one more than the page, to know whether another follows);
 *  - the total: count(*) over the same condition, stopped after COUNT_LIMIT + 1
 *    rows (the constant is imported from the compiler, so the two cannot
 *    drift), sent at the same time on a second connection (the API answers
 *    `{ items, total, nextCursor }` unless the body says `count: false`).
 */
import type { Pool } from 'pg';
import { COUNT_LIMIT } from '../../../runtime/records/record-query.sql-compiler';
import contactos from '../../../modules-catalog/contactos.module.json';

export const LIST_PAGE = 50;

/** Sort keys the benchmark uses: the API's field key → the column. */
export const SORT_COLUMNS: Record<string, string> = { ultima_actividad: 'ultima_actividad', createdAt: 'created_at' };

export function listRequestBody(term: string, sortField: string, count: boolean) {
  return {
    filter: { field: 'nombre', op: 'contains', value: term },
    sort: [{ field: sortField, dir: 'desc' }],
    limit: LIST_PAGE,
    ...(!count && { count: false }),
  };
}

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const fieldColumns = (contactos.fields as { key: string; type: string; archived?: boolean }[])
  .filter((f) => !f.archived)
  .map((f) => (f.type === 'date' ? `to_char(r."${f.key}", 'YYYY-MM-DD') AS "${f.key}"` : `r."${f.key}"`));

export interface RawList {
  pageSql: string;
  countSql: string;
  /** Page (and total when `count`) through pg, in parallel like the API. */
  run(term: string): Promise<{ rows: { id: string }[]; total: number | null }>;
}

export function rawList(pool: Pool, schema: string, sortField: string, count: boolean): RawList {
  const column = `r."${SORT_COLUMNS[sortField]}"`;
  const pageSql = `SELECT r.id, r.version, r.created_at, r.created_by, r.updated_at, r.updated_by, r.owner, r.assignee, r.deleted_at, ${fieldColumns.join(', ')},
           to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "$s0"
      FROM "${schema}"."contactos" AS r
     WHERE r.deleted_at IS NULL AND r."nombre" ILIKE $1
     ORDER BY ${column} DESC NULLS FIRST, r.id ASC
     LIMIT $2`;
  const countSql = `SELECT count(*) AS total FROM (SELECT 1 FROM "${schema}"."contactos" AS r WHERE r.deleted_at IS NULL AND r."nombre" ILIKE $1 LIMIT ${COUNT_LIMIT + 1}) AS counted`;
  return {
    pageSql,
    countSql,
    async run(term: string) {
      const pattern = likePattern(term);
      const [page, counted] = await Promise.all([pool.query<{ id: string }>(pageSql, [pattern, LIST_PAGE + 1]), count ? pool.query<{ total: string }>(countSql, [pattern]) : null]);
      return { rows: page.rows, total: counted ? Math.min(Number(counted.rows[0].total), COUNT_LIMIT) : null };
    },
  };
}

import { KEY_FOLD_FROM, KEY_FOLD_TO, KEY_NOT_DIGITS, KEY_SPACES } from '@crm/engine';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { ident, table } from '../database/sql';
import { sqlRows } from '../database/sql-rows';
import type { DuplicateKeyField, DuplicateQuery } from './duplicate-query.reader';

/** One group of duplicates: its key (one value per field, normalised), how many records and their ids (newest first). */
export interface DuplicateGroup {
  key: string[];
  count: number;
  ids: string[];
}

/** Ids answered per group; the count covers them all. */
export const GROUP_IDS_SHOWN = 100;

/**
 * Finds duplicates with one statement: every live record in the date ranges
 * gets its key (the normalising SQL expression of each field, built from the
 * engine's own tables), and Postgres groups them (`GROUP BY … HAVING count(*) > 1`).
 * Nothing is read into Node but the page of groups.
 */
@Injectable()
export class DuplicatesRepository {
  /** A page of groups, largest first; `visibleUserIds` limits it to the records the caller sees. */
  async page(
    db: EntityManager,
    operation: OperationRef,
    module: string,
    query: DuplicateQuery,
    page: { limit: number; offset: number },
    visibleUserIds: ReadonlySet<string> | null,
  ): Promise<{ items: DuplicateGroup[]; total: number; records: number }> {
    const built = this.grouped(operation, module, query, visibleUserIds);
    const order = query.fields.map((_, i) => `k${i}`).join(', ');
    // The totals ride on the page's rows (window functions over the same grouping), so the grouping runs once.
    const rows = await sqlRows<Record<string, unknown>>(
      db,
      `${built.sql} SELECT g.*, count(*) OVER ()::int AS total, (sum(g.n) OVER ())::int AS records FROM grouped g ORDER BY g.n DESC, ${order} LIMIT $${built.params.length + 1} OFFSET $${built.params.length + 2}`,
      [...built.params, page.limit, page.offset],
    );
    if (rows.length === 0 && page.offset > 0) {
      // Past the last page: the totals still say how many there are.
      const totals = await this.totals(db, operation, module, query, visibleUserIds);
      return { items: [], total: totals.groups, records: totals.records };
    }
    return { items: rows.map((row) => this.group(row, query)), total: rows.length ? Number(rows[0].total) : 0, records: rows.length ? Number(rows[0].records) : 0 };
  }

  /** Groups after `after` (a key), in key order: how a job walks every group of a query once, even while it merges them. */
  async after(
    db: EntityManager,
    operation: OperationRef,
    module: string,
    query: DuplicateQuery,
    after: string[] | null,
    limit: number,
    visibleUserIds: ReadonlySet<string> | null,
  ): Promise<DuplicateGroup[]> {
    const built = this.grouped(operation, module, query, visibleUserIds);
    const keys = query.fields.map((_, i) => `g.k${i}`);
    const params = [...built.params];
    let where = '';
    if (after) {
      const start = params.length;
      params.push(...after);
      where = `WHERE (${keys.join(', ')}) > (${after.map((_, i) => `$${start + i + 1}::text`).join(', ')})`;
    }
    params.push(limit);
    const rows = await sqlRows<Record<string, unknown>>(db, `${built.sql} SELECT g.* FROM grouped g ${where} ORDER BY ${keys.join(', ')} LIMIT $${params.length}`, params);
    return rows.map((row) => this.group(row, query));
  }

  /** The number of groups and of records in them. */
  async totals(db: EntityManager, operation: OperationRef, module: string, query: DuplicateQuery, visibleUserIds: ReadonlySet<string> | null): Promise<{ groups: number; records: number }> {
    const built = this.grouped(operation, module, query, visibleUserIds);
    const [row] = await sqlRows<{ groups: number; records: number | null }>(db, `${built.sql} SELECT count(*)::int AS groups, sum(n)::int AS records FROM grouped`, built.params);
    return { groups: row.groups, records: row.records ?? 0 };
  }

  private group(row: Record<string, unknown>, query: DuplicateQuery): DuplicateGroup {
    return { key: query.fields.map((_, i) => String(row[`k${i}`])), count: Number(row.n), ids: row.ids as string[] };
  }

  /** `WITH keyed AS (…), grouped AS (…)`: the shared head of every statement here. */
  private grouped(operation: OperationRef, module: string, query: DuplicateQuery, visibleUserIds: ReadonlySet<string> | null): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const keys = query.fields.map((f, i) => `${keyExpression(f, param)} AS k${i}`);
    const where = ['r.deleted_at IS NULL'];
    const dateRange = (column: string, range: DuplicateQuery['created']) => {
      if (range?.from) where.push(`r.${column} >= ${param(range.from)}::timestamptz`);
      if (range?.to) where.push(`r.${column} < ${param(range.to)}::timestamptz`);
    };
    dateRange('created_at', query.created);
    dateRange('updated_at', query.modified);
    if (visibleUserIds) {
      const users = param([...visibleUserIds]);
      where.push(`(r.owner = ANY(${users}::uuid[]) OR r.assignee = ANY(${users}::uuid[]))`);
    }
    const names = query.fields.map((_, i) => `k${i}`);
    const sql = `WITH keyed AS (
        SELECT r.id, r.created_at, ${keys.join(', ')} FROM ${table(operation.schemaName, module)} AS r WHERE ${where.join(' AND ')}
      ), grouped AS (
        SELECT ${names.join(', ')}, count(*)::int AS n, (array_agg(id ORDER BY created_at DESC, id))[1:${GROUP_IDS_SHOWN}]::text[] AS ids
          FROM keyed WHERE ${names.map((n) => `${n} IS NOT NULL`).join(' AND ')}
         GROUP BY ${names.join(', ')} HAVING count(*) > 1
      )`;
    return { sql, params };
  }
}

/** The SQL of `duplicateKey` (engine/merge/duplicate-key.ts) over one column, with the same tables and patterns. */
function keyExpression({ field, how }: DuplicateKeyField, param: (value: unknown) => string): string {
  const column = `r.${ident(field.key)}::text`;
  if (how === 'digits') return `NULLIF(regexp_replace(${column}, ${param(KEY_NOT_DIGITS)}, '', 'g'), '')`;
  if (how === 'text') {
    return `NULLIF(btrim(regexp_replace(translate(${column}, ${param(KEY_FOLD_FROM)}, ${param(KEY_FOLD_TO)}), ${param(KEY_SPACES)}, ' ', 'g'), ' '), '')`;
  }
  return `NULLIF(${column}, '')`;
}

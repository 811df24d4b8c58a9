import { compileQuery, encodeCursor, issue, operatorsFor, type RecordValues, valueKind } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import type { RecordAccess } from './record-access.policy';
import { withClientErrors } from './record-db.errors';
import { RecordComputedFields } from './record-computed.fields';
import { RecordExpander } from './record-expander';
import { activeFields, RECORD_SYSTEM_KEYS } from './record-fields';
import { COUNT_LIMIT, compileRecordQuery, cursorFits, type DeletedScope } from './record-query.sql-compiler';
import { rowToRecord } from './record-row.mapper';
import { sqlRows } from '../database/sql-rows';

export interface RecordPage {
  items: RecordValues[];
  /** Records matching the filter, at most COUNT_LIMIT; null when the client asked not to count (`count: false`). */
  total: number | null;
  /** Present when more than COUNT_LIMIT records match: `total` is then the limit, not the exact count. */
  totalCapped?: true;
  nextCursor: string | null;
}

export const SEARCH_LIMIT = { default: 20, max: 100 } as const;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Lists (filter tree, sort, cursor or offset paging, projection, expand) and quick search. */
@Injectable()
export class RecordQueryService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordExpander) private readonly expander: RecordExpander,
    @Inject(RecordComputedFields) private readonly computed: RecordComputedFields,
  ) {}

  /** With `access`: hidden fields are unknown (400 when filtered, sorted, projected or expanded) and only visible records are listed. */
  async query(operation: OperationRef, module: string, body: unknown, deleted: DeletedScope = 'exclude', access?: RecordAccess): Promise<RecordPage> {
    const stored = await this.definitions.get(operation, module);
    const definition = access ? access.view(stored) : stored;
    const input = body === undefined || body === null ? {} : body;
    const countInput = isObject(input) ? input.count : undefined;
    if (countInput !== undefined && typeof countInput !== 'boolean' && countInput !== 'exact') throw ApiError.validation([issue('count', 'type', { expected: 'boolean | "exact"' })]);
    const compiled = compileQuery(definition, input);
    if (!compiled.ok) throw ApiError.validation(compiled.issues);
    const query = compiled.value;
    if (!cursorFits(definition, query)) throw ApiError.validation([issue('cursor', 'query.cursor')]);
    if (access) query.filter = access.scopeFilter(query.filter);
    // Lists count up to COUNT_LIMIT by default; selecting or exporting every match asks for `count: "exact"`.
    const count = countInput === false ? false : countInput === 'exact' ? 'exact' : true;
    // Expanded lookups are returned even when `fields` leaves them out.
    if (query.fields.length) query.fields = [...new Set([...query.fields, ...query.expand])];
    const sql = compileRecordQuery(operation.schemaName, definition, query, { deleted, count });

    const [rows, counted] = await withClientErrors(definition, () =>
      Promise.all([sqlRows(this.db.manager, sql.page.text, sql.page.values), sql.count ? sqlRows<{ total: string }>(this.db.manager, sql.count.text, sql.count.values) : null]),
    );
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    const fields = query.fields.length ? activeFields(definition).filter((f) => query.fields.includes(f.key)) : activeFields(definition);
    const wanted = query.fields.length ? new Set<string>([...RECORD_SYSTEM_KEYS, 'deletedAt', ...query.fields]) : null;
    const items: RecordValues[] = page.map((row) => {
      const record = rowToRecord(row, fields);
      if (!wanted) return this.computed.apply(definition, record);
      return Object.fromEntries(Object.entries(record).filter(([key]) => wanted.has(key)));
    });
    if (query.expand.length) await this.expander.expand(operation, definition, items, query.expand, access);
    const last = page[page.length - 1];
    return {
      items,
      total: counted ? (count === 'exact' ? Number(counted[0].total) : Math.min(Number(counted[0].total), COUNT_LIMIT)) : null,
      ...(counted && count !== 'exact' && Number(counted[0].total) > COUNT_LIMIT && { totalCapped: true as const }),
      nextCursor: more && last ? encodeCursor({ values: sql.sortAliases.map((alias) => last[alias] ?? null), id: String(last.id) }) : null,
    };
  }

  /** Quick search: the text in any searchable field (ILIKE, OR'ed), most recently updated first. */
  async search(operation: OperationRef, module: string, text: string | undefined, limit: number, cursor?: string, access?: RecordAccess): Promise<RecordPage> {
    const stored = await this.definitions.get(operation, module);
    // Hidden fields are not searched: a match would reveal their values.
    const definition = access ? access.view(stored) : stored;
    const q = (text ?? '').trim();
    const searchable = activeFields(definition).filter((f) => f.searchable && valueKind(f) === 'string' && operatorsFor(f).includes('contains'));
    if (q && searchable.length === 0) return { items: [], total: 0, nextCursor: null };
    const body = {
      ...(q && { filter: { or: searchable.map((f) => ({ field: f.key, op: 'contains', value: q })) } }),
      sort: [{ field: 'updatedAt', dir: 'desc' }],
      limit,
      ...(cursor !== undefined && { cursor }),
    };
    return this.query(operation, module, body, 'exclude', access);
  }
}

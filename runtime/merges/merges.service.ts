import { issue } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import type { Caller } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { moduleRight } from '../core/profile-permissions';
import { JobsService } from '../jobs/jobs.service';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { readDuplicateQuery } from './duplicate-query.reader';
import { type DuplicateGroup, DuplicatesRepository } from './duplicates.repository';
import { MergeErrors } from './merge.errors';
import { RecordMergesRepository, type MergeSummary } from './record-merges.repository';
import { isUuid } from '../core/uuid';
import { MERGES_PAGE, type MergesListQuery } from './dto/merges-list.query';

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

const MAX_LIMIT = 200;

function pageOf(limit: unknown, cursor: unknown): { limit: number; offset: number } {
  const n = limit === undefined || limit === '' || limit === null ? 50 : Number(limit);
  const o = cursor === undefined || cursor === '' || cursor === null ? 0 : Number(cursor);
  const issues = [];
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) issues.push(issue('limit', 'query.limit', { limit: MAX_LIMIT }));
  if (!Number.isInteger(o) || o < 0 || o > 1_000_000) issues.push(issue('cursor', 'query.cursor'));
  if (issues.length) throw ApiError.validation(issues);
  return { limit: n, offset: o };
}

/** Finding duplicates, the list of merges and undo (B3); the merge itself is the `records.merge` job. */
@Injectable()
export class MergesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordAccessResolver) private readonly access: RecordAccessResolver,
    @Inject(DuplicatesRepository) private readonly duplicates: DuplicatesRepository,
    @Inject(RecordMergesRepository) private readonly merges: RecordMergesRepository,
    @Inject(JobsService) private readonly jobs: JobsService,
  ) {}

  /** Groups of live records sharing the key of `fields`, largest first, among the records the caller sees. Body: the query plus `limit` and `cursor`. */
  async find(operation: OperationRef, caller: Caller, module: string, body: unknown): Promise<Page<DuplicateGroup> & { records: number }> {
    const definition = await this.definitions.get(operation, module);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw ApiError.validation([issue('', 'record')]);
    const { limit, cursor, ...rest } = body as Record<string, unknown>;
    const page = pageOf(limit, cursor);
    const access = await this.access.forCaller(operation, caller);
    const read = readDuplicateQuery(rest, definition, access.hiddenFields(definition));
    if (!read.ok) throw ApiError.validation(read.issues);
    const found = await this.duplicates.page(this.db.manager, operation, module, read.query, page, access.visibleUserIds);
    const next = page.offset + found.items.length;
    return { items: found.items, total: found.total, records: found.records, nextCursor: next < found.total ? String(next) : null };
  }

  async list(operation: OperationRef, caller: Caller, query: MergesListQuery): Promise<Page<MergeSummary>> {
    const { module } = query;
    if (caller.permissions && !moduleRight(caller.permissions, module, 'view')) throw MergeErrors.forbidden(module);
    await this.definitions.get(operation, module);
    const page = { limit: query.limit ?? MERGES_PAGE.default, offset: query.cursor ? Number(query.cursor) : 0 };
    const found = await this.merges.list(this.db.manager, operation, module, page.limit, page.offset);
    const next = page.offset + found.items.length;
    return { items: found.items, total: found.total, nextCursor: next < found.total ? String(next) : null };
  }

  /** Where a merged record went (`mergedInto`), or 404 when it is in no merge that stands. */
  async mergedInto(operation: OperationRef, caller: Caller, module: string, id: string): Promise<{ recordId: string; mergedInto: string; mergeId: string }> {
    if (caller.permissions && !moduleRight(caller.permissions, module, 'view')) throw MergeErrors.forbidden(module);
    await this.definitions.get(operation, module);
    const found = isUuid(id) ? await this.merges.mergedInto(this.db.manager, operation, module, id.toLowerCase()) : null;
    if (!found) throw MergeErrors.notMerged(module, id);
    return { recordId: id.toLowerCase(), ...found };
  }

  /** Starts `records.unmerge` for one merge (the job checks the rights and that it is not undone). */
  async undo(operation: OperationRef, caller: Caller, mergeId: string): Promise<{ id: string; state: string }> {
    const row = await this.jobs.enqueue(operation, 'records.unmerge', { mergeId }, caller.userId, caller.permissions);
    return { id: row.id, state: row.state };
  }
}

import type { Issue, ModuleDefinition } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { fieldsRefused, type RecordAccess } from './record-access.policy';
import { RecordAccessResolver } from './record-access.resolver';
import { RecordComputedFields } from './record-computed.fields';
import { RecordBulkWriter, type BulkWriteOptions, type BulkWriteResult } from './record-bulk.writer';
import { withClientErrors } from './record-db.errors';
import { isUuid } from '../core/uuid';
import { readWriteInput } from './record-input.reader';
import type { ApiRecord } from './record-row.mapper';
import { RecordWritePipeline, type WriteRow } from './record-write.pipeline';
import { RecordErrors } from './record.errors';
import { RecordRepository } from './record.repository';

/** Who writes: the user (null for the platform token) and the language plugins answer in. */
export interface RecordAuthor {
  userId: string | null;
  locale: 'es' | 'en';
  /** What the author may see and change (record-access.policy.ts); none = no restriction (platform, system writes). */
  access?: RecordAccess;
}

/**
 * The record routes' writes: access checks, the optimistic lock, and one
 * transaction around the write pipeline (record-write.pipeline.ts), which does
 * the rest. Reads of single records live here too; lists and search are in
 * RecordQueryService.
 */
@Injectable()
export class RecordsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordRepository) private readonly records: RecordRepository,
    @Inject(RecordWritePipeline) private readonly pipeline: RecordWritePipeline,
    @Inject(RecordBulkWriter) private readonly bulk: RecordBulkWriter,
    @Inject(RecordAccessResolver) private readonly accessResolver: RecordAccessResolver,
    @Inject(RecordComputedFields) private readonly computed: RecordComputedFields,
  ) {}

  /** One record; with `access`, hidden fields are never read and a record the caller may not see does not exist (404). */
  async get(operation: OperationRef, module: string, id: string, access?: RecordAccess): Promise<ApiRecord> {
    const definition = await this.definitions.get(operation, module);
    const found = isUuid(id) ? await this.records.find(this.db.manager, operation, access ? access.view(definition) : definition, id) : null;
    if (!found || (access && !access.canSee(found))) throw ApiError.recordNotFound(module, id);
    return this.computed.apply(definition, found);
  }

  async create(operation: OperationRef, module: string, body: unknown, author: RecordAuthor): Promise<ApiRecord> {
    const definition = await this.definitions.get(operation, module);
    const read = readWriteInput(body, 'create');
    if (!read.ok) throw ApiError.validation(read.issues);
    const access = author.access;
    if (access) await access.assertWritable(module, read.input, null);
    return this.transaction(definition, async (db) => {
      const saved = this.computed.apply(definition, await this.writeOne(db, operation, definition, { index: 0, input: read.input, previous: null }, author));
      return access ? access.strip(definition, saved) : saved;
    });
  }

  /** A PATCH: `version` is the optimistic lock; a stale one gets 409 with the current record and changes nothing. */
  async update(operation: OperationRef, module: string, id: string, body: unknown, author: RecordAuthor): Promise<ApiRecord> {
    const definition = await this.definitions.get(operation, module);
    if (!isUuid(id)) throw ApiError.recordNotFound(module, id);
    const read = readWriteInput(body, 'update');
    if (!read.ok) throw ApiError.validation(read.issues);
    const { assign, version } = read.input;
    const access = author.access;
    if (access && (assign.owner !== undefined || assign.assignee !== undefined)) await access.prepareAssignment();
    return this.transaction(definition, async (db) => {
      const previous = await this.records.find(db, operation, definition, id);
      if (!previous || (access && !access.canSee(previous))) throw ApiError.recordNotFound(module, id);
      if (access) {
        access.assertEditable(module, previous);
        await access.assertWritable(module, read.input, previous);
      }
      if (previous.version !== version) throw RecordErrors.staleVersion(access ? access.strip(definition, previous) : previous);
      const saved = this.computed.apply(definition, await this.writeOne(db, operation, definition, { index: 0, input: read.input, previous }, author));
      return access ? access.strip(definition, saved) : saved;
    }).catch((error: unknown) => {
      throw access ? access.scrub(definition, error) : error;
    });
  }

  /** One row through the write pipeline; whatever stops it fails the request (and its transaction). */
  async writeOne(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, row: WriteRow, author: Pick<RecordAuthor, 'userId' | 'locale'>): Promise<ApiRecord> {
    const outcome = await this.pipeline.write(db, operation, definition, [row], { userId: author.userId, locale: author.locale });
    const failure = outcome.failures.get(row.index);
    if (failure?.kind === 'duplicate') throw RecordErrors.duplicate(failure.issues);
    if (failure?.kind === 'stale') throw await this.missingOrStale(db, operation, definition, row.previous!.id);
    if (failure) throw ApiError.validation(failure.issues);
    return outcome.saved.get(row.index)!;
  }

  /** Soft delete: the row stays (with its history) and disappears from reads and queries. `version`, when given, must be current. */
  async remove(operation: OperationRef, module: string, id: string, author: RecordAuthor, version?: number): Promise<ApiRecord> {
    const definition = await this.definitions.get(operation, module);
    if (!isUuid(id)) throw ApiError.recordNotFound(module, id);
    const access = author.access;
    return this.transaction(definition, async (db) => {
      if (access) {
        const current = await this.records.find(db, operation, definition, id);
        if (current) access.assertEditable(module, current);
      }
      const [deleted] = await this.pipeline.remove(db, operation, definition, [{ id, version }], author);
      if (!deleted) throw await this.missingOrStale(db, operation, definition, id);
      return access ? access.strip(definition, deleted) : deleted;
    }).catch((error: unknown) => {
      throw access ? access.scrub(definition, error) : error;
    });
  }

  async restore(operation: OperationRef, module: string, id: string, author: RecordAuthor): Promise<ApiRecord> {
    const definition = await this.definitions.get(operation, module);
    if (!isUuid(id)) throw ApiError.recordNotFound(module, id);
    const access = author.access;
    return this.transaction(definition, async (db) => {
      if (access) {
        const current = await this.records.find(db, operation, definition, id, { includeDeleted: true });
        if (current) access.assertEditable(module, current);
      }
      const {
        restored: [restored],
        refused,
      } = await this.pipeline.restore(db, operation, definition, [id], author);
      if (refused.has(id)) throw RecordErrors.duplicate(refused.get(id)!);
      if (!restored) {
        const live = await this.records.find(db, operation, definition, id);
        throw live ? RecordErrors.notDeleted(module, id) : ApiError.recordNotFound(module, id);
      }
      return access ? access.strip(definition, restored) : restored;
    });
  }

  /**
   * Inserts or upserts up to 10,000 rows in one transaction (the caller's when
   * `db` is given): invalid rows are reported and skipped, valid ones written
   * with multi-row statements and audited (with `jobId`).
   */
  /**
   * Server-side patches of known records (a restore, a mass change): locks the
   * live ones among `ids`, asks `decide` for each one's patch (null: leave it),
   * and writes them through the pipeline as the platform's own values. Ids not
   * live are reported as `missing`; refused rows as `failures` by id.
   */
  async patchMany(
    db: EntityManager,
    operation: OperationRef,
    module: string,
    ids: string[],
    decide: (record: ApiRecord) => Record<string, unknown> | null,
    author: { userId: string | null; locale: 'es' | 'en'; jobId?: string | null },
  ): Promise<{ saved: ApiRecord[]; missing: string[]; failures: Map<string, Issue[]> }> {
    const definition = await this.definitions.get(operation, module, db);
    const current = await this.records.lockByIds(db, operation, definition, ids);
    const live = new Set(current.map((record) => record.id));
    const rows: WriteRow[] = [];
    for (const record of current) {
      const values = decide(record);
      if (values && Object.keys(values).length) rows.push({ index: rows.length, input: { values, assign: {} }, previous: record, origin: 'server' });
    }
    const outcome = await withClientErrors(definition, () => this.pipeline.write(db, operation, definition, rows, { userId: author.userId, locale: author.locale, jobId: author.jobId ?? null }));
    const failures = new Map<string, Issue[]>();
    for (const [index, failure] of outcome.failures) failures.set(rows[index].previous!.id, failure.issues);
    const saved = rows.flatMap((row) => {
      const record = outcome.saved.get(row.index);
      return record ? [record] : [];
    });
    return { saved, missing: ids.filter((id) => !live.has(id)), failures };
  }

  /**
   * A mass delete's chunk: soft-deletes the live records among `ids` that the author
   * may change (locked first, so the check holds until commit), through the pipeline.
   * Returns the ids deleted and those refused as not the author's to change.
   */
  async removeMany(db: EntityManager, operation: OperationRef, module: string, ids: string[], author: RecordAuthor & { jobId: string | null }): Promise<{ deleted: string[]; refused: string[] }> {
    const definition = await this.definitions.get(operation, module, db);
    let targets = ids;
    const refused: string[] = [];
    if (author.access) {
      const current = await this.records.lockByIds(db, operation, definition, ids);
      targets = [];
      for (const record of current) (author.access.canEdit(record) ? targets : refused).push(record.id);
    }
    const deleted = await this.pipeline.remove(
      db,
      operation,
      definition,
      targets.map((id) => ({ id })),
      { userId: author.userId, locale: author.locale, jobId: author.jobId },
    );
    return { deleted: deleted.map((record) => record.id), refused };
  }

  /**
   * "Restaurar eliminación", a merge's undo: brings back the records among `ids` that are
   * still deleted, through the pipeline. Those whose unique value a live record took since
   * stay deleted and are answered with their issues.
   */
  async restoreMany(
    db: EntityManager,
    operation: OperationRef,
    module: string,
    ids: string[],
    author: { userId: string | null; locale: 'es' | 'en'; jobId: string | null },
  ): Promise<{ restored: string[]; refused: Map<string, Issue[]> }> {
    const definition = await this.definitions.get(operation, module, db);
    const { restored, refused } = await this.pipeline.restore(db, operation, definition, ids, author);
    return { restored: restored.map((record) => record.id), refused };
  }

  async bulkWrite(operation: OperationRef, module: string, rows: unknown[], options: BulkWriteOptions): Promise<BulkWriteResult> {
    // A job passes only its user: the user's access as stored now applies.
    const access = options.access ?? (options.userId !== null ? await this.accessResolver.forUser(operation, options.userId, options.db) : undefined);
    await access?.prepareAssignment();
    return this.bulk.write(operation, module, rows, { ...options, access });
  }

  /**
   * Checked when a load is requested (a job runs it later): a row writing a
   * hidden or read-only field, or inserting with an owner / assignee above the
   * user's role, refuses the whole load (403, paths `rows[i].field`). Upserts
   * have their assignments checked against the matched record when written.
   */
  async assertBulkAllowed(operation: OperationRef, module: string, rows: unknown[], mode: 'insert' | 'upsert', userId: string, pathPrefix = ''): Promise<void> {
    const access = await this.accessResolver.forUser(operation, userId);
    const issues: Issue[] = [];
    for (const [index, row] of rows.entries()) {
      const read = readWriteInput(row, 'create');
      if (!read.ok) continue;
      const input = mode === 'insert' ? read.input : { ...read.input, assign: {} };
      issues.push(...(await access.writeIssues(module, input, null, `${pathPrefix}rows[${index}].`)));
    }
    if (issues.length) throw fieldsRefused(issues);
  }

  private async missingOrStale(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, id: string): Promise<ApiError> {
    const current = await this.records.find(db, operation, definition, id);
    return current ? RecordErrors.staleVersion(current) : ApiError.recordNotFound(definition.key, id);
  }

  private transaction<T>(definition: ModuleDefinition, work: (db: EntityManager) => Promise<T>): Promise<T> {
    return withClientErrors(definition, () => this.db.transaction(work));
  }
}

import { randomUUID } from 'node:crypto';
import type { Issue, ModuleDefinition } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { fieldsRefused, type RecordAccess } from './record-access.policy';
import { RecordAccessResolver } from './record-access.resolver';
import { RecordAuditRepository } from './record-audit.repository';
import { assignAutonumbers } from './record-autonumbers';
import { RecordBulkWriter, type BulkWriteOptions, type BulkWriteResult } from './record-bulk.writer';
import { RecordChangesFeed } from './record-changes.feed';
import { canonicalFields, changedValues, fieldAuditEntries } from './record-changes';
import { withClientErrors } from './record-db.errors';
import { isUuid } from './record-id';
import { pluginServices } from './record-plugin.services';
import { readWriteInput } from './record-input.reader';
import { RecordLevelsTracker } from './record-levels.tracker';
import { RecordReferencesChecker } from './record-references.checker';
import type { ApiRecord } from './record-row.mapper';
import { RecordUniqueChecker } from './record-unique.checker';
import { RecordWritePipeline } from './record-write.pipeline';
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
 * Every write of a record: validation (ajv + rules), plugin hooks, formulas,
 * autonumbers, the row and its audit entries in one transaction. Reads of
 * single records live here too; lists and search are in RecordQueryService.
 */
@Injectable()
export class RecordsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordRepository) private readonly records: RecordRepository,
    @Inject(RecordAuditRepository) private readonly audit: RecordAuditRepository,
    @Inject(RecordWritePipeline) private readonly pipeline: RecordWritePipeline,
    @Inject(RecordReferencesChecker) private readonly references: RecordReferencesChecker,
    @Inject(RecordUniqueChecker) private readonly unique: RecordUniqueChecker,
    @Inject(RecordBulkWriter) private readonly bulk: RecordBulkWriter,
    @Inject(RecordLevelsTracker) private readonly levels: RecordLevelsTracker,
    @Inject(RecordAccessResolver) private readonly accessResolver: RecordAccessResolver,
    @Inject(RecordChangesFeed) private readonly feed: RecordChangesFeed,
  ) {}

  /** One record; with `access`, hidden fields are never read and a record the caller may not see does not exist (404). */
  async get(operation: OperationRef, module: string, id: string, access?: RecordAccess): Promise<ApiRecord> {
    const definition = await this.definitions.get(operation, module);
    const found = isUuid(id) ? await this.records.find(this.db.manager, operation, access ? access.view(definition) : definition, id) : null;
    if (!found || (access && !access.canSee(found))) throw ApiError.recordNotFound(module, id);
    return found;
  }

  async create(operation: OperationRef, module: string, body: unknown, author: RecordAuthor): Promise<ApiRecord> {
    const definition = await this.definitions.get(operation, module);
    const read = readWriteInput(body, 'create');
    if (!read.ok) throw ApiError.validation(read.issues);
    const access = author.access;
    if (access) await access.assertWritable(module, read.input, null);
    const { values: input, assign } = read.input;
    return this.transaction(definition, async (db) => {
      const prepared = await this.pipeline.prepare({ definition, event: 'create', input, previous: null, user: hookUser(author), services: pluginServices(this.definitions, this.records, db, operation) });
      if (!prepared.ok) throw ApiError.validation(prepared.issues);
      const id = randomUUID();
      const owner = assign.owner !== undefined ? assign.owner : author.userId;
      const assignee = assign.assignee ?? null;
      const checked = canonicalFields(definition, prepared.record);
      await this.checkReferences(db, operation, definition, { ...checked, owner, assignee });
      await this.checkUnique(db, operation, definition, id, checked);
      // Numbers are taken last, so a refused record leaves no gap in the sequence.
      await assignAutonumbers(this.records, db, operation, definition, [prepared.record]);
      this.pipeline.applyFormulas(definition, prepared.record);
      const values = canonicalFields(definition, prepared.record);
      const saved = await this.records.insert(db, operation, definition, { id, values, owner, assignee }, author.userId);
      await this.audit.write(db, operation, module, { userId: author.userId }, [{ recordId: saved.id, action: 'create', newValue: saved }]);
      await this.levels.track(db, operation, module, [saved]);
      await this.pipeline.afterSave(prepared.context, saved);
      return access ? access.strip(definition, saved) : saved;
    });
  }

  /** A PATCH: `version` is the optimistic lock; a stale one gets 409 with the current record and changes nothing. */
  async update(operation: OperationRef, module: string, id: string, body: unknown, author: RecordAuthor): Promise<ApiRecord> {
    const definition = await this.definitions.get(operation, module);
    if (!isUuid(id)) throw ApiError.recordNotFound(module, id);
    const read = readWriteInput(body, 'update');
    if (!read.ok) throw ApiError.validation(read.issues);
    const { values: input, assign, version } = read.input;
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
      const prepared = await this.pipeline.prepare({ definition, event: 'update', input, previous, user: hookUser(author), services: pluginServices(this.definitions, this.records, db, operation) });
      if (!prepared.ok) throw ApiError.validation(prepared.issues);
      const changes = changedValues(definition, canonicalFields(definition, prepared.record), previous, assign);
      if (Object.keys(changes).length === 0) return access ? access.strip(definition, previous) : previous;
      await this.checkReferences(db, operation, definition, changes);
      await this.checkUnique(db, operation, definition, id, changes);
      const saved = await this.records.update(db, operation, definition, { id, version: previous.version, changes }, author.userId);
      if (!saved) throw await this.missingOrStale(db, operation, definition, id);
      await this.audit.write(db, operation, module, { userId: author.userId }, fieldAuditEntries(previous, saved, changes));
      if ('owner' in changes || 'assignee' in changes) await this.levels.track(db, operation, module, [saved]);
      await this.pipeline.afterSave(prepared.context, saved);
      // Inside the transaction: open forms hear of it when (and only if) it commits.
      await this.feed.publish(db, operation, module, 'update', [saved], () => Object.keys(changes));
      return access ? access.strip(definition, saved) : saved;
    }).catch((error: unknown) => {
      throw access ? access.scrub(definition, error) : error;
    });
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
      const deleted = await this.records.softDelete(db, operation, definition, id, author.userId, version);
      if (!deleted) throw await this.missingOrStale(db, operation, definition, id);
      await this.audit.write(db, operation, module, { userId: author.userId }, [{ recordId: id, action: 'delete' }]);
      await this.levels.close(db, operation, module, [id]);
      await this.feed.publish(db, operation, module, 'delete', [deleted], () => []);
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
      const restored = await this.records.restore(db, operation, definition, id, author.userId);
      if (!restored) {
        const live = await this.records.find(db, operation, definition, id);
        throw live ? RecordErrors.notDeleted(module, id) : ApiError.recordNotFound(module, id);
      }
      await this.audit.write(db, operation, module, { userId: author.userId }, [{ recordId: id, action: 'restore' }]);
      await this.levels.track(db, operation, module, [restored]);
      await this.feed.publish(db, operation, module, 'restore', [restored], () => []);
      return access ? access.strip(definition, restored) : restored;
    });
  }

  /**
   * Inserts or upserts up to 10,000 rows in one transaction (the caller's when
   * `db` is given): invalid rows are reported and skipped, valid ones written
   * with multi-row statements and audited (with `jobId`).
   */
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

  private async checkReferences(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, values: Record<string, unknown>): Promise<void> {
    const issues = (await this.references.check(db, operation, definition, [{ index: 0, values }])).get(0);
    if (issues?.length) throw ApiError.validation(issues);
  }

  private async checkUnique(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, id: string, values: Record<string, unknown>): Promise<void> {
    const issues: Issue[] | undefined = (await this.unique.check(db, operation, definition, [{ index: 0, id, values }])).get(0);
    if (issues?.length) throw RecordErrors.duplicate(issues);
  }

  private transaction<T>(definition: ModuleDefinition, work: (db: EntityManager) => Promise<T>): Promise<T> {
    return withClientErrors(definition, () => this.db.transaction(work));
  }
}

export const hookUser = (author: RecordAuthor) => ({ id: author.userId ?? '', locale: author.locale });

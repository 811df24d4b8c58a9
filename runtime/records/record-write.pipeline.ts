import { randomUUID } from 'node:crypto';
import { activeFields } from './record-fields';
import { computeFormulas, deepEqual, type HookContext, type Issue, type ModuleDefinition, type RecordValues, validateRecord } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { PluginRegistry } from '../plugins/plugin.registry';
import { type AuditEntry, RecordAuditRepository } from '../database/record-audit.repository';
import { assignAutonumbers } from './record-autonumbers';
import { RecordChangesFeed } from './record-changes.feed';
import { canonicalFields, changedValues, fieldAuditEntries } from './record-changes';
import { withDefaults, withRowDefaults } from './record-defaults';
import { hasOwn } from './record-fields';
import type { WriteInput } from './record-input.reader';
import { RecordLevelsTracker } from './record-levels.tracker';
import { pluginServices } from './record-plugin.services';
import { RecordReferencesChecker } from './record-references.checker';
import { type ApiRecord, fieldValues } from './record-row.mapper';
import { RecordUniqueChecker } from './record-unique.checker';
import { type CanonicalValues, RecordRepository } from './record.repository';

/** One record to write: a create when `previous` is null, else an update of that stored (and, for batches, locked) record. */
export interface WriteRow {
  /** The row's position in the caller's batch; failures name it. */
  index: number;
  input: WriteInput;
  previous: ApiRecord | null;
  /**
   * `server`: the values come from the platform itself (a plugin action's patch,
   * a hook's write to another record), so the validator does not count them as
   * the client writing a read-only field. Access rules are the caller's business.
   */
  origin?: 'client' | 'server';
}

export interface WriteOptions {
  userId: string | null;
  locale: 'es' | 'en';
  /** The job writing these rows, kept on every audit entry. */
  jobId?: string | null;
  /**
   * Every check up to references and unique values, then stop: nothing is
   * written and no number is taken (an import's "Validar"). Formulas see no
   * autonumber, so a formula that reads one is checked without it.
   */
  validateOnly?: boolean;
}

/** Why a row was not written: `invalid` (validation, hooks, references), `duplicate` (a unique value taken), `stale` (its version moved on). */
export interface RowFailure {
  kind: 'invalid' | 'duplicate' | 'stale';
  issues: Issue[];
}

export interface WriteOutcome {
  /** Every written record by row index; an update that changes nothing maps to the stored record. */
  saved: Map<number, ApiRecord>;
  created: number;
  updated: number;
  /** Updates that change nothing: not written, not audited. */
  unchanged: number;
  failures: Map<number, RowFailure>;
}

interface ValidatedRow extends WriteRow {
  record: RecordValues;
  context: Omit<HookContext<unknown>, 'config'>;
}

interface PendingRow extends ValidatedRow {
  id: string;
  changes: CanonicalValues;
}

/**
 * The one way records are written: create, update, bulk insert / upsert,
 * plugin actions and hooks' own writes all come here, a single write being a
 * batch of one. Each stage runs once per record, in this order:
 *
 *   defaults (create) → beforeValidate hooks → validation (ajv + rules) →
 *   autonumbers (create) → formulas → beforeSave hooks → references and
 *   unique values → write (multi-row INSERT / UPDATE) → audit → levels →
 *   afterSave hooks → change feed
 *
 * Numbers are taken once a record is valid and before formulas, which may
 * read them (a case's prefix is built from its number): an invalid record
 * takes no number; one refused later by a hook, a reference or a unique value
 * leaves a gap, as a rolled-back insert does in any Postgres sequence. A row that
 * fails a stage is reported and left out; the caller decides whether that
 * fails the whole transaction (single writes, actions) or only the row (bulk).
 * Runs inside the caller's transaction.
 */
@Injectable()
export class RecordWritePipeline {
  constructor(
    @Inject(PluginRegistry) private readonly plugins: PluginRegistry,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordRepository) private readonly records: RecordRepository,
    @Inject(RecordAuditRepository) private readonly audit: RecordAuditRepository,
    @Inject(RecordReferencesChecker) private readonly references: RecordReferencesChecker,
    @Inject(RecordUniqueChecker) private readonly unique: RecordUniqueChecker,
    @Inject(RecordLevelsTracker) private readonly levels: RecordLevelsTracker,
    @Inject(RecordChangesFeed) private readonly feed: RecordChangesFeed,
  ) {}

  async write(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, rows: WriteRow[], options: WriteOptions): Promise<WriteOutcome> {
    const outcome: WriteOutcome = { saved: new Map(), created: 0, updated: 0, unchanged: 0, failures: new Map() };
    const fail = (index: number, kind: RowFailure['kind'], issues: Issue[]) => {
      const known = outcome.failures.get(index);
      outcome.failures.set(index, known ? { kind: known.kind, issues: [...known.issues, ...issues] } : { kind, issues });
    };
    const user = { id: options.userId ?? '', locale: options.locale };
    const services = pluginServices(db, operation, { definitions: this.definitions, records: this.records, pipeline: this, user: options });

    const validated: ValidatedRow[] = [];
    for (const row of rows) {
      const checked = await this.validate(row, definition, user, services);
      if ('issues' in checked) fail(row.index, 'invalid', checked.issues);
      else validated.push(checked);
    }
    // Formulas may read a record's number (a case's prefix does), so numbers are taken before them, once the record is valid.
    if (!options.validateOnly)
      await assignAutonumbers(
        this.records,
        db,
        operation,
        definition,
        validated.filter((row) => !row.previous).map((row) => row.record),
      );

    let pending: PendingRow[] = [];
    for (const row of validated) {
      const prepared = await this.compute(row, definition);
      if ('issues' in prepared) fail(row.index, 'invalid', prepared.issues);
      else if (row.previous && Object.keys(prepared.changes).length === 0) {
        outcome.saved.set(row.index, row.previous);
        outcome.unchanged++;
      } else pending.push(prepared);
    }

    const checks = pending.map((row) => ({ index: row.index, id: row.id, values: row.changes }));
    for (const [index, issues] of await this.references.check(db, operation, definition, checks)) fail(index, 'invalid', issues);
    for (const [index, issues] of await this.unique.check(db, operation, definition, checks)) fail(index, 'duplicate', issues);
    pending = pending.filter((row) => !outcome.failures.has(row.index));
    if (options.validateOnly) return outcome;

    const creates = pending.filter((row) => !row.previous);
    const updates = pending.filter((row) => row.previous);
    const inserted = await this.records.insertMany(
      db,
      operation,
      definition,
      creates.map((row) => ({ id: row.id, values: canonicalFields(definition, row.record), owner: row.changes.owner as string | null, assignee: row.changes.assignee as string | null })),
      options.userId,
    );
    const updated = await this.records.updateMany(
      db,
      operation,
      definition,
      updates.map((row) => ({ id: row.id, version: row.previous!.version, changes: row.changes })),
      options.userId,
    );

    const byId = new Map(pending.map((row) => [row.id, row]));
    const written: { row: PendingRow; saved: ApiRecord }[] = [...inserted, ...updated].map((saved) => ({ row: byId.get(saved.id)!, saved }));
    const writtenIds = new Set(written.map(({ saved }) => saved.id));
    // An update whose version moved on since it was read (a single write does not lock the row).
    for (const row of updates) if (!writtenIds.has(row.id)) fail(row.index, 'stale', []);

    const entries: AuditEntry[] = [];
    for (const { row, saved } of written) {
      outcome.saved.set(row.index, saved);
      if (row.previous) entries.push(...fieldAuditEntries(row.previous, saved, row.changes));
      else entries.push({ recordId: saved.id, action: 'create', newValue: saved });
    }
    outcome.created = inserted.length;
    outcome.updated = updated.length;
    await this.audit.write(db, operation, definition.key, { userId: options.userId, jobId: options.jobId ?? null }, entries);
    await this.levels.track(
      db,
      operation,
      definition.key,
      written.filter(({ row }) => !row.previous || 'owner' in row.changes || 'assignee' in row.changes).map(({ saved }) => saved),
    );
    for (const { row, saved } of written) await this.plugins.host.afterSave({ ...row.context, record: saved });
    // Inside the transaction: open forms hear of a change when (and only if) it commits. New records have no watcher yet.
    const changedRecords = written.filter(({ row }) => row.previous);
    await this.feed.publish(
      db,
      operation,
      definition.key,
      'update',
      changedRecords.map(({ saved }) => saved),
      (saved) => Object.keys(byId.get(saved.id)!.changes),
    );
    return outcome;
  }

  /** Soft delete (the rows stay, with their history): audit, levels closed, change feed. Returns the records deleted. */
  async remove(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, targets: { id: string; version?: number }[], options: WriteOptions): Promise<ApiRecord[]> {
    const deleted = await this.records.softDeleteMany(db, operation, definition, targets, options.userId);
    await this.audit.write(
      db,
      operation,
      definition.key,
      { userId: options.userId, jobId: options.jobId ?? null },
      deleted.map((record) => ({ recordId: record.id, action: 'delete' as const })),
    );
    await this.levels.close(
      db,
      operation,
      definition.key,
      deleted.map((record) => record.id),
    );
    await this.feed.publish(db, operation, definition.key, 'delete', deleted, () => []);
    return deleted;
  }

  /**
   * Brings soft-deleted records back: unique values checked first (one a live record took
   * since keeps its record deleted, refused on that field), then audit, levels reopened,
   * change feed. Returns the records restored and those refused.
   */
  async restore(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, ids: string[], options: WriteOptions): Promise<{ restored: ApiRecord[]; refused: Map<string, Issue[]> }> {
    const refused = await this.uniqueConflicts(db, operation, definition, ids);
    const restored = await this.records.restoreMany(
      db,
      operation,
      definition,
      ids.filter((id) => !refused.has(id)),
      options.userId,
    );
    await this.audit.write(
      db,
      operation,
      definition.key,
      { userId: options.userId, jobId: options.jobId ?? null },
      restored.map((record) => ({ recordId: record.id, action: 'restore' as const })),
    );
    await this.levels.track(db, operation, definition.key, restored);
    await this.feed.publish(db, operation, definition.key, 'restore', restored, () => []);
    return { restored, refused };
  }

  private async uniqueConflicts(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, ids: string[]): Promise<Map<string, Issue[]>> {
    const unique = activeFields(definition).filter((field) => field.unique);
    if (unique.length === 0 || ids.length === 0) return new Map();
    const deleted = await this.records.lockDeletedByIds(db, operation, definition, ids);
    const rows = deleted.map((record, index) => ({ index, id: record.id, values: Object.fromEntries(unique.map((field) => [field.key, record[field.key] ?? null])) }));
    const issues = await this.unique.check(db, operation, definition, rows);
    return new Map([...issues].map(([index, list]) => [rows[index].id, list]));
  }

  /**
   * Defaults, beforeValidate, validation (ajv + rules, against the stored
   * record on update) for one row. Values set by defaults or hooks are the
   * server's own: the validator checks their shape but does not count them as
   * the client writing a read-only field.
   */
  private async validate(
    row: WriteRow,
    definition: ModuleDefinition,
    user: { id: string; locale: 'es' | 'en' },
    services: HookContext<unknown>['services'],
  ): Promise<ValidatedRow | { issues: Issue[] }> {
    const { input, previous } = row;
    const base = previous ? fieldValues(previous, definition) : {};
    const record = previous ? { ...base, ...withRowDefaults(definition, input.values) } : withDefaults(definition, input.values);
    const context: Omit<HookContext<unknown>, 'config'> = {
      definition,
      event: previous ? 'update' : 'create',
      record,
      previous,
      changed: new Set(Object.keys(input.values)),
      user,
      services,
    };
    await this.plugins.host.beforeValidate(context);

    const values: RecordValues = {};
    const trusted: RecordValues = {};
    for (const key of Object.keys(record)) {
      const sent = hasOwn(input.values, key);
      const origin = sent ? input.values[key] : base[key];
      const setByServer = row.origin === 'server' ? sent || !deepEqual(record[key], origin) : !deepEqual(record[key], origin);
      if (setByServer) trusted[key] = record[key];
      if (sent || setByServer) values[key] = record[key];
    }
    const checked = validateRecord(definition, values, { mode: 'update', current: { ...base, ...trusted } });
    return checked.ok ? { ...row, record, context } : { issues: checked.issues };
  }

  /** Formulas, then beforeSave hooks (which may refuse), then what the row writes: every field on create, the changed ones on update. */
  private async compute(row: ValidatedRow, definition: ModuleDefinition): Promise<PendingRow | { issues: Issue[] }> {
    const { record, previous, context } = row;
    Object.assign(record, computeFormulas(definition, record));
    const refused = await this.plugins.host.beforeSave(context);
    if (refused.length) return { issues: refused };

    const canonical = canonicalFields(definition, record);
    const assign = row.input.assign;
    const changes = previous
      ? changedValues(definition, canonical, previous, assign)
      : { ...canonical, owner: assign.owner !== undefined ? assign.owner : context.user.id || null, assignee: assign.assignee ?? null };
    return { ...row, id: previous ? previous.id : randomUUID(), changes };
  }
}

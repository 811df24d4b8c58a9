import {
  applyDiff,
  emptyModule,
  moduleWithRole,
  planModuleChange,
  prepareValidator,
  sharedRoleIssues,
  validateDefinition,
  type DiffOperation,
  type ModuleDefinition,
  type ModuleField,
  type ModuleRole,
  type StoragePlan,
  type StorageStep,
} from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ident, table } from '../database/sql';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { PluginRegistry } from '../plugins/plugin.registry';
import { RecordAuditRepository } from '../database/record-audit.repository';
import { ModuleDefinitionRepository, type ModuleVersionRow } from './module-definition.repository';
import { lossCondition, runDataChecks, type CheckOutcome } from './module-data.checks';
import { stepSql } from './module-table.ddl';

export interface ModulePlanResult {
  key: string;
  fromVersion: number;
  toVersion: number;
  operations: DiffOperation[];
  plan: StoragePlan;
  checks: CheckOutcome[];
  /** True when a blocking check found records: applying needs `keepAside`. */
  blocked: boolean;
}

/** One module of a multi-module apply (schema bundle import). */
export interface ModuleChange extends ModulePlanResult {
  action: 'create' | 'update' | 'unchanged';
}

/** A change ready to apply: the definitions on both sides of it. */
type PreparedChange = ModulePlanResult & { current: ModuleDefinition; next: ModuleDefinition };

export interface ApplyOptions {
  /** Keep values that would not convert aside (in the audit log) and clear them, instead of refusing. */
  keepAside?: boolean;
  /** The version the client edited; a different stored version is a conflict. */
  expectedVersion?: number;
  userId?: string | null;
}

/** How long a definition read from `core` is trusted before it is read again (other replicas may apply changes). */
const CACHE_MS = 5_000;

@Injectable()
export class ModuleDefinitionsService {
  private readonly cache = new Map<string, { at: number; definition: ModuleDefinition }>();

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PluginRegistry) private readonly plugins: PluginRegistry,
    @Inject(RecordAuditRepository) private readonly audit: RecordAuditRepository,
    @Inject(ModuleDefinitionRepository) private readonly rows: ModuleDefinitionRepository,
  ) {}

  async list(operation: OperationRef, db?: EntityManager): Promise<ModuleDefinition[]> {
    return this.rows.list(db ?? this.db.manager, operation);
  }

  /** The module that declares a platform role (module-roles.ts), if the operation has one: the platform never names module keys. */
  async withRole(operation: OperationRef, role: ModuleRole, db?: EntityManager): Promise<ModuleDefinition | undefined> {
    return moduleWithRole(await this.list(operation, db), role);
  }

  /** Like `withRole`, for features that cannot work without that module: a 404 naming the role. */
  async requireRole(operation: OperationRef, role: ModuleRole, db?: EntityManager): Promise<ModuleDefinition> {
    const found = await this.withRole(operation, role, db);
    if (!found) {
      throw ApiError.notFound({ es: `Esta operación no tiene un módulo con el rol «${role}».`, en: `This operation has no module with role "${role}".` }, 'role_module_missing');
    }
    return found;
  }

  /**
   * One module per role: checked on the operation's modules as they will be,
   * stored ones replaced by `proposed`, so a bundle may move a role from one
   * module to another in one go.
   */
  private async refuseSharedRoles(tx: EntityManager, operation: OperationRef, proposed: ModuleDefinition[] = []): Promise<void> {
    const stored = await this.rows.roles(tx, operation);
    const next = new Map(stored.map((m) => [m.key, m.role ?? undefined]));
    for (const definition of proposed) next.set(definition.key, definition.role);
    const issues = sharedRoleIssues([...next].map(([key, role]) => ({ key, role })));
    if (issues.length) throw ApiError.validation(issues);
  }

  /**
   * The current definition of a module, or a 404 ApiError. Inside a transaction
   * pass its manager: on the embedded database the pool has one connection, which
   * the transaction holds, so a read through the pool would wait forever.
   */
  async get(operation: OperationRef, key: string, db?: EntityManager): Promise<ModuleDefinition> {
    const cacheKey = `${operation.id}:${key}`;
    const hit = this.cache.get(cacheKey);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.definition;
    const definition = await this.rows.find(db ?? this.db.manager, operation, key);
    if (!definition) throw ApiError.moduleNotFound(key);
    this.remember(operation, definition);
    return definition;
  }

  private remember(operation: OperationRef, definition: ModuleDefinition): void {
    prepareValidator(definition);
    this.cache.set(`${operation.id}:${definition.key}`, { at: Date.now(), definition });
  }

  private async validated(db: EntityManager, operation: OperationRef, input: unknown, extraModules: string[] = []): Promise<ModuleDefinition> {
    const modules = [...(await this.rows.keys(db, operation)), ...extraModules];
    const result = validateDefinition(input, { modules, plugins: this.plugins.host.configChecks() });
    if (!result.ok) throw ApiError.validation(result.issues);
    return result.value;
  }

  /** Creates modules (one or several that point at each other) with their tables, in one transaction. */
  async create(operation: OperationRef, inputs: unknown[], userId: string | null = null, db?: EntityManager): Promise<ModuleDefinition[]> {
    const run = async (tx: EntityManager) => {
      const keys = inputs.map((i) => (i as { key?: unknown } | null)?.key).filter((k): k is string => typeof k === 'string');
      const created: ModuleDefinition[] = [];
      for (const input of inputs) {
        const prepared = await this.prepareCreate(tx, operation, input, keys);
        await this.applyPrepared(tx, operation, prepared, { userId });
        created.push(prepared.next);
      }
      // A caller with its own transaction (a bundle) checks roles once everything is in place.
      if (!db) await this.refuseSharedRoles(tx, operation);
      return created;
    };
    const created = db ? await run(db) : await this.db.transaction(run);
    for (const definition of created) this.remember(operation, definition);
    return created;
  }

  /** A new module is the change from its empty module: the same diff, plan and apply as any other change. */
  private async prepareCreate(tx: EntityManager, operation: OperationRef, input: unknown, extraModules: string[]): Promise<PreparedChange> {
    const definition = { ...(await this.validated(tx, operation, input, extraModules)), version: 1 };
    if (await this.rows.exists(tx, operation, definition.key)) {
      throw ApiError.conflict('module_exists', { es: `El módulo «${definition.key}» ya existe.`, en: `Module "${definition.key}" already exists.` });
    }
    const current = emptyModule(definition);
    const { operations, plan } = planModuleChange(undefined, definition);
    const next = { ...applyDiff(current, operations), version: 1 };
    return { key: definition.key, fromVersion: 0, toVersion: 1, operations, plan, checks: [], blocked: false, current, next };
  }

  /** The diff, storage plan and data checks of a change, without applying it. */
  async plan(operation: OperationRef, key: string, input: unknown): Promise<ModulePlanResult> {
    return this.db.transaction(async (tx) => {
      const prepared = await this.prepare(tx, operation, key, input, false);
      await this.refuseSharedRoles(tx, operation, [prepared.next]);
      return prepared;
    });
  }

  private async prepare(tx: EntityManager, operation: OperationRef, key: string, input: unknown, lock: boolean, extraModules: string[] = []): Promise<PreparedChange> {
    const current = await this.rows.find(tx, operation, key, lock);
    if (!current) throw ApiError.moduleNotFound(key);
    if (input && typeof input === 'object' && 'key' in input && (input as { key: unknown }).key !== key) {
      throw ApiError.validation([{ path: 'key', code: 'definition.keyChanged', message: { es: 'La clave del módulo no se puede cambiar.', en: 'The module key cannot be changed.' } }]);
    }
    const proposed = await this.validated(tx, operation, { ...(input as object), key, version: current.version }, extraModules);
    const { operations, plan } = planModuleChange(current, proposed);
    const next = { ...applyDiff(current, operations), version: current.version + 1 };
    this.refuseArchivingLocked(current, operations);
    const before = new Map(current.fields.map((f) => [f.key, f]));
    const after = new Map(next.fields.map((f) => [f.key, f] as [string, ModuleField]));
    const checks = await runDataChecks(tx, operation.schemaName, key, plan.steps, after, before);
    return {
      key,
      fromVersion: current.version,
      toVersion: next.version,
      operations,
      plan,
      checks,
      blocked: checks.some((c) => c.blocking && c.count > 0),
      current,
      next,
    };
  }

  private refuseArchivingLocked(current: ModuleDefinition, operations: DiffOperation[]): void {
    const locked = new Set(current.fields.filter((f) => f.locked).map((f) => f.key));
    const issues = operations
      .filter((op): op is Extract<DiffOperation, { op: 'archiveField' }> => op.op === 'archiveField' && locked.has(op.key))
      .map((op) => ({
        path: `fields.${op.key}`,
        code: 'definition.lockedField',
        message: { es: `El campo «${op.key}» es fijo y no se puede archivar.`, en: `Field "${op.key}" is fixed and cannot be archived.` },
      }));
    if (issues.length) throw ApiError.validation(issues);
  }

  /** Applies a change: data checks, DDL and the new version in one transaction. */
  async apply(operation: OperationRef, key: string, input: unknown, options: ApplyOptions = {}): Promise<ModulePlanResult & { definition: ModuleDefinition }> {
    const result = await this.db.transaction(async (tx) => {
      const prepared = await this.prepare(tx, operation, key, input, true);
      if (options.expectedVersion !== undefined && options.expectedVersion !== prepared.fromVersion) {
        throw ApiError.conflict(
          'stale_module_version',
          { es: 'Otra persona cambió el módulo; recargue y vuelva a intentar.', en: 'Someone else changed the module; reload and try again.' },
          { currentVersion: prepared.fromVersion },
        );
      }
      if (prepared.blocked && !options.keepAside) {
        throw ApiError.conflict(
          'data_check_failed',
          {
            es: 'Hay registros cuyos valores no se pueden convertir; corríjalos o pida apartarlos (keepAside).',
            en: 'Some records have values that cannot be converted; fix them or ask to keep them aside (keepAside).',
          },
          { checks: prepared.checks.filter((c) => c.blocking && c.count > 0) },
        );
      }
      await this.refuseSharedRoles(tx, operation, [prepared.next]);
      await this.applyPrepared(tx, operation, prepared, options);
      return prepared;
    });
    this.remember(operation, result.next);
    const { current: _current, next, ...rest } = result;
    return { ...rest, definition: next };
  }

  /**
   * Several modules at once (a schema bundle): modules the operation lacks are
   * created, the others changed, all in one transaction. With `dryRun` nothing is
   * written and the result is the diff and storage plan of every module.
   */
  async applyMany(operation: OperationRef, inputs: unknown[], options: ApplyOptions & { dryRun?: boolean } = {}): Promise<ModuleChange[]> {
    const keyOf = (input: unknown) => String((input as { key?: unknown } | null)?.key ?? '');
    const work = async (tx: EntityManager): Promise<ModuleChange[]> => {
      const existing = new Set(await this.rows.keys(tx, operation));
      const fresh = inputs.filter((i) => !existing.has(keyOf(i)));
      const changes: ModuleChange[] = [];
      const proposed: ModuleDefinition[] = [];
      const freshKeys = fresh.map(keyOf);
      for (const input of fresh) {
        const prepared = await this.prepareCreate(tx, operation, input, freshKeys);
        const { current: _current, next: _next, ...result } = prepared;
        proposed.push(prepared.next);
        changes.push({ ...result, action: 'create' });
        if (!options.dryRun) await this.applyPrepared(tx, operation, prepared, options);
      }
      for (const input of inputs.filter((i) => existing.has(keyOf(i)))) {
        const prepared = await this.prepare(tx, operation, keyOf(input), input, !options.dryRun, freshKeys);
        const { current: _current, next: _next, ...result } = prepared;
        proposed.push(prepared.next);
        const unchanged = prepared.operations.length === 0;
        changes.push({ ...result, action: unchanged ? 'unchanged' : 'update', toVersion: unchanged ? prepared.fromVersion : prepared.toVersion });
        if (options.dryRun || unchanged) continue;
        if (prepared.blocked && !options.keepAside) {
          throw ApiError.conflict(
            'data_check_failed',
            {
              es: `Hay registros de «${prepared.key}» cuyos valores no se pueden convertir; corríjalos o pida apartarlos (keepAside).`,
              en: `Some records of "${prepared.key}" have values that cannot be converted; fix them or ask to keep them aside (keepAside).`,
            },
            { checks: prepared.checks.filter((c) => c.blocking && c.count > 0) },
          );
        }
        await this.applyPrepared(tx, operation, prepared, options);
      }
      await this.refuseSharedRoles(tx, operation, proposed);
      return changes;
    };
    const changes = await this.db.transaction(work);
    // The cache learns the new versions only once the transaction committed.
    if (!options.dryRun) for (const change of changes) if (change.action !== 'unchanged') this.cache.delete(`${operation.id}:${change.key}`);
    return changes;
  }

  /** The plan's statements and the new version of a prepared change, inside the caller's transaction. */
  private async applyPrepared(tx: EntityManager, operation: OperationRef, prepared: PreparedChange, options: ApplyOptions): Promise<void> {
    // Compiled before anything is written: a definition the validator cannot take must not commit.
    prepareValidator(prepared.next);
    for (const step of prepared.plan.steps) {
      if (step.kind === 'alterColumnType' && options.keepAside) await this.keepAside(tx, operation, prepared.key, step, options.userId ?? null);
      const sql = stepSql(operation.schemaName, prepared.key, step);
      if (sql) await tx.query(sql);
    }
    await this.rows.storeVersion(tx, operation, prepared.next, prepared.operations, prepared.plan.steps, options.userId ?? null);
  }

  /** Values a conversion would lose go to the records' history, then the column is cleared for those records. */
  private async keepAside(tx: EntityManager, operation: OperationRef, key: string, step: Extract<StorageStep, { kind: 'alterColumnType' }>, userId: string | null) {
    const where = lossCondition(step);
    const target = table(operation.schemaName, key);
    const column = ident(step.column);
    const lost: { id: string; value: unknown }[] = await tx.query(`SELECT id, to_jsonb(${column}) AS value FROM ${target} WHERE ${where} ORDER BY id`);
    await this.audit.write(
      tx,
      operation,
      key,
      { userId },
      lost.map((row) => ({ recordId: row.id, action: 'keptAside', field: step.column, oldValue: row.value })),
    );
    await tx.query(`UPDATE ${target} SET ${column} = NULL WHERE ${where}`);
  }

  async versions(operation: OperationRef, key: string): Promise<ModuleVersionRow[]> {
    await this.get(operation, key);
    return this.rows.versions(this.db.manager, operation, key);
  }

  /** Rolls back by applying an earlier version's definition as a new version: history only grows. */
  async rollback(operation: OperationRef, key: string, version: number, options: ApplyOptions = {}) {
    const target = await this.rows.version(this.db.manager, operation, key, version);
    if (!target) {
      throw ApiError.notFound({ es: `El módulo «${key}» no tiene la versión ${version}.`, en: `Module "${key}" has no version ${version}.` }, 'version_not_found');
    }
    return this.apply(operation, key, target.definition, options);
  }
}

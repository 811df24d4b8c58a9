import {
  applyDiff,
  diffDefinitions,
  planStorage,
  prepareValidator,
  validateDefinition,
  type DiffOperation,
  type ModuleDefinition,
  type ModuleField,
  type StoragePlan,
  type StorageStep,
} from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { table } from '../database/sql';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { PluginRegistry } from '../plugins/plugin.registry';
import { ModuleDefinitionEntity } from '../database/module-definition.entity';
import { ModuleVersionEntity } from '../database/module-version.entity';
import { lossCondition, runDataChecks, type CheckOutcome } from './module-data.checks';
import { createTableSql, sequenceSql, stepSql } from './module-table.ddl';

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
  ) {}

  async list(operation: OperationRef): Promise<ModuleDefinition[]> {
    const rows = await this.db.getRepository(ModuleDefinitionEntity).find({ where: { operationId: operation.id }, order: { key: 'ASC' } });
    return rows.map((r) => r.definition);
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
    const row = await (db ?? this.db.manager).getRepository(ModuleDefinitionEntity).findOne({ where: { operationId: operation.id, key } });
    if (!row) throw ApiError.moduleNotFound(key);
    this.remember(operation, row.definition);
    return row.definition;
  }

  private remember(operation: OperationRef, definition: ModuleDefinition): void {
    prepareValidator(definition);
    this.cache.set(`${operation.id}:${definition.key}`, { at: Date.now(), definition });
  }

  private async moduleKeys(db: EntityManager, operation: OperationRef): Promise<string[]> {
    const rows = await db.getRepository(ModuleDefinitionEntity).find({ select: { key: true }, where: { operationId: operation.id } });
    return rows.map((r) => r.key);
  }

  private async validated(db: EntityManager, operation: OperationRef, input: unknown, extraModules: string[] = []): Promise<ModuleDefinition> {
    const modules = [...(await this.moduleKeys(db, operation)), ...extraModules];
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
        const definition = { ...(await this.validated(tx, operation, input, keys)), version: 1 };
        const exists = await tx.getRepository(ModuleDefinitionEntity).exists({ where: { operationId: operation.id, key: definition.key } });
        if (exists) {
          throw ApiError.conflict('module_exists', { es: `El módulo «${definition.key}» ya existe.`, en: `Module "${definition.key}" already exists.` });
        }
        prepareValidator(definition);
        for (const sql of createTableSql(operation.schemaName, definition)) await tx.query(sql);
        await this.storeVersion(tx, operation, definition, definition.fields.map((field, index) => ({ op: 'addField', field, index }) as DiffOperation), [], userId);
        created.push(definition);
      }
      return created;
    };
    const created = db ? await run(db) : await this.db.transaction(run);
    for (const definition of created) this.remember(operation, definition);
    return created;
  }

  /** The diff, storage plan and data checks of a change, without applying it. */
  async plan(operation: OperationRef, key: string, input: unknown): Promise<ModulePlanResult> {
    return this.db.transaction((tx) => this.prepare(tx, operation, key, input, false));
  }

  private async prepare(
    tx: EntityManager,
    operation: OperationRef,
    key: string,
    input: unknown,
    lock: boolean,
    extraModules: string[] = [],
  ): Promise<ModulePlanResult & { current: ModuleDefinition; next: ModuleDefinition }> {
    const row = await tx.getRepository(ModuleDefinitionEntity).findOne({
      where: { operationId: operation.id, key },
      ...(lock && { lock: { mode: 'pessimistic_write' } }),
    });
    if (!row) throw ApiError.moduleNotFound(key);
    if (input && typeof input === 'object' && 'key' in input && (input as { key: unknown }).key !== key) {
      throw ApiError.validation([{ path: 'key', code: 'definition.keyChanged', message: { es: 'La clave del módulo no se puede cambiar.', en: 'The module key cannot be changed.' } }]);
    }
    const current = row.definition;
    const proposed = await this.validated(tx, operation, { ...(input as object), key, version: current.version }, extraModules);
    const operations = diffDefinitions(current, proposed);
    const next = { ...applyDiff(current, operations), version: current.version + 1 };
    this.refuseArchivingLocked(current, operations);
    const plan = planStorage(operations, current);
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
      const existing = new Set(await this.moduleKeys(tx, operation));
      const fresh = inputs.filter((i) => !existing.has(keyOf(i)));
      const changes: ModuleChange[] = [];
      const freshKeys = fresh.map(keyOf);
      for (const input of fresh) {
        const definition = { ...(await this.validated(tx, operation, input, freshKeys)), version: 1 };
        const empty: ModuleDefinition = { key: definition.key, version: 1, names: definition.names, icon: definition.icon, fields: [] };
        const operations = diffDefinitions(empty, definition);
        changes.push({ key: definition.key, action: 'create', fromVersion: 0, toVersion: 1, operations, plan: planStorage(operations, empty), checks: [], blocked: false });
      }
      if (!options.dryRun && fresh.length) await this.create(operation, fresh, options.userId ?? null, tx);
      for (const input of inputs.filter((i) => existing.has(keyOf(i)))) {
        const prepared = await this.prepare(tx, operation, keyOf(input), input, !options.dryRun, freshKeys);
        const { current: _current, next: _next, ...result } = prepared;
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
      return changes;
    };
    const changes = await this.db.transaction(work);
    // The cache learns the new versions only once the transaction committed.
    if (!options.dryRun) for (const change of changes) if (change.action !== 'unchanged') this.cache.delete(`${operation.id}:${change.key}`);
    return changes;
  }

  /** DDL and the new version of a prepared change, inside the caller's transaction. */
  private async applyPrepared(tx: EntityManager, operation: OperationRef, prepared: ModulePlanResult & { next: ModuleDefinition }, options: ApplyOptions): Promise<void> {
    const { schemaName } = operation;
    // Compiled before anything is written: a definition the validator cannot take must not commit.
    prepareValidator(prepared.next);
    for (const op of prepared.operations) {
      if (op.op === 'addField') for (const sql of sequenceSql(schemaName, prepared.key, op.field)) await tx.query(sql);
    }
    for (const step of prepared.plan.steps) {
      if (step.kind === 'alterColumnType' && options.keepAside) await this.keepAside(tx, operation, prepared.key, step, options.userId ?? null);
      for (const sql of stepSql(schemaName, prepared.key, step)) await tx.query(sql);
    }
    await this.storeVersion(tx, operation, prepared.next, prepared.operations, prepared.plan.steps, options.userId ?? null);
  }

  /** Makes `definition` the module's current version and adds it to the version history. */
  private async storeVersion(tx: EntityManager, operation: OperationRef, definition: ModuleDefinition, operations: DiffOperation[], plan: StorageStep[], userId: string | null) {
    await tx.getRepository(ModuleDefinitionEntity).save(
      Object.assign(new ModuleDefinitionEntity(), { operationId: operation.id, key: definition.key, version: definition.version, definition }),
    );
    await tx.getRepository(ModuleVersionEntity).save(
      Object.assign(new ModuleVersionEntity(), { operationId: operation.id, key: definition.key, version: definition.version, definition, operations, plan, createdBy: userId }),
    );
  }

  /** Values a conversion would lose go to the audit log, then the column is cleared for those records. */
  private async keepAside(tx: EntityManager, operation: OperationRef, key: string, step: Extract<StorageStep, { kind: 'alterColumnType' }>, userId: string | null) {
    const where = lossCondition(step);
    const target = table(operation.schemaName, key);
    const column = `"${step.column}"`;
    await tx.query(
      `INSERT INTO core.audit (operation_id, module, record_id, action, field, old_value, new_value, user_id)
       SELECT $1, $2, id, 'keptAside', $3, to_jsonb(${column}), NULL, $4 FROM ${target} WHERE ${where}`,
      [operation.id, key, step.column, userId],
    );
    await tx.query(`UPDATE ${target} SET ${column} = NULL WHERE ${where}`);
  }

  async versions(operation: OperationRef, key: string): Promise<ModuleVersionEntity[]> {
    await this.get(operation, key);
    return this.db.getRepository(ModuleVersionEntity).find({ where: { operationId: operation.id, key }, order: { version: 'DESC' } });
  }

  /** Rolls back by applying an earlier version's definition as a new version: history only grows. */
  async rollback(operation: OperationRef, key: string, version: number, options: ApplyOptions = {}) {
    const target = await this.db.getRepository(ModuleVersionEntity).findOne({ where: { operationId: operation.id, key, version } });
    if (!target) {
      throw ApiError.notFound({ es: `El módulo «${key}» no tiene la versión ${version}.`, en: `Module "${key}" has no version ${version}.` }, 'version_not_found');
    }
    return this.apply(operation, key, target.definition, options);
  }
}

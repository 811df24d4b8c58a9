import type { DiffOperation, ModuleDefinition, StorageStep } from '@crm/engine';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';

/** One applied version of a module, with the diff and storage plan that produced it. */
export interface ModuleVersionRow {
  operationId: string;
  key: string;
  version: number;
  definition: ModuleDefinition;
  operations: DiffOperation[];
  plan: StorageStep[];
  createdBy: string | null;
  createdAt: Date;
}

const VERSION_COLUMNS = `operation_id AS "operationId", key, version, definition, operations, plan, created_by AS "createdBy", created_at AS "createdAt"`;

/**
 * Reads and writes `core.module_definitions` (the current definition of each module)
 * and `core.module_versions` (every applied version). Every method takes the manager
 * to run on, so reads inside a module change see, and lock, that transaction's rows.
 */
@Injectable()
export class ModuleDefinitionRepository {
  async list(db: EntityManager, operation: OperationRef): Promise<ModuleDefinition[]> {
    const rows = await sqlRows<{ definition: ModuleDefinition }>(db, `SELECT definition FROM core.module_definitions WHERE operation_id = $1 ORDER BY key ASC`, [operation.id]);
    return rows.map((r) => r.definition);
  }

  /** Operations whose modules were all stored before roles existed: no module and no field of theirs declares one. */
  async operationsWithoutRoles(db: EntityManager): Promise<OperationRef[]> {
    return sqlRows<OperationRef>(
      db,
      `SELECT o.id, o.key, o.schema_name AS "schemaName" FROM core.operations o
        WHERE o.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM core.module_definitions d WHERE d.operation_id = o.id)
          AND NOT EXISTS (SELECT 1 FROM core.module_definitions d WHERE d.operation_id = o.id AND (d.definition ? 'role' OR jsonb_path_exists(d.definition, '$.fields[*].role')))
        ORDER BY o.key`,
    );
  }

  async keys(db: EntityManager, operation: OperationRef): Promise<string[]> {
    const rows = await sqlRows<{ key: string }>(db, `SELECT key FROM core.module_definitions WHERE operation_id = $1`, [operation.id]);
    return rows.map((r) => r.key);
  }

  /** The role each stored module declares, for the one-module-per-role check. */
  async roles(db: EntityManager, operation: OperationRef): Promise<{ key: string; role: string | null }[]> {
    return sqlRows(db, `SELECT key, definition->>'role' AS role FROM core.module_definitions WHERE operation_id = $1`, [operation.id]);
  }

  /** `lock` holds the row until the transaction ends, so two changes of one module apply one after the other. */
  async find(db: EntityManager, operation: OperationRef, key: string, lock = false): Promise<ModuleDefinition | undefined> {
    const rows = await sqlRows<{ definition: ModuleDefinition }>(db, `SELECT definition FROM core.module_definitions WHERE operation_id = $1 AND key = $2${lock ? ' FOR UPDATE' : ''}`, [
      operation.id,
      key,
    ]);
    return rows[0]?.definition;
  }

  async exists(db: EntityManager, operation: OperationRef, key: string): Promise<boolean> {
    const rows = await sqlRows(db, `SELECT 1 FROM core.module_definitions WHERE operation_id = $1 AND key = $2`, [operation.id, key]);
    return rows.length > 0;
  }

  /** Makes `definition` the module's current version and adds it to the version history. */
  async storeVersion(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, operations: DiffOperation[], plan: StorageStep[], userId: string | null): Promise<void> {
    // Parameters are serialised here: the driver would turn a JS array into a Postgres array, not jsonb.
    await sqlRows(
      db,
      `INSERT INTO core.module_definitions (operation_id, key, version, definition) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (operation_id, key) DO UPDATE SET version = EXCLUDED.version, definition = EXCLUDED.definition, updated_at = now()`,
      [operation.id, definition.key, definition.version, JSON.stringify(definition)],
    );
    await sqlRows(db, `INSERT INTO core.module_versions (operation_id, key, version, definition, operations, plan, created_by) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7)`, [
      operation.id,
      definition.key,
      definition.version,
      JSON.stringify(definition),
      JSON.stringify(operations),
      JSON.stringify(plan),
      userId,
    ]);
  }

  /** Newest first. */
  versions(db: EntityManager, operation: OperationRef, key: string): Promise<ModuleVersionRow[]> {
    return sqlRows(db, `SELECT ${VERSION_COLUMNS} FROM core.module_versions WHERE operation_id = $1 AND key = $2 ORDER BY version DESC`, [operation.id, key]);
  }

  async version(db: EntityManager, operation: OperationRef, key: string, version: number): Promise<ModuleVersionRow | undefined> {
    const rows = await sqlRows<ModuleVersionRow>(db, `SELECT ${VERSION_COLUMNS} FROM core.module_versions WHERE operation_id = $1 AND key = $2 AND version = $3`, [operation.id, key, version]);
    return rows[0];
  }
}

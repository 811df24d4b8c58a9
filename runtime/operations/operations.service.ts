import { CATALOG_MODULES } from '@crm/modules-catalog';
import { Inject, Injectable } from '@nestjs/common';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { ADMIN_PROFILE, AGENT_PROFILE } from '../core/profile-permissions';
import { ident } from '../database/sql';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** A row of core.operations, as the platform's routes answer it. */
export interface OperationRow {
  id: string;
  key: string;
  name: string;
  schemaName: string;
  crmEnabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

const COLUMNS = `id, key, name, schema_name AS "schemaName", crm_enabled AS "crmEnabled", created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"`;

@Injectable()
export class OperationsService {
  private readonly byKey = new Map<string, OperationRef & { crmEnabled: boolean }>();

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly modules: ModuleDefinitionsService,
  ) {}

  /** The default admin's user name: `ADMIN_@<operation>` (seed 000 §1.2). */
  static adminUsername(key: string): string {
    return `ADMIN_@${key}`;
  }

  /**
   * Creates an operation: its row, its own Postgres schema with one table per
   * catalog module, its default profiles (Administrador, Agente), role and level,
   * and its default admin (password = the operation's key, to be changed
   * at first login). All or nothing.
   */
  async create(key: string, name?: string): Promise<OperationRow> {
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw ApiError.validation([
        {
          path: 'key',
          code: 'pattern',
          message: {
            es: 'La clave de la operación usa minúsculas, números y _ (empieza por letra, máximo 40).',
            en: 'The operation key uses lowercase letters, digits and _ (starting with a letter, at most 40).',
          },
        },
      ]);
    }
    const operation = await this.db.transaction(async (tx) => {
      const [exists] = await tx.query(`SELECT 1 FROM core.operations WHERE key = $1`, [key]);
      if (exists) throw ApiError.conflict('operation_exists', { es: `La operación «${key}» ya existe.`, en: `Operation "${key}" already exists.` });
      const [row]: OperationRow[] = await tx.query(`INSERT INTO core.operations (key, name, schema_name, crm_enabled) VALUES ($1, $2, $3, true) RETURNING ${COLUMNS}`, [
        key,
        name?.trim() || key,
        `op_${key}`,
      ]);
      await tx.query(`CREATE SCHEMA ${ident(row.schemaName)}`);
      const ref = { id: row.id, key: row.key, schemaName: row.schemaName };
      await this.modules.create(ref, CATALOG_MODULES, null, tx);
      const [adminProfile] = await tx.query(
        `INSERT INTO core.profiles (operation_id, name, description, permissions) VALUES ($1, 'Administrador', 'Todo el CRM y su configuración', $2), ($1, 'Agente', 'Registros propios y de su equipo', $3) RETURNING id`,
        [row.id, JSON.stringify(ADMIN_PROFILE), JSON.stringify(AGENT_PROFILE)],
      );
      const [role] = await tx.query(`INSERT INTO core.roles (operation_id, name) VALUES ($1, 'Dirección') RETURNING id`, [row.id]);
      const [level] = await tx.query(`INSERT INTO core.levels (operation_id, name, description) VALUES ($1, 'Nivel 1', 'Primer nivel de atención') RETURNING id`, [row.id]);
      await tx.query(
        `INSERT INTO core.users (operation_id, username, display_name, password_hash, must_change_password, is_admin, active, license_active, profile_id, role_id, level_id)
         VALUES ($1, $2, 'Administrador', $3, true, true, true, true, $4, $5, $6)`,
        [row.id, OperationsService.adminUsername(key), await hash(key, { type: 2 }), adminProfile.id, role.id, level.id],
      );
      return row;
    });
    return operation;
  }

  /** Renames an operation or turns its CRM on or off (Habilitar CRM). */
  async update(key: string, input: { crmEnabled?: boolean; name?: string }): Promise<OperationRow> {
    const current = await this.resolve(key);
    const [row]: OperationRow[] = await this.db.query(
      `WITH changed AS (UPDATE core.operations SET crm_enabled = coalesce($2, crm_enabled), name = coalesce($3, name), updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}) SELECT * FROM changed`,
      [current.id, input.crmEnabled ?? null, input.name?.trim() || null],
    );
    this.byKey.delete(key);
    return row!;
  }

  list(): Promise<OperationRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM core.operations WHERE deleted_at IS NULL ORDER BY key`);
  }

  /** The operation with this key, or a 404. */
  async resolve(key: string): Promise<OperationRef & { crmEnabled: boolean }> {
    const cached = this.byKey.get(key);
    if (cached) return cached;
    const [row]: (OperationRow | undefined)[] =
      typeof key === 'string' && KEY.test(key) ? await this.db.query(`SELECT ${COLUMNS} FROM core.operations WHERE key = $1 AND deleted_at IS NULL`, [key]) : [];
    if (!row) throw ApiError.notFound({ es: `La operación «${key}» no existe.`, en: `Operation "${key}" does not exist.` }, 'operation_not_found');
    const ref = { id: row.id, key: row.key, schemaName: row.schemaName, crmEnabled: row.crmEnabled };
    this.byKey.set(key, ref);
    return ref;
  }

  async exists(key: string): Promise<boolean> {
    const [row] = await this.db.query(`SELECT 1 FROM core.operations WHERE key = $1`, [key]);
    return row !== undefined;
  }
}

import { type DashboardWidget, type ModuleDefinition, validateWidgets } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '../access/users.service';
import { ApiError } from '../core/api-error';
import type { Caller } from '../core/caller';
import { moduleRight } from '../core/profile-permissions';
import type { OperationRef } from '../core/operation-ref';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { RecordAccessResolver } from '../records/record-access.resolver';
import type { CreateDashboardDto, UpdateDashboardDto } from './dto/save-dashboard.dto';

export interface Dashboard {
  id: string;
  name: string;
  ownerId: string | null;
  /** Profiles that see it; empty: private. */
  sharedWith: string[];
  widgets: DashboardWidget[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The caller may change or delete it (its owner or an administrator). */
  mine: boolean;
}

export interface DashboardPage {
  items: Dashboard[];
  total: number;
  nextCursor: string | null;
}

const COLUMNS = `id, name, owner_id AS "ownerId", shared_with::text[] AS "sharedWith", widgets, version, created_at AS "createdAt", updated_at AS "updatedAt"`;
type Row = Omit<Dashboard, 'mine'>;

const notFound = (id: string) => ApiError.notFound({ es: `El panel ${id} no existe.`, en: `Dashboard ${id} does not exist.` }, 'dashboard_not_found');

/**
 * Dashboards (P2) with their goal gauges (P3), in core.dashboards. A caller sees
 * the ones it owns and those shared with its profile; administrators see all.
 * Only the owner or an administrator changes or deletes one. Widgets are checked
 * against the modules as the caller sees them (hidden fields are unknown).
 */
@Injectable()
export class DashboardsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly modules: ModuleDefinitionsService,
    @Inject(RecordAccessResolver) private readonly access: RecordAccessResolver,
  ) {}

  async list(operation: OperationRef, caller: Caller, limit = 50, cursor?: string): Promise<DashboardPage> {
    const offset = cursor ? Number(cursor) : 0;
    const { where, values } = await this.visible(operation, caller);
    const rows: (Row & { total: string })[] = await this.db.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM core.dashboards d WHERE ${where} ORDER BY lower(name), id LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, limit, offset],
    );
    const total = rows.length ? Number(rows[0].total) : offset === 0 ? 0 : await this.count(where, values);
    return {
      items: rows.map(({ total: _total, ...row }) => this.view(row, caller)),
      total,
      nextCursor: offset + rows.length < total ? String(offset + rows.length) : null,
    };
  }

  async get(operation: OperationRef, caller: Caller, id: string): Promise<Dashboard> {
    return this.view(await this.find(operation, caller, id), caller);
  }

  async create(operation: OperationRef, caller: Caller, body: CreateDashboardDto): Promise<Dashboard> {
    const widgets = await this.checked(operation, caller, body.widgets);
    const sharedWith = await this.profiles(operation, body.sharedWith ?? []);
    const [row]: Row[] = await this.db.query(`INSERT INTO core.dashboards (operation_id, name, owner_id, shared_with, widgets) VALUES ($1, $2, $3, $4::uuid[], $5::jsonb) RETURNING ${COLUMNS}`, [
      operation.id,
      body.name.trim(),
      caller.userId,
      sharedWith,
      JSON.stringify(widgets),
    ]);
    return this.view(row, caller);
  }

  async update(operation: OperationRef, caller: Caller, id: string, body: UpdateDashboardDto): Promise<Dashboard> {
    const current = await this.changeable(operation, caller, id);
    const widgets = await this.checked(operation, caller, body.widgets);
    const sharedWith = await this.profiles(operation, body.sharedWith ?? []);
    const [row]: Row[] = await this.db.query(
      // A CTE, so the driver answers the rows (a bare UPDATE answers [rows, count]).
      `WITH changed AS (UPDATE core.dashboards SET name = $4, shared_with = $5::uuid[], widgets = $6::jsonb, version = version + 1, updated_at = now()
        WHERE operation_id = $1 AND id = $2 AND version = $3 AND deleted_at IS NULL RETURNING ${COLUMNS}) SELECT * FROM changed`,
      [operation.id, id, body.version, body.name.trim(), sharedWith, JSON.stringify(widgets)],
    );
    if (!row) throw this.stale(current.version === body.version ? (await this.find(operation, caller, id)).version : current.version);
    return this.view(row, caller);
  }

  /** Soft delete: the row stays, out of every list. */
  async remove(operation: OperationRef, caller: Caller, id: string): Promise<void> {
    await this.changeable(operation, caller, id);
    await this.db.query(`UPDATE core.dashboards SET deleted_at = now(), updated_at = now() WHERE operation_id = $1 AND id = $2 AND deleted_at IS NULL`, [operation.id, id]);
  }

  private stale(current: number): ApiError {
    return ApiError.conflict(
      'dashboard_version_conflict',
      { es: 'Alguien guardó este panel mientras lo editaba; recárguelo.', en: 'Someone saved this dashboard while you were editing it; reload it.' },
      { currentVersion: current },
    );
  }

  private admin(caller: Caller): boolean {
    return caller.platform || !caller.permissions || caller.permissions.admin;
  }

  /** The WHERE of the dashboards a caller sees: all for administrators, else its own and those shared with its profile. */
  private async visible(operation: OperationRef, caller: Caller): Promise<{ where: string; values: unknown[] }> {
    if (this.admin(caller)) return { where: 'operation_id = $1 AND deleted_at IS NULL', values: [operation.id] };
    const [user]: { profileId: string | null }[] = caller.userId
      ? await this.db.query(`SELECT profile_id AS "profileId" FROM core.users WHERE operation_id = $1 AND id = $2`, [operation.id, caller.userId])
      : [];
    return {
      where: `operation_id = $1 AND deleted_at IS NULL AND (owner_id IS NOT DISTINCT FROM $2::uuid OR ($3::uuid IS NOT NULL AND $3::uuid = ANY (shared_with)))`,
      values: [operation.id, caller.userId, user?.profileId ?? null],
    };
  }

  private async count(where: string, values: unknown[]): Promise<number> {
    const [row]: { n: string }[] = await this.db.query(`SELECT count(*) AS n FROM core.dashboards d WHERE ${where}`, values);
    return Number(row.n);
  }

  private async find(operation: OperationRef, caller: Caller, id: string): Promise<Row> {
    if (!isUuid(id)) throw notFound(id);
    const { where, values } = await this.visible(operation, caller);
    const [row]: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM core.dashboards d WHERE ${where} AND id = $${values.length + 1}`, [...values, id]);
    if (!row) throw notFound(id);
    return row;
  }

  /** 404 when the caller cannot see it, 403 when it sees it shared but does not own it. */
  private async changeable(operation: OperationRef, caller: Caller, id: string): Promise<Row> {
    const row = await this.find(operation, caller, id);
    if (!this.admin(caller) && row.ownerId !== caller.userId) {
      throw new ApiError(403, 'dashboard_not_owner', { es: 'Solo quien creó el panel puede cambiarlo o borrarlo.', en: 'Only the dashboard’s owner can change or delete it.' });
    }
    return row;
  }

  /** Shared profiles must be profiles of the operation (no duplicates). */
  private async profiles(operation: OperationRef, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const found: { id: string }[] = await this.db.query(`SELECT id FROM core.profiles WHERE operation_id = $1 AND id = ANY ($2::uuid[])`, [operation.id, unique]);
    const known = new Set(found.map((f) => f.id));
    const missing = ids.findIndex((id) => !known.has(id));
    if (missing >= 0) {
      throw ApiError.validation([
        { path: `sharedWith[${missing}]`, code: 'dashboard.unknownProfile', message: { es: `El perfil ${ids[missing]} no existe.`, en: `Profile ${ids[missing]} does not exist.` } },
      ]);
    }
    return unique;
  }

  /** The widgets against the modules the caller may read, as it sees them. */
  private async checked(operation: OperationRef, caller: Caller, widgets: unknown): Promise<DashboardWidget[]> {
    const keys = new Set(
      Array.isArray(widgets) ? widgets.map((w) => (w && typeof w === 'object' ? (w as { module?: unknown }).module : undefined)).filter((k): k is string => typeof k === 'string') : [],
    );
    const access = await this.access.forCaller(operation, caller);
    const definitions = new Map<string, ModuleDefinition>();
    for (const key of keys) {
      if (caller.permissions && !caller.platform && !moduleRight(caller.permissions, key, 'view')) continue;
      const stored = await this.modules.get(operation, key).catch(() => null);
      if (stored) definitions.set(key, access.view(stored));
    }
    const result = validateWidgets(widgets, (key) => definitions.get(key) ?? null);
    if (!result.ok) throw ApiError.validation(result.issues);
    return result.value;
  }

  private view(row: Row, caller: Caller): Dashboard {
    return {
      ...row,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
      mine: this.admin(caller) || row.ownerId === caller.userId,
    };
  }
}

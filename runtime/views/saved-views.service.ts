import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fieldAccess, type ProfilePermissions } from '../core/profile-permissions';
import { isUuid } from '../access/users.service';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { fieldIssues, shapeIssues, type SavedViewConfig, type SavedViewInput, type SavedViewKind } from './saved-view.check';

export interface SavedView {
  id: string;
  module: string;
  ownerId: string | null;
  name: string;
  category: string;
  kind: SavedViewKind;
  config: SavedViewConfig;
  shared: boolean;
  /** True when the caller may change or delete it (its owner). */
  mine: boolean;
  updatedAt: string;
}

export interface ViewCaller {
  userId: string | null;
  permissions?: ProfilePermissions;
}

const COLUMNS = `id, module, owner_id AS "ownerId", name, category, kind, config, shared, updated_at AS "updatedAt"`;

const notFound = (id: string) => ApiError.notFound({ es: `La vista ${id} no existe.`, en: `View ${id} does not exist.` }, 'view_not_found');
const duplicateName = (name: string) => ApiError.conflict('view_name_taken', { es: `Ya tiene una vista llamada «${name}».`, en: `You already have a view named "${name}".` });

/**
 * Saved custom views (R5), per operation and module. A caller sees its own views and the
 * shared ones; only the owner changes or deletes a view. Every query names the operation.
 */
@Injectable()
export class SavedViewsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly modules: ModuleDefinitionsService,
  ) {}

  async list(operation: OperationRef, module: string, caller: ViewCaller, kind?: string): Promise<SavedView[]> {
    await this.modules.get(operation, module);
    const rows: Omit<SavedView, 'mine'>[] = await this.db.query(
      `SELECT ${COLUMNS} FROM core.saved_views
        WHERE operation_id = $1 AND module = $2 AND (owner_id IS NOT DISTINCT FROM $3::uuid OR shared) AND ($4::text IS NULL OR kind = $4)
        ORDER BY category, lower(name)`,
      [operation.id, module, caller.userId, kind ?? null],
    );
    return rows.map((r) => this.view(r, caller));
  }

  async create(operation: OperationRef, module: string, caller: ViewCaller, body: unknown): Promise<SavedView> {
    const input = await this.checked(operation, module, caller, body, true);
    try {
      const [row] = await this.db.query(
        `INSERT INTO core.saved_views (operation_id, module, owner_id, name, category, kind, config, shared) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) RETURNING ${COLUMNS}`,
        [operation.id, module, caller.userId, input.name.trim(), input.category?.trim() ?? '', input.kind, JSON.stringify(input.config), input.shared ?? false],
      );
      return this.view(row, caller);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw duplicateName(input.name);
      throw error;
    }
  }

  async update(operation: OperationRef, module: string, caller: ViewCaller, id: string, body: unknown): Promise<SavedView> {
    const current = await this.owned(operation, module, caller, id);
    const patch = (body ?? {}) as Partial<SavedViewInput>;
    // Validated merged with the current view: a new kind or grouping must still fit the fields kept.
    const issues = shapeIssues(body, false);
    if (issues.length) throw ApiError.validation(issues);
    const merged: SavedViewInput = { name: current.name, category: current.category, kind: current.kind, config: current.config, shared: current.shared, ...patch };
    const input = await this.checked(operation, module, caller, merged, true);
    try {
      const [row] = await this.db.query(
        `WITH changed AS (
           UPDATE core.saved_views SET name = $3, category = $4, kind = $5, config = $6::jsonb, shared = $7, updated_at = now()
            WHERE operation_id = $1 AND id = $2 RETURNING ${COLUMNS})
         SELECT * FROM changed`,
        [operation.id, id, input.name.trim(), input.category?.trim() ?? '', input.kind, JSON.stringify(input.config), input.shared ?? false],
      );
      return this.view(row, caller);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw duplicateName(input.name);
      throw error;
    }
  }

  /** A hard delete: a view is a user preference, not a record of the operation, so there is nothing to keep history of. */
  async remove(operation: OperationRef, module: string, caller: ViewCaller, id: string): Promise<void> {
    await this.owned(operation, module, caller, id);
    await this.db.query(`DELETE FROM core.saved_views WHERE operation_id = $1 AND id = $2`, [operation.id, id]);
  }

  /** The view if the caller owns it: 404 when it cannot see it, 403 when it is someone else's shared view. */
  private async owned(operation: OperationRef, module: string, caller: ViewCaller, id: string): Promise<Omit<SavedView, 'mine'>> {
    const [row]: Omit<SavedView, 'mine'>[] = isUuid(id)
      ? await this.db.query(`SELECT ${COLUMNS} FROM core.saved_views WHERE operation_id = $1 AND module = $2 AND id = $3 AND (owner_id IS NOT DISTINCT FROM $4::uuid OR shared)`, [
          operation.id,
          module,
          id,
          caller.userId,
        ])
      : [];
    if (!row) throw notFound(id);
    if (row.ownerId !== caller.userId) {
      throw new ApiError(403, 'view_not_owner', { es: 'Solo quien creó la vista puede cambiarla o borrarla.', en: 'Only the view’s owner can change or delete it.' });
    }
    return row;
  }

  private async checked(operation: OperationRef, module: string, caller: ViewCaller, body: unknown, create: boolean): Promise<SavedViewInput> {
    const shape = shapeIssues(body, create);
    if (shape.length) throw ApiError.validation(shape);
    const input = body as SavedViewInput;
    const definition = await this.modules.get(operation, module);
    const access = caller.permissions ? fieldAccess(caller.permissions, module) : {};
    const hidden = new Set(
      Object.entries(access)
        .filter(([, a]) => a === 'hidden')
        .map(([k]) => k),
    );
    const issues = fieldIssues(definition, hidden, input);
    if (issues.length) throw ApiError.validation(issues);
    return input;
  }

  private view(row: Omit<SavedView, 'mine'>, caller: ViewCaller): SavedView {
    return { ...row, updatedAt: new Date(row.updatedAt).toISOString(), mine: row.ownerId === caller.userId };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { isUuid } from './users.service';

export interface RoleView {
  id: string;
  name: string;
  parentId: string | null;
}

const invalid = (path: string, es: string, en: string) => ApiError.validation([{ path, code: 'invalid', message: { es, en } }]);

/** The role tree (A5): a user may assign records to users of its own role or of roles below it. */
@Injectable()
export class RolesService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  list(operation: OperationRef): Promise<RoleView[]> {
    return this.db.query(`SELECT id, name, parent_id AS "parentId" FROM core.roles WHERE operation_id = $1 ORDER BY name`, [operation.id]);
  }

  async save(operation: OperationRef, input: { name?: unknown; parentId?: unknown }, id?: string): Promise<RoleView> {
    const roles = await this.list(operation);
    const current = id ? roles.find((r) => r.id === id) : undefined;
    if (id && !current) throw ApiError.notFound({ es: `El rol ${id} no existe.`, en: `Role ${id} does not exist.` }, 'role_not_found');
    const name = typeof input.name === 'string' ? input.name.trim() : current?.name;
    if (!name || name.length > 100) throw invalid('name', 'El nombre es obligatorio (máximo 100).', 'The name is required (at most 100).');
    const parentId = input.parentId === undefined ? (current?.parentId ?? null) : input.parentId;
    if (parentId !== null && (typeof parentId !== 'string' || !roles.some((r) => r.id === parentId))) {
      throw invalid('parentId', 'El rol superior no existe en esta operación.', 'The parent role does not exist in this operation.');
    }
    if (current && parentId && this.below(roles, current.id).has(parentId as string)) {
      throw invalid('parentId', 'Un rol no puede quedar debajo de sí mismo.', 'A role cannot be placed below itself.');
    }
    const [row] = current
      ? await this.db.query(`WITH changed AS (UPDATE core.roles SET name = $3, parent_id = $4 WHERE operation_id = $1 AND id = $2 RETURNING id) SELECT id FROM changed`, [
          operation.id,
          current.id,
          name,
          parentId,
        ])
      : await this.db.query(`INSERT INTO core.roles (operation_id, name, parent_id) VALUES ($1, $2, $3) RETURNING id`, [operation.id, name, parentId]);
    return (await this.list(operation)).find((r) => r.id === row.id) as RoleView;
  }

  /** A role and every role below it. */
  below(roles: RoleView[], roleId: string): Set<string> {
    const out = new Set<string>([roleId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const role of roles) {
        if (role.parentId && out.has(role.parentId) && !out.has(role.id)) {
          out.add(role.id);
          grew = true;
        }
      }
    }
    return out;
  }

  /** Users a user may assign records to: those in its own role or below (A5). */
  async assignableUserIds(operation: OperationRef, roleId: string | null | undefined): Promise<Set<string>> {
    if (!roleId || !isUuid(roleId)) return new Set();
    const roles = this.below(await this.list(operation), roleId);
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM core.users WHERE operation_id = $1 AND active AND role_id = ANY($2)`, [operation.id, [...roles]]);
    return new Set(rows.map((r) => r.id));
  }
}

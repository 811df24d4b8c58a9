import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { RolesService } from './roles.service';

export interface AssignableUser {
  id: string;
  username: string;
  displayName: string;
  role: { id: string; name: string } | null;
}

/** Enough for a picker; more would page through the whole operation on every keystroke. */
export const ASSIGNABLE_LIMIT = 200;

/** The users a caller may assign records to (A5): active, licensed, and of its own role or below. */
@Injectable()
export class AssignableUsersService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RolesService) private readonly roles: RolesService,
  ) {}

  async list(operation: OperationRef, caller: Caller, q?: string): Promise<AssignableUser[]> {
    // Same rule as the record policy (record-access.resolver loadAssignable): own role and below, plus oneself.
    // The platform token has no role and may assign to anyone, so it gets every user.
    const ids = caller.platform && !caller.userId ? null : await this.roles.assignableUserIds(operation, caller.roleId);
    if (ids && caller.userId) ids.add(caller.userId);
    const search =
      typeof q === 'string' && q.trim()
        ? `%${q
            .trim()
            .toLowerCase()
            .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        : null;
    const rows: { id: string; username: string; displayName: string; roleId: string | null; roleName: string | null }[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", r.id AS "roleId", r.name AS "roleName"
         FROM core.users u LEFT JOIN core.roles r ON r.id = u.role_id
        WHERE u.operation_id = $1 AND u.active AND u.license_active
          AND ($2::uuid[] IS NULL OR u.id = ANY($2::uuid[]))
          AND ($3::text IS NULL OR lower(u.display_name) LIKE $3 OR lower(u.username) LIKE $3)
        ORDER BY u.display_name, u.username LIMIT ${ASSIGNABLE_LIMIT}`,
      [operation.id, ids ? [...ids] : null, search],
    );
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      role: r.roleId ? { id: r.roleId, name: r.roleName ?? '' } : null,
    }));
  }
}

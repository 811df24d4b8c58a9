import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentCaller, CurrentOperation, type Caller } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';
import { RolesService } from './roles.service';

export interface AssignableUser {
  id: string;
  username: string;
  displayName: string;
  role: { id: string; name: string } | null;
}

/** Enough for a picker; more would page through the whole operation on every keystroke. */
const LIMIT = 200;

/**
 * The users the caller may assign records to (A5), for the Studio's assign dialog and user fields.
 * Any user may call it (agents cannot read GET /api/v1/users); it returns no e-mail or security data.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users/assignable')
export class AssignableUsersController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RolesService) private readonly roles: RolesService,
  ) {}

  @Get()
  @Requires.user()
  @ApiQuery({ name: 'q', required: false, description: 'Part of the name or username' })
  async list(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Query('q') q?: string) {
    // Same rule as the record policy (record-access.resolver loadAssignable): own role and below, plus oneself.
    // The platform token has no role and may assign to anyone, so it gets every user.
    const ids = caller.platform && !caller.userId ? null : await this.roles.assignableUserIds(operation, caller.roleId);
    if (ids && caller.userId) ids.add(caller.userId);
    const search = typeof q === 'string' && q.trim() ? `%${q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows: { id: string; username: string; displayName: string; roleId: string | null; roleName: string | null }[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", r.id AS "roleId", r.name AS "roleName"
         FROM core.users u LEFT JOIN core.roles r ON r.id = u.role_id
        WHERE u.operation_id = $1 AND u.active AND u.license_active
          AND ($2::uuid[] IS NULL OR u.id = ANY($2::uuid[]))
          AND ($3::text IS NULL OR lower(u.display_name) LIKE $3 OR lower(u.username) LIKE $3)
        ORDER BY u.display_name, u.username LIMIT ${LIMIT}`,
      [operation.id, ids ? [...ids] : null, search],
    );
    const items: AssignableUser[] = rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      role: r.roleId ? { id: r.roleId, name: r.roleName ?? '' } : null,
    }));
    return { items, total: items.length, nextCursor: null };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NO_PERMISSIONS, type ProfilePermissions } from '../core/profile-permissions';
import type { Caller } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { RecordAccess } from './record-access.policy';
import { isUuid } from '../core/uuid';

/** Roles strictly below a role, by walking the tree down. */
const ROLES_BELOW = `
  WITH RECURSIVE below AS (
    SELECT id FROM core.roles WHERE operation_id = $1 AND parent_id = $2
    UNION
    SELECT r.id FROM core.roles r JOIN below b ON r.parent_id = b.id WHERE r.operation_id = $1
  )`;

/** Builds the RecordAccess of a request's caller, or of the user a job runs for. */
@Injectable()
export class RecordAccessResolver {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** The platform token may do everything; an integration token has its profile (and no user, so no own records to narrow to). */
  async forCaller(operation: OperationRef, caller: Caller): Promise<RecordAccess> {
    if (caller.platform || !caller.permissions) return RecordAccess.unrestricted();
    return this.build(operation, caller.userId, caller.permissions, caller.roleId ?? null);
  }

  /** The access of a user as stored now (jobs run later than the request that started them); null = the platform. */
  async forUser(operation: OperationRef, userId: string | null, db: EntityManager = this.db.manager): Promise<RecordAccess> {
    if (userId === null) return RecordAccess.unrestricted();
    const [row] = isUuid(userId)
      ? await db.query(`SELECT p.permissions, u.role_id FROM core.users u LEFT JOIN core.profiles p ON p.id = u.profile_id WHERE u.operation_id = $1 AND u.id = $2`, [operation.id, userId])
      : [];
    const access = await this.build(operation, userId, (row?.permissions as ProfilePermissions | undefined) ?? NO_PERMISSIONS, row?.role_id ?? null, db);
    // Used inside the job's transaction: everything is loaded now, through it.
    await access.prepareAssignment();
    return access;
  }

  private async build(operation: OperationRef, userId: string | null, permissions: ProfilePermissions, roleId: string | null, db: EntityManager = this.db.manager): Promise<RecordAccess> {
    let visibleUserIds: Set<string> | null = null;
    if (userId !== null && permissions.visibility !== 'all') {
      visibleUserIds = new Set([userId]);
      if (permissions.visibility === 'hierarchy' && roleId) {
        const rows: { id: string }[] = await db.query(`${ROLES_BELOW} SELECT id FROM core.users WHERE operation_id = $1 AND role_id IN (SELECT id FROM below)`, [operation.id, roleId]);
        for (const row of rows) visibleUserIds.add(row.id);
      }
    }
    const loadAssignable = async (): Promise<ReadonlySet<string> | null> => {
      if (userId === null) return null;
      const ids = new Set([userId]);
      if (roleId) {
        const rows: { id: string }[] = await db.query(`${ROLES_BELOW} SELECT id FROM core.users WHERE operation_id = $1 AND active AND (role_id = $2 OR role_id IN (SELECT id FROM below))`, [
          operation.id,
          roleId,
        ]);
        for (const row of rows) ids.add(row.id);
      }
      return ids;
    };
    return new RecordAccess({ userId, permissions, visibleUserIds, loadAssignable });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { moduleRight, NO_PERMISSIONS, type ProfilePermissions } from '../core/profile-permissions';
import { sqlRows } from '../database/sql-rows';

/** Whether a user, as stored now (a job runs later than the request that started it), is active and may view a module. */
@Injectable()
export class ExportUserRights {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async mayView(operationId: string, userId: string, module: string): Promise<boolean> {
    const [row] = await sqlRows<{ active: boolean; permissions: ProfilePermissions | null }>(
      this.db.manager,
      `SELECT u.active, p.permissions FROM core.users u LEFT JOIN core.profiles p ON p.id = u.profile_id WHERE u.operation_id = $1 AND u.id = $2`,
      [operationId, userId],
    );
    return row !== undefined && row.active && moduleRight(row.permissions ?? NO_PERMISSIONS, module, 'view');
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { SessionService } from '../auth/session.service';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
  licenseActive: boolean;
  mustChangePassword: boolean;
  profileId: string | null;
  roleId: string | null;
  levelId: string | null;
  lockedUntil: Date | null;
  createdAt: Date;
}

export interface UserInput {
  username?: string;
  displayName?: string;
  email?: string | null;
  profileId?: string | null;
  roleId?: string | null;
  levelId?: string | null;
  licenseActive?: boolean;
  active?: boolean;
}

const COLUMNS = `id, username, display_name AS "displayName", email, active, license_active AS "licenseActive",
  must_change_password AS "mustChangePassword", profile_id AS "profileId", role_id AS "roleId", level_id AS "levelId",
  locked_until AS "lockedUntil", created_at AS "createdAt"`;

const notFound = (id: string) => ApiError.notFound({ es: `El usuario ${id} no existe.`, en: `User ${id} does not exist.` }, 'user_not_found');

/**
 * Users of one operation (A3): never deleted, only deactivated; a license is
 * needed to log in; the factory password is the operation's key and always
 * has to be changed at the next login.
 */
@Injectable()
export class UsersService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  async list(operation: OperationRef): Promise<UserView[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM core.users WHERE operation_id = $1 ORDER BY lower(username)`, [operation.id]);
  }

  async get(operation: OperationRef, id: string): Promise<UserView> {
    const [row] = isUuid(id) ? await this.db.query(`SELECT ${COLUMNS} FROM core.users WHERE operation_id = $1 AND id = $2`, [operation.id, id]) : [];
    if (!row) throw notFound(id);
    return row;
  }

  async create(operation: OperationRef, input: UserInput): Promise<UserView> {
    const username = input.username?.trim() ?? '';
    if (!/^[A-Za-z0-9_.@-]{3,60}$/.test(username)) {
      throw ApiError.validation([{ path: 'username', code: 'pattern', message: { es: 'Use de 3 a 60 letras, números o _ . @ -', en: 'Use 3 to 60 letters, digits or _ . @ -' } }]);
    }
    await this.checkReferences(operation, input);
    const [taken] = await this.db.query(`SELECT 1 FROM core.users WHERE operation_id = $1 AND lower(username) = lower($2)`, [operation.id, username]);
    if (taken) throw ApiError.conflict('username_taken', { es: `El usuario «${username}» ya existe.`, en: `User "${username}" already exists.` });
    const [row] = await this.db.query(
      `INSERT INTO core.users (operation_id, username, display_name, email, password_hash, must_change_password, active, license_active, profile_id, role_id, level_id)
       VALUES ($1, $2, $3, $4, $5, true, true, $6, $7, $8, $9) RETURNING id`,
      [
        operation.id,
        username,
        input.displayName?.trim() || username,
        input.email ?? null,
        await hash(operation.key, { type: 2 }),
        input.licenseActive ?? true,
        input.profileId ?? null,
        input.roleId ?? null,
        input.levelId ?? null,
      ],
    );
    return this.get(operation, row.id);
  }

  /** Edits a user; deactivating it or removing its license ends its sessions at once. */
  async update(operation: OperationRef, id: string, input: UserInput): Promise<UserView> {
    const before = await this.get(operation, id);
    await this.checkReferences(operation, input);
    const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as UserView;
    await this.db.query(
      `UPDATE core.users SET display_name = $3, email = $4, profile_id = $5, role_id = $6, level_id = $7, license_active = $8, active = $9, updated_at = now()
        WHERE operation_id = $1 AND id = $2`,
      [operation.id, id, next.displayName, next.email, next.profileId, next.roleId, next.levelId, next.licenseActive, next.active],
    );
    if ((before.active && !next.active) || (before.licenseActive && !next.licenseActive)) await this.sessions.revokeAll(id);
    return this.get(operation, id);
  }

  /** Back to the factory password (the operation's key), to be changed at the next login. */
  async resetPassword(operation: OperationRef, id: string): Promise<UserView> {
    await this.get(operation, id);
    await this.db.query(`UPDATE core.users SET password_hash = $3, must_change_password = true, failed_attempts = 0, locked_until = NULL, updated_at = now() WHERE operation_id = $1 AND id = $2`, [
      operation.id,
      id,
      await hash(operation.key, { type: 2 }),
    ]);
    await this.sessions.revokeAll(id);
    return this.get(operation, id);
  }

  async unlock(operation: OperationRef, id: string): Promise<UserView> {
    await this.get(operation, id);
    await this.db.query(`UPDATE core.users SET failed_attempts = 0, locked_until = NULL WHERE operation_id = $1 AND id = $2`, [operation.id, id]);
    return this.get(operation, id);
  }

  /** Profiles, roles and levels must be the operation's own. */
  private async checkReferences(operation: OperationRef, input: UserInput): Promise<void> {
    const checks: [keyof UserInput, string][] = [
      ['profileId', 'core.profiles'],
      ['roleId', 'core.roles'],
      ['levelId', 'core.levels'],
    ];
    for (const [key, tableName] of checks) {
      const value = input[key];
      if (value === undefined || value === null) continue;
      const [found] = typeof value === 'string' && isUuid(value) ? await this.db.query(`SELECT 1 FROM ${tableName} WHERE operation_id = $1 AND id = $2`, [operation.id, value]) : [];
      if (!found) {
        throw ApiError.validation([{ path: key, code: 'unknownReference', message: { es: 'No existe en esta operación.', en: 'Does not exist in this operation.' } }]);
      }
    }
  }
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

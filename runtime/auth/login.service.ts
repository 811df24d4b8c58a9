import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from 'argon2';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import { LOGIN_LIMITS, passwordIssues } from './password.policy';
import { type IssuedSession, SessionService } from './session.service';

interface UserRow {
  id: string;
  operation_id: string;
  operation_key: string;
  crm_enabled: boolean;
  username: string;
  password_hash: string;
  must_change_password: boolean;
  active: boolean;
  license_active: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  token_version: number;
}

export interface LoginResult extends IssuedSession {
  mustChangePassword: boolean;
  user: { id: string; username: string; operation: string };
}

const INVALID = () => new ApiError(401, 'invalid_credentials', { es: 'Usuario, operación o contraseña incorrectos.', en: 'Wrong user, operation or password.' });

/** A hash to verify against when the user does not exist, so both answers take the same time. */
const DECOY = hash('decoy-password-for-timing', { type: 2 });

/**
 * Logs users in (seed 000 §1): active license required, CRM enabled on the
 * operation, lockout after repeated failures per user, a cap of failures per
 * IP address, and every attempt in the login history.
 */
@Injectable()
export class LoginService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  async login(input: { operation: string; username: string; password: string }, ip: string): Promise<LoginResult> {
    const operation = input.operation.trim().toLowerCase();
    const username = input.username.trim();
    const password = input.password;
    if (!operation || !username) {
      throw ApiError.validation(
        [!operation && 'operation', !username && 'username']
          .filter((p): p is string => Boolean(p))
          .map((path) => ({ path, code: 'required', message: { es: 'El campo es obligatorio.', en: 'This field is required.' } })),
      );
    }
    await this.refuseBusyIp(ip, username);

    const [user]: UserRow[] = await this.db.query(
      `SELECT u.*, o.key AS operation_key, o.crm_enabled
         FROM core.users u JOIN core.operations o ON o.id = u.operation_id AND o.deleted_at IS NULL
        WHERE o.key = $1 AND lower(u.username) = lower($2)`,
      [operation, username],
    );
    if (!user) {
      await verify(await DECOY, password).catch(() => false);
      await this.record(null, null, username, ip, false, 'unknown_user');
      throw INVALID();
    }
    if (user.locked_until && user.locked_until > new Date()) {
      await this.record(user.operation_id, user.id, username, ip, false, 'locked');
      throw new ApiError(
        423,
        'user_locked',
        {
          es: 'El usuario está bloqueado por intentos fallidos; espere o pida a un administrador que lo desbloquee.',
          en: 'The user is locked after failed attempts; wait or ask an admin to unlock it.',
        },
        [],
        { lockedUntil: user.locked_until },
      );
    }
    if (!(await verify(user.password_hash, password).catch(() => false))) {
      const failures = user.failed_attempts + 1;
      const lock = failures >= LOGIN_LIMITS.userFailuresBeforeLock;
      await this.db.query(`UPDATE core.users SET failed_attempts = $2, locked_until = $3 WHERE id = $1`, [
        user.id,
        lock ? 0 : failures,
        lock ? new Date(Date.now() + LOGIN_LIMITS.lockMinutes * 60_000) : null,
      ]);
      await this.record(user.operation_id, user.id, username, ip, false, lock ? 'locked_now' : 'wrong_password');
      throw INVALID();
    }
    const refusal = !user.crm_enabled
      ? new ApiError(403, 'crm_disabled', { es: 'El CRM no está habilitado en esta operación.', en: 'The CRM is not enabled for this operation.' })
      : !user.active
        ? new ApiError(403, 'user_inactive', { es: 'El usuario está desactivado.', en: 'The user is deactivated.' })
        : !user.license_active
          ? new ApiError(403, 'license_inactive', { es: 'El usuario no tiene una licencia activa.', en: 'The user has no active license.' })
          : null;
    if (refusal) {
      await this.record(user.operation_id, user.id, username, ip, false, refusal.code);
      throw refusal;
    }
    await this.db.query(`UPDATE core.users SET failed_attempts = 0, locked_until = NULL WHERE id = $1`, [user.id]);
    await this.record(user.operation_id, user.id, username, ip, true, null);
    const session = await this.sessions.issue({ id: user.id, operationId: user.operation_id, tokenVersion: user.token_version }, ip);
    return { ...session, mustChangePassword: user.must_change_password, user: { id: user.id, username: user.username, operation: user.operation_key } };
  }

  /** Changes the caller's password; every other session of the user ends and a fresh one is returned. */
  async changePassword(userId: string, input: { currentPassword: string; newPassword: string }, ip: string): Promise<LoginResult> {
    const [user]: UserRow[] = await this.db.query(`SELECT u.*, o.key AS operation_key, o.crm_enabled FROM core.users u JOIN core.operations o ON o.id = u.operation_id WHERE u.id = $1`, [userId]);
    if (!user) throw INVALID();
    const current = input.currentPassword;
    if (!(await verify(user.password_hash, current).catch(() => false))) {
      throw ApiError.validation([{ path: 'currentPassword', code: 'password.wrong', message: { es: 'La contraseña actual no es correcta.', en: 'The current password is wrong.' } }]);
    }
    const issues = passwordIssues(input.newPassword, { username: user.username, operation: user.operation_key });
    if (input.newPassword === current) {
      issues.push({
        path: 'newPassword',
        code: 'password.unchanged',
        message: { es: 'La nueva contraseña debe ser distinta de la actual.', en: 'The new password must differ from the current one.' },
      });
    }
    if (issues.length) throw ApiError.validation(issues);
    const passwordHash = await hash(input.newPassword, { type: 2 });
    return this.db.transaction(async (tx) => {
      await tx.query(`UPDATE core.users SET password_hash = $2, must_change_password = false, password_changed_at = now() WHERE id = $1`, [userId, passwordHash]);
      await this.sessions.revokeAll(userId, tx);
      const [fresh] = await tx.query(`SELECT token_version FROM core.users WHERE id = $1`, [userId]);
      const session = await this.sessions.issue({ id: userId, operationId: user.operation_id, tokenVersion: fresh.token_version }, ip, tx);
      return { ...session, mustChangePassword: false, user: { id: userId, username: user.username, operation: user.operation_key } };
    });
  }

  private async refuseBusyIp(ip: string, username: string): Promise<void> {
    const [{ failures }] = await this.db.query(`SELECT count(*)::int AS failures FROM core.login_history WHERE ip = $1 AND NOT success AND at > now() - make_interval(mins => $2)`, [
      ip,
      LOGIN_LIMITS.ipWindowMinutes,
    ]);
    if (failures >= LOGIN_LIMITS.ipFailuresPerWindow) {
      await this.record(null, null, username, ip, false, 'ip_throttled');
      throw new ApiError(429, 'too_many_attempts', {
        es: `Demasiados intentos fallidos desde esta dirección; espere ${LOGIN_LIMITS.ipWindowMinutes} minutos.`,
        en: `Too many failed attempts from this address; wait ${LOGIN_LIMITS.ipWindowMinutes} minutes.`,
      });
    }
  }

  private async record(operationId: string | null, userId: string | null, username: string, ip: string, success: boolean, reason: string | null) {
    await this.db.query(`INSERT INTO core.login_history (operation_id, user_id, username, ip, success, reason) VALUES ($1, $2, $3, $4, $5, $6)`, [operationId, userId, username, ip, success, reason]);
  }
}

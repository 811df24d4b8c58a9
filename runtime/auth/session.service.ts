import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError } from '../core/api-error';
import { LOGIN_LIMITS } from './password.policy';
import { SettingsStore } from './settings.store';
import { hashToken, newSecretToken } from './token.hash';

/** What an access token says: who, in which operation, for which password generation and session. */
export interface AccessClaims {
  sub: string;
  op: string;
  tv: number;
  sid: string;
}

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const INVALID_SESSION = () => new ApiError(401, 'invalid_session', { es: 'La sesión no es válida o expiró; inicie sesión de nuevo.', en: 'The session is not valid or has expired; log in again.' });

/**
 * Sessions: a short-lived signed access token and a long-lived refresh token
 * stored only as a hash. Refreshing rotates the refresh token; changing the
 * password or deactivating the user bumps its token version, which voids
 * every access token at once, and revokes its sessions.
 */
@Injectable()
export class SessionService {
  private jwt?: JwtService;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SettingsStore) private readonly settings: SettingsStore,
  ) {}

  private async signer(): Promise<JwtService> {
    this.jwt ??= new JwtService({ secret: await this.settings.secret('session_secret'), signOptions: { algorithm: 'HS256' } });
    return this.jwt;
  }

  async issue(user: { id: string; operationId: string; tokenVersion: number }, ip: string, db: EntityManager = this.db.manager): Promise<IssuedSession> {
    const refreshToken = newSecretToken('crm_rt');
    const expires = new Date(Date.now() + LOGIN_LIMITS.refreshTokenDays * 86_400_000);
    const [session] = await db.query(`INSERT INTO core.sessions (user_id, refresh_hash, ip, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`, [user.id, hashToken(refreshToken), ip, expires]);
    const claims: AccessClaims = { sub: user.id, op: user.operationId, tv: user.tokenVersion, sid: session.id };
    const expiresIn = LOGIN_LIMITS.accessTokenMinutes * 60;
    const accessToken = await (await this.signer()).signAsync(claims, { expiresIn });
    return { accessToken, refreshToken, expiresIn };
  }

  /** The claims of a valid access token, or a 401. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      return await (await this.signer()).verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw INVALID_SESSION();
    }
  }

  /** Exchanges a refresh token for a new pair; the old refresh token stops working. */
  async refresh(refreshToken: unknown, ip: string): Promise<IssuedSession & { userId: string }> {
    if (typeof refreshToken !== 'string' || refreshToken.length > 200) throw INVALID_SESSION();
    return this.db.transaction(async (tx) => {
      // Wrapped in a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      const [row] = await tx.query(
        `WITH used AS (
           UPDATE core.sessions s SET revoked_at = now()
             FROM core.users u
            WHERE s.refresh_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.user_id AND u.active AND u.license_active
              AND EXISTS (SELECT 1 FROM core.operations o WHERE o.id = u.operation_id AND o.crm_enabled AND o.deleted_at IS NULL)
            RETURNING u.id, u.operation_id, u.token_version)
         SELECT * FROM used`,
        [hashToken(refreshToken)],
      );
      if (!row) throw INVALID_SESSION();
      const issued = await this.issue({ id: row.id, operationId: row.operation_id, tokenVersion: row.token_version }, ip, tx);
      return { ...issued, userId: row.id };
    });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.query(`UPDATE core.sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /** Voids every session of a user: its access tokens (token version) and its refresh tokens. */
  async revokeAll(userId: string, db: EntityManager = this.db.manager): Promise<void> {
    await db.query(`UPDATE core.users SET token_version = token_version + 1, updated_at = now() WHERE id = $1`, [userId]);
    await db.query(`UPDATE core.sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }
}

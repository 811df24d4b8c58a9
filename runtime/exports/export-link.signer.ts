import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { SettingsStore } from '../auth/settings.store';
import { exportErrors } from './export.errors';

interface LinkClaims {
  /** The export (its job's id). */
  eid: string;
  /** The user it was made for. */
  sub: string;
  /** The operation. */
  op: string;
  exp: number;
}

export interface ExportLinkTarget {
  exportId: string;
  userId: string;
  operationId: string;
  expiresAt: Date;
}

/**
 * Download tokens: an HS256 JWT binding the export, its user, its operation and
 * its expiry, signed with a platform secret kept in core.settings (the same on
 * every replica, separate from the session secret).
 */
@Injectable()
export class ExportLinkSigner {
  private jwt?: JwtService;

  constructor(@Inject(SettingsStore) private readonly settings: SettingsStore) {}

  private async signer(): Promise<JwtService> {
    this.jwt ??= new JwtService({ secret: await this.settings.secret('export_link_secret'), signOptions: { algorithm: 'HS256' } });
    return this.jwt;
  }

  async sign(target: ExportLinkTarget): Promise<string> {
    const claims: LinkClaims = { eid: target.exportId, sub: target.userId, op: target.operationId, exp: Math.floor(target.expiresAt.getTime() / 1000) };
    return (await this.signer()).signAsync(claims);
  }

  /** The token's claims when it is for this export: 410 when expired, 403 when forged or for another export. */
  async verify(token: string, exportId: string): Promise<{ userId: string; operationId: string }> {
    let claims: LinkClaims;
    try {
      claims = await (await this.signer()).verifyAsync<LinkClaims>(token, { algorithms: ['HS256'] });
    } catch (error) {
      throw error instanceof TokenExpiredError ? exportErrors.expired() : exportErrors.badLink();
    }
    if (claims.eid !== exportId || typeof claims.sub !== 'string' || typeof claims.op !== 'string') throw exportErrors.badLink();
    return { userId: claims.sub, operationId: claims.op };
  }
}

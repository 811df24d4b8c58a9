import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { hashToken } from './token.hash';

export type TokenType = 'internal' | 'external';

/** An integration token acting instead of a user: its operation and, for an external one, its company. */
export interface TokenCaller {
  id: string;
  type: TokenType;
  companyId: string | null;
  operation: OperationRef;
}

/** Finds the live integration token behind a presented secret; tokens are created and revoked in access/. */
@Injectable()
export class ApiTokenAuthenticator {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** The live token behind a presented secret, or null; marks it used (at most once a minute). */
  async authenticate(secret: string): Promise<TokenCaller | null> {
    if (!/^crm_(it|et)_[A-Za-z0-9_-]{43}$/.test(secret)) return null;
    const [row] = await this.db.query(
      `SELECT t.id, t.type, t.company_id, t.last_used_at, o.id AS operation_id, o.key, o.schema_name
         FROM core.api_tokens t JOIN core.operations o ON o.id = t.operation_id AND o.deleted_at IS NULL AND o.crm_enabled
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [hashToken(secret)],
    );
    if (!row) return null;
    if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
      await this.db.query(`UPDATE core.api_tokens SET last_used_at = now() WHERE id = $1`, [row.id]);
    }
    return { id: row.id, type: row.type, companyId: row.company_id, operation: { id: row.operation_id, key: row.key, schemaName: row.schema_name } };
  }
}

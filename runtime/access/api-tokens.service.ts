import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { table } from '../database/sql';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { TokenType } from '../auth/api-token.authenticator';
import { hashToken, newSecretToken } from '../auth/token.hash';
import { isUuid } from './users.service';

export interface TokenView {
  id: string;
  name: string;
  type: TokenType;
  companyId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `id, name, type, company_id AS "companyId", created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;
const PREFIX: Record<TokenType, string> = { internal: 'crm_it', external: 'crm_et' };

/**
 * Integration tokens (A6, seed 000 §3): internal or external, named once and
 * never edited, shown only at creation and stored as a hash. An external token
 * belongs to a company: a record of the module with the `companies` role.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
  ) {}

  list(operation: OperationRef): Promise<TokenView[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM core.api_tokens WHERE operation_id = $1 ORDER BY created_at DESC`, [operation.id]);
  }

  async create(operation: OperationRef, input: { name?: unknown; type?: unknown; companyId?: unknown }, userId: string | null): Promise<TokenView & { token: string }> {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    const type = input.type;
    const issues = [];
    if (!name || name.length > 100) issues.push({ path: 'name', code: 'required', message: { es: 'El nombre es obligatorio (máximo 100).', en: 'The name is required (at most 100).' } });
    if (type !== 'internal' && type !== 'external') issues.push({ path: 'type', code: 'option', message: { es: 'El tipo es «internal» o «external».', en: 'The type is "internal" or "external".' } });
    let companyId: string | null = null;
    if (type === 'external') {
      const candidate = input.companyId;
      const companies = await this.definitions.withRole(operation, 'companies');
      const [company] =
        companies && typeof candidate === 'string' && isUuid(candidate)
          ? await this.db.query(`SELECT id FROM ${table(operation.schemaName, companies.key)} WHERE id = $1 AND deleted_at IS NULL`, [candidate])
          : [];
      if (company) companyId = company.id;
      else issues.push({ path: 'companyId', code: 'unknownReference', message: { es: 'Un token externo necesita una empresa existente.', en: 'An external token needs an existing company.' } });
    }
    if (issues.length) throw ApiError.validation(issues);
    const token = newSecretToken(PREFIX[type as TokenType]);
    const [row] = await this.db.query(`INSERT INTO core.api_tokens (operation_id, name, type, token_hash, company_id, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`, [
      operation.id,
      name,
      type,
      hashToken(token),
      companyId,
      userId,
    ]);
    return { ...row, token };
  }

  async revoke(operation: OperationRef, id: string): Promise<TokenView> {
    const [row] = isUuid(id)
      ? await this.db.query(`WITH revoked AS (UPDATE core.api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE operation_id = $1 AND id = $2 RETURNING ${COLUMNS}) SELECT * FROM revoked`, [
          operation.id,
          id,
        ])
      : [];
    if (!row) throw ApiError.notFound({ es: `El token ${id} no existe.`, en: `Token ${id} does not exist.` }, 'token_not_found');
    return row;
  }
}

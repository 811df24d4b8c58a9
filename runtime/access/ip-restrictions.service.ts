import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IpAllowList, checkRule, normalizeIp } from '../auth/ip-range.matcher';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { isUuid } from './users.service';

export interface IpRestrictionView {
  id: string;
  address: string;
  mask: string | null;
  description: string | null;
  createdAt: Date;
}

const ruleNotFound = (id: string) => ApiError.notFound({ es: `La regla ${id} no existe.`, en: `Rule ${id} does not exist.` }, 'ip_rule_not_found');

const COLUMNS = `id, address, mask, description, created_at AS "createdAt"`;

/** Click2Dial IP restrictions (A7, seed 002 §7): which addresses may dial and download contact data. */
@Injectable()
export class IpRestrictionsService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  list(operation: OperationRef): Promise<IpRestrictionView[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM core.ip_restrictions WHERE operation_id = $1 ORDER BY created_at`, [operation.id]);
  }

  async add(operation: OperationRef, input: { address?: unknown; mask?: unknown; description?: unknown }): Promise<IpRestrictionView> {
    const { address, mask, description } = this.checked(input);
    const [row] = await this.db.query(`INSERT INTO core.ip_restrictions (operation_id, address, mask, description) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`, [
      operation.id,
      address,
      mask ?? null,
      description,
    ]);
    return row;
  }

  /** Changes a rule; fields not sent keep their value (`mask: null` makes it a single address). */
  async update(operation: OperationRef, id: string, input: { address?: unknown; mask?: unknown; description?: unknown }): Promise<IpRestrictionView> {
    const [current] = isUuid(id) ? await this.db.query(`SELECT ${COLUMNS} FROM core.ip_restrictions WHERE operation_id = $1 AND id = $2`, [operation.id, id]) : [];
    if (!current) throw ruleNotFound(id);
    const merged = {
      address: input.address === undefined ? current.address : input.address,
      mask: input.mask === undefined ? current.mask : input.mask,
      description: input.description === undefined ? current.description : input.description,
    };
    const { address, mask, description } = this.checked(merged);
    const [row] = await this.db.query(
      `WITH changed AS (UPDATE core.ip_restrictions SET address = $3, mask = $4, description = $5 WHERE operation_id = $1 AND id = $2 RETURNING ${COLUMNS}) SELECT * FROM changed`,
      [operation.id, id, address, mask ?? null, description],
    );
    return row;
  }

  private checked(input: { address?: unknown; mask?: unknown; description?: unknown }): { address: string; mask?: string; description: string | null } {
    const address = typeof input.address === 'string' ? input.address.trim() : '';
    const mask = typeof input.mask === 'string' && input.mask.trim() ? input.mask.trim() : undefined;
    const problem = checkRule({ address, mask });
    if (problem) {
      throw ApiError.validation([
        problem === 'address'
          ? { path: 'address', code: 'format.ip', message: { es: 'La dirección IP no es válida.', en: 'The IP address is not valid.' } }
          : { path: 'mask', code: 'format.mask', message: { es: 'La máscara no es válida (p. ej. 255.255.255.0 o /24).', en: 'The mask is not valid (e.g. 255.255.255.0 or /24).' } },
      ]);
    }
    const description = typeof input.description === 'string' ? input.description.slice(0, 200) : null;
    return { address, mask, description };
  }

  async remove(operation: OperationRef, id: string): Promise<void> {
    const [row] = isUuid(id) ? await this.db.query(`WITH gone AS (DELETE FROM core.ip_restrictions WHERE operation_id = $1 AND id = $2 RETURNING id) SELECT id FROM gone`, [operation.id, id]) : [];
    if (!row) throw ruleNotFound(id);
  }

  /** Refuses the caller's address when the operation's rules do not allow it, naming the address. */
  async enforce(operation: OperationRef, ip: string): Promise<void> {
    const rules = await this.list(operation);
    const list = new IpAllowList(rules.map((r) => ({ address: r.address, mask: r.mask ?? undefined })));
    if (!list.allows(ip)) {
      const shown = normalizeIp(ip);
      throw new ApiError(
        403,
        'ip_not_allowed',
        {
          es: `La dirección IP ${shown} no está autorizada para Click2Dial ni para descargar datos de contacto.`,
          en: `IP address ${shown} is not allowed to use Click2Dial or download contact data.`,
        },
        [],
        { ip: shown },
      );
    }
  }
}

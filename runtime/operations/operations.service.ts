import { CATALOG_MODULES } from '@crm/modules-catalog';
import { Inject, Injectable } from '@nestjs/common';
import { hash } from 'argon2';
import { DataSource, IsNull } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { ident } from '../database/sql';
import { ApiError } from '../errors/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { OperationEntity } from './operation.entity';
import type { OperationRef } from './operation-ref';

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

@Injectable()
export class OperationsService {
  private readonly byKey = new Map<string, OperationRef & { crmEnabled: boolean }>();

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly modules: ModuleDefinitionsService,
  ) {}

  /** The default admin's user name: `ADMIN_@<operation>` (seed 000 §1.2). */
  static adminUsername(key: string): string {
    return `ADMIN_@${key}`;
  }

  /**
   * Creates an operation: its row, its own Postgres schema with one table per
   * catalog module, and its default admin (password = the operation's key,
   * to be changed at first login). All or nothing.
   */
  async create(key: string, name?: string): Promise<OperationEntity> {
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw ApiError.validation([
        {
          path: 'key',
          code: 'pattern',
          message: {
            es: 'La clave de la operación usa minúsculas, números y _ (empieza por letra, máximo 40).',
            en: 'The operation key uses lowercase letters, digits and _ (starting with a letter, at most 40).',
          },
        },
      ]);
    }
    const operation = await this.db.transaction(async (tx) => {
      const exists = await tx.getRepository(OperationEntity).exists({ where: { key } });
      if (exists) throw ApiError.conflict('operation_exists', { es: `La operación «${key}» ya existe.`, en: `Operation "${key}" already exists.` });
      const row = await tx.getRepository(OperationEntity).save({ key, name: name?.trim() || key, schemaName: `op_${key}`, crmEnabled: true });
      await tx.query(`CREATE SCHEMA ${ident(row.schemaName)}`);
      const ref = { id: row.id, key: row.key, schemaName: row.schemaName };
      await this.modules.create(ref, CATALOG_MODULES, null, tx);
      await tx.getRepository(UserEntity).insert({
        operationId: row.id,
        username: OperationsService.adminUsername(key),
        displayName: 'Administrador',
        passwordHash: await hash(key, { type: 2 }),
        mustChangePassword: true,
        isAdmin: true,
        active: true,
        licenseActive: true,
      });
      return row;
    });
    return operation;
  }

  async list(): Promise<OperationEntity[]> {
    return this.db.getRepository(OperationEntity).find({ where: { deletedAt: IsNull() }, order: { key: 'ASC' } });
  }

  /** The operation with this key, or a 404. */
  async resolve(key: string): Promise<OperationRef & { crmEnabled: boolean }> {
    const cached = this.byKey.get(key);
    if (cached) return cached;
    const row = typeof key === 'string' && KEY.test(key) ? await this.db.getRepository(OperationEntity).findOne({ where: { key, deletedAt: IsNull() } }) : null;
    if (!row) throw ApiError.notFound({ es: `La operación «${key}» no existe.`, en: `Operation "${key}" does not exist.` }, 'operation_not_found');
    const ref = { id: row.id, key: row.key, schemaName: row.schemaName, crmEnabled: row.crmEnabled };
    this.byKey.set(key, ref);
    return ref;
  }

  async exists(key: string): Promise<boolean> {
    return this.db.getRepository(OperationEntity).exists({ where: { key } });
  }
}

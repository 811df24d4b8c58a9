import { Inject, Injectable } from '@nestjs/common';
import Ajv from 'ajv';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { MODULE_RIGHTS, type ProfilePermissions } from '../core/profile-permissions';
import { isUuid } from './users.service';

const rights = { type: 'object', additionalProperties: false, properties: Object.fromEntries(MODULE_RIGHTS.map((r) => [r, { type: 'boolean' }])) };
const PERMISSIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['modules', 'fields', 'visibility', 'allUsersCanEdit', 'aiAssistant', 'admin'],
  properties: {
    modules: { type: 'object', propertyNames: { pattern: '^(\\*|[a-z][a-z0-9_]{0,62})$' }, additionalProperties: rights },
    fields: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9_]{0,62}$' },
      additionalProperties: { type: 'object', propertyNames: { pattern: '^[a-z][a-z0-9_]{0,62}$' }, additionalProperties: { enum: ['hidden', 'readOnly'] } },
    },
    visibility: { enum: ['own', 'hierarchy', 'all'] },
    allUsersCanEdit: { type: 'boolean' },
    aiAssistant: { type: 'boolean' },
    admin: { type: 'boolean' },
  },
};
const checkPermissions = new Ajv({ allErrors: true }).compile<ProfilePermissions>(PERMISSIONS_SCHEMA);

export interface ProfileView {
  id: string;
  name: string;
  description: string | null;
  permissions: ProfilePermissions;
}

/** Profiles (A4): what their users may do per module and field, which records they see. */
@Injectable()
export class ProfilesService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  list(operation: OperationRef): Promise<ProfileView[]> {
    return this.db.query(`SELECT id, name, description, permissions FROM core.profiles WHERE operation_id = $1 ORDER BY name`, [operation.id]);
  }

  async get(operation: OperationRef, id: string): Promise<ProfileView> {
    const [row] = isUuid(id) ? await this.db.query(`SELECT id, name, description, permissions FROM core.profiles WHERE operation_id = $1 AND id = $2`, [operation.id, id]) : [];
    if (!row) throw ApiError.notFound({ es: `El perfil ${id} no existe.`, en: `Profile ${id} does not exist.` }, 'profile_not_found');
    return row;
  }

  async save(operation: OperationRef, input: { name?: unknown; description?: unknown; permissions?: unknown }, id?: string): Promise<ProfileView> {
    const current = id ? await this.get(operation, id) : undefined;
    const name = typeof input.name === 'string' ? input.name.trim() : current?.name;
    const permissions = input.permissions ?? current?.permissions;
    const issues = [];
    if (!name || name.length > 100) issues.push({ path: 'name', code: 'required', message: { es: 'El nombre es obligatorio (máximo 100).', en: 'The name is required (at most 100).' } });
    if (!checkPermissions(permissions)) {
      for (const error of checkPermissions.errors ?? []) {
        issues.push({
          path: `permissions${error.instancePath.replace(/\//g, '.')}`,
          code: 'invalid',
          message: { es: `Permisos no válidos: ${error.message}.`, en: `Invalid permissions: ${error.message}.` },
        });
      }
    }
    if (issues.length) throw ApiError.validation(issues);
    const description = typeof input.description === 'string' ? input.description : (current?.description ?? null);
    try {
      const [row] = current
        ? await this.db.query(
            `WITH changed AS (UPDATE core.profiles SET name = $3, description = $4, permissions = $5, updated_at = now() WHERE operation_id = $1 AND id = $2 RETURNING id) SELECT id FROM changed`,
            [operation.id, current.id, name, description, JSON.stringify(permissions)],
          )
        : await this.db.query(`INSERT INTO core.profiles (operation_id, name, description, permissions) VALUES ($1, $2, $3, $4) RETURNING id`, [
            operation.id,
            name,
            description,
            JSON.stringify(permissions),
          ]);
      return this.get(operation, row.id);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw ApiError.conflict('profile_exists', { es: `Ya hay un perfil «${name}».`, en: `There is already a profile "${name}".` });
      }
      throw error;
    }
  }
}

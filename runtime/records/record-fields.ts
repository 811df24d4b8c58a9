import type { ModuleDefinition, ModuleField, SystemFieldKey } from '@crm/engine';

/** System fields as the API names them → their columns in every module table. */
export const SYSTEM_COLUMN: Readonly<Record<SystemFieldKey, string>> = {
  id: 'id',
  version: 'version',
  createdAt: 'created_at',
  createdBy: 'created_by',
  updatedAt: 'updated_at',
  updatedBy: 'updated_by',
  owner: 'owner',
  assignee: 'assignee',
  deletedAt: 'deleted_at',
};

/** System fields every record carries in API answers (deletedAt only shows on deleted records). */
export const RECORD_SYSTEM_KEYS = ['id', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'owner', 'assignee'] as const;

/** System fields a client may send on a record write: who owns the record and who it is assigned to. */
export const ASSIGNABLE_SYSTEM_KEYS = ['owner', 'assignee'] as const;
export type AssignableSystemKey = (typeof ASSIGNABLE_SYSTEM_KEYS)[number];

interface FieldIndex {
  active: ModuleField[];
  byKey: Map<string, ModuleField>;
}

const indexes = new WeakMap<ModuleDefinition, FieldIndex>();

function index(definition: ModuleDefinition): FieldIndex {
  let found = indexes.get(definition);
  if (!found) {
    const active = definition.fields.filter((f) => !f.archived);
    found = { active, byKey: new Map(active.map((f) => [f.key, f])) };
    indexes.set(definition, found);
  }
  return found;
}

/** The fields a record shows and stores: archived fields keep their column but never leave the server. */
export function activeFields(definition: ModuleDefinition): readonly ModuleField[] {
  return index(definition).active;
}

export function activeField(definition: ModuleDefinition, key: string): ModuleField | undefined {
  return index(definition).byKey.get(key);
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

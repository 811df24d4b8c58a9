import { SYSTEM_FIELD_KEYS, SYSTEM_FIELDS, type ModuleDefinition, type ModuleField, type SystemFieldKey } from '@crm/engine';

/** System fields as the API names them → their columns in every module table. */
export const SYSTEM_COLUMN: Readonly<Record<SystemFieldKey, string>> = Object.fromEntries(SYSTEM_FIELD_KEYS.map((key) => [key, SYSTEM_FIELDS[key].column])) as Record<SystemFieldKey, string>;

export { ASSIGNABLE_SYSTEM_KEYS, RECORD_SYSTEM_KEYS, type AssignableSystemKey } from '@crm/engine';

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

import { type FieldType, fieldTypeOf, isComputed, type ModuleField } from '@crm/engine';
import type { Localized } from '../i18n/i18n';

/** Members every field type accepts; the rest are type-specific and the meta-schema refuses them on other types. A role the new type cannot carry is reported by validation. */
const COMMON = ['key', 'type', 'label', 'help', 'required', 'unique', 'searchable', 'filterable', 'readOnly', 'locked', 'archived', 'conditions', 'role'] as const;

/** The type-specific members a new field of `type` starts with (its type file's defaults), so it validates at once. */
function typeDefaults(type: FieldType, modules: string[]): Record<string, unknown> {
  return fieldTypeOf(type).designer.defaults({ modules });
}

export function newField(key: string, type: FieldType, label: Localized, modules: string[]): ModuleField {
  return { key, type, label, ...typeDefaults(type, modules) } as ModuleField;
}

/**
 * The same field as another type: key, label, flags and conditions stay;
 * options of the old type go (the meta-schema allows only the new type's).
 * A picklist keeps its options when it becomes another type that has them.
 */
export function changeType(field: ModuleField, type: FieldType, modules: string[]): ModuleField {
  const kept: Record<string, unknown> = {};
  for (const member of COMMON) if (field[member] !== undefined) kept[member] = field[member];
  const next = { ...kept, ...typeDefaults(type, modules), type } as ModuleField;
  const takesOptions = fieldTypeOf(type).designer.options.some((o) => o.key === 'options');
  if (takesOptions && 'options' in field) (next as { options: unknown }).options = field.options;
  // Nobody fills in a computed value.
  if (isComputed(type)) delete (next as { required?: boolean }).required;
  return next;
}

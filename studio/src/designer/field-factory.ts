import type { FieldType, ModuleField, SubtableColumn } from '../../../engine/definition/module-definition.types';
import type { Localized } from '../i18n/i18n';

/** Members every field type accepts; the rest are type-specific and the meta-schema refuses them on other types. A role the new type cannot carry is reported by validation. */
const COMMON = ['key', 'type', 'label', 'help', 'required', 'unique', 'searchable', 'filterable', 'readOnly', 'locked', 'archived', 'conditions', 'role'] as const;

/** The type-specific members a new field of `type` starts with, so it validates at once. */
function typeDefaults(type: FieldType, modules: string[]): Record<string, unknown> {
  switch (type) {
    case 'decimal':
    case 'percent':
      return { scale: 2 };
    case 'currency':
      return { currency: 'COP', scale: 2 };
    case 'select':
    case 'multiSelect':
      return { options: [{ key: 'opcion_1', label: { es: 'Opción 1', en: 'Option 1' } }] };
    case 'lookup':
      // No module to point at yet: the empty target fails validation and the designer asks for one.
      return { target: modules[0] ?? '' };
    case 'file':
      return { accept: ['pdf', 'jpg', 'png'], maxSizeMb: 10 };
    case 'autonumber':
      return { prefix: 'REG-{{seq 6}}' };
    case 'formula':
      return { formula: 0, resultType: 'decimal', scale: 2 };
    case 'subtable':
      return { columns: [{ key: 'descripcion', type: 'text', label: { es: 'Descripción', en: 'Description' } } satisfies SubtableColumn] };
    default:
      return {};
  }
}

export function newField(key: string, type: FieldType, label: Localized, modules: string[]): ModuleField {
  return { key, type, label, ...typeDefaults(type, modules) } as ModuleField;
}

/**
 * The same field as another type: key, label, flags and conditions stay;
 * options of the old type go (the meta-schema allows only the new type's).
 * A picklist keeps its options when it becomes the other kind of picklist.
 */
export function changeType(field: ModuleField, type: FieldType, modules: string[]): ModuleField {
  const kept: Record<string, unknown> = {};
  for (const member of COMMON) if (field[member] !== undefined) kept[member] = field[member];
  const next = { ...kept, ...typeDefaults(type, modules), type } as ModuleField;
  if ((type === 'select' || type === 'multiSelect') && 'options' in field) (next as { options: unknown }).options = field.options;
  if (type === 'autonumber' || type === 'formula') delete (next as { required?: boolean }).required;
  return next;
}

import { fieldTypeOf, isComputed } from '../definition/field-type.registry';
import type { Locale, ModuleDefinition, ModuleField } from '../definition/module-definition.types';
import { RECORD_SYSTEM_KEYS, SYSTEM_FIELDS, type SystemField } from '../definition/system-columns';
import type { FieldTypeContext, JsonSchema } from '../fields/field-type';

export type { JsonSchema } from '../fields/field-type';
export { DEFAULT_TEXT_MAX } from '../fields/text.field';
export { DEFAULT_LONG_TEXT_MAX } from '../fields/long-text.field';

const contexts: Record<Locale, FieldTypeContext> = {
  es: { lang: 'es', valueSchema: (field) => fieldValueSchema(field, 'es') },
  en: { lang: 'en', valueSchema: (field) => fieldValueSchema(field, 'en') },
};

/**
 * JSON Schema of one field's value, from its type file (null always allowed:
 * it clears the value; requiredness is a rule). Titles in `lang`: the API
 * documents Spanish, the Studio's forms draw the user's language.
 */
export function fieldValueSchema(field: ModuleField, lang: Locale = 'es'): JsonSchema {
  return fieldTypeOf(field).schema(field, contexts[lang]);
}

/**
 * The JSON Schema of what a client may send for a record of this module:
 * active, client-writable fields only. Archived and computed fields are
 * refused by the validator with their own codes, so they are absent here.
 */
export function buildInputSchema(definition: ModuleDefinition, lang: Locale = 'es'): JsonSchema {
  const writable = definition.fields.filter((f) => !f.archived && !isComputed(f.type));
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(writable.map((f) => [f.key, fieldValueSchema(f, lang)])),
  };
}

/** The JSON Schema of a record as the API returns it: every active field plus the system fields. */
export function buildRecordSchema(definition: ModuleDefinition, lang: Locale = 'es'): JsonSchema {
  const active = definition.fields.filter((f) => !f.archived);
  const system = RECORD_SYSTEM_KEYS.map((key) => [key, SYSTEM_FIELDS[key] as SystemField] as const);
  return {
    title: definition.names.singular[lang],
    type: 'object',
    properties: {
      ...Object.fromEntries(system.map(([key, facts]) => [key, facts.schema])),
      ...Object.fromEntries(active.map((f) => [f.key, fieldValueSchema(f, lang)])),
    },
    required: system.filter(([, facts]) => !facts.nullable).map(([key]) => key),
  };
}

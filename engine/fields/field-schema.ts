import type { ModuleField } from '../definition/module-definition.types';
import type { FieldTypeContext, JsonSchema } from './field-type';

/** Null is always a value a client may send: it clears the field (requiredness is a rule, not a schema). */
export function nullable(schema: JsonSchema): JsonSchema {
  const type = schema.type;
  if (typeof type === 'string') return { ...schema, type: [type, 'null'] };
  if (Array.isArray(type)) return { ...schema, type: [...type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** Title and description in the context's language. */
export function titled(field: ModuleField, context: FieldTypeContext): JsonSchema {
  return { title: field.label[context.lang], ...(field.help && { description: field.help[context.lang] }) };
}

import type { ModuleDefinition, ModuleField } from '../definition/module-definition.types';
import { isComputed } from '../definition/field-type.registry';

export type JsonSchema = Record<string, unknown>;

/** Longest text a `text` field takes when its definition sets no limit. */
export const DEFAULT_TEXT_MAX = 255;
export const DEFAULT_LONG_TEXT_MAX = 100_000;

const nullable = (schema: JsonSchema): JsonSchema => {
  const type = schema.type;
  if (typeof type === 'string') return { ...schema, type: [type, 'null'] };
  if (Array.isArray(type)) return { ...schema, type: [...type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
};

function numberBounds(field: { min?: number; max?: number }): JsonSchema {
  return { ...(field.min !== undefined && { minimum: field.min }), ...(field.max !== undefined && { maximum: field.max }) };
}

/** JSON Schema of one field's value (null always allowed: it clears the value; requiredness is a rule). */
export function fieldValueSchema(field: ModuleField): JsonSchema {
  const base = { title: field.label.es, ...(field.help && { description: field.help.es }) };
  switch (field.type) {
    case 'text':
      return nullable({ ...base, type: 'string', maxLength: field.maxLength ?? DEFAULT_TEXT_MAX, ...(field.pattern && { pattern: field.pattern }) });
    case 'longText':
      return nullable({ ...base, type: 'string', maxLength: field.maxLength ?? DEFAULT_LONG_TEXT_MAX });
    case 'integer':
      return nullable({
        ...base,
        type: 'integer',
        minimum: field.min ?? Number.MIN_SAFE_INTEGER,
        maximum: field.max ?? Number.MAX_SAFE_INTEGER,
      });
    case 'decimal':
    case 'percent':
    case 'currency':
      // Amounts travel as numbers or decimal strings ("1234.50"): strings keep money exact.
      return nullable({ ...base, type: ['number', 'string'], 'x-decimal': { scale: field.scale ?? 2, ...numberBounds(field) } });
    case 'date':
      return nullable({ ...base, type: 'string', format: 'date' });
    case 'datetime':
      return nullable({ ...base, type: 'string', format: 'date-time' });
    case 'boolean':
      return nullable({ ...base, type: 'boolean' });
    case 'select':
      return nullable({ ...base, type: 'string', enum: field.options.filter((o) => !o.archived).map((o) => o.key) });
    case 'multiSelect':
      return nullable({
        ...base,
        type: 'array',
        uniqueItems: true,
        ...(field.maxItems && { maxItems: field.maxItems }),
        items: { type: 'string', enum: field.options.filter((o) => !o.archived).map((o) => o.key) },
      });
    case 'email':
      return nullable({ ...base, type: 'string', maxLength: 254, format: 'email' });
    case 'phone':
      return nullable({ ...base, type: 'string', format: 'phone' });
    case 'url':
      return nullable({ ...base, type: 'string', maxLength: 2000, format: 'uri' });
    case 'lookup':
    case 'user':
      return nullable({ ...base, type: 'string', format: 'uuid' });
    case 'file':
      return nullable({
        ...base,
        type: 'array',
        maxItems: field.maxFiles ?? 10,
        items: {
          type: 'object',
          required: ['id', 'name', 'size'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', minLength: 1, maxLength: 200 },
            name: { type: 'string', minLength: 1, maxLength: 255 },
            size: { type: 'integer', minimum: 0 },
            mime: { type: 'string', maxLength: 200 },
          },
        },
        'x-file': { accept: field.accept, maxSizeMb: field.maxSizeMb ?? 10 },
      });
    case 'autonumber':
      return nullable({ ...base, type: 'string', readOnly: true });
    case 'formula':
      return { ...base, readOnly: true };
    case 'subtable':
      return nullable({
        ...base,
        type: 'array',
        maxItems: field.maxRows ?? 1000,
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            id: { type: 'string', maxLength: 100 },
            ...Object.fromEntries(field.columns.filter((c) => !c.archived).map((c) => [c.key, fieldValueSchema(c)])),
          },
        },
      });
  }
}

/**
 * The JSON Schema of what a client may send for a record of this module:
 * active, client-writable fields only. Archived and computed fields are
 * refused by the validator with their own codes, so they are absent here.
 */
export function buildInputSchema(definition: ModuleDefinition): JsonSchema {
  const writable = definition.fields.filter((f) => !f.archived && !isComputed(f.type));
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(writable.map((f) => [f.key, fieldValueSchema(f)])),
  };
}

/** The JSON Schema of a record as the API returns it: every active field plus the system fields. */
export function buildRecordSchema(definition: ModuleDefinition): JsonSchema {
  const active = definition.fields.filter((f) => !f.archived);
  const uuid = { type: 'string', format: 'uuid' };
  const stamp = { type: 'string', format: 'date-time' };
  return {
    title: definition.names.singular.es,
    type: 'object',
    properties: {
      id: uuid,
      version: { type: 'integer', minimum: 1 },
      createdAt: stamp,
      createdBy: nullable(uuid),
      updatedAt: stamp,
      updatedBy: nullable(uuid),
      owner: nullable(uuid),
      assignee: nullable(uuid),
      ...Object.fromEntries(active.map((f) => [f.key, fieldValueSchema(f)])),
    },
    required: ['id', 'version', 'createdAt', 'updatedAt'],
  };
}

import type { SettingsSection } from './settings.sections';

const KEY = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' };
const TEXT = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const LABEL = { type: 'object', required: ['es', 'en'], additionalProperties: false, properties: { es: TEXT(120), en: { type: 'string', maxLength: 120 } } };

/** JSON Schemas of each section's value (ajv, draft-07 style); cross-item checks live in settings.checks.ts. */
export const SECTION_SCHEMAS: Record<SettingsSection, object> = {
  tipificaciones: {
    type: 'object',
    propertyNames: KEY,
    maxProperties: 100,
    additionalProperties: { type: 'array', maxItems: 500, items: { $ref: '#/$defs/node' } },
    $defs: {
      node: {
        type: 'object',
        required: ['key', 'label'],
        additionalProperties: false,
        properties: { key: KEY, label: LABEL, children: { type: 'array', maxItems: 500, items: { $ref: '#/$defs/node' } } },
      },
    },
  },
  email_templates: {
    type: 'object',
    required: ['items'],
    additionalProperties: false,
    properties: {
      items: {
        type: 'array',
        maxItems: 200,
        items: {
          type: 'object',
          required: ['key', 'name', 'module', 'subject', 'body'],
          additionalProperties: false,
          properties: { key: KEY, name: TEXT(120), module: KEY, subject: TEXT(300), body: { type: 'string', maxLength: 100000 } },
        },
      },
    },
  },
  web_integration: {
    type: 'object',
    required: ['module', 'url', 'variables'],
    additionalProperties: false,
    properties: {
      module: KEY,
      url: { type: 'string', maxLength: 2000 },
      variables: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          required: ['name', 'source'],
          additionalProperties: false,
          properties: { name: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,62}$' }, source: { enum: ['field', 'agent', 'call'] }, field: KEY },
        },
      },
    },
  },
};

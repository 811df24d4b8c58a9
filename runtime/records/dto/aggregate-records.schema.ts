import { AGGREGATE_LIMITS, DATE_BUCKETS, MEASURE_OPS } from '@crm/engine';

const localized = { type: 'object', properties: { es: { type: 'string' }, en: { type: 'string' } } } as const;

/**
 * The body of `POST /records/{module}/aggregate` for OpenAPI. The engine's
 * `compileAggregate` checks it against the module (field types, hidden fields)
 * and answers every problem with its path.
 */
export const AGGREGATE_BODY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    filter: { type: 'object', description: 'The filter tree of /query: { and: [...] } | { or: [...] } | { field, op, value }.' },
    groups: {
      type: 'array',
      maxItems: AGGREGATE_LIMITS.maxGroups,
      items: {
        type: 'object',
        required: ['field'],
        additionalProperties: false,
        properties: {
          field: { type: 'string', description: 'A field key, or owner, assignee, createdBy, updatedBy, createdAt, updatedAt. Picklist, lookup, user, boolean, text, number or date fields.' },
          bucket: { type: 'string', enum: [...DATE_BUCKETS], description: 'Required for date and datetime fields; datetimes are bucketed in the operation time zone (GET /settings/time-zone).' },
        },
      },
    },
    measures: {
      type: 'array',
      minItems: 1,
      maxItems: AGGREGATE_LIMITS.maxMeasures,
      default: [{ op: 'count' }],
      items: {
        type: 'object',
        required: ['op'],
        additionalProperties: false,
        properties: {
          op: { type: 'string', enum: [...MEASURE_OPS] },
          field: { type: 'string', description: 'Not with count. sum / avg: integer, decimal, currency or percent; min / max: those or a date.' },
        },
      },
    },
    order: {
      type: 'object',
      additionalProperties: false,
      required: ['by'],
      default: { by: 'label', dir: 'asc' },
      properties: {
        by: {
          type: 'string',
          enum: ['label', 'value'],
          description: 'label: by group values (picklists in option order, buckets in time order, lookups and users by id); value: by a measure, ties by label. Empty values last.',
        },
        measure: { type: 'integer', minimum: 0, maximum: AGGREGATE_LIMITS.maxMeasures - 1, description: 'With by: value.' },
        dir: { type: 'string', enum: ['asc', 'desc'] },
      },
    },
    limit: { type: 'integer', minimum: 1, maximum: AGGREGATE_LIMITS.maxLimit, default: AGGREGATE_LIMITS.defaultLimit, description: 'At most this many rows (groups).' },
  },
  example: {
    filter: { field: 'fase', op: 'eq', value: 'ganada' },
    groups: [{ field: 'fecha_cierre', bucket: 'quarter' }, { field: 'owner' }],
    measures: [{ op: 'count' }, { op: 'sum', field: 'valor' }],
    order: { by: 'label', dir: 'asc' },
  },
} as const;

export const AGGREGATE_RESULT_SCHEMA = {
  type: 'object',
  properties: {
    groups: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, bucket: { type: 'string', nullable: true } } } },
    measures: { type: 'array', items: { type: 'object', properties: { op: { type: 'string' }, field: { type: 'string', nullable: true } } } },
    timeZone: { type: 'string', example: 'America/Bogota' },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          keys: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                value: { description: 'Option key, id, text, number, boolean, or the bucket (2026, 2026-Q1, 2026-03, 2026-03-30 week of that Monday, 2026-03-31, 2026-03-31T23); null for no value.' },
                label: { ...localized, nullable: true, description: 'Picklist label, lookup title, user name, Sí / No, bucket in words; null for text and numbers.' },
                from: { type: 'string', description: 'Buckets: first instant (or date) of the bucket.' },
                to: { type: 'string', description: 'Buckets: first instant (or date) after it.' },
              },
            },
          },
          values: {
            type: 'array',
            items: { oneOf: [{ type: 'number' }, { type: 'string' }], nullable: true },
            description: 'One per measure; min / max of dates as text; null when no record has a value.',
          },
        },
      },
    },
    truncated: { type: 'boolean', description: 'More groups than limit matched.' },
  },
} as const;

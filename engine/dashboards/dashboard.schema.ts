import { DATE_BUCKETS, MEASURE_OPS } from '../query/aggregate.types';
import { CHART_TYPES, DASHBOARD_LIMITS, GAUGE_DATE_FILTERS, WIDGET_KINDS } from './dashboard.types';

const DAY = '^\\d{4}-\\d{2}-\\d{2}$';

/** One widget: its shape only; fields and modules are checked against the definitions afterwards. */
export const DASHBOARD_WIDGET_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'kind', 'module', 'query', 'layout'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64 },
    title: { type: 'string', minLength: 1, maxLength: DASHBOARD_LIMITS.maxTitle },
    kind: { enum: [...WIDGET_KINDS] },
    module: { type: 'string', minLength: 1, maxLength: 64 },
    chart: { enum: [...CHART_TYPES] },
    query: {
      type: 'object',
      additionalProperties: false,
      properties: {
        filter: { type: 'object' },
        groups: {
          type: 'array',
          maxItems: 2,
          items: { type: 'object', additionalProperties: false, required: ['field'], properties: { field: { type: 'string' }, bucket: { enum: [...DATE_BUCKETS] } } },
        },
        measures: {
          type: 'array',
          minItems: 1,
          maxItems: 2,
          items: { type: 'object', additionalProperties: false, required: ['op'], properties: { op: { enum: [...MEASURE_OPS] }, field: { type: 'string' } } },
        },
        order: {
          type: 'object',
          additionalProperties: false,
          required: ['by'],
          properties: { by: { enum: ['label', 'value'] }, measure: { enum: [0, 1] }, dir: { enum: ['asc', 'desc'] } },
        },
        limit: { type: 'integer', minimum: 1, maximum: 1000 },
      },
    },
    gauge: {
      type: 'object',
      additionalProperties: false,
      required: ['goal', 'dateField', 'dateFilter', 'thresholds'],
      properties: {
        goal: { type: 'number', exclusiveMinimum: 0 },
        dateField: { type: 'string', minLength: 1 },
        dateFilter: {
          oneOf: [
            { enum: GAUGE_DATE_FILTERS.filter((f) => f !== 'custom') },
            {
              type: 'object',
              additionalProperties: false,
              required: ['custom'],
              properties: {
                custom: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['from', 'to'],
                  properties: { from: { type: 'string', pattern: DAY }, to: { type: 'string', pattern: DAY } },
                },
              },
            },
          ],
        },
        thresholds: {
          type: 'object',
          additionalProperties: false,
          required: ['yellow', 'green'],
          properties: { yellow: { type: 'number', minimum: 0, maximum: 1000 }, green: { type: 'number', minimum: 0, maximum: 1000 } },
        },
      },
    },
    layout: {
      type: 'object',
      additionalProperties: false,
      required: ['x', 'y', 'w', 'h'],
      properties: {
        x: { type: 'integer', minimum: 0, maximum: DASHBOARD_LIMITS.gridColumns - 1 },
        y: { type: 'integer', minimum: 0, maximum: 10_000 },
        w: { type: 'integer', minimum: 1, maximum: DASHBOARD_LIMITS.gridColumns },
        h: { type: 'integer', minimum: 1, maximum: 100 },
      },
    },
  },
  allOf: [
    { if: { properties: { kind: { const: 'chart' } } }, then: { required: ['chart'] } },
    { if: { properties: { kind: { const: 'gauge' } } }, then: { required: ['gauge'] } },
  ],
} as const;

/** A dashboard's widgets: the JSON Schema `widgets` is validated by (server and Studio). */
export const DASHBOARD_WIDGETS_SCHEMA = {
  type: 'array',
  maxItems: DASHBOARD_LIMITS.maxWidgets,
  items: DASHBOARD_WIDGET_SCHEMA,
} as const;

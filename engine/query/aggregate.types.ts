import type { ValueKind } from '../definition/field-type.registry';
import type { LocalizedText } from '../definition/module-definition.types';
import type { CompiledFilter, FilterNode } from './query.types';

/** Calendar buckets of a date or datetime group; datetimes are bucketed in the operation's time zone. */
export const DATE_BUCKETS = ['year', 'quarter', 'month', 'week', 'day', 'hour'] as const;
export type DateBucket = (typeof DATE_BUCKETS)[number];

export const MEASURE_OPS = ['count', 'sum', 'min', 'max', 'avg'] as const;
export type MeasureOp = (typeof MEASURE_OPS)[number];

export interface AggregateGroupInput {
  field: string;
  /** Required on date and datetime fields, refused on the others. */
  bucket?: DateBucket;
}

export interface AggregateMeasureInput {
  op: MeasureOp;
  /** Not taken by `count` (every matching record); numeric fields for sum and avg, numeric or date fields for min and max. */
  field?: string;
}

export interface AggregateOrderInput {
  /** `label`: by the groups' values (picklists in their options' order, buckets in time order, lookups and users by id); `value`: by a measure, ties by label. */
  by: 'label' | 'value';
  /** With `by: "value"`: which measure (0 or 1); 0 by default. */
  measure?: number;
  dir?: 'asc' | 'desc';
}

/**
 * An aggregation body, one format for the API, reports, dashboards, gauges,
 * forecasts and the kanban: `{ filter, groups, measures, order, limit }`.
 */
export interface AggregateInput {
  filter?: FilterNode;
  /** At most two; none: one row over every matching record. */
  groups?: AggregateGroupInput[];
  /** At most two; none: `[{ op: 'count' }]`. */
  measures?: AggregateMeasureInput[];
  /** `{ by: 'label', dir: 'asc' }` by default. */
  order?: AggregateOrderInput;
  /** At most this many rows (groups); more are left out and the answer says `truncated`. */
  limit?: number;
}

export interface CompiledGroupBy {
  field: string;
  system: boolean;
  valueKind: ValueKind;
  /** The field's type (`select`, `lookup`, `user`, …; the system field's kind for system fields). */
  type: string;
  bucket: DateBucket | null;
  /** Picklist option keys in their definition order: "label" order follows them. */
  options?: string[];
}

export interface CompiledMeasure {
  op: MeasureOp;
  /** null for count. */
  field: string | null;
  system: boolean;
  valueKind: ValueKind | null;
}

export interface CompiledAggregate {
  filter: CompiledFilter | null;
  groups: CompiledGroupBy[];
  measures: CompiledMeasure[];
  order: { by: 'label' | 'value'; measure: number; dir: 'asc' | 'desc' };
  limit: number;
}

/**
 * A group's value in a row: the stored value (option key, id, number, text,
 * boolean) or, for a bucket, its start as local calendar text
 * (`2026`, `2026-Q1`, `2026-03`, `2026-03-30` for the week starting that Monday, `2026-03-31`, `2026-03-31T23`); null for records without a value.
 */
export type GroupKey = string | number | boolean | null;

/** A measure's value: a number (count, sum, avg, min / max of numbers), a date or datetime text (min / max of dates), or null when no record has a value. */
export type MeasureValue = number | string | null;

export interface AggregateRow {
  keys: GroupKey[];
  values: MeasureValue[];
}

/** A row key as the API answers it: its value and, where there is one, its label in both languages. */
export interface AggregateKeyView {
  value: GroupKey;
  label: LocalizedText | null;
  /** Buckets: the instants the bucket covers, from (included) to (excluded), ISO in UTC. */
  from?: string;
  to?: string;
}

export interface AggregateResult {
  groups: { field: string; bucket: DateBucket | null }[];
  measures: { op: MeasureOp; field: string | null }[];
  timeZone: string;
  rows: { keys: AggregateKeyView[]; values: MeasureValue[] }[];
  /** More groups matched than `limit`. */
  truncated: boolean;
}

export const AGGREGATE_LIMITS = {
  maxGroups: 2,
  maxMeasures: 2,
  defaultLimit: 1000,
  maxLimit: 10_000,
} as const;

import type { FilterOperator, ValueKind } from '../definition/field-type.registry';

/** The filter tree clients send: one format for the API, reports, dashboards and kanban views. */
export type FilterNode = { and: FilterNode[] } | { or: FilterNode[] } | FilterCondition;

export interface FilterCondition {
  field: string;
  op: FilterOperator;
  value?: unknown;
}

export interface SortInput {
  field: string;
  dir?: 'asc' | 'desc';
}

/** A query body: `{ filter, sort, limit, cursor | offset, fields, expand, count }`. */
export interface QueryInput {
  filter?: FilterNode;
  sort?: SortInput[];
  limit?: number;
  offset?: number;
  cursor?: string;
  fields?: string[];
  expand?: string[];
  /** The total: counted up to a limit by default, `'exact'` for every match, `false` for none (read by the server, not the compiler). */
  count?: boolean | 'exact';
}

/**
 * A condition's value after checking, in one shape per kind: numbers as JS
 * numbers, dates as `YYYY-MM-DD`, datetimes as ISO strings, options and ids as
 * strings; `between` as `[from, to]`, `in` as a list; `empty` / `notEmpty` as null.
 */
export type ScalarValue = string | number | boolean;
export type ConditionValue = ScalarValue | ScalarValue[] | null;

export interface CompiledCondition {
  kind: 'condition';
  field: string;
  /** System fields (createdAt, owner…) live in system columns, not field columns. */
  system: boolean;
  valueKind: ValueKind;
  op: FilterOperator;
  value: ConditionValue;
}

export interface CompiledGroup {
  kind: 'and' | 'or';
  children: CompiledFilter[];
}

export type CompiledFilter = CompiledGroup | CompiledCondition;

export interface CompiledSort {
  field: string;
  system: boolean;
  valueKind: ValueKind;
  dir: 'asc' | 'desc';
}

/** Where the previous page ended: the sort values and the id of its last record. */
export interface PageCursor {
  values: unknown[];
  id: string;
}

export interface CompiledQuery {
  /** null: every record. */
  filter: CompiledFilter | null;
  /** Always ends with `id`, so pages never overlap or skip. */
  sort: CompiledSort[];
  limit: number;
  offset?: number;
  cursor?: PageCursor;
  /** Field keys to return; empty: all active fields. */
  fields: string[];
  /** Lookup fields whose target records are returned with their titles. */
  expand: string[];
}

export const QUERY_LIMITS = {
  defaultLimit: 50,
  maxLimit: 1000,
  maxDepth: 8,
  maxConditions: 200,
  maxInItems: 1000,
  maxTextLength: 500,
  maxOffset: 1_000_000,
} as const;

import type { FieldType, FormulaResultType, ModuleField } from './module-definition.types';

export const FILTER_OPERATORS = [
  'contains',
  'notContains',
  'eq',
  'neq',
  'empty',
  'notEmpty',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'in',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** What a value of a field looks like, for filters, sorting and storage. */
export type ValueKind = 'string' | 'number' | 'date' | 'datetime' | 'boolean' | 'option' | 'options' | 'reference' | 'json';

interface FieldTypeFacts {
  kind: ValueKind;
  /** Computed by the engine, never written by a client. */
  computed: boolean;
  sortable: boolean;
}

const FACTS: Record<FieldType, FieldTypeFacts> = {
  text: { kind: 'string', computed: false, sortable: true },
  longText: { kind: 'string', computed: false, sortable: false },
  integer: { kind: 'number', computed: false, sortable: true },
  decimal: { kind: 'number', computed: false, sortable: true },
  currency: { kind: 'number', computed: false, sortable: true },
  percent: { kind: 'number', computed: false, sortable: true },
  date: { kind: 'date', computed: false, sortable: true },
  datetime: { kind: 'datetime', computed: false, sortable: true },
  boolean: { kind: 'boolean', computed: false, sortable: true },
  select: { kind: 'option', computed: false, sortable: true },
  multiSelect: { kind: 'options', computed: false, sortable: false },
  email: { kind: 'string', computed: false, sortable: true },
  phone: { kind: 'string', computed: false, sortable: true },
  url: { kind: 'string', computed: false, sortable: true },
  lookup: { kind: 'reference', computed: false, sortable: false },
  user: { kind: 'reference', computed: false, sortable: false },
  file: { kind: 'json', computed: false, sortable: false },
  autonumber: { kind: 'string', computed: true, sortable: true },
  formula: { kind: 'string', computed: true, sortable: true },
  subtable: { kind: 'json', computed: false, sortable: false },
};

const FORMULA_KINDS: Record<FormulaResultType, ValueKind> = {
  text: 'string',
  integer: 'number',
  decimal: 'number',
  currency: 'number',
  percent: 'number',
  boolean: 'boolean',
  date: 'date',
};

const OPERATORS_BY_KIND: Record<ValueKind, readonly FilterOperator[]> = {
  string: ['contains', 'notContains', 'eq', 'neq', 'empty', 'notEmpty', 'in'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'empty', 'notEmpty'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'empty', 'notEmpty'],
  datetime: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'empty', 'notEmpty'],
  boolean: ['eq', 'neq', 'empty', 'notEmpty'],
  option: ['eq', 'neq', 'in', 'empty', 'notEmpty'],
  options: ['contains', 'notContains', 'in', 'empty', 'notEmpty'],
  reference: ['eq', 'neq', 'in', 'empty', 'notEmpty'],
  json: ['empty', 'notEmpty'],
};

export function valueKind(field: Pick<ModuleField, 'type'> & { resultType?: FormulaResultType }): ValueKind {
  if (field.type === 'formula' && field.resultType) return FORMULA_KINDS[field.resultType];
  return FACTS[field.type].kind;
}

export function operatorsFor(field: Pick<ModuleField, 'type'> & { resultType?: FormulaResultType }): readonly FilterOperator[] {
  return OPERATORS_BY_KIND[valueKind(field)];
}

export function isComputed(type: FieldType): boolean {
  return FACTS[type].computed;
}

export function isSortable(field: Pick<ModuleField, 'type'>): boolean {
  return FACTS[field.type].sortable;
}

/** The Postgres column type a field is stored in (sub-tables, files and multi-selects as structured values). */
export function columnType(field: ModuleField): string {
  switch (field.type) {
    case 'text':
    case 'longText':
    case 'email':
    case 'phone':
    case 'url':
    case 'select':
    case 'autonumber':
      return 'text';
    case 'integer':
      return 'bigint';
    case 'decimal':
    case 'percent':
    case 'currency':
      return `numeric(20,${field.scale ?? 2})`;
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamptz';
    case 'boolean':
      return 'boolean';
    case 'multiSelect':
      return 'text[]';
    case 'lookup':
    case 'user':
      return 'uuid';
    case 'file':
    case 'subtable':
      return 'jsonb';
    case 'formula':
      return formulaColumnType(field.resultType, field.scale);
  }
}

function formulaColumnType(resultType: FormulaResultType, scale = 2): string {
  switch (resultType) {
    case 'text':
      return 'text';
    case 'integer':
      return 'bigint';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    default:
      return `numeric(20,${scale})`;
  }
}

/** System columns every module table has; clients read them but never write them. */
export const SYSTEM_FIELDS = {
  id: { kind: 'reference', sortable: true },
  version: { kind: 'number', sortable: true },
  createdAt: { kind: 'datetime', sortable: true },
  createdBy: { kind: 'reference', sortable: false },
  updatedAt: { kind: 'datetime', sortable: true },
  updatedBy: { kind: 'reference', sortable: false },
  owner: { kind: 'reference', sortable: false },
  assignee: { kind: 'reference', sortable: false },
  deletedAt: { kind: 'datetime', sortable: true },
} as const satisfies Record<string, { kind: ValueKind; sortable: boolean }>;

export type SystemFieldKey = keyof typeof SYSTEM_FIELDS;

export function isSystemField(key: string): key is SystemFieldKey {
  return Object.prototype.hasOwnProperty.call(SYSTEM_FIELDS, key);
}

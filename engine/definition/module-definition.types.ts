/**
 * The public format of a module definition. The meta-schema in
 * `module-definition.meta-schema.ts` validates the same shape; keep both in step.
 */
export type Locale = 'es' | 'en';

/** Every user-visible text exists in Spanish and English. */
export interface LocalizedText {
  es: string;
  en: string;
}

/** A JsonLogic expression (https://jsonlogic.com). */
export type JsonLogic = boolean | number | string | null | JsonLogic[] | { [operator: string]: unknown };

export const FIELD_TYPES = [
  'text',
  'longText',
  'integer',
  'decimal',
  'currency',
  'percent',
  'date',
  'datetime',
  'boolean',
  'select',
  'multiSelect',
  'email',
  'phone',
  'url',
  'lookup',
  'user',
  'file',
  'autonumber',
  'formula',
  'subtable',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** Per-field conditions; a field is required/visible/read-only when its condition holds. */
export interface FieldConditions {
  required?: JsonLogic;
  visible?: JsonLogic;
  readOnly?: JsonLogic;
}

export interface PicklistOption {
  /** Stable identifier stored in records; labels may change, keys never do. */
  key: string;
  label: LocalizedText;
  color?: string;
  archived?: boolean;
  /** Extra facts about the option: a phase's probability, a priority's resolution hours, a case type's prefix. */
  data?: Record<string, string | number | boolean>;
  /** What the option means to the platform under its field's role (`note` of an activity's kind); see module-roles.ts. */
  role?: string;
}

interface FieldBase<T extends FieldType> {
  key: string;
  type: T;
  label: LocalizedText;
  help?: LocalizedText;
  required?: boolean;
  unique?: boolean;
  searchable?: boolean;
  filterable?: boolean;
  readOnly?: boolean;
  /** Fixed fields of a catalog module (seed "campos fijos"): they cannot be archived. */
  locked?: boolean;
  /** Archived fields keep their column and data but disappear from forms and APIs. */
  archived?: boolean;
  conditions?: FieldConditions;
  default?: unknown;
  /** What the field means to the platform under the module's role (`subject` of an activity); see module-roles.ts. */
  role?: string;
}

export interface TextField extends FieldBase<'text'> {
  maxLength?: number;
  pattern?: string;
}
export interface LongTextField extends FieldBase<'longText'> {
  maxLength?: number;
}
export interface IntegerField extends FieldBase<'integer'> {
  min?: number;
  max?: number;
}
export interface DecimalField extends FieldBase<'decimal'> {
  scale?: number;
  min?: number;
  max?: number;
}
export interface CurrencyField extends FieldBase<'currency'> {
  /** ISO 4217 code of the amounts this field holds. */
  currency: string;
  scale?: number;
  min?: number;
  max?: number;
}
export interface PercentField extends FieldBase<'percent'> {
  scale?: number;
  min?: number;
  max?: number;
}
export type DateField = FieldBase<'date'>;
export type DatetimeField = FieldBase<'datetime'>;
export type BooleanField = FieldBase<'boolean'>;
export interface SelectField extends FieldBase<'select'> {
  options: PicklistOption[];
}
export interface MultiSelectField extends FieldBase<'multiSelect'> {
  options: PicklistOption[];
  maxItems?: number;
}
export type EmailField = FieldBase<'email'>;
export type PhoneField = FieldBase<'phone'>;
export type UrlField = FieldBase<'url'>;
export interface LookupField extends FieldBase<'lookup'> {
  /** Key of the module whose records this field points to. */
  target: string;
}
export type UserField = FieldBase<'user'>;
export interface FileField extends FieldBase<'file'> {
  /** Allowed extensions, lowercase, without the dot. */
  accept: string[];
  maxSizeMb?: number;
  maxFiles?: number;
}
export interface AutonumberField extends FieldBase<'autonumber'> {
  /** Handlebars template, e.g. `CAS-{{seq 6}}`. */
  prefix: string;
  start?: number;
}
export const FORMULA_RESULT_TYPES = ['text', 'integer', 'decimal', 'currency', 'percent', 'boolean', 'date'] as const;
export type FormulaResultType = (typeof FORMULA_RESULT_TYPES)[number];
export interface FormulaField extends FieldBase<'formula'> {
  formula: JsonLogic;
  resultType: FormulaResultType;
  scale?: number;
  currency?: string;
}
/** Columns of a sub-table: scalar fields only (no nested sub-tables, autonumbers or files). */
export type SubtableColumn = Exclude<ModuleField, SubtableField | AutonumberField | FileField>;
export interface SubtableField extends FieldBase<'subtable'> {
  columns: SubtableColumn[];
  maxRows?: number;
}

export type ModuleField =
  | TextField
  | LongTextField
  | IntegerField
  | DecimalField
  | CurrencyField
  | PercentField
  | DateField
  | DatetimeField
  | BooleanField
  | SelectField
  | MultiSelectField
  | EmailField
  | PhoneField
  | UrlField
  | LookupField
  | UserField
  | FileField
  | AutonumberField
  | FormulaField
  | SubtableField;

export type FieldOfType<T extends FieldType> = Extract<ModuleField, { type: T }>;

export interface ModuleSection {
  key: string;
  label: LocalizedText;
  /** Field keys in display order. */
  fields: string[];
  columns?: 1 | 2 | 3;
  collapsed?: boolean;
}

/** A record-level rule: the record is valid when `assert` evaluates truthy. */
export interface ValidationRule {
  key: string;
  assert: JsonLogic;
  message: LocalizedText;
  /** Field the error is reported on; the record itself when absent. */
  field?: string;
}

export interface PluginConfig {
  name: string;
  config?: Record<string, unknown>;
}

export interface ModuleNames {
  singular: LocalizedText;
  plural: LocalizedText;
}

export interface ModuleDefinition {
  key: string;
  version: number;
  names: ModuleNames;
  icon: string;
  description?: LocalizedText;
  /** Handlebars template of a record's title, e.g. `{{numero}} · {{asunto}}`. */
  title?: string;
  fields: ModuleField[];
  sections?: ModuleSection[];
  rules?: ValidationRule[];
  plugins?: PluginConfig[];
  /** The platform behaviour the module takes on (`activities`, `contacts`...), one module per role in an operation; see module-roles.ts. */
  role?: string;
}

import type { FieldType, FieldOfType, Locale, ModuleField } from '../definition/module-definition.types';
import type { ImportValueOptions, ParseOptions } from '../import/import.types';
import type { Issue } from '../issues/issue.types';

export const FILTER_OPERATORS = ['contains', 'notContains', 'eq', 'neq', 'empty', 'notEmpty', 'gt', 'gte', 'lt', 'lte', 'between', 'in'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** What a value of a field looks like, for filters, sorting and storage. */
export type ValueKind = 'string' | 'number' | 'date' | 'datetime' | 'boolean' | 'option' | 'options' | 'reference' | 'json';

export type JsonSchema = Record<string, unknown>;

/** What the type files need from the registry without importing it (sub-tables describe their columns through it). */
export interface FieldTypeContext {
  lang: Locale;
  /** The value schema of another field (a sub-table's column). */
  valueSchema(field: ModuleField): JsonSchema;
}

/** Text read from an import cell: the JSON value, or why it cannot be one. */
export type ParseResult = { ok: true; value: unknown } | { ok: false; issue: Omit<Issue, 'path'> };

/**
 * A type-specific member of a field definition as the designer edits it:
 * `input` names the kind of control, `when` hides it when it does not apply.
 */
export interface DesignerOption<F extends ModuleField = ModuleField> {
  key: string;
  input: 'number' | 'currency' | 'options' | 'module' | 'extensions' | 'text' | 'logic' | 'resultType' | 'columns';
  min?: number;
  max?: number;
  /** A currency the field cannot do without (a formula's currency is optional). */
  required?: boolean;
  when?(field: F): boolean;
}

/** The control a form draws for the type; the Studio maps each name to a component. */
export type FormWidget = 'text' | 'textarea' | 'decimal' | 'picklist' | 'multiPicklist' | 'lookup' | 'user' | 'computed' | 'files' | 'rows';

/**
 * Everything the product knows about one field type. Each type is one file
 * (`*.field.ts`) and one line of the registry; nothing else switches on types.
 */
export interface FieldTypeDefinition<F extends ModuleField = ModuleField> {
  type: F['type'];
  kind(field: F): ValueKind;
  /** Computed by the engine, never written by a client. */
  computed: boolean;
  sortable(field: F): boolean;
  /** The Postgres type of the field's column. */
  column(field: F): string;
  /** JSON Schema of the value (null included where a client may clear it): the one server validation and Studio forms use. */
  schema(field: F, context: FieldTypeContext): JsonSchema;
  operators(field: F): readonly FilterOperator[];
  /** A stored value as a person reads it, in the given language. */
  format(field: F, value: unknown, lang: Locale): string;
  /** An import cell's text → the value; empty text is null. Absent import options read as the language does. */
  parse(field: F, text: string, options: ParseOptions): ParseResult;
  /** A value as export text: what `parse` reads back to the same value (with the same import options, when given). */
  toText(field: F, value: unknown, lang: Locale, options?: Partial<ImportValueOptions>): string;
  designer: {
    options: readonly DesignerOption<F>[];
    /** The type-specific members a new field starts with, so it validates at once. */
    defaults(context: { modules: readonly string[] }): Record<string, unknown>;
  };
  form: { widget: FormWidget };
}

export function defineFieldType<T extends FieldType>(definition: FieldTypeDefinition<FieldOfType<T>>): FieldTypeDefinition<FieldOfType<T>> {
  return definition;
}

import type { FieldOfType, FormulaField, FormulaResultType, ModuleField } from '../definition/module-definition.types';
import { booleanField } from './boolean.field';
import { currencyField } from './currency.field';
import { dateField } from './date.field';
import { decimalField } from './decimal.field';
import { titled } from './field-schema';
import { defineFieldType, type FieldTypeDefinition } from './field-type';
import { integerField } from './integer.field';
import { percentField } from './percent.field';
import { textField } from './text.field';

const RESULT_TYPES: { [T in FormulaResultType]: FieldTypeDefinition<FieldOfType<T>> } = {
  text: textField,
  integer: integerField,
  decimal: decimalField,
  currency: currencyField,
  percent: percentField,
  boolean: booleanField,
  date: dateField,
};

/** A formula stores, filters, shows and exports like a field of its result type (a currency formula as money…). */
export function formulaResultField(field: FormulaField): ModuleField {
  return { ...field, type: field.resultType, currency: field.currency ?? 'COP' } as unknown as ModuleField;
}

const result = (field: FormulaField) => RESULT_TYPES[field.resultType] as unknown as FieldTypeDefinition;

const SCALED: ReadonlySet<FormulaResultType> = new Set(['decimal', 'currency', 'percent']);

export const formulaField = defineFieldType<'formula'>({
  type: 'formula',
  kind: (field) => result(field).kind(formulaResultField(field)),
  computed: true,
  sortable: () => true,
  column: (field) => result(field).column(formulaResultField(field)),
  // Whatever the result type, the value is the server's: no type a client could send.
  schema: (field, context) => ({ ...titled(field, context), readOnly: true }),
  operators: (field) => result(field).operators(formulaResultField(field)),
  format: (field, value, lang) => result(field).format(formulaResultField(field), value, lang),
  parse: (field, text, options) => result(field).parse(formulaResultField(field), text, options),
  toText: (field, value, lang, options) => result(field).toText(formulaResultField(field), value, lang, options),
  designer: {
    options: [
      { key: 'formula', input: 'logic' },
      { key: 'resultType', input: 'resultType' },
      { key: 'scale', input: 'number', min: 0, max: 10, when: (field) => SCALED.has(field.resultType) },
      { key: 'currency', input: 'currency', when: (field) => field.resultType === 'currency' },
    ],
    defaults: () => ({ formula: 0, resultType: 'decimal', scale: 2 }),
  },
  form: { widget: 'computed' },
});

import { autonumberField } from '../fields/autonumber.field';
import { booleanField } from '../fields/boolean.field';
import { currencyField } from '../fields/currency.field';
import { dateField } from '../fields/date.field';
import { datetimeField } from '../fields/datetime.field';
import { decimalField } from '../fields/decimal.field';
import { emailField } from '../fields/email.field';
import type { FieldTypeDefinition, FilterOperator, ValueKind } from '../fields/field-type';
import { fileField } from '../fields/file.field';
import { formulaField } from '../fields/formula.field';
import { integerField } from '../fields/integer.field';
import { longTextField } from '../fields/long-text.field';
import { lookupField } from '../fields/lookup.field';
import { multiSelectField } from '../fields/multi-select.field';
import { percentField } from '../fields/percent.field';
import { phoneField } from '../fields/phone.field';
import { selectField } from '../fields/select.field';
import { subtableField } from '../fields/subtable.field';
import { textField } from '../fields/text.field';
import { urlField } from '../fields/url.field';
import { userField } from '../fields/user.field';
import type { FieldOfType, FieldType, ModuleField } from './module-definition.types';

export { FILTER_OPERATORS, type FilterOperator, type ValueKind } from '../fields/field-type';

/** Every field type, one line each: adding a type is its file plus its line here. */
const REGISTRY: { [T in FieldType]: FieldTypeDefinition<FieldOfType<T>> } = {
  text: textField,
  longText: longTextField,
  integer: integerField,
  decimal: decimalField,
  currency: currencyField,
  percent: percentField,
  date: dateField,
  datetime: datetimeField,
  boolean: booleanField,
  select: selectField,
  multiSelect: multiSelectField,
  email: emailField,
  phone: phoneField,
  url: urlField,
  lookup: lookupField,
  user: userField,
  file: fileField,
  autonumber: autonumberField,
  formula: formulaField,
  subtable: subtableField,
};

/** The type file of a field (or of a type name): its storage, schema, formatting, parsing, operators and designer options. */
export function fieldTypeOf(field: Pick<ModuleField, 'type'> | FieldType): FieldTypeDefinition {
  return REGISTRY[typeof field === 'string' ? field : field.type] as unknown as FieldTypeDefinition;
}

export function valueKind(field: ModuleField): ValueKind {
  return fieldTypeOf(field).kind(field);
}

export function operatorsFor(field: ModuleField): readonly FilterOperator[] {
  return fieldTypeOf(field).operators(field);
}

export function isComputed(type: FieldType): boolean {
  return REGISTRY[type].computed;
}

export function isSortable(field: ModuleField): boolean {
  return fieldTypeOf(field).sortable(field);
}

/** The Postgres column type a field is stored in (sub-tables, files and multi-selects as structured values). */
export function columnType(field: ModuleField): string {
  return fieldTypeOf(field).column(field);
}

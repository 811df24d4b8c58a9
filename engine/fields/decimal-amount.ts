import type { CurrencyField, DecimalField, Locale, PercentField } from '../definition/module-definition.types';
import type { ImportValueOptions, ParseOptions } from '../import/import.types';
import { NUMBER_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { decimalOut, decimalText, parsed, plain, refused, roundedToScale } from './field-text';
import type { DesignerOption, FieldTypeContext, ParseResult } from './field-type';

type Amount = DecimalField | PercentField | CurrencyField;

/** What decimal, percent and currency fields share: a numeric(20, scale) column holding exact decimal strings. */
export const amount = {
  kind: () => 'number' as const,
  computed: false,
  sortable: () => true,
  column: (field: Amount) => `numeric(20,${field.scale ?? 2})`,
  // Amounts travel as numbers or decimal strings ("1234.50"): strings keep money exact.
  schema: (field: Amount, context: FieldTypeContext) =>
    nullable({
      ...titled(field, context),
      type: ['number', 'string'],
      'x-decimal': { scale: field.scale ?? 2, ...(field.min !== undefined && { minimum: field.min }), ...(field.max !== undefined && { maximum: field.max }) },
    }),
  operators: () => NUMBER_OPERATORS,
  // More decimals than the column keeps (a 13-decimal coordinate at scale 10) round half-up instead of failing the row: Postgres would round them the same way.
  parse: (field: Amount, text: string, options: ParseOptions): ParseResult => {
    if (text.trim() === '') return parsed(null);
    const number = decimalText(text, options);
    return number === undefined ? refused('decimal') : parsed(roundedToScale(number, field.scale ?? 2));
  },
  toText: (_: Amount, value: unknown, lang: Locale, options?: Partial<ImportValueOptions>) => (value === null || value === undefined ? '' : decimalOut(plain(value), lang, options)),
  options: [
    { key: 'scale', input: 'number', min: 0, max: 10 },
    { key: 'min', input: 'number' },
    { key: 'max', input: 'number' },
  ] satisfies DesignerOption[],
};

export const formatNumber = (value: unknown, locale: string, options: Intl.NumberFormatOptions): string => {
  const number = Number(value);
  return Number.isNaN(number) ? plain(value) : new Intl.NumberFormat(locale, options).format(number);
};

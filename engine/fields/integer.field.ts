import { NUMBER_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { decimalText, NUMBER_LOCALES, parsed, plain, refused } from './field-text';
import { defineFieldType } from './field-type';

export const integerField = defineFieldType<'integer'>({
  type: 'integer',
  kind: () => 'number',
  computed: false,
  sortable: () => true,
  column: () => 'bigint',
  schema: (field, context) => nullable({ ...titled(field, context), type: 'integer', minimum: field.min ?? Number.MIN_SAFE_INTEGER, maximum: field.max ?? Number.MAX_SAFE_INTEGER }),
  operators: () => NUMBER_OPERATORS,
  format: (_, value, lang) => {
    const amount = Number(value);
    return Number.isNaN(amount) ? plain(value) : new Intl.NumberFormat(NUMBER_LOCALES[lang], { maximumFractionDigits: 0 }).format(amount);
  },
  parse: (_, text, options) => {
    if (text.trim() === '') return parsed(null);
    const number = decimalText(text, options);
    if (number === undefined) return refused('decimal');
    const value = Number(number);
    return Number.isSafeInteger(value) ? parsed(value) : refused('type', { expected: 'integer' });
  },
  toText: (_, value) => plain(value),
  designer: {
    options: [
      { key: 'min', input: 'number' },
      { key: 'max', input: 'number' },
    ],
    defaults: () => ({}),
  },
  form: { widget: 'text' },
});

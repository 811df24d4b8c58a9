import { DATE_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { dateFormat, datetimeText, NUMBER_LOCALES, parsed, plain, refused } from './field-text';
import { defineFieldType } from './field-type';

export const datetimeField = defineFieldType<'datetime'>({
  type: 'datetime',
  kind: () => 'datetime',
  computed: false,
  sortable: () => true,
  column: () => 'timestamptz',
  schema: (field, context) => nullable({ ...titled(field, context), type: 'string', format: 'date-time' }),
  operators: () => DATE_OPERATORS,
  format: (_, value, lang) => {
    const when = new Date(plain(value));
    return Number.isNaN(when.getTime()) ? plain(value) : when.toLocaleString(NUMBER_LOCALES[lang]);
  },
  parse: (_, text, options) => {
    if (text.trim() === '') return parsed(null);
    const value = datetimeText(text, options);
    return value === undefined ? refused('import.datetime', { format: dateFormat(options, true) }) : parsed(value);
  },
  toText: (_, value) => {
    const when = new Date(plain(value));
    return Number.isNaN(when.getTime()) ? plain(value) : when.toISOString();
  },
  designer: { options: [], defaults: () => ({}) },
  form: { widget: 'text' },
});

import { DATE_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { dateFormat, dateOut, dateText, NUMBER_LOCALES, parsed, plain, refused } from './field-text';
import { defineFieldType } from './field-type';

export const dateField = defineFieldType<'date'>({
  type: 'date',
  kind: () => 'date',
  computed: false,
  sortable: () => true,
  column: () => 'date',
  schema: (field, context) => nullable({ ...titled(field, context), type: 'string', format: 'date' }),
  operators: () => DATE_OPERATORS,
  format: (_, value, lang) => {
    // Dates travel as YYYY-MM-DD; reading them as UTC keeps the day from shifting.
    const when = new Date(`${plain(value)}T00:00:00Z`);
    return Number.isNaN(when.getTime()) ? plain(value) : when.toLocaleDateString(NUMBER_LOCALES[lang], { timeZone: 'UTC' });
  },
  parse: (_, text, options) => {
    if (text.trim() === '') return parsed(null);
    const value = dateText(text, options);
    return value === undefined ? refused('import.date', { format: dateFormat(options) }) : parsed(value);
  },
  // ISO dates are the one written form no reader takes for another day; an import's own date order is written when one is given.
  toText: (_, value, __, options) => (options?.dateOrder && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateOut(value, options.dateOrder) : plain(value)),
  designer: { options: [], defaults: () => ({}) },
  form: { widget: 'text' },
});

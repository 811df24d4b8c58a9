import { DATE_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { dateText, NUMBER_LOCALES, parsed, plain, refused } from './field-text';
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
  parse: (_, text, lang) => {
    if (text.trim() === '') return parsed(null);
    const value = dateText(text, lang);
    return value === undefined ? refused('import.date') : parsed(value);
  },
  // ISO dates are the one written form no reader takes for another day.
  toText: (_, value) => plain(value),
  designer: { options: [], defaults: () => ({}) },
  form: { widget: 'text' },
});

import { BOOLEAN_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { booleanText, parsed, plain, refused, YES_NO } from './field-text';
import { defineFieldType } from './field-type';

const yesNo = (value: unknown, lang: 'es' | 'en') => (value === true ? YES_NO[lang].yes : value === false ? YES_NO[lang].no : plain(value));

export const booleanField = defineFieldType<'boolean'>({
  type: 'boolean',
  kind: () => 'boolean',
  computed: false,
  sortable: () => true,
  column: () => 'boolean',
  schema: (field, context) => nullable({ ...titled(field, context), type: 'boolean' }),
  operators: () => BOOLEAN_OPERATORS,
  format: (_, value, lang) => yesNo(value, lang),
  parse: (_, text) => {
    if (text.trim() === '') return parsed(null);
    const value = booleanText(text);
    return value === undefined ? refused('import.boolean', { value: text.trim() }) : parsed(value);
  },
  toText: (_, value, lang) => yesNo(value, lang),
  designer: { options: [], defaults: () => ({}) },
  form: { widget: 'text' },
});

import { OPTIONS_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { optionLabel, optionText, parsed, plain, refused } from './field-text';
import { defineFieldType } from './field-type';
import { activeKeys, firstOption, PICKLIST_OPTIONS } from './picklist';

const SEPARATOR = '; ';

export const multiSelectField = defineFieldType<'multiSelect'>({
  type: 'multiSelect',
  kind: () => 'options',
  computed: false,
  sortable: () => false,
  column: () => 'text[]',
  schema: (field, context) =>
    nullable({
      ...titled(field, context),
      type: 'array',
      uniqueItems: true,
      ...(field.maxItems && { maxItems: field.maxItems }),
      items: { type: 'string', enum: activeKeys(field.options) },
    }),
  operators: () => OPTIONS_OPERATORS,
  format: (field, value, lang) => (Array.isArray(value) ? value.map((v) => optionLabel(field.options, v, lang)).join(', ') : plain(value)),
  // Labels may hold commas, so exports separate with semicolons; a cell with none is read as a comma list.
  parse: (field, text) => {
    if (text.trim() === '') return parsed(null);
    const keys: string[] = [];
    for (const part of text.split(text.includes(';') ? ';' : ',')) {
      if (part.trim() === '') continue;
      const option = optionText(field.options, part);
      if (!option) return refused('option', { value: part.trim() });
      if (!keys.includes(option.key)) keys.push(option.key);
    }
    return parsed(keys);
  },
  toText: (field, value, lang) => (Array.isArray(value) ? value.map((v) => optionLabel(field.options, plain(v), lang)).join(SEPARATOR) : plain(value)),
  designer: { options: [PICKLIST_OPTIONS, { key: 'maxItems', input: 'number', min: 1 }], defaults: firstOption },
  form: { widget: 'multiPicklist' },
});

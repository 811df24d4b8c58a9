import type { PicklistOption } from '../definition/module-definition.types';
import { OPTIONS_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { optionLabel, optionText, parsed, plain, refused } from './field-text';
import { defineFieldType } from './field-type';
import { activeKeys, firstOption, PICKLIST_OPTIONS } from './picklist';

const SEPARATOR = '; ';

/** Where the longest run of parts from `start` that names an option ends (exclusive), if any does. */
function longestOptionRun(options: readonly PicklistOption[], parts: readonly string[], start: number, separator: string): number | undefined {
  for (let end = parts.length; end > start; end--) if (optionText(options, parts.slice(start, end).join(separator))) return end;
  return undefined;
}

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
  // Labels may hold commas, so exports separate with semicolons; a cell with none is read as a comma list, unless the import names its separator.
  parse: (field, text, options) => {
    if (text.trim() === '') return parsed(null);
    const separator = options.listSeparator ?? (text.includes(';') ? ';' : ',');
    const parts = text.split(separator);
    const keys: string[] = [];
    let start = 0;
    while (start < parts.length) {
      if (parts[start].trim() === '') {
        start++;
        continue;
      }
      // The longest run of parts that names an option, so a label holding the separator ("Venta, posventa") still reads as one.
      const end = longestOptionRun(field.options, parts, start, separator);
      if (end === undefined) return refused('option', { value: parts[start].trim() });
      const option = optionText(field.options, parts.slice(start, end).join(separator));
      if (option && !keys.includes(option.key)) keys.push(option.key);
      start = end;
    }
    return parsed(keys);
  },
  toText: (field, value, lang, options) =>
    Array.isArray(value) ? value.map((v) => optionLabel(field.options, plain(v), lang)).join(options?.listSeparator ? `${options.listSeparator} ` : SEPARATOR) : plain(value),
  designer: { options: [PICKLIST_OPTIONS, { key: 'maxItems', input: 'number', min: 1 }], defaults: firstOption },
  form: { widget: 'multiPicklist' },
});

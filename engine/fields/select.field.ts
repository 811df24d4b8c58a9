import { OPTION_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { optionLabel, optionText, parsed, plain, refused } from './field-text';
import { defineFieldType } from './field-type';
import { activeKeys, firstOption, PICKLIST_OPTIONS } from './picklist';

export const selectField = defineFieldType<'select'>({
  type: 'select',
  kind: () => 'option',
  computed: false,
  sortable: () => true,
  column: () => 'text',
  // null sits in the enum too: enum is checked apart from type, and null clears the field like any other.
  schema: (field, context) => nullable({ ...titled(field, context), type: 'string', enum: [...activeKeys(field.options), null] }),
  operators: () => OPTION_OPERATORS,
  format: (field, value, lang) => optionLabel(field.options, value, lang),
  parse: (field, text) => {
    if (text.trim() === '') return parsed(null);
    const option = optionText(field.options, text);
    return option ? parsed(option.key) : refused('option', { value: text.trim() });
  },
  toText: (field, value, lang) => (value === null || value === undefined ? '' : optionLabel(field.options, plain(value), lang)),
  designer: { options: [PICKLIST_OPTIONS], defaults: firstOption },
  form: { widget: 'picklist' },
});

import { TEXT_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { parsed, plain } from './field-text';
import { defineFieldType } from './field-type';

export const DEFAULT_LONG_TEXT_MAX = 100_000;

export const longTextField = defineFieldType<'longText'>({
  type: 'longText',
  kind: () => 'string',
  computed: false,
  sortable: () => false,
  column: () => 'text',
  schema: (field, context) => nullable({ ...titled(field, context), type: 'string', maxLength: field.maxLength ?? DEFAULT_LONG_TEXT_MAX }),
  operators: () => TEXT_OPERATORS,
  format: (_, value) => plain(value),
  // Line breaks inside a cell are part of the text; only the ends are trimmed.
  parse: (_, text) => parsed(text.trim() === '' ? null : text.trim()),
  toText: (_, value) => plain(value),
  designer: { options: [{ key: 'maxLength', input: 'number', min: 1 }], defaults: () => ({}) },
  form: { widget: 'textarea' },
});

import type { TextField } from '../definition/module-definition.types';
import { TEXT_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { parsed, plain } from './field-text';
import { defineFieldType } from './field-type';

/** Longest text a `text` field takes when its definition sets no limit. */
export const DEFAULT_TEXT_MAX = 255;

const trimmed = (_: TextField, text: string) => {
  const value = text.trim();
  return parsed(value === '' ? null : value);
};

export const textField = defineFieldType<'text'>({
  type: 'text',
  kind: () => 'string',
  computed: false,
  sortable: () => true,
  column: () => 'text',
  schema: (field: TextField, context) => nullable({ ...titled(field, context), type: 'string', maxLength: field.maxLength ?? DEFAULT_TEXT_MAX, ...(field.pattern && { pattern: field.pattern }) }),
  operators: () => TEXT_OPERATORS,
  format: (_, value) => plain(value),
  parse: trimmed,
  toText: (_, value) => plain(value),
  designer: { options: [{ key: 'maxLength', input: 'number', min: 1 }], defaults: () => ({}) },
  form: { widget: 'text' },
});

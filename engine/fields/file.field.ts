import { PRESENCE_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { refused } from './field-text';
import { defineFieldType } from './field-type';

const names = (value: unknown): string => (Array.isArray(value) ? value.map((f: { name?: string }) => f?.name ?? '').join(', ') : '');

export const fileField = defineFieldType<'file'>({
  type: 'file',
  kind: () => 'json',
  computed: false,
  sortable: () => false,
  column: () => 'jsonb',
  schema: (field, context) =>
    nullable({
      ...titled(field, context),
      type: 'array',
      maxItems: field.maxFiles ?? 10,
      items: {
        type: 'object',
        required: ['id', 'name', 'size'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 200 },
          name: { type: 'string', minLength: 1, maxLength: 255 },
          size: { type: 'integer', minimum: 0 },
          mime: { type: 'string', maxLength: 200 },
        },
      },
      'x-file': { accept: field.accept, maxSizeMb: field.maxSizeMb ?? 10 },
    }),
  operators: () => PRESENCE_OPERATORS,
  format: (_, value) => names(value),
  // Attachments are uploads: a cell can name them but not carry them.
  parse: (_, text) => (text.trim() === '' ? { ok: true, value: null } : refused('import.notImportable')),
  toText: (_, value) => names(value),
  designer: {
    options: [
      { key: 'accept', input: 'extensions' },
      { key: 'maxSizeMb', input: 'number', min: 1, max: 1024 },
      { key: 'maxFiles', input: 'number', min: 1, max: 100 },
    ],
    defaults: () => ({ accept: ['pdf', 'jpg', 'png'], maxSizeMb: 10 }),
  },
  form: { widget: 'files' },
});

import { nullable, titled } from './field-schema';
import { parsed, refused } from './field-text';
import { defineFieldType } from './field-type';

const ROWS_TEXT = { es: '{count} filas', en: '{count} rows' } as const;

export const subtableField = defineFieldType<'subtable'>({
  type: 'subtable',
  kind: () => 'json',
  computed: false,
  sortable: () => false,
  column: () => 'jsonb',
  schema: (field, context) =>
    nullable({
      ...titled(field, context),
      type: 'array',
      maxItems: field.maxRows ?? 1000,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: { type: 'string', maxLength: 100 },
          ...Object.fromEntries(field.columns.filter((c) => !c.archived).map((c) => [c.key, context.valueSchema(c)])),
        },
      },
    }),
  // Rows are not filtered by; only whether there are any.
  operators: () => [],
  format: (_, value, lang) => (Array.isArray(value) ? ROWS_TEXT[lang].replace('{count}', String(value.length)) : ''),
  // A cell holds the rows as the API writes them (JSON), so an export imports back unchanged.
  parse: (_, text) => {
    if (text.trim() === '') return parsed(null);
    try {
      const rows: unknown = JSON.parse(text);
      return Array.isArray(rows) ? parsed(rows) : refused('import.json');
    } catch {
      return refused('import.json');
    }
  },
  toText: (_, value) => (value === null || value === undefined ? '' : JSON.stringify(value)),
  designer: {
    options: [
      { key: 'columns', input: 'columns' },
      { key: 'maxRows', input: 'number', min: 1, max: 10000 },
    ],
    defaults: () => ({ columns: [{ key: 'descripcion', type: 'text', label: { es: 'Descripción', en: 'Description' } }] }),
  },
  form: { widget: 'rows' },
});

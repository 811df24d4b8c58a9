import { TEXT_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { parsed, plain } from './field-text';
import { defineFieldType } from './field-type';

export const autonumberField = defineFieldType<'autonumber'>({
  type: 'autonumber',
  kind: () => 'string',
  computed: true,
  sortable: () => true,
  column: () => 'text',
  schema: (field, context) => nullable({ ...titled(field, context), type: 'string', readOnly: true }),
  operators: () => TEXT_OPERATORS,
  format: (_, value) => plain(value),
  // The number names an existing record (an upsert key); the validator refuses writing it.
  parse: (_, text) => parsed(text.trim() === '' ? null : text.trim()),
  toText: (_, value) => plain(value),
  designer: {
    options: [
      { key: 'prefix', input: 'text' },
      { key: 'start', input: 'number', min: 0 },
    ],
    defaults: () => ({ prefix: 'REG-{{seq 6}}' }),
  },
  form: { widget: 'computed' },
});

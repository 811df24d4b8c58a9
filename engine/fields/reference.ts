import type { ModuleField } from '../definition/module-definition.types';
import { REFERENCE_OPERATORS } from './field-operators';
import { nullable, titled } from './field-schema';
import { parsed, plain, refused } from './field-text';
import type { FieldTypeContext, ParseResult } from './field-type';
import { hasFormat } from './formatted-text';

/** A reference as its id; an expanded lookup ({ id, title }) shows its title. */
const referenceText = (value: unknown): string => {
  if (value && typeof value === 'object' && 'id' in value) {
    const ref = value as { id: string; title?: string | null };
    return ref.title ?? ref.id;
  }
  return plain(value);
};

/** What lookups and user fields share: a uuid column pointing at another record or a user. */
export const reference = {
  kind: () => 'reference' as const,
  computed: false,
  sortable: () => false,
  column: () => 'uuid',
  schema: (field: ModuleField, context: FieldTypeContext) => nullable({ ...titled(field, context), type: 'string', format: 'uuid' }),
  operators: () => REFERENCE_OPERATORS,
  format: (_: ModuleField, value: unknown) => referenceText(value),
  parse: (_: ModuleField, text: string): ParseResult => {
    const value = text.trim();
    if (value === '') return parsed(null);
    return hasFormat('uuid', value) ? parsed(value.toLowerCase()) : refused('format.uuid');
  },
  toText: (_: ModuleField, value: unknown) => (value && typeof value === 'object' && 'id' in value ? String((value as { id: string }).id) : plain(value)),
};

import { nullable, titled } from './field-schema';
import { defineFieldType } from './field-type';
import { formattedText } from './formatted-text';

export const urlField = defineFieldType<'url'>({
  type: 'url',
  ...formattedText('uri', 'format.url'),
  schema: (field, context) => nullable({ ...titled(field, context), type: 'string', maxLength: 2000, format: 'uri' }),
});

import { nullable, titled } from './field-schema';
import { defineFieldType } from './field-type';
import { formattedText } from './formatted-text';

export const phoneField = defineFieldType<'phone'>({
  type: 'phone',
  ...formattedText('phone', 'format.phone'),
  schema: (field, context) => nullable({ ...titled(field, context), type: 'string', format: 'phone' }),
});

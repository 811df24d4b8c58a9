import { nullable, titled } from './field-schema';
import { defineFieldType } from './field-type';
import { formattedText } from './formatted-text';

export const emailField = defineFieldType<'email'>({
  type: 'email',
  ...formattedText('email', 'format.email'),
  schema: (field, context) => nullable({ ...titled(field, context), type: 'string', maxLength: 254, format: 'email' }),
});

import { defineFieldType } from './field-type';
import { reference } from './reference';

export const userField = defineFieldType<'user'>({
  type: 'user',
  ...reference,
  designer: { options: [], defaults: () => ({}) },
  form: { widget: 'user' },
});

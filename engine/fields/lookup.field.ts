import { defineFieldType } from './field-type';
import { reference } from './reference';

export const lookupField = defineFieldType<'lookup'>({
  type: 'lookup',
  ...reference,
  designer: { options: [{ key: 'target', input: 'module' }], defaults: ({ modules }) => ({ target: modules[0] ?? '' }) },
  form: { widget: 'lookup' },
});

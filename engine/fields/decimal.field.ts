import { amount, formatNumber } from './decimal-amount';
import { NUMBER_LOCALES } from './field-text';
import { defineFieldType } from './field-type';

export const decimalField = defineFieldType<'decimal'>({
  type: 'decimal',
  ...amount,
  format: (field, value, lang) => formatNumber(value, NUMBER_LOCALES[lang], { maximumFractionDigits: field.scale ?? 2 }),
  designer: { options: amount.options, defaults: () => ({ scale: 2 }) },
  form: { widget: 'decimal' },
});

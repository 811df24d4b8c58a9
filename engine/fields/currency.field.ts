import { amount, formatNumber } from './decimal-amount';
import { NUMBER_LOCALES } from './field-text';
import { defineFieldType } from './field-type';

export const currencyField = defineFieldType<'currency'>({
  type: 'currency',
  ...amount,
  format: (field, value, lang) => formatNumber(value, NUMBER_LOCALES[lang], { style: 'currency', currency: field.currency || 'COP', maximumFractionDigits: field.scale ?? 2 }),
  designer: { options: [{ key: 'currency', input: 'currency', required: true }, ...amount.options], defaults: () => ({ currency: 'COP', scale: 2 }) },
  form: { widget: 'decimal' },
});

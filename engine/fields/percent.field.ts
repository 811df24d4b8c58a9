import { amount, formatNumber } from './decimal-amount';
import { NUMBER_LOCALES } from './field-text';
import { defineFieldType } from './field-type';

/** A percentage as people write it: 15 is 15 %, not 0.15. */
export const percentField = defineFieldType<'percent'>({
  type: 'percent',
  ...amount,
  format: (field, value, lang) => {
    const shown = formatNumber(value, NUMBER_LOCALES[lang], { maximumFractionDigits: field.scale ?? 2 });
    return Number.isNaN(Number(value)) ? shown : `${shown} %`;
  },
  designer: { options: amount.options, defaults: () => ({ scale: 2 }) },
  form: { widget: 'decimal' },
});

import type { ComputedField } from '@crm/engine';
import Decimal from 'decimal.js';
import { LINE, type QuoteTotalsConfig } from '../config/quote-totals.config';
import { text } from '../locale/messages';

const isLine = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Units quoted, summed over the quote's lines: a figure the agent reads, never stored (it always follows the lines). */
export const unitsComputed: ComputedField<QuoteTotalsConfig> = {
  field: { key: 'unidades', type: 'decimal', scale: 2, label: text('computed.unidades'), readOnly: true },
  compute(record, config) {
    const lines = record[config.linesField];
    if (!Array.isArray(lines)) return '0.00';
    let sum = new Decimal(0);
    for (const line of lines) {
      const quantity = isLine(line) ? line[LINE.quantity] : null;
      // A quantity that is not a number is the validator's to refuse; here it counts for nothing.
      if ((typeof quantity === 'number' || typeof quantity === 'string') && quantity !== '' && Number.isFinite(Number(quantity))) sum = sum.plus(quantity);
    }
    return sum.toFixed(2);
  },
};

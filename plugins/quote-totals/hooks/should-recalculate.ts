import type { HookContext } from '@crm/engine';
import type { QuoteTotalsConfig } from '../config/quote-totals.config';
import { TOTAL_KEYS } from '../config/quote-totals.config';

/**
 * A new quote is always computed; a stored one only when the write touches
 * its lines, its price list or its totals. Editing a quote's notes does not
 * re-price it with today's product prices (the `recalcular` action does that).
 */
export function shouldRecalculate({ event, changed, config }: HookContext<QuoteTotalsConfig>): boolean {
  if (event === 'create') return true;
  return [config.linesField, config.priceListField, ...TOTAL_KEYS.map((key) => config.totals[key])].some((key) => changed.has(key));
}

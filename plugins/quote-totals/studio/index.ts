import type { StudioPluginPart } from '@crm/engine';
import type { QuoteTotalsConfig } from '../config/quote-totals.config';
import { recalculateQuote, recalculationPatch } from '../quote.recalculator';

/**
 * The quote totals the Studio shows while the user edits the lines, computed by
 * the same recalculation the server runs on save. Lines that cannot be priced
 * yet keep what the user typed; the save reports why.
 */
export const quoteTotalsStudio: StudioPluginPart<QuoteTotalsConfig> = {
  name: 'quote-totals',
  async livePatch(record, config, { services }) {
    return recalculationPatch(config, await recalculateQuote(record, null, config, services));
  },
};

import type { HookContext, Issue } from '@crm/engine';
import type { QuoteTotalsConfig } from '../config/quote-totals.config';
import { recalculateQuote, recalculationPatch } from '../quote.recalculator';
import { shouldRecalculate } from './should-recalculate';

/**
 * Recomputes the lines and totals inside the write (products read again, in
 * the write's transaction); an inactive or unknown product, a missing price
 * or a non-numeric value refuses the write with its issues.
 */
export async function beforeSave(context: HookContext<QuoteTotalsConfig>): Promise<Issue[]> {
  if (!shouldRecalculate(context)) return [];
  const recalculation = await recalculateQuote(context.record, context.previous, context.config, context.services);
  if (recalculation.issues.length) return recalculation.issues;
  Object.assign(context.record, recalculationPatch(context.config, recalculation));
  return [];
}

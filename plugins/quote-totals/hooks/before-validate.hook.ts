import type { HookContext } from '@crm/engine';
import type { QuoteTotalsConfig } from '../config/quote-totals.config';
import { recalculateQuote, recalculationPatch } from '../quote.recalculator';
import { shouldRecalculate } from './should-recalculate';

/** Fills the computed line columns and totals before validation, so validation sees them. Problems are left to `beforeSave`. */
export async function beforeValidate(context: HookContext<QuoteTotalsConfig>): Promise<void> {
  if (!shouldRecalculate(context)) return;
  const recalculation = await recalculateQuote(context.record, context.previous, context.config, context.services);
  Object.assign(context.record, recalculationPatch(context.config, recalculation));
}

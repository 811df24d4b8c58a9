import type { ActionContext, ActionResult, PluginAction } from '@crm/engine';
import type { QuoteTotalsConfig } from '../config/quote-totals.config';
import { text } from '../locale/messages';
import { recalculateQuote, recalculationPatch } from '../quote.recalculator';

/**
 * Re-prices a stored quote with today's products. The input may carry the
 * form's unsaved lines or price list, which are used instead of the stored ones.
 */
async function run({ record, input, config, services }: ActionContext<QuoteTotalsConfig>): Promise<ActionResult> {
  const quote = { ...record, ...pick(input, [config.linesField, config.priceListField]) };
  const recalculation = await recalculateQuote(quote, record, config, services);
  if (recalculation.issues.length) {
    const problems = {
      es: recalculation.issues.map((issue) => issue.message.es).join(' '),
      en: recalculation.issues.map((issue) => issue.message.en).join(' '),
    };
    return { message: text('action.recalcular.refused', { problems }) };
  }
  return {
    patch: recalculationPatch(config, recalculation),
    message: text('action.recalcular.done', { total: recalculation.totals.total }),
  };
}

function pick(values: Readonly<Record<string, unknown>>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in values).map((key) => [key, values[key]]));
}

export const recalcularAction: PluginAction<QuoteTotalsConfig> = {
  key: 'recalcular',
  label: text('action.recalcular.label'),
  inputSchema: { type: 'object', additionalProperties: true },
  run,
};

import { recalculateQuote, recalculationPatch } from '../../../plugins/quote-totals/quote.recalculator';
import type { QuoteTotalsConfig } from '../../../plugins/quote-totals/config/quote-totals.config';
import { recordsApi } from '../api/records.api';
import type { ModuleDefinition } from '../api/types';

type Values = Record<string, unknown>;

/**
 * Module plugins whose computations the Studio runs while the agent types, with
 * the plugin's own code, so what the form shows is what the server will save.
 * The server still recomputes on save; this is only the live preview.
 */
type LivePlugin = (values: Values, config: Record<string, unknown>) => Promise<Values>;

/** The plugin reads records through the API the same way it reads them through the runtime's services on the server. */
const services = {
  findRecord: (module: string, id: string) => recordsApi.get(module, id).catch(() => null),
};

const LIVE: Record<string, LivePlugin> = {
  'quote-totals': async (values, config) => {
    const typed = config as unknown as QuoteTotalsConfig;
    return recalculationPatch(typed, await recalculateQuote(values, null, typed, services));
  },
};

export function hasLivePlugins(definition: ModuleDefinition): boolean {
  return (definition.plugins ?? []).some((p) => p.name in LIVE);
}

/** The values every live plugin of the module would change, merged in the definition's plugin order. */
export async function livePatch(definition: ModuleDefinition, values: Values): Promise<Values> {
  let patch: Values = {};
  for (const plugin of definition.plugins ?? []) {
    const run = LIVE[plugin.name];
    if (run) patch = { ...patch, ...(await run({ ...values, ...patch }, plugin.config ?? {})) };
  }
  return patch;
}

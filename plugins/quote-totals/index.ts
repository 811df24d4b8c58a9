import type { PluginPackage } from '@crm/engine';
import type { QuoteTotalsConfig } from './config/quote-totals.config';
import { quoteTotalsPlugin } from './plugin';
import { quoteTotalsStudio } from './studio';

/** The quote-totals package as `plugins/installed.ts` lists it: the server contract and the Studio's live totals. */
const quoteTotals: PluginPackage<QuoteTotalsConfig> = { server: quoteTotalsPlugin, studio: quoteTotalsStudio };

export default quoteTotals;

import type { ModulePlugin } from '@crm/engine';
import { recalcularAction } from './actions/recalcular.action';
import { unitsComputed } from './computed/units.computed';
import { checkQuoteTotalsConfig } from './config/check-config';
import type { QuoteTotalsConfig } from './config/quote-totals.config';
import { beforeSave } from './hooks/before-save.hook';
import { beforeValidate } from './hooks/before-validate.hook';
import { text } from './locale/messages';

export type { QuoteTotalsConfig } from './config/quote-totals.config';

/** Quote totals (SPEC M6, D6): line prices, range discounts, taxes and totals of the `cotizaciones` module, exact to the cent. */
export const quoteTotalsPlugin: ModulePlugin<QuoteTotalsConfig> = {
  name: 'quote-totals',
  version: '1.0.0',
  description: text('plugin.description'),
  checkConfig: checkQuoteTotalsConfig,
  hooks: { beforeValidate, beforeSave },
  computedFields: [unitsComputed],
  actions: [recalcularAction],
};

export default quoteTotalsPlugin;

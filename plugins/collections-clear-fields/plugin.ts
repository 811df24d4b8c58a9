import type { ModulePlugin } from '@crm/engine';
import { registrarGestionAction } from './actions/registrar-gestion.action';
import { checkClearFieldsConfig } from './config/check-config';
import type { ClearFieldsConfig } from './config/clear-fields.config';
import { text } from './locale/messages';

export type { ClearFieldsConfig } from './config/clear-fields.config';

/** Collections field clearing (SPEC M6, D2; seed 000 §4.3) for the `cobranza` module. */
export const collectionsClearFieldsPlugin: ModulePlugin<ClearFieldsConfig> = {
  name: 'collections-clear-fields',
  version: '1.0.0',
  description: text('plugin.description'),
  checkConfig: checkClearFieldsConfig,
  actions: [registrarGestionAction],
};

export default collectionsClearFieldsPlugin;

import type { ModulePlugin } from '@crm/engine';
import { registrarGestionAction } from './actions/registrar-gestion.action';
import { checkClearFieldsConfig } from './config/check-config';
import { type CollectionsConfig, PLUGIN_NAME } from './config/clear-fields.config';
import { afterSave } from './hooks/gestion-after-save.hook';
import { beforeSave } from './hooks/gestion-before-save.hook';
import { text } from './locale/messages';

export type { ClearFieldsConfig, CollectionsConfig, GestionLinkConfig } from './config/clear-fields.config';

/**
 * Collections field clearing (SPEC M6, D2; seed 000 §4.3): listed on the
 * collection module (what to clear, the "Registrar gestión" action) and on the
 * gestión module (`collectionLookup`: each new gestión clears its collection record).
 */
export const collectionsClearFieldsPlugin: ModulePlugin<CollectionsConfig> = {
  name: PLUGIN_NAME,
  version: '1.0.0',
  description: text('plugin.description'),
  checkConfig: checkClearFieldsConfig,
  hooks: { beforeSave, afterSave },
  actions: [registrarGestionAction],
};

export default collectionsClearFieldsPlugin;

import type { pluginActionsEs } from './plugin-actions.es';

/** Texts of the plugin action buttons on a record (M6), in English. */
export const pluginActionsEn: Record<keyof typeof pluginActionsEs, string> = {
  'actions.run': 'Run',
  'actions.running': 'Running…',
  'actions.cancel': 'Cancel',
  'actions.done': 'Action done.',
  'actions.group': 'Module actions',
};

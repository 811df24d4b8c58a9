/** Texts of the plugin action buttons on a record (M6), in Spanish. */
export const pluginActionsEs = {
  'actions.run': 'Ejecutar',
  'actions.running': 'Ejecutando…',
  'actions.cancel': 'Cancelar',
  'actions.done': 'Acción ejecutada.',
  'actions.group': 'Acciones del módulo',
};

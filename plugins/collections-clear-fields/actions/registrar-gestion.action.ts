import type { ActionContext, ActionResult, PluginAction, RecordValues } from '@crm/engine';
import { clearConfiguredFields } from '../clearing/clear-configured-fields';
import { checkClearFieldsConfig } from '../config/check-config';
import { type CollectionsConfig, type GestionLinkConfig, isGestionLink, PLUGIN_NAME, SNAPSHOT_FIELD } from '../config/clear-fields.config';
import { text } from '../locale/messages';

const isObject = (value: unknown): value is RecordValues => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Registers a gestión on a collection record: creates it in the gestión
 * module, linked to the record. The gestión's own hooks (hooks/) keep the
 * snapshot and clear the configured fields, so a gestión created any other
 * way clears them the same. The runtime writes it in one transaction.
 */
async function run({ record, input, config, definition, services }: ActionContext<CollectionsConfig>): Promise<ActionResult> {
  if (isGestionLink(config)) throw new Error(`registrar_gestion runs on the collection module, not on "${definition.key}".`);
  // A definition with a bad config is refused when stored; this guards a config that slipped past.
  const problems = checkClearFieldsConfig(config as unknown as Record<string, unknown>, definition);
  const gestion = await services.findDefinition(config.gestionModule);
  const linked = gestion?.plugins?.some((p) => p.name === PLUGIN_NAME && (p.config as Partial<GestionLinkConfig> | undefined)?.collectionLookup === config.gestionLookup);
  if (!linked) problems.push(`Module "${config.gestionModule}" must list ${PLUGIN_NAME} with {"collectionLookup": "${config.gestionLookup}"} so that each new gestión clears the fields.`);
  if (problems.length) throw new Error(`${PLUGIN_NAME} is misconfigured on module "${definition.key}": ${problems.join(' ')}`);

  const { count } = clearConfiguredFields(record, config);
  const values: RecordValues = { ...(isObject(input) ? input : {}), [config.gestionLookup]: record.id };
  // The snapshot is the gestión hook's to write; a client's value would only be refused as read-only.
  delete values[SNAPSHOT_FIELD];
  return {
    create: [{ module: config.gestionModule, values }],
    message: text('action.registrar_gestion.done', { count }),
  };
}

const property = (type: string, key: 'canal' | 'tipificacion' | 'codigo_tipificacion' | 'resultado' | 'descripcion' | 'fecha', extra: RecordValues = {}) => {
  const label = text(`input.${key}`);
  return { type, title: label.es, 'x-label': label, ...extra };
};

export const registrarGestionAction: PluginAction<CollectionsConfig> = {
  key: 'registrar_gestion',
  label: text('action.registrar_gestion.label'),
  /** The gestión's own values; any other field of the gestión module may be sent too. */
  inputSchema: {
    type: 'object',
    additionalProperties: true,
    properties: {
      fecha: property('string', 'fecha', { format: 'date-time' }),
      canal: property('string', 'canal'),
      tipificacion: property('string', 'tipificacion'),
      codigo_tipificacion: property('string', 'codigo_tipificacion'),
      resultado: property('string', 'resultado'),
      descripcion: property('string', 'descripcion'),
    },
  },
  // Offered on the collection module; the gestión module lists the plugin only to clear on each new gestión.
  offeredFor: (config) => !isGestionLink(config),
  run,
};

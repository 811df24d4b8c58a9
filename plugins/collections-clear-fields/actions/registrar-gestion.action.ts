import type { ActionContext, ActionResult, PluginAction, RecordValues } from '@crm/engine';
import { clearConfiguredFields } from '../clearing/clear-configured-fields';
import { checkClearFieldsConfig } from '../config/check-config';
import type { ClearFieldsConfig } from '../config/clear-fields.config';
import { SNAPSHOT_FIELD } from '../config/clear-fields.config';
import { text } from '../locale/messages';

const isObject = (value: unknown): value is RecordValues => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Registers a gestión on a collection record: creates it in the gestión
 * module (linked to the record, with the cleared values as a JSON snapshot)
 * and clears the configured fields, in one transaction run by the runtime.
 */
function run({ record, input, config, definition }: ActionContext<ClearFieldsConfig>): ActionResult {
  // A definition with a bad config is refused when stored; this guards a config that slipped past.
  const problems = checkClearFieldsConfig(config as unknown as Record<string, unknown>, definition);
  if (problems.length) throw new Error(`collections-clear-fields is misconfigured on module "${definition.key}": ${problems.join(' ')}`);

  const { patch, cleared, count } = clearConfiguredFields(record, config);
  const gestion: RecordValues = {
    ...(isObject(input) ? input : {}),
    [config.gestionLookup]: record.id,
    [SNAPSHOT_FIELD]: JSON.stringify(cleared),
  };
  return {
    patch,
    create: [{ module: config.gestionModule, values: gestion }],
    message: text('action.registrar_gestion.done', { count }),
  };
}

const property = (type: string, key: 'canal' | 'tipificacion' | 'codigo_tipificacion' | 'resultado' | 'descripcion' | 'fecha', extra: RecordValues = {}) => {
  const label = text(`input.${key}`);
  return { type, title: label.es, 'x-label': label, ...extra };
};

export const registrarGestionAction: PluginAction<ClearFieldsConfig> = {
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
  run,
};

import type { HookContext, RecordValues } from '@crm/engine';
import { type ClearFieldsConfig, type CollectionsConfig, isGestionLink, PLUGIN_NAME } from '../config/clear-fields.config';

export interface LinkedCollection {
  module: string;
  id: string;
  record: RecordValues;
  config: ClearFieldsConfig;
}

/**
 * The collection record a new gestión is registered on, with that module's
 * clearing config; null when the write is not a new gestión linked to a
 * collection whose config names this module and lookup.
 */
export async function linkedCollection(context: Omit<HookContext<CollectionsConfig>, 'record'> & { record: Readonly<RecordValues> }): Promise<LinkedCollection | null> {
  const { config, definition, record, services } = context;
  if (context.event !== 'create' || !isGestionLink(config)) return null;
  const id = record[config.collectionLookup];
  const lookup = definition.fields.find((f) => f.key === config.collectionLookup);
  if (typeof id !== 'string' || lookup?.type !== 'lookup') return null;
  const target = await services.findDefinition(lookup.target);
  const entry = target?.plugins?.find((p) => p.name === PLUGIN_NAME && p.config && !('collectionLookup' in p.config));
  const collection = entry?.config as ClearFieldsConfig | undefined;
  if (!collection || collection.gestionModule !== definition.key || collection.gestionLookup !== config.collectionLookup) return null;
  const found = await services.findRecord(lookup.target, id);
  // A link to a record that does not exist is refused later by the reference check.
  return found ? { module: lookup.target, id, record: found, config: collection } : null;
}

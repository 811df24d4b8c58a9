import type { ModuleDefinition } from '@crm/engine';
import { SNAPSHOT_FIELD } from './clear-fields.config';

/** Checks the gestión module's side of the plugin: `{ collectionLookup }` names a live lookup, and the snapshot field exists. */
export function checkGestionLinkConfig(config: Record<string, unknown>, definition: ModuleDefinition): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(config)) {
    if (key !== 'collectionLookup') problems.push(`Unknown config key "${key}"; on the gestión module collections-clear-fields takes only collectionLookup.`);
  }
  const lookup = config.collectionLookup;
  if (typeof lookup !== 'string' || lookup.trim() === '') return [...problems, '"collectionLookup" must be a non-empty string.'];
  const field = definition.fields.find((f) => f.key === lookup);
  if (!field) problems.push(`Field "${lookup}" (collectionLookup) does not exist in module "${definition.key}".`);
  else if (field.type !== 'lookup') problems.push(`Field "${lookup}" (collectionLookup) must be a lookup to the collection module, but it is a ${field.type} field.`);
  else if (field.archived) problems.push(`Field "${lookup}" (collectionLookup) is archived.`);
  const snapshot = definition.fields.find((f) => f.key === SNAPSHOT_FIELD);
  if (!snapshot || snapshot.archived) problems.push(`Module "${definition.key}" needs a long-text field "${SNAPSHOT_FIELD}" to keep the cleared values.`);
  else if (snapshot.type !== 'longText') problems.push(`Field "${SNAPSHOT_FIELD}" must be a long-text field, but it is a ${snapshot.type} field.`);
  return problems;
}

import type { HookContext } from '@crm/engine';
import { clearConfiguredFields } from '../clearing/clear-configured-fields';
import { type CollectionsConfig, SNAPSHOT_FIELD } from '../config/clear-fields.config';
import { linkedCollection } from './linked-collection';

/** A new gestión keeps the values its collection record is about to lose (seed 000 §4.3): nothing is lost. */
export async function beforeSave(context: HookContext<CollectionsConfig>): Promise<void> {
  const link = await linkedCollection(context);
  if (!link) return;
  context.record[SNAPSHOT_FIELD] = JSON.stringify(clearConfiguredFields(link.record, link.config).cleared);
}

import type { SavedContext } from '@crm/engine';
import { clearConfiguredFields } from '../clearing/clear-configured-fields';
import type { CollectionsConfig } from '../config/clear-fields.config';
import { linkedCollection } from './linked-collection';

/** Once the gestión is written, its collection record's configured fields are cleared, in the same transaction and audited. */
export async function afterSave(context: SavedContext<CollectionsConfig>): Promise<void> {
  const link = await linkedCollection(context);
  if (!link) return;
  await context.services.updateRecord(link.module, link.id, clearConfiguredFields(link.record, link.config).patch);
}

import { activityLink, activityValues, roleField } from '@crm/engine';
import type { ApiRecord, ModuleDefinition } from '../api/types';
import { recordsApi } from '../api/records.api';

/**
 * Saves a chosen tipificación: into the record's field with the `disposition`
 * role when the module has one (so it can be filtered and reported), and always
 * as a completed note in the activities module linked to the record, so the
 * activities tab shows who classified it, when and how. Answers the record as saved.
 */
export async function saveTipificacion(
  definition: ModuleDefinition,
  record: ApiRecord,
  path: string,
  subject: string,
  activities: ModuleDefinition | undefined,
  onRecord: (saved: ApiRecord) => void,
): Promise<ApiRecord> {
  const field = roleField(definition, 'disposition');
  const saved = field ? await recordsApi.update(definition.key, record.id, { [field.key]: path, version: record.version }) : record;
  // Handed over at once, so the form knows the new version before the live feed reports this save as someone else's.
  onRecord(saved);
  const link = activities && activityLink(activities, definition.key, record.id);
  if (activities && link) {
    await recordsApi.create(activities.key, { ...activityValues(activities, { kind: 'note', status: 'done', subject: subject.slice(0, 255), description: path }), ...link.values });
  }
  return saved;
}

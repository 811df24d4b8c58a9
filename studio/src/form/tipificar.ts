import type { ApiRecord, ModuleDefinition } from '../api/types';
import { recordsApi } from '../api/records.api';
import { activityLink } from '../activities/activity-link';

const ACTIVITIES = 'actividades';
/** The catalog's field for the chosen path (Casos has it); modules without it keep the path in the activity only. */
const FIELD = 'tipificacion';

/**
 * Saves a chosen tipificación: into the record's `tipificacion` field when the
 * module has one (so it can be filtered and reported), and always as a
 * completed note in Actividades linked to the record, so the activities tab
 * shows who classified it, when and how. Answers the record as saved.
 */
export async function saveTipificacion(
  definition: ModuleDefinition,
  record: ApiRecord,
  path: string,
  subject: string,
  activities: ModuleDefinition | undefined,
  onRecord: (saved: ApiRecord) => void,
): Promise<ApiRecord> {
  const hasField = definition.fields.some((f) => f.key === FIELD && !f.archived && f.type === 'text');
  const saved = hasField ? await recordsApi.update(definition.key, record.id, { [FIELD]: path, version: record.version }) : record;
  // Handed over at once, so the form knows the new version before the live feed reports this save as someone else's.
  onRecord(saved);
  if (activities) {
    await recordsApi.create(ACTIVITIES, { tipo: 'nota', estado: 'completada', asunto: subject.slice(0, 255), descripcion: path, ...activityLink(activities, definition.key, record.id).values });
  }
  return saved;
}

import type { EntityManager } from 'typeorm';
import { ApiError } from '../core/api-error';
import type { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import type { MailMessage } from './mail.transport';

/**
 * A completed note per e-mail on the record it went to (Actividades has no "correo" type).
 * It points at the record the way the Studio's activity tab looks (studio/src/activities/activity-link.ts):
 * the Actividades lookup to that module, else "Otro módulo" + "ID del registro".
 * Operations without Actividades log nothing.
 */
export async function activityRows(definitions: ModuleDefinitionsService, operation: OperationRef, module: string, messages: MailMessage[], db: EntityManager) {
  if (messages.length === 0) return [];
  let activities;
  try {
    activities = await definitions.get(operation, 'actividades', db);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
  const lookup = activities.fields.find((f) => f.type === 'lookup' && !f.archived && f.target === module);
  return messages.map((m) => ({
    tipo: 'nota',
    estado: 'completada',
    asunto: `Correo: ${m.subject}`.slice(0, 255),
    descripcion: `Para / To: ${m.to}\nPlantilla / Template: ${m.templateKey}`,
    ...(lookup ? { [lookup.key]: m.recordId } : { modulo_relacionado: module, registro_relacionado: m.recordId }),
  }));
}

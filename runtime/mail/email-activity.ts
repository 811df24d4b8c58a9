import { activityLink, activityValues } from '@crm/engine';
import type { EntityManager } from 'typeorm';
import type { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import type { MailMessage } from './mail.transport';

/**
 * A completed note per e-mail on the record it went to, in the module with the
 * `activities` role, linked the way the Studio's activity tab looks for it.
 * Operations without an activities module, or with no way to link it to
 * `module`, log nothing.
 */
export async function activityRows(definitions: ModuleDefinitionsService, operation: OperationRef, module: string, messages: MailMessage[], db: EntityManager) {
  if (messages.length === 0) return null;
  const activities = await definitions.withRole(operation, 'activities', db);
  if (!activities || !activityLink(activities, module, messages[0].recordId)) return null;
  const rows = messages.map((m) => ({
    ...activityValues(activities, {
      kind: 'note',
      status: 'done',
      subject: `Correo: ${m.subject}`.slice(0, 255),
      description: `Para / To: ${m.to}\nPlantilla / Template: ${m.templateKey}`,
    }),
    ...activityLink(activities, module, m.recordId)?.values,
  }));
  return { module: activities.key, rows };
}

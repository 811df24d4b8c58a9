import { activityLink, activityValues, relatedRecordValues, type Issue, type ModuleDefinition } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import type { RecordAccess } from '../records/record-access.policy';
import { recordTitle } from '../records/record-expander';
import { activeField } from '../records/record-fields';
import type { ApiRecord } from '../records/record-row.mapper';
import { RecordsService } from '../records/records.service';

export interface CallRequest {
  module: string;
  id: string;
  field: string;
}

export interface PlacedCall {
  /** The number as the record holds it. */
  number: string;
  /** What the dialer dials: digits, with a leading + when the number has one. */
  dial: string;
  module: string;
  id: string;
  field: string;
  /** The call logged in the module with the `activities` role; null when the operation has none. */
  activityId: string | null;
}

const invalid = (path: string, code: string, es: string, en: string): Issue => ({ path, code, message: { es, en } });

/** Click2Dial (seed 002): the number to dial from a phone field of a visible record, and the call logged as an activity. */
@Injectable()
export class Click2DialService {
  constructor(
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordsService) private readonly records: RecordsService,
  ) {}

  async call(operation: OperationRef, request: CallRequest, access: RecordAccess, author: { userId: string | null; locale: 'es' | 'en' }): Promise<PlacedCall> {
    const definition = access.view(await this.definitions.get(operation, request.module));
    const field = activeField(definition, request.field);
    // A hidden field is as unknown as a field that does not exist.
    if (!field || field.type !== 'phone') {
      throw ApiError.validation([
        invalid('field', 'notPhone', `«${request.field}» no es un campo de teléfono de «${request.module}».`, `"${request.field}" is not a phone field of "${request.module}".`),
      ]);
    }
    const record = await this.records.get(operation, request.module, request.id, access);
    const number = typeof record[field.key] === 'string' ? (record[field.key] as string).trim() : '';
    const dial = number.startsWith('+') ? `+${number.replace(/\D/g, '')}` : number.replace(/\D/g, '');
    if (dial.replace('+', '') === '') {
      throw ApiError.validation([invalid('field', 'noNumber', `El registro no tiene número en «${field.key}».`, `The record has no number in "${field.key}".`)]);
    }
    const activities = await this.definitions.withRole(operation, 'activities');
    const activity = activities ? await this.records.create(operation, activities.key, this.activity(activities, definition, record, field.key, number), author) : null;
    return { number, dial, module: request.module, id: record.id, field: field.key, activityId: activity?.id ?? null };
  }

  /** The activity of the call: a pending call, due now, linked to the record through the lookup that targets its module and the generic link. */
  private activity(activities: ModuleDefinition, definition: ModuleDefinition, record: ApiRecord, field: string, number: string): Record<string, unknown> {
    const title = recordTitle(definition, record).slice(0, 150);
    return {
      ...activityValues(activities, {
        kind: 'call',
        status: 'pending',
        subject: `Llamada a ${title} (${number})`,
        description: `Click2Dial: ${definition.key}.${field} = ${number}`,
        // The call is due now: it is being placed.
        due: new Date().toISOString(),
      }),
      ...relatedRecordValues(activities, definition.key, record.id),
      ...activityLink(activities, definition.key, record.id)?.values,
    };
  }
}

import { type Issue, type ModuleDefinition } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import type { RecordAccess } from '../records/record-access.policy';
import { recordTitle } from '../records/record-expander';
import { activeField, activeFields } from '../records/record-fields';
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
  /** The actividad of type llamada logged for the call. */
  activityId: string;
}

const ACTIVITIES = 'actividades';

const invalid = (path: string, code: string, es: string, en: string): Issue => ({ path, code, message: { es, en } });

/** Click2Dial (seed 002): the number to dial from a phone field of a visible record, and the call logged as an actividad. */
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
    const activity = await this.records.create(operation, ACTIVITIES, await this.activity(operation, definition, record, field.key, number), author);
    return { number, dial, module: request.module, id: record.id, field: field.key, activityId: activity.id };
  }

  /** The actividad of the call: type llamada, linked to the record through the lookup that targets its module, if any. */
  private async activity(operation: OperationRef, definition: ModuleDefinition, record: ApiRecord, field: string, number: string): Promise<Record<string, unknown>> {
    const activities = await this.definitions.get(operation, ACTIVITIES);
    const link = activeFields(activities).find((f) => f.type === 'lookup' && f.target === definition.key);
    const title = recordTitle(definition, record).slice(0, 150);
    return {
      tipo: 'llamada',
      estado: 'pendiente',
      asunto: `Llamada a ${title} (${number})`,
      descripcion: `Click2Dial: ${definition.key}.${field} = ${number}`,
      // The call is due now: it is being placed.
      fecha_vencimiento: new Date().toISOString(),
      modulo_relacionado: definition.key,
      registro_relacionado: record.id,
      ...(link && { [link.key]: record.id }),
    };
  }
}

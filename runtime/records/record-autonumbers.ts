import { type AutonumberField, type ModuleDefinition, type RecordValues, renderAutonumber } from '@crm/engine';
import type { EntityManager } from 'typeorm';
import { sequenceName } from '../modules/module-table.ddl';
import type { OperationRef } from '../core/operation-ref';
import { activeFields } from './record-fields';
import type { RecordRepository } from './record.repository';

/**
 * Numbers new records: each autonumber field takes the next values of its
 * sequence (one round trip per field for the whole batch) rendered with its
 * prefix template, e.g. `CAS-{{seq 6}}` → `CAS-000042`.
 */
export async function assignAutonumbers(repository: RecordRepository, db: EntityManager, operation: OperationRef, definition: ModuleDefinition, records: RecordValues[]): Promise<void> {
  if (records.length === 0) return;
  const now = new Date();
  for (const field of activeFields(definition)) {
    if (field.type !== 'autonumber') continue;
    const numbers = await repository.nextSequenceValues(db, operation, sequenceName(definition.key, field.key), records.length);
    records.forEach((record, i) => {
      record[field.key] = renderAutonumber((field as AutonumberField).prefix, numbers[i], record, now);
    });
  }
}

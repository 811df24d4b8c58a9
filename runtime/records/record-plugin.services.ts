import type { PluginServices } from '@crm/engine';
import type { EntityManager } from 'typeorm';
import type { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { isUuid } from './record-id';
import type { RecordRepository } from './record.repository';

/** What plugins may read during a write: live records of the same operation, through the write's own transaction. */
export function pluginServices(definitions: ModuleDefinitionsService, records: RecordRepository, db: EntityManager, operation: OperationRef): PluginServices {
  // The write's transaction is one connection, which runs one query at a time (pg 9 refuses overlapping
  // ones): reads a hook starts together (Promise.all over quote lines) take turns.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = turn.then(work, work);
    turn = result.catch(() => undefined);
    return result;
  };
  return {
    findRecord: (module, id) =>
      inTurn(async () => {
        if (!isUuid(id)) return null;
        const definition = await definitions.get(operation, module, db).catch(() => null);
        return definition ? records.find(db, operation, definition, id) : null;
      }),
  };
}

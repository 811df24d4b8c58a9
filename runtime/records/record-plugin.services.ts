import type { PluginServices } from '@crm/engine';
import type { EntityManager } from 'typeorm';
import type { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../operations/operation-ref';
import { isUuid } from './record-id';
import type { RecordRepository } from './record.repository';

/** What plugins may read during a write: live records of the same operation, through the write's own transaction. */
export function pluginServices(definitions: ModuleDefinitionsService, records: RecordRepository, db: EntityManager, operation: OperationRef): PluginServices {
  return {
    findRecord: async (module, id) => {
      if (!isUuid(id)) return null;
      const definition = await definitions.get(operation, module).catch(() => null);
      return definition ? records.find(db, operation, definition, id) : null;
    },
  };
}

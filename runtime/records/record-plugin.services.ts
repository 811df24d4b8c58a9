import type { PluginServices } from '@crm/engine';
import type { EntityManager } from 'typeorm';
import { ApiError } from '../core/api-error';
import type { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { isUuid } from '../core/uuid';
import type { RecordWritePipeline, WriteOptions } from './record-write.pipeline';
import { RecordErrors } from './record.errors';
import type { RecordRepository } from './record.repository';

export interface PluginServiceDeps {
  definitions: ModuleDefinitionsService;
  records: RecordRepository;
  pipeline: RecordWritePipeline;
  /** The author of the write the hooks run in: their own writes are audited as the same user. */
  user: WriteOptions;
}

/** What plugins may read and change during a write: live records of the same operation, through the write's own transaction. */
export function pluginServices(db: EntityManager, operation: OperationRef, deps: PluginServiceDeps): PluginServices {
  // The write's transaction is one connection, which runs one query at a time (pg 9 refuses overlapping
  // ones): reads a hook starts together (Promise.all over quote lines) take turns.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = turn.then(work, work);
    turn = result.catch(() => undefined);
    return result;
  };
  const findDefinition = (module: string) => deps.definitions.get(operation, module, db).catch(() => null);
  return {
    findDefinition: (module) => inTurn(() => findDefinition(module)),
    findRecord: (module, id) =>
      inTurn(async () => {
        if (!isUuid(id)) return null;
        const definition = await findDefinition(module);
        return definition ? deps.records.find(db, operation, definition, id) : null;
      }),
    // Not in turn: the nested write runs its own hooks, whose reads take their own turns.
    updateRecord: async (module, id, patch) => {
      const definition = await findDefinition(module);
      const previous = definition && isUuid(id) ? await deps.records.find(db, operation, definition, id, { lock: true }) : null;
      if (!definition || !previous) throw ApiError.recordNotFound(module, id);
      const outcome = await deps.pipeline.write(db, operation, definition, [{ index: 0, input: { values: patch, assign: {} }, previous, origin: 'server' }], deps.user);
      const failure = outcome.failures.get(0);
      if (failure?.kind === 'duplicate') throw RecordErrors.duplicate(failure.issues);
      if (failure?.kind === 'stale') throw RecordErrors.staleVersion(previous);
      if (failure) throw ApiError.validation(failure.issues.map((found) => ({ ...found, path: `${module}.${found.path}` })));
      return outcome.saved.get(0)!;
    },
  };
}

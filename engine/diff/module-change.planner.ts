import type { ModuleDefinition } from '../definition/module-definition.types';
import { diffDefinitions } from './definition.differ';
import type { DiffOperation, StoragePlan } from './diff.types';
import { planStorage } from './storage.planner';

/** A module as it is before its first field: creating a module is the diff from it. */
export function emptyModule(definition: ModuleDefinition): ModuleDefinition {
  return { ...structuredClone(definition), version: 0, fields: [] };
}

/**
 * The diff and storage plan that turn `before` into `after`; without `before`
 * the module is new, and its plan creates the table first. Creating and
 * changing a module are the same path.
 */
export function planModuleChange(before: ModuleDefinition | undefined, after: ModuleDefinition): { operations: DiffOperation[]; plan: StoragePlan } {
  const from = before ?? emptyModule(after);
  const operations = diffDefinitions(from, after);
  return { operations, plan: planStorage(operations, from, { newTable: !before }) };
}

import type { ModuleDefinition } from '../api/types';

// Each catalog module or field the list depends on is named here once, so
// finding it by the role a definition declares is a change to this file alone.

/** The module mass activities are created in (R4). */
export function activitiesModule(modules: { byKey: ReadonlyMap<string, ModuleDefinition> }): ModuleDefinition | undefined {
  return modules.byKey.get('actividades');
}

/** Activities carry a due date: the rows of such a module show its flag colour. */
export function showsDueFlag(definition: ModuleDefinition): boolean {
  return definition.fields.some((f) => f.key === 'fecha_vencimiento' && !f.archived);
}

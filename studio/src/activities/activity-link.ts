import type { FilterNode, ModuleDefinition } from '../api/types';

/**
 * How an activity points at a record of `module`: the Actividades lookup whose
 * target is that module (caso, contacto…), else the generic pair
 * "Otro módulo" + "ID del registro" for modules without their own lookup.
 */
export function activityLink(activities: ModuleDefinition, module: string, id: string): { filter: FilterNode; values: Record<string, unknown> } {
  const lookup = activities.fields.find((f) => f.type === 'lookup' && !f.archived && f.target === module);
  if (lookup) return { filter: { field: lookup.key, op: 'eq', value: id }, values: { [lookup.key]: id } };
  return {
    filter: { and: [{ field: 'modulo_relacionado', op: 'eq', value: module }, { field: 'registro_relacionado', op: 'eq', value: id }] },
    values: { modulo_relacionado: module, registro_relacionado: id },
  };
}

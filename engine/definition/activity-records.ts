import type { FilterNode } from '../query/query.types';
import type { ModuleDefinition } from './module-definition.types';
import { lookupTo, roleField, roleOption } from './module-roles';

/** The generic link of an activity to any record: the fields with roles `relatedModule` + `relatedRecord`, when the module has both. */
export function relatedRecordValues(activities: ModuleDefinition, module: string, id: string): Record<string, string> | null {
  const relatedModule = roleField(activities, 'relatedModule');
  const relatedRecord = roleField(activities, 'relatedRecord');
  return relatedModule && relatedRecord ? { [relatedModule.key]: module, [relatedRecord.key]: id } : null;
}

/**
 * How an activity points at a record of `module`: the activities module's
 * lookup to that module (a contact, a case…), else the generic link, for
 * modules it has no lookup to. Server and Studio link activities the same way,
 * so each finds the other's. Null when the activities module has neither.
 */
export function activityLink(activities: ModuleDefinition, module: string, id: string): { filter: FilterNode; values: Record<string, unknown> } | null {
  const lookup = lookupTo(activities, module);
  if (lookup) return { filter: { field: lookup.key, op: 'eq', value: id }, values: { [lookup.key]: id } };
  const values = relatedRecordValues(activities, module, id);
  if (!values) return null;
  return { filter: { and: Object.entries(values).map(([field, value]) => ({ field, op: 'eq', value })) }, values };
}

export interface ActivityFacts {
  kind?: 'note' | 'call' | 'task';
  status?: 'pending' | 'done';
  priority?: 'normal';
  subject?: string;
  description?: string;
  /** ISO date-time. */
  due?: string;
}

/** A new activity's values, keyed by the fields that carry each role; facts the module has no field or option for are left out. */
export function activityValues(activities: ModuleDefinition, facts: ActivityFacts): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const put = (role: 'subject' | 'description' | 'due', value: string | undefined) => {
    const field = roleField(activities, role);
    if (field && value !== undefined) values[field.key] = value;
  };
  const pick = (role: 'kind' | 'status' | 'priority', optionRole: string | undefined) => {
    const field = roleField(activities, role);
    const option = optionRole && roleOption(activities, role, optionRole);
    if (field && option) values[field.key] = option;
  };
  pick('kind', facts.kind);
  pick('status', facts.status);
  pick('priority', facts.priority);
  put('subject', facts.subject);
  put('description', facts.description);
  put('due', facts.due);
  return values;
}

import type { JsonLogic, ModuleField } from '../definition/module-definition.types';
import { evaluateLogic, truthy } from './json-logic.checker';

export interface FieldState {
  visible: boolean;
  required: boolean;
  readOnly: boolean;
}

const holds = (logic: JsonLogic | undefined, record: unknown, fallback: boolean): boolean => (logic === undefined ? fallback : truthy(evaluateLogic(logic, record)));

/**
 * Whether a field shows, must be filled and may be edited for this record.
 * The same function runs in the Studio (live form) and on the server (writes),
 * so both sides always agree. A hidden field is never required.
 */
export function fieldState(field: ModuleField, record: Record<string, unknown>): FieldState {
  const conditions = field.conditions;
  const visible = holds(conditions?.visible, record, true);
  const required = visible && (field.required === true || holds(conditions?.required, record, false));
  const readOnly = field.readOnly === true || holds(conditions?.readOnly, record, false);
  return { visible, required, readOnly };
}

/** The state of every active field, by key. */
export function fieldStates(fields: readonly ModuleField[], record: Record<string, unknown>): Record<string, FieldState> {
  const out: Record<string, FieldState> = {};
  for (const field of fields) if (!field.archived) out[field.key] = fieldState(field, record);
  return out;
}

/** Empty as people mean it: nothing, an empty string, an empty list. */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

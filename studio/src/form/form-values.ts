import type { ApiRecord, ModuleDefinition, ModuleField } from '../api/types';
import { fieldState } from '@crm/engine';
import { activeFields } from '../definition/field-display';

const COMPUTED = new Set(['autonumber', 'formula']);

/** Values the client never sends: computed ones and read-only fields (the server refuses them). Attachments are sent as their file references. */
const notSent = (field: ModuleField, values: Values) => COMPUTED.has(field.type) || fieldState(field, values).readOnly;

type Values = Record<string, unknown>;

/** A record's field values as the form holds them: nulls left out (rjsf treats undefined as empty), lookups as ids. */
export function toFormData(definition: ModuleDefinition, record: ApiRecord | null): Values {
  const out: Values = {};
  if (!record) return out;
  for (const field of activeFields(definition)) {
    const value = record[field.key];
    if (value === null || value === undefined) continue;
    out[field.key] = value && typeof value === 'object' && 'id' in value && field.type === 'lookup' ? (value as { id: string }).id : value;
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What the agent changed, field by field (cleared fields as null), without computed fields the server refuses. */
export function changedValues(definition: ModuleDefinition, before: Values, after: Values): Values {
  const out: Values = {};
  for (const field of activeFields(definition)) {
    if (notSent(field, after)) continue;
    if (!same(before[field.key], after[field.key])) out[field.key] = after[field.key] ?? null;
  }
  return out;
}

/** A new record's values: only what was filled in. */
export function createValues(definition: ModuleDefinition, values: Values): Values {
  const out: Values = {};
  for (const field of activeFields(definition)) {
    if (notSent(field, values)) continue;
    const value = values[field.key];
    if (value !== undefined && value !== null && value !== '') out[field.key] = value;
  }
  return out;
}

/** Fields whose saved value moved away from the one this form started from (for the 409 explanation). */
export function fieldsChangedBetween(definition: ModuleDefinition, base: Values, current: Values): string[] {
  return activeFields(definition)
    .filter((f) => !COMPUTED.has(f.type) && !same(base[f.key], current[f.key]))
    .map((f) => f.key);
}

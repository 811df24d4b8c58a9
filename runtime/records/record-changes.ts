import { deepEqual, type ModuleDefinition, type RecordValues } from '@crm/engine';
import { activeFields, hasOwn } from './record-fields';
import type { AuditEntry } from '../database/record-audit.repository';
import type { ApiRecord } from './record-row.mapper';
import type { CanonicalValues } from './record.repository';
import { canonicalValue } from './record-value.codec';
import type { WriteInput } from './record-input.reader';

/** The active field values of a prepared record, in canonical form (see record-value.codec.ts). */
export function canonicalFields(definition: ModuleDefinition, record: RecordValues): CanonicalValues {
  const out: CanonicalValues = {};
  for (const field of activeFields(definition)) {
    if (hasOwn(record, field.key)) out[field.key] = canonicalValue(field, record[field.key]);
  }
  return out;
}

/** What an update really changes: fields whose canonical value differs from the stored one, and owner / assignee when sent and different. */
export function changedValues(definition: ModuleDefinition, values: CanonicalValues, previous: ApiRecord, assign: WriteInput['assign']): CanonicalValues {
  const out: CanonicalValues = {};
  for (const field of activeFields(definition)) {
    if (hasOwn(values, field.key) && !deepEqual(values[field.key], previous[field.key] ?? null)) out[field.key] = values[field.key];
  }
  for (const key of ['owner', 'assignee'] as const) {
    if (assign[key] !== undefined && assign[key] !== previous[key]) out[key] = assign[key];
  }
  return out;
}

/** One audit entry per changed field, with the stored value before and after. */
export function fieldAuditEntries(before: ApiRecord, after: ApiRecord, changes: CanonicalValues): AuditEntry[] {
  return Object.keys(changes).map((key) => ({
    recordId: after.id,
    action: 'update' as const,
    field: key,
    oldValue: before[key] ?? null,
    newValue: after[key] ?? null,
  }));
}

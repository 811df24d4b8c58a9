import { type Issue, isSystemField, issue, type RecordValues } from '@crm/engine';
import { ASSIGNABLE_SYSTEM_KEYS, type AssignableSystemKey } from './record-fields';
import { isUuid } from '../core/uuid';
import { systemFieldIssue } from './record.errors';

export interface WriteInput {
  /** Field values as the client sent them (validated later against the definition). */
  values: RecordValues;
  /** Owner / assignee, when the client sent them (null clears). */
  assign: Partial<Record<AssignableSystemKey, string | null>>;
  /** The optimistic-lock token of a PATCH. */
  version?: number;
}

export type WriteKind = 'create' | 'update';

const ASSIGNABLE = new Set<string>(ASSIGNABLE_SYSTEM_KEYS);

/**
 * Splits a record body into field values and the system fields a write may
 * carry (owner, assignee, and `version` on PATCH, where it is required).
 * Every other system field is refused by name.
 */
export function readWriteInput(body: unknown, kind: WriteKind): { ok: true; input: WriteInput } | { ok: false; issues: Issue[] } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, issues: [issue('', 'record')] };
  const issues: Issue[] = [];
  const values: RecordValues = {};
  const assign: WriteInput['assign'] = {};
  let version: number | undefined;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'version' && kind === 'update') {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1) version = value;
      else issues.push(issue('version', 'type', { expected: 'integer' }));
    } else if (ASSIGNABLE.has(key)) {
      if (value === null || (typeof value === 'string' && isUuid(value))) assign[key as AssignableSystemKey] = value === null ? null : value.toLowerCase();
      else issues.push(issue(key, 'format.uuid'));
    } else if (isSystemField(key)) {
      issues.push(systemFieldIssue(key, key));
    } else {
      values[key] = value;
    }
  }
  if (kind === 'update' && !('version' in (body as object))) issues.push(issue('version', 'required'));
  return issues.length ? { ok: false, issues } : { ok: true, input: { values, assign, ...(version !== undefined && { version }) } };
}

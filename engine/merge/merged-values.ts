import type { ModuleDefinition } from '../definition/module-definition.types';
import { deepEqual } from '../diff/deep-equal';
import { isEmptyValue } from '../rules/field-state.evaluator';

/** A field a merge decides: `files` (attachments) are joined from every record by default, the rest take one record's value. */
export interface MergeField {
  key: string;
  kind: 'value' | 'files';
}

/** Types a merge never writes: the platform computes them (a number, a formula). */
const COMPUTED = new Set(['autonumber', 'formula']);

/** The active fields of a module a merge may carry from one record to another. */
export function mergeableFields(definition: ModuleDefinition): MergeField[] {
  return definition.fields.filter((f) => !f.archived && !COMPUTED.has(f.type)).map((f) => ({ key: f.key, kind: f.type === 'file' ? 'files' : 'value' }));
}

interface Source {
  id: string;
  values: Record<string, unknown>;
}

/** Attachments of every record, the kept record's first, each file once. */
function joinedFiles(records: readonly Source[], key: string): unknown {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const record of records) {
    const list = record.values[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const id = (item as { id?: unknown } | null)?.id;
      const mark = typeof id === 'string' ? id : JSON.stringify(item);
      if (seen.has(mark)) continue;
      seen.add(mark);
      out.push(item);
    }
  }
  return out.length ? out : (records[0].values[key] ?? null);
}

/**
 * The values the kept record ends with. `choices` names, per field, the record
 * whose value survives; a field without a choice keeps the kept record's value,
 * filled from the first other record that has one where it is empty
 * (attachments: the files of all of them). `others` come in the order they
 * should fill (the caller passes the most recently changed first).
 */
export function survivingValues(fields: readonly MergeField[], keep: Source, others: readonly Source[], choices: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const all = [keep, ...others];
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const chosen = choices[field.key] !== undefined ? all.find((record) => record.id === choices[field.key]) : undefined;
    if (chosen) out[field.key] = chosen.values[field.key] ?? null;
    else if (field.kind === 'files') out[field.key] = joinedFiles(all, field.key);
    else if (!isEmptyValue(keep.values[field.key])) out[field.key] = keep.values[field.key];
    else out[field.key] = others.find((record) => !isEmptyValue(record.values[field.key]))?.values[field.key] ?? keep.values[field.key] ?? null;
  }
  return out;
}

/** What the kept record must change to hold `surviving`: only the fields that differ. */
export function mergePatch(keep: Source, surviving: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(surviving)) if (!deepEqual(keep.values[key] ?? null, value ?? null)) patch[key] = value;
  return patch;
}

import { chooseKeeper, isEmptyValue, type KeeperRule, type MergeCandidate, type MergeField, mergeableFields, type ModuleDefinition } from '@crm/engine';
import type { ApiRecord } from '../api/types';
import type { DuplicateQuery, MergeGroup } from '../api/merges.api';

/** Field types a duplicates query can compare (the server refuses the rest). */
export { DUPLICATE_KEY_TYPES as GROUPABLE_TYPES } from '@crm/engine';

/** The choices of one group: the record kept and, per field, the record whose value the user picked (absent: the default). */
export interface GroupChoice {
  keep: string;
  values: Record<string, string>;
}

/** `joined`: the attachments of every record are kept. */
export type Source = string | 'joined';

export const candidateOf = (record: ApiRecord): MergeCandidate => ({ id: record.id, createdAt: record.createdAt, updatedAt: record.updatedAt, values: record });

/** The record kept by a rule. */
export function keeperByRule(definition: ModuleDefinition, records: ApiRecord[], rule: KeeperRule): string {
  return chooseKeeper(
    records.map(candidateOf),
    rule,
    mergeableFields(definition).map((f) => f.key),
  );
}

/** The others in the order they fill the kept record's empty fields: most recently changed first (as the server does). */
export function fillOrder(records: ApiRecord[], keep: string): ApiRecord[] {
  return records.filter((r) => r.id !== keep).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
}

/** Whose value a field ends with when the user picks none: the kept record's, else the first other that has one; attachments are joined. */
export function defaultSource(field: MergeField, records: ApiRecord[], keep: string): Source {
  const kept = records.find((r) => r.id === keep)!;
  if (field.kind === 'files') return records.filter((r) => !isEmptyValue(r[field.key])).length > 1 ? 'joined' : (records.find((r) => !isEmptyValue(r[field.key]))?.id ?? keep);
  if (!isEmptyValue(kept[field.key])) return keep;
  return fillOrder(records, keep).find((r) => !isEmptyValue(r[field.key]))?.id ?? keep;
}

/** The fields whose values differ between the records: the ones worth a choice. */
export function differingFields(definition: ModuleDefinition, records: ApiRecord[]): MergeField[] {
  return mergeableFields(definition).filter((field) => new Set(records.map((r) => JSON.stringify(r[field.key] ?? null))).size > 1);
}

/** The payload of one group: the kept record, the others, and only the values the user picked. */
export function groupPayload(ids: string[], choice: GroupChoice): MergeGroup {
  return { keep: choice.keep, merge: ids.filter((id) => id !== choice.keep), ...(Object.keys(choice.values).length > 0 && { values: choice.values }) };
}

/** Local calendar days (the user's) to the instants the API takes: `from` at its start, `to` at the end of its day. */
export function dayRange(from: string, to: string): { from?: string; to?: string } | undefined {
  const start = (day: string) => new Date(`${day}T00:00:00`).toISOString();
  const out: { from?: string; to?: string } = {};
  if (from) out.from = start(from);
  if (to) {
    const end = new Date(`${to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    out.to = end.toISOString();
  }
  return out.from || out.to ? out : undefined;
}

/** The query the form describes. */
export function duplicateQuery(fields: string[], mode: DuplicateQuery['mode'], digitsOnly: string[], created: [string, string], modified: [string, string]): DuplicateQuery {
  const digits = digitsOnly.filter((key) => fields.includes(key));
  const c = dayRange(...created);
  const m = dayRange(...modified);
  return { fields, mode, ...(digits.length > 0 && mode === 'normalised' && { digitsOnly: digits }), ...(c && { created: c }), ...(m && { modified: m }) };
}

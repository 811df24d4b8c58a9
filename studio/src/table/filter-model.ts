import { type FilterOperator, operatorsFor, valueKind } from '@crm/engine';
import type { FilterNode, ModuleDefinition } from '../api/types';
import { activeFields } from '../definition/field-display';

/** The filter builder's editable tree; it becomes the API's filter tree (ARCHITECTURE.md) on apply. */
export interface ConditionDraft {
  kind: 'condition';
  id: number;
  field: string;
  op: FilterOperator;
  value: unknown;
}
export interface GroupDraft {
  kind: 'group';
  id: number;
  mode: 'and' | 'or';
  children: FilterDraft[];
}
export type FilterDraft = ConditionDraft | GroupDraft;

let nextId = 1;
export const newId = () => nextId++;
export const emptyGroup = (mode: 'and' | 'or' = 'and'): GroupDraft => ({ kind: 'group', id: newId(), mode, children: [] });

const NO_VALUE: readonly FilterOperator[] = ['empty', 'notEmpty'];

function conditionComplete(c: ConditionDraft): boolean {
  if (!c.field) return false;
  if (NO_VALUE.includes(c.op)) return true;
  if (c.op === 'between') return Array.isArray(c.value) && c.value.length === 2 && c.value.every((v) => v !== '' && v !== undefined && v !== null);
  if (c.op === 'in') return Array.isArray(c.value) && c.value.length > 0;
  return c.value !== '' && c.value !== undefined && c.value !== null;
}

/** Drops unfinished conditions and empty groups, so a half-built filter still applies what is complete. */
export function draftToFilter(draft: FilterDraft): FilterNode | undefined {
  if (draft.kind === 'condition') {
    if (!conditionComplete(draft)) return undefined;
    return NO_VALUE.includes(draft.op) ? { field: draft.field, op: draft.op } : { field: draft.field, op: draft.op, value: draft.value };
  }
  const children = draft.children.map(draftToFilter).filter((n): n is FilterNode => n !== undefined);
  if (children.length === 0) return undefined;
  return draft.mode === 'and' ? { and: children } : { or: children };
}

/** Quick search: the text in any searchable text field, as the server's `?q=` search does, so it combines with the advanced filter, sort and paging. */
export function searchFilter(definition: ModuleDefinition, text: string): FilterNode | undefined {
  const q = text.trim();
  if (!q) return undefined;
  const fields = activeFields(definition).filter((f) => f.searchable && valueKind(f) === 'string' && operatorsFor(f).includes('contains'));
  if (fields.length === 0) return undefined;
  return { or: fields.map((f) => ({ field: f.key, op: 'contains' as const, value: q })) };
}

export function combineFilters(...nodes: (FilterNode | undefined)[]): FilterNode | undefined {
  const present = nodes.filter((n): n is FilterNode => n !== undefined);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : { and: present };
}

/** The builder's tree of an API filter (a filter from the URL), so it shows and can be changed; conditions stay as they are. */
export function filterToDraft(node: FilterNode | undefined): GroupDraft {
  if (!node) return emptyGroup();
  const toDraft = (n: FilterNode): FilterDraft => {
    if ('and' in n) return { kind: 'group', id: newId(), mode: 'and', children: n.and.map(toDraft) };
    if ('or' in n) return { kind: 'group', id: newId(), mode: 'or', children: n.or.map(toDraft) };
    return { kind: 'condition', id: newId(), field: n.field, op: n.op, value: n.value ?? '' };
  };
  const root = toDraft(node);
  return root.kind === 'group' ? root : { kind: 'group', id: newId(), mode: 'and', children: [root] };
}

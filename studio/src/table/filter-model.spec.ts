import { describe, expect, it } from '@jest/globals';
import type { FilterOperator } from '@crm/engine';
import fc from 'fast-check';
import type { FilterNode, ModuleDefinition } from '../api/types';
import { combineFilters, type ConditionDraft, draftToFilter, emptyGroup, type FilterDraft, type GroupDraft, searchFilter } from './filter-model';

const condition = (field: string, op: FilterOperator, value?: unknown): ConditionDraft => ({ kind: 'condition', id: 0, field, op, value });
const group = (mode: 'and' | 'or', ...children: FilterDraft[]): GroupDraft => ({ kind: 'group', id: 0, mode, children });

const text = { es: 'x', en: 'x' };
const definition: ModuleDefinition = {
  key: 'personas',
  version: 1,
  icon: 'user',
  names: { singular: text, plural: text },
  fields: [
    { key: 'nombre', type: 'text', label: text, searchable: true },
    { key: 'correo', type: 'email', label: text, searchable: true },
    { key: 'viejo', type: 'text', label: text, searchable: true, archived: true },
    { key: 'notas', type: 'longText', label: text },
    { key: 'edad', type: 'integer', label: text, searchable: true },
  ],
};

/** Any draft tree, complete or not. */
const draftArb: fc.Arbitrary<FilterDraft> = fc.letrec<{ draft: FilterDraft }>((tie) => ({
  draft: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(
        fc.constantFrom('', 'nombre', 'edad'),
        fc.constantFrom<FilterOperator>('eq', 'contains', 'in', 'between', 'empty', 'notEmpty'),
        fc.oneof(fc.constant(''), fc.constant(null), fc.string(), fc.array(fc.string(), { maxLength: 3 })),
      )
      .map(([field, op, value]) => condition(field, op, value)),
    fc.tuple(fc.constantFrom('and' as const, 'or' as const), fc.array(tie('draft'), { maxLength: 4 })).map(([mode, children]) => group(mode, ...children)),
  ),
})).draft;

function groupsAreFilled(node: FilterNode): boolean {
  if ('and' in node) return node.and.length > 0 && node.and.every(groupsAreFilled);
  if ('or' in node) return node.or.length > 0 && node.or.every(groupsAreFilled);
  return node.field !== '';
}

describe('filter-model', () => {
  it('an empty group is no filter', () => {
    expect(draftToFilter(emptyGroup())).toBeUndefined();
    expect(draftToFilter(group('or', group('and')))).toBeUndefined();
  });

  it('applies the complete conditions of a half-built filter', () => {
    const draft = group(
      'and',
      condition('nombre', 'contains', 'ana'),
      condition('', 'eq', 'x'),
      condition('edad', 'between', [18, '']),
      condition('edad', 'in', []),
      group('or', condition('correo', 'notEmpty', 'ignored')),
    );
    expect(draftToFilter(draft)).toEqual({ and: [{ field: 'nombre', op: 'contains', value: 'ana' }, { or: [{ field: 'correo', op: 'notEmpty' }] }] });
    expect(draftToFilter(condition('edad', 'between', [18, 65]))).toEqual({ field: 'edad', op: 'between', value: [18, 65] });
    expect(draftToFilter(condition('edad', 'in', [1]))).toEqual({ field: 'edad', op: 'in', value: [1] });
    expect(draftToFilter(condition('edad', 'eq', 0))).toEqual({ field: 'edad', op: 'eq', value: 0 });
  });

  it('never sends an empty group or a condition without a field', () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        const filter = draftToFilter(draft);
        if (filter !== undefined) expect(groupsAreFilled(filter)).toBe(true);
      }),
    );
  });

  it('searches the active searchable text fields only, with the trimmed text', () => {
    expect(searchFilter(definition, '  ana  ')).toEqual({
      or: [
        { field: 'nombre', op: 'contains', value: 'ana' },
        { field: 'correo', op: 'contains', value: 'ana' },
      ],
    });
    expect(searchFilter(definition, '   ')).toBeUndefined();
    expect(searchFilter({ ...definition, fields: definition.fields.filter((f) => f.type === 'integer') }, 'ana')).toBeUndefined();
  });

  it('combines what is present: one filter as it is, several under AND', () => {
    const a: FilterNode = { field: 'a', op: 'eq', value: 1 };
    const b: FilterNode = { or: [{ field: 'b', op: 'empty' }] };
    expect(combineFilters(undefined, undefined)).toBeUndefined();
    expect(combineFilters(undefined, a)).toBe(a);
    expect(combineFilters(a, undefined, b)).toEqual({ and: [a, b] });
  });

  it('gives every new draft node its own id', () => {
    expect(new Set([emptyGroup().id, emptyGroup().id, emptyGroup('or').id]).size).toBe(3);
  });
});

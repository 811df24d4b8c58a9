import { describe, expect, it } from '@jest/globals';
import type { ModuleDefinition, ModuleField } from '@crm/engine';
import fc from 'fast-check';
import { addField, archiveField, moveField, replaceField, restoreField, sectionOf, setFieldSection, updateSections } from './definition-edits';

const text = (s: string) => ({ es: s, en: s });
const field = (key: string, archived = false): ModuleField => ({ key, type: 'text', label: text(key), ...(archived && { archived: true }) });
const moduleOf = (fields: ModuleField[], sections?: ModuleDefinition['sections']): ModuleDefinition => ({
  key: 'placas',
  version: 3,
  icon: 'car',
  names: { singular: text('Placa'), plural: text('Placas') },
  fields,
  ...(sections && { sections }),
});

const keysOf = (def: ModuleDefinition) => def.fields.map((f) => f.key);

/** A module of 1–8 distinct fields, some archived, the active ones spread over two sections. */
const moduleArb = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 8 }).chain((keys) =>
  fc.tuple(fc.array(fc.boolean(), { minLength: keys.length, maxLength: keys.length }), fc.array(fc.boolean(), { minLength: keys.length, maxLength: keys.length })).map(([archived, inFirst]) => {
    const fields = keys.map((k, i) => field(k, archived[i]));
    const active = keys.filter((_, i) => !archived[i]);
    return moduleOf(fields, [
      { key: 'uno', label: text('Uno'), fields: active.filter((_, i) => inFirst[i]) },
      { key: 'dos', label: text('Dos'), fields: active.filter((_, i) => !inFirst[i]) },
    ]);
  }),
);

describe('definition-edits', () => {
  it('returns new definitions and leaves the one given untouched', () => {
    const before = moduleOf([field('a'), field('b')], [{ key: 's', label: text('S'), fields: ['a'] }]);
    const copy = structuredClone(before);
    const after = addField(before, field('c'), 's');
    expect(after).not.toBe(before);
    expect(before).toEqual(copy);
    expect(keysOf(after)).toEqual(['a', 'b', 'c']);
    expect(after.sections?.[0].fields).toEqual(['a', 'c']);
  });

  it('replaces a field in place', () => {
    const def = moduleOf([field('a'), field('b')]);
    const renamed = { ...field('b'), label: text('Bee') };
    expect(replaceField(def, 'b', renamed).fields).toEqual([field('a'), renamed]);
  });

  it('moves among active fields only, and keeps sections in the same order', () => {
    const def = moduleOf([field('a'), field('b'), field('c'), field('z', true)], [{ key: 's', label: text('S'), fields: ['a', 'c', 'b'] }]);
    const moved = moveField(def, 'b', 1);
    expect(keysOf(moved)).toEqual(['a', 'c', 'b', 'z']);
    expect(moved.sections?.[0].fields).toEqual(['a', 'c', 'b']);
    expect(moveField(def, 'a', -1)).toBe(def);
    expect(moveField(def, 'c', 1)).toBe(def);
  });

  it('a move down then up restores the order, and a move never loses a field', () => {
    fc.assert(
      fc.property(moduleArb, fc.nat(), (def, pick) => {
        const active = def.fields.filter((f) => !f.archived);
        if (active.length < 2) return;
        const key = active[pick % (active.length - 1)].key;
        const down = moveField(def, key, 1);
        expect([...keysOf(down)].sort()).toEqual([...keysOf(def)].sort());
        expect(keysOf(moveField(down, key, -1))).toEqual(keysOf(def));
      }),
    );
  });

  it('archiving a stored field keeps it; a field never applied just goes', () => {
    const stored = moduleOf([field('a')]);
    const draft = moduleOf([field('a'), field('b')], [{ key: 's', label: text('S'), fields: ['a', 'b'] }]);
    const archived = archiveField(draft, 'a', stored);
    expect(archived.fields[0]).toEqual({ ...field('a'), archived: true });
    expect(archived.sections?.[0].fields).toEqual(['a', 'b']);
    const dropped = archiveField(draft, 'b', stored);
    expect(keysOf(dropped)).toEqual(['a']);
    expect(dropped.sections?.[0].fields).toEqual(['a']);
    expect(keysOf(archiveField(draft, 'a', null))).toEqual(['b']);
  });

  it('restoring an archived field gives back the field as it was', () => {
    fc.assert(
      fc.property(moduleArb, (def) => {
        for (const f of def.fields.filter((x) => !x.archived)) {
          expect(restoreField(archiveField(def, f.key, def), f.key)).toEqual(def);
        }
      }),
    );
  });

  it('puts a field in exactly one section, at its end, or in none', () => {
    fc.assert(
      fc.property(moduleArb, fc.constantFrom('uno', 'dos', null), (def, target) => {
        const key = def.fields[0].key;
        const next = setFieldSection(def, key, target);
        expect(sectionOf(next, key)).toBe(target);
        expect(next.sections?.filter((s) => s.fields.includes(key)).length).toBe(target ? 1 : 0);
        if (target) expect(next.sections?.find((s) => s.key === target)?.fields.at(-1)).toBe(key);
      }),
    );
    const plain = moduleOf([field('a')]);
    expect(setFieldSection(plain, 'a', 'uno')).toBe(plain);
  });

  it('no sections left means the definition has none', () => {
    const def = moduleOf([field('a')], [{ key: 's', label: text('S'), fields: ['a'] }]);
    expect('sections' in updateSections(def, [])).toBe(false);
    const sections = [{ key: 't', label: text('T'), fields: [] }];
    expect(updateSections(def, sections).sections).toBe(sections);
  });
});

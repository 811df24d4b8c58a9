import fc from 'fast-check';
import { chooseKeeper, type MergeCandidate } from './keeper-choice';
import { isEmptyValue } from '../rules/field-state.evaluator';
import { type MergeField, mergePatch, survivingValues } from './merged-values';

const FIELDS: MergeField[] = [
  { key: 'nombre', kind: 'value' },
  { key: 'telefono', kind: 'value' },
  { key: 'ciudad', kind: 'value' },
  { key: 'adjuntos', kind: 'files' },
];
const KEYS = FIELDS.map((f) => f.key);
const scalar = fc.oneof(fc.constant(null), fc.constant(''), fc.stringMatching(/^[a-z]{1,6}$/));
const files = fc.oneof(
  fc.constant(null),
  fc.uniqueArray(fc.constantFrom('f1', 'f2', 'f3', 'f4'), { maxLength: 3 }).map((ids) => ids.map((id) => ({ id, name: `${id}.pdf` }))),
);
const when = fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2026-12-31') }).map((ms) => new Date(ms).toISOString());
const candidate = (id: string) =>
  fc
    .record({ createdAt: when, updatedAt: when, nombre: scalar, telefono: scalar, ciudad: scalar, adjuntos: files })
    .map(({ createdAt, updatedAt, ...values }): MergeCandidate => ({ id, createdAt, updatedAt, values }));
const group = fc.integer({ min: 2, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidate(`00000000-0000-0000-0000-00000000000${i}`))));

describe('keeper choice', () => {
  it('answers a record of the group, whatever order the group comes in', () => {
    fc.assert(
      fc.property(group, fc.constantFrom('newest' as const, 'oldest' as const, 'mostComplete' as const), (records, rule) => {
        const id = chooseKeeper(records, rule, KEYS);
        expect(records.map((r) => r.id)).toContain(id);
        expect(chooseKeeper([...records].reverse(), rule, KEYS)).toBe(id);
      }),
    );
  });

  it('newest and oldest go by creation; most complete has the most fields filled', () => {
    fc.assert(
      fc.property(group, (records) => {
        const at = (id: string) => Date.parse(records.find((r) => r.id === id)!.createdAt);
        const times = records.map((r) => Date.parse(r.createdAt));
        expect(at(chooseKeeper(records, 'newest', KEYS))).toBe(Math.max(...times));
        expect(at(chooseKeeper(records, 'oldest', KEYS))).toBe(Math.min(...times));
        const filled = (r: MergeCandidate) => KEYS.filter((k) => !isEmptyValue(r.values[k])).length;
        const best = records.find((r) => r.id === chooseKeeper(records, 'mostComplete', KEYS))!;
        expect(filled(best)).toBe(Math.max(...records.map(filled)));
      }),
    );
  });
});

describe('surviving values', () => {
  it("keep the kept record's filled values and fill its empty ones from the others", () => {
    fc.assert(
      fc.property(group, ([keep, ...others]) => {
        const out = survivingValues(FIELDS, keep, others);
        for (const key of ['nombre', 'telefono', 'ciudad']) {
          if (!isEmptyValue(keep.values[key])) expect(out[key]).toBe(keep.values[key]);
          else {
            const donor = others.find((o) => !isEmptyValue(o.values[key]));
            expect(out[key]).toEqual(donor ? donor.values[key] : (keep.values[key] ?? null));
          }
        }
      }),
    );
  });

  it('join the attachments of every record, each file once, the kept ones first', () => {
    fc.assert(
      fc.property(group, ([keep, ...others]) => {
        const out = survivingValues(FIELDS, keep, others).adjuntos as { id: string }[] | null;
        const every = [keep, ...others].flatMap((r) => ((r.values.adjuntos as { id: string }[] | null) ?? []).map((f) => f.id));
        if (every.length === 0) expect(out).toEqual(keep.values.adjuntos ?? null);
        else {
          expect(out!.map((f) => f.id)).toEqual([...new Set(every)]);
        }
      }),
    );
  });

  it('take the chosen record value where a field has a choice, and the patch turns the kept record into them', () => {
    fc.assert(
      fc.property(group, fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (records, picks) => {
        const [keep, ...others] = records;
        const choices = Object.fromEntries(KEYS.map((key, i) => [key, records[picks[i] % records.length].id]));
        const out = survivingValues(FIELDS, keep, others, choices);
        for (const key of KEYS) expect(out[key]).toEqual(records.find((r) => r.id === choices[key])!.values[key] ?? null);
        const patch = mergePatch(keep, out);
        const after = { ...keep.values, ...patch };
        for (const key of KEYS) expect(after[key] ?? null).toEqual(out[key]);
        for (const key of Object.keys(patch)) expect(patch[key]).not.toEqual(keep.values[key] ?? null);
      }),
    );
  });
});

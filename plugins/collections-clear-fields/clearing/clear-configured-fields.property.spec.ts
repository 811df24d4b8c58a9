import type { RecordValues } from '@crm/engine';
import fc from 'fast-check';
import type { ClearFieldsConfig } from '../config/clear-fields.config';
import { clearConfiguredFields } from './clear-configured-fields';

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const COLUMNS = ['id', 'p', 'q', 'r', 's', 't'];
const value = fc.oneof(fc.constant(null), fc.constant(''), fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }));
const subset = (keys: string[]) => fc.subarray(keys);

const scenario = fc.record({
  record: fc.record({ ...Object.fromEntries(KEYS.map((k) => [k, value])), id: fc.uuid() }, { requiredKeys: ['id'] }),
  rows: fc.option(fc.array(fc.record(Object.fromEntries(COLUMNS.map((k) => [k, value])), { requiredKeys: [] }), { maxLength: 6 }), { nil: undefined }),
  recordFields: subset(KEYS),
  obligationFields: subset(COLUMNS.filter((c) => c !== 'id')),
});

describe('clearing, for any record and any configured subset', () => {
  it('clears exactly the configured keys, changes nothing else and snapshots every non-empty cleared value', () => {
    fc.assert(
      fc.property(scenario, ({ record, rows, recordFields, obligationFields }) => {
        const file: RecordValues = { ...record, ...(rows !== undefined && { obligaciones: rows }) };
        const original = structuredClone(file);
        const config: ClearFieldsConfig = { recordFields, obligationsField: 'obligaciones', obligationFields, gestionModule: 'gestiones', gestionLookup: 'cobranza' };
        const { patch, cleared, count } = clearConfiguredFields(file, config);

        // The input is not mutated.
        expect(file).toEqual(original);

        // The patch names the configured record fields (all null) and the obligations, nothing else.
        const expectedKeys = [...recordFields, ...(Array.isArray(rows) && obligationFields.length ? ['obligaciones'] : [])];
        expect(Object.keys(patch).sort()).toEqual(expectedKeys.sort());
        for (const key of recordFields) expect(patch[key]).toBeNull();

        // Applying the patch: unconfigured fields identical; rows in order, configured columns null, other columns identical.
        const after = { ...file, ...patch };
        for (const key of Object.keys(file)) if (!expectedKeys.includes(key)) expect(after[key]).toEqual(original[key]);
        if (Array.isArray(rows) && obligationFields.length) {
          const newRows = patch.obligaciones as RecordValues[];
          expect(newRows).toHaveLength(rows.length);
          newRows.forEach((row, i) => {
            const old = original.obligaciones as RecordValues[];
            expect(Object.keys(row).sort()).toEqual([...new Set([...Object.keys(old[i]), ...obligationFields])].sort());
            for (const key of Object.keys(row)) expect(row[key]).toEqual(obligationFields.includes(key) ? null : old[i][key]);
          });
        }

        // The snapshot holds every non-empty value that was cleared, as it was.
        const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
        const expectedFields = Object.fromEntries(recordFields.filter((k) => !isEmpty(original[k])).map((k) => [k, original[k]]));
        expect(cleared.fields).toEqual(expectedFields);
        let expectedCount = Object.keys(expectedFields).length;
        if (Array.isArray(rows) && obligationFields.length) {
          const expectedRows = (original.obligaciones as RecordValues[]).flatMap((row, i) => {
            const values = Object.fromEntries(obligationFields.filter((k) => !isEmpty(row[k])).map((k) => [k, row[k]]));
            expectedCount += Object.keys(values).length;
            return Object.keys(values).length ? [{ row: i, ...(row.id !== undefined && { id: row.id }), values }] : [];
          });
          expect(cleared.obligations).toEqual(expectedRows);
        } else {
          expect(cleared.obligations).toEqual([]);
        }
        expect(count).toBe(expectedCount);
        // The snapshot survives JSON (what the gestión stores) for JSON-safe values.
        expect(() => JSON.stringify(cleared)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

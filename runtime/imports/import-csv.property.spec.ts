import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { convertRow, fieldTypeOf, type ImportValueOptions, type Locale, matchColumns, type ModuleDefinition, type ModuleField } from '@crm/engine';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { type CsvDelimiter, detectDelimiter, detectEncoding, sampleText } from './csv-layout.detector';
import { csvRows, type FileRow } from './import-file.reader';

/** Text a person might type into a cell, delimiters, quotes and line breaks included (surrounding space is not kept by text fields). */
const cellText = fc.string({ unit: fc.constantFrom(...'abcñáé XYZ019;,|\t"\'\n\r-_/.'.split('')), minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '' && s === s.trim());

const options = [
  { key: 'llamada', label: { es: 'Llamada', en: 'Call' } },
  { key: 'correo', label: { es: 'Correo', en: 'Mail' } },
  { key: 'visita', label: { es: 'Visita', en: 'Visit' } },
];

const fieldArb: fc.Arbitrary<{ field: Omit<ModuleField, 'key' | 'label'>; value: fc.Arbitrary<unknown> }> = fc.oneof(
  fc.constant({ field: { type: 'text' }, value: cellText }),
  fc.constant({ field: { type: 'longText' }, value: cellText }),
  fc.constant({ field: { type: 'integer' }, value: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }) }),
  fc.constant({ field: { type: 'decimal', scale: 2 }, value: fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => (n / 100).toFixed(2)) }),
  fc.constant({ field: { type: 'date' }, value: fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) }),
  fc.constant({ field: { type: 'boolean' }, value: fc.boolean() }),
  fc.constant({ field: { type: 'select', options }, value: fc.constantFrom('llamada', 'correo', 'visita') }),
  fc.constant({ field: { type: 'multiSelect', options }, value: fc.uniqueArray(fc.constantFrom('llamada', 'correo', 'visita'), { minLength: 1 }) }),
) as never;

const caseArb = fc.array(fieldArb, { minLength: 2, maxLength: 6 }).chain((specs) =>
  fc.record({
    fields: fc.constant(specs.map(({ field }, i) => ({ ...field, key: `campo_${i}`, label: { es: `Campo ${i}`, en: `Field ${i}` } }) as ModuleField)),
    rows: fc.array(fc.tuple(...specs.map(({ value }) => fc.option(value, { nil: null }))), { minLength: 1, maxLength: 20 }),
    delimiter: fc.constantFrom<CsvDelimiter>(',', ';', '\t', '|'),
    quoted: fc.boolean(),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    latin1: fc.boolean(),
    lang: fc.constantFrom<Locale>('es', 'en'),
    dateOrder: fc.constantFrom<ImportValueOptions['dateOrder']>('dmy', 'mdy', 'ymd'),
    decimalMark: fc.constantFrom<ImportValueOptions['decimalMark']>(',', '.'),
  }),
);

async function rowsOf(bytes: Buffer): Promise<FileRow[]> {
  const encoding = detectEncoding(bytes);
  const layout = { encoding, delimiter: detectDelimiter(sampleText(bytes, encoding)) };
  const rows: FileRow[] = [];
  // The bytes arrive in small pieces, as from the database, so a character or a quoted cell may be cut anywhere.
  const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
  for await (const row of csvRows(Readable.from(pieces), layout)) rows.push(row);
  return rows;
}

describe('CSV import and export (property)', () => {
  it('gives back the same values: generated rows written as CSV with any delimiter and quoting, imported, then exported', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ fields, rows, delimiter, quoted, crlf, bom, latin1, lang, dateOrder, decimalMark }) => {
        const definition: ModuleDefinition = { key: 'prueba', version: 1, names: { singular: { es: 'P', en: 'P' }, plural: { es: 'Ps', en: 'Ps' } }, icon: 'x', fields };
        const listSeparator = delimiter === ';' ? ',' : ';';
        const parse = { lang, dateOrder, decimalMark, listSeparator };
        const exported = (values: readonly unknown[]) => fields.map((field, i) => fieldTypeOf(field).toText(field, values[i], lang, parse));
        const written = rows.map(exported);
        const csv = stringify([fields.map((f) => f.label[lang]), ...written], { delimiter, quoted, record_delimiter: crlf ? 'windows' : 'unix' });
        // Every character here is below U+0100 and outside 0x80–0x9F, where Latin-1 and Windows-1252 write the same byte.
        const bytes = latin1 ? Buffer.from(csv, 'latin1') : Buffer.from((bom ? '\uFEFF' : '') + csv, 'utf8');

        const [header, ...data] = await rowsOf(bytes);
        expect(header.cells).toEqual(fields.map((f) => f.label[lang]));
        const mapping = matchColumns(header.cells, definition);
        // Rows that are all empty are skipped as blank lines, as a spreadsheet would show them.
        const kept = rows.filter((row) => written[rows.indexOf(row)].some((cell) => cell !== ''));
        expect(data).toHaveLength(kept.length);
        data.forEach((row, i) => {
          const converted = convertRow(row.cells, mapping, definition, parse);
          expect(converted.issues).toEqual([]);
          const values = fields.map((field) => converted.values[field.key] ?? null);
          expect(values).toEqual(kept[i].map((value) => value ?? null));
          expect(exported(values)).toEqual(exported(kept[i]));
        });
      }),
      { numRuns: 200 },
    );
  });
});

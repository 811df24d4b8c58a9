import fc from 'fast-check';
import { fieldTypeOf } from '../definition/field-type.registry';
import type { Locale, ModuleDefinition, ModuleField, PicklistOption } from '../definition/module-definition.types';
import { matchColumns } from './column-matcher';
import type { DateOrder, ImportValueOptions } from './import.types';
import { convertRow } from './row-converter';

const word = fc.stringMatching(/^[a-zA-ZáéíóúñÑü]{1,8}$/);
const ascii = fc.stringMatching(/^[a-z0-9]{1,8}$/);

/** Options whose keys and labels no other option's text folds into. */
const optionsArb = fc
  .array(fc.tuple(word, word, fc.boolean()), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.map(([es, en, archived], i): PicklistOption => ({ key: `opcion_${i}`, label: { es: `${es} ${i}`, en: `${en} ${i}` }, ...(archived && i > 0 && { archived: true }) })));

const decimalArb = (scale: number) =>
  fc.tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 10 ** scale - 1 })).map(([whole, fraction]) => {
    const text = scale ? `${whole}.${String(fraction).padStart(scale, '0')}` : String(whole);
    return text.startsWith('-0') && !/[1-9]/.test(text) ? text.slice(1) : text;
  });

const day = fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true });
const active = (options: readonly PicklistOption[]) => options.filter((o) => !o.archived).map((o) => o.key);

/** A field of an importable type with random options, and values valid for it (null included). */
const fieldArb: fc.Arbitrary<{ field: Omit<ModuleField, 'key'>; value: fc.Arbitrary<unknown> }> = fc.oneof(
  fc.constant({ field: { type: 'text' }, value: fc.string({ minLength: 1 }).map((s) => s.trim() || 'x') }),
  fc.constant({ field: { type: 'longText' }, value: fc.string({ minLength: 1 }).map((s) => s.trim() || 'x') }),
  fc.constant({ field: { type: 'integer' }, value: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }) }),
  fc.record({ type: fc.constantFrom('decimal' as const, 'percent' as const), scale: fc.integer({ min: 0, max: 10 }) }).map((field) => ({ field, value: decimalArb(field.scale) })),
  fc.integer({ min: 0, max: 4 }).map((scale) => ({ field: { type: 'currency' as const, currency: 'COP', scale }, value: decimalArb(scale) })),
  fc.constant({ field: { type: 'date' }, value: day.map((d) => d.toISOString().slice(0, 10)) }),
  fc.constant({ field: { type: 'datetime' }, value: day.map((d) => d.toISOString()) }),
  fc.constant({ field: { type: 'boolean' }, value: fc.boolean() }),
  optionsArb.map((options) => ({ field: { type: 'select' as const, options }, value: fc.constantFrom(...active(options)) })),
  optionsArb.map((options) => ({ field: { type: 'multiSelect' as const, options }, value: fc.uniqueArray(fc.constantFrom(...active(options)), { minLength: 1 }) })),
  fc.constant({ field: { type: 'email' }, value: fc.tuple(ascii, ascii).map(([user, host]) => `${user}.x@${host}.com`) }),
  fc.constant({ field: { type: 'phone' }, value: fc.stringMatching(/^\+?[1-9][0-9 -]{6,14}[0-9]$/) }),
  fc.constant({ field: { type: 'url' }, value: fc.tuple(ascii, ascii).map(([host, path]) => `https://${host}.example.com/${path}`) }),
  fc.constant({ field: { type: 'lookup', target: 'empresas' }, value: fc.uuid() }),
  fc.constant({ field: { type: 'user' }, value: fc.uuid() }),
) as never;

const caseArb = fc.array(fieldArb, { minLength: 1, maxLength: 8 }).chain((specs) => {
  const fields = specs.map(({ field }, i) => ({ ...field, key: `campo_${i}`, label: { es: `Campo ${i}`, en: `Field ${i}` } }) as ModuleField);
  const values = fc.tuple(...specs.map(({ value }) => fc.option(value, { nil: null })));
  return fc.record({ fields: fc.constant(fields), values, lang: fc.constantFrom<Locale>('es', 'en'), listSeparator: fc.constantFrom(';', ',', '|') });
});

const ORDERS: DateOrder[] = ['dmy', 'mdy', 'ymd'];
const MARKS: ImportValueOptions['decimalMark'][] = [',', '.'];

describe('import round trip (property)', () => {
  it('reads back exactly the values toText wrote, for every date order and decimal mark in both languages', () => {
    fc.assert(
      fc.property(caseArb, ({ fields, values, lang, listSeparator }) => {
        const definition: ModuleDefinition = { key: 'prueba', version: 1, names: { singular: { es: 'P', en: 'P' }, plural: { es: 'Ps', en: 'Ps' } }, icon: 'x', fields };
        const headers = fields.map((field) => field.label[lang]);
        const mapping = matchColumns(headers, definition);
        expect(mapping.map((m) => m.field)).toEqual(fields.map((field) => field.key));
        for (const dateOrder of ORDERS) {
          for (const decimalMark of MARKS) {
            const options = { lang, dateOrder, decimalMark, listSeparator };
            const cells = fields.map((field, i) => fieldTypeOf(field).toText(field, values[i], lang, options));
            const expected = Object.fromEntries(fields.map((field, i) => [field.key, values[i]]));
            expect({ options, cells, row: convertRow(cells, mapping, definition, options) }).toEqual({ options, cells, row: { values: expected, issues: [] } });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { columnType, fieldTypeOf, isComputed, isSortable, operatorsFor, valueKind } from '../definition/field-type.registry';
import { FIELD_TYPES, type FieldType, type Locale, type ModuleField, type PicklistOption } from '../definition/module-definition.types';
import { createRecordAjv } from '../validation/record.ajv';
import { fieldValueSchema } from '../validation/record-schema.builder';

const ajv = createRecordAjv();
const UUID = '0b6f3c1e-7d2a-4c3b-9a1e-5f2d8c7b6a49';
const label = (es: string, en: string) => ({ es, en });
const OPTIONS: PicklistOption[] = [
  { key: 'alta', label: label('Alta', 'High') },
  { key: 'media', label: label('Media', 'Medium') },
  { key: 'baja', label: label('Baja prioridad', 'Low') },
  { key: 'vieja', label: label('Vieja', 'Old'), archived: true },
];

interface Case {
  field: ModuleField;
  column: string;
  operators: string[];
  /** JSON values a client may send, and ones the schema refuses. */
  valid: unknown[];
  invalid: unknown[];
  /** [cell text, language, value it reads as]. */
  parses: [string, Locale, unknown][];
  /** Cell texts the type refuses, with the issue code. */
  refuses: [string, string][];
  /** [value, language, how a person reads it]. */
  formats: [unknown, Locale, string][];
  /** Values whose export text reads back to themselves. */
  roundTrip: unknown[];
}

const TEXT_OPS = ['contains', 'notContains', 'eq', 'neq', 'empty', 'notEmpty', 'in'];
const NUMBER_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'empty', 'notEmpty'];
const DATE_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'empty', 'notEmpty'];
const REF_OPS = ['eq', 'neq', 'in', 'empty', 'notEmpty'];

const f = <T extends FieldType>(type: T, extra: Record<string, unknown> = {}) => ({ key: 'campo', type, label: label('Campo', 'Field'), ...extra }) as unknown as ModuleField;

/** Every type through every concern: one row per type; a type missing here fails the first test. */
const CASES: Record<FieldType, Case> = {
  text: {
    field: f('text', { maxLength: 5 }),
    column: 'text',
    operators: TEXT_OPS,
    valid: ['hola', '', null, 'ñandú'],
    invalid: ['demasiado', 3, true],
    parses: [
      ['  hola ', 'es', 'hola'],
      ['', 'es', null],
      ['   ', 'en', null],
    ],
    refuses: [],
    formats: [['hola', 'es', 'hola']],
    roundTrip: ['hola', 'a b'],
  },
  longText: {
    field: f('longText'),
    column: 'text',
    operators: TEXT_OPS,
    valid: ['x'.repeat(5000), null],
    invalid: ['x'.repeat(100_001), 1],
    parses: [['línea 1\nlínea 2', 'es', 'línea 1\nlínea 2']],
    refuses: [],
    formats: [['nota', 'en', 'nota']],
    roundTrip: ['línea 1\nlínea 2'],
  },
  integer: {
    field: f('integer', { min: 0, max: 2_000_000 }),
    column: 'bigint',
    operators: NUMBER_OPS,
    valid: [0, 42, null],
    invalid: [2.5, '3', -1, 3_000_000],
    parses: [
      ['42', 'es', 42],
      ['1.234', 'es', 1234],
      ['1,234', 'en', 1234],
      ['1.234.567', 'en', 1234567],
      ['', 'es', null],
    ],
    refuses: [
      ['doce', 'decimal'],
      ['2,5', 'type'],
    ],
    formats: [
      [1234567, 'es', '1.234.567'],
      [1234567, 'en', '1,234,567'],
    ],
    roundTrip: [0, 7, 1234567, -12],
  },
  decimal: {
    field: f('decimal', { scale: 3 }),
    column: 'numeric(20,3)',
    operators: NUMBER_OPS,
    valid: ['1234.5', 12.125, '-0.001', null],
    invalid: ['1.2345', 'abc', true, '1e3'],
    parses: [
      ['1.234,5', 'es', '1234.5'],
      ['1,234.5', 'en', '1234.5'],
      ['1234,5', 'en', '1234.5'],
      ['1.500', 'es', '1500'],
      ['1.500', 'en', '1.500'],
      [' -3 ', 'es', '-3'],
    ],
    refuses: [
      ['uno', 'decimal'],
      ['1,2,3.4.5', 'decimal'],
    ],
    formats: [
      ['1234.5', 'es', '1.234,5'],
      ['1234.5', 'en', '1,234.5'],
    ],
    roundTrip: ['1234.5', '0.125', '-7', '1.500'],
  },
  currency: {
    field: f('currency', { currency: 'COP', scale: 2, min: 0 }),
    column: 'numeric(20,2)',
    operators: NUMBER_OPS,
    valid: ['1500000.50', 0, null],
    invalid: ['-1', '1.234', 'mil'],
    parses: [
      ['$ 1.500.000,50', 'es', '1500000.50'],
      ['COP 1,500,000.50', 'en', '1500000.50'],
      ['', 'en', null],
    ],
    refuses: [['gratis', 'decimal']],
    formats: [['1500000.5', 'es', '$ 1.500.000,5']],
    roundTrip: ['1500000.50', '0.99'],
  },
  percent: {
    field: f('percent', { scale: 2, max: 100 }),
    column: 'numeric(20,2)',
    operators: NUMBER_OPS,
    valid: ['15', 99.5, null],
    invalid: ['101', '0.125'],
    parses: [
      ['15 %', 'es', '15'],
      ['12,5%', 'es', '12.5'],
      ['12.5%', 'en', '12.5'],
    ],
    refuses: [['mucho', 'decimal']],
    formats: [
      ['12.5', 'es', '12,5 %'],
      ['12.5', 'en', '12.5 %'],
    ],
    roundTrip: ['12.5', '100'],
  },
  date: {
    field: f('date'),
    column: 'date',
    operators: DATE_OPS,
    valid: ['2024-02-29', null],
    invalid: ['2023-02-29', '29/02/2024', 20240229],
    parses: [
      ['2024-03-04', 'es', '2024-03-04'],
      ['04/03/2024', 'es', '2024-03-04'],
      ['3/4/2024', 'en', '2024-03-04'],
      ['25/12/2024', 'en', '2024-12-25'],
      ['12/25/2024', 'es', '2024-12-25'],
      ['', 'es', null],
    ],
    refuses: [
      ['31/02/2024', 'import.date'],
      ['mañana', 'import.date'],
      ['2024-13-01', 'import.date'],
    ],
    formats: [
      ['2024-03-04', 'es', '4/3/2024'],
      ['2024-03-04', 'en', '3/4/2024'],
    ],
    roundTrip: ['2024-03-04', '1999-12-31'],
  },
  datetime: {
    field: f('datetime'),
    column: 'timestamptz',
    operators: DATE_OPS,
    valid: ['2024-03-04T10:30:00Z', '2024-03-04T10:30:00-05:00', null],
    invalid: ['2024-03-04 10:30', 'ayer'],
    parses: [
      ['2024-03-04T10:30:00-05:00', 'es', '2024-03-04T15:30:00.000Z'],
      ['04/03/2024 10:30', 'es', '2024-03-04T10:30:00.000Z'],
      ['2024-03-04', 'en', '2024-03-04T00:00:00.000Z'],
    ],
    refuses: [
      ['04/03/2024 25:00', 'import.datetime'],
      ['pronto', 'import.datetime'],
    ],
    formats: [],
    roundTrip: ['2024-03-04T15:30:00.000Z'],
  },
  boolean: {
    field: f('boolean'),
    column: 'boolean',
    operators: ['eq', 'neq', 'empty', 'notEmpty'],
    valid: [true, false, null],
    invalid: ['si', 1],
    parses: [
      ['Sí', 'es', true],
      ['si', 'es', true],
      ['YES', 'en', true],
      ['x', 'es', true],
      ['1', 'en', true],
      ['true', 'es', true],
      ['No', 'es', false],
      ['0', 'es', false],
      ['false', 'en', false],
      ['', 'es', null],
    ],
    refuses: [['quizás', 'import.boolean']],
    formats: [
      [true, 'es', 'Sí'],
      [false, 'en', 'No'],
      [true, 'en', 'Yes'],
    ],
    roundTrip: [true, false],
  },
  select: {
    field: f('select', { options: OPTIONS }),
    column: 'text',
    operators: REF_OPS,
    valid: ['alta', null],
    invalid: ['vieja', 'otra', 1],
    parses: [
      ['alta', 'es', 'alta'],
      ['ALTA', 'es', 'alta'],
      ['High', 'es', 'alta'],
      ['baja prioridad', 'en', 'baja'],
      ['Baja Prioridad', 'es', 'baja'],
      ['médïa', 'es', 'media'],
    ],
    refuses: [
      ['Urgente', 'option'],
      ['Vieja', 'option'],
    ],
    formats: [
      ['alta', 'es', 'Alta'],
      ['alta', 'en', 'High'],
    ],
    roundTrip: ['alta', 'media', 'baja'],
  },
  multiSelect: {
    field: f('multiSelect', { options: OPTIONS, maxItems: 2 }),
    column: 'text[]',
    operators: ['contains', 'notContains', 'in', 'empty', 'notEmpty'],
    valid: [['alta'], ['alta', 'baja'], [], null],
    invalid: [['alta', 'alta'], ['alta', 'media', 'baja'], ['vieja'], 'alta'],
    parses: [
      ['Alta; Low', 'es', ['alta', 'baja']],
      ['alta, media', 'en', ['alta', 'media']],
      ['alta;alta', 'es', ['alta']],
    ],
    refuses: [['alta; nada', 'option']],
    formats: [[['alta', 'baja'], 'es', 'Alta, Baja prioridad']],
    roundTrip: [['alta', 'baja'], ['media']],
  },
  email: {
    field: f('email'),
    column: 'text',
    operators: TEXT_OPS,
    valid: ['ana@example.com', null],
    invalid: ['ana@', 'no es correo'],
    parses: [[' ana@example.com ', 'es', 'ana@example.com']],
    refuses: [['ana@', 'format.email']],
    formats: [['ana@example.com', 'es', 'ana@example.com']],
    roundTrip: ['ana@example.com'],
  },
  phone: {
    field: f('phone'),
    column: 'text',
    operators: TEXT_OPS,
    valid: ['+57 (601) 555-1234', '3001234567', null],
    invalid: ['llamar', '12'],
    parses: [['+57 300 123 4567', 'es', '+57 300 123 4567']],
    refuses: [['sin número', 'format.phone']],
    formats: [['3001234567', 'en', '3001234567']],
    roundTrip: ['+57 300 123 4567'],
  },
  url: {
    field: f('url'),
    column: 'text',
    operators: TEXT_OPS,
    valid: ['https://example.com/a?b=1', null],
    invalid: ['example com', `https://${'a'.repeat(2000)}.com`],
    parses: [['https://example.com', 'es', 'https://example.com']],
    refuses: [['no es url', 'format.url']],
    formats: [['https://example.com', 'es', 'https://example.com']],
    roundTrip: ['https://example.com/a?b=1'],
  },
  lookup: {
    field: f('lookup', { target: 'contactos' }),
    column: 'uuid',
    operators: REF_OPS,
    valid: [UUID, null],
    invalid: ['123', 5],
    parses: [[UUID.toUpperCase(), 'es', UUID]],
    refuses: [['Ana Pérez', 'format.uuid']],
    formats: [
      [{ id: UUID, title: 'Ana Pérez' }, 'es', 'Ana Pérez'],
      [UUID, 'es', UUID],
    ],
    roundTrip: [UUID],
  },
  user: {
    field: f('user'),
    column: 'uuid',
    operators: REF_OPS,
    valid: [UUID, null],
    invalid: ['ana'],
    parses: [[UUID, 'en', UUID]],
    refuses: [['ana', 'format.uuid']],
    formats: [[UUID, 'en', UUID]],
    roundTrip: [UUID],
  },
  file: {
    field: f('file', { accept: ['pdf'], maxFiles: 1 }),
    column: 'jsonb',
    operators: ['empty', 'notEmpty'],
    valid: [[{ id: 'f1', name: 'contrato.pdf', size: 10 }], null],
    invalid: [
      [{ id: 'f1', name: 'foto.png', size: 10 }],
      [
        { id: 'f1', name: 'a.pdf', size: 1 },
        { id: 'f2', name: 'b.pdf', size: 1 },
      ],
      [{ name: 'a.pdf' }],
    ],
    parses: [['', 'es', null]],
    refuses: [['contrato.pdf', 'import.notImportable']],
    formats: [[[{ id: 'f1', name: 'contrato.pdf', size: 10 }], 'es', 'contrato.pdf']],
    roundTrip: [],
  },
  autonumber: {
    field: f('autonumber', { prefix: 'CAS-{{seq 6}}' }),
    column: 'text',
    operators: TEXT_OPS,
    valid: ['CAS-000001', null],
    invalid: [7],
    parses: [[' CAS-000001 ', 'es', 'CAS-000001']],
    refuses: [],
    formats: [['CAS-000001', 'es', 'CAS-000001']],
    roundTrip: ['CAS-000001'],
  },
  formula: {
    field: f('formula', { formula: { '*': [{ var: 'a' }, 2] }, resultType: 'currency', scale: 0, currency: 'USD' }),
    column: 'numeric(20,0)',
    operators: NUMBER_OPS,
    valid: ['anything: the server computes it', 3],
    invalid: [],
    parses: [['1,500', 'en', '1500']],
    refuses: [['x', 'decimal']],
    formats: [['1500', 'en', '$1,500']],
    roundTrip: ['1500'],
  },
  subtable: {
    field: f('subtable', {
      maxRows: 2,
      columns: [
        { key: 'producto', type: 'text', label: label('Producto', 'Product') },
        { key: 'cantidad', type: 'integer', label: label('Cantidad', 'Quantity'), min: 1 },
      ],
    }),
    column: 'jsonb',
    operators: [],
    valid: [[{ id: 'r1', producto: 'Licencia', cantidad: 3 }], [], null],
    invalid: [[{ producto: 'x', cantidad: 0 }], [{ otra: 1 }], [{}, {}, {}]],
    parses: [['[{"producto":"Licencia","cantidad":3}]', 'es', [{ producto: 'Licencia', cantidad: 3 }]]],
    refuses: [
      ['{"producto":"x"}', 'import.json'],
      ['filas', 'import.json'],
    ],
    formats: [
      [[{}, {}], 'es', '2 filas'],
      [[{}], 'en', '1 rows'],
    ],
    roundTrip: [[{ id: 'r1', producto: 'Licencia', cantidad: 3 }]],
  },
};

const types = FIELD_TYPES.map((type) => [type] as const);

describe('field types', () => {
  it('has a row here and a type file for every type the definition format knows', () => {
    expect(Object.keys(CASES).sort()).toEqual([...FIELD_TYPES].sort());
    for (const type of FIELD_TYPES) expect(fieldTypeOf(type).type).toBe(type);
  });

  describe.each(types)('%s', (type) => {
    const c = CASES[type];
    const definition = fieldTypeOf(c.field);

    it('stores its values in its column', () => {
      expect(columnType(c.field)).toBe(c.column);
    });

    it('filters with its operators', () => {
      expect([...operatorsFor(c.field)]).toEqual(c.operators);
    });

    it('takes the JSON values its schema allows and refuses the others', () => {
      const check = ajv.compile(fieldValueSchema(c.field));
      for (const value of c.valid) expect({ value, ok: check(value) }).toEqual({ value, ok: true });
      for (const value of c.invalid) expect({ value, ok: check(value) }).toEqual({ value, ok: false });
    });

    it('reads import text in either language', () => {
      for (const [text, lang, value] of c.parses) expect({ text, read: definition.parse(c.field, text, { lang }) }).toEqual({ text, read: { ok: true, value } });
      expect(definition.parse(c.field, '', { lang: 'es' })).toEqual({ ok: true, value: null });
    });

    it('refuses text it cannot read with an issue in Spanish and English', () => {
      for (const [text, code] of c.refuses) {
        const read = definition.parse(c.field, text, { lang: 'es' });
        expect({ text, code: read.ok ? null : read.issue.code }).toEqual({ text, code });
        if (!read.ok) expect(read.issue.message.es).not.toBe(read.issue.message.en);
      }
    });

    it('formats values for people', () => {
      for (const [value, lang, shown] of c.formats) expect(definition.format(c.field, value, lang).replace(/\u00a0/g, ' ')).toBe(shown);
    });

    it('exports text that imports back to the same value, in both languages', () => {
      for (const value of c.roundTrip) {
        for (const lang of ['es', 'en'] as const) expect(definition.parse(c.field, definition.toText(c.field, value, lang), { lang })).toEqual({ ok: true, value });
      }
    });

    it('lists designer options that are type-specific members, and starts new fields with values the schema of the field accepts', () => {
      const common = ['key', 'type', 'label', 'help', 'required', 'unique', 'searchable', 'filterable', 'readOnly', 'locked', 'archived', 'conditions', 'default'];
      for (const option of definition.designer.options) expect(common).not.toContain(option.key);
      const defaults = definition.designer.defaults({ modules: ['contactos'] });
      for (const key of Object.keys(defaults)) expect(definition.designer.options.map((o) => o.key)).toContain(key);
    });

    it('is computed only when the engine computes it, sortable only where a column orders it', () => {
      expect(isComputed(type)).toBe(type === 'autonumber' || type === 'formula');
      if (isSortable(c.field)) expect(['json', 'options', 'reference']).not.toContain(valueKind(c.field));
    });
  });
});

/** parse(toText(v)) == v for open-ended values, in both languages. */
describe('field types: export text reads back (properties)', () => {
  const langArb = fc.constantFrom<Locale>('es', 'en');
  const property = (field: ModuleField, values: fc.Arbitrary<unknown>) =>
    fc.assert(
      fc.property(values, langArb, (value, lang) => {
        const type = fieldTypeOf(field);
        expect(type.parse(field, type.toText(field, value, lang), { lang })).toEqual({ ok: true, value });
      }),
    );
  const decimalArb = (scale: number) =>
    fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 10 ** scale - 1 })).map(([whole, fraction]) => {
      const text = scale ? `${whole}.${String(fraction).padStart(scale, '0')}` : String(whole);
      return text.startsWith('-0') && !/[1-9]/.test(text) ? text.slice(1) : text;
    });

  it('integers', () => property(CASES.integer.field, fc.integer({ min: -(2 ** 40), max: 2 ** 40 })));
  it('decimals at scales 0 to 4', () => {
    for (const scale of [0, 1, 2, 3, 4]) property(f('decimal', { scale }), decimalArb(scale));
  });
  it('currency and percent amounts', () => {
    property(f('currency', { currency: 'COP', scale: 2 }), decimalArb(2));
    property(f('percent', { scale: 3 }), decimalArb(3));
  });
  it('dates', () =>
    property(
      CASES.date.field,
      fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    ));
  it('datetimes', () =>
    property(
      CASES.datetime.field,
      fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
    ));
  it('booleans', () => property(CASES.boolean.field, fc.boolean()));
  it('picklists by label', () => {
    property(CASES.select.field, fc.constantFrom('alta', 'media', 'baja'));
    property(CASES.multiSelect.field, fc.uniqueArray(fc.constantFrom('alta', 'media', 'baja'), { minLength: 1 }));
  });
  it('texts', () =>
    property(
      CASES.text.field,
      fc
        .string({ minLength: 1 })
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ));
  it('sub-table rows', () => property(CASES.subtable.field, fc.array(fc.record({ id: fc.uuid(), producto: fc.string(), cantidad: fc.integer({ min: 1 }) }), { minLength: 1, maxLength: 3 })));
});

/** An import's own choices override the language's habits. */
describe('field types: parsing with import options', () => {
  const read = (field: ModuleField, text: string, options: Parameters<ReturnType<typeof fieldTypeOf>['parse']>[2]) => fieldTypeOf(field).parse(field, text, options);

  it('reads dates only in the chosen order, ISO always', () => {
    expect(read(CASES.date.field, '04/03/2024', { lang: 'es', dateOrder: 'mdy' })).toEqual({ ok: true, value: '2024-04-03' });
    expect(read(CASES.date.field, '25/12/2024', { lang: 'es', dateOrder: 'mdy' })).toMatchObject({ ok: false, issue: { code: 'import.date' } });
    expect(read(CASES.date.field, '2024.12.25', { lang: 'en', dateOrder: 'ymd' })).toEqual({ ok: true, value: '2024-12-25' });
    expect(read(CASES.date.field, '2024-12-25', { lang: 'en', dateOrder: 'dmy' })).toEqual({ ok: true, value: '2024-12-25' });
    expect(read(CASES.date.field, 'x', { lang: 'en', dateOrder: 'ymd' })).toEqual({
      ok: false,
      issue: { code: 'import.date', message: { es: 'No es una fecha válida (formato AAAA/MM/DD o AAAA-MM-DD).', en: 'Not a valid date (format YYYY/MM/DD or YYYY-MM-DD).' } },
    });
  });

  it('writes dates in the chosen order when asked', () => {
    const toText = (dateOrder: 'dmy' | 'mdy' | 'ymd') => fieldTypeOf(CASES.date.field).toText(CASES.date.field, '2024-03-04', 'es', { dateOrder });
    expect([toText('dmy'), toText('mdy'), toText('ymd')]).toEqual(['04/03/2024', '03/04/2024', '2024/03/04']);
  });

  it('reads amounts with the chosen decimal mark and rounds half-up to the scale', () => {
    expect(read(CASES.decimal.field, '1.500', { lang: 'es', decimalMark: '.' })).toEqual({ ok: true, value: '1.500' });
    expect(read(CASES.decimal.field, '1,500', { lang: 'en', decimalMark: ',' })).toEqual({ ok: true, value: '1.500' });
    expect(read(CASES.decimal.field, '1.234.567,8915', { lang: 'en', decimalMark: ',' })).toEqual({ ok: true, value: '1234567.892' });
    expect(read(CASES.decimal.field, '1,2345', { lang: 'es' })).toEqual({ ok: true, value: '1.235' });
    expect(read(CASES.decimal.field, '12,34.5', { lang: 'es', decimalMark: '.' })).toMatchObject({ ok: false, issue: { code: 'decimal' } });
  });

  it('splits multi-selects by the chosen separator', () => {
    expect(read(CASES.multiSelect.field, 'Alta | Low', { lang: 'es', listSeparator: '|' })).toEqual({ ok: true, value: ['alta', 'baja'] });
    expect(read(CASES.multiSelect.field, 'Alta; Low', { lang: 'es', listSeparator: ',' })).toMatchObject({ ok: false, issue: { code: 'option' } });
  });
});

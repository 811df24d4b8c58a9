import fc from 'fast-check';
import type { ModuleField } from '../definition/module-definition.types';
import { csvCell, neutraliseFormula, spreadsheetCell, spreadsheetColumns, spreadsheetNumberFormat, spreadsheetSheetName, startsFormula, wallClock } from './spreadsheet-cell';

const label = (es: string, en: string) => ({ es, en });
const text: ModuleField = { key: 'asunto', type: 'text', label: label('Asunto', 'Subject') };
const saldo: ModuleField = { key: 'saldo', type: 'currency', label: label('Saldo', 'Balance'), currency: 'COP', scale: 2 };
const edad: ModuleField = { key: 'edad', type: 'integer', label: label('Edad', 'Age') };
const fecha: ModuleField = { key: 'fecha', type: 'date', label: label('Fecha', 'Date') };
const llamada: ModuleField = { key: 'llamada', type: 'datetime', label: label('Llamada', 'Call') };
const activo: ModuleField = { key: 'activo', type: 'boolean', label: label('Activo', 'Active') };
const estado: ModuleField = {
  key: 'estado',
  type: 'select',
  label: label('Estado', 'Status'),
  options: [
    { key: 'abierto', label: label('Abierto', 'Open') },
    { key: 'menos', label: label('-Menos', '-Less') },
  ],
};
const canales: ModuleField = {
  key: 'canales',
  type: 'multiSelect',
  label: label('Canales', 'Channels'),
  options: [
    { key: 'telefono', label: label('Teléfono', 'Phone') },
    { key: 'web', label: label('Web', 'Web') },
  ],
};
const empresa: ModuleField = { key: 'empresa', type: 'lookup', label: label('Empresa', 'Company'), target: 'empresas' };
const total: ModuleField = { key: 'total', type: 'formula', label: label('Total', 'Total'), formula: { '*': [{ var: 'saldo' }, 2] }, resultType: 'decimal', scale: 3 } as ModuleField;

const FORMULA_CHARS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

describe('neutraliseFormula (OWASP CSV injection)', () => {
  it('prefixes a single quote to text starting a formula, and only to it', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1+1'].map(neutraliseFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "'＝1+1"]);
    expect(['Ana', ' =1', "'=1", '1-1', 'a=b', ''].map(neutraliseFormula)).toEqual(['Ana', ' =1', "'=1", '1-1', 'a=b', '']);
  });

  it('never leaves a formula start, keeps the text after the quote, and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.tuple(fc.constantFrom(...FORMULA_CHARS), fc.string()).map(([c, s]) => c + s),
        ),
        (input) => {
          const out = neutraliseFormula(input);
          expect(startsFormula(out)).toBe(false);
          expect(out === input || out === `'${input}`).toBe(true);
          expect(out !== input).toBe(startsFormula(input));
          expect(neutraliseFormula(out)).toBe(out);
        },
      ),
    );
  });
});

describe('spreadsheetCell', () => {
  it('keeps numbers as numbers, negative ones too, from numbers or exact decimal strings', () => {
    expect(spreadsheetCell(saldo, '-1', 'es')).toBe(-1);
    expect(spreadsheetCell(saldo, '1234.50', 'es')).toBe(1234.5);
    expect(spreadsheetCell(edad, 42, 'en')).toBe(42);
    expect(spreadsheetCell(total, '-2.125', 'es')).toBe(-2.125);
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => expect(spreadsheetCell(saldo, n, 'es')).toBe(n)));
  });

  it('writes dates as dates at UTC midnight and date-times as the wall clock of the time zone', () => {
    expect(spreadsheetCell(fecha, '2025-07-16', 'es')).toEqual(new Date(Date.UTC(2025, 6, 16)));
    expect(spreadsheetCell(llamada, '2025-07-16T14:05:00.000Z', 'es')).toEqual(new Date('2025-07-16T14:05:00.000Z'));
    expect(spreadsheetCell(llamada, '2025-07-16T14:05:00.000Z', 'es', 'America/Bogota')).toEqual(new Date('2025-07-16T09:05:00.000Z'));
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (when) => {
        const day = when.toISOString().slice(0, 10);
        expect((spreadsheetCell(fecha, day, 'en') as Date).toISOString().slice(0, 10)).toBe(day);
        expect(wallClock(when, 'UTC')).toEqual(when);
      }),
    );
  });

  it('writes picklists, yes / no and lookups as labels in the language, neutralised', () => {
    expect(spreadsheetCell(estado, 'abierto', 'es')).toBe('Abierto');
    expect(spreadsheetCell(estado, 'abierto', 'en')).toBe('Open');
    expect(spreadsheetCell(estado, 'menos', 'en')).toBe("'-Less");
    expect(spreadsheetCell(canales, ['telefono', 'web'], 'es')).toBe('Teléfono, Web');
    expect(spreadsheetCell(activo, true, 'es')).toBe('Sí');
    expect(spreadsheetCell(activo, false, 'en')).toBe('No');
    expect(spreadsheetCell(empresa, { id: '0b6f3c1e-7d2a-4c3b-9a1e-5f2d8c7b6a49', title: '=HYPERLINK("x")' }, 'es')).toBe('\'=HYPERLINK("x")');
    expect([null, undefined, ''].map((v) => spreadsheetCell(text, v, 'es'))).toEqual([null, null, null]);
  });

  it('never hands a formula to the sheet from any text value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (value) => {
        const cell = spreadsheetCell(text, value, 'es');
        expect(typeof cell).toBe('string');
        expect(startsFormula(cell as string)).toBe(false);
        expect(startsFormula(csvCell(text, value, 'en'))).toBe(false);
      }),
    );
  });
});

describe('csvCell and spreadsheetNumberFormat', () => {
  it('writes numbers and dates as the language reads them back', () => {
    expect(csvCell(saldo, '-1234.50', 'es')).toBe('-1234,50');
    expect(csvCell(saldo, '-1234.50', 'en')).toBe('-1234.50');
    expect(csvCell(fecha, '2025-07-16', 'es')).toBe('16/07/2025');
    expect(csvCell(fecha, '2025-07-16', 'en')).toBe('07/16/2025');
    expect(csvCell(llamada, '2025-07-16T14:05:09Z', 'es', 'America/Bogota')).toBe('16/07/2025 09:05:09');
    expect(csvCell(text, '@SUM(A1)', 'es')).toBe("'@SUM(A1)");
    expect(csvCell(text, null, 'es')).toBe('');
  });

  it('formats columns by type', () => {
    expect([saldo, edad, fecha, llamada, text, total].map((f) => spreadsheetNumberFormat(f, 'es'))).toEqual(['#,##0.00', '#,##0', 'dd/mm/yyyy', 'dd/mm/yyyy hh:mm', undefined, '#,##0.000']);
  });
});

describe('wallClock', () => {
  it('agrees with the platform formatter in zones with and without daylight saving, across their changes', () => {
    const zones = ['America/Bogota', 'America/Santiago', 'America/Mexico_City', 'Europe/Madrid', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }), (zone, when) => {
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
            .formatToParts(when)
            .map((p) => [p.type, p.value]),
        );
        const expected = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second), when.getUTCMilliseconds());
        expect(wallClock(when, zone).getTime()).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('names sheets as Excel accepts them and sets columns the same for every export', () => {
    expect(spreadsheetSheetName('Ventas 2026/Q1: [norte]*?')).toBe('Ventas 2026 Q1   norte');
    expect(spreadsheetSheetName('x'.repeat(40))).toHaveLength(31);
    expect(spreadsheetSheetName('/?*')).toBe('Export');
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (title) => expect(spreadsheetSheetName(title)).toMatch(/^[^[\]:*?/\\]{1,31}$/)));
    const fields = [
      { key: 'saldo', type: 'currency', currency: 'COP', label: { es: '=Saldo', en: 'Balance' } },
      { key: 'nota', type: 'text', label: { es: 'Nota', en: 'Note' } },
    ] as ModuleField[];
    expect(spreadsheetColumns(fields, 'es')).toEqual([
      { header: "'=Saldo", key: 'saldo', width: 12, style: { numFmt: spreadsheetNumberFormat(fields[0], 'es') } },
      { header: 'Nota', key: 'nota', width: 12 },
    ]);
  });
});

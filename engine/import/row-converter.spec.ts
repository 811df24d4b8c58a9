import { matchColumns } from './column-matcher';
import { IMPORT_DEFINITION } from './import-definition.fixture';
import type { ParseOptions } from './import.types';
import { convertRow, mappedFields } from './row-converter';

const UUID = '0b6f3c1e-7d2a-4c3b-9a1e-5f2d8c7b6a49';
const ES: ParseOptions = { lang: 'es', dateOrder: 'dmy', decimalMark: ',', listSeparator: ';' };

/** One cell into one field: the value it becomes, or the issue codes it raises. */
function one(field: string, cell: string, options: ParseOptions = ES, lookups?: (field: string, text: string) => string[]) {
  const row = convertRow([cell], [{ column: 0, header: field, field }], IMPORT_DEFINITION, options, lookups);
  return row.issues.length ? { issues: row.issues.map((i) => i.code) } : { value: row.values[field] };
}

describe('convertRow', () => {
  it('reads dates in each order, with ISO always, and refuses days that do not exist', () => {
    expect(one('fecha_ingreso', '18/08/2021')).toEqual({ value: '2021-08-18' });
    expect(one('fecha_ingreso', '18-08-2021')).toEqual({ value: '2021-08-18' });
    expect(one('fecha_ingreso', '18.08.2021')).toEqual({ value: '2021-08-18' });
    expect(one('fecha_ingreso', '08/18/2021', { ...ES, dateOrder: 'mdy' })).toEqual({ value: '2021-08-18' });
    expect(one('fecha_ingreso', '2021/08/18', { ...ES, dateOrder: 'ymd' })).toEqual({ value: '2021-08-18' });
    expect(one('fecha_ingreso', '2021-08-18', { ...ES, dateOrder: 'mdy' })).toEqual({ value: '2021-08-18' });
    expect(one('fecha_ingreso', '31/02/2021')).toEqual({ issues: ['import.date'] });
    expect(one('fecha_ingreso', '08/18/2021')).toEqual({ issues: ['import.date'] });
    expect(one('fecha_ingreso', '2021/08/18')).toEqual({ issues: ['import.date'] });
  });

  it('says the column, the value and the reason in both languages', () => {
    const row = convertRow(['Ana', '31/02/2021'], matchColumns(['nombre', 'fecha_ingreso'], IMPORT_DEFINITION), IMPORT_DEFINITION, ES);
    expect(row).toEqual({
      values: { nombre: 'Ana' },
      issues: [
        {
          column: 1,
          header: 'fecha_ingreso',
          field: 'fecha_ingreso',
          value: '31/02/2021',
          code: 'import.date',
          message: {
            es: 'Columna «fecha_ingreso»: «31/02/2021»: No es una fecha válida (formato DD/MM/AAAA o AAAA-MM-DD).',
            en: 'Column "fecha_ingreso": "31/02/2021": Not a valid date (format DD/MM/YYYY or YYYY-MM-DD).',
          },
        },
      ],
    });
  });

  it('reads datetimes as a date with an optional time, or ISO 8601 with its offset', () => {
    expect(one('llamada', '18/08/2021 14:05')).toEqual({ value: '2021-08-18T14:05:00.000Z' });
    expect(one('llamada', '08/18/2021 14:05:09', { ...ES, dateOrder: 'mdy' })).toEqual({ value: '2021-08-18T14:05:09.000Z' });
    expect(one('llamada', '18/08/2021')).toEqual({ value: '2021-08-18T00:00:00.000Z' });
    expect(one('llamada', '2021-08-18T09:00:00-05:00')).toEqual({ value: '2021-08-18T14:00:00.000Z' });
    expect(one('llamada', '18/08/2021 24:00')).toEqual({ issues: ['import.datetime'] });
    expect(one('llamada', 'ayer')).toEqual({ issues: ['import.datetime'] });
  });

  it('reads amounts with the chosen decimal mark, the other one grouping', () => {
    expect(one('saldo', '1.234,56')).toEqual({ value: '1234.56' });
    expect(one('saldo', '1,234.56', { ...ES, decimalMark: '.' })).toEqual({ value: '1234.56' });
    expect(one('saldo', '$ 1.500.000')).toEqual({ value: '1500000' });
    expect(one('saldo', '1.500', { ...ES, decimalMark: '.' })).toEqual({ value: '1.50' });
    expect(one('saldo', '12.34')).toEqual({ issues: ['decimal'] });
    expect(one('saldo', '1,2,3')).toEqual({ issues: ['decimal'] });
    expect(one('saldo', 'mil')).toEqual({ issues: ['decimal'] });
  });

  it('rounds half-up to the field scale: 13-decimal coordinates at scale 10, currency at 2, percent at 1', () => {
    expect(one('latitud', '-34.5779956473302', { ...ES, decimalMark: '.' })).toEqual({ value: '-34.5779956473' });
    expect(one('latitud', '-58.4465000000050', { ...ES, decimalMark: '.' })).toEqual({ value: '-58.4465000000' });
    expect(one('latitud', '-58.44650000000500', { ...ES, decimalMark: '.' })).toEqual({ value: '-58.4465000000' });
    expect(one('latitud', '-58,44650000005')).toEqual({ value: '-58.4465000001' });
    expect(one('saldo', '10,005')).toEqual({ value: '10.01' });
    expect(one('saldo', '-0,004')).toEqual({ value: '0.00' });
    expect(one('descuento', '15,25 %')).toEqual({ value: '15.3' });
    expect(one('descuento', 'mucho')).toEqual({ issues: ['decimal'] });
  });

  it('reads integers with grouping and refuses fractions and words', () => {
    expect(one('edad', '1.234')).toEqual({ value: 1234 });
    expect(one('edad', '42')).toEqual({ value: 42 });
    expect(one('edad', '2,5')).toEqual({ issues: ['type'] });
    expect(one('edad', 'doce')).toEqual({ issues: ['decimal'] });
  });

  it('reads booleans in both languages', () => {
    for (const cell of ['sí', 'Si', 'x', 'true', '1', 'YES']) expect(one('activo', cell)).toEqual({ value: true });
    for (const cell of ['no', 'NO', '0', 'false']) expect(one('activo', cell)).toEqual({ value: false });
    expect(one('activo', 'quizás')).toEqual({ issues: ['import.boolean'] });
  });

  it('reads picklist options by key or label in either language, ignoring case and accents', () => {
    for (const cell of ['SOLICITUD', 'Solicitud', 'solicitud', 'Request', 'sólicitud ']) expect(one('tipo', cell)).toEqual({ value: 'solicitud' });
    expect(one('tipo', 'COMPLAINT')).toEqual({ value: 'denuncia' });
    expect(one('tipo', 'Vieja')).toEqual({ issues: ['option'] });
    expect(one('tipo', 'Queja')).toEqual({ issues: ['option'] });
  });

  it('reads multi-selects by the chosen separator, keeping labels that hold it', () => {
    expect(one('canales', 'Teléfono; presencial')).toEqual({ value: ['telefono', 'presencial'] });
    expect(one('canales', 'phone, Web, chat', { ...ES, listSeparator: ',' })).toEqual({ value: ['telefono', 'web'] });
    expect(one('canales', 'web|IN PERSON|web', { ...ES, listSeparator: '|' })).toEqual({ value: ['web', 'presencial'] });
    expect(one('canales', 'telefono, presencial', { lang: 'es' })).toEqual({ value: ['telefono', 'presencial'] });
    expect(one('canales', 'telefono; fax')).toEqual({ issues: ['option'] });
  });

  it('resolves lookups and users through the resolver: one id, none, or more than one', () => {
    const found: Record<string, string[]> = { 'empresa:Acme': ['id-1'], 'empresa:Dup': ['id-2', 'id-3'], 'agente:Ana': ['u-1'] };
    const lookups = (field: string, text: string) => found[`${field}:${text}`] ?? [];
    expect(one('empresa', ' Acme ', ES, lookups)).toEqual({ value: 'id-1' });
    expect(one('agente', 'Ana', ES, lookups)).toEqual({ value: 'u-1' });
    expect(one('empresa', '', ES, lookups)).toEqual({ value: null });
    const missing = convertRow(['Nadie'], [{ column: 0, header: 'NIT', field: 'empresa', lookupBy: 'nit' }], IMPORT_DEFINITION, ES, lookups).issues;
    expect(missing.map((i) => [i.code, i.message])).toEqual([
      ['import.lookupNotFound', { es: 'Columna «NIT»: «Nadie»: Ningún registro de «empresas» tiene nit «Nadie».', en: 'Column "NIT": "Nadie": No "empresas" record has nit "Nadie".' }],
    ]);
    const ambiguous = convertRow(['Dup'], [{ column: 0, header: 'Empresa', field: 'empresa' }], IMPORT_DEFINITION, ES, lookups).issues;
    expect(ambiguous.map((i) => [i.code, i.message.es, i.message.en])).toEqual([
      [
        'import.lookupAmbiguous',
        'Columna «Empresa»: «Dup»: 2 registros de «empresas» tienen título «Dup»; debe ser uno solo.',
        'Column "Empresa": "Dup": 2 "empresas" records have title "Dup"; it must be exactly one.',
      ],
    ]);
  });

  it('reads a lookup cell as an id without a resolver', () => {
    expect(one('empresa', UUID.toUpperCase())).toEqual({ value: UUID });
    expect(one('empresa', 'Acme')).toEqual({ issues: ['format.uuid'] });
  });

  it('checks e-mails, phones and URLs', () => {
    expect(one('correo_electronico', ' ana@example.com ')).toEqual({ value: 'ana@example.com' });
    expect(one('correo_electronico', 'ana@')).toEqual({ issues: ['format.email'] });
    expect(one('celular', '+57 300 123 4567')).toEqual({ value: '+57 300 123 4567' });
    expect(one('celular', 'llamar')).toEqual({ issues: ['format.phone'] });
    expect(one('sitio', 'https://example.com/a')).toEqual({ value: 'https://example.com/a' });
    expect(one('sitio', 'no es url')).toEqual({ issues: ['format.url'] });
  });

  it('reads empty and blank cells as null for every type, and missing cells as empty; extra cells are ignored', () => {
    const headers = ['nombre', 'fecha_ingreso', 'edad', 'saldo', 'activo', 'tipo', 'canales', 'empresa', 'correo_electronico'];
    const mapping = matchColumns(headers, IMPORT_DEFINITION);
    const empty = Object.fromEntries(headers.map((h) => [h, null]));
    expect(convertRow(['', '  ', '\t', '', ' ', '', '', '', ''], mapping, IMPORT_DEFINITION, ES)).toEqual({ values: empty, issues: [] });
    expect(convertRow(['Ana', '18/08/2021'], mapping, IMPORT_DEFINITION, ES)).toEqual({ values: { ...empty, nombre: 'Ana', fecha_ingreso: '2021-08-18' }, issues: [] });
    expect(convertRow([...headers.map(() => ''), 'sobra', 'x'], mapping, IMPORT_DEFINITION, ES)).toEqual({ values: empty, issues: [] });
  });

  it('fills only importable fields, each from its first column', () => {
    const mapping = [
      { column: 0, header: 'a', field: 'nombre' },
      { column: 1, header: 'b', field: 'nombre' },
      { column: 2, header: 'c', field: 'numero' },
      { column: 3, header: 'd', field: 'antiguo' },
      { column: 4, header: 'e', field: 'no_existe' },
      { column: 5, header: 'f', field: null },
    ];
    expect(mappedFields(mapping, IMPORT_DEFINITION).map((m) => [m.mapping.column, m.field.key])).toEqual([[0, 'nombre']]);
    expect(convertRow(['Ana', 'Otra', 'CAS-1', 'x', 'y', 'z'], mapping, IMPORT_DEFINITION, ES)).toEqual({ values: { nombre: 'Ana' }, issues: [] });
  });
});

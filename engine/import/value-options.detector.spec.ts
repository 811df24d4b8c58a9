import { matchColumns } from './column-matcher';
import { IMPORT_DEFINITION } from './import-definition.fixture';
import { detectValueOptions } from './value-options.detector';

const HEADERS = ['fecha_ingreso', 'llamada', 'latitud', 'saldo', 'nombre'];
const mapping = matchColumns(HEADERS, IMPORT_DEFINITION);
const detect = (rows: string[][], lang: 'es' | 'en' = 'es', delimiter: string | null = ';') => detectValueOptions(rows, mapping, IMPORT_DEFINITION, { lang, delimiter });

describe('detectValueOptions', () => {
  it('takes the date order a part over 12 or a leading year proves, in date and datetime columns', () => {
    expect(detect([['05/06/2021'], ['', '18/08/2021 10:00']], 'en').dateOrder).toBe('dmy');
    expect(detect([['05/06/2021'], ['08/18/2021']], 'es').dateOrder).toBe('mdy');
    expect(detect([['2021/08/18']], 'es').dateOrder).toBe('ymd');
    expect(detect([['18/08/2021'], ['19/08/2021'], ['08/20/2021']], 'en').dateOrder).toBe('dmy');
  });

  it('falls back to the language when no cell proves an order; ISO dates and other columns prove nothing', () => {
    expect(detect([['05/06/2021'], ['2021-08-18']], 'es').dateOrder).toBe('dmy');
    expect(detect([['05/06/2021'], ['2021-08-18']], 'en').dateOrder).toBe('mdy');
    expect(detect([['', '', '', '', '18/08/2021']], 'en').dateOrder).toBe('mdy');
  });

  it('takes the decimal mark from amount cells: the last of two marks, a single mark not followed by three digits, a repeated mark as grouping', () => {
    expect(detect([['', '', '-34.5779956473302']], 'es', ';').decimalMark).toBe('.');
    expect(detect([['', '', '', '1.234,5']], 'en', ',').decimalMark).toBe(',');
    expect(detect([['', '', '', '$ 1.500.000']], 'en', '\t').decimalMark).toBe(',');
    expect(detect([['', '', '', '1,5']], 'en', '\t').decimalMark).toBe(',');
    expect(detect([['', '', '', '1,234,567']], 'es', '\t').decimalMark).toBe('.');
  });

  it('with no proof, takes the decimal point in comma files, the comma in semicolon files, else the language', () => {
    expect(detect([['', '', '1.500']], 'es', ',').decimalMark).toBe('.');
    expect(detect([['', '', '1.500']], 'en', ';').decimalMark).toBe(',');
    expect(detect([['', '', '1500']], 'es', '\t').decimalMark).toBe(',');
    expect(detect([['', '', '1500']], 'en', null).decimalMark).toBe('.');
  });

  it('separates list options with whatever the delimiter is not', () => {
    expect(detect([], 'es', ';').listSeparator).toBe(',');
    expect(detect([], 'es', ',').listSeparator).toBe(';');
    expect(detect([], 'es', '|').listSeparator).toBe(';');
    expect(detect([], 'en', null)).toEqual({ dateOrder: 'mdy', decimalMark: '.', listSeparator: ';' });
  });
});

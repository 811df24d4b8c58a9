import { formatMoney, formatPercent, roundCents, toDec } from './money';

describe('money', () => {
  it.each([
    [1234.5, '1234.5'],
    ['1234.50', '1234.5'],
    [' 7 ', '7'],
    ['.5', '0.5'],
    ['-3.25', '-3.25'],
    [0.1, '0.1'],
  ])('reads %p exactly', (input, expected) => {
    expect(toDec(input)?.toFixed()).toBe(expected);
  });

  it.each([[NaN], [Infinity], ['1,234.50'], ['12abc'], ['1e3'], [''], [null], [undefined], [{}], [true]])('does not read %p', (input) => {
    expect(toDec(input)).toBeUndefined();
  });

  it('rounds half away from zero to the cent where binary floating point rounds down', () => {
    // 1.005 is 1.00499999999999989… as a double: Number#toFixed gives "1.00".
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(formatMoney(toDec(1.005)!)).toBe('1.01');
    expect(formatMoney(toDec('0.035')!)).toBe('0.04');
    expect(formatMoney(toDec('-0.035')!)).toBe('-0.04');
    expect(roundCents(toDec('2.004999')!).toFixed()).toBe('2');
  });

  it('writes money with exactly two decimals and never "-0.00"', () => {
    expect(formatMoney(toDec('1234.5')!)).toBe('1234.50');
    expect(formatMoney(toDec(7)!)).toBe('7.00');
    expect(formatMoney(toDec('-0.001')!)).toBe('0.00');
    expect(formatMoney(toDec('123456789012345678.99')!)).toBe('123456789012345678.99');
  });

  it('writes percentages without exponent', () => {
    expect(formatPercent(toDec(19)!)).toBe('19');
    expect(formatPercent(toDec('12.50')!)).toBe('12.5');
    expect(formatPercent(toDec('0.0000001')!)).toBe('0.0000001');
  });
});

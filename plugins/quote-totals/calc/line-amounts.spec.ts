import { lineAmounts } from './line-amounts';
import { quoteSums } from './quote-sums';
import { toDec } from './money';

const line = (price: string, quantity: string, discountPercent: string, taxPercent: string) => {
  const amounts = lineAmounts({ price: toDec(price)!, quantity: toDec(quantity)!, discountPercent: toDec(discountPercent)!, taxPercent: toDec(taxPercent)! });
  return { amount: amounts.amount.toFixed(2), discount: amounts.discount.toFixed(2), tax: amounts.tax.toFixed(2), total: amounts.total.toFixed(2) };
};

describe('line amounts', () => {
  it.each([
    // price, quantity, discount %, tax %  →  amount, discount, tax, total (worked by hand)
    ['89900.00', '23', '5', '19', { amount: '2067700.00', discount: '103385.00', tax: '373219.85', total: '2337534.85' }],
    ['185990.50', '12', '12.5', '5', { amount: '2231886.00', discount: '278985.75', tax: '97645.01', total: '2050545.26' }],
    ['1250000', '3', '15', '0', { amount: '3750000.00', discount: '562500.00', tax: '0.00', total: '3187500.00' }],
    // 0.35 × 10 % = 0.035 → 0.04; as doubles 0.35 * 0.1 = 0.034999999999999996 rounds to 0.03.
    ['0.35', '1', '0', '10', { amount: '0.35', discount: '0.00', tax: '0.04', total: '0.39' }],
    // 2.01 × 0.5 = 1.005 → 1.01; as doubles 2.01 * 0.5 = 1.00499999999999989… rounds to 1.00.
    ['2.01', '0.5', '0', '0', { amount: '1.01', discount: '0.00', tax: '0.00', total: '1.01' }],
    // 0.10 × 3 = 0.30 exactly (0.1 * 3 = 0.30000000000000004 as doubles).
    ['0.10', '3', '0', '0', { amount: '0.30', discount: '0.00', tax: '0.00', total: '0.30' }],
    // 100.00 − 33.33 % = 100.00 − 33.33 = 66.67; 16 % of it = 10.6672 → 10.67.
    ['100', '1', '33.33', '16', { amount: '100.00', discount: '33.33', tax: '10.67', total: '77.34' }],
  ])('%s × %s, −%s %%, +%s %%', (price, quantity, discount, tax, expected) => {
    expect(line(price, quantity, discount, tax)).toEqual(expected);
  });

  it('sums lines where doubles drift: 0.10 + 0.20 + 0.30 = 0.60', () => {
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
    const sums = quoteSums(['0.10', '0.20', '0.30'].map((price) => lineAmounts({ price: toDec(price)!, quantity: toDec(1)!, discountPercent: toDec(0)!, taxPercent: toDec(0)! })));
    expect(sums.subtotal.toFixed(2)).toBe('0.60');
    expect(sums.total.toFixed(2)).toBe('0.60');
  });
});

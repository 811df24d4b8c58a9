import type { LineAmounts } from './line-amounts';
import type { Dec } from './money';
import { ZERO } from './money';

export interface QuoteSums {
  subtotal: Dec;
  discount: Dec;
  tax: Dec;
  total: Dec;
}

/** Quote totals: subtotal = Σ amounts, discount = Σ discounts, tax = Σ taxes, total = Σ line totals. */
export function quoteSums(lines: readonly LineAmounts[]): QuoteSums {
  return lines.reduce<QuoteSums>(
    (sum, line) => ({
      subtotal: sum.subtotal.plus(line.amount),
      discount: sum.discount.plus(line.discount),
      tax: sum.tax.plus(line.tax),
      total: sum.total.plus(line.total),
    }),
    { subtotal: ZERO, discount: ZERO, tax: ZERO, total: ZERO },
  );
}

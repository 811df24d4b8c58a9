import type { Issue, RecordValues } from '@crm/engine';
import type { LineAmounts } from '../calc/line-amounts';
import { lineAmounts } from '../calc/line-amounts';
import type { Dec } from '../calc/money';
import { formatMoney, formatPercent, isBlank, roundCents, toDec, ZERO } from '../calc/money';
import { LINE } from '../config/quote-totals.config';
import { isActive, listPrice, paymentType, productTax, rangeDiscount } from '../products/product.pricing';
import { lineIssue } from './line.issues';

export interface LineContext {
  linesField: string;
  index: number;
  row: RecordValues;
  /** The line's product; null when it does not exist, undefined when the line names none. */
  product: RecordValues | null | undefined;
  /** The quote's price list name. */
  priceList: unknown;
  /** Products already on the stored quote: they stay usable after being deactivated. */
  storedProducts: ReadonlySet<string>;
}

export type LineOutcome = { ok: true; row: RecordValues; amounts: LineAmounts } | { ok: false; issues: Issue[] };

/**
 * One quote line recomputed from its product: list price, amount, discount
 * (the product's quantity range unless `descuento_manual`), tax (the
 * product's unless `impuesto_manual`) and total; or the issues that stop it.
 */
export function resolveLine({ linesField, index, row, product, priceList, storedProducts }: LineContext): LineOutcome {
  const issue = (column: string, code: Parameters<typeof lineIssue>[3], params?: Record<string, string | number>) => lineIssue(linesField, index, column, code, params);
  const productId = row[LINE.product];

  if (product === undefined) return { ok: false, issues: [issue(LINE.product, 'noProduct')] };
  if (product === null) return { ok: false, issues: [issue(LINE.product, 'unknownProduct')] };
  if (!isActive(product) && !storedProducts.has(String(productId))) return { ok: false, issues: [issue(LINE.product, 'inactiveProduct')] };

  const issues: Issue[] = [];
  const readNumber = (column: string, fallback: Dec | undefined): Dec | undefined => {
    const value = row[column];
    if (isBlank(value)) return fallback;
    const parsed = toDec(value);
    if (!parsed) issues.push(issue(column, 'invalidNumber'));
    return parsed;
  };

  const quantity = readNumber(LINE.quantity, undefined);
  if (quantity === undefined && isBlank(row[LINE.quantity])) issues.push(issue(LINE.quantity, 'invalidNumber'));

  // The product's price wins; the client's own price is kept only for a product without one (seed: "si no hay un precio").
  let price = listPrice(product, priceList);
  if (!price) {
    const typed = readNumber(LINE.listPrice, undefined);
    if (typed) price = roundCents(typed);
    else if (isBlank(row[LINE.listPrice])) issues.push(issue(LINE.listPrice, 'missingPrice', { list: String(priceList ?? '') }));
  }

  const discountPercent = row[LINE.discountManual] === true ? readNumber(LINE.discount, ZERO) : quantity && rangeDiscount(product, quantity);
  const taxPercent = row[LINE.taxManual] === true ? readNumber(LINE.tax, ZERO) : productTax(product);

  if (issues.length || !quantity || !price || !discountPercent || !taxPercent) return { ok: false, issues };

  const amounts = lineAmounts({ price, quantity, discountPercent, taxPercent });
  const costType = isBlank(row[LINE.costType]) ? paymentType(product) : undefined;
  return {
    ok: true,
    amounts,
    row: {
      ...row,
      ...(costType && { [LINE.costType]: costType }),
      [LINE.listPrice]: formatMoney(price),
      [LINE.amount]: formatMoney(amounts.amount),
      [LINE.discount]: formatPercent(discountPercent),
      [LINE.tax]: formatPercent(taxPercent),
      [LINE.total]: formatMoney(amounts.total),
    },
  };
}

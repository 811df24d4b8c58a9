import type { Dec } from './money';
import { HUNDRED, roundCents } from './money';

/** What a line's money is computed from, already resolved (product price, range discount, tax...). */
export interface LineInputs {
  /** List price per unit, in cents precision. */
  price: Dec;
  quantity: Dec;
  /** Discount percent (10 = 10 %). */
  discountPercent: Dec;
  /** Tax percent (19 = 19 %). */
  taxPercent: Dec;
}

/** A line's amounts, each rounded half-up to the cent. */
export interface LineAmounts {
  /** price × quantity */
  amount: Dec;
  /** amount × discount % */
  discount: Dec;
  /** (amount − discount) × tax % */
  tax: Dec;
  /** amount − discount + tax */
  total: Dec;
}

/**
 * The money of one quote line. Each step is rounded half-up to the cent and
 * the total is the exact sum of the rounded parts, so a quote's
 * total = subtotal − discount + tax holds to the cent.
 */
export function lineAmounts({ price, quantity, discountPercent, taxPercent }: LineInputs): LineAmounts {
  const amount = roundCents(price.times(quantity));
  const discount = roundCents(amount.times(discountPercent).dividedBy(HUNDRED));
  const net = amount.minus(discount);
  const tax = roundCents(net.times(taxPercent).dividedBy(HUNDRED));
  return { amount, discount, tax, total: net.plus(tax) };
}

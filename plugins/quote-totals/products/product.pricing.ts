import type { RecordValues } from '@crm/engine';
import type { Dec } from '../calc/money';
import { isBlank, roundCents, toDec, ZERO } from '../calc/money';
import { PRICE_LIST_ROW, PRODUCT, RANGE_ROW } from './product.fields';

const rows = (value: unknown): RecordValues[] => (Array.isArray(value) ? value.filter((row): row is RecordValues => row !== null && typeof row === 'object' && !Array.isArray(row)) : []);

/** A product is inactive only when `activo` is false; the catalog defaults it to true. */
export function isActive(product: RecordValues): boolean {
  return product[PRODUCT.active] !== false;
}

/**
 * The product's price for the quote's price list: the first `listas_precios`
 * row whose `lista` equals it, else `precio_unitario`; undefined when the
 * product has neither. Rounded to the cent.
 */
export function listPrice(product: RecordValues, priceList: unknown): Dec | undefined {
  const wanted = typeof priceList === 'string' ? priceList.trim() : '';
  if (wanted) {
    for (const row of rows(product[PRODUCT.priceLists])) {
      const list = row[PRICE_LIST_ROW.list];
      const price = toDec(row[PRICE_LIST_ROW.price]);
      if (typeof list === 'string' && list.trim() === wanted && price) return roundCents(price);
    }
  }
  const unit = toDec(product[PRODUCT.unitPrice]);
  return unit && roundCents(unit);
}

/**
 * The discount percent of the `rangos_cantidad` row whose [desde, hasta]
 * holds the quantity (both ends included, empty `hasta` = no upper bound,
 * empty `desde` = from zero). When ranges overlap, the one starting highest
 * wins; no range gives 0.
 */
export function rangeDiscount(product: RecordValues, quantity: Dec): Dec {
  let best: { from: Dec; discount: Dec } | undefined;
  for (const row of rows(product[PRODUCT.ranges])) {
    const from = isBlank(row[RANGE_ROW.from]) ? ZERO : toDec(row[RANGE_ROW.from]);
    const to = isBlank(row[RANGE_ROW.to]) ? undefined : toDec(row[RANGE_ROW.to]);
    const discount = toDec(row[RANGE_ROW.discount]);
    if (!from || !discount || (!isBlank(row[RANGE_ROW.to]) && !to)) continue;
    if (quantity.lessThan(from) || (to && quantity.greaterThan(to))) continue;
    if (!best || from.greaterThan(best.from)) best = { from, discount };
  }
  return best?.discount ?? ZERO;
}

/** The product's tax percent; 0 when it has none. */
export function productTax(product: RecordValues): Dec {
  return toDec(product[PRODUCT.tax]) ?? ZERO;
}

/** The product's payment type, used as the line's cost type when the line has none. */
export function paymentType(product: RecordValues): string | undefined {
  const value = product[PRODUCT.paymentType];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

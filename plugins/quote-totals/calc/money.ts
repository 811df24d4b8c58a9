import { Decimal } from 'decimal.js';

/**
 * The decimal type used for every amount and percentage of this plugin: its
 * own configuration (40 significant digits, half-up rounding, never
 * exponential notation), so the global `Decimal` settings stay untouched.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** True for a value the client left blank: null, undefined or a blank string. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Reads a number or a decimal string ("1234.50") exactly; undefined for a
 * blank or for anything else (NaN, Infinity, "1,234.50", objects).
 * A JS number is read through its shortest decimal text, so 0.1 is 0.1.
 */
export function toDec(value: unknown): Dec | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Dec(value) : undefined;
  if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) return new Dec(value.trim());
  return undefined;
}

/** Rounds to the cent, half away from zero (1.005 → 1.01, 0.035 → 0.04). */
export function roundCents(value: Dec): Dec {
  return value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** A money value as stored: a string with exactly two decimals ("1234.50"). */
export function formatMoney(value: Dec): string {
  const rounded = roundCents(value);
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed(2);
}

/** A percentage as stored: a plain decimal string without exponent ("19", "12.5"). */
export function formatPercent(value: Dec): string {
  return (value.isZero() ? value.abs() : value).toFixed();
}

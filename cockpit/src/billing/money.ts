/**
 * Exact decimals for usage and money, as bigints: no float ever holds a quantity, price or amount.
 *
 * - Quantities and unit prices have at most six decimals and are held in millionths (`micro`).
 * - Money amounts are held in minor units of the currency (cents: every currency we accept has two).
 * - The one rounding rule: a line's exact amount is rounded half to even to the minor unit; an
 *   invoice's total is the sum of its rounded lines.
 */

export const MICRO = 1_000_000n;
export const MINOR_DIGITS = 2;
const MINOR = 100n;

const DECIMAL = /^(-?)(\d{1,24})(?:\.(\d{1,6}))?$/;

/** A decimal string with at most 24 integer and 6 fractional digits, in millionths; undefined if it is none. */
export function parseMicro(text: string): bigint | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const value = BigInt(whole) * MICRO + BigInt(fraction.padEnd(6, '0'));
  return sign ? -value : value;
}

/** Millionths as the shortest decimal string (`1500000n` → `"1.5"`). */
export function formatMicro(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const whole = abs / MICRO;
  const fraction = (abs % MICRO).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

const MONEY = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** A non-negative money amount (`"49"`, `"49.5"`, `"49.50"`) in minor units; undefined if it is none. */
export function parseMinor(text: string): bigint | undefined {
  const match = MONEY.exec(text);
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  return BigInt(whole) * MINOR + BigInt(fraction.padEnd(MINOR_DIGITS, '0'));
}

/** Minor units as a money string with both decimals (`12345n` → `"123.45"`). */
export function formatMinor(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / MINOR}.${(abs % MINOR).toString().padStart(MINOR_DIGITS, '0')}`;
}

/** `numerator / denominator` rounded half to even; the denominator is positive. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let quotient = n / denominator;
  const twice = (n % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * A quantity as an exact fraction `numerator / (denominator · 10⁶)`: a monthly average of daily
 * levels is the sum of the days over the days of the month, kept exact until the amount is rounded.
 */
export interface Quantity {
  micro: bigint;
  divisor: bigint;
}

export const quantityOf = (micro: bigint, divisor = 1n): Quantity => ({ micro, divisor });

/** The quantity in millionths, rounded half to even (what an invoice line shows). */
export const shownQuantity = (q: Quantity): bigint => divideHalfEven(q.micro, q.divisor);

/** The smaller of two bigints (Math.min takes numbers only). */
export const smaller = (a: bigint, b: bigint): bigint => (a < b ? a : b);
/** The larger of two bigints. */
export const larger = (a: bigint, b: bigint): bigint => (a > b ? a : b);

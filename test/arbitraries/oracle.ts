/**
 * An independent exact oracle for money: BigInt fractions written here, not the library's helpers
 * (no `Dec`, no `allocateMinor`, no `divideRounded`). Differential tests compare the library's
 * money results with these.
 */

/** An exact fraction n / d with d > 0. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

/** A plain decimal string or a finite number (as JSON would print it) as an exact fraction. */
export function fraction(value: string | number): Fraction {
  const text = typeof value === 'number' ? decimalText(value) : value;
  const negative = text.startsWith('-');
  const body = negative || text.startsWith('+') ? text.slice(1) : text;
  const [whole = '0', frac = ''] = body.split('.');
  const n = BigInt((whole === '' ? '0' : whole) + frac);
  return { n: negative ? -n : n, d: 10n ** BigInt(frac.length) };
}

/** A JS number as plain decimal text (no exponent), for fraction(). */
function decimalText(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString();
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, '');
}

/** Integer minor units of a money string with `digits` decimals (exact; throws on more digits). */
export function minorOf(text: string, digits: number): bigint {
  const { n, d } = fraction(text);
  const scaled = n * 10n ** BigInt(digits);
  if (scaled % d !== 0n) throw new Error(`${text} has more than ${digits} decimals`);
  return scaled / d;
}

/** Minor units as a money string with exactly `digits` decimals ("-0.05", "1200", "1.250"). */
export function moneyText(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const body = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const text = digits === 0 ? body : `${body.slice(0, -digits)}.${body.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

/** p / q rounded to an integer, half away from zero (`halfUp`) or half to even (`halfEven`). */
export function roundDiv(p: bigint, q: bigint, mode: 'halfUp' | 'halfEven' = 'halfUp'): bigint {
  if (q < 0n) return roundDiv(-p, -q, mode);
  const negative = p < 0n;
  const a = negative ? -p : p;
  const floor = a / q;
  const twice = 2n * (a - floor * q);
  let result = floor;
  if (twice > q) result = floor + 1n;
  else if (twice === q) result = mode === 'halfUp' || floor % 2n === 1n ? floor + 1n : floor;
  return negative ? -result : result;
}

/** A fraction rounded to `places` decimals, as a fraction over 10^places. */
export function roundFraction(value: Fraction, places: number, mode: 'halfUp' | 'halfEven' = 'halfUp'): Fraction {
  const scale = 10n ** BigInt(places);
  return { n: roundDiv(value.n * scale, value.d, mode), d: scale };
}

/** a ≤ b for fractions. */
export const lessOrEqual = (a: Fraction, b: Fraction): boolean => a.n * b.d <= b.n * a.d;
/** a = b for fractions. */
export const same = (a: Fraction, b: Fraction): boolean => a.n * b.d === b.n * a.d;

/**
 * Largest-remainder (Hamilton) split of `total` minor units by `weights`, with the library's
 * declared tie rule: larger remainder, then smaller weight, then id ascending (code-unit order).
 * Negative totals split by magnitude and negated. Returns undefined when every weight is zero.
 */
export function hamilton(total: bigint, weights: readonly Fraction[], ids: readonly string[]): bigint[] | undefined {
  if (total < 0n) return hamilton(-total, weights, ids)?.map((part) => -part);
  // Common denominator, so every weight is an integer w'ᵢ over D.
  const common = weights.reduce((acc, w) => (acc % w.d === 0n ? acc : (acc * w.d) / gcd(acc, w.d)), 1n);
  const scaled = weights.map((w) => (w.n * common) / w.d);
  const sum = scaled.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return undefined;
  const parts = scaled.map((w) => (total * w) / sum);
  const remainders = scaled.map((w) => (total * w) % sum);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const order = scaled.map((_, i) => i);
  order.sort((i, j) => {
    const ri = remainders[i] as bigint;
    const rj = remainders[j] as bigint;
    if (ri !== rj) return ri > rj ? -1 : 1;
    const wi = scaled[i] as bigint;
    const wj = scaled[j] as bigint;
    if (wi !== wj) return wi < wj ? -1 : 1;
    const a = ids[i] as string;
    const b = ids[j] as string;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left--;
  }
  return parts;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Σ of bigints. */
export const sum = (values: Iterable<bigint>): bigint => {
  let total = 0n;
  for (const value of values) total += value;
  return total;
};

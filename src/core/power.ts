/**
 * Powers and natural logarithms of exact decimals ({@link Fixed}), correctly rounded half-up to a
 * number of significant digits: what decimal.js computes at the library's 40 digits (SPEC §1.1),
 * on BigInt, so that a function needing a power does not pull decimal.js into a user's bundle.
 * Each result is computed on an interval of known width, widened until the interval rounds to one
 * value (a value exactly half-way between two is rounded up, as decimal.js does). Held to
 * decimal.js by a property (test/core/power.prop.test.ts).
 */
import type { Fixed } from './fixed.js';
import { pow10 } from './money.js';

/** The library's decimal precision: 40 significant digits, as its decimal type (core/decimal.ts). */
export const SIGNIFICANT_DIGITS = 40;

/** `num / den` (den > 0) rounded half-up (ties away from zero) to `digits` significant digits. */
export function roundSignificant(num: bigint, den: bigint, digits = SIGNIFICANT_DIGITS): Fixed {
  if (num === 0n) return { n: 0n, scale: 0 };
  const magnitude = num < 0n ? -num : num;
  let e = magnitude.toString().length - den.toString().length; // 10^(e−1) < |num/den| < 10^(e+1)
  if (e >= 0 ? magnitude < den * pow10(e) : magnitude * pow10(-e) < den) e--;
  let scale = digits - 1 - e; // |num/den| · 10^scale has `digits` digits before the point
  const scaledNum = scale >= 0 ? magnitude * pow10(scale) : magnitude;
  const scaledDen = scale >= 0 ? den : den * pow10(-scale);
  let n = scaledNum / scaledDen;
  if (2n * (scaledNum % scaledDen) >= scaledDen) n += 1n;
  if (n === pow10(digits)) {
    n = pow10(digits - 1);
    scale--;
  }
  if (scale < 0) [n, scale] = [n * pow10(-scale), 0];
  return { n: num < 0n ? -n : n, scale };
}

const ln2Cache = new Map<number, bigint>();

/** atanh(z) · 10^p for |z| ≤ 1/3 given as z · 10^p (error: a few units per term). */
function atanh(z: bigint, unit: bigint): bigint {
  const z2 = (z * z) / unit;
  let term = z;
  let sum = z;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = (term * z2) / unit;
    sum += term / k;
  }
  return sum;
}

/** ln 2 · 10^p = 2 atanh(1/3). */
function ln2(p: number): bigint {
  let value = ln2Cache.get(p);
  if (value === undefined) ln2Cache.set(p, (value = 2n * atanh(pow10(p) / 3n, pow10(p))));
  return value;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
const bits = (x: bigint) => x.toString(2).length;

/** ln(x) · 10^p for x > 0, with the bound of its error in units of 10^−p. */
function lnScaled(x: Fixed, p: number): { value: bigint; error: bigint } {
  const unit = pow10(p);
  const den = pow10(x.scale);
  let j = bits(x.n) - bits(den); // x = 2^j · r with r in [0.7, 1.4]
  let r = 0n;
  for (let tries = 0; tries < 4; tries++) {
    r = j >= 0 ? (x.n * unit) / (den << BigInt(j)) : ((x.n * unit) << BigInt(-j)) / den;
    if (10n * r > 14n * unit) j++;
    else if (10n * r < 7n * unit) j--;
    else break;
  }
  const z = ((r - unit) * unit) / (r + unit);
  const error = (abs(BigInt(j)) + 1n) * BigInt(6 * p + 20);
  return { value: BigInt(j) * ln2(p) + 2n * atanh(z, unit), error };
}

/** exp(y / 10^p) as the interval [lo, hi] · 2^shift / 10^p, given y's error bound in units. */
function expScaled(y: bigint, yError: bigint, p: number): { lo: bigint; hi: bigint; shift: number } {
  const unit = pow10(p);
  const l2 = ln2(p);
  let m = y / l2; // y = m ln 2 + t, |t| ≤ ln 2 / 2
  let t = y - m * l2;
  if (2n * t > l2) [m, t] = [m + 1n, t - l2];
  else if (2n * t < -l2) [m, t] = [m - 1n, t + l2];
  if (abs(m) > 1n << 30n) throw new RangeError('power: the result is beyond what a BigInt can hold');
  let term = unit;
  let sum = unit;
  for (let k = 1n; term !== 0n; k++) {
    term = (term * t) / unit / k;
    sum += term;
  }
  const error = 2n * (yError + abs(m) * BigInt(6 * p + 20)) + BigInt(3 * p + 10);
  return { lo: sum - error, hi: sum + error, shift: Number(m) };
}

/**
 * Rounds the interval [lo, hi] · 2^shift / 10^p to `digits` significant digits, or `undefined`
 * when its two ends round differently (the caller widens the precision).
 */
function roundInterval(lo: bigint, hi: bigint, shift: number, p: number, digits: number): Fixed | undefined {
  const den = pow10(p) << BigInt(shift < 0 ? -shift : 0);
  const up = BigInt(shift > 0 ? shift : 0);
  const a = roundSignificant(lo << up, den, digits);
  const b = roundSignificant(hi << up, den, digits);
  return a.n === b.n && a.scale === b.scale ? a : undefined;
}

/** Runs `attempt` at growing precision until it answers; at the last, a tie is rounded up. */
function converge(start: number, attempt: (p: number, last: boolean) => Fixed | undefined): Fixed {
  for (let p = start; ; p += p) {
    const last = p > 1200;
    const result = attempt(p, last);
    if (result !== undefined) return result;
  }
}

/** ln(x) for x > 0, correctly rounded half-up to `digits` significant digits. */
export function lnSignificant(x: Fixed, digits = SIGNIFICANT_DIGITS): Fixed {
  if (x.n === pow10(x.scale)) return { n: 0n, scale: 0 };
  return converge(digits + 20, (p, last) => {
    const { value, error } = lnScaled(x, p);
    const upper = roundSignificant(value + error, pow10(p), digits);
    if (last) return upper;
    const lower = roundSignificant(value - error, pow10(p), digits);
    return lower.n === upper.n && lower.scale === upper.scale ? upper : undefined;
  });
}

/** The integer value of `e` when it is a whole number, else `undefined`. */
function wholeOf(e: Fixed): bigint | undefined {
  const unit = pow10(e.scale);
  return e.n % unit === 0n ? e.n / unit : undefined;
}

/**
 * base^exponent for base > 0, correctly rounded half-up to `digits` significant digits. Whole
 * exponents of a modest result are computed exactly; others as exp(exponent · ln base).
 */
export function powerSignificant(base: Fixed, exponent: Fixed, digits = SIGNIFICANT_DIGITS): Fixed {
  const whole = wholeOf(exponent);
  if (whole !== undefined && abs(whole) * BigInt(base.n.toString().length + base.scale) <= 4000n) {
    const num = base.n ** abs(whole);
    const den = pow10(base.scale) ** abs(whole);
    return whole >= 0n ? roundSignificant(num, den, digits) : roundSignificant(den, num, digits);
  }
  const magnitude = abs(exponent.n) / pow10(exponent.scale) + 1n;
  return converge(digits + 20 + magnitude.toString().length, (p, last) => {
    const ln = lnScaled(base, p);
    const y = (exponent.n * ln.value) / pow10(exponent.scale);
    const { lo, hi, shift } = expScaled(y, magnitude * ln.error + 1n, p);
    return last ? roundInterval(hi, hi, shift, p, digits) : roundInterval(lo, hi, shift, p, digits);
  });
}

/** a ÷ b (b ≠ 0), correctly rounded half-up to `digits` significant digits. */
export function divideSignificant(a: Fixed, b: Fixed, digits = SIGNIFICANT_DIGITS): Fixed {
  const num = a.n * pow10(b.scale);
  const den = b.n * pow10(a.scale);
  return den < 0n ? roundSignificant(-num, -den, digits) : roundSignificant(num, den, digits);
}

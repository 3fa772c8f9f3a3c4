/**
 * An exact decimal as an integer count of 10^-scale: the library's fixed-point type for hot paths
 * and for figures `Dec` would round (it keeps 40 significant digits; a product of two
 * 60-character inputs needs more). Every operation is exact; rounding happens only in
 * {@link roundFixed} and {@link divideFixed}, through the one rounding rule. Texts match
 * decimal.js's `toFixed()`; a property holds the two together (test/core/fixed.prop.test.ts).
 */
import { formatMinor, placePoint, pow10 } from './money.js';
import { divideRounded, floorDivide, roundsAway, type RoundingMode } from './rounding.js';

/** n × 10^-scale, exactly. */
export interface Fixed {
  readonly n: bigint;
  readonly scale: number;
}

/** Reads an accepted plain-decimal text (already validated: `-?digits(.digits)?`). */
export function parseFixed(text: string): Fixed {
  const dot = text.indexOf('.');
  if (dot === -1) return { n: BigInt(text), scale: 0 };
  return { n: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

/** `value`'s numerator at a larger `scale` (never smaller: no rounding happens here). */
export function rescale(value: Fixed, scale: number): bigint {
  return scale === value.scale ? value.n : value.n * pow10(scale - value.scale);
}

/** a + b. */
export function addFixed(a: Fixed, b: Fixed): Fixed {
  if (a.scale === b.scale) return { n: a.n + b.n, scale: a.scale };
  const scale = Math.max(a.scale, b.scale);
  return { n: rescale(a, scale) + rescale(b, scale), scale };
}

/** a − b. */
export function subtractFixed(a: Fixed, b: Fixed): Fixed {
  return addFixed(a, { n: -b.n, scale: b.scale });
}

/** a × b. */
export function mulFixed(a: Fixed, b: Fixed): Fixed {
  return { n: a.n * b.n, scale: a.scale + b.scale };
}

/** Σ terms. */
export function sumFixed(terms: readonly Fixed[]): Fixed {
  return terms.reduce(addFixed, { n: 0n, scale: 0 });
}

/** Negative, zero or positive as a < b, a = b, a > b. */
export function compareFixed(a: Fixed, b: Fixed): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a rounded to `places` decimals with `mode` (unchanged when it has no more). */
export function roundFixed(a: Fixed, places: number, mode: RoundingMode): Fixed {
  if (a.scale <= places) return a;
  return { n: divideRounded(a.n, pow10(a.scale - places), mode), scale: places };
}

/** numerator ÷ denominator (> 0), rounded to `places` decimals with `mode`. */
export function divideFixed(numerator: Fixed, denominator: Fixed, places: number, mode: RoundingMode): Fixed {
  // n/10^a ÷ d/10^b = n·10^b / (d·10^a); at `places` decimals: n·10^(b+places) / (d·10^a)
  const n = numerator.n * pow10(denominator.scale + places);
  return { n: divideRounded(n, denominator.n * pow10(numerator.scale), mode), scale: places };
}

/** The canonical text, as decimal.js's `toFixed()` writes it: no trailing zeros, no `-0`. */
export function formatFixed(a: Fixed): string {
  if (a.n === 0n) return '0';
  const negative = a.n < 0n;
  const digits = (negative ? -a.n : a.n).toString();
  // The trailing zeros of the fraction dropped from the text (a decimal's result often has 40 digits).
  let end = digits.length;
  while (digits.length - end < a.scale && digits.charCodeAt(end - 1) === 48) end--;
  return placePoint(negative, digits.slice(0, end), a.scale - (digits.length - end));
}

/** The text with exactly `scale` decimals (`{ n: 150n, scale: 2 }` → `"1.50"`): {@link formatMinor}. */
export function fixedText(n: bigint, scale: number): string {
  return formatMinor(n, scale);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const TWO_52 = 2 ** 52;

/**
 * `part ÷ whole` (0 ≤ part ≤ whole, safe integers, whole > 0) rounded to `decimals` (≤ 15) places
 * with `mode`, as text with exactly that many decimals: long division on plain numbers, a few
 * digits a step. The fast twin of `fixedText(divideFixed(part, whole, decimals, mode))`;
 * `undefined` when `whole` is too large for it (the caller divides in bigint).
 */
export function ratioText(part: number, whole: number, decimals: number, mode: RoundingMode): string | undefined {
  if (!(whole > 0 && whole * 10 <= TWO_52 && part >= 0 && part <= whole && decimals <= 15)) return undefined;
  let step = 1; // digits per step: the most with whole · 10^step ≤ 2^52, so every product is exact
  while (step < decimals && whole * POW10[step + 1]! <= TWO_52) step++;
  let integer = part === whole ? 1 : 0;
  let remainder = part === whole ? 0 : part;
  let fraction = 0;
  for (let done = 0; done < decimals;) {
    const k = Math.min(step, decimals - done);
    const x = remainder * POW10[k]!;
    const q = floorDivide(x, whole);
    fraction = fraction * POW10[k]! + q;
    remainder = x - q * whole;
    done += k;
  }
  const twice = 2 * remainder;
  const half = twice > whole ? 1 : twice === whole ? 0 : -1;
  if (roundsAway(half, (decimals === 0 ? integer : fraction) % 2 === 1, mode)) fraction += 1;
  if (fraction === POW10[decimals]) {
    integer += 1;
    fraction = 0;
  }
  if (decimals === 0) return String(integer);
  return `${integer}.${String(fraction).padStart(decimals, '0')}`;
}

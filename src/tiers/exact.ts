import { Dec } from '../core/decimal.js';
import { decimalFraction, formatMinor } from '../core/money.js';

/**
 * Exact decimal arithmetic for tier bounds. decimal.js rounds every product to the clone's 40
 * significant digits; bounds may be written with up to 60 characters, so products (minutes →
 * milliseconds, scaling by a factor) are formed on BigInt fractions instead and never rounded.
 */

/** The number of decimals of a power of ten `10^k` (its digit count minus one). */
function scaleOf(powerOfTen: bigint): number {
  return powerOfTen.toString().length - 1;
}

/** `a × b`, exactly. */
export function exactTimes(a: Dec, b: Dec): Dec {
  const [an, ad] = decimalFraction(a);
  const [bn, bd] = decimalFraction(b);
  return new Dec(formatMinor(an * bn, scaleOf(ad) + scaleOf(bd)));
}

/** `Σ terms`, exactly. */
export function exactSum(terms: readonly Dec[]): Dec {
  let scale = 0;
  const fractions = terms.map((term) => {
    const fraction = decimalFraction(term);
    scale = Math.max(scale, scaleOf(fraction[1]));
    return fraction;
  });
  let numerator = 0n;
  for (const [n, d] of fractions) numerator += n * 10n ** BigInt(scale - scaleOf(d));
  return new Dec(formatMinor(numerator, scale));
}

/** The plain decimal text of a value without trailing fractional zeros (`"120.500"` → `"120.5"`). */
export function plainText(value: Dec): string {
  return value.toFixed();
}

import DecimalJs from 'decimal.js';
import { fail, type IssuePath } from './errors.js';
import { decimalProblem, decimalText, type DecimalInput } from './decimalInput.js';
import { sumFixed, formatFixed, mulFixed, parseFixed } from './fixed.js';
import { formatMinor, pow10, type Minor } from './money.js';
import { defaultRounding, divideRounded, type RoundingMode, type RoundingPolicy } from './rounding.js';

/**
 * synergy-pay's private decimal.js configuration (SPEC §1.1): 40 significant digits, half-up,
 * no exponent notation in `toString`. A clone, so importing the library never touches the host's
 * global `Decimal` settings. Used where decimal precision is needed (ratios, powers, division
 * chains); money and exact sums use integer minor units and {@link Fixed} instead.
 */
export const Dec = /* @__PURE__ */ DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});

/** A decimal value from the library's private decimal.js clone. */
export type Dec = InstanceType<typeof Dec>;

/**
 * Reads a decimal input into the private decimal type, refusing anything that is not a plain
 * decimal with `INVALID_DECIMAL` at `path`.
 */
export function toDecimal(value: unknown, path: IssuePath): Dec {
  const problem = decimalProblem(value);
  if (problem !== undefined) fail('INVALID_DECIMAL', path, problem);
  return new Dec(decimalText(value as DecimalInput));
}

/** decimal.js rounding constant for a mode. */
export function decimalRounding(mode: RoundingMode): DecimalJs.Rounding {
  return mode === 'halfEven' ? Dec.ROUND_HALF_EVEN : Dec.ROUND_HALF_UP;
}

/** Rounds a decimal to `places` decimal places with `mode`. */
export function roundTo(value: Dec, places: number, mode: RoundingMode): Dec {
  return value.toDecimalPlaces(places, decimalRounding(mode));
}

/** Rounds a score at the policy's score rounding point. */
export function roundScore(value: Dec, policy: RoundingPolicy = defaultRounding): Dec {
  return roundTo(value, policy.scoreDecimals, policy.mode);
}

/** Rounds a coefficient at the policy's coefficient rounding point. */
export function roundCoefficient(value: Dec, policy: RoundingPolicy = defaultRounding): Dec {
  return roundTo(value, policy.coefficientDecimals, policy.mode);
}

/** Minor units as an exact decimal of major units. */
export function minorToDecimal(minor: bigint | number, digits: number): Dec {
  return new Dec(formatMinor(minor, digits));
}

/** A decimal amount of major units rounded to minor units with `mode`. */
export function decimalToMinor(amount: Dec, digits: number, mode: RoundingMode): Minor {
  const [numerator, denominator] = decimalFraction(amount);
  return divideRounded(numerator * pow10(digits), denominator, mode);
}

/** A finite decimal as an exact fraction `numerator / 10^k` (denominator a power of ten). */
export function decimalFraction(value: Dec): [numerator: bigint, denominator: bigint] {
  const text = value.toFixed();
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const dot = unsigned.indexOf('.');
  const fraction = dot === -1 ? '' : unsigned.slice(dot + 1);
  const whole = dot === -1 ? unsigned : unsigned.slice(0, dot);
  const numerator = BigInt(whole + fraction);
  return [negative ? -numerator : numerator, pow10(fraction.length)];
}

/**
 * `minor × factor`, rounded to whole minor units with `mode`, computed exactly (the factor's
 * decimal expansion is used as a fraction, never a float). E.g. 12 % of 7,333,333 fen.
 */
export function multiplyMinor(minor: Minor, factor: Dec, mode: RoundingMode): Minor {
  const [numerator, denominator] = decimalFraction(factor);
  return divideRounded(minor * numerator, denominator, mode);
}

/** a × b, exactly (decimal.js would round the product to its 40 significant digits). */
export function exactTimes(a: Dec, b: Dec): Dec {
  return new Dec(formatFixed(mulFixed(parseFixed(a.toFixed()), parseFixed(b.toFixed()))));
}

/** Σ terms, exactly. */
export function exactSum(terms: readonly Dec[]): Dec {
  return new Dec(formatFixed(sumFixed(terms.map((term) => parseFixed(term.toFixed())))));
}

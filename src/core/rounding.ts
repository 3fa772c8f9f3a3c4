import { Dec } from './decimal.js';
import type DecimalJs from 'decimal.js';

/**
 * How a figure is rounded at a declared rounding point.
 * - `halfUp` (四舍五入): ties away from zero (2.5 → 3, −2.5 → −3). The default.
 * - `halfEven`: ties to the even neighbour (2.5 → 2, 3.5 → 4), "banker's rounding".
 */
export type RoundingMode = 'halfUp' | 'halfEven';

/** Where and how figures are rounded (SPEC §1.6). Later steps use the rounded figure. */
export interface RoundingPolicy {
  /** Rounding mode for every rounding point. @defaultValue `'halfUp'` */
  readonly mode: RoundingMode;
  /** Decimal places of scores (0–100 scales, ratings, tier scores). @defaultValue `2` */
  readonly scoreDecimals: number;
  /** Decimal places of coefficients and ratios. @defaultValue `4` */
  readonly coefficientDecimals: number;
}

/** The default policy: half-up, scores 2 dp, coefficients 4 dp (money always to minor units). */
export const defaultRounding: RoundingPolicy = Object.freeze({
  mode: 'halfUp',
  scoreDecimals: 2,
  coefficientDecimals: 4,
});

/** Completes a partial policy with the defaults. */
export function resolveRounding(
  policy: { readonly [K in keyof RoundingPolicy]?: RoundingPolicy[K] | undefined } | undefined,
): RoundingPolicy {
  if (policy === undefined) return defaultRounding;
  // Fields given as `undefined` keep their defaults (zod outputs optional fields that way).
  return {
    mode: policy.mode ?? defaultRounding.mode,
    scoreDecimals: policy.scoreDecimals ?? defaultRounding.scoreDecimals,
    coefficientDecimals: policy.coefficientDecimals ?? defaultRounding.coefficientDecimals,
  };
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

/**
 * Integer division of `numerator` by a positive `denominator`, rounded with `mode`. Exact: no
 * decimal is formed, so it serves money (minor units) of any size.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator <= 0n) throw new RangeError('divideRounded: denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twice = (magnitude % denominator) * 2n;
  if (twice > denominator || (twice === denominator && (mode === 'halfUp' || quotient % 2n === 1n))) quotient += 1n;
  return negative ? -quotient : quotient;
}

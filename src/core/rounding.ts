/**
 * Rounding points (SPEC §1.7): the policy a plan declares, and the kernels that apply it. The
 * half-up / half-even rule is written once ({@link roundsAway}); every integer division that rounds,
 * bigint or exact `number`, goes through it. The decimal type and its rounding (`Dec`) live in
 * decimal.ts, on these kernels.
 */

/**
 * How a figure is rounded at a declared rounding point.
 * - `halfUp` (四舍五入): ties away from zero (2.5 → 3, −2.5 → −3). The default.
 * - `halfEven`: ties to the even neighbour (2.5 → 2, 3.5 → 4), "banker's rounding".
 */
export type RoundingMode = 'halfUp' | 'halfEven';

/** Where and how figures are rounded (SPEC §1.7). Later steps use the rounded figure. */
export interface RoundingPolicy {
  /** Rounding mode for every rounding point. @defaultValue `'halfUp'` */
  readonly mode: RoundingMode;
  /** Decimal places of scores (0–100 scales, ratings, tier scores). @defaultValue `2` */
  readonly scoreDecimals: number;
  /** Decimal places of coefficients and ratios. @defaultValue `4` */
  readonly coefficientDecimals: number;
}

/** The default policy: half-up, scores 2 dp, coefficients 4 dp (money always to minor units). */
export const defaultRounding: RoundingPolicy = /* @__PURE__ */ Object.freeze({
  mode: 'halfUp',
  scoreDecimals: 2,
  coefficientDecimals: 4,
});

/** A rounding policy as a plan writes it: every field optional (see {@link RoundingPolicy}). */
export interface RoundingInput {
  /** Rounding mode for every rounding point. @defaultValue `'halfUp'` */
  readonly mode?: RoundingMode | undefined;
  /** Decimal places of scores, 0–12. @defaultValue `2` */
  readonly scoreDecimals?: number | undefined;
  /** Decimal places of coefficients and ratios, 0–12. @defaultValue `4` */
  readonly coefficientDecimals?: number | undefined;
}

/** Completes a partial policy with the defaults (fields given as `undefined` keep theirs). */
export function resolveRounding(policy: RoundingInput | undefined): RoundingPolicy {
  if (policy === undefined) return defaultRounding;
  return {
    mode: policy.mode ?? defaultRounding.mode,
    scoreDecimals: policy.scoreDecimals ?? defaultRounding.scoreDecimals,
    coefficientDecimals: policy.coefficientDecimals ?? defaultRounding.coefficientDecimals,
  };
}

/**
 * The rounding rule, once: whether a truncated quotient moves one unit away from zero, given how
 * twice its remainder compares with the divisor (`half` < 0, 0 or > 0: below, at or above one
 * half) and whether the quotient is odd.
 */
export function roundsAway(half: number, quotientOdd: boolean, mode: RoundingMode): boolean {
  return half > 0 || (half === 0 && (mode === 'halfUp' || quotientOdd));
}

/**
 * Integer division of `numerator` by a positive `denominator`, rounded with `mode`. Exact: no
 * decimal is formed, so it serves money (minor units) of any size.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator <= 0n) throw new RangeError('divideRounded: denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const twice = (magnitude % denominator) * 2n;
  const half = twice > denominator ? 1 : twice === denominator ? 0 : -1;
  // The parity matters only for a half-even tie: no bigint remainder otherwise.
  const odd = half === 0 && mode === 'halfEven' && quotient % 2n === 1n;
  const rounded = roundsAway(half, odd, mode) ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/**
 * ⌊a / b⌋ of integers held as `number`s (b > 0, and a and the product ⌊a/b⌋·b safe): the float
 * quotient, corrected by the exact remainder when the division landed one off.
 */
export function floorDivide(a: number, b: number): number {
  const quotient = Math.floor(a / b);
  const remainder = a - quotient * b;
  return remainder < 0 ? quotient - 1 : remainder >= b ? quotient + 1 : quotient;
}

/** {@link divideRounded} on safe integer `number`s (denominator > 0), exactly. */
export function divideRoundedNumber(numerator: number, denominator: number, mode: RoundingMode): number {
  const magnitude = numerator < 0 ? -numerator : numerator;
  const quotient = floorDivide(magnitude, denominator);
  const twice = 2 * (magnitude - quotient * denominator);
  const half = twice > denominator ? 1 : twice === denominator ? 0 : -1;
  const rounded = roundsAway(half, quotient % 2 === 1, mode) ? quotient + 1 : quotient;
  return numerator < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * Exact outlier tests on one group of ratings (one ratee, dimension and period).
 *
 * Scores arrive as integers scaled by a common power of ten (so `85.5` with one decimal is
 * `855`). Every flag decision below is made on integers, never on a rounded statistic:
 * medians are kept doubled (`x[lo] + x[hi]`), absolute deviations doubled again, and the
 * constants 0.6745, 1.253314 and the plan threshold enter as exact fractions, so that
 * `0.6745 · |x − median| / MAD > T` becomes `6745 · tD · dev4 > 10000 · tN · mad4`. Products use
 * `number` while they stay below 2^52 and switch to `bigint` beyond, so no comparison is ever
 * made on a rounded float.
 *
 * References: B. Iglewicz and D. Hoaglin, "How to Detect and Handle Outliers" (ASQC, 1993) for
 * the modified z-score and its 3.5 cut-off; the MAD = 0 fallback to the mean absolute deviation
 * scaled by √(π/2) ≈ 1.253314 as in IBM's SPSS documentation of the modified z-score.
 *
 * @module
 */

/** 2^52: below it a product of two non-negative safe integers computed in `number` is exact. */
const EXACT_LIMIT = 4_503_599_627_370_496;

/** An exact non-negative fraction used as a constant in the tests: `numerator / denominator`. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** Whether a·b > c·d for non-negative integers a, c (numbers) and coefficients b, d (exact). */
export function productGreater(a: number, b: bigint, bNumber: number, c: number, d: bigint, dNumber: number): boolean {
  const left = a * bNumber;
  const right = c * dNumber;
  if (left < EXACT_LIMIT && right < EXACT_LIMIT && Number.isFinite(bNumber) && Number.isFinite(dNumber))
    return left > right;
  return BigInt(a) * b > BigInt(c) * d;
}

/** The coefficient pair of a test, kept both as bigint and (when exact) as number. */
export interface Coefficient {
  readonly value: bigint;
  /** `Number(value)` when it is a safe integer, `Infinity` otherwise (forces the bigint path). */
  readonly number: number;
}

/** Builds a {@link Coefficient}. */
export function coefficient(value: bigint): Coefficient {
  return { value, number: value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : Number.POSITIVE_INFINITY };
}

/** Which statistical test a group got. */
export type GroupTest = 'modifiedZ' | 'meanDeviation' | 'leaveOneOut' | 'none';

/** The exact constants of the group tests (see {@link flagGroup}). */
export interface GroupSettings {
  readonly zMinSize: number;
  readonly looMinSize: number;
  /** 6745 · tD (left side of the z test). */
  readonly zLeft: Coefficient;
  /** 10000 · tN (right side of the z test). */
  readonly zRight: Coefficient;
  /** kD · tD, multiplied by n per group (left side of the mean-deviation test). */
  readonly meanLeft: bigint;
  /** kN · tN (right side of the mean-deviation test). */
  readonly meanRight: Coefficient;
  /** 2 · Δ, scaled like the scores. */
  readonly looDelta2: number;
}

/** Doubled median of an ascending array slice `sorted[0…n)`: `x[lo] + x[hi]`. */
export function median2(sorted: ArrayLike<number>, n: number): number {
  return (sorted[(n - 1) >> 1] as number) + (sorted[n >> 1] as number);
}

/**
 * Flags the outliers of one group: `sorted` holds the group's n scaled scores ascending, `values`
 * the same scores in rating order. Runs the test the group size calls for, writes 1 into
 * `flagged[j]` for each deviating `values[j]`, and returns the test used. `scratch` must hold at
 * least n numbers.
 */
export function flagGroup(
  values: Float64Array,
  sorted: Float64Array,
  n: number,
  settings: GroupSettings,
  flagged: Uint8Array,
  scratch: Float64Array,
): GroupTest {
  if (n >= settings.zMinSize) {
    const med2 = median2(sorted, n);
    let devSum = 0;
    for (let j = 0; j < n; j++) {
      const dev2 = Math.abs(2 * (sorted[j] as number) - med2);
      scratch[j] = dev2;
      devSum += dev2;
    }
    const deviations = scratch.subarray(0, n).sort();
    const mad4 = median2(deviations, n);
    if (mad4 > 0) {
      const { zLeft, zRight } = settings;
      for (let j = 0; j < n; j++) {
        const dev4 = 2 * Math.abs(2 * (values[j] as number) - med2);
        if (productGreater(dev4, zLeft.value, zLeft.number, mad4, zRight.value, zRight.number)) flagged[j] = 1;
      }
      return 'modifiedZ';
    }
    // MAD = 0: more than half the ratings sit on the median; use the mean absolute deviation.
    if (devSum === 0) return 'meanDeviation';
    const left = coefficient(BigInt(n) * settings.meanLeft);
    const { meanRight } = settings;
    if (!Number.isSafeInteger(devSum)) {
      flagBySumBigint(values, sorted, n, med2, left.value, meanRight.value, flagged);
      return 'meanDeviation';
    }
    for (let j = 0; j < n; j++) {
      const dev2 = Math.abs(2 * (values[j] as number) - med2);
      if (productGreater(dev2, left.value, left.number, devSum, meanRight.value, meanRight.number)) flagged[j] = 1;
    }
    return 'meanDeviation';
  }
  if (n >= settings.looMinSize) {
    const delta2 = settings.looDelta2;
    for (let j = 0; j < n; j++) {
      const x = values[j] as number;
      const others2 = medianOfOthers2(sorted, n, x);
      if (Math.abs(2 * x - others2) >= delta2) flagged[j] = 1;
    }
    return 'leaveOneOut';
  }
  return 'none';
}

/** The mean-deviation test when Σ|dev| exceeds 2^53: all in bigint. */
function flagBySumBigint(
  values: Float64Array,
  sorted: Float64Array,
  n: number,
  med2: number,
  left: bigint,
  right: bigint,
  flagged: Uint8Array,
): void {
  let sum = 0n;
  for (let j = 0; j < n; j++) sum += BigInt(Math.abs(2 * (sorted[j] as number) - med2));
  for (let j = 0; j < n; j++) {
    const dev2 = BigInt(Math.abs(2 * (values[j] as number) - med2));
    if (dev2 * left > sum * right) flagged[j] = 1;
  }
}

/** Index of the first element ≥ x in an ascending slice. */
function lowerBound(sorted: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The doubled median of the group without one copy of `x` (x must occur in `sorted`). Which copy
 * is removed does not matter: equal values leave the same multiset.
 */
export function medianOfOthers2(sorted: ArrayLike<number>, n: number, x: number): number {
  const removed = lowerBound(sorted, n, x);
  const m = n - 1;
  const at = (k: number): number => sorted[k < removed ? k : k + 1] as number;
  return at((m - 1) >> 1) + at(m >> 1);
}

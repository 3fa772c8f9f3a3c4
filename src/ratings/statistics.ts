/**
 * Exact outlier tests on one group of ratings (one ratee, dimension and period).
 *
 * Scores arrive as integers scaled by a common power of ten (`85.5` with one decimal is `855`).
 * Every flag decision is made on integers, never on a rounded statistic: medians are kept doubled
 * (`x[lo] + x[hi]`), absolute deviations doubled again, and the constants 0.6745, 1.253314 and
 * the plan threshold enter as exact fractions, so that `0.6745 · |x − median| / MAD > T` becomes
 * `6745 · tD · dev4 > 10000 · tN · mad4`. Products use `number` below 2^52 and `bigint` beyond.
 *
 * References: B. Iglewicz and D. Hoaglin, "How to Detect and Handle Outliers" (ASQC, 1993) for
 * the modified z-score and its 3.5 cut-off; the MAD = 0 fallback to the mean absolute deviation
 * scaled by √(π/2) ≈ 1.253314 as in IBM's SPSS documentation of the modified z-score.
 *
 * @module
 */
import { ExactSum } from '../core/exact.js';

/** 2^52: below it a product of two non-negative safe integers computed in `number` is exact. */
const EXACT_LIMIT = 4_503_599_627_370_496;

/** An exact coefficient of a test, as bigint and (when a safe integer) as number, else `Infinity`. */
export interface Coefficient {
  readonly value: bigint;
  readonly number: number;
}

/** Builds a {@link Coefficient}. */
export function coefficient(value: bigint): Coefficient {
  return { value, number: value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : Number.POSITIVE_INFINITY };
}

/** Whether a·b > c·d for non-negative safe integers a, c and exact coefficients b, d. */
function productGreater(a: number, b: Coefficient, c: number, d: Coefficient): boolean {
  const left = a * b.number;
  const right = c * d.number;
  if (left < EXACT_LIMIT && right < EXACT_LIMIT) return left > right; // Infinity and NaN take the bigint path
  return BigInt(a) * b.value > BigInt(c) * d.value;
}

/** Which statistical test a group got. */
export type GroupTest = 'modifiedZ' | 'meanDeviation' | 'leaveOneOut' | 'none';

/** The exact constants of the group tests (see {@link flagGroup}). */
export interface GroupSettings {
  readonly zMinSize: number;
  readonly looMinSize: number;
  /** 6745 · tD and 10000 · tN: the sides of the z test. */
  readonly zLeft: Coefficient;
  readonly zRight: Coefficient;
  /** kD · tD (times n per group) and kN · tN: the sides of the mean-deviation test. */
  readonly meanLeft: bigint;
  readonly meanRight: Coefficient;
  /** 2 · Δ, scaled like the scores. */
  readonly looDelta2: number;
}

/** The first reason code of a rejection (see `REASONS` in analyse.ts). */
export const REJECTED = 5;

/** One group's accepted scores, in buffers sized by the largest group so far (less GC than one per group). */
export class GroupScores {
  size = 0;
  /** The scaled scores in rating order, their ratings, and the same scores ascending. */
  values = new Float64Array(0);
  members = new Int32Array(0);
  sorted = new Float64Array(0);
  /** Set to 1 for each deviating score. */
  flagged = new Uint8Array(0);
  scratch = new Float64Array(0);

  /** Collects the accepted ratings (reason below `rejected`) of `order[start…end)`, and sorts their scores. */
  collect(order: Int32Array, start: number, end: number, reason: Uint8Array, scaled: Float64Array): void {
    this.reset(end - start);
    for (let p = start; p < end; p++) {
      const i = order[p]!;
      if (reason[i]! >= REJECTED) continue;
      this.members[this.size] = i;
      this.values[this.size++] = scaled[i]!;
    }
    this.sorted.set(this.values.subarray(0, this.size));
    this.sorted.subarray(0, this.size).sort();
  }

  /** Empties the buffers, making room for `capacity` scores. */
  reset(capacity: number): void {
    this.size = 0;
    if (capacity <= this.values.length) return;
    const n = Math.max(capacity, 2 * this.values.length, 64);
    [this.values, this.sorted, this.scratch] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    [this.members, this.flagged] = [new Int32Array(n), new Uint8Array(n)];
  }
}

/** Doubled median of an ascending array slice `sorted[0…n)`: `x[lo] + x[hi]`. */
export function median2(sorted: ArrayLike<number>, n: number): number {
  return sorted[(n - 1) >> 1]! + sorted[n >> 1]!;
}

/** Fills `scratch` with the doubled absolute deviations from the doubled median, ascending; returns MAD × 4. */
export function deviations(sorted: ArrayLike<number>, n: number, med2: number, scratch: Float64Array): number {
  for (let j = 0; j < n; j++) scratch[j] = Math.abs(2 * sorted[j]! - med2);
  return median2(scratch.subarray(0, n).sort(), n);
}

/** Σ of the first n deviations, exactly. */
export function deviationSum(deviations: Float64Array, n: number): bigint {
  const sum = new ExactSum();
  for (let j = 0; j < n; j++) sum.add(deviations[j]!);
  return sum.value();
}

/**
 * Flags the outliers of a group (its `sorted` scores filled in): runs the test its size calls
 * for, sets `flagged[j]` for each deviating `values[j]`, and returns the test used.
 */
export function flagGroup(group: GroupScores, settings: GroupSettings): GroupTest {
  const { size: n, values, sorted, flagged } = group;
  flagged.fill(0, 0, n);
  if (n >= settings.zMinSize) return flagDeviating(group, settings);
  if (n < settings.looMinSize) return 'none';
  for (let j = 0; j < n; j++)
    if (Math.abs(2 * values[j]! - medianOfOthers2(sorted, n, values[j]!)) >= settings.looDelta2) flagged[j] = 1;
  return 'leaveOneOut';
}

/** The modified z test, or the mean-deviation test when MAD = 0 (see {@link flagGroup}). */
function flagDeviating({ size: n, values, sorted, flagged, scratch }: GroupScores, settings: GroupSettings): GroupTest {
  const med2 = median2(sorted, n);
  const mad4 = deviations(sorted, n, med2, scratch);
  if (mad4 > 0) {
    for (let j = 0; j < n; j++)
      if (productGreater(2 * Math.abs(2 * values[j]! - med2), settings.zLeft, mad4, settings.zRight)) flagged[j] = 1;
    return 'modifiedZ';
  }
  // MAD = 0: more than half the ratings sit on the median; use the mean absolute deviation.
  const sum = coefficient(deviationSum(scratch, n));
  const left = coefficient(BigInt(n) * settings.meanLeft);
  const right = settings.meanRight;
  for (let j = 0; j < n && sum.value > 0n; j++) {
    const dev = Math.abs(2 * values[j]! - med2);
    const deviates = Number.isFinite(sum.number)
      ? productGreater(dev, left, sum.number, right)
      : BigInt(dev) * left.value > sum.value * right.value;
    if (deviates) flagged[j] = 1;
  }
  return 'meanDeviation';
}

/**
 * The doubled median of the group without one copy of `x` (x must occur in `sorted`). Which copy
 * is removed does not matter: equal values leave the same multiset.
 */
export function medianOfOthers2(sorted: ArrayLike<number>, n: number, x: number): number {
  let removed = 0; // the first element ≥ x (a binary search)
  for (let hi = n; removed < hi;) {
    const mid = (removed + hi) >> 1;
    if (sorted[mid]! < x) removed = mid + 1;
    else hi = mid;
  }
  const at = (k: number): number => sorted[k < removed ? k : k + 1]!;
  return at((n - 2) >> 1) + at((n - 1) >> 1);
}

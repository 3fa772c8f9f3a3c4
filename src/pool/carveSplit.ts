import { selectBest } from '../core/largestRemainder.js';

const SPLITTER = 134_217_729; // 2^27 + 1 (Dekker's split of a double into two 26-bit halves)
const TWO_49 = 2 ** 49;

/** The rounding error of `p = fl(a·b)`: a·b = p + error exactly (Dekker / Veltkamp two-product). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHigh = t - (t - a);
  const aLow = a - aHigh;
  t = SPLITTER * b;
  const bHigh = t - (t - b);
  const bLow = b - bHigh;
  return aHigh * bHigh - p + aHigh * bLow + aLow * bHigh + aLow * bLow;
}

/** A split on plain numbers: the parts, and the round as the core's trace describes it. */
export interface NumberSplit {
  readonly parts: Float64Array;
  /** Units handed to the largest remainders after the floors. */
  readonly leftover: number;
  /** Shares with a positive weight. */
  readonly positive: number;
  /** Σ weights (exact: at most 2^49). */
  readonly weightSum: number;
}

/**
 * The largest-remainder split of `total` by integer `weights`, exactly as the core's
 * `allocateScaled` computes it (floors of total·wᵢ/W, leftover units to the largest remainders;
 * ties: larger remainder, then smaller weight, then id ascending), but on plain numbers even when
 * total·wᵢ exceeds 2^53: the products are formed exactly as two doubles (Dekker's two-product),
 * so a carve of a million commissions, or an uncapped pool shared among
 * 400,000 people, needs no BigInt per row. Preconditions (else `undefined`,
 * and the caller uses the core): 0 ≤ total ≤ W ≤ 2^49, every weight a non-negative integer.
 * Each floor is estimated in floating point and corrected with the exact remainder.
 */
export function splitByWeights(total: number, weights: Float64Array, ids: readonly string[]): NumberSplit | undefined {
  const n = weights.length;
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += weights[i] as number;
  if (!(weightSum <= TWO_49) || !(total >= 0) || total > weightSum || !Number.isSafeInteger(total) || weightSum === 0)
    return undefined;
  const parts = new Float64Array(n);
  const remainders = new Float64Array(n);
  const ratio = total / weightSum;
  let floors = 0;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const weight = weights[i] as number;
    if (weight === 0) continue;
    positive++;
    let quotient = Math.floor(weight * ratio);
    // remainder = total·weight − quotient·W, exactly: both products as (rounded, error) pairs.
    const p1 = total * weight;
    const p2 = quotient * weightSum;
    let remainder = p1 - p2 + (productError(total, weight, p1) - productError(quotient, weightSum, p2));
    while (remainder < 0) {
      quotient -= 1;
      remainder += weightSum;
    }
    while (remainder >= weightSum) {
      quotient += 1;
      remainder -= weightSum;
    }
    parts[i] = quotient;
    remainders[i] = remainder;
    floors += quotient;
  }
  const leftover = total - floors;
  if (leftover > 0) {
    const ranked = new Int32Array(positive);
    let a = 0;
    for (let i = 0; i < n; i++) if ((weights[i] as number) > 0) ranked[a++] = i;
    selectBest(ranked, leftover, (i, j) => {
      const byRemainder = (remainders[i] as number) - (remainders[j] as number);
      if (byRemainder !== 0) return byRemainder > 0;
      const byWeight = (weights[i] as number) - (weights[j] as number);
      if (byWeight !== 0) return byWeight < 0;
      return (ids[i] as string) < (ids[j] as string);
    });
    for (let k = 0; k < leftover; k++) {
      const i = ranked[k] as number;
      parts[i] = (parts[i] as number) + 1;
    }
  }
  return { parts, leftover, positive, weightSum };
}

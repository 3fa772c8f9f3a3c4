import { bigintCalculator, type Calculator, numberCalculator } from './calculator.js';
import type { Dec } from './decimal.js';
import { type Amount, pow10 } from './money.js';

/** What one round of the largest-remainder method did (for the trace). */
export interface RemainderRound {
  /** The amount distributed in this round (minor units). */
  readonly amount: bigint;
  /** Σ weights of the shares taking part. */
  readonly weightSum: bigint;
  /** Shares taking part. */
  readonly shares: number;
  /** Leftover units handed to the largest remainders. */
  readonly leftover: number;
  /** Shares fixed at their cap after this round. */
  readonly newlyCapped: number;
}

/** The outcome of {@link largestRemainder}, indexes matching the input. */
export interface RemainderResult<T> {
  readonly parts: T[];
  readonly unallocated: T;
  /** 1 where the share was fixed at its cap. */
  readonly capped: Uint8Array;
  readonly rounds: RemainderRound[];
}

/**
 * Splits `total` (≥ 0, integer minor units) by integer `weights` (≥ 0) with the
 * largest-remainder (Hamilton) method, exactly:
 *
 * 1. each share gets ⌊total·wᵢ/W⌋; its remainder (total·wᵢ mod W) is kept as an exact integer;
 * 2. the k = total − Σ floors leftover units go one each to the k largest remainders, chosen by
 *    O(N) selection, not a full sort. Ties: larger remainder, then smaller weight, then id
 *    ascending in code-unit order — never input order. (SPEC §2.1 said "larger weight"; issue #2,
 *    newer, fixes 5 split by [3, 7] as [2, 3]: on an exact tie the odd unit goes to the smaller
 *    share. A larger weight still never gets less: equal remainders with different weights only
 *    happen when the larger weight's floor is already higher.);
 * 3. with caps, every share above its cap is fixed at it and the rest of the total is split
 *    again among the others, until none exceeds; what no one can take is `unallocated`.
 *
 * All-zero weights leave the whole total unallocated; callers decide whether that is an error.
 * The caller guarantees, for `number`, that total·max(w) + Σw ≤ 2^53 − 1.
 */
export function largestRemainder<T>(
  calc: Calculator<T>,
  total: T,
  weights: readonly T[],
  ids: readonly string[],
  caps?: readonly (T | undefined)[],
): RemainderResult<T> {
  const n = weights.length;
  const parts = calc.zeros(n);
  const remainders = calc.zeros(n);
  const capped = new Uint8Array(n);
  const rounds: RemainderRound[] = [];
  let active = new Int32Array(n);
  let activeCount = 0;
  for (let i = 0; i < n; i++) if (calc.compare(weights[i] as T, calc.zero) > 0) active[activeCount++] = i;
  active = active.subarray(0, activeCount);

  let amount = total;
  for (;;) {
    if (activeCount === 0 || calc.compare(amount, calc.zero) === 0) break;
    const roundAmount = amount;
    let weightSum = calc.zero;
    for (let a = 0; a < activeCount; a++) weightSum = calc.add(weightSum, weights[active[a] as number] as T);

    const floors = calc.floorShares(amount, weights, active, weightSum, parts, remainders);
    const leftover = calc.toNumber(calc.subtract(amount, floors));
    if (leftover > 0) {
      const ranked = leftover < activeCount ? active.slice() : active;
      const better = calc.ranksBefore(remainders, weights, ids);
      selectBest(ranked, leftover, better);
      for (let a = 0; a < leftover; a++) {
        const i = ranked[a] as number;
        parts[i] = calc.add(parts[i] as T, calc.one);
      }
    }

    let newlyCapped = 0;
    if (caps !== undefined) {
      let kept = 0;
      for (let a = 0; a < activeCount; a++) {
        const i = active[a] as number;
        const cap = caps[i];
        if (cap !== undefined && calc.compare(parts[i] as T, cap) > 0) {
          parts[i] = cap;
          capped[i] = 1;
          amount = calc.subtract(amount, cap);
          newlyCapped++;
        } else {
          active[kept++] = i;
        }
      }
      if (newlyCapped > 0) {
        activeCount = kept;
        active = active.subarray(0, kept);
      }
    }
    rounds.push({
      amount: calc.toBigInt(roundAmount),
      weightSum: calc.toBigInt(weightSum),
      shares: activeCount + newlyCapped,
      leftover,
      newlyCapped,
    });
    if (newlyCapped === 0) return { parts, unallocated: calc.zero, capped, rounds };
    // The remaining shares are re-split from zero in the next round.
    for (let a = 0; a < activeCount; a++) parts[active[a] as number] = calc.zero;
  }
  return { parts, unallocated: amount, capped, rounds };
}

/**
 * Reorders `order` so that its first `k` entries are the k best under `better` (a strict total
 * order), in O(N) expected time: quickselect with a median-of-three pivot, falling back to a
 * sort of the remaining range if the recursion grows deep (adversarial input).
 */
export function selectBest(order: Int32Array, k: number, better: (i: number, j: number) => boolean): void {
  let lo = 0;
  let hi = order.length - 1;
  if (k <= 0 || k >= order.length) return;
  let budget = 2 * Math.ceil(Math.log2(order.length + 1)) + 16;
  while (hi > lo) {
    if (budget-- === 0) {
      const rest = Array.from(order.subarray(lo, hi + 1)).sort((i, j) => (better(i, j) ? -1 : 1));
      order.set(rest, lo);
      return;
    }
    const mid = lo + ((hi - lo) >> 1);
    // Median of three moved to `hi` as the pivot.
    const a = order[lo] as number;
    const b = order[mid] as number;
    const c = order[hi] as number;
    let pivotAt: number;
    if (better(a, b)) pivotAt = better(b, c) ? mid : better(a, c) ? hi : lo;
    else pivotAt = better(a, c) ? lo : better(b, c) ? hi : mid;
    const pivot = order[pivotAt] as number;
    order[pivotAt] = order[hi] as number;
    order[hi] = pivot;
    let store = lo;
    for (let i = lo; i < hi; i++) {
      const candidate = order[i] as number;
      if (better(candidate, pivot)) {
        order[i] = order[store] as number;
        order[store++] = candidate;
      }
    }
    order[hi] = order[store] as number;
    order[store] = pivot;
    if (store === k || store === k - 1) return;
    if (store < k) lo = store + 1;
    else hi = store - 1;
  }
}

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

/** Integer weights, as `number`s when every one has at most 14 significant digits, else `bigint`s. */
export type ScaledWeights =
  { readonly kind: 'number'; readonly values: number[] } | { readonly kind: 'bigint'; readonly values: bigint[] };

/**
 * Scales non-negative decimal strings to integers sharing one power of ten (so ratios are exact).
 * Uses `number` when every scaled value provably has at most 14 digits (so every step is an exact
 * integer operation); otherwise `bigint`.
 */
export function scaleWeightTexts(texts: readonly string[]): ScaledWeights {
  // One pass reads each text's digits as an integer mantissa while it finds the common scale;
  // mantissas stay exact while a text has at most 15 digits, which the 14-digit check implies.
  const n = texts.length;
  const mantissas = new Float64Array(n);
  const decimals = new Uint8Array(n);
  let scale = 0;
  let wholeDigits = 0;
  for (let t = 0; t < n; t++) {
    const text = texts[t] as string;
    let mantissa = 0;
    let dot = -1;
    for (let c = 0; c < text.length; c++) {
      const code = text.charCodeAt(c);
      if (code === 46) dot = c;
      else mantissa = mantissa * 10 + (code - 48);
    }
    const whole = dot === -1 ? text.length : dot;
    const fraction = dot === -1 ? 0 : text.length - dot - 1;
    if (whole > wholeDigits) wholeDigits = whole;
    if (fraction > scale) scale = fraction;
    mantissas[t] = mantissa;
    decimals[t] = fraction > 255 ? 255 : fraction;
  }
  if (wholeDigits + scale <= 14) {
    const values = new Array<number>(n);
    for (let t = 0; t < n; t++) values[t] = (mantissas[t] as number) * 10 ** (scale - (decimals[t] as number));
    return { kind: 'number', values };
  }
  return {
    kind: 'bigint',
    values: texts.map((text) => {
      const dot = text.indexOf('.');
      if (dot === -1) return BigInt(text) * pow10(scale);
      const fraction = text.slice(dot + 1);
      return BigInt(text.slice(0, dot) + fraction) * pow10(scale - fraction.length);
    }),
  };
}

/** Outcome of {@link allocateScaled}: parts in minor units, as `number` or `bigint`. */
export interface ScaledAllocation {
  readonly parts: ReadonlyArray<number | bigint>;
  readonly unallocated: bigint;
  readonly capped: Uint8Array;
  readonly rounds: RemainderRound[];
}

/**
 * The allocation core after validation: splits `total` minor units (any sign) by scaled integer
 * weights, with optional caps in minor units. Runs on `number` when
 * |total|·max(w) + Σw and every cap stay ≤ 2^53 − 1, on `bigint` otherwise. Returns `undefined`
 * when no weight is positive (and the total is not zero).
 */
export function allocateScaled(
  total: bigint,
  weights: ScaledWeights,
  ids: readonly string[],
  caps?: readonly (bigint | undefined)[],
): ScaledAllocation | undefined {
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  let maxWeight = 0;
  let weightSum = 0;
  let anyPositive: boolean;
  if (weights.kind === 'number') {
    for (const w of weights.values) {
      if (w > maxWeight) maxWeight = w;
      weightSum += w;
    }
    anyPositive = weightSum > 0;
  } else {
    anyPositive = weights.values.some((w) => w > 0n);
  }
  if (!anyPositive && magnitude !== 0n) return undefined;

  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  const fitsNumber =
    weights.kind === 'number' &&
    magnitude * BigInt(maxWeight) + BigInt(weightSum) <= safe &&
    Number.isSafeInteger(weightSum) &&
    (caps === undefined || caps.every((cap) => cap === undefined || cap <= safe));

  let result: RemainderResult<number> | RemainderResult<bigint>;
  if (fitsNumber) {
    result = largestRemainder(
      numberCalculator,
      Number(magnitude),
      weights.values,
      ids,
      caps?.map((cap) => (cap === undefined ? undefined : Number(cap))),
    );
  } else {
    const values = weights.kind === 'bigint' ? weights.values : weights.values.map((w) => BigInt(w));
    result = largestRemainder(bigintCalculator, magnitude, values, ids, caps);
  }
  const unallocated = BigInt(result.unallocated);
  // Working arrays may be typed arrays: hand out plain arrays.
  const parts: Array<number | bigint> = Array.from(result.parts as ArrayLike<number | bigint>);
  if (!negative) return { parts, unallocated, capped: result.capped, rounds: result.rounds };
  for (let i = 0; i < parts.length; i++) parts[i] = parts[i] === 0 ? 0 : -(parts[i] as number | bigint);
  return { parts, unallocated: -unallocated, capped: result.capped, rounds: result.rounds };
}

/**
 * Splits `total` minor units by exact decimal weights and returns `bigint` parts, for mechanisms
 * that allocate internally (pool contributions, fact splits, rewards). `undefined` when every
 * weight is zero and the total is not.
 */
export function allocateMinor(
  total: bigint,
  weights: readonly Dec[],
  ids: readonly string[],
  caps?: readonly (bigint | undefined)[],
): { parts: bigint[]; unallocated: bigint; capped: Uint8Array; rounds: RemainderRound[] } | undefined {
  const outcome = allocateScaled(total, scaleWeightTexts(weights.map((weight) => weight.toFixed())), ids, caps);
  if (outcome === undefined) return undefined;
  return { ...outcome, parts: Array.from(outcome.parts, (part) => BigInt(part)) };
}

/**
 * Splits `total` (≥ 0) by weights given as {@link Amount}s, caps optional: on plain numbers with
 * exact two-double products ({@link splitByWeights}) when there are no caps and every weight is a
 * number, so no share needs a BigInt even past 2^53 products; else through {@link allocateScaled}.
 * Same parts, same round either way. `undefined` when no weight is positive and the total is not 0.
 */
export function splitAmounts(
  total: bigint,
  weights: readonly Amount[],
  ids: readonly string[],
  caps?: readonly (bigint | undefined)[],
): (Omit<ScaledAllocation, 'parts'> & { readonly parts: ArrayLike<Amount> }) | undefined {
  const numbers = weights.every((weight) => typeof weight === 'number');
  const fast =
    numbers && caps === undefined && total > 0n && total <= BigInt(Number.MAX_SAFE_INTEGER)
      ? splitByWeights(Number(total), Float64Array.from(weights as number[]), ids)
      : undefined;
  if (fast === undefined)
    return allocateScaled(
      total,
      numbers ? { kind: 'number', values: weights as number[] } : { kind: 'bigint', values: weights.map(BigInt) },
      ids,
      caps,
    );
  const { parts, weightSum, positive: shares, leftover } = fast;
  const round = { amount: total, weightSum: BigInt(weightSum), shares, leftover, newlyCapped: 0 };
  return { parts, unallocated: 0n, capped: new Uint8Array(weights.length), rounds: [round] };
}

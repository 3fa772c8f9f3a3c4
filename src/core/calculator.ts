import { floorDivide } from './rounding.js';

/**
 * The seam between an integer algorithm and its number type (after dinero.js v2's
 * `calculator`): the same largest-remainder code runs on `number` when every product is proven
 * to stay within 2^53 − 1, and on `bigint` otherwise.
 */
export interface Calculator<T> {
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  subtract(a: T, b: T): T;
  multiply(a: T, b: T): T;
  /** ⌊a / b⌋ for a ≥ 0, b > 0, possibly off by one for `number`; callers correct with the remainder. */
  divideApprox(a: T, b: T): T;
  /** Negative, zero or positive as a < b, a = b, a > b. */
  compare(a: T, b: T): number;
  toNumber(a: T): number;
  toBigInt(a: T): bigint;
  /** A zero-filled working array of length n (a `Float64Array` for `number`: no boxing, less GC). */
  zeros(n: number): T[];
  /**
   * The hot kernel of the largest-remainder method, specialised per number type: for each active
   * share i, partᵢ = ⌊amount·wᵢ/W⌋ and remainderᵢ = amount·wᵢ mod W, exactly. Returns Σ parts.
   */
  floorShares(amount: T, weights: readonly T[], active: Int32Array, weightSum: T, parts: T[], remainders: T[]): T;
  /**
   * The leftover-unit order, specialised per number type: whether share i ranks before share j
   * (larger remainder, then smaller weight, then id ascending in code-unit order).
   */
  ranksBefore(
    remainders: readonly T[],
    weights: readonly T[],
    ids: readonly string[],
  ): (i: number, j: number) => boolean;
}

function rankerOf<T>(
  remainders: readonly T[],
  weights: readonly T[],
  ids: readonly string[],
): (i: number, j: number) => boolean {
  return (i, j) => {
    const ri = remainders[i] as T;
    const rj = remainders[j] as T;
    if (ri !== rj) return ri > rj;
    const wi = weights[i] as T;
    const wj = weights[j] as T;
    if (wi !== wj) return wi < wj;
    return (ids[i] as string) < (ids[j] as string);
  };
}

/** `number` arithmetic, exact only when the caller has proven every intermediate ≤ 2^53 − 1. */
export const numberCalculator: Calculator<number> = {
  zero: 0,
  one: 1,
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divideApprox: (a, b) => Math.floor(a / b),
  compare: (a, b) => a - b,
  toNumber: (a) => a,
  toBigInt: (a) => BigInt(a),
  zeros: (n) => new Float64Array(n) as unknown as number[],
  ranksBefore: (remainders, weights, ids) => rankerOf(remainders, weights, ids),
  floorShares(amount, weights, active, weightSum, parts, remainders) {
    let floors = 0;
    for (let a = 0; a < active.length; a++) {
      const i = active[a] as number;
      const product = amount * (weights[i] as number);
      const quotient = floorDivide(product, weightSum);
      const remainder = product - quotient * weightSum;
      parts[i] = quotient;
      remainders[i] = remainder;
      floors += quotient;
    }
    return floors;
  },
};

/** `bigint` arithmetic: exact at any size. */
export const bigintCalculator: Calculator<bigint> = {
  zero: 0n,
  one: 1n,
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divideApprox: (a, b) => a / b,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  toNumber: (a) => Number(a),
  toBigInt: (a) => a,
  zeros: (n) => new Array<bigint>(n).fill(0n),
  ranksBefore: (remainders, weights, ids) => rankerOf(remainders, weights, ids),
  floorShares(amount, weights, active, weightSum, parts, remainders) {
    let floors = 0n;
    for (let a = 0; a < active.length; a++) {
      const i = active[a] as number;
      const product = amount * (weights[i] as bigint);
      const quotient = product / weightSum;
      parts[i] = quotient;
      remainders[i] = product - quotient * weightSum;
      floors += quotient;
    }
    return floors;
  },
};

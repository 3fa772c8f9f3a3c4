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
};

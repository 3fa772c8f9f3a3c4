/**
 * Exact sums of integer minor units (or scaled scores) at any size, without a BigInt per row: the
 * running total is a plain `number` while it is provably exact, and is moved into a `bigint` before
 * it could pass 2^53. Each addend must be a safe integer; one above 2^52 in magnitude goes straight
 * to the `bigint` part. Held to a BigInt sum by a property (test/core/exact.prop.test.ts).
 */

/** |low| may reach this before it is flushed: low + an addend ≤ 2^52 then stays ≤ 2^53, exactly. */
const FLUSH = 2 ** 52;

/** One exact running total. */
export class ExactSum {
  private low = 0;
  private high = 0n;

  /** Adds a safe integer. */
  add(value: number): void {
    if (value > FLUSH || value < -FLUSH) {
      this.high += BigInt(value);
      return;
    }
    const sum = this.low + value;
    if (sum > FLUSH || sum < -FLUSH) {
      this.high += BigInt(sum);
      this.low = 0;
    } else this.low = sum;
  }

  /** Adds a bigint. */
  addBig(value: bigint): void {
    this.high += value;
  }

  /** The total, exactly. */
  value(): bigint {
    return this.high + BigInt(this.low);
  }
}

/** Many exact running totals side by side (one per member, per cell, …), without an object each. */
export class ExactSums {
  private readonly low: Float64Array;
  private readonly high: bigint[];

  constructor(size: number) {
    this.low = new Float64Array(size);
    this.high = new Array<bigint>(size).fill(0n);
  }

  /** Adds a safe integer to total `i`. */
  add(i: number, value: number): void {
    if (value > FLUSH || value < -FLUSH) {
      this.high[i]! += BigInt(value);
      return;
    }
    const sum = this.low[i]! + value;
    if (sum > FLUSH || sum < -FLUSH) {
      this.high[i]! += BigInt(sum);
      this.low[i] = 0;
    } else this.low[i] = sum;
  }

  /** Adds a bigint to total `i`. */
  addBig(i: number, value: bigint): void {
    this.high[i]! += value;
  }

  /** Total `i`, exactly. */
  value(i: number): bigint {
    return this.high[i]! + BigInt(this.low[i]!);
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum, ExactSums } from '../../src/core/exact.js';
import { divideRounded, divideRoundedNumber, floorDivide, roundsAway } from '../../src/core/rounding.js';
import { runs } from '../helpers.js';

const safeInt = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(2 ** 52, -(2 ** 52), 2 ** 52 + 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
);

describe('ExactSum and ExactSums (core/exact.ts) equal a BigInt sum', () => {
  it('sums any safe integers exactly, however large the running total grows', () => {
    fc.assert(
      fc.property(
        fc.array(safeInt, { maxLength: 300 }),
        fc.array(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), { maxLength: 3 }),
        (values, bigs) => {
          const sum = new ExactSum();
          for (const value of values) sum.add(value);
          for (const big of bigs) sum.addBig(big);
          const expected =
            values.reduce((total, value) => total + BigInt(value), 0n) + bigs.reduce((a, b) => a + b, 0n);
          expect(sum.value()).toBe(expected);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('keeps each of many totals apart and exact', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 4 }), safeInt), { maxLength: 300 }), (entries) => {
        const sums = new ExactSums(5);
        const expected = new Array<bigint>(5).fill(0n);
        for (const [slot, value] of entries) {
          sums.add(slot, value);
          expected[slot]! += BigInt(value);
        }
        expect(Array.from({ length: 5 }, (_, i) => sums.value(i))).toEqual(expected);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('rounding kernels (core/rounding.ts)', () => {
  it('roundsAway: half-up moves every tie away from zero, half-even only an odd quotient', () => {
    expect([roundsAway(-1, true, 'halfUp'), roundsAway(0, false, 'halfUp'), roundsAway(1, false, 'halfUp')]).toEqual([
      false,
      true,
      true,
    ]);
    expect([
      roundsAway(0, false, 'halfEven'),
      roundsAway(0, true, 'halfEven'),
      roundsAway(1, false, 'halfEven'),
    ]).toEqual([false, true, true]);
  });

  it('divideRounded agrees with a rational oracle: 5/2 → 3 (half-up) or 2 (half-even), −5/2 → −3 or −2', () => {
    expect([
      divideRounded(5n, 2n, 'halfUp'),
      divideRounded(5n, 2n, 'halfEven'),
      divideRounded(7n, 2n, 'halfEven'),
    ]).toEqual([3n, 2n, 4n]);
    expect([divideRounded(-5n, 2n, 'halfUp'), divideRounded(-5n, 2n, 'halfEven')]).toEqual([-3n, -2n]);
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        fc.constantFrom('halfUp' as const, 'halfEven' as const),
        (n, d, mode) => {
          const q = divideRounded(n, d, mode);
          // |n/d − q| ≤ 1/2, i.e. |2n − 2qd| ≤ d; on a tie, half-up goes away from zero, half-even to even
          const gap = 2n * n - 2n * q * d;
          expect(gap <= d && gap >= -d).toBe(true);
          if (gap === d || gap === -d)
            expect(mode === 'halfUp' ? (n < 0n ? q < 0n || n === 0n : q > 0n) : q % 2n === 0n).toBe(true);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('divideRoundedNumber and floorDivide equal their bigint twins on safe integers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
        fc.integer({ min: 1, max: 2 ** 26 }),
        fc.constantFrom('halfUp' as const, 'halfEven' as const),
        (n, d, mode) => {
          expect(BigInt(divideRoundedNumber(n, d, mode))).toBe(divideRounded(BigInt(n), BigInt(d), mode));
          const q = floorDivide(Math.abs(n), d);
          expect(BigInt(q)).toBe(BigInt(Math.abs(n)) / BigInt(d));
        },
      ),
      { numRuns: runs(2000) },
    );
  });
});

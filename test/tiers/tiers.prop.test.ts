import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { applyRateTable, tierScore, type TierTable } from '../../src/index.js';
import { applyRates, commissionOf, rateBrackets } from '../../src/tiers/rateTable.js';
import { scaleTierTable } from '../../src/tiers/scaleTierTable.js';
import { compileTierTable, scoreOf, scoreOfNumber } from '../../src/tiers/tierScore.js';
import { runs } from '../helpers.js';

/** `numerator / 10^scale` as a plain decimal string, built with string operations only. */
function decimal(numerator: bigint, scale: number): string {
  const negative = numerator < 0n;
  const digits = (negative ? -numerator : numerator).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && text !== '0' ? `-${text}` : text;
}

type Direction = 'lowerIsBetter' | 'higherIsBetter';

/** A random valid tier table with its bounds and scores as exact integers over 10^boundScale / 10^scoreScale. */
interface TableCase {
  readonly table: TierTable;
  readonly direction: Direction;
  readonly bounds: bigint[];
  readonly boundScale: number;
}

const tableCase: fc.Arbitrary<TableCase> = fc
  .record({
    direction: fc.constantFrom<Direction>('lowerIsBetter', 'higherIsBetter'),
    interpolate: fc.boolean(),
    bounds: fc.uniqueArray(fc.integer({ min: -100_000, max: 100_000 }), { maxLength: 5 }),
    boundScale: fc.integer({ min: 0, max: 3 }),
    scores: fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 6, maxLength: 6 }),
    scoreScale: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ direction, interpolate, bounds, boundScale, scores, scoreScale }) => {
    const ordered = bounds.map(BigInt).sort((a, b) => (a < b ? -1 : 1));
    if (direction === 'higherIsBetter') ordered.reverse();
    const bandScores = scores.slice(0, ordered.length + 1).sort((a, b) => b - a); // best first: never rising
    const bands = bandScores.map((score, i) => {
      const band: TierTable['bands'][number] = { score: decimal(BigInt(score), scoreScale) };
      return i < ordered.length ? { ...band, bound: decimal(ordered[i] as bigint, boundScale) } : band;
    });
    return { table: { direction, interpolate, bands }, direction, bounds: ordered, boundScale };
  });

/** A value as an exact integer over 10^scale. */
const valueArb = fc.record({
  numerator: fc.integer({ min: -150_000, max: 150_000 }),
  scale: fc.integer({ min: 0, max: 4 }),
});
const text = (value: { numerator: number; scale: number }) => decimal(BigInt(value.numerator), value.scale);

describe('tier tables: properties', () => {
  it('a tier table is monotone in its direction (random valid tables and values, steps and interpolation)', () => {
    fc.assert(
      fc.property(tableCase, valueArb, valueArb, ({ table, direction }, a, b) => {
        const compiled = compileTierTable(table, ['table']);
        let low = new Dec(text(a));
        let high = new Dec(text(b));
        if (low.greaterThan(high)) [low, high] = [high, low];
        const atLow = scoreOf(compiled, low).score;
        const atHigh = scoreOf(compiled, high).score;
        if (direction === 'lowerIsBetter') expect(atLow.greaterThanOrEqualTo(atHigh)).toBe(true);
        else expect(atLow.lessThanOrEqualTo(atHigh)).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('the band is the number of bounds the value is beyond (an independent oracle), and steps score the band', () => {
    fc.assert(
      fc.property(tableCase, valueArb, ({ table, direction, bounds, boundScale }, value) => {
        // Compare v with b = bound/10^boundScale exactly: v·10^(s_b) vs bound·10^(s_v), both over 10^(s_b + s_v).
        const v = BigInt(value.numerator) * 10n ** BigInt(boundScale);
        const beyond = bounds.filter((bound) => {
          const b = bound * 10n ** BigInt(value.scale);
          return direction === 'lowerIsBetter' ? v > b : v < b;
        }).length;
        const result = tierScore({ table, value: text(value) });
        expect(result.band).toBe(beyond);
        const bandScore = new Dec(String(table.bands[beyond]?.score));
        const score = new Dec(result.score);
        if (table.interpolate !== true || beyond === 0 || beyond === table.bands.length - 1) {
          expect(score.equals(bandScore.toDecimalPlaces(2, Dec.ROUND_HALF_UP))).toBe(true);
        } else {
          // On the line between the previous band's score and this band's score.
          const previous = new Dec(String(table.bands[beyond - 1]?.score));
          expect(score.lessThanOrEqualTo(previous.toDecimalPlaces(2, Dec.ROUND_HALF_UP))).toBe(true);
          expect(score.greaterThanOrEqualTo(bandScore.toDecimalPlaces(2, Dec.ROUND_HALF_UP))).toBe(true);
        }
      }),
      { numRuns: runs(1000) },
    );
  });

  it('scoreOfNumber agrees with scoreOf on integers (small and up to 2^53 − 1) and other finite numbers, in every rounding policy', () => {
    const values = fc.oneof(
      fc.integer({ min: -150_000, max: 150_000 }),
      fc.maxSafeInteger(),
      fc.double({ min: -150_000, max: 150_000, noNaN: true }),
    );
    const policies = fc.record({
      mode: fc.constantFrom('halfUp' as const, 'halfEven' as const),
      scoreDecimals: fc.integer({ min: 0, max: 6 }),
      coefficientDecimals: fc.constant(4),
    });
    fc.assert(
      fc.property(tableCase, values, policies, ({ table }, value, policy) => {
        const compiled = compileTierTable(table, ['table'], policy);
        const fast = scoreOfNumber(compiled, value);
        const exact = scoreOf(compiled, new Dec(value));
        expect(fast.band).toBe(exact.band);
        expect(fast.score.equals(exact.score)).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('scaling bounds and values by the same factor gives the same band and score', () => {
    const factorArb = fc.record({
      numerator: fc.integer({ min: 1, max: 9999 }),
      scale: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(tableCase, valueArb, factorArb, ({ table }, value, factor) => {
        const factorText = decimal(BigInt(factor.numerator), factor.scale);
        const scaledValue = decimal(BigInt(value.numerator) * BigInt(factor.numerator), value.scale + factor.scale);
        const before = tierScore({ table, value: text(value) });
        const after = tierScore({ table: scaleTierTable(table, factorText), value: scaledValue });
        expect(after.band).toBe(before.band);
        expect(after.score).toBe(before.score);
      }),
      { numRuns: runs(1000) },
    );
  });
});

/** A random valid rate table on CNY: bounds in fen ≥ 0, rates in [0, 1] with 4 decimals. */
interface RateCase {
  readonly table: TierTable;
  readonly direction: Direction;
  /** Bounds in fen, in table order. */
  readonly bounds: bigint[];
  /** Rates × 10^4, in table order. */
  readonly rates: bigint[];
}

const rateCase = (directions: readonly Direction[]): fc.Arbitrary<RateCase> =>
  fc
    .record({
      direction: fc.constantFrom(...directions),
      bounds: fc.uniqueArray(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 5 }),
      rates: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 6, maxLength: 6 }),
    })
    .map(({ direction, bounds, rates }) => {
      const ordered = bounds.map(BigInt).sort((a, b) => (a < b ? -1 : 1));
      if (direction === 'higherIsBetter') ordered.reverse();
      const bandRates = rates
        .slice(0, ordered.length + 1)
        .sort((a, b) => b - a)
        .map(BigInt);
      const bands = bandRates.map((rate, i) => {
        const band: TierTable['bands'][number] = { score: decimal(rate, 4) };
        return i < ordered.length ? { ...band, bound: decimal(ordered[i] as bigint, 2) } : band;
      });
      return { table: { direction, bands }, direction, bounds: ordered, rates: bandRates };
    });

/** The exact marginal commission × 10^4 (fen), from the band definitions directly. */
function marginalOracle({ direction, bounds, rates }: RateCase, amount: bigint): bigint {
  const n = rates.length;
  let total = 0n;
  for (let i = 0; i < n; i++) {
    let lower: bigint;
    let upper: bigint | undefined;
    if (direction === 'lowerIsBetter') {
      lower = i === 0 ? 0n : (bounds[i - 1] as bigint);
      upper = i === n - 1 ? undefined : bounds[i];
    } else {
      lower = i === n - 1 ? 0n : (bounds[i] as bigint);
      upper = i === 0 ? undefined : bounds[i - 1];
    }
    const top = upper === undefined || amount < upper ? amount : upper;
    if (top > lower) total += (top - lower) * (rates[i] as bigint);
  }
  return total;
}

const amountArb = fc.bigInt({ min: 0n, max: 20_000_000n });

describe('rate tables: properties', () => {
  it('marginal commission is within half a fen of the exact bracket sum, and slices add up', () => {
    fc.assert(
      fc.property(rateCase(['lowerIsBetter', 'higherIsBetter']), amountArb, (rateTable, amount) => {
        const result = applyRateTable({
          table: rateTable.table,
          amount: decimal(amount, 2),
          currency: 'CNY',
          method: 'marginal',
        });
        const commission = BigInt(result.amount.replace('.', ''));
        const error = commission * 10_000n - marginalOracle(rateTable, amount);
        expect(2n * (error < 0n ? -error : error) <= 10_000n).toBe(true);
        const fen = (money: string) => BigInt(money.replace('.', ''));
        expect(result.slices.reduce((sum, slice) => sum + fen(slice.amount), 0n)).toBe(commission);
        expect(result.slices.reduce((sum, slice) => sum + fen(slice.base), 0n)).toBe(amount);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('marginal commission is continuous and non-decreasing in the amount: one more fen adds 0 or 1 fen', () => {
    fc.assert(
      fc.property(
        rateCase(['lowerIsBetter', 'higherIsBetter']),
        amountArb,
        amountArb,
        fc.constantFrom('halfUp' as const, 'halfEven' as const),
        (rateTable, a, b, mode) => {
          const compiled = compileTierTable(rateTable.table, ['table']);
          const brackets = rateBrackets(compiled, 2);
          const at = (amount: bigint) => commissionOf(compiled, brackets, amount, 'marginal', mode);
          // One more fen adds the rate of its bracket, exactly (×10⁴); the rounded commission is within
          // half a fen of the exact one at both amounts, so its step is within one fen of that.
          const near = (amount: bigint) => {
            const step = at(amount) - at(amount - 1n);
            const exact = marginalOracle(rateTable, amount) - marginalOracle(rateTable, amount - 1n);
            const error = step * 10_000n - exact;
            return step >= 0n && (error < 0n ? -error : error) <= 10_000n;
          };
          expect(near(a + 1n)).toBe(true);
          // Below a 100 % rate that is 0 or 1 fen. (At 100 %, half-even rounding of an exact x.5
          // steps 0, 2, 0, 2: 1,644,630.5 → 1,644,630, then 1,644,631.5 → 1,644,632.)
          const step = at(a + 1n) - at(a);
          if (rateTable.rates.every((rate) => rate < 10_000n)) expect(step === 0n || step === 1n).toBe(true);
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(at(low) <= at(high)).toBe(true);
          // Across every bracket edge too: no jump at a bound.
          for (const bound of rateTable.bounds) if (bound > 0n) expect(near(bound)).toBe(true);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('a 100 % bracket above a half-fen remainder steps 0 and 2 fen under half-even rounding (the counterexample above)', () => {
    // higherIsBetter: 17.7 % up to 69,775.00, 100 % above; 69,775.00 × 0.177 = 12,350.175 yuan.
    const table = {
      direction: 'higherIsBetter' as const,
      bands: [{ score: '1', bound: '69775' }, { score: '0.177' }],
    };
    const compiled = compileTierTable(table, ['table']);
    const brackets = rateBrackets(compiled, 2);
    const at = (amount: bigint, mode: 'halfUp' | 'halfEven') =>
      commissionOf(compiled, brackets, amount, 'marginal', mode);
    expect([at(7_387_113n, 'halfEven'), at(7_387_114n, 'halfEven')]).toEqual([1_644_630n, 1_644_632n]);
    expect([at(7_387_113n, 'halfUp'), at(7_387_114n, 'halfUp')]).toEqual([1_644_631n, 1_644_632n]);
  });

  it('retroactive ≥ marginal when rates rise with the amount', () => {
    fc.assert(
      fc.property(
        rateCase(['higherIsBetter']),
        amountArb,
        fc.constantFrom('halfUp' as const, 'halfEven' as const),
        (rateTable, amount, mode) => {
          const compiled = compileTierTable(rateTable.table, ['table']);
          const retroactive = applyRates(compiled, amount, 2, 'retroactive', mode).commission;
          const marginal = applyRates(compiled, amount, 2, 'marginal', mode).commission;
          expect(retroactive >= marginal).toBe(true);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('commissionOf (the hot path) equals applyRates', () => {
    fc.assert(
      fc.property(
        rateCase(['lowerIsBetter', 'higherIsBetter']),
        amountArb,
        fc.constantFrom('marginal' as const, 'retroactive' as const),
        (rateTable, amount, method) => {
          const compiled = compileTierTable(rateTable.table, ['table']);
          expect(commissionOf(compiled, rateBrackets(compiled, 2), amount, method, 'halfUp')).toBe(
            applyRates(compiled, amount, 2, method, 'halfUp').commission,
          );
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

describe('tier table validation: properties', () => {
  it('a table is accepted exactly when its bounds are strictly ordered and its scores never rise, else each violation has its code', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Direction>('lowerIsBetter', 'higherIsBetter'),
        fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 5 }),
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 6, maxLength: 6 }),
        (direction, bounds, scores) => {
          const bands = scores
            .slice(0, bounds.length + 1)
            .map((score, i) => (i < bounds.length ? { bound: bounds[i] as number, score } : { score }));
          const ordered = bounds.every(
            (bound, i) =>
              i === 0 ||
              (direction === 'lowerIsBetter' ? bound > (bounds[i - 1] as number) : bound < (bounds[i - 1] as number)),
          );
          const monotone = bands.every((band, i) => i === 0 || band.score <= (bands[i - 1]?.score as number));
          let codes: string[] = [];
          try {
            compileTierTable({ direction, bands }, ['table']);
          } catch (error) {
            codes = (error as { issues: { code: string }[] }).issues.map((issue) => issue.code);
          }
          expect(codes.includes('TIER_BOUNDS_NOT_ORDERED')).toBe(!ordered);
          expect(codes.includes('TIER_SCORES_NOT_MONOTONE')).toBe(!monotone);
          expect(codes.length === 0).toBe(ordered && monotone);
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

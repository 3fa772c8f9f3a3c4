import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, type DecValue } from '../../src/core/decimal.js';
import { Dec as Oracle, roundTo } from '../decimalOracle.js';
import { runs } from '../helpers.js';

/** Decimal texts from 0 to 60 digits, 0–30 of them decimals, either sign, `-0` and trailing zeros included. */
const plainText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 60n - 1n }), fc.integer({ min: 0, max: 30 }))
  .map(([negative, n, scale]) => {
    const digits = n.toString().padStart(scale + 1, '0');
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return negative ? `-${text}` : text;
  });
/** Small figures, where ties, zeros and carries are frequent. */
const smallText = fc
  .tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 0, max: 4 }), fc.boolean())
  .map(([n, scale, negativeZero]) => {
    if (n === 0 && negativeZero) return '-0';
    const digits = Math.abs(n)
      .toString()
      .padStart(scale + 1, '0');
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return n < 0 ? `-${text}` : text;
  });
/** What decimal.js also reads: exponents, `+`, a bare point. */
const otherText = fc.constantFrom('1e3', '1.5E-7', '-2.5e+2', '+7', '.5', '5.', '-.25', '1e-70', '-1e70', '0e5');
const text = fc.oneof({ weight: 3, arbitrary: plainText }, { weight: 3, arbitrary: smallText }, otherText);
const numberValue = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 0, 1e-7, 1e21, 0.1, -2.5),
);
const value = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: numberValue });
const mode = fc.constantFrom('halfUp' as const, 'halfEven' as const);

/** Everything decimal.js would show of a value: its sign (−0 too), digits and notation. */
const shown = (x: Dec | InstanceType<typeof Oracle>) => [x.valueOf(), x.toString(), x.toFixed(), x.toNumber()];

describe('Dec (core/decimal.ts) = decimal.js at 40 significant digits, half-up, its slow twin', () => {
  it('reads texts and numbers exactly, and writes them as decimal.js does', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 12 }), (a, places) => {
        const [x, y] = [new Dec(a), new Oracle(a)];
        expect(shown(x)).toEqual(shown(y));
        expect(x.toFixed(places)).toBe(y.toFixed(places));
        expect([x.isZero(), x.isNegative(), x.decimalPlaces()]).toEqual([
          y.isZero(),
          y.isNegative(),
          y.decimalPlaces(),
        ]);
        expect(shown(x.negated())).toEqual(shown(y.negated()));
        expect(shown(x.floor())).toEqual(shown(y.floor()));
        expect(shown(x.ceil())).toEqual(shown(y.ceil()));
        expect(shown(new Dec(x))).toEqual(shown(y));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('adds, subtracts, multiplies and divides, rounding to 40 significant digits as decimal.js does', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const [x, y] = [new Dec(a), new Oracle(a)];
        const other: DecValue = b;
        expect(shown(x.plus(other))).toEqual(shown(y.plus(b)));
        expect(shown(x.minus(other))).toEqual(shown(y.minus(b)));
        expect(shown(x.times(other))).toEqual(shown(y.times(b)));
        expect(shown(x.plus(new Dec(b)))).toEqual(shown(y.plus(new Oracle(b))));
        if (!new Oracle(b).isZero()) expect(shown(x.div(other))).toEqual(shown(y.div(b)));
        if (!new Oracle(b).isZero()) expect(shown(x.dividedBy(other))).toEqual(shown(y.dividedBy(b)));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('chains as decimal.js does: a weighted mean, a ratio scaled to 100, a mean of scores', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(smallText, smallText), { minLength: 1, maxLength: 6 }), (pairs) => {
        let [sum, weights, oracleSum, oracleWeights] = [new Dec(0), new Dec(0), new Oracle(0), new Oracle(0)];
        for (const [weight, score] of pairs) {
          sum = sum.plus(new Dec(weight).times(new Dec(score)));
          weights = weights.plus(new Dec(weight));
          oracleSum = oracleSum.plus(new Oracle(weight).times(new Oracle(score)));
          oracleWeights = oracleWeights.plus(new Oracle(weight));
        }
        expect(shown(sum)).toEqual(shown(oracleSum));
        if (oracleWeights.isZero()) return;
        expect(shown(sum.div(weights))).toEqual(shown(oracleSum.div(oracleWeights)));
        const ratio = new Dec(1).minus(sum.div(weights)).times(100);
        expect(shown(ratio)).toEqual(shown(new Oracle(1).minus(oracleSum.div(oracleWeights)).times(100)));
        expect(shown(sum.div(pairs.length))).toEqual(shown(oracleSum.div(pairs.length)));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('rounds at decimal places in both modes, and raises to whole powers', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 14 }), mode, fc.integer({ min: 0, max: 45 }), (a, places, m, k) => {
        const [x, y] = [new Dec(a), new Oracle(a)];
        expect(shown(x.toDecimalPlaces(places, m))).toEqual(shown(roundTo(y, places, m)));
        expect(shown(new Dec(10).pow(k))).toEqual(shown(new Oracle(10).pow(k)));
        if (x.toFixed().length < 20) expect(shown(x.pow(k % 5))).toEqual(shown(y.pow(k % 5)));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('compares, and picks the larger and the smaller (−0 and 0 included) as decimal.js does', () => {
    fc.assert(
      fc.property(fc.oneof(value, fc.constantFrom('0', '-0')), fc.oneof(value, fc.constantFrom('0', '-0')), (a, b) => {
        const [x, y] = [new Dec(a), new Oracle(a)];
        expect(x.cmp(b)).toBe(y.cmp(b));
        expect(x.comparedTo(b)).toBe(y.comparedTo(b));
        expect([x.eq(b), x.gt(b), x.gte(b), x.lt(b), x.lte(b)]).toEqual([
          y.eq(b),
          y.gt(b),
          y.gte(b),
          y.lt(b),
          y.lte(b),
        ]);
        expect([
          x.equals(b),
          x.greaterThan(b),
          x.greaterThanOrEqualTo(b),
          x.lessThan(b),
          x.lessThanOrEqualTo(b),
        ]).toEqual([y.eq(b), y.gt(b), y.gte(b), y.lt(b), y.lte(b)]);
        expect(shown(Dec.max(a, b))).toEqual(shown(Oracle.max(a, b)));
        expect(shown(Dec.min(a, b))).toEqual(shown(Oracle.min(a, b)));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('keeps the sign of zero where decimal.js does (0 × −1, −0 + −0, a negative rounded to zero)', () => {
    expect(Object.is(new Dec(0).times(-1).toNumber(), -0)).toBe(true);
    expect(Object.is(new Dec('-0').plus('-0').toNumber(), -0)).toBe(true);
    expect(Object.is(new Dec(1).minus(1).toNumber(), 0)).toBe(true);
    expect(Object.is(new Dec('-0.001').toDecimalPlaces(2).toNumber(), -0)).toBe(true);
    expect(new Dec('-0.001').toFixed(2)).toBe('-0.00');
    expect(new Dec('-0').toFixed(2)).toBe('0.00');
    expect(new Dec(1).div(3).toFixed()).toBe('0.3333333333333333333333333333333333333333');
  });

  it('refuses what is not a finite decimal, and division by zero', () => {
    for (const bad of ['abc', '', '.', '1e', '--1', ' 1', 'Infinity', 'NaN', '0x10'])
      expect(() => new Dec(bad)).toThrow(RangeError);
    expect(() => new Dec(Number.NaN)).toThrow(RangeError);
    expect(() => new Dec(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => new Dec(1).div(0)).toThrow(RangeError);
    expect(() => new Dec(10).pow(-1)).toThrow(RangeError);
  });
});

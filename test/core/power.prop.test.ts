import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimalOracle.js';
import { type Fixed, formatFixed, parseFixed } from '../../src/core/fixed.js';
import { divideSignificant, lnSignificant, powerSignificant, roundSignificant } from '../../src/core/power.js';
import { runs } from '../helpers.js';

/** A positive decimal text: 1–12 digits, 0–8 of them decimals. */
const positiveArb = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }))
  .map(([n, scale]) => formatFixed({ n, scale }));
const exponentArb = fc.oneof(
  fc.integer({ min: 0, max: 60_000 }).map((n) => formatFixed({ n: BigInt(n), scale: 4 })),
  fc.integer({ min: -40, max: 40 }).map(String),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 12 }))
    .map(([n, scale]) => formatFixed({ n, scale })),
);
const text = (value: Fixed) => formatFixed(value);

/** The BigInt kernels of core/power.ts give decimal.js's 40-digit results (its slow twin), exactly. */
describe('powers and logarithms (core/power.ts) = decimal.js at 40 significant digits', () => {
  it('base^exponent = Decimal.pow, for scores, tiny and huge bases, whole and fractional exponents', () => {
    fc.assert(
      fc.property(
        fc.oneof(positiveArb, fc.constantFrom('1', '0.01', '100', '999.99', '4', '2.25')),
        exponentArb,
        (base, exponent) => {
          const expected = new Dec(base).pow(new Dec(exponent));
          fc.pre(expected.isFinite() && Math.abs(expected.e) < 400);
          expect(text(powerSignificant(parseFixed(base), parseFixed(exponent)))).toBe(expected.toFixed());
        },
      ),
      { numRuns: runs(3000) },
    );
  });

  it('ln x = Decimal.ln, near 1 too', () => {
    const nearOne = fc.integer({ min: 1, max: 30 }).map((k) => `1.${'0'.repeat(k)}1`);
    fc.assert(
      fc.property(fc.oneof(positiveArb, nearOne), (x) => {
        expect(text(lnSignificant(parseFixed(x)))).toBe(new Dec(x).ln().toFixed());
      }),
      { numRuns: runs(3000) },
    );
  });

  it('a ÷ b and a rational rounded to 40 digits = Decimal.div (half-up, ties away from zero)', () => {
    const decimalArb = fc
      .tuple(fc.bigInt({ min: -(10n ** 50n), max: 10n ** 50n }), fc.integer({ min: 0, max: 30 }))
      .map(([n, scale]) => formatFixed({ n, scale }));
    fc.assert(
      fc.property(decimalArb, decimalArb, (a, b) => {
        fc.pre(!new Dec(b).isZero());
        expect(text(divideSignificant(parseFixed(a), parseFixed(b)))).toBe(new Dec(a).div(new Dec(b)).toFixed());
        const { n, scale } = parseFixed(a);
        expect(text(roundSignificant(n, 10n ** BigInt(scale), 7))).toBe(new Dec(a).toSignificantDigits(7).toFixed());
      }),
      { numRuns: runs(3000) },
    );
  });
});

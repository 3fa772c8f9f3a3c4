import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import DecimalJs from 'decimal.js';
import { Dec, roundTo } from '../decimalOracle.js';
import {
  addFixed,
  compareFixed,
  divideFixed,
  formatFixed,
  mulFixed,
  parseFixed,
  roundFixed,
  subtractFixed,
  sumFixed,
} from '../../src/core/fixed.js';
import { runs } from '../helpers.js';

/** Plain decimal texts with up to 12 integer and 12 fraction digits, either sign. */
const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 24n - 1n }), fc.integer({ min: 0, max: 12 }))
  .map(([negative, n, scale]) => {
    const digits = n.toString().padStart(scale + 1, '0');
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return negative && n !== 0n ? `-${text}` : text;
  });
/** decimal.js with room for every exact product here (the library's clone keeps 40 digits). */
const Wide = DecimalJs.clone({ precision: 200, toExpNeg: -200, toExpPos: 200 });
const mode = fc.constantFrom('halfUp' as const, 'halfEven' as const);

describe('Fixed (core/fixed.ts) agrees with decimal.js, its slow twin', () => {
  it('prints n × 10^-scale as decimal.js does, trailing zeros of the fraction dropped (40-digit results too)', () => {
    const trailing = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.nat(45), fc.nat(60))
      .map(([n, zeros, scale]) => ({ n: n * 10n ** BigInt(zeros), scale }));
    fc.assert(
      fc.property(trailing, (x) => {
        expect(formatFixed(x)).toBe(new Wide(x.n.toString()).div(new Wide(10).pow(x.scale)).toFixed());
      }),
      { numRuns: runs(2000) },
    );
  });

  it('parses and prints as decimal.js toFixed() does, and adds, subtracts, multiplies and compares exactly', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const x = parseFixed(a);
        const y = parseFixed(b);
        expect(formatFixed(x)).toBe(new Dec(a).toFixed());
        expect(formatFixed(addFixed(x, y))).toBe(new Dec(a).plus(b).toFixed());
        expect(formatFixed(subtractFixed(x, y))).toBe(new Dec(a).minus(b).toFixed());
        expect(formatFixed(sumFixed([x, y, x]))).toBe(new Dec(a).plus(b).plus(a).toFixed());
        expect(formatFixed(mulFixed(x, y))).toBe(new Wide(a).times(b).toFixed());
        expect(compareFixed(x, y)).toBe(new Dec(a).comparedTo(b));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('rounds and divides as decimal.js does, in both modes', () => {
    fc.assert(
      fc.property(decimalText, decimalText, fc.integer({ min: 0, max: 8 }), mode, (a, b, places, m) => {
        expect(formatFixed(roundFixed(parseFixed(a), places, m))).toBe(roundTo(new Dec(a), places, m).toFixed());
        if (new Dec(b).gt(0)) {
          const quotient = new Wide(a).div(b); // exact to 200 digits: rounded once below
          expect(formatFixed(divideFixed(parseFixed(a), parseFixed(b), places, m))).toBe(
            roundTo(quotient, places, m).toFixed(),
          );
        }
      }),
      { numRuns: runs(1000) },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, decimalToMinor, multiplyMinor, roundTo } from '../../src/core/decimal.js';
import { formatMinor, parseMinor } from '../../src/core/money.js';
import { divideRounded } from '../../src/core/rounding.js';
import { runs } from '../helpers.js';

// Oracle: rounding of p/q (q > 0) written directly with BigInt, tie rules spelled out.
function oracleRound(p: bigint, q: bigint, mode: 'halfUp' | 'halfEven'): bigint {
  const sign = p < 0n ? -1n : 1n;
  const a = p < 0n ? -p : p;
  const floor = a / q;
  const rest = a - floor * q; // 0 ≤ rest < q
  let result = floor;
  if (2n * rest > q) result = floor + 1n;
  else if (2n * rest === q) result = mode === 'halfUp' ? floor + 1n : floor % 2n === 0n ? floor : floor + 1n;
  return sign * result;
}

const modeArb = fc.constantFrom<'halfUp' | 'halfEven'>('halfUp', 'halfEven');
const bigArb = fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n });

describe('money rounding points against a BigInt oracle', () => {
  it('divideRounded matches the oracle', () => {
    fc.assert(
      fc.property(bigArb, fc.bigInt({ min: 1n, max: 10n ** 12n }), modeArb, (p, q, mode) => {
        expect(divideRounded(p, q, mode)).toBe(oracleRound(p, q, mode));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('multiplyMinor(amount, rate) = round(amount × rate) for 4-dp rates', () => {
    fc.assert(
      fc.property(bigArb, fc.integer({ min: 0, max: 10_000 }), modeArb, (minor, rateUnits, mode) => {
        const rate = new Dec(rateUnits).dividedBy(10_000);
        expect(multiplyMinor(minor, rate, mode)).toBe(oracleRound(minor * BigInt(rateUnits), 10_000n, mode));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('decimalToMinor and roundTo agree with the oracle on decimals of up to 8 places', () => {
    fc.assert(
      fc.property(
        bigArb,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 4 }),
        modeArb,
        (units, scale, digits, mode) => {
          const text = formatMinor(units, scale);
          const expected = oracleRound(units * 10n ** BigInt(digits), 10n ** BigInt(scale), mode);
          expect(decimalToMinor(new Dec(text), digits, mode)).toBe(expected);
          expect(roundTo(new Dec(text), digits, mode).toFixed(digits)).toBe(formatMinor(expected, digits));
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('formatMinor and parseMinor are inverse', () => {
    fc.assert(
      fc.property(bigArb, fc.integer({ min: 0, max: 4 }), (minor, digits) => {
        expect(parseMinor(formatMinor(minor, digits), digits, [])).toBe(minor);
      }),
      { numRuns: runs(1000) },
    );
  });
});

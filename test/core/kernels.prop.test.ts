import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinor, formatMinorNumber, isCanonicalMoney, minorNumber, parseMinor } from '../../src/core/money.js';
import { decimalProblem } from '../../src/core/decimalInput.js';
import { ratioText } from '../../src/core/fixed.js';
import { runs } from '../helpers.js';

/** The money and ratio fast paths (core/money.ts, core/fixed.ts) agree with their slow twins. */
describe('money and ratio kernels agree with the reference implementations', () => {
  it('minorNumber = parseMinor wherever it answers, and answers for every plain amount of ≤ 15 digits', () => {
    const textArb = fc.oneof(
      fc.tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 4 })).map(([n, s]) => {
        const t = (n < 0n ? -n : n).toString().padStart(s + 1, '0');
        return `${n < 0n ? '-' : ''}${s === 0 ? t : `${t.slice(0, -s)}.${t.slice(-s)}`}`;
      }),
      fc.string({ maxLength: 8 }),
      fc.double({ noNaN: false }),
    );
    fc.assert(
      fc.property(textArb, fc.integer({ min: 0, max: 3 }), (value, digits) => {
        const fast = minorNumber(value, digits);
        let slow: bigint | undefined;
        try {
          slow = parseMinor(value, digits, []);
        } catch {
          slow = undefined;
        }
        if (!Number.isNaN(fast)) expect(BigInt(fast)).toBe(slow);
        else if (slow !== undefined && decimalProblem(value) === undefined)
          expect(
            slow > 10n ** 15n - 1n ||
              slow < -(10n ** 15n - 1n) ||
              String(value).replace(/^-/, '').split('.')[0]!.length + digits > 15,
          ).toBe(true);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('formatMinorNumber = formatMinor up to 2^53', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
          fc.integer({ min: -100_000, max: 100_000 }),
        ),
        fc.integer({ min: 0, max: 6 }),
        (minor, digits) => {
          expect(formatMinorNumber(minor, digits)).toBe(formatMinor(minor, digits));
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  it('isCanonicalMoney holds exactly when the text is what formatMinorNumber writes', () => {
    const textArb = fc
      .tuple(
        fc.integer({ min: -(10 ** 9), max: 10 ** 9 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('', '0', '00', '-'),
      )
      .map(([n, s, noise]) => {
        const t = Math.abs(n)
          .toString()
          .padStart(s + 1, '0');
        const body = s === 0 ? t : `${t.slice(0, -s)}.${t.slice(-s)}`;
        return noise === '-' ? `-${body}` : `${n < 0 ? '-' : ''}${body}${noise}`;
      });
    fc.assert(
      fc.property(textArb, fc.integer({ min: 0, max: 3 }), (text, digits) => {
        const minor = minorNumber(text, digits);
        fc.pre(!Number.isNaN(minor));
        expect(isCanonicalMoney(text, minor, digits)).toBe(formatMinorNumber(minor, digits) === text);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('ratioText = part·10^d ÷ whole rounded half-up / half-even, written in BigInt here', () => {
    const roundDivide = (n: bigint, d: bigint, mode: 'halfUp' | 'halfEven'): bigint => {
      const q = n / d;
      const twice = 2n * (n - q * d);
      return twice > d || (twice === d && (mode === 'halfUp' || q % 2n === 1n)) ? q + 1n : q;
    };
    const wholeArb = fc.oneof(
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: 1, max: 2 ** 30 }),
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    );
    fc.assert(
      fc.property(
        wholeArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('halfUp' as const, 'halfEven' as const),
        (whole, fraction, decimals, mode) => {
          const part = Math.min(whole, Math.floor(whole * fraction));
          const fast = ratioText(part, whole, decimals, mode);
          if (whole * 10 > 2 ** 52) {
            expect(fast).toBeUndefined();
            return;
          }
          const q = roundDivide(BigInt(part) * 10n ** BigInt(decimals), BigInt(whole), mode);
          const digits = q.toString().padStart(decimals + 1, '0');
          expect(fast).toBe(decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`);
        },
      ),
      { numRuns: runs(3000) },
    );
  });
});

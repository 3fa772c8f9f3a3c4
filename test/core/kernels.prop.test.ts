import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { allocateScaled } from '../../src/core/allocate.js';
import { epochDay } from '../../src/core/dates.js';
import { IssueList } from '../../src/core/errors.js';
import { splitAmounts } from '../../src/core/largestRemainder.js';
import {
  addAmounts,
  formatMinor,
  formatMinorNumber,
  formatScaled,
  isCanonicalMoney,
  minorNumber,
  parseMinor,
  readAmount,
  sumAmounts,
  toAmount,
} from '../../src/core/money.js';
import { decimalProblem } from '../../src/core/decimalInput.js';
import { formatFixed, ratioText } from '../../src/core/fixed.js';
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
        fc.integer({ min: 0, max: 20 }),
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

  it('Amounts (number while safe, bigint beyond) add, sum, read and print as bigints do', () => {
    const bigArb = fc.oneof(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.bigInt({ min: -1000n, max: 1000n }));
    fc.assert(
      fc.property(fc.array(bigArb, { maxLength: 8 }), fc.integer({ min: 0, max: 20 }), (values, scale) => {
        const amounts = values.map(toAmount);
        amounts.forEach((amount, i) => {
          expect(typeof amount === 'number').toBe(
            Number.isSafeInteger(Number(values[i])) && BigInt(Number(values[i])) === values[i],
          );
          expect(formatScaled(amount, scale)).toBe(formatFixed({ n: values[i]!, scale }));
        });
        const total = values.reduce((a, b) => a + b, 0n);
        expect(sumAmounts(amounts)).toBe(total);
        expect(BigInt(amounts.reduce(addAmounts, 0))).toBe(total);
        expect(addAmounts(0, toAmount(total))).toBe(toAmount(total));
        const issues = new IssueList();
        const text = formatMinor(values[0] ?? 0n, 2);
        expect(BigInt(readAmount(text, 2, ['x'], issues))).toBe(values[0] ?? 0n);
        expect(readAmount(`${text}1`, 2, ['x'], issues)).toBe(0);
        expect(issues.items.map((issue) => issue.code)).toEqual(['INVALID_AMOUNT']);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('splitAmounts = allocateScaled: the same parts, unallocated, caps and rounds', () => {
    const weightArb = fc.oneof(
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 2 ** 44 }),
      fc.bigInt({ min: 0n, max: 2n ** 70n }),
    );
    fc.assert(
      fc.property(
        fc.array(weightArb, { minLength: 1, maxLength: 20 }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.boolean(),
        (raw, total, withCaps) => {
          const weights = raw.map((w) => toAmount(BigInt(w)));
          const ids = weights.map((_, i) => `p${String(i).padStart(2, '0')}`);
          const caps = withCaps ? weights.map((_, i) => (i % 3 === 0 ? total / 7n : undefined)) : undefined;
          const core = allocateScaled(total, { kind: 'bigint', values: weights.map(BigInt) }, ids, caps);
          const split = splitAmounts(total, weights, ids, caps);
          expect(split === undefined).toBe(core === undefined);
          if (split === undefined || core === undefined) return;
          expect(Array.from(split.parts, BigInt)).toEqual(Array.from(core.parts, BigInt));
          expect([split.unallocated, Array.from(split.capped), split.rounds]).toEqual([
            core.unallocated,
            Array.from(core.capped),
            core.rounds,
          ]);
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  it('epochDay: the difference of two dates is their distance in calendar days (date-fns)', () => {
    const dateArb = fc
      .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        expect(epochDay(b) - epochDay(a)).toBe(differenceInCalendarDays(parseISO(b), parseISO(a)));
      }),
      { numRuns: runs(2000) },
    );
  });
});

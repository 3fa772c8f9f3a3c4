import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateScaled, idOrder } from '../../src/core/allocate.js';
import { splitByWeights } from '../../src/pool/carveSplit.js';
import { decimalProblem } from '../../src/core/decimalInput.js';
import { formatMinor, parseMinor } from '../../src/core/money.js';
import { IdKeys, sortedIdOrder } from '../../src/pool/idSort.js';
import { formatMinorNumber, isCanonicalMoney, minorNumber, ratioText } from '../../src/pool/minor.js';
import { allocatePool, carvePool, SynergyPayError } from '../../src/index.js';
import { runs } from '../helpers.js';

/** The pool's fast paths must agree with the core's reference implementations. */
describe('pool hot paths agree with the core', () => {
  it('sortedIdOrder (radix) = idOrder (comparison), equal ids in input order', () => {
    const idArb = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.integer({ min: 0, max: 999 }).map((i) => `fl${String(i).padStart(4, '0')}`),
    );
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 300 }), (ids) => {
        expect(Array.from(sortedIdOrder(ids))).toEqual(Array.from(idOrder(ids)));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('sortedIdOrder = idOrder for ids longer than 32 units (the MSD path) and mixed lengths', () => {
    const longArb = fc.oneof(
      fc
        .tuple(fc.constantFrom('x'.repeat(31), 'y'.repeat(33)), fc.string({ maxLength: 3 }))
        .map(([prefix, tail]) => prefix + tail),
      fc.string({ maxLength: 2 }),
      fc.integer({ min: 0, max: 99 }).map((i) => `${'z'.repeat(40)}${i}`),
    );
    fc.assert(
      fc.property(fc.array(longArb, { minLength: 40, maxLength: 300 }), (ids) => {
        expect(Array.from(sortedIdOrder(ids))).toEqual(Array.from(idOrder(ids)));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('IdKeys.duplicates reports every repeat of an id once, and nothing else', () => {
    const idArb = fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 2 }),
      fc.constant('x'.repeat(40)),
      fc.constant('\uffff'),
    );
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 200 }), (ids) => {
        const keys = new IdKeys(ids.length);
        ids.forEach((id, i) => {
          keys.add(i, id);
        });
        const repeats: number[] = [];
        keys.duplicates(ids, keys.order(ids), (i, previous) => {
          expect(ids[previous]).toBe(ids[i]);
          repeats.push(i);
        });
        const seen = new Set<string>();
        const expected = ids.flatMap((id, i) => (seen.has(id) ? [i] : (seen.add(id), [])));
        expect(repeats.sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: runs(1000) },
    );
  });

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

  it('rows of any shape give a result or a SynergyPayError, never a crash (fast check vs schema)', () => {
    const valueArb = fc.oneof(
      fc.constant('1.00'),
      fc.constant(-2),
      fc.constant('x'),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant('USD'),
      fc.constant('CNY'),
      fc.constant([]),
    );
    const rowArb = fc.record(
      {
        id: fc.oneof(fc.constant('a'), fc.constant(''), fc.constant(1)),
        amount: valueArb,
        currency: valueArb,
        extra: valueArb,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(rowArb, (row) => {
        const outcome = (run: () => unknown) => {
          try {
            run();
            return 'ok';
          } catch (error) {
            return error instanceof SynergyPayError ? error.code : 'crash';
          }
        };
        const carve = outcome(() =>
          carvePool({ currency: 'CNY', rate: '0.1', clawbackPolicy: 'net', commissions: [row as never] }),
        );
        expect(carve).not.toBe('crash');
        const share = outcome(() =>
          allocatePool({
            pool: '1.00',
            currency: 'CNY',
            recipients: [{ id: 'a', score: row.amount, cap: row.currency } as never],
          }),
        );
        expect(share).not.toBe('crash');
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('splitByWeights (carve on plain numbers) = the core allocation', () => {
  it('gives the same parts as allocateScaled, beyond 2^53 products too', () => {
    const weightArb = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 44 }));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 }),
        fc.array(weightArb, { minLength: 40, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ids, raw, fraction) => {
          const weights = Float64Array.from(ids.map((_, i) => raw[i] as number));
          const sum = weights.reduce((a, b) => a + b, 0);
          fc.pre(sum > 0 && sum <= 2 ** 49);
          const total = Math.floor(sum * fraction);
          const fast = splitByWeights(total, weights, ids);
          const core = allocateScaled(
            BigInt(total),
            { kind: 'bigint', values: Array.from(weights, (w) => BigInt(w)) },
            ids,
          );
          expect(fast).toBeDefined();
          expect(Array.from(fast?.parts ?? [], (part) => BigInt(part))).toEqual(
            Array.from(core?.parts ?? [], (part) => BigInt(part)),
          );
          // The round it reports is the core's only round (no caps): leftover units and shares.
          const round = core?.rounds[0];
          if (round === undefined) expect(fast?.leftover).toBe(0);
          else
            expect([fast?.leftover, fast?.positive, BigInt(fast?.weightSum ?? -1), core?.rounds.length]).toEqual([
              round.leftover,
              round.shares,
              round.weightSum,
              1,
            ]);
        },
      ),
      { numRuns: runs(2000) },
    );
  });
});

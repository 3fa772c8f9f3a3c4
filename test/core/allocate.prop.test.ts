import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/index.js';
import { runs } from '../helpers.js';

// ── independent oracle: BigInt fractions written here, not the library's helpers ──────────────
/** A decimal string as an exact fraction n / 10^k. */
function fraction(text: string): { n: bigint; d: bigint } {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole = '0', frac = ''] = body.split('.');
  const n = BigInt(whole + frac);
  return { n: negative ? -n : n, d: 10n ** BigInt(frac.length) };
}
/** Minor units of a 2-dp money string. */
const fen = (text: string): bigint => {
  const { n, d } = fraction(text);
  return (n * 100n) / d;
};

// ── arbitraries ─────────────────────────────────────────────────────────────────────────────
/** Decimal weight strings ≥ 0 with up to 6 decimals (sometimes zero). */
const weightArb = fc.oneof(
  fc.constant('0'),
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 0, max: 6 })).map(([units, scale]) => {
    const text = units.toString().padStart(scale + 1, '0');
    return scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
  }),
);
/** Totals in fen, including beyond 2^53. */
const totalArb = fc.oneof(
  fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
);
const sharesArb = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), weight: weightArb }), {
  minLength: 1,
  maxLength: 25,
  selector: (share) => share.id,
});
const money = (minor: bigint): string => {
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
};
const hasPositive = (shares: { weight: string }[]) => shares.some((share) => fraction(share.weight).n > 0n);

describe('allocate properties (SPEC §2.1)', () => {
  it('conserves: Σ parts + unallocated = total, and each part is within one fen of its exact share', () => {
    fc.assert(
      fc.property(totalArb, sharesArb, (total, shares) => {
        fc.pre(hasPositive(shares));
        const result = allocate({ total: money(total), currency: 'CNY', shares });
        const parts = new Map(result.parts.map((part) => [part.id, fen(part.amount)]));
        const sum = [...parts.values()].reduce((a, b) => a + b, 0n) + fen(result.unallocated);
        expect(sum).toBe(total);
        expect(fen(result.unallocated)).toBe(0n);
        // Exact share: total × wᵢ / W with all weights over the common denominator 10^6.
        const scaled = shares.map((share) => {
          const { n, d } = fraction(share.weight);
          return (n * 10n ** 6n) / d;
        });
        const weightSum = scaled.reduce((a, b) => a + b, 0n);
        shares.forEach((share, i) => {
          const part = parts.get(share.id) as bigint;
          // |part − total·wᵢ/W| < 1  ⇔  |part·W − total·wᵢ| < W
          const gap = part * weightSum - total * (scaled[i] as bigint);
          expect(gap < 0n ? -gap : gap).toBeLessThan(weightSum);
        });
      }),
      { numRuns: runs(1000) },
    );
  });

  it('never gives a larger weight less (for positive totals)', () => {
    fc.assert(
      fc.property(
        totalArb.map((t) => (t < 0n ? -t : t)),
        sharesArb,
        (total, shares) => {
          fc.pre(hasPositive(shares));
          const result = allocate({ total: money(total), currency: 'CNY', shares });
          const rows = result.parts.map((part) => ({ w: fraction(part.weight), amount: fen(part.amount) }));
          for (const a of rows)
            for (const b of rows) if (a.w.n * b.w.d > b.w.n * a.w.d) expect(a.amount).toBeGreaterThanOrEqual(b.amount);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('is invariant under scaling every weight by the same c > 0', () => {
    fc.assert(
      fc.property(
        totalArb,
        sharesArb,
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 3 }),
        (total, shares, c, shift) => {
          fc.pre(hasPositive(shares));
          // c / 10^shift as an exact decimal factor
          const scale = (weight: string): string => {
            const { n, d } = fraction(weight);
            const numerator = n * BigInt(c);
            const denominator = d * 10n ** BigInt(shift);
            const digits = denominator.toString().length - 1;
            const text = numerator.toString().padStart(digits + 1, '0');
            return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
          };
          const base = allocate({ total: money(total), currency: 'CNY', shares });
          const scaled = allocate({
            total: money(total),
            currency: 'CNY',
            shares: shares.map((s) => ({ id: s.id, weight: scale(s.weight) })),
          });
          expect(scaled.parts.map((p) => p.amount)).toEqual(base.parts.map((p) => p.amount));
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('gives byte-identical output whatever the order of the shares', () => {
    fc.assert(
      fc.property(
        totalArb,
        sharesArb.chain((shares) =>
          fc.tuple(
            fc.constant(shares),
            fc.shuffledSubarray(shares, { minLength: shares.length, maxLength: shares.length }),
          ),
        ),
        (total, [shares, shuffled]) => {
          fc.pre(hasPositive(shares));
          expect(JSON.stringify(allocate({ total: money(total), currency: 'CNY', shares: shuffled }))).toBe(
            JSON.stringify(allocate({ total: money(total), currency: 'CNY', shares })),
          );
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('splits a negative total as the negation of the positive one', () => {
    fc.assert(
      fc.property(totalArb, sharesArb, (total, shares) => {
        fc.pre(hasPositive(shares));
        const positive = allocate({ total: money(total < 0n ? -total : total), currency: 'CNY', shares });
        const negative = allocate({ total: money(total < 0n ? total : -total), currency: 'CNY', shares });
        expect(negative.parts.map((p) => -fen(p.amount))).toEqual(positive.parts.map((p) => fen(p.amount)));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('with caps: conserves, never exceeds a cap, and leaves unallocated only when every positive share is capped', () => {
    const capped = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        weight: weightArb,
        cap: fc.option(fc.bigInt({ min: 0n, max: 10n ** 7n }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 20, selector: (share) => share.id },
    );
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 8n), max: 10n ** 8n }), capped, (total, rows) => {
        const shares = rows.map((row) =>
          row.cap === undefined
            ? { id: row.id, weight: row.weight }
            : { id: row.id, weight: row.weight, cap: money(row.cap) },
        );
        fc.pre(hasPositive(shares));
        const result = allocate({ total: money(total), currency: 'CNY', shares });
        const sum = result.parts.reduce((a, part) => a + fen(part.amount), 0n) + fen(result.unallocated);
        expect(sum).toBe(total);
        const byId = new Map(rows.map((row) => [row.id, row]));
        let allPositiveCapped = true;
        for (const part of result.parts) {
          const row = byId.get(part.id);
          const magnitude = fen(part.amount) < 0n ? -fen(part.amount) : fen(part.amount);
          if (row?.cap !== undefined) expect(magnitude).toBeLessThanOrEqual(row.cap);
          if (fraction(part.weight).n > 0n && !part.capped) allPositiveCapped = false;
        }
        if (fen(result.unallocated) !== 0n) expect(allPositiveCapped).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('the fast share pre-check agrees with the schema', () => {
  it('accepts a row only if allocateShareSchema accepts it', async () => {
    // The hand-written `sharesLookValid` became the core row reader's check compiled from the schema.
    const { allocateShareSchema } = await import('../../src/core/allocate.js');
    const { compileCheck } = await import('../../src/core/rows.js');
    const sharesLookValid = (rows: unknown[]) => rows.every(compileCheck(allocateShareSchema)!);
    const decimalish = fc.oneof(
      fc.constantFrom('1', '0', '-0', '-1', '1.5', '01', '1e3', ' 1', '', '1,0', 'x', '0.000', '-0.00'),
      fc.double(),
      fc.integer(),
      fc.constant(2 ** 53),
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
    );
    const row = fc.oneof(
      fc.record(
        {
          id: fc.oneof(fc.string({ maxLength: 3 }), fc.constant('x'.repeat(201)), fc.integer()),
          weight: decimalish,
          cap: decimalish,
        },
        { requiredKeys: [] },
      ),
      fc.dictionary(fc.constantFrom('id', 'weight', 'cap', 'extra', '__proto__', 'constructor'), decimalish),
      fc.constantFrom(null, 1, 'a', [] as unknown),
    );
    fc.assert(
      fc.property(row, (candidate) => {
        if (sharesLookValid([candidate])) expect(allocateShareSchema.safeParse(candidate).success).toBe(true);
      }),
      { numRuns: runs(5000) },
    );
  });
});

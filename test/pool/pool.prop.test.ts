import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePool, carvePool, type AllocatePoolInput } from '../../src/index.js';
import { runs } from '../helpers.js';

// ── independent oracle: BigInt fractions written here, not the library's helpers ──────────────
/** A decimal string as an exact fraction n / d. */
function fraction(text: string): { n: bigint; d: bigint } {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole = '0', frac = ''] = body.split('.');
  const n = BigInt(whole + frac);
  return { n: negative ? -n : n, d: 10n ** BigInt(frac.length) };
}
/** Fen of a 2-dp money string. */
const fen = (text: string): bigint => {
  const { n, d } = fraction(text);
  return (n * 100n) / d;
};
const money = (minor: bigint): string => {
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
};
/** round half-up of n / d (d > 0). */
const roundHalfUp = (n: bigint, d: bigint): bigint => {
  const negative = n < 0n;
  const m = negative ? -n : n;
  const r = m / d + ((m % d) * 2n >= d ? 1n : 0n);
  return negative ? -r : r;
};
/** |part − M·w/W| < 1 ⇔ |part·W − M·w| < W. */
const withinOneUnit = (part: bigint, total: bigint, weight: bigint, weightSum: bigint): boolean => {
  const gap = part * weightSum - total * weight;
  return (gap < 0n ? -gap : gap) < weightSum;
};
const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

// ── arbitraries ─────────────────────────────────────────────────────────────────────────────
/** Up to 10^12 yuan (10^14 fen), small amounts often. */
const fenArb = fc.oneof(fc.bigInt({ min: 0n, max: 100_000n }), fc.bigInt({ min: 0n, max: 10n ** 14n }));
const rateArb = fc.integer({ min: 0, max: 10_000 }).map((bp) => (bp / 10_000).toFixed(4));
const idsArb = (min: number, max: number) =>
  fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: min, maxLength: max });
/** Scores 0–120 with 0–3 decimals. */
const scoreArb = fc
  .tuple(fc.integer({ min: 0, max: 120_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([milli, places]) => (Math.round(milli / 10 ** (3 - places)) / 10 ** places).toFixed(places));

describe('carvePool properties', () => {
  const commissionsArb = idsArb(1, 30).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          amount: fc.tuple(fenArb, fc.boolean()).map(([f, negative]) => money(negative && f % 7n === 0n ? -f : f)),
          clawbacks: fc.array(
            fc.record({
              id: fc.string({ minLength: 1, maxLength: 3 }),
              amount: fenArb.map((f) => money(-f)),
              rate: rateArb,
            }),
            { maxLength: 2 },
          ),
        }),
      ),
    ),
  );

  it('pooled: Σ net + pool = Σ gross; pool = round(p · Σ base); each share within one fen of its exact share', () => {
    fc.assert(
      fc.property(
        commissionsArb,
        rateArb,
        fc.constantFrom<'net' | 'reverse'>('net', 'reverse'),
        (rows, rate, policy) => {
          const commissions = rows.map((row) => ({
            ...row,
            amount: policy === 'reverse' && row.amount.startsWith('-') ? row.amount.slice(1) : row.amount,
            clawbacks: row.clawbacks.filter((c, i, all) => all.findIndex((d) => d.id === c.id) === i),
          }));
          const result = carvePool({
            currency: 'CNY',
            rate,
            clawbackPolicy: policy,
            commissions,
            contributionRounding: 'pooled',
          });
          const grossOf = (row: (typeof commissions)[number]) =>
            fen(row.amount) + sum(row.clawbacks.map((c) => fen(c.amount)));
          const gross = commissions.map(grossOf);
          expect(fen(result.gross)).toBe(sum(gross));
          expect(fen(result.net) + fen(result.pool)).toBe(fen(result.gross));
          expect(sum(result.contributions.map((row) => fen(row.net))) + fen(result.pool)).toBe(sum(gross));
          const bases = commissions.map((row, i) =>
            policy === 'reverse' ? fen(row.amount) : (gross[i] as bigint) > 0n ? (gross[i] as bigint) : 0n,
          );
          const p = fraction(rate);
          const carved = roundHalfUp(p.n * sum(bases), p.d);
          expect(fen(result.carved)).toBe(carved);
          const byId = new Map(result.contributions.map((row) => [row.id, row]));
          commissions.forEach((row, i) => {
            const out = byId.get(row.id);
            expect(out?.rate).toBe(rate);
            expect(
              withinOneUnit(fen(out?.share as string), carved, bases[i] as bigint, sum(bases) === 0n ? 1n : sum(bases)),
            ).toBe(true);
            if (policy === 'reverse') {
              // Each reversal at the sale's own rate: round(rate₀ × clawback).
              row.clawbacks.forEach((c, k) => {
                const r = fraction(c.rate);
                expect(out?.reversals[k]?.rate).toBe(c.rate);
                expect(fen(out?.reversals[k]?.amount as string)).toBe(roundHalfUp(r.n * fen(c.amount), r.d));
              });
            }
          });
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('per person (the default): correcting k rows changes the contributions of those rows only', () => {
    fc.assert(
      fc.property(
        fc.array(fenArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fenArb), { minLength: 1, maxLength: 5 }),
        rateArb,
        (amounts, edits, rate) => {
          const paid = amounts.map((amount, i) => ({ id: `fl${String(i).padStart(3, '0')}`, amount: money(amount) }));
          const corrected = paid.map((row) => ({ ...row }));
          const touched = new Set<string>();
          for (const [at, amount] of edits) {
            const row = corrected[at % corrected.length]!;
            row.amount = money(amount);
            touched.add(row.id);
          }
          const before = carvePool({ currency: 'CNY', rate, commissions: paid, trace: false });
          const after = carvePool({ currency: 'CNY', rate, commissions: corrected, trace: false });
          after.contributions.forEach((row, i) => {
            if (!touched.has(row.id)) expect(row.contribution, row.id).toBe(before.contributions[i]?.contribution);
          });
          expect(fen(after.net) + fen(after.pool)).toBe(fen(after.gross));
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it('per person: one refund among 3,000 contributors changes that person’s contribution and nobody else’s', () => {
    const paid = Array.from({ length: 3000 }, (_, i) => ({
      id: `fl${String(i).padStart(4, '0')}`,
      amount: money(BigInt(1_000_00 + ((i * 7919) % 50_000_00)) + 33n),
    }));
    const corrected = paid.map((row, i) => (i === 1234 ? { ...row, amount: '0.00' } : row));
    const before = carvePool({ currency: 'CNY', rate: '0.1234', commissions: paid });
    const after = carvePool({ currency: 'CNY', rate: '0.1234', commissions: corrected });
    const changed = after.contributions.filter((row, i) => row.contribution !== before.contributions[i]?.contribution);
    expect(changed.map((row) => [row.id, row.contribution])).toEqual([['fl1234', '0.00']]);
    const refunded = before.contributions.find((row) => row.id === 'fl1234')!;
    expect(fen(before.pool) - fen(after.pool)).toBe(fen(refunded.contribution));
  });

  it('the output does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        idsArb(1, 20),
        fc.array(fenArb, { minLength: 20, maxLength: 20 }),
        rateArb,
        fc.integer(),
        (ids, amounts, rate, seed) => {
          const commissions = ids.map((id, i) => ({ id, amount: money(amounts[i] as bigint) }));
          const shuffled = [...commissions].sort(
            (a, b) => ((a.id.charCodeAt(0) * 31 + seed) % 17) - ((b.id.charCodeAt(0) * 31 + seed) % 17),
          );
          expect(JSON.stringify(carvePool({ currency: 'CNY', rate, commissions: shuffled }))).toBe(
            JSON.stringify(carvePool({ currency: 'CNY', rate, commissions })),
          );
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('pooled: conserves with 10^5 people and amounts up to 10^12 yuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), rateArb, (seed, rate) => {
        let state = seed;
        const next = () => (state = (state * 48_271) % 2_147_483_647);
        const commissions = Array.from({ length: 100_000 }, (_, i) => ({
          id: `p${i}`,
          amount: money((BigInt(next()) * BigInt(next())) % 10n ** 14n),
        }));
        const result = carvePool({ currency: 'CNY', rate, commissions, trace: false, contributionRounding: 'pooled' });
        const total = sum(commissions.map((row) => fen(row.amount)));
        expect(fen(result.gross)).toBe(total);
        expect(sum(result.contributions.map((row) => fen(row.net))) + fen(result.pool)).toBe(total);
        expect(fen(result.pool)).toBe(roundHalfUp(fraction(rate).n * total, fraction(rate).d));
      }),
      { numRuns: 3 },
    );
  });
});

describe('allocatePool properties', () => {
  const recipientsArb = idsArb(1, 25).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          score: scoreArb,
          fte: fc.integer({ min: 0, max: 100 }).map((c) => (c / 100).toFixed(2)),
        }),
      ),
    ),
  );
  const poolArb = fenArb.map(money);
  const floorArb = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 }));
  /** Score rounded half-up to 2 dp, as an integer of hundredths (the oracle's own rounding). */
  const hundredths = (score: string): bigint => {
    const { n, d } = fraction(score);
    return roundHalfUp(n * 100n, d);
  };

  it('linear: Σ awards + unallocated = pool; weight = basis × score; every award within one fen of its exact share', () => {
    fc.assert(
      fc.property(
        poolArb,
        recipientsArb,
        floorArb,
        fc.constantFrom<'one' | 'fte'>('one', 'fte'),
        (pool, recipients, floor, basis) => {
          const result = allocatePool({ pool, currency: 'CNY', recipients, floor, basis });
          const P = fen(pool);
          expect(sum(result.awards.map((row) => fen(row.award))) + fen(result.unallocated)).toBe(P);
          expect(fen(result.awarded) + fen(result.unallocated)).toBe(P);
          // Oracle weights at scale 10^4: score (hundredths) × fte (hundredths); 0 below the floor.
          const weights = recipients.map((r) =>
            hundredths(r.score) >= BigInt(floor) * 100n
              ? hundredths(r.score) * (basis === 'fte' ? fen(r.fte) : 100n)
              : 0n,
          );
          const W = sum(weights);
          const byId = new Map(result.awards.map((row) => [row.id, row]));
          recipients.forEach((r, i) => {
            const out = byId.get(r.id);
            const w = fraction(out?.weight as string);
            expect(w.n * 10_000n).toBe((weights[i] as bigint) * w.d); // printed weight = oracle weight
            if (W > 0n) expect(withinOneUnit(fen(out?.award as string), P, weights[i] as bigint, W)).toBe(true);
            else expect(out?.award).toBe('0.00');
          });
          if (W === 0n) expect(result.unallocated).toBe(pool);
          else expect(result.unallocated).toBe('0.00');
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('a higher score never earns less (linear, power, elasticity; same basis, no caps)', () => {
    const weightingArb = fc.constantFrom<AllocatePoolInput['weighting']>(
      { kind: 'linear' },
      { kind: 'power', exponent: '2.5' },
      { kind: 'power', exponent: '0.5' },
      { kind: 'elasticity', scoreChange: '0.10', awardChange: '0.15' },
    );
    fc.assert(
      fc.property(poolArb, recipientsArb, floorArb, weightingArb, (pool, recipients, floor, weighting) => {
        // Elasticity refuses scores that round to zero: lift them to the smallest positive score.
        const positive = recipients.map((r) => ({ id: r.id, score: hundredths(r.score) === 0n ? '0.01' : r.score }));
        const result = allocatePool({ pool, currency: 'CNY', recipients: positive, floor, weighting });
        const rows = result.awards.map((row) => ({ score: fraction(row.score), award: fen(row.award) }));
        for (const a of rows)
          for (const b of rows)
            if (a.score.n * b.score.d > b.score.n * a.score.d) expect(a.award).toBeGreaterThanOrEqual(b.award);
        expect(fen(result.awarded) + fen(result.unallocated)).toBe(fen(pool));
        // Irrational weights are exact on their printed (rounded) values: check against them.
        const weights = result.awards.map((row) => fraction(row.weight));
        const scale = 10n ** 6n;
        const scaled = weights.map((w) => (w.n * scale) / w.d);
        const W = sum(scaled);
        if (W > 0n)
          result.awards.forEach((row, i) => {
            expect(withinOneUnit(fen(row.award), fen(pool), scaled[i] as bigint, W)).toBe(true);
          });
        if (weighting?.kind !== 'linear')
          result.awards.forEach((row) => {
            if (!row.eligible) return;
            const e = Number(result.weighting.exponent);
            expect(Math.abs(Number(row.weight) - Number(row.score) ** e)).toBeLessThanOrEqual(
              5e-7 + Number(row.weight) * 1e-12,
            );
          });
      }),
      { numRuns: runs(1000) },
    );
  });

  it('caps are never exceeded; Σ awards + unallocated = pool', () => {
    fc.assert(
      fc.property(
        poolArb,
        recipientsArb,
        fc.array(
          fc.option(
            fenArb.map((f) => f % 10_000_000n),
            { nil: undefined },
          ),
          { minLength: 25, maxLength: 25 },
        ),
        (pool, recipients, caps) => {
          const capped = recipients.map((r, i) =>
            caps[i] === undefined ? { id: r.id, score: r.score } : { id: r.id, score: r.score, cap: money(caps[i]) },
          );
          const result = allocatePool({ pool, currency: 'CNY', recipients: capped });
          expect(sum(result.awards.map((row) => fen(row.award))) + fen(result.unallocated)).toBe(fen(pool));
          const byId = new Map(result.awards.map((row) => [row.id, row]));
          for (const r of capped)
            if ('cap' in r) expect(fen(byId.get(r.id)?.award as string)).toBeLessThanOrEqual(fen(r.cap));
          // Something stays unallocated only when every recipient with weight is at its cap.
          if (fen(result.unallocated) > 0n)
            for (const row of result.awards) if (row.weight !== '0') expect(row.capped).toBe(true);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('proration by days never pays for days outside employment', () => {
    const day = 86_400_000;
    const dateArb = fc
      .integer({ min: 0, max: 730 })
      .map((d) => new Date(Date.UTC(2025, 0, 1) + d * day).toISOString().slice(0, 10));
    const personArb = fc.record({
      score: scoreArb,
      a: fc.option(dateArb, { nil: undefined }),
      b: fc.option(dateArb, { nil: undefined }),
    });
    fc.assert(
      fc.property(
        poolArb,
        fc.tuple(dateArb, dateArb),
        fc.array(personArb, { minLength: 1, maxLength: 15 }),
        (pool, [p1, p2], people) => {
          const period = p1 <= p2 ? { start: p1, end: p2 } : { start: p2, end: p1 };
          const recipients = people.map((person, i) => {
            const [start, end] =
              person.a !== undefined && person.b !== undefined && person.b < person.a
                ? [person.b, person.a]
                : [person.a, person.b];
            return {
              id: `r${i}`,
              score: person.score,
              ...(start === undefined ? {} : { start }),
              ...(end === undefined ? {} : { end }),
            };
          });
          const result = allocatePool({ pool, currency: 'CNY', basis: 'days', period, recipients });
          const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
          recipients.forEach((r) => {
            const out = result.awards.find((row) => row.id === r.id);
            const from = Math.max(utc(r.start ?? period.start), utc(period.start));
            const to = Math.min(utc(r.end ?? period.end), utc(period.end));
            const days = to < from ? 0 : (to - from) / day + 1;
            expect(Number(out?.basis)).toBe(days); // never a day outside [start, end] ∩ period
            if (days === 0) expect(out?.award).toBe('0.00');
          });
          expect(fen(result.awarded) + fen(result.unallocated)).toBe(fen(pool));
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('two levels: each level is exact', () => {
    fc.assert(
      fc.property(
        poolArb,
        recipientsArb,
        fc.array(scoreArb, { minLength: 1, maxLength: 4 }),
        floorArb,
        (pool, recipients, unitScores, floor) => {
          const units = unitScores.map((score, u) => ({ id: `u${u}`, score }));
          const members = recipients.map((r, i) => ({ id: r.id, score: r.score, unit: `u${i % units.length}` }));
          const result = allocatePool({ pool, currency: 'CNY', units, recipients: members, floor });
          const unitRows = result.units ?? [];
          const level1 = sum(unitRows.map((unit) => fen(unit.amount)));
          expect(level1 === fen(pool) || level1 === 0n).toBe(true);
          for (const unit of unitRows) {
            const mine = result.awards.filter((row) => row.unit === unit.id);
            expect(sum(mine.map((row) => fen(row.award)))).toBe(fen(unit.awarded));
            expect(fen(unit.awarded) + fen(unit.unallocated)).toBe(fen(unit.amount));
          }
          expect(fen(result.awarded) + fen(result.unallocated)).toBe(fen(pool));
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('with 10^5 people: conserves and every award is within one fen of its exact share', () => {
    fc.assert(
      // The Lehmer generator's state lives in 1 … 2^31 − 2: a seed of 2^31 − 1 would be 0 forever.
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 2 }), fenArb, (seed, poolFen) => {
        let state = seed;
        const next = () => (state = (state * 48_271) % 2_147_483_647);
        const recipients = Array.from({ length: 100_000 }, (_, i) => ({
          id: `b${i}`,
          score: ((next() % 10_001) / 100).toFixed(2),
        }));
        const result = allocatePool({ pool: money(poolFen), currency: 'CNY', recipients, floor: 60, trace: false });
        const weights = recipients.map((r) => (fen(r.score) >= 6000n ? fen(r.score) : 0n));
        const W = sum(weights);
        const byId = new Map(result.awards.map((row) => [row.id, row]));
        let total = 0n;
        recipients.forEach((r, i) => {
          const award = fen(byId.get(r.id)?.award as string);
          total += award;
          if (W === 0n ? award !== 0n : !withinOneUnit(award, poolFen, weights[i] as bigint, W))
            expect.fail(`${r.id} is more than one fen off`);
        });
        expect(total + fen(result.unallocated)).toBe(poolFen);
      }),
      { numRuns: 3 },
    );
  });
});

describe('oracle self-check', () => {
  it('rounds half-up away from zero', () => {
    expect([roundHalfUp(5n, 2n), roundHalfUp(-5n, 2n), roundHalfUp(4n, 3n), roundHalfUp(5n, 3n)]).toEqual([
      3n,
      -3n,
      1n,
      2n,
    ]);
  });
});

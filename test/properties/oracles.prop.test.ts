/**
 * Differential oracles (issue 9 §2): money results of the public functions checked against the
 * independent BigInt-fraction computations of `test/arbitraries/oracle.ts`, including rounding
 * at each declared point (money to minor units, coefficients 4 dp, scores 2 dp), in CNY (2
 * digits), JPY (0) and KWD (3), half-up and half-even.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, applyRateTable, creditFacts, settleInterlock, tierScore, type TierTable } from '../../src/index.js';
import { runs } from '../helpers.js';
import {
  currencyArb,
  decimalText,
  fraction,
  hamilton,
  minorOf,
  moneyCase,
  moneyText,
  roundDiv,
  roundFraction,
  same,
  sharesArb,
  sum,
  unitSharesArb,
} from '../arbitraries/index.js';
import { expectPlainResult } from './hygiene.js';

const modeArb = fc.constantFrom('halfUp' as const, 'halfEven' as const);

describe('differential oracles: money against exact BigInt fractions', () => {
  it('allocate gives exactly the Hamilton split of the oracle (floors, largest remainders, tie rule) in CNY, JPY and KWD', () => {
    fc.assert(
      fc.property(moneyCase(), sharesArb(), ({ currency, digits, minor, total }, shares) => {
        const expected = hamilton(
          minor,
          shares.map((share) => fraction(share.weight)),
          shares.map((share) => share.id),
        );
        fc.pre(expected !== undefined);
        const result = allocate({ total, currency, shares });
        expectPlainResult(result, digits, ['total', 'amount', 'unallocated']);
        const byId = new Map(result.parts.map((part) => [part.id, minorOf(part.amount, digits)]));
        shares.forEach((share, i) => {
          expect(byId.get(share.id), share.id).toBe(expected[i]);
        });
        expect(minorOf(result.unallocated, digits)).toBe(0n);
        expect(result.parts.map((part) => part.id)).toEqual(shares.map((share) => share.id).sort());
      }),
      { numRuns: runs(1000) },
    );
  });

  it('allocate with every weight zero and whenNoWeight "unallocated" pays nobody and reports the whole total', () => {
    fc.assert(
      fc.property(moneyCase(), fc.integer({ min: 0, max: 6 }), ({ currency, digits, minor, total }, n) => {
        const shares = Array.from({ length: n }, (_, i) => ({ id: `z${i}`, weight: i % 2 === 0 ? '0' : '0.000' }));
        const result = allocate({ total, currency, shares, whenNoWeight: 'unallocated' });
        expect(minorOf(result.unallocated, digits)).toBe(minor);
        for (const part of result.parts) expect(minorOf(part.amount, digits)).toBe(0n);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('applyRateTable retroactive = round(amount × rate of the reached band) to the minor unit; effective rate = round(commission / amount, 4)', () => {
    const tableArb = fc
      .record({
        direction: fc.constantFrom('lowerIsBetter' as const, 'higherIsBetter' as const),
        bounds: fc.uniqueArray(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 4 }),
        rates: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 5 }),
      })
      .map(({ direction, bounds, rates }) => {
        const ordered = bounds.sort((a, b) => a - b);
        if (direction === 'higherIsBetter') ordered.reverse();
        const bandRates = rates.slice(0, ordered.length + 1).sort((a, b) => b - a);
        return { direction, bounds: ordered, rates: bandRates };
      });
    fc.assert(
      fc.property(
        tableArb,
        currencyArb,
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        modeArb,
        ({ direction, bounds, rates }, { currency, digits }, minor, mode) => {
          const table: TierTable = {
            direction,
            bands: rates.map((rate, i) =>
              i < bounds.length
                ? { bound: String(bounds[i]), score: decimalText(BigInt(rate), 4) }
                : { score: decimalText(BigInt(rate), 4) },
            ),
          };
          const amount = moneyText(minor, digits);
          const result = applyRateTable({ table, amount, currency, method: 'retroactive', rounding: { mode } });
          expectPlainResult(result, digits, ['amount', 'base']);
          // Reached band, from the definition: lowerIsBetter → first inclusive upper bound ≥ amount;
          // higherIsBetter → first inclusive lower bound ≤ amount; else the open last band.
          const scale = 10n ** BigInt(digits);
          let band = bounds.findIndex((bound) =>
            direction === 'lowerIsBetter' ? minor <= BigInt(bound) * scale : minor >= BigInt(bound) * scale,
          );
          if (band < 0) band = bounds.length;
          const commission = roundDiv(minor * BigInt(rates[band] as number), 10_000n, mode);
          expect(minorOf(result.amount, digits)).toBe(commission);
          if (minor > 0n) {
            const expectedRate = roundFraction({ n: commission, d: minor }, 4, mode);
            expect(
              same(fraction(result.effectiveRate ?? 'NaN'), expectedRate),
              `${result.effectiveRate} vs ${expectedRate.n}/10^4`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('settleInterlock: achievement rounded to 4 dp, score = tierScore of the rounded achievement, parts = Hamilton splits, party totals reconcile', () => {
    const scoreTable: TierTable = {
      direction: 'higherIsBetter',
      bands: [{ bound: '1.2', score: 120 }, { bound: '1', score: 100 }, { bound: '0.8', score: '80.5' }, { score: 0 }],
    };
    const indicatorArb = fc.integer({ min: 1, max: 4 }).chain((k) =>
      fc.record({
        target: fc.integer({ min: 1, max: 10 ** 7 }),
        actual: fc.integer({ min: 0, max: 2 * 10 ** 7 }),
        weights: unitSharesArb(k),
        reward: fc.bigInt({ min: 0n, max: 10n ** 9n }),
        deduction: fc.bigInt({ min: 0n, max: 10n ** 8n }),
        rewardAt: fc.integer({ min: 80, max: 120 }),
        severeAt: fc.integer({ min: 0, max: 80 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(indicatorArb, { minLength: 1, maxLength: 3 }),
        currencyArb,
        modeArb,
        (rows, { currency, digits }, mode) => {
          const indicators = rows.map((row, i) => ({
            id: `k${i}`,
            target: String(row.target),
            actual: String(row.actual),
            // Parties overlap across indicators: p0, p1, … so totals sum over several indicators.
            parties: row.weights.map((weight, j) => ({ id: `p${j}`, weight })),
            scoreTable,
            reward: { threshold: decimalText(BigInt(row.rewardAt), 2), amount: moneyText(row.reward, digits) },
            severeMiss: {
              threshold: decimalText(BigInt(row.severeAt), 2),
              deduction: moneyText(row.deduction, digits),
            },
          }));
          const result = settleInterlock({ currency, indicators, rounding: { mode } });
          expectPlainResult(result, digits, ['reward', 'deduction', 'net']);
          const partyReward = new Map<string, bigint>();
          const partyDeduction = new Map<string, bigint>();
          for (const settled of result.indicators) {
            const i = Number(settled.id.slice(1));
            const row = rows[i] as (typeof rows)[number];
            const achievement = roundFraction({ n: BigInt(row.actual), d: BigInt(row.target) }, 4, mode);
            expect(same(fraction(settled.achievement), achievement), `achievement ${settled.achievement}`).toBe(true);
            expect(settled.score).toBe(
              tierScore({ table: scoreTable, value: settled.achievement, rounding: { mode } }).score,
            );
            const rewarded = achievement.n * 100n >= BigInt(row.rewardAt) * achievement.d;
            const severe = achievement.n * 100n < BigInt(row.severeAt) * achievement.d;
            expect(settled.rewarded).toBe(rewarded);
            expect(settled.severeMiss).toBe(severe);
            const weights = row.weights.map((w) => fraction(w));
            const ids = row.weights.map((_, j) => `p${j}`);
            const rewardParts = rewarded ? (hamilton(row.reward, weights, ids) ?? []) : ids.map(() => 0n);
            const deductionParts = severe ? (hamilton(row.deduction, weights, ids) ?? []) : ids.map(() => 0n);
            for (const party of settled.parties) {
              const j = Number(party.id.slice(1));
              expect(minorOf(party.reward, digits), `reward ${settled.id}/${party.id}`).toBe(rewardParts[j]);
              expect(minorOf(party.deduction, digits)).toBe(deductionParts[j]);
              expect(minorOf(party.net, digits)).toBe((rewardParts[j] as bigint) - (deductionParts[j] as bigint));
              partyReward.set(party.id, (partyReward.get(party.id) ?? 0n) + (rewardParts[j] as bigint));
              partyDeduction.set(party.id, (partyDeduction.get(party.id) ?? 0n) + (deductionParts[j] as bigint));
            }
          }
          for (const party of result.parties) {
            expect(minorOf(party.reward, digits)).toBe(partyReward.get(party.id));
            expect(minorOf(party.deduction, digits)).toBe(partyDeduction.get(party.id));
          }
          expect(minorOf(result.totals.reward, digits)).toBe(sum(partyReward.values()));
          expect(minorOf(result.totals.deduction, digits)).toBe(sum(partyDeduction.values()));
          expect(minorOf(result.totals.net, digits)).toBe(sum(partyReward.values()) - sum(partyDeduction.values()));
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('creditFacts: every member credit is the oracle sum of full credits and Hamilton split parts; each dimension credits the facts total', () => {
    const scenario = fc.integer({ min: 1, max: 3 }).chain((dimensionCount) =>
      fc.record({
        currency: currencyArb,
        sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: dimensionCount, maxLength: dimensionCount }),
        facts: fc.array(
          fc.record({
            amount: minorArbSmall,
            members: fc.array(
              fc.record({
                split: fc.boolean(),
                pick: fc.nat(),
                cuts: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 3, maxLength: 3 }),
              }),
              {
                minLength: dimensionCount,
                maxLength: dimensionCount,
              },
            ),
          }),
          { maxLength: 15 },
        ),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ currency: { currency, digits }, sizes, facts }) => {
        const expected = sizes.map((size) => Array.from({ length: size }, () => 0n));
        const input = {
          currency,
          dimensions: sizes.map((size, d) => ({
            id: `d${d}`,
            members: Array.from({ length: size }, (_, m) => ({ id: `m${m}` })),
          })),
          facts: facts.map((fact, f) => ({
            id: `f${f}`,
            amount: moneyText(fact.amount, digits),
            date: '2026-03-15',
            members: Object.fromEntries(
              sizes.map((size, d) => {
                const choice = fact.members[d] as (typeof fact.members)[number];
                if (!choice.split || size === 1) {
                  const m = choice.pick % size;
                  (expected[d] as bigint[])[m] = ((expected[d] as bigint[])[m] as bigint) + fact.amount;
                  return [`d${d}`, `m${m}`];
                }
                const points = [0, ...choice.cuts.slice(0, size - 1).sort((a, b) => a - b), 10_000];
                const shares = points.slice(1).map((point, j) => BigInt(point - (points[j] as number)));
                const ids = shares.map((_, m) => `m${m}`);
                const parts = hamilton(
                  fact.amount,
                  shares.map((n) => ({ n, d: 10_000n })),
                  ids,
                ) as bigint[];
                parts.forEach(
                  (part, m) => ((expected[d] as bigint[])[m] = ((expected[d] as bigint[])[m] as bigint) + part),
                );
                return [`d${d}`, ids.map((id, m) => ({ id, share: decimalText(shares[m] as bigint, 4) }))];
              }),
            ),
          })),
        };
        const result = creditFacts(input);
        expectPlainResult(result, digits, ['total', 'credited', 'amount', 'excluded']);
        const total = sum(facts.map((fact) => fact.amount));
        expect(minorOf(result.total, digits)).toBe(total);
        expect(minorOf(result.credited, digits)).toBe(total * BigInt(sizes.length));
        for (const dimension of result.dimensions) {
          const d = Number(dimension.id.slice(1));
          expect(minorOf(dimension.credited, digits)).toBe(total);
          for (const member of dimension.members)
            expect(minorOf(member.amount, digits), `${dimension.id}/${member.id}`).toBe(
              (expected[d] as bigint[])[Number(member.id.slice(1))],
            );
        }
      }),
      { numRuns: runs(1000) },
    );
  });
});

const minorArbSmall = fc.oneof(
  fc.bigInt({ min: -(10n ** 6n), max: 10n ** 8n }),
  fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }),
);

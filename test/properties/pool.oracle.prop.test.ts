/**
 * Differential oracles for the commission pool (SPEC §3.5, seed 001): carvePool and allocatePool
 * against BigInt fractions written in `test/arbitraries/oracle.ts` — the carve rounded once at
 * the declared point (pool = round(p · Σ base) in the plan's mode), contributions and awards by
 * largest remainder with the library's tie rule, net = gross − contribution, and
 * Σ net + pool = Σ gross; awards = Hamilton on basis × f(score) (f exact for linear and
 * square weighting), eligibility floor, Σ awards + unallocated = pool.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePool, carvePool } from '../../src/index.js';
import { runs } from '../helpers.js';
import { currencyArb, decimalText, hamilton, minorOf, moneyText, roundDiv, sum } from '../arbitraries/index.js';
import { expectPlainResult } from './hygiene.js';

const modeArb = fc.constantFrom('halfUp' as const, 'halfEven' as const);
/** A carve: the currency, the rate in ten-thousandths, the amounts in minor units (some negative, some past 2^53), the mode. */
const carveCase = [
  currencyArb,
  fc.integer({ min: 0, max: 10_000 }),
  fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 9n }) },
      { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 7n), max: 0n }) },
      { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 64n }) },
    ),
    { maxLength: 25 },
  ),
  modeArb,
] as const;

describe('differential oracles: the commission pool', () => {
  it('carvePool per person (the default): contributionᵢ = round(p · baseᵢ), pool = Σ contributions, Σ net + pool = Σ gross', () => {
    fc.assert(
      fc.property(...carveCase, ({ currency, digits }, rateUnits, amounts, mode) => {
        const ids = amounts.map((_, i) => `fl${String(i).padStart(2, '0')}`);
        const result = carvePool({
          currency,
          rate: decimalText(BigInt(rateUnits), 4),
          commissions: amounts.map((amount, i) => ({ id: ids[i] as string, amount: moneyText(amount, digits) })),
          ...(amounts.some((amount) => amount < 0n) ? { clawbackPolicy: 'net' as const } : {}),
          rounding: { mode },
        });
        expect(result.contributionRounding).toBe('perPerson');
        const parts = amounts.map((amount) => roundDiv(BigInt(rateUnits) * (amount > 0n ? amount : 0n), 10_000n, mode));
        const rows = new Map(result.contributions.map((row) => [row.id, row]));
        ids.forEach((id, i) => {
          expect(minorOf(rows.get(id)?.contribution ?? 'x', digits), id).toBe(parts[i]);
          expect(minorOf(rows.get(id)?.net ?? 'x', digits)).toBe((amounts[i] as bigint) - (parts[i] as bigint));
        });
        expect(minorOf(result.pool, digits)).toBe(sum(parts));
        expect(minorOf(result.net, digits) + minorOf(result.pool, digits)).toBe(sum(amounts));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('carvePool pooled: pool = round(p · Σ base), contributions = Hamilton(pool, base), net = gross − contribution, Σ net + pool = Σ gross', () => {
    fc.assert(
      fc.property(...carveCase, ({ currency, digits }, rateUnits, amounts, mode) => {
        const ids = amounts.map((_, i) => `fl${String(i).padStart(2, '0')}`);
        const anyNegative = amounts.some((amount) => amount < 0n);
        const result = carvePool({
          currency,
          rate: decimalText(BigInt(rateUnits), 4),
          commissions: amounts.map((amount, i) => ({ id: ids[i] as string, amount: moneyText(amount, digits) })),
          ...(anyNegative ? { clawbackPolicy: 'net' as const } : {}),
          rounding: { mode },
          contributionRounding: 'pooled',
        });
        expectPlainResult(result, digits, ['gross', 'base', 'carved', 'pool', 'net', 'contribution']);
        // Under "net", only a positive gross contributes: base = max(gross, 0).
        const bases = amounts.map((amount) => (amount > 0n ? amount : 0n));
        const carved = roundDiv(BigInt(rateUnits) * sum(bases), 10_000n, mode);
        const parts =
          hamilton(
            carved,
            bases.map((n) => ({ n, d: 1n })),
            ids,
          ) ?? bases.map(() => 0n);
        expect(minorOf(result.pool, digits)).toBe(carved);
        const rows = new Map(result.contributions.map((row) => [row.id, row]));
        ids.forEach((id, i) => {
          const row = rows.get(id);
          expect(row, id).toBeDefined();
          expect(minorOf(row?.contribution ?? 'x', digits), id).toBe(parts[i]);
          expect(minorOf(row?.net ?? 'x', digits)).toBe((amounts[i] as bigint) - (parts[i] as bigint));
        });
        expect(minorOf(result.net, digits) + minorOf(result.pool, digits)).toBe(sum(amounts));
        expect(minorOf(result.gross, digits)).toBe(sum(amounts));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('allocatePool: awards = Hamilton(pool, basis × f(score)) for eligible scores, f linear or a square; Σ awards + unallocated = pool', () => {
    fc.assert(
      fc.property(
        currencyArb,
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 12_000 }), fte: fc.integer({ min: 0, max: 100 }) }), {
          maxLength: 25,
        }),
        fc.constantFrom(1, 2),
        fc.constantFrom('one' as const, 'fte' as const),
        fc.option(fc.integer({ min: 0, max: 9_000 }), { nil: undefined }),
        modeArb,
        ({ currency, digits }, pool, rows, exponent, basis, floor, mode) => {
          const ids = rows.map((_, i) => `bo${String(i).padStart(2, '0')}`);
          const result = allocatePool({
            pool: moneyText(pool, digits),
            currency,
            recipients: rows.map((row, i) => ({
              id: ids[i] as string,
              score: decimalText(BigInt(row.score), 2),
              ...(basis === 'fte' ? { fte: decimalText(BigInt(row.fte), 2) } : {}),
            })),
            weighting: exponent === 1 ? { kind: 'linear' } : { kind: 'power', exponent: 2 },
            basis,
            ...(floor === undefined ? {} : { floor: decimalText(BigInt(floor), 2) }),
            rounding: { mode },
          });
          expectPlainResult(result, digits, ['pool', 'awarded', 'unallocated', 'award']);
          // Weights over the common denominator 100^exponent × 100 (fte): exact integers.
          const weights = rows.map((row) => {
            if (floor !== undefined && row.score < floor) return 0n;
            const f = BigInt(row.score) ** BigInt(exponent);
            return basis === 'fte' ? f * BigInt(row.fte) : f;
          });
          const parts = hamilton(
            pool,
            weights.map((n) => ({ n, d: 1n })),
            ids,
          );
          const awards = new Map(result.awards.map((award) => [award.id, minorOf(award.award, digits)]));
          ids.forEach((id, i) => {
            expect(awards.get(id) ?? 0n, id).toBe(parts === undefined ? 0n : parts[i]);
          });
          expect(minorOf(result.unallocated, digits)).toBe(parts === undefined ? pool : 0n);
          expect(minorOf(result.awarded, digits) + minorOf(result.unallocated, digits)).toBe(pool);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('allocatePool with linear weighting is scale-invariant: every score and the floor × c > 0 changes no award', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.array(fc.integer({ min: 0, max: 12_000 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 2, max: 1000 }),
        fc.option(fc.integer({ min: 0, max: 9_000 }), { nil: undefined }),
        (pool, scores, c, floor) => {
          const awards = (factor: number) =>
            allocatePool({
              pool: moneyText(pool, 2),
              currency: 'CNY',
              recipients: scores.map((score, i) => ({
                id: `bo${i}`,
                score: decimalText(BigInt(score) * BigInt(factor), 2),
              })),
              ...(floor === undefined ? {} : { floor: decimalText(BigInt(floor) * BigInt(factor), 2) }),
            }).awards.map((award) => [award.id, award.award]);
          expect(awards(c)).toEqual(awards(1));
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

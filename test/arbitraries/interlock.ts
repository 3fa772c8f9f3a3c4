/**
 * Arbitraries for the interlock mechanism: crediting scenarios (re-exported from the interlock
 * tests) and lists of interlocked indicators with overlapping parties.
 */
import fc from 'fast-check';
import type { SettleInterlockInput, TierTable } from '../../src/index.js';
import { scenarioArb } from '../interlock/arbitraries.js';
import { decimalText, unitSharesArb } from './index.js';

/** A valid `creditFacts` input: 1–3 dimensions, 1–4 members each, 0–25 facts, full or split credit. */
export const creditScenarioArb = scenarioArb;

/** The seed-003 style score table on achievement. */
export const achievementTable: TierTable = {
  direction: 'higherIsBetter',
  bands: [{ bound: '1.2', score: 120 }, { bound: '1', score: 100 }, { bound: '0.8', score: '80.5' }, { score: 0 }],
};

/** 1–`max` interlocked indicators; parties p0…p3 recur across indicators; weights sum to 1. */
export const indicatorsArb: fc.Arbitrary<SettleInterlockInput['indicators']> = fc
  .array(
    fc.integer({ min: 1, max: 4 }).chain((k) =>
      fc.record({
        target: fc.integer({ min: 1, max: 10 ** 7 }),
        actual: fc.integer({ min: 0, max: 2 * 10 ** 7 }),
        weights: unitSharesArb(k),
        reward: fc.bigInt({ min: 0n, max: 10n ** 9n }),
        deduction: fc.bigInt({ min: 0n, max: 10n ** 8n }),
        rewardAt: fc.integer({ min: 80, max: 120 }),
        severeAt: fc.integer({ min: 0, max: 80 }),
      }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((rows) =>
    rows.map((row, i) => ({
      id: `k${i}`,
      target: String(row.target),
      actual: String(row.actual),
      parties: row.weights.map((weight, j) => ({ id: `p${j}`, weight })),
      scoreTable: achievementTable,
      reward: { threshold: decimalText(BigInt(row.rewardAt), 2), amount: decimalText(row.reward, 2) },
      severeMiss: { threshold: decimalText(BigInt(row.severeAt), 2), deduction: decimalText(row.deduction, 2) },
    })),
  );

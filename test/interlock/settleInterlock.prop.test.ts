import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleInterlock, type InterlockIndicator } from '../../src/index.js';
import { runs } from '../helpers.js';
import { fenOf, indicatorArb, oracleSplit, shuffle } from './arbitraries.js';

const settle = (indicators: InterlockIndicator[]) => settleInterlock({ currency: 'CNY', indicators });
const weightOf = (text: string) => BigInt(text.replace('.', '')); // 4-decimal weights over 10^4

describe('settleInterlock properties (issue 6, SPEC §5)', () => {
  it('the reward and deduction parts sum to the reward and deduction, and match a BigInt oracle split', () => {
    fc.assert(
      fc.property(indicatorArb, (raw) => {
        const result = settle([{ id: 'k', ...raw }]);
        const settled = result.indicators[0]!;
        const reward = settled.parties.reduce((sum, p) => sum + fenOf(p.reward), 0n);
        const deduction = settled.parties.reduce((sum, p) => sum + fenOf(p.deduction), 0n);
        expect(reward).toBe(fenOf(settled.reward));
        expect(deduction).toBe(fenOf(settled.deduction));
        expect(settled.rewarded ? fenOf(settled.reward) : 0n).toBe(
          settled.rewarded ? fenOf(raw.reward.amount) : fenOf(settled.reward),
        );
        const weights = raw.parties.map((p) => ({ id: p.id, weight: weightOf(p.weight) }));
        const expectedReward = oracleSplit(fenOf(settled.reward), weights);
        const expectedDeduction = oracleSplit(fenOf(settled.deduction), weights);
        for (const party of settled.parties) {
          expect(fenOf(party.reward)).toBe(expectedReward.get(party.id));
          expect(fenOf(party.deduction)).toBe(expectedDeduction.get(party.id));
          expect(fenOf(party.net)).toBe(fenOf(party.reward) - fenOf(party.deduction));
          expect(party.review).toBe(settled.severeMiss);
        }
        expect(result.totals.conserved).toBe(true);
        // The achievement is actual / target rounded half-up to 4 dp (integers here, so
        // a·10^4 = ⌊(2·actual·10^4 + target) / (2·target)⌋), and the thresholds apply to it.
        const actual = BigInt(raw.actual);
        const target = BigInt(raw.target);
        const a = (2n * actual * 10_000n + target) / (2n * target);
        expect(BigInt(settled.achievement.replace('.', ''))).toBe(a);
        const over4 = (threshold: string) => BigInt(threshold.replace('.', '')) * 100n; // 2 dp → over 10^4
        expect(settled.rewarded).toBe(a >= over4(raw.reward.threshold));
        expect(settled.severeMiss).toBe(a < over4(raw.severeMiss.threshold));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('a larger actual never lowers any party score or reward, nor raises its deduction', () => {
    fc.assert(
      fc.property(indicatorArb, fc.integer({ min: 0, max: 10 ** 7 }), (raw, extra) => {
        const lower = settle([{ id: 'k', ...raw }]).indicators[0]!;
        const higher = settle([{ id: 'k', ...raw, actual: String(Number(raw.actual) + extra) }]).indicators[0]!;
        expect(Number(higher.achievement)).toBeGreaterThanOrEqual(Number(lower.achievement));
        lower.parties.forEach((party, p) => {
          const better = higher.parties[p]!;
          expect(better.id).toBe(party.id);
          expect(Number(better.score)).toBeGreaterThanOrEqual(Number(party.score));
          expect(fenOf(better.reward) >= fenOf(party.reward)).toBe(true);
          expect(fenOf(better.deduction) <= fenOf(party.deduction)).toBe(true);
          expect(fenOf(better.net) >= fenOf(party.net)).toBe(true);
        });
      }),
      { numRuns: runs(1000) },
    );
  });

  it('is invariant under permutation of indicators and parties (byte-identical JSON)', () => {
    fc.assert(
      fc.property(
        fc.array(indicatorArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        (raws, seeds) => {
          const indicators = raws.map((raw, i) => ({ id: `i${i}`, ...raw }));
          const permuted = shuffle(indicators, seeds).map((indicator) => ({
            ...indicator,
            parties: shuffle(indicator.parties, seeds),
          }));
          expect(JSON.stringify(settle(permuted))).toBe(JSON.stringify(settle(indicators)));
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

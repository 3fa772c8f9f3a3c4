import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeScore } from '../../src/index.js';
import { runs } from '../helpers.js';

// ── arbitraries ──────────────────────────────────────────────────────────────────────────────
/** n ≥ 1 weights with 2 decimals summing to exactly 1 (as hundredths). */
const weightsArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }).map((raw) => {
    const total = raw.reduce((a, b) => a + b, 0);
    const hundredths = raw.map((r) => (total === 0 ? 0 : Math.floor((r * 100) / total)));
    const short = 100 - hundredths.reduce((a, b) => a + b, 0);
    hundredths[0] = (hundredths[0] as number) + short;
    return hundredths;
  }),
);
const hundredthsText = (h: number): string => (h / 100).toFixed(2);
/** Integer scores 0–120, so w·s has at most 2 decimals and no rounding happens. */
const scoreArb = fc.integer({ min: 0, max: 120 });

const compose = (weights: number[], scores: number[], order?: number[]) => {
  const components = weights.map((w, i) => ({ id: `c${i}`, weight: hundredthsText(w) }));
  const rows = order === undefined ? components : order.map((i) => components[i] as (typeof components)[number]);
  const byId: Record<string, number> = {};
  scores.forEach((s, i) => (byId[`c${i}`] = s));
  return composeScore({ components: rows, subjects: [{ id: 's', scores: byId }] });
};
/** The score as hundredths (an integer), read from the 2-dp string. */
const hundredths = (text: string): number => Math.round(Number(text) * 100);

describe('composeScore properties', () => {
  it('equals the oracle Σ wᵢ·sᵢ (integer hundredths, exact)', () => {
    fc.assert(
      fc.property(
        weightsArb.chain((w) =>
          fc.tuple(fc.constant(w), fc.array(scoreArb, { minLength: w.length, maxLength: w.length })),
        ),
        ([w, s]) => {
          const expected = w.reduce((sum, wi, i) => sum + wi * (s[i] as number), 0); // hundredths
          expect(hundredths(compose(w, s).subjects[0]?.score as string)).toBe(expected);
          // The lean mode (no trace, no rows) computes the same score.
          const byId = Object.fromEntries(s.map((x, i) => [`c${i}`, x]));
          const lean = composeScore({
            components: w.map((wi, i) => ({ id: `c${i}`, weight: hundredthsText(wi) })),
            subjects: [{ id: 's', scores: byId }],
            trace: false,
            breakdown: false,
          });
          expect(lean.subjects[0]).toEqual({
            id: 's',
            score: compose(w, s).subjects[0]?.score,
            coefficient: null,
            components: [],
            trace: [],
          });
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('is linear in each component score: S(sᵢ + δ) − S(sᵢ) = wᵢ·δ', () => {
    fc.assert(
      fc.property(
        weightsArb.chain((w) =>
          fc.tuple(
            fc.constant(w),
            fc.array(scoreArb, { minLength: w.length, maxLength: w.length }),
            fc.nat(w.length - 1),
            fc.integer({ min: -50, max: 50 }),
          ),
        ),
        ([w, s, i, delta]) => {
          const moved = s.map((x, k) => (k === i ? x + delta : x));
          const before = hundredths(compose(w, s).subjects[0]?.score as string);
          const after = hundredths(compose(w, moved).subjects[0]?.score as string);
          expect(after - before).toBe((w[i] as number) * delta + 0); // + 0: no −0
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('is permutation-invariant: the order of components gives byte-identical output', () => {
    fc.assert(
      fc.property(
        weightsArb.chain((w) =>
          fc.tuple(
            fc.constant(w),
            fc.array(scoreArb, { minLength: w.length, maxLength: w.length }),
            fc.shuffledSubarray([...w.keys()], { minLength: w.length }),
          ),
        ),
        ([w, s, order]) => {
          expect(JSON.stringify(compose(w, s, order))).toBe(JSON.stringify(compose(w, s)));
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('a higher component score never lowers the total (monotone), with any missing policy', () => {
    fc.assert(
      fc.property(
        weightsArb.chain((w) =>
          fc.tuple(
            fc.constant(w),
            fc.array(fc.option(scoreArb, { nil: null }), { minLength: w.length, maxLength: w.length }),
            fc.nat(w.length - 1),
            fc.nat(40),
          ),
        ),
        ([w, s, i, raise]) => {
          if (s.every((x) => x === null)) return;
          const run = (scores: (number | null)[]) => {
            const byId: Record<string, number | null> = {};
            scores.forEach((x, k) => (byId[`c${k}`] = x));
            return composeScore({
              components: w.map((wi, k) => ({ id: `c${k}`, weight: hundredthsText(wi) })),
              missing: 'reweight',
              subjects: [{ id: 's', scores: byId }],
            });
          };
          let before: ReturnType<typeof run>;
          try {
            before = run(s);
          } catch {
            return; // every present component had weight 0: nothing to score
          }
          const raised = s.map((x, k) => (k === i && x !== null ? x + raise : x));
          expect(Number(run(raised).subjects[0]?.score)).toBeGreaterThanOrEqual(Number(before.subjects[0]?.score));
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

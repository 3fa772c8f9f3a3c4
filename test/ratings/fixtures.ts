/**
 * Shared builders and fast-check arbitraries for the ratings tests.
 */
import fc from 'fast-check';
import type { RatingInput, ReviewDecisionInput } from '../../src/index.js';

/** One group (ratee `it`, dimension `speed`) from a list of scores, raters `p0`, `p1`, … */
export function group(scores: readonly (number | string)[], ratee = 'it', dimension = 'speed'): RatingInput[] {
  return scores.map((score, i) => ({ id: `${ratee}-${dimension}-${i}`, rater: `p${i}`, ratee, dimension, score }));
}

/** The three-dimension plan of the guide: speed 0.4, solution 0.4, cooperation 0.2. */
export const threeDimensions = [
  { id: 'speed', weight: '0.4' },
  { id: 'solution', weight: '0.4' },
  { id: 'cooperation', weight: '0.2' },
];

/** A keep / drop / adjust decision with a reviewer and note. */
export function decide(rating: string, action: 'keep' | 'drop', reviewer = 'hr-lin'): ReviewDecisionInput {
  return { rating, action, reviewer, note: `${action}: checked with the rater` };
}

/** A fast-check arbitrary of a ratings scenario on 0–100: ratees × dimensions × raters. */
export const scenarioArbitrary = fc
  .record({
    ratees: fc.integer({ min: 1, max: 4 }),
    dimensions: fc.integer({ min: 1, max: 3 }),
    raters: fc.integer({ min: 1, max: 8 }),
    scores: fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 60, max: 95 })), {
      minLength: 96,
      maxLength: 96,
    }),
    present: fc.array(fc.boolean(), { minLength: 96, maxLength: 96 }),
    selfRatings: fc.boolean(),
  })
  .map(({ ratees, dimensions, raters, scores, present, selfRatings }) => {
    const ratings: RatingInput[] = [];
    let k = 0;
    for (let r = 0; r < ratees; r++)
      for (let d = 0; d < dimensions; d++)
        for (let p = 0; p < raters; p++) {
          const slot = k++;
          if (present[slot] === false && p > 0) continue;
          const rater = selfRatings && p === 0 ? `u${r}` : `p${p}`;
          ratings.push({
            id: `x${String(slot).padStart(3, '0')}`,
            rater,
            ratee: `u${r}`,
            dimension: `d${d}`,
            score: scores[slot] as number,
          });
        }
    const weights = dimensions === 1 ? ['1'] : dimensions === 2 ? ['0.5', '0.5'] : ['0.4', '0.4', '0.2'];
    return { ratings, dimensions: weights.map((weight, d) => ({ id: `d${d}`, weight })) };
  });

/** Fisher–Yates shuffle driven by fast-check's random numbers. */
export function shuffle<T>(rows: readonly T[], randoms: readonly number[]): T[] {
  const copy = rows.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor((randoms[i % randoms.length] ?? 0) * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Arbitraries for peripheral ratings: internal customers r0…r7 rate supporting units u0…u2 on
 * dimensions (speed, solution, cooperation) with 0–100 scores, some extreme, so flags happen;
 * decisions for a sample of them are built after a `reviewRatings` pass by the caller.
 */
import fc from 'fast-check';
import type { RatingInput, ScoreRatingsInput } from '../../src/index.js';

export const ratingDimensions = [
  { id: 'speed', weight: '0.4' },
  { id: 'solution', weight: '0.35' },
  { id: 'cooperation', weight: '0.25' },
];

/** Ratings with unique (rater, ratee, dimension) triples and ids "q000"… */
export const ratingsArb: fc.Arbitrary<RatingInput[]> = fc
  .uniqueArray(
    fc.record({
      rater: fc.integer({ min: 0, max: 7 }),
      ratee: fc.integer({ min: 0, max: 2 }),
      dimension: fc.integer({ min: 0, max: 2 }),
      score: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 55, max: 95 }) },
        { weight: 1, arbitrary: fc.constantFrom(0, 10, 20, 100) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10) },
      ),
    }),
    { selector: (row) => `${row.rater}/${row.ratee}/${row.dimension}`, maxLength: 40 },
  )
  .map((rows) =>
    rows.map((row, i) => ({
      id: `q${String(i).padStart(3, '0')}`,
      rater: `r${row.rater}`,
      ratee: `u${row.ratee}`,
      dimension: (ratingDimensions[row.dimension] as { id: string }).id,
      score: row.score,
    })),
  );

/** A scoreRatings input with the plan's dimensions, extremes at ≤ 20 and = 100, pending excluded or included. */
export const scoreRatingsArb: fc.Arbitrary<ScoreRatingsInput> = fc
  .tuple(ratingsArb, fc.boolean(), fc.integer({ min: 1, max: 4 }))
  .map(([ratings, includePending, minRaters]) => ({
    plan: {
      scale: { min: 0, max: 100 },
      extremes: { low: 20, high: 100 },
      dimensions: ratingDimensions,
      includePending,
      minRaters,
    },
    ratings,
  }));

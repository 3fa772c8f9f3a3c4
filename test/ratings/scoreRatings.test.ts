import { describe, expect, it } from 'vitest';
import { scoreRatings, type RatingInput, type ScoreRatingsInput } from '../../src/index.js';
import { parseRatings } from '../../src/ratings/parse.js';
import { scoreRatingsInputSchema } from '../../src/ratings/schema.js';
import { scoreRatingRows } from '../../src/ratings/scoreRatings.js';
import { expectError } from '../helpers.js';
import { threeDimensions } from './fixtures.js';

/**
 * The worked example of docs/ratings.md: sales people rate the IT service desk on three
 * dimensions; one speed rating of 20 is an outlier; IT rates itself; legal has two raters only.
 */
export function guideInput(): ScoreRatingsInput {
  const raters = ['sales-a', 'sales-b', 'sales-c', 'sales-d', 'sales-e', 'sales-f'];
  const speed = [85, 88, 90, 82, 86, 20];
  const solution = [80, 84, 78, 82, 90, 86];
  const cooperation = [90, 95, 88, 92, 94, 91];
  const ratings: RatingInput[] = [];
  raters.forEach((rater, i) => {
    ratings.push({ id: `it-speed-${rater}`, rater, ratee: 'it-desk', dimension: 'speed', score: speed[i] as number });
    ratings.push({
      id: `it-solution-${rater}`,
      rater,
      ratee: 'it-desk',
      dimension: 'solution',
      score: solution[i] as number,
    });
    ratings.push({
      id: `it-cooperation-${rater}`,
      rater,
      ratee: 'it-desk',
      dimension: 'cooperation',
      score: cooperation[i] as number,
    });
  });
  ratings.push({ id: 'it-speed-self', rater: 'it-desk', ratee: 'it-desk', dimension: 'speed', score: 100 });
  for (const rater of ['sales-a', 'sales-b'])
    for (const dimension of ['speed', 'solution', 'cooperation'])
      ratings.push({ id: `legal-${dimension}-${rater}`, rater, ratee: 'legal', dimension, score: 75 });
  return { ratings, plan: { dimensions: threeDimensions } };
}

describe('scoreRatings — the guide example', () => {
  it('pending outlier excluded: speed 86.20, solution 83.33, cooperation 91.67 → 86.15', () => {
    // speed: (85 + 88 + 90 + 82 + 86) / 5 = 431 / 5 = 86.2 (20 is pending, the self-rating rejected)
    // solution: 500 / 6 = 83.333… → 83.33; cooperation: 550 / 6 = 91.666… → 91.67
    // score: 0.4 × 86.20 + 0.4 × 83.33 + 0.2 × 91.67 = 34.48 + 33.332 + 18.334 = 86.146 → 86.15
    const result = scoreRatings(guideInput());
    const it = result.scores.find((s) => s.ratee === 'it-desk')!;
    expect(it.status).toBe('scored');
    expect(it.score).toBe('86.15');
    expect(it.dimensions.map((d) => [d.id, d.raters, d.mean])).toEqual([
      ['cooperation', 6, '91.67'],
      ['solution', 6, '83.33'],
      ['speed', 5, '86.20'],
    ]);
    expect(result.flags.map((f) => f.rating)).toEqual(['it-speed-sales-f']);
    expect(result.counts).toEqual({
      ratings: 25,
      counted: 23,
      pending: 1,
      dropped: 0,
      adjusted: 0,
      rejected: 1,
      flagged: 1,
      included: 23,
    });
  });

  it('legal has two raters: insufficientRaters, no score, no means', () => {
    const legal = scoreRatings(guideInput()).scores.find((s) => s.ratee === 'legal')!;
    expect(legal).toMatchObject({ status: 'insufficientRaters', score: null });
    expect(legal.dimensions.every((d) => d.mean === null && d.status === 'insufficientRaters' && d.raters === 2)).toBe(
      true,
    );
  });

  it('keep: speed (431 + 20) / 6 = 75.17 → score 0.4 × 75.17 + 33.332 + 18.334 = 81.734 → 81.73', () => {
    const input = guideInput();
    const result = scoreRatings({
      ...input,
      decisions: [
        { rating: 'it-speed-sales-f', action: 'keep', reviewer: 'hr-lin', note: 'confirmed: the ticket waited 3 days' },
      ],
    });
    expect(result.scores.find((s) => s.ratee === 'it-desk')!.score).toBe('81.73');
  });

  it('adjust to 60: speed (431 + 60) / 6 = 81.83 → 0.4 × 81.83 + 33.332 + 18.334 = 84.398 → 84.40', () => {
    const input = guideInput();
    const result = scoreRatings({
      ...input,
      decisions: [
        { rating: 'it-speed-sales-f', action: 'adjust', score: 60, reviewer: 'hr-lin', note: 'rater meant 60' },
      ],
    });
    expect(result.scores.find((s) => s.ratee === 'it-desk')!.score).toBe('84.40');
  });

  it('includePending: the pending 20 counts as kept would, and stays pending', () => {
    const input = guideInput();
    const result = scoreRatings({ ...input, plan: { ...input.plan, includePending: true } });
    expect(result.scores.find((s) => s.ratee === 'it-desk')!.score).toBe('81.73');
    expect(result.counts.pending).toBe(1);
  });

  it('rows are ordered by ratee and carry a trace for each dimension and the total', () => {
    const { scores } = scoreRatings(guideInput());
    expect(scores.map((s) => s.ratee)).toEqual(['it-desk', 'legal']);
    const trace = scores[0]!.trace;
    expect(trace.map((t) => t.rule)).toEqual([
      'ratings.dimensionMean',
      'ratings.dimensionMean',
      'ratings.dimensionMean',
      'ratings.peripheralScore',
    ]);
    expect(trace[2]).toEqual({
      rule: 'ratings.dimensionMean',
      formula: 'mean = Σ included scores / raters',
      inputs: { dimension: 'speed', minRaters: '3', raters: '5', sum: '431.00' },
      result: '86.20',
    });
    expect(trace[3]!.result).toBe('86.15');
  });
});

describe('scoreRatings — raters, dimensions, periods', () => {
  const rating = (
    id: string,
    rater: string,
    ratee: string,
    dimension: string,
    score: number,
    period?: string,
  ): RatingInput => ({
    id,
    rater,
    ratee,
    dimension,
    score,
    ...(period === undefined ? {} : { period }),
  });

  it('minRaters is a plan setting', () => {
    const ratings = [rating('1', 'a', 'it', 'x', 80), rating('2', 'b', 'it', 'x', 90)];
    const plan = { dimensions: [{ id: 'x', weight: 1 }] };
    expect(scoreRatings({ ratings, plan }).scores[0]!.status).toBe('insufficientRaters');
    expect(scoreRatings({ ratings, plan: { ...plan, minRaters: 2 } }).scores[0]).toMatchObject({
      status: 'scored',
      score: '85.00',
    });
  });

  it('a zero-weight dimension with too few raters does not block the score', () => {
    const ratings = ['a', 'b', 'c'].map((r, i) => rating(`${i}`, r, 'it', 'x', 80));
    const result = scoreRatings({
      ratings,
      plan: {
        dimensions: [
          { id: 'x', weight: 1 },
          { id: 'y', weight: 0 },
        ],
      },
    });
    expect(result.scores[0]).toMatchObject({ status: 'scored', score: '80.00' });
    expect(result.scores[0]!.dimensions[1]).toMatchObject({
      id: 'y',
      raters: 0,
      status: 'insufficientRaters',
      mean: null,
    });
  });

  it('a ratee rated only by itself still gets a row (insufficientRaters)', () => {
    const result = scoreRatings({
      ratings: [rating('1', 'it', 'it', 'x', 100)],
      plan: { dimensions: [{ id: 'x', weight: 1 }] },
    });
    expect(result.scores).toHaveLength(1);
    expect(result.scores[0]).toMatchObject({ ratee: 'it', status: 'insufficientRaters' });
    expect(result.outcomes[0]).toMatchObject({ status: 'rejected', reason: 'selfRating' });
  });

  it('periods are scored separately, ordered by ratee then period', () => {
    const ratings = ['a', 'b', 'c'].flatMap((r, i) => [
      rating(`q2-${i}`, r, 'it', 'x', 70, '2026-Q2'),
      rating(`q1-${i}`, r, 'it', 'x', 90, '2026-Q1'),
    ]);
    const { scores } = scoreRatings({ ratings, plan: { dimensions: [{ id: 'x', weight: 1 }] } });
    expect(scores.map((s) => [s.period, s.score])).toEqual([
      ['2026-Q1', '90.00'],
      ['2026-Q2', '70.00'],
    ]);
  });

  it('rounding policy: halfEven and 1 decimal', () => {
    // mean of 80, 80, 81, 81 … use 3 ratings 80, 80, 80.5 → 240.5 / 3 = 80.1666… → 80.2
    const ratings = [
      rating('1', 'a', 'it', 'x', 80),
      rating('2', 'b', 'it', 'x', 80),
      { ...rating('3', 'c', 'it', 'x', 0), score: '80.5' },
    ];
    const { scores } = scoreRatings({
      ratings,
      plan: { dimensions: [{ id: 'x', weight: 1 }], rounding: { scoreDecimals: 1, mode: 'halfEven' } },
    });
    expect(scores[0]!.score).toBe('80.2');
    // 80.25 exactly: 80, 80.5 with minRaters 2 → 160.5 / 2 = 80.25 → halfEven 80.2, halfUp 80.3
    const two = [rating('1', 'a', 'it', 'x', 80), { ...rating('2', 'b', 'it', 'x', 0), score: '80.5' }];
    const plan = { dimensions: [{ id: 'x', weight: 1 }], minRaters: 2 };
    expect(
      scoreRatings({ ratings: two, plan: { ...plan, rounding: { scoreDecimals: 1, mode: 'halfEven' } } }).scores[0]!
        .score,
    ).toBe('80.2');
    expect(scoreRatings({ ratings: two, plan: { ...plan, rounding: { scoreDecimals: 1 } } }).scores[0]!.score).toBe(
      '80.3',
    );
  });
});

describe('scoreRatings — leniency correction', () => {
  // Rater A gives u1…u5 95 90 85 90 90 (mean 90), B gives 75 70 65 70 70 (mean 70), C rates u1 only: 60.
  // Overall mean: (450 + 350 + 60) / 11 = 860 / 11 = 78.1818… → 78.18.
  // Shift A = 78.18 − 90.00 = −11.82; B = 78.18 − 70.00 = +8.18; C has 1 ratee < 5: no shift.
  const a = [95, 90, 85, 90, 90];
  const b = [75, 70, 65, 70, 70];
  const ratings: RatingInput[] = [
    ...a.map((score, i) => ({ id: `a${i}`, rater: 'A', ratee: `u${i + 1}`, dimension: 'x', score })),
    ...b.map((score, i) => ({ id: `b${i}`, rater: 'B', ratee: `u${i + 1}`, dimension: 'x', score })),
    { id: 'c0', rater: 'C', ratee: 'u1', dimension: 'x', score: 60 },
  ];
  const plan = { dimensions: [{ id: 'x', weight: 1 }], minRaters: 2 };

  it('off by default: u1 = (95 + 75 + 60) / 3 = 76.67', () => {
    const result = scoreRatings({ ratings, plan });
    expect(result.scores[0]!.score).toBe('76.67');
    expect(result.leniency).toEqual([]);
  });

  it('on: u1 = (83.18 + 83.18 + 60) / 3 = 75.45; u2 = (78.18 + 78.18) / 2 = 78.18; u3 = (73.18 + 73.18) / 2', () => {
    // u3: A 85 − 11.82 = 73.18, B 65 + 8.18 = 73.18
    const result = scoreRatings({ ratings, plan: { ...plan, leniency: {} } });
    expect(result.scores.map((s) => [s.ratee, s.score])).toEqual([
      ['u1', '75.45'],
      ['u2', '78.18'],
      ['u3', '73.18'],
      ['u4', '78.18'],
      ['u5', '78.18'],
    ]);
    expect(result.leniency).toEqual([
      {
        rater: 'A',
        dimension: 'x',
        period: null,
        ratees: 5,
        raterMean: '90.00',
        overallMean: '78.18',
        shift: '-11.82',
      },
      { rater: 'B', dimension: 'x', period: null, ratees: 5, raterMean: '70.00', overallMean: '78.18', shift: '8.18' },
    ]);
  });

  it('a mean the shifts carry off the scale is held to it (0–100): "it" 0.00, not −16.67', () => {
    // s2 rates it 0 and hr 100 (mean 50), s1 rates hr 0 (mean 0); overall (0 + 100 + 0) / 3 = 33.33.
    // Shifts: s2 33.33 − 50 = −16.67, s1 33.33 − 0 = +33.33. it: 0 − 16.67 = −16.67 → held at 0.00.
    // hr: (100 − 16.67) + (0 + 33.33) = 116.66 / 2 = 58.33 (inside the scale: unchanged).
    const scored = scoreRatings({
      ratings: [
        { id: 'a', rater: 's2', ratee: 'it', dimension: 'x', score: 0 },
        { id: 'b', rater: 's2', ratee: 'hr', dimension: 'x', score: 100 },
        { id: 'c', rater: 's1', ratee: 'hr', dimension: 'x', score: 0 },
      ],
      plan: { dimensions: [{ id: 'x', weight: 1 }], minRaters: 1, leniency: { minRatees: 1 } },
    });
    expect(scored.scores.map((s) => [s.ratee, s.score])).toEqual([
      ['hr', '58.33'],
      ['it', '0.00'],
    ]);
    const it = scored.scores.find((s) => s.ratee === 'it');
    expect(it?.trace.find((step) => step.rule === 'ratings.dimensionMean')?.formula).toMatch(/held to the scale/);
    expect(
      scored.scores.find((s) => s.ratee === 'hr')?.trace.find((step) => step.rule === 'ratings.dimensionMean')?.formula,
    ).not.toMatch(/held/);
  });

  it('minRatees is a setting: 6 turns the correction off for everyone here', () => {
    expect(scoreRatings({ ratings, plan: { ...plan, leniency: { minRatees: 6 } } }).leniency).toEqual([]);
  });
});

describe('scoreRatings — bad input', () => {
  it('INVALID_INPUT: plan.dimensions is required', () => {
    expectError(() => scoreRatings({ ratings: [], plan: {} as never }), 'INVALID_INPUT', ['plan', 'dimensions']);
  });
  it('WEIGHTS_DO_NOT_SUM: weights 0.4 + 0.4 + 0.3', () => {
    expectError(
      () =>
        scoreRatings({
          ratings: [],
          plan: {
            dimensions: [
              { id: 'a', weight: '0.4' },
              { id: 'b', weight: '0.4' },
              { id: 'c', weight: '0.3' },
            ],
          },
        }),
      'WEIGHTS_DO_NOT_SUM',
      ['plan', 'dimensions'],
    );
  });
  it('NEGATIVE_VALUE: a negative weight', () => {
    expectError(
      () =>
        scoreRatings({
          ratings: [],
          plan: {
            dimensions: [
              { id: 'a', weight: '-0.5' },
              { id: 'b', weight: '1.5' },
            ],
          },
        }),
      'NEGATIVE_VALUE',
      ['plan', 'dimensions', 0, 'weight'],
    );
  });
  it('UNKNOWN_REFERENCE: a rating on a dimension the plan does not have', () => {
    const ratings = [{ id: '1', rater: 'a', ratee: 'it', dimension: 'typo', score: 80 }];
    expectError(() => scoreRatings({ ratings, plan: { dimensions: [{ id: 'x', weight: 1 }] } }), 'UNKNOWN_REFERENCE', [
      'ratings',
      0,
      'dimension',
    ]);
  });
});

describe('scoreRatingRows — the period run traces only the ratees it shows', () => {
  it("scores, statuses and dimensions are scoreRatings'; only the accepted ratees keep their trace", () => {
    const input = guideInput();
    const full = scoreRatings(input);
    const run = parseRatings(scoreRatingsInputSchema, input);
    const rows = scoreRatingRows({ ...run, traced: (ratee) => ratee === 'legal' });
    expect(rows.scores.map(({ trace, ...rest }) => rest)).toEqual(full.scores.map(({ trace, ...rest }) => rest));
    const legal = rows.scores.find((score) => score.ratee === 'legal')!;
    expect(legal.trace).toEqual(full.scores.find((score) => score.ratee === 'legal')!.trace);
    expect(legal.trace.length).toBe(4);
    expect(rows.scores.find((score) => score.ratee === 'it-desk')!.trace).toEqual([]);
    // Without a choice every score keeps its trace, as scoreRatings gives it.
    expect(scoreRatingRows(run).scores).toEqual(full.scores);
  });
});

import { describe, expect, it } from 'vitest';
import { reviewRatings, type RatingInput } from '../../src/index.js';
import { expectError } from '../helpers.js';
import { decide, group } from './fixtures.js';

const onFiveScale = { scale: { min: 1, max: 5 } };

describe('reviewRatings — the issue 4 examples', () => {
  it('[85, 88, 90, 82, 86, 20] flags 20 (M ≈ −14.7) and nothing else', () => {
    // sorted 20 82 85 86 88 90 → median (85 + 86)/2 = 85.5
    // |x − 85.5| = 0.5 2.5 4.5 3.5 0.5 65.5 → sorted 0.5 0.5 2.5 3.5 4.5 65.5 → MAD = (2.5 + 3.5)/2 = 3
    // M(20) = 0.6745 × (20 − 85.5) / 3 = −44.17975 / 3 = −14.726583… ; next largest |M| is 90: 0.6745 × 4.5 / 3 = 1.01
    const { flags, counts } = reviewRatings({ ratings: group([85, 88, 90, 82, 86, 20]) });
    expect(flags).toHaveLength(1);
    const flag = flags[0]!;
    expect(flag.rating).toBe('it-speed-5');
    expect(flag.score).toBe('20');
    expect(flag.groupSize).toBe(6);
    expect(flag.status).toBe('pending');
    expect(flag.reasons).toEqual([
      {
        code: 'modifiedZ',
        rule: '|M| > 3.5, M = 0.6745 × (x − median) / MAD',
        statistic: '-14.7266',
        low: '-3.5',
        high: '3.5',
        median: '85.5',
        spread: '3',
      },
    ]);
    expect(counts).toMatchObject({ ratings: 6, counted: 5, pending: 1, flagged: 1, included: 5 });
  });

  it('[4, 4, 4, 4, 1] flags 1 through the mean-absolute-deviation fallback', () => {
    // median 4; |x − 4| = 0 0 0 0 3 → MAD = 0 → meanAD = 3/5 = 0.6
    // M(1) = (1 − 4) / (1.253314 × 0.6) = −3 / 0.7519884 = −3.98942… → |M| > 3.5
    const { flags } = reviewRatings({ ratings: group([4, 4, 4, 4, 1]), plan: onFiveScale });
    expect(flags.map((f) => f.score)).toEqual(['1']);
    expect(flags[0]!.reasons[0]).toMatchObject({
      code: 'meanDeviation',
      statistic: '-3.9894',
      median: '4',
      spread: '0.6',
    });
  });

  it('[4, 4, 4, 5, 5] flags nothing', () => {
    // median 4; deviations 0 0 0 1 1 → MAD = 0; meanAD = 2/5 = 0.4; M(5) = 1 / (1.253314 × 0.4) = 1.9947 ≤ 3.5
    expect(reviewRatings({ ratings: group([4, 4, 4, 5, 5]), plan: onFiveScale }).flags).toEqual([]);
  });

  it('[90, 92, 30] flags 30 by leave-one-out with Δ = 40', () => {
    // 30: median(90, 92) = 91 → |30 − 91| = 61 ≥ 40; 90: median(92, 30) = 61 → 29; 92: median(90, 30) = 60 → 32
    const { flags } = reviewRatings({ ratings: group([90, 92, 30]), plan: { leaveOneOut: { delta: 40 } } });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.reasons[0]).toEqual({
      code: 'leaveOneOut',
      rule: '|x − median(others)| ≥ 40',
      statistic: '-61',
      low: '-40',
      high: '40',
      median: '91',
      spread: null,
    });
  });

  it('the default Δ is 0.4 × the scale span: 40 on 0–100', () => {
    expect(reviewRatings({ ratings: group([90, 92, 30]) }).flags.map((f) => f.score)).toEqual(['30']);
    expect(reviewRatings({ ratings: group([90, 92, 30]) }).settings.leaveOneOut.delta).toBe('40');
  });
});

describe('reviewRatings — boundaries are exact', () => {
  it('leave-one-out flags at exactly Δ and not a hundredth above', () => {
    expect(reviewRatings({ ratings: group([90, 92, 30]), plan: { leaveOneOut: { delta: 61 } } }).flags).toHaveLength(1);
    expect(
      reviewRatings({ ratings: group([90, 92, 30]), plan: { leaveOneOut: { delta: '61.01' } } }).flags,
    ).toHaveLength(0);
  });

  it('the z test is strict: |M| = 14.726583333… is above 14.72658333 and below 14.72658334', () => {
    const ratings = group([85, 88, 90, 82, 86, 20]);
    expect(reviewRatings({ ratings, plan: { modifiedZ: { threshold: '14.72658333' } } }).flags).toHaveLength(1);
    expect(reviewRatings({ ratings, plan: { modifiedZ: { threshold: '14.72658334' } } }).flags).toHaveLength(0);
  });

  it('a threshold exactly equal to M does not flag (|M| > T, not ≥)', () => {
    // [10, 10, 12, 14, 14]: median 12, deviations 2 0 0 2 2 → MAD 2; M(10) = 0.6745 × (−2)/2 = −0.6745 exactly
    const ratings = group([10, 10, 12, 14, 14]);
    expect(reviewRatings({ ratings, plan: { modifiedZ: { threshold: '0.6745' } } }).flags).toHaveLength(0);
    expect(reviewRatings({ ratings, plan: { modifiedZ: { threshold: '0.6744' } } }).flags).toHaveLength(4);
  });

  it('decimals and a 1–5 scale: [4.5, 4.5, 4.5, 4.5, 3.5] flags 3.5 via the fallback', () => {
    // deviations 0 0 0 0 1 → MAD 0, meanAD 0.2, M = −1 / (1.253314 × 0.2) = −3.98942
    const { flags } = reviewRatings({ ratings: group(['4.5', '4.5', '4.5', '4.5', '3.5']), plan: onFiveScale });
    expect(flags.map((f) => [f.score, f.reasons[0]!.statistic])).toEqual([['3.5', '-3.9894']]);
  });

  it('all equal ratings: MAD = 0 and meanAD = 0, nothing deviates', () => {
    expect(reviewRatings({ ratings: group([70, 70, 70, 70, 70, 70]) }).flags).toEqual([]);
  });

  it('groups of one or two get no statistical test', () => {
    expect(reviewRatings({ ratings: group([100, 0]) }).flags).toEqual([]);
  });
});

describe('reviewRatings — absolute extremes', () => {
  it('flags scores at or beyond the plan bounds (≤ 20 or = 100 on 0–100, SPEC §3.3)', () => {
    const { flags } = reviewRatings({
      ratings: group([20, 21, 99, 100]),
      plan: { extremes: { low: 20, high: 100 }, leaveOneOut: { minGroupSize: 5 } },
    });
    expect(flags.map((f) => [f.score, f.reasons.map((r) => r.code)])).toEqual([
      ['20', ['extremeLow']],
      ['100', ['extremeHigh']],
    ]);
    expect(flags[0]!.reasons[0]).toMatchObject({ statistic: '20', low: '20', high: '100', rule: 'score ≤ 20' });
  });

  it('lists an extreme reason before a statistical one on the same rating', () => {
    const { flags } = reviewRatings({ ratings: group([85, 88, 90, 82, 86, 20]), plan: { extremes: { low: 20 } } });
    expect(flags[0]!.reasons.map((r) => r.code)).toEqual(['extremeLow', 'modifiedZ']);
  });
});

describe('reviewRatings — decisions and outcomes', () => {
  const ratings = group([85, 88, 90, 82, 86, 20]);

  it('keep counts the rating, drop removes it, adjust counts the corrected score', () => {
    const keep = reviewRatings({ ratings, decisions: [decide('it-speed-5', 'keep')] });
    expect(keep.flags[0]!.status).toBe('kept');
    expect(keep.outcomes.find((o) => o.id === 'it-speed-5')).toMatchObject({
      id: 'it-speed-5',
      status: 'counted',
      reason: 'keptOnReview',
      included: true,
    });

    const drop = reviewRatings({ ratings, decisions: [decide('it-speed-5', 'drop')] });
    expect(drop.outcomes.find((o) => o.id === 'it-speed-5')).toMatchObject({
      id: 'it-speed-5',
      status: 'dropped',
      reason: 'droppedOnReview',
      included: false,
    });
    expect(drop.counts).toMatchObject({ dropped: 1, counted: 5, included: 5 });

    const adjust = reviewRatings({
      ratings,
      decisions: [{ rating: 'it-speed-5', action: 'adjust', score: 60, reviewer: 'hr-lin', note: 'typo: meant 60' }],
    });
    expect(adjust.flags[0]!.decision).toEqual({
      action: 'adjust',
      reviewer: 'hr-lin',
      note: 'typo: meant 60',
      score: '60',
    });
    expect(adjust.outcomes.find((o) => o.id === 'it-speed-5')).toMatchObject({
      status: 'adjusted',
      reason: 'adjustedOnReview',
      included: true,
    });
  });

  it('decisions do not change other flags: statistics are taken on the ratings as given', () => {
    const ratingsTwo = group([85, 88, 90, 82, 86, 20, 21]);
    const before = reviewRatings({ ratings: ratingsTwo }).flags.map((f) => f.rating);
    const after = reviewRatings({ ratings: ratingsTwo, decisions: [decide('it-speed-5', 'drop')] }).flags.map(
      (f) => f.rating,
    );
    expect(after).toEqual(before);
  });

  it('outcomes are ordered by (ratee, period, dimension, rater) and say why', () => {
    const mixed: RatingInput[] = [
      { id: 'a', rater: 'sales', ratee: 'it', dimension: 'speed', score: 90 },
      { id: 'b', rater: 'it', ratee: 'it', dimension: 'speed', score: 90 },
      { id: 'c', rater: 'sales', ratee: 'hr', dimension: 'speed', score: 90, period: 'Q2' },
      { id: 'd', rater: 'sales', ratee: 'hr', dimension: 'speed', score: 90, period: 'Q1' },
      { id: 'e', rater: 'sales', ratee: 'hr', dimension: 'care', score: 90, period: 'Q1' },
    ];
    const common = { dimension: 'speed', period: null, status: 'counted', reason: 'notFlagged', included: true };
    expect(reviewRatings({ ratings: mixed }).outcomes).toEqual([
      { ...common, id: 'e', rater: 'sales', ratee: 'hr', dimension: 'care', period: 'Q1' },
      { ...common, id: 'd', rater: 'sales', ratee: 'hr', period: 'Q1' },
      { ...common, id: 'c', rater: 'sales', ratee: 'hr', period: 'Q2' },
      { ...common, id: 'b', rater: 'it', ratee: 'it', status: 'rejected', reason: 'selfRating', included: false },
      { ...common, id: 'a', rater: 'sales', ratee: 'it' },
    ]);
  });

  it('includePending puts pending ratings into the score but keeps them pending', () => {
    const { outcomes, counts } = reviewRatings({ ratings, plan: { includePending: true } });
    expect(outcomes.find((o) => o.id === 'it-speed-5')).toMatchObject({ status: 'pending', included: true });
    expect(counts).toMatchObject({ pending: 1, included: 6 });
  });
});

describe('reviewRatings — RACI key tasks', () => {
  const parties = [
    { id: 'sales-a', side: 'front' as const },
    { id: 'sales-b', side: 'front' as const },
    { id: 'it', side: 'back' as const },
    { id: 'product', side: 'middle' as const },
    { id: 'legal', side: 'back' as const },
  ];
  const tasks = [
    {
      id: 'launch-5g',
      assignments: [
        { party: 'sales-a', role: 'A' as const },
        { party: 'sales-b', role: 'R' as const },
        { party: 'it', role: 'R' as const },
        { party: 'product', role: 'C' as const },
      ],
    },
  ];
  const rating = (id: string, rater: string, ratee: string, task?: string): RatingInput => ({
    id,
    rater,
    ratee,
    dimension: task === undefined ? 'general' : 'speed',
    score: 80,
    ...(task === undefined ? {} : { task }),
  });

  it('accepts front → supporting on the task and rejects every other pair with a reason', () => {
    const { outcomes } = reviewRatings({
      parties,
      tasks,
      ratings: [
        rating('1-ok', 'sales-a', 'it', 'launch-5g'),
        rating('2-ok-middle', 'sales-b', 'product', 'launch-5g'),
        rating('3-reverse', 'it', 'sales-a', 'launch-5g'),
        rating('4-peer', 'sales-a', 'sales-b', 'launch-5g'),
        rating('5-outsider-ratee', 'sales-a', 'legal', 'launch-5g'),
        rating('6-outsider-rater', 'legal', 'it', 'launch-5g'),
        rating('7-no-task', 'sales-a', 'it'),
        rating('8-back-rates-middle', 'it', 'product', 'launch-5g'),
      ],
    });
    const byId = [...outcomes].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(byId.map((o) => [o.id, o.status, o.reason])).toEqual([
      ['1-ok', 'counted', 'notFlagged'],
      ['2-ok-middle', 'counted', 'notFlagged'],
      ['3-reverse', 'rejected', 'raterNotFrontLine'],
      ['4-peer', 'rejected', 'rateeNotSupporting'],
      ['5-outsider-ratee', 'rejected', 'rateeNotOnTask'],
      ['6-outsider-rater', 'rejected', 'raterNotOnTask'],
      ['7-no-task', 'rejected', 'noTask'],
      ['8-back-rates-middle', 'rejected', 'raterNotFrontLine'],
    ]);
  });

  it('untaskedRatings: accept lets ordinary peripheral ratings through', () => {
    const { outcomes } = reviewRatings({
      parties,
      tasks,
      plan: { untaskedRatings: 'accept' },
      ratings: [rating('7-no-task', 'sales-a', 'it')],
    });
    expect(outcomes[0]).toMatchObject({ status: 'counted' });
  });

  it('rejected ratings do not enter the outlier statistics', () => {
    // the self-rating 0 would otherwise make a group of 4 and be flagged by leave-one-out
    const ratings = [...group([90, 92, 91]), { id: 'self', rater: 'it', ratee: 'it', dimension: 'speed', score: 0 }];
    const result = reviewRatings({ ratings });
    expect(result.flags).toEqual([]);
    expect(result.counts).toMatchObject({ rejected: 1, counted: 3 });
  });
});

describe('reviewRatings — warnings and settings', () => {
  it('warns beyond 4 dimensions', () => {
    const dimensions = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, weight: '0.2' }));
    const { warnings } = reviewRatings({ ratings: group([80], 'it', 'a'), plan: { dimensions } });
    expect(warnings.map((w) => w.code)).toEqual(['MANY_DIMENSIONS']);
  });

  it('reports the settings in force with their defaults', () => {
    expect(reviewRatings({ ratings: [] }).settings).toEqual({
      scale: { min: '0', max: '100' },
      extremes: { low: null, high: null },
      modifiedZ: { minGroupSize: 5, threshold: '3.5', constant: '0.6745', meanDeviationConstant: '1.253314' },
      leaveOneOut: { minGroupSize: 3, delta: '40' },
      minRaters: 3,
      includePending: false,
      untaskedRatings: 'reject',
      leniencyMinRatees: null,
    });
  });
});

describe('reviewRatings — bad input, one test per error code', () => {
  const ratings = group([85, 88, 90, 82, 86, 20]);

  it('INVALID_INPUT: unknown field, missing reviewer, blank note, adjust without score', () => {
    expectError(() => reviewRatings({ ratings: [{ ...ratings[0]!, scroe: 1 } as never] }), 'INVALID_INPUT', [
      'ratings',
      0,
    ]);
    expectError(
      () => reviewRatings({ ratings, decisions: [{ rating: 'it-speed-5', action: 'keep', note: 'ok' } as never] }),
      'INVALID_INPUT',
      ['decisions', 0, 'reviewer'],
    );
    expectError(
      () =>
        reviewRatings({ ratings, decisions: [{ rating: 'it-speed-5', action: 'drop', reviewer: 'hr', note: '   ' }] }),
      'INVALID_INPUT',
      ['decisions', 0, 'note'],
    );
    expectError(
      () =>
        reviewRatings({
          ratings,
          decisions: [{ rating: 'it-speed-5', action: 'adjust', reviewer: 'hr', note: 'x' } as never],
        }),
      'INVALID_INPUT',
      ['decisions', 0, 'score'],
    );
    expectError(
      () =>
        reviewRatings({
          ratings,
          decisions: [{ rating: 'it-speed-5', action: 'ignore', reviewer: 'hr', note: 'x' } as never],
        }),
      'INVALID_INPUT',
    );
  });

  it('INVALID_DECIMAL: a score that is not a plain decimal', () => {
    expectError(() => reviewRatings({ ratings: [{ ...ratings[0]!, score: '8e1' }] }), 'INVALID_DECIMAL', [
      'ratings',
      0,
      'score',
    ]);
  });

  it('NEGATIVE_VALUE: a negative threshold or weight', () => {
    expectError(() => reviewRatings({ ratings, plan: { modifiedZ: { threshold: -1 } } }), 'NEGATIVE_VALUE', [
      'plan',
      'modifiedZ',
      'threshold',
    ]);
  });

  it('OUT_OF_RANGE: score off the scale, adjusted score off the scale, Δ = 0, max ≤ min', () => {
    expectError(() => reviewRatings({ ratings: group([6]), plan: onFiveScale }), 'OUT_OF_RANGE', [
      'ratings',
      0,
      'score',
    ]);
    expectError(() => reviewRatings({ ratings: group(['100.01']) }), 'OUT_OF_RANGE', ['ratings', 0, 'score']);
    expectError(() => reviewRatings({ ratings: group([123456789]) }), 'OUT_OF_RANGE', ['ratings', 0, 'score']);
    expectError(
      () =>
        reviewRatings({
          ratings,
          decisions: [{ rating: 'it-speed-5', action: 'adjust', score: 101, reviewer: 'hr', note: 'x' }],
        }),
      'OUT_OF_RANGE',
      ['decisions', 0, 'score'],
    );
    expectError(() => reviewRatings({ ratings, plan: { leaveOneOut: { delta: 0 } } }), 'OUT_OF_RANGE', [
      'plan',
      'leaveOneOut',
      'delta',
    ]);
    expectError(() => reviewRatings({ ratings, plan: { scale: { min: 5, max: 5 } } }), 'OUT_OF_RANGE', [
      'plan',
      'scale',
      'max',
    ]);
    // 14 digits at most: a 0–10^9 scale with 5-decimal scores needs 10 + 5 = 15
    expectError(
      () => reviewRatings({ ratings: group(['1.12345']), plan: { scale: { min: 0, max: 1_000_000_000 } } }),
      'OUT_OF_RANGE',
      ['plan', 'scale'],
    );
    expect(
      reviewRatings({ ratings: group(['1.1234']), plan: { scale: { min: 0, max: 1_000_000_000 } } }).counts.ratings,
    ).toBe(1);
  });

  it('DUPLICATE_ID: rating ids, decisions on one rating, parties, tasks, dimensions', () => {
    expectError(
      () => reviewRatings({ ratings: [ratings[0]!, { ...ratings[1]!, id: ratings[0]!.id }] }),
      'DUPLICATE_ID',
      ['ratings', 1, 'id'],
    );
    // ids out of order take the hashed path; the later row is the one reported
    const many = group([1, 2, 3, 4, 5, 6]).reverse();
    const error = expectError(
      () =>
        reviewRatings({
          ratings: [
            ...many,
            { ...ratings[0]!, rater: 'q', id: many[5]!.id },
            { ...ratings[0]!, rater: 'z', id: many[0]!.id },
          ],
        }),
      'DUPLICATE_ID',
    );
    expect(error.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['ratings', 6, 'id'], 'id "it-speed-0" is already used at ratings[5]'],
      [['ratings', 7, 'id'], 'id "it-speed-5" is already used at ratings[0]'],
    ]);
    expectError(
      () => reviewRatings({ ratings, decisions: [decide('it-speed-5', 'keep'), decide('it-speed-5', 'drop')] }),
      'DUPLICATE_ID',
      ['decisions', 1, 'rating'],
    );
    expectError(
      () =>
        reviewRatings({
          ratings: [],
          parties: [
            { id: 'a', side: 'front' },
            { id: 'a', side: 'back' },
          ],
        }),
      'DUPLICATE_ID',
      ['parties', 1, 'id'],
    );
    const parties = [
      { id: 'a', side: 'front' as const },
      { id: 'b', side: 'back' as const },
    ];
    const task = {
      id: 't',
      assignments: [
        { party: 'a', role: 'A' as const },
        { party: 'b', role: 'R' as const },
      ],
    };
    expectError(() => reviewRatings({ ratings: [], parties, tasks: [task, task] }), 'DUPLICATE_ID', ['tasks', 1, 'id']);
    expectError(
      () =>
        reviewRatings({
          ratings: [],
          parties,
          tasks: [{ id: 't', assignments: [...task.assignments, { party: 'b', role: 'C' }] }],
        }),
      'DUPLICATE_ID',
      ['tasks', 0, 'assignments', 2, 'party'],
    );
    expectError(
      () =>
        reviewRatings({
          ratings: [],
          plan: {
            dimensions: [
              { id: 'speed', weight: '0.5' },
              { id: 'speed', weight: '0.5' },
            ],
          },
        }),
      'DUPLICATE_ID',
      ['plan', 'dimensions', 1, 'id'],
    );
  });

  it('DUPLICATE_RATING: one rater rates the same ratee on the same dimension twice', () => {
    const twice = [ratings[0]!, { ...ratings[0]!, id: 'again' }];
    expectError(() => reviewRatings({ ratings: twice }), 'DUPLICATE_RATING', ['ratings', 1]);
    // in another period it is a different rating
    expect(
      reviewRatings({ ratings: [ratings[0]!, { ...ratings[0]!, id: 'again', period: '2026-Q2' }] }).counts.ratings,
    ).toBe(2);
  });

  it('UNKNOWN_REFERENCE: decision for an unknown rating, unknown dimension, party, task', () => {
    expectError(() => reviewRatings({ ratings, decisions: [decide('nope', 'keep')] }), 'UNKNOWN_REFERENCE', [
      'decisions',
      0,
      'rating',
    ]);
    expectError(
      () => reviewRatings({ ratings, plan: { dimensions: [{ id: 'quality', weight: 1 }] } }),
      'UNKNOWN_REFERENCE',
      ['ratings', 0, 'dimension'],
    );
    expectError(() => reviewRatings({ ratings, parties: [{ id: 'it', side: 'back' }] }), 'UNKNOWN_REFERENCE', [
      'ratings',
      0,
      'rater',
    ]);
    expectError(() => reviewRatings({ ratings: [{ ...ratings[0]!, task: 'ghost' }] }), 'UNKNOWN_REFERENCE', [
      'ratings',
      0,
      'task',
    ]);
    expectError(
      () =>
        reviewRatings({
          ratings: [],
          tasks: [
            {
              id: 't',
              assignments: [
                { party: 'x', role: 'A' },
                { party: 'y', role: 'R' },
              ],
            },
          ],
        }),
      'UNKNOWN_REFERENCE',
      ['tasks', 0, 'assignments', 0, 'party'],
    );
  });

  it('WEIGHTS_DO_NOT_SUM: dimension weights must sum to exactly 1', () => {
    expectError(
      () =>
        reviewRatings({
          ratings,
          plan: {
            dimensions: [
              { id: 'speed', weight: '0.5' },
              { id: 'x', weight: '0.4999' },
            ],
          },
        }),
      'WEIGHTS_DO_NOT_SUM',
      ['plan', 'dimensions'],
    );
  });

  it('INVALID_RACI_MATRIX: no A, two As, no R', () => {
    const parties = [
      { id: 'a', side: 'front' as const },
      { id: 'b', side: 'back' as const },
    ];
    const task = (assignments: { party: string; role: 'R' | 'A' | 'C' | 'I' }[]) => [{ id: 't', assignments }];
    expectError(
      () =>
        reviewRatings({
          ratings: [],
          parties,
          tasks: task([
            { party: 'a', role: 'R' },
            { party: 'b', role: 'R' },
          ]),
        }),
      'INVALID_RACI_MATRIX',
      ['tasks', 0, 'assignments'],
    );
    expectError(
      () =>
        reviewRatings({
          ratings: [],
          parties,
          tasks: task([
            { party: 'a', role: 'A' },
            { party: 'b', role: 'A' },
          ]),
        }),
      'INVALID_RACI_MATRIX',
    );
    expectError(
      () =>
        reviewRatings({
          ratings: [],
          parties,
          tasks: task([
            { party: 'a', role: 'A' },
            { party: 'b', role: 'C' },
          ]),
        }),
      'INVALID_RACI_MATRIX',
    );
  });

  it('DECISION_NOT_FLAGGED: a decision on an unflagged or rejected rating', () => {
    expectError(() => reviewRatings({ ratings, decisions: [decide('it-speed-0', 'keep')] }), 'DECISION_NOT_FLAGGED', [
      'decisions',
      0,
      'rating',
    ]);
    const self = [{ id: 's', rater: 'it', ratee: 'it', dimension: 'speed', score: 0 }];
    expectError(() => reviewRatings({ ratings: self, decisions: [decide('s', 'drop')] }), 'DECISION_NOT_FLAGGED', [
      'decisions',
      0,
      'rating',
    ]);
  });

  it('reports every problem at once', () => {
    const error = expectError(
      () =>
        reviewRatings({
          ratings: [
            { ...ratings[0]!, score: 101 },
            { ...ratings[1]!, score: -1 },
          ],
        }),
      'OUT_OF_RANGE',
    );
    expect(error.issues).toHaveLength(2);
  });
});

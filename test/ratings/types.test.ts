import { describe, expectTypeOf, it } from 'vitest';
import {
  reviewRatings,
  scoreRatings,
  type OutcomeReason,
  type RatingOutcome,
  type RatingStatus,
  type ReviewDecisionInput,
  type ReviewRatingsInput,
  type ReviewRatingsResult,
  type ScoreRatingsInput,
  type ScoreRatingsResult,
} from '../../src/index.js';

describe('ratings types', () => {
  it('take one input object inferred from their schemas and return plain data', () => {
    expectTypeOf(reviewRatings).parameter(0).toEqualTypeOf<ReviewRatingsInput>();
    expectTypeOf(reviewRatings).returns.toEqualTypeOf<ReviewRatingsResult>();
    expectTypeOf(scoreRatings).parameter(0).toEqualTypeOf<ScoreRatingsInput>();
    expectTypeOf(scoreRatings).returns.toEqualTypeOf<ScoreRatingsResult>();
    expectTypeOf<ScoreRatingsResult['scores'][number]['score']>().toEqualTypeOf<string | null>();
    expectTypeOf<RatingOutcome['status']>().toEqualTypeOf<RatingStatus>();
    expectTypeOf<RatingStatus>().toEqualTypeOf<'counted' | 'pending' | 'dropped' | 'adjusted' | 'rejected'>();
    expectTypeOf<'selfRating'>().toExtend<OutcomeReason>();
  });

  it('requires a score on adjust decisions and none on keep', () => {
    expectTypeOf<{
      rating: 'r';
      action: 'adjust';
      score: 60;
      reviewer: 'hr';
      note: 'x';
    }>().toExtend<ReviewDecisionInput>();
    expectTypeOf<{ rating: 'r'; action: 'adjust'; reviewer: 'hr'; note: 'x' }>().not.toExtend<ReviewDecisionInput>();
    expectTypeOf<{ rating: 'r'; action: 'keep'; reviewer: 'hr'; note: 'x' }>().toExtend<ReviewDecisionInput>();
    expectTypeOf<{ rating: 'r'; action: 'keep'; note: 'x' }>().not.toExtend<ReviewDecisionInput>();
  });
});

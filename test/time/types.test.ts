import { describe, expectTypeOf, it } from 'vitest';
import {
  businessDuration,
  scoreResponseTimes,
  type BusinessDurationInput,
  type BusinessDurationResult,
  type CountedInterval,
  type ResponseTimesResult,
  type ScoreResponseTimesInput,
  type TraceStep,
} from '../../src/index.js';

describe('time types', () => {
  it('businessDuration takes one input inferred from its schema and returns plain data', () => {
    expectTypeOf(businessDuration).parameter(0).toEqualTypeOf<BusinessDurationInput>();
    expectTypeOf<BusinessDurationInput['start']>().toEqualTypeOf<string>();
    expectTypeOf<BusinessDurationInput['intervals']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf(businessDuration).returns.toEqualTypeOf<BusinessDurationResult>();
    expectTypeOf<BusinessDurationResult['milliseconds']>().toEqualTypeOf<number>();
    expectTypeOf<BusinessDurationResult['intervals']>().toEqualTypeOf<CountedInterval[] | null>();
    expectTypeOf<BusinessDurationResult['trace']>().toEqualTypeOf<TraceStep[]>();
  });

  it('scoreResponseTimes takes one input inferred from its schema; scores are strings', () => {
    expectTypeOf(scoreResponseTimes).parameter(0).toEqualTypeOf<ScoreResponseTimesInput>();
    expectTypeOf<ScoreResponseTimesInput['tickets'][number]['responded']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf(scoreResponseTimes).returns.toEqualTypeOf<ResponseTimesResult>();
    type Summary = NonNullable<ResponseTimesResult['units'][number]['response']>;
    expectTypeOf<Summary['meanScore']>().toEqualTypeOf<string>();
    expectTypeOf<Summary['condition']>().toEqualTypeOf<{ readonly id: string; readonly factor: string } | null>();
    expectTypeOf<ResponseTimesResult['tickets']>().toEqualTypeOf<NonNullable<ResponseTimesResult['tickets']> | null>();
  });
});

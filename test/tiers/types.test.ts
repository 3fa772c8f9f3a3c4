import type { Duration } from 'date-fns';
import { describe, expectTypeOf, it } from 'vitest';
import {
  applyRateTable,
  tierScore,
  type RateTableInput,
  type RateTableResult,
  type TierScoreInput,
  type TierScoreResult,
  type TierTable,
} from '../../src/index.js';

describe('tier types', () => {
  it('take one input object inferred from their schemas and return plain data', () => {
    expectTypeOf(tierScore).parameter(0).toEqualTypeOf<TierScoreInput>();
    expectTypeOf(tierScore).returns.toEqualTypeOf<TierScoreResult>();
    expectTypeOf<TierScoreResult['score']>().toEqualTypeOf<string>();
    expectTypeOf<TierScoreResult['label']>().toEqualTypeOf<string | null>();
    expectTypeOf(applyRateTable).parameter(0).toEqualTypeOf<RateTableInput>();
    expectTypeOf(applyRateTable).returns.toEqualTypeOf<RateTableResult>();
    expectTypeOf<RateTableResult['effectiveRate']>().toEqualTypeOf<string | null>();
    expectTypeOf<TierTable['direction']>().toEqualTypeOf<'lowerIsBetter' | 'higherIsBetter'>();
  });

  it('accepts a date-fns Duration value with fixed-length fields as a bound', () => {
    const oneHour: Pick<Duration, 'hours' | 'minutes'> = { hours: 1 };
    expectTypeOf(oneHour).toExtend<NonNullable<TierTable['bands'][number]['bound']>>();
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import {
  compareRuns,
  correctPeriod,
  runPeriod,
  type CompareRunsInput,
  type CorrectPeriodInput,
  type PeriodCorrection,
  type RunComparison,
  type RunPeriodInput,
  type RunPeriodResult,
  type RunResultInput,
} from '../../src/index.js';

describe('what-if types', () => {
  it('take one input object and return plain data', () => {
    expectTypeOf(compareRuns).parameter(0).toEqualTypeOf<CompareRunsInput>();
    expectTypeOf(compareRuns).returns.toEqualTypeOf<RunComparison>();
    expectTypeOf(correctPeriod).parameter(0).toEqualTypeOf<CorrectPeriodInput>();
    expectTypeOf(correctPeriod).returns.toEqualTypeOf<PeriodCorrection>();
    expectTypeOf<RunComparison['people'][number]['presence']>().toEqualTypeOf<'both' | 'baseOnly' | 'proposedOnly'>();
    expectTypeOf<RunComparison['pool']['base']['gini']>().toEqualTypeOf<string | null>();
    expectTypeOf<PeriodCorrection['people'][number]['lines'][number]['type']>().toEqualTypeOf<'arrears' | 'recovery'>();
    expectTypeOf<PeriodCorrection['rerun']>().toEqualTypeOf<RunPeriodResult>();
    expectTypeOf<CorrectPeriodInput['plan']>().toEqualTypeOf<'asPaid' | 'asCorrected' | undefined>();
  });

  it('accept a runPeriod result as returned, and one read back from JSON', () => {
    expectTypeOf<RunPeriodResult>().toExtend<RunResultInput>();
    expectTypeOf<{ base: RunPeriodResult; proposed: RunPeriodResult }>().toExtend<CompareRunsInput>();
    expectTypeOf<{
      paid: { scenario: RunPeriodInput; result: RunPeriodResult };
      corrected: RunPeriodInput;
    }>().toExtend<CorrectPeriodInput>();
    const run = (scenario: RunPeriodInput) =>
      compareRuns({ base: runPeriod(scenario), proposed: JSON.parse('{}') as RunResultInput });
    expectTypeOf(run).returns.toEqualTypeOf<RunComparison>();
  });
});

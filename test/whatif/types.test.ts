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
  type PayStatement,
  type RunResultInput,
} from '../../src/index.js';
import type { ReadableResult } from '../../src/whatif/schema.js';

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

  it('hold the result interfaces to the schema that reads a saved result back', () => {
    expectTypeOf<ReadableResult<RunPeriodResult>>().toEqualTypeOf<RunPeriodResult>();
    // A statement field the schema reads differently (a number there) does not compile:
    type TextDays = Omit<PayStatement, 'employedDays'> & { employedDays: string };
    // @ts-expect-error employedDays is a number in runResultSchema
    expectTypeOf<ReadableResult<Omit<RunPeriodResult, 'statements'> & { statements: TextDays[] }>>().not.toBeNever();
    // …nor does a result without a field the schema requires:
    // @ts-expect-error runResultSchema requires `plan`
    expectTypeOf<ReadableResult<Omit<RunPeriodResult, 'plan'>>>().not.toBeNever();
  });
});

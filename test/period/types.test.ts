import type { z } from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import {
  resolvePlan,
  runPeriod,
  runPeriodInputSchema,
  type PayStatement,
  type ResolvedPlan,
  type ResolvePlanInput,
  type RunPeriodInput,
  type RunPeriodResult,
  type StatementLineKind,
} from '../../src/index.js';

describe('period types', () => {
  it('take one input object inferred from the schemas and return plain data', () => {
    expectTypeOf(runPeriod).parameter(0).toEqualTypeOf<RunPeriodInput>();
    expectTypeOf<RunPeriodInput>().toEqualTypeOf<z.input<typeof runPeriodInputSchema>>();
    expectTypeOf(runPeriod).returns.toEqualTypeOf<RunPeriodResult>();
    expectTypeOf(resolvePlan).parameter(0).toEqualTypeOf<ResolvePlanInput>();
    expectTypeOf(resolvePlan).returns.toEqualTypeOf<ResolvedPlan>();
    expectTypeOf<RunPeriodInput['period']['unit']>().toEqualTypeOf<'month' | 'quarter' | 'year'>();
    expectTypeOf<RunPeriodInput['org']['people'][number]['basePay']>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf<PayStatement['total']>().toEqualTypeOf<string>();
    expectTypeOf<PayStatement['name']>().toEqualTypeOf<string | null>();
    expectTypeOf<PayStatement['lines'][number]['kind']>().toEqualTypeOf<StatementLineKind>();
    expectTypeOf<RunPeriodResult['treatment']>().toEqualTypeOf<'single' | 'reported' | 'prorated'>();
  });
});

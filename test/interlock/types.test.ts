import { describe, expectTypeOf, it } from 'vitest';
import {
  creditFacts,
  settleInterlock,
  type CreditFactsInput,
  type CreditFactsResult,
  type SettleInterlockInput,
  type SettleInterlockResult,
  type TraceStep,
} from '../../src/index.js';

describe('interlock types', () => {
  it('creditFacts takes one input object inferred from its schema and returns plain data', () => {
    expectTypeOf(creditFacts).parameter(0).toEqualTypeOf<CreditFactsInput>();
    expectTypeOf<CreditFactsInput['facts'][number]['amount']>().toEqualTypeOf<string | number>();
    expectTypeOf(creditFacts).returns.toEqualTypeOf<CreditFactsResult>();
    expectTypeOf<CreditFactsResult['factor']>().toEqualTypeOf<string | null>();
    expectTypeOf<CreditFactsResult['dimensions'][number]['members'][number]['achievement']>().toEqualTypeOf<
      string | null
    >();
    expectTypeOf<CreditFactsResult['trace']>().toEqualTypeOf<TraceStep[]>();
  });
  it('settleInterlock takes one input object inferred from its schema and returns plain data', () => {
    expectTypeOf(settleInterlock).parameter(0).toEqualTypeOf<SettleInterlockInput>();
    expectTypeOf(settleInterlock).returns.toEqualTypeOf<SettleInterlockResult>();
    expectTypeOf<SettleInterlockResult['indicators'][number]['parties'][number]['review']>().toEqualTypeOf<boolean>();
    expectTypeOf<SettleInterlockResult['warnings'][number]['code']>().toEqualTypeOf<'tooManyIndicators'>();
  });
  it('a creditFacts result can be passed as credits', () => {
    expectTypeOf<CreditFactsResult>().toExtend<NonNullable<SettleInterlockInput['credits']>>();
  });
});

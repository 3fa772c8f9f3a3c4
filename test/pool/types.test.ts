import { describe, expectTypeOf, it } from 'vitest';
import {
  allocatePool,
  carvePool,
  computeCommissions,
  elasticityExponent,
  type AllocatePoolInput,
  type AllocatePoolResult,
  type CarvePoolInput,
  type CarvePoolResult,
  type CommissionsInput,
  type CommissionsResult,
  type ElasticityExponentInput,
  type ElasticityExponentResult,
  type TraceStep,
} from '../../src/index.js';

describe('pool types', () => {
  it('each function takes one input object inferred from its schema', () => {
    expectTypeOf(carvePool).parameter(0).toEqualTypeOf<CarvePoolInput>();
    expectTypeOf(allocatePool).parameter(0).toEqualTypeOf<AllocatePoolInput>();
    expectTypeOf(computeCommissions).parameter(0).toEqualTypeOf<CommissionsInput>();
    expectTypeOf(elasticityExponent).parameter(0).toEqualTypeOf<ElasticityExponentInput>();
    // Decimal inputs take strings or numbers; the policy is a closed union.
    expectTypeOf<CarvePoolInput['rate']>().toEqualTypeOf<string | number>();
    expectTypeOf<CarvePoolInput['commissions'][number]['amount']>().toEqualTypeOf<string | number>();
    expectTypeOf<CarvePoolInput['clawbackPolicy']>().toEqualTypeOf<'net' | 'reverse' | undefined>();
    expectTypeOf<AllocatePoolInput['recipients'][number]['score']>().toEqualTypeOf<string | number>();
  });

  it('results are plain, read-only data: money as strings, traces as steps', () => {
    expectTypeOf(carvePool).returns.toEqualTypeOf<CarvePoolResult>();
    expectTypeOf(allocatePool).returns.toEqualTypeOf<AllocatePoolResult>();
    expectTypeOf(computeCommissions).returns.toEqualTypeOf<CommissionsResult>();
    expectTypeOf(elasticityExponent).returns.toEqualTypeOf<ElasticityExponentResult>();
    expectTypeOf<CarvePoolResult['pool']>().toEqualTypeOf<string>();
    expectTypeOf<CarvePoolResult['contributions'][number]['net']>().toEqualTypeOf<string>();
    expectTypeOf<AllocatePoolResult['awards'][number]['award']>().toEqualTypeOf<string>();
    expectTypeOf<AllocatePoolResult['awards'][number]['unit']>().toEqualTypeOf<string | null>();
    expectTypeOf<NonNullable<AllocatePoolResult['units']>[number]['amount']>().toEqualTypeOf<string>();
    expectTypeOf<null>().toExtend<AllocatePoolResult['units']>();
    expectTypeOf<AllocatePoolResult['awards'][number]['trace']>().toEqualTypeOf<TraceStep[]>();
    // Shared steps cannot be changed through the types.
    expectTypeOf<TraceStep['inputs']>().toEqualTypeOf<Readonly<Record<string, string>>>();
  });

  it("a carve's pool can be passed as allocatePool's pool", () => {
    expectTypeOf<CarvePoolResult['pool']>().toExtend<AllocatePoolInput['pool']>();
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import { allocate, type AllocateInput, type AllocationResult, type TraceStep } from '../../src/index.js';

describe('allocate types', () => {
  it('takes one input object inferred from its schema and returns plain data', () => {
    expectTypeOf(allocate).parameter(0).toEqualTypeOf<AllocateInput>();
    expectTypeOf<AllocateInput['total']>().toEqualTypeOf<string | number>();
    expectTypeOf<AllocateInput['whenNoWeight']>().toEqualTypeOf<'error' | 'unallocated' | undefined>();
    expectTypeOf(allocate).returns.toEqualTypeOf<AllocationResult>();
    expectTypeOf<AllocationResult['parts'][number]['amount']>().toEqualTypeOf<string>();
    expectTypeOf<AllocationResult['trace']>().toEqualTypeOf<TraceStep[]>();
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import {
  composeScore,
  deriveTargets,
  linkCoefficients,
  tallyPoints,
  type ComposeScoreInput,
  type ComposeScoreResult,
  type DeriveTargetsInput,
  type LinkCoefficientsInput,
  type LinkCoefficientsResult,
  type MissingPolicy,
  type TallyPointsInput,
  type TraceStep,
} from '../../src/index.js';

describe('linkage and scorecard types', () => {
  it('take one input object inferred from their schemas and return plain data', () => {
    expectTypeOf(linkCoefficients).parameter(0).toEqualTypeOf<LinkCoefficientsInput>();
    expectTypeOf(linkCoefficients).returns.toEqualTypeOf<LinkCoefficientsResult>();
    expectTypeOf<LinkCoefficientsResult['departments'][number]['blended']>().toEqualTypeOf<string>();
    expectTypeOf<LinkCoefficientsResult['companyKpis'][number]['achievement']>().toEqualTypeOf<string | null>();
    expectTypeOf<LinkCoefficientsInput['departments'][number]['exempt']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf(composeScore).parameter(0).toEqualTypeOf<ComposeScoreInput>();
    expectTypeOf<ComposeScoreInput['missing']>().toEqualTypeOf<MissingPolicy | undefined>();
    expectTypeOf<ComposeScoreResult['subjects'][number]['coefficient']>().toEqualTypeOf<string | null>();
    expectTypeOf<ComposeScoreResult['subjects'][number]['trace']>().toEqualTypeOf<TraceStep[]>();
    expectTypeOf(tallyPoints).parameter(0).toEqualTypeOf<TallyPointsInput>();
    expectTypeOf(deriveTargets).parameter(0).toEqualTypeOf<DeriveTargetsInput>();
    expectTypeOf<DeriveTargetsInput['people'][number]['complexity']>().toEqualTypeOf<string | number | undefined>();
  });
});

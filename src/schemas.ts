import { allocateInputSchema } from './core/allocate.js';
import {
  allocatePoolInputSchema,
  carvePoolInputSchema,
  commissionsInputSchema,
  elasticityExponentInputSchema,
} from './pool/schema.js';
import { creditFactsInputSchema, settleInterlockInputSchema } from './interlock/schema.js';
import { businessDurationInputSchema, scoreResponseTimesInputSchema } from './time/schema.js';
import { rateTableInputSchema, tierScoreInputSchema } from './tiers/schema.js';
// ratings
import { reviewRatingsInputSchema, scoreRatingsInputSchema } from './ratings/schema.js';
// linkage
import { companyCoefficientsInputSchema, linkCoefficientsInputSchema } from './linkage/schema.js';
// end linkage
// scorecard
import { composeScoreInputSchema, deriveTargetsInputSchema, tallyPointsInputSchema } from './scorecard/schema.js';
// end scorecard
// period
import { resolvePlanInputSchema, runPeriodInputSchema } from './period/schema.js';
// end period
import { compareRunsInputSchema, correctPeriodInputSchema } from './whatif/schema.js';

/**
 * Every public function's input schema (zod 4), by function name. Use them to validate data
 * before calling, to derive types with `z.input<…>`, or to generate JSON Schema.
 */
export const schemas = {
  allocate: allocateInputSchema,
  // tiers
  tierScore: tierScoreInputSchema,
  applyRateTable: rateTableInputSchema,

  // time
  businessDuration: businessDurationInputSchema,

  // linkage
  companyCoefficients: companyCoefficientsInputSchema,
  linkCoefficients: linkCoefficientsInputSchema,

  // interlock
  creditFacts: creditFactsInputSchema,
  settleInterlock: settleInterlockInputSchema,

  // ratings
  reviewRatings: reviewRatingsInputSchema,
  scoreRatings: scoreRatingsInputSchema,

  // response times
  scoreResponseTimes: scoreResponseTimesInputSchema,

  // pool
  computeCommissions: commissionsInputSchema,
  carvePool: carvePoolInputSchema,
  allocatePool: allocatePoolInputSchema,
  elasticityExponent: elasticityExponentInputSchema,

  // scorecard
  composeScore: composeScoreInputSchema,
  tallyPoints: tallyPointsInputSchema,
  deriveTargets: deriveTargetsInputSchema,

  // period
  resolvePlan: resolvePlanInputSchema,
  runPeriod: runPeriodInputSchema,
  // what-if
  compareRuns: compareRunsInputSchema,
  correctPeriod: correctPeriodInputSchema,
} as const;

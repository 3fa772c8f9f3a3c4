import { allocateInputSchema } from './core/allocate.js';
import { creditFactsInputSchema } from './interlock/creditSchema.js';
import { settleInterlockInputSchema } from './interlock/settleSchema.js';
import { businessDurationInputSchema, scoreResponseTimesInputSchema } from './time/schema.js';
import { rateTableInputSchema, tierScoreInputSchema } from './tiers/schema.js';
// ratings
import { reviewRatingsInputSchema, scoreRatingsInputSchema } from './ratings/schema.js';

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

  // interlock
  creditFacts: creditFactsInputSchema,
  settleInterlock: settleInterlockInputSchema,

  // ratings
  reviewRatings: reviewRatingsInputSchema,
  scoreRatings: scoreRatingsInputSchema,

  // response times
  scoreResponseTimes: scoreResponseTimesInputSchema,

  // pool

  // scorecard

  // period

} as const;

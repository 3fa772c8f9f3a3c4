import { allocateInputSchema } from './core/allocate.js';
import { allocatePoolInputSchema, carvePoolInputSchema, commissionsInputSchema, elasticityExponentInputSchema } from './pool/schema.js';
import { creditFactsInputSchema } from './interlock/creditSchema.js';
import { settleInterlockInputSchema } from './interlock/settleSchema.js';
import { rateTableInputSchema, tierScoreInputSchema } from './tiers/schema.js';

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

  // linkage

  // interlock
  creditFacts: creditFactsInputSchema,
  settleInterlock: settleInterlockInputSchema,

  // ratings

  // response times

  // pool
  computeCommissions: commissionsInputSchema,
  carvePool: carvePoolInputSchema,
  allocatePool: allocatePoolInputSchema,
  elasticityExponent: elasticityExponentInputSchema,

  // scorecard

  // period

} as const;

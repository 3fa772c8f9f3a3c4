import { allocateInputSchema } from './core/allocate.js';
import { creditFactsInputSchema } from './interlock/creditSchema.js';

/**
 * Every public function's input schema (zod 4), by function name. Use them to validate data
 * before calling, to derive types with `z.input<…>`, or to generate JSON Schema.
 */
export const schemas = {
  allocate: allocateInputSchema,
  // tiers

  // time

  // linkage

  // interlock
  creditFacts: creditFactsInputSchema,

  // ratings

  // response times

  // pool

  // scorecard

  // period

} as const;

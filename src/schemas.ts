import { allocateInputSchema } from './core/allocate.js';
// linkage
import { companyCoefficientsInputSchema } from './linkage/companyCoefficients.js';
import { linkCoefficientsInputSchema } from './linkage/linkCoefficients.js';
// end linkage

/**
 * Every public function's input schema (zod 4), by function name. Use them to validate data
 * before calling, to derive types with `z.input<…>`, or to generate JSON Schema.
 */
export const schemas = {
  allocate: allocateInputSchema,
  // tiers

  // time

  // linkage
  companyCoefficients: companyCoefficientsInputSchema,
  linkCoefficients: linkCoefficientsInputSchema,

  // interlock

  // ratings

  // response times

  // pool

  // scorecard

  // period

} as const;

/**
 * The schemas of the ratings inputs, each checked against its interface in types.ts.
 *
 * @module
 */
import * as z from 'zod/mini';
import { decimalSchema, idSchema, nonNegativeDecimalSchema, roundingSchema, shaped } from '../core/schema.js';
import type * as T from './types.js';

/** Schema of {@link T.RatingInput}. */
export const ratingSchema = /* @__PURE__ */ shaped<T.RatingInput>()(
  z.strictObject({
    id: idSchema,
    rater: idSchema,
    ratee: idSchema,
    dimension: idSchema,
    score: decimalSchema,
    period: z.optional(idSchema),
    task: z.optional(idSchema),
  }),
);

const review = {
  rating: idSchema,
  reviewer: idSchema,
  note: z.string().check(z.maxLength(2000), z.regex(/\S/, { error: 'a review note is required and may not be blank' })),
};

/** Schema of {@link T.ReviewDecisionInput}: `keep`, `drop`, or `adjust` with a `score`. */
export const reviewDecisionSchema = /* @__PURE__ */ shaped<T.ReviewDecisionInput>()(
  z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('keep'), ...review }),
    z.strictObject({ action: z.literal('drop'), ...review }),
    z.strictObject({ action: z.literal('adjust'), ...review, score: decimalSchema }),
  ]),
);

/** Schema of {@link T.RatingPartyInput}. */
export const ratingPartySchema = /* @__PURE__ */ shaped<T.RatingPartyInput>()(
  z.strictObject({ id: idSchema, side: z.enum(['front', 'middle', 'back']) }),
);

/** Schema of {@link T.RaciAssignmentInput}. */
export const raciAssignmentSchema = /* @__PURE__ */ shaped<T.RaciAssignmentInput>()(
  z.strictObject({ party: idSchema, role: z.enum(['R', 'A', 'C', 'I']) }),
);

/** Schema of {@link T.RaciTaskInput}. */
export const raciTaskSchema = /* @__PURE__ */ shaped<T.RaciTaskInput>()(
  z.strictObject({ id: idSchema, assignments: z.array(raciAssignmentSchema) }),
);

/** Schema of {@link T.RatingDimensionInput}. */
export const ratingDimensionSchema = /* @__PURE__ */ shaped<T.RatingDimensionInput>()(
  z.strictObject({ id: idSchema, weight: nonNegativeDecimalSchema }),
);

const groupSize = /* @__PURE__ */ z.int().check(z.minimum(2), z.maximum(1_000_000));
const count = /* @__PURE__ */ z.int().check(z.minimum(1), z.maximum(1_000_000));

const plan = /* @__PURE__ */ z.strictObject({
  scale: z.optional(z.strictObject({ min: decimalSchema, max: decimalSchema })),
  extremes: z.optional(z.strictObject({ low: z.optional(decimalSchema), high: z.optional(decimalSchema) })),
  modifiedZ: z.optional(
    z.strictObject({ minGroupSize: z.optional(groupSize), threshold: z.optional(nonNegativeDecimalSchema) }),
  ),
  leaveOneOut: z.optional(
    z.strictObject({ minGroupSize: z.optional(groupSize), delta: z.optional(nonNegativeDecimalSchema) }),
  ),
  dimensions: z.optional(z.array(ratingDimensionSchema)),
  minRaters: z.optional(count),
  includePending: z.optional(z.boolean()),
  untaskedRatings: z.optional(z.enum(['reject', 'accept'])),
  leniency: z.optional(z.strictObject({ minRatees: z.optional(count) })),
  rounding: z.optional(roundingSchema),
});

/** Schema of {@link T.RatingPlanInput}. */
export const ratingPlanSchema = /* @__PURE__ */ shaped<T.RatingPlanInput>()(plan);

/** Schema of {@link T.ScoringPlanInput}: the plan with its dimensions required. */
export const scoringPlanSchema = /* @__PURE__ */ shaped<T.ScoringPlanInput>()(
  z.extend(plan, { dimensions: z.array(ratingDimensionSchema) }),
);

/** Schema of an optional RACI matrix (a plan's key tasks). */
export const raciTasksSchema = /* @__PURE__ */ z.optional(z.array(raciTaskSchema));

const lists = {
  ratings: z.array(ratingSchema),
  decisions: z.optional(z.array(reviewDecisionSchema)),
  parties: z.optional(z.array(ratingPartySchema)),
  tasks: raciTasksSchema,
};

/** Schema of {@link T.ReviewRatingsInput}. */
export const reviewRatingsInputSchema = /* @__PURE__ */ shaped<T.ReviewRatingsInput>()(
  z.strictObject({ plan: z.optional(ratingPlanSchema), ...lists }),
);

/** Schema of {@link T.ScoreRatingsInput}. */
export const scoreRatingsInputSchema = /* @__PURE__ */ shaped<T.ScoreRatingsInput>()(
  z.strictObject({ plan: scoringPlanSchema, ...lists }),
);

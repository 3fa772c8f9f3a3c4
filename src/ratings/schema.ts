import * as z from 'zod/mini';
import { decimalSchema, idSchema, nonNegativeDecimalSchema, roundingSchema } from '../core/schema.js';

/** One rating: a rater scores a ratee on one dimension (in one period). */
export const ratingSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id of the rating; review decisions refer to it. */
  id: idSchema,
  /** Who gave the rating: a person or unit id (the internal customer). */
  rater: idSchema,
  /** Who is rated: a person or unit id (the supporting party). */
  ratee: idSchema,
  /** The dimension rated, e.g. `"responseSpeed"`; must be one of the plan's dimensions when they are given. */
  dimension: idSchema,
  /** The score on the plan's scale (e.g. `85` on 0–100, `"4"` on 1–5). */
  score: decimalSchema,
  /** Optional period label (`"2026-Q1"`); outliers are judged per (ratee, dimension, period). */
  period: z.optional(idSchema),
  /** The key task the rating is about; checked against the RACI matrix when `tasks` are given. */
  task: z.optional(idSchema),
});

/** A reviewer's name and reason, required on every decision (seed 003: HR or a superior reviews). */
const reviewFields = {
  /** The flagged rating this decision is about (its `id`). */
  rating: idSchema,
  /** Who decided (HR or the ratee's superior): required. */
  reviewer: idSchema,
  /** Why: required, not blank. */
  note: z
    .string()
    .check(z.maxLength(2000))
    .check(z.regex(/\S/, { message: 'a review note is required and may not be blank' })),
};

/**
 * A review decision on a flagged rating: `keep` counts it as given, `drop` removes it from the
 * score, `adjust` counts it with a corrected `score`. Reviewer and note are required.
 */
export const reviewDecisionSchema = /* @__PURE__ */ z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('keep'), ...reviewFields }),
  z.strictObject({ action: z.literal('drop'), ...reviewFields }),
  z.strictObject({
    action: z.literal('adjust'),
    ...reviewFields,
    /** The corrected score, on the plan's scale. */
    score: decimalSchema,
  }),
]);

/** A party that can rate or be rated, with its side of the organisation. */
export const ratingPartySchema = /* @__PURE__ */ z.strictObject({
  /** Person or unit id, as used in `rater` and `ratee`. */
  id: idSchema,
  /** Front line [前台], middle office [中台] or back office [后台]. Middle and back support the front. */
  side: z.enum(['front', 'middle', 'back']),
});

/** One cell of a RACI matrix: a party's role on a key task. */
export const raciAssignmentSchema = /* @__PURE__ */ z.strictObject({
  /** A party id (must be listed in `parties`). */
  party: idSchema,
  /** Responsible, Accountable, Consulted or Informed. */
  role: z.enum(['R', 'A', 'C', 'I']),
});

/** A key task with its RACI row [责任矩阵]: exactly one A and at least one R. */
export const raciTaskSchema = /* @__PURE__ */ z.strictObject({
  /** Task id, as used in a rating's `task`. */
  id: idSchema,
  /** Who does what on this task; each party at most once. */
  assignments: z.array(raciAssignmentSchema),
});

/** A rating dimension and its weight in the peripheral score. */
export const ratingDimensionSchema = /* @__PURE__ */ z.strictObject({
  /** Dimension id, as used in a rating's `dimension`. */
  id: idSchema,
  /** Weight ≥ 0; the weights of all dimensions sum to exactly 1. */
  weight: nonNegativeDecimalSchema,
});

const groupSize = /* @__PURE__ */ z.int().check(z.minimum(2)).check(z.maximum(1_000_000));

/** The plan settings of the ratings mechanism; every field is optional and has a default. */
export const ratingPlanSchema = /* @__PURE__ */ z.strictObject({
  /**
   * The rating scale; every score must lie in [min, max].
   * @defaultValue `{ min: 0, max: 100 }`
   */
  scale: z.optional(z.strictObject({ min: decimalSchema, max: decimalSchema })),
  /**
   * Absolute extremes: a score ≤ `low` or ≥ `high` is flagged for review (SPEC §3.3: e.g. ≤ 20 or
   * = 100 on 0–100). Either bound may be left out.
   * @defaultValue no absolute bounds
   */
  extremes: z.optional(z.strictObject({ low: z.optional(decimalSchema), high: z.optional(decimalSchema) })),
  /**
   * Modified z-score test for groups of at least `minGroupSize` ratings: flag |M| > `threshold`.
   * @defaultValue `{ minGroupSize: 5, threshold: 3.5 }`
   */
  modifiedZ: z.optional(
    z.strictObject({ minGroupSize: z.optional(groupSize), threshold: z.optional(nonNegativeDecimalSchema) }),
  ),
  /**
   * Leave-one-out test for groups from `minGroupSize` up to the z-score size minus one: flag x
   * when |x − median(others)| ≥ `delta`.
   * @defaultValue `{ minGroupSize: 3, delta: 0.4 × (scale.max − scale.min) }` (40 on 0–100)
   */
  leaveOneOut: z.optional(
    z.strictObject({ minGroupSize: z.optional(groupSize), delta: z.optional(nonNegativeDecimalSchema) }),
  ),
  /**
   * The dimensions and their weights (sum 1). Required by `scoreRatings`; when given to
   * `reviewRatings`, every rating's dimension must be one of them. 3–4 are recommended; more
   * than 4 gives a warning.
   * @defaultValue none (required for scoring)
   */
  dimensions: z.optional(z.array(ratingDimensionSchema)),
  /**
   * Fewer distinct counted raters than this in a dimension → status `insufficientRaters`, no score
   * (the usual 360-feedback anonymity threshold).
   * @defaultValue `3`
   */
  minRaters: z.optional(z.int().check(z.minimum(1)).check(z.maximum(1_000_000))),
  /**
   * Whether flagged ratings still awaiting a decision enter the score.
   * @defaultValue `false`
   */
  includePending: z.optional(z.boolean()),
  /**
   * What happens to a rating without a `task` when a RACI matrix is given: `"reject"` (reason
   * `noTask`) or `"accept"` (an ordinary peripheral rating, not a key-task rating).
   * @defaultValue `"reject"`
   */
  untaskedRatings: z.optional(z.enum(['reject', 'accept'])),
  /**
   * Per-rater leniency correction: a rater with at least `minRatees` distinct ratees in a
   * dimension has each score shifted by (overall mean − rater's mean). Off when absent.
   * @defaultValue off; `minRatees` 5 when on
   */
  leniency: z.optional(
    z.strictObject({ minRatees: z.optional(z.int().check(z.minimum(1)).check(z.maximum(1_000_000))) }),
  ),
  /**
   * Rounding points: dimension means, leniency shifts and scores to `scoreDecimals`, statistics
   * to `coefficientDecimals`.
   * @defaultValue `{ mode: 'halfUp', scoreDecimals: 2, coefficientDecimals: 4 }`
   */
  rounding: z.optional(roundingSchema),
});

const ratingsInputFields = {
  /** Every rating of the period; each gets exactly one outcome. */
  ratings: z.array(ratingSchema),
  /**
   * Review decisions on flagged ratings.
   * @defaultValue `[]`
   */
  decisions: z.optional(z.array(reviewDecisionSchema)),
  /**
   * The parties and their side (from the org). When given, every rater and ratee must be listed.
   * @defaultValue none
   */
  parties: z.optional(z.array(ratingPartySchema)),
  /**
   * The RACI matrix of key tasks. When given, only a front-line party of a task may rate a
   * supporting (middle or back) party of that task; other ratings are rejected with a reason.
   * @defaultValue none (no RACI check)
   */
  tasks: z.optional(z.array(raciTaskSchema)),
};

/** Input of {@link reviewRatings}. */
export const reviewRatingsInputSchema = /* @__PURE__ */ z.strictObject({
  /** The plan settings. @defaultValue every default */
  plan: z.optional(ratingPlanSchema),
  ...ratingsInputFields,
});

/** Input of {@link scoreRatings}: as for review, with `plan.dimensions` required. */
export const scoreRatingsInputSchema = /* @__PURE__ */ z.strictObject({
  /** The plan settings, with the dimensions and their weights. */
  plan: z.extend(ratingPlanSchema, { dimensions: z.array(ratingDimensionSchema) }),
  ...ratingsInputFields,
});

/** A rating as given (inferred from {@link ratingSchema}). */
export type RatingInput = z.input<typeof ratingSchema>;
/** A review decision as given. */
export type ReviewDecisionInput = z.input<typeof reviewDecisionSchema>;
/** A party as given. */
export type RatingPartyInput = z.input<typeof ratingPartySchema>;
/** A RACI task as given. */
export type RaciTaskInput = z.input<typeof raciTaskSchema>;
/** The ratings plan settings as given. */
export type RatingPlanInput = z.input<typeof ratingPlanSchema>;
/** Input of {@link reviewRatings}. */
export type ReviewRatingsInput = z.input<typeof reviewRatingsInputSchema>;
/** Input of {@link scoreRatings}. */
export type ScoreRatingsInput = z.input<typeof scoreRatingsInputSchema>;
/** Parsed input shared by both functions. */
export type ParsedRatingsInput = z.output<typeof reviewRatingsInputSchema>;

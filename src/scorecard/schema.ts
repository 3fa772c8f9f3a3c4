import * as z from 'zod/mini';
import { decimalSchema, idSchema, isoDateSchema, nonNegativeDecimalSchema, roundingSchema } from '../core/schema.js';
import { coefficientMapSchema } from '../linkage/coefficientMap.js';

/**
 * What to do when a component has no score (SPEC §3.6): `reweight` drops it and divides by the
 * weight of the components that have one; `neutral` uses the plan's `neutralScore`; `error`
 * raises `MISSING_COMPONENT`.
 */
export const missingPolicySchema = /* @__PURE__ */ z.enum(['reweight', 'neutral', 'error']);

/** A missing-component policy (see {@link missingPolicySchema}). */
export type MissingPolicy = z.infer<typeof missingPolicySchema>;

/** A scorecard component as given (a leaf scored by the data, or a nested scorecard). */
export interface ScorecardComponentInput {
  /** Unique id across the whole card; subjects' `scores` are keyed by leaf ids. */
  id: string;
  /** Weight within its level; the weights of one level sum to exactly 1. */
  weight: string | number;
  /** Sub-components: this component is itself a scorecard. @defaultValue none (a leaf) */
  components?: ScorecardComponentInput[] | undefined;
  /** Policy when this component has no score. @defaultValue the enclosing level's, else `'error'` */
  missing?: MissingPolicy | undefined;
  /** Score used when this component is missing under `neutral`. @defaultValue the enclosing level's */
  neutralScore?: string | number | undefined;
}

/** One component of a scorecard: a leaf, or a nested scorecard with its own `components`. */
export const scorecardComponentSchema: z.ZodMiniType<ScorecardComponentInput> = /* @__PURE__ */ z.strictObject({
  id: idSchema,
  weight: nonNegativeDecimalSchema,
  get components() {
    return z.optional(z.array(scorecardComponentSchema).check(z.minLength(1)));
  },
  missing: z.optional(missingPolicySchema),
  neutralScore: z.optional(decimalSchema),
});

/** One subject (person or department) to score: component scores by leaf id. */
export const scorecardSubjectSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id of the subject. */
  id: idSchema,
  /** Score per leaf component id; absent or `null` means missing. */
  scores: z.record(idSchema, z.nullable(decimalSchema)),
});

/** The card part of `composeScore`'s input (everything but the subjects). */
const composeCardShape = {
  /** The card: weighted components (weights of each level sum to exactly 1), possibly nested. */
  components: z.array(scorecardComponentSchema).check(z.minLength(1)),
  /** Policy for a missing component, unless the component says otherwise. @defaultValue `'error'` */
  missing: z.optional(missingPolicySchema),
  /** Score used for a missing component under `neutral`. @defaultValue none (required for `neutral`) */
  neutralScore: z.optional(decimalSchema),
  /** Map from the final score to a performance coefficient. @defaultValue none (coefficient `null`) */
  coefficient: z.optional(coefficientMapSchema),
  /** Rounding policy: each (sub-)card score to scoreDecimals, the coefficient to coefficientDecimals. @defaultValue half-up, 2 dp, 4 dp */
  rounding: z.optional(roundingSchema),
  /** Whether each subject carries its trace steps (turn off for bulk what-ifs over millions of cards). @defaultValue `true` */
  trace: z.optional(z.boolean()),
  /**
   * Whether each subject carries its component rows (`false`: `components` is empty; with
   * `trace: false` too, a million cards keep only id, score and coefficient). @defaultValue `true`
   */
  breakdown: z.optional(z.boolean()),
};

/** Input of `composeScore`. */
export const composeScoreInputSchema = /* @__PURE__ */ z.strictObject({
  ...composeCardShape,
  /** The subjects to score (ids unique). */
  subjects: z.array(scorecardSubjectSchema),
});

/**
 * `composeScore`'s input with the subjects left unparsed: the function checks them by hand,
 * exactly as {@link scorecardSubjectSchema} would, without copying a million objects (internal).
 */
export const composeCardSchema = /* @__PURE__ */ z.strictObject({
  ...composeCardShape,
  subjects: z.array(z.unknown()),
});

/** A catalogue entry type for collaboration points (seed 000: +10, +5, −20). */
export const pointTypeSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id (`"majorRiskAvoided"`). */
  id: idSchema,
  /** Points an entry of this type carries (negative for a penalty). */
  points: decimalSchema,
  /** Human label (`"major risk avoided"`). @defaultValue none */
  label: z.optional(z.string().check(z.maxLength(200))),
});

/** One ledger entry [台账]. */
export const pointEntrySchema = /* @__PURE__ */ z.strictObject({
  /** Unique id of the entry. */
  id: idSchema,
  /** Who the points are for (person or department id). */
  subject: idSchema,
  /** Catalogue type; gives the points. @defaultValue none (then `points` is required) */
  type: z.optional(idSchema),
  /** Points (negative for a penalty); must equal the type's points when both are given. */
  points: z.optional(decimalSchema),
  /** Why the points were proposed. */
  reason: z.string().check(z.maxLength(2000)),
  /** Evidence reference (document, ticket, minutes). Missing or blank → rejected. @defaultValue none */
  evidence: z.optional(z.nullable(z.string().check(z.maxLength(2000)))),
  /** Who proposed the entry (project lead or a manager one level up, seed 003). */
  proposer: idSchema,
  /** Who approved it. Missing → rejected; the proposer approving their own entry → rejected. @defaultValue none */
  approver: z.optional(z.nullable(idSchema)),
  /** The date of the behaviour, YYYY-MM-DD. */
  date: isoDateSchema,
});

/** Input of `tallyPoints`. */
export const tallyPointsInputSchema = /* @__PURE__ */ z.strictObject({
  /** Entry types with fixed points. @defaultValue `[]` */
  catalogue: z.optional(z.array(pointTypeSchema)),
  /** The ledger. */
  entries: z.array(pointEntrySchema),
  /** Subjects to report even without entries (they get the score of 0 net points). @defaultValue `[]` */
  subjects: z.optional(z.array(idSchema)),
  /**
   * Net points → component score: `clamp(intercept + slope · net, floor, cap)`, rounded to the
   * score decimals. @defaultValue `{ kind: 'linear' }` (score = net points, floored at 0, no cap)
   */
  scoring: z.optional(coefficientMapSchema),
  /** Rounding policy. @defaultValue half-up, scores 2 dp */
  rounding: z.optional(roundingSchema),
});

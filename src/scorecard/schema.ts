import * as z from 'zod/mini';
import {
  decimalSchema,
  idSchema,
  isoDateSchema,
  nonNegativeDecimalSchema,
  roundingSchema,
  shaped,
  type ZodSchema,
} from '../core/schema.js';
import { coefficientMapSchema } from '../tiers/schema.js';
import type * as t from './types.js';

/** A missing-component policy (see {@link t.MissingPolicy}). */
export const missingPolicySchema: ZodSchema<t.MissingPolicy> = /* @__PURE__ */ z.enum(['reweight', 'neutral', 'error']);

/** One component of a scorecard: a leaf, or a nested scorecard (see {@link t.ScorecardComponentInput}). */
export const scorecardComponentSchema: ZodSchema<t.ScorecardComponentInput> = /* @__PURE__ */ z.strictObject({
  id: idSchema,
  weight: nonNegativeDecimalSchema,
  get components() {
    return z.optional(z.array(scorecardComponentSchema).check(z.minLength(1)));
  },
  missing: z.optional(missingPolicySchema),
  neutralScore: z.optional(decimalSchema),
});

/** One subject to score (see {@link t.ScorecardSubjectInput}). */
export const scorecardSubjectSchema = /* @__PURE__ */ shaped<t.ScorecardSubjectInput>()(
  z.strictObject({ id: idSchema, scores: z.record(idSchema, z.nullable(decimalSchema)) }),
);

/** The fields of a scorecard (internal: the period plan takes some of them). */
export const scorecardFields = {
  components: /* @__PURE__ */ z.array(scorecardComponentSchema).check(z.minLength(1)),
  missing: /* @__PURE__ */ z.optional(missingPolicySchema),
  neutralScore: /* @__PURE__ */ z.optional(decimalSchema),
  coefficient: /* @__PURE__ */ z.optional(coefficientMapSchema),
  rounding: /* @__PURE__ */ z.optional(roundingSchema),
  trace: /* @__PURE__ */ z.optional(z.boolean()),
  breakdown: /* @__PURE__ */ z.optional(z.boolean()),
};

/** The card of `composeScore` (see {@link t.ScorecardInput}). */
export const scorecardSchema = /* @__PURE__ */ shaped<t.ScorecardInput>()(z.strictObject(scorecardFields));

/** Input of `composeScore` (see {@link t.ComposeScoreInput}). */
export const composeScoreInputSchema = /* @__PURE__ */ shaped<t.ComposeScoreInput>()(
  z.strictObject({ ...scorecardFields, subjects: z.array(scorecardSubjectSchema) }),
);

/** A catalogue entry type for collaboration points (see {@link t.PointTypeInput}). */
export const pointTypeSchema = /* @__PURE__ */ shaped<t.PointTypeInput>()(
  z.strictObject({ id: idSchema, points: decimalSchema, label: z.optional(z.string().check(z.maxLength(200))) }),
);

/** One ledger entry (see {@link t.PointEntryInput}). */
export const pointEntrySchema = /* @__PURE__ */ shaped<t.PointEntryInput>()(
  z.strictObject({
    id: idSchema,
    subject: idSchema,
    type: z.optional(idSchema),
    points: z.optional(decimalSchema),
    reason: z.string().check(z.maxLength(2000)),
    evidence: z.optional(z.nullable(z.string().check(z.maxLength(2000)))),
    proposer: idSchema,
    approver: z.optional(z.nullable(idSchema)),
    date: isoDateSchema,
  }),
);

/** The fields of `tallyPoints`' input (internal: the period plan takes some of them). */
export const tallyPointsFields = {
  catalogue: /* @__PURE__ */ z.optional(z.array(pointTypeSchema)),
  entries: /* @__PURE__ */ z.array(pointEntrySchema),
  subjects: /* @__PURE__ */ z.optional(z.array(idSchema)),
  scoring: /* @__PURE__ */ z.optional(coefficientMapSchema),
  rounding: /* @__PURE__ */ z.optional(roundingSchema),
};

/** Input of `tallyPoints` (see {@link t.TallyPointsInput}). */
export const tallyPointsInputSchema = /* @__PURE__ */ shaped<t.TallyPointsInput>()(z.strictObject(tallyPointsFields));

/** A metric with an elastic target (see {@link t.TargetMetricInput}). */
export const targetMetricSchema = /* @__PURE__ */ shaped<t.TargetMetricInput>()(
  z.strictObject({
    id: idSchema,
    direction: z.enum(['lowerIsBetter', 'higherIsBetter']),
    scaleWithComplexity: z.optional(z.boolean()),
    decimals: z.optional(z.int().check(z.minimum(0), z.maximum(12))),
  }),
);

/** The ability baseline of one level (see {@link t.TargetBaselineInput}). */
export const targetBaselineSchema = /* @__PURE__ */ shaped<t.TargetBaselineInput>()(
  z.strictObject({ id: idSchema, values: z.record(idSchema, nonNegativeDecimalSchema) }),
);

/** An adjustment rule over a person's history (see {@link t.TargetRuleInput}). */
export const targetRuleSchema = /* @__PURE__ */ shaped<t.TargetRuleInput>()(
  z.strictObject({
    id: idSchema,
    metric: idSchema,
    streak: z.int().check(z.minimum(1), z.maximum(120)),
    when: z.enum(['better', 'worse']),
    adjust: z.enum(['relax', 'tighten']),
    step: nonNegativeDecimalSchema,
    stepKind: z.optional(z.enum(['absolute', 'relative'])),
  }),
);

/** One month of a person's record (see {@link t.TargetHistoryInput}). */
export const targetHistorySchema = /* @__PURE__ */ shaped<t.TargetHistoryInput>()(
  z.strictObject({
    period: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month written YYYY-MM')),
    values: z.record(idSchema, decimalSchema),
  }),
);

/** One person to set targets for (see {@link t.TargetPersonInput}). */
export const targetPersonSchema = /* @__PURE__ */ shaped<t.TargetPersonInput>()(
  z.strictObject({
    id: idSchema,
    level: idSchema,
    complexity: z.optional(decimalSchema),
    history: z.optional(z.array(targetHistorySchema)),
  }),
);

/** Input of `deriveTargets` (see {@link t.DeriveTargetsInput}). */
export const deriveTargetsInputSchema = /* @__PURE__ */ shaped<t.DeriveTargetsInput>()(
  z.strictObject({
    metrics: z.array(targetMetricSchema).check(z.minLength(1)),
    baselines: z.array(targetBaselineSchema).check(z.minLength(1)),
    rules: z.optional(z.array(targetRuleSchema)),
    people: z.array(targetPersonSchema),
    rounding: z.optional(roundingSchema),
  }),
);

import * as z from 'zod/mini';
import {
  currencySchema,
  decimalSchema,
  idSchema,
  instantSchema,
  isoDateSchema,
  moneySchema,
  nonNegativeDecimalSchema,
  roundingSchema,
  shaped,
  type ZodSchema,
} from '../core/schema.js';
import { drawPolicySchema } from '../draws/schema.js';
import { creditDimensionsSchema, interlockIndicatorsSchema, revenueFactSchema } from '../interlock/schema.js';
import { raciTasksSchema, ratingSchema, reviewDecisionSchema, scoringPlanSchema } from '../ratings/schema.js';
import { calendarSchema, responseMetricSchema, ticketSchema } from '../time/schema.js';
import { tierTableSchema } from '../tiers/schema.js';
import {
  pointEntrySchema,
  scorecardFields,
  tallyPointsFields,
  targetBaselineSchema,
  targetMetricSchema,
  targetRuleSchema,
} from '../scorecard/schema.js';
import { linkCoefficientsFields, linkDepartmentFields, linkKpiFields } from '../linkage/schema.js';
import {
  clawbackPolicySchema,
  contributionRoundingSchema,
  poolBasisSchema,
  poolWeightingSchema,
  weightDecimalsSchema,
} from '../pool/schema.js';
import type * as t from './types.js';

/**
 * Schemas of the period run: plans with effective-dated versions, the organisation, one
 * period's data, and the whole scenario (the input of `runPeriod`, and of a scenario file).
 * Mechanism settings are composed from each mechanism's own exported schema. Each schema is
 * checked against its interface in types.ts, where the fields are documented.
 */

/** Schema of {@link t.PeriodInput}. */
export const periodSchema = /* @__PURE__ */ shaped<t.PeriodInput>()(
  z.strictObject({ unit: z.enum(['month', 'quarter', 'year']), start: isoDateSchema }),
);

/** Schema of {@link t.GradeInput}. */
export const gradeSchema = /* @__PURE__ */ shaped<t.GradeInput>()(
  z.strictObject({
    id: idSchema,
    basePay: nonNegativeDecimalSchema,
    targetBonus: z.optional(nonNegativeDecimalSchema),
  }),
);

const sideSchema = /* @__PURE__ */ z.enum(['front', 'middle', 'back']);

/** Schema of {@link t.PlanPoolInput}. */
export const planPoolSchema = /* @__PURE__ */ shaped<t.PlanPoolInput>()(
  z.strictObject({
    rate: decimalSchema,
    clawbackPolicy: z.optional(clawbackPolicySchema),
    contributionRounding: z.optional(contributionRoundingSchema),
    contributors: z.optional(z.array(sideSchema).check(z.minLength(1))),
    recipients: z.optional(z.array(sideSchema).check(z.minLength(1))),
    weighting: z.optional(poolWeightingSchema),
    floor: z.optional(nonNegativeDecimalSchema),
    basis: z.optional(poolBasisSchema),
    weightDecimals: z.optional(weightDecimalsSchema),
    cap: z.optional(nonNegativeDecimalSchema),
    units: z.optional(z.literal('department')),
    scoreFrom: z.optional(z.enum(['supportScores', 'ratings', 'responseTimes', 'supportCard'])),
    supportCard: z.optional(
      z.strictObject({
        response: z.optional(nonNegativeDecimalSchema),
        resolution: z.optional(nonNegativeDecimalSchema),
        reopen: z.optional(nonNegativeDecimalSchema),
        rating: z.optional(nonNegativeDecimalSchema),
        targets: z.optional(nonNegativeDecimalSchema),
      }),
    ),
    nonContributorCommissions: z.optional(z.enum(['refuse', 'payInFull', 'carve'])),
  }),
);

/** Schema of {@link t.PlanLinkageInput}. */
export const planLinkageSchema = /* @__PURE__ */ shaped<t.PlanLinkageInput>()(
  z.strictObject({
    levels: linkCoefficientsFields.levels,
    achievementMap: linkCoefficientsFields.achievementMap,
    uniformKpi: linkCoefficientsFields.uniformKpi,
    companyKpis: z
      .array(z.pick(z.strictObject(linkKpiFields), { id: true, target: true, map: true }))
      .check(z.minLength(1)),
    departments: z.array(z.omit(z.strictObject(linkDepartmentFields), { coefficient: true })),
  }),
);

/** Schema of {@link t.CompanyKpiResultInput}. */
export const companyKpiResultSchema = /* @__PURE__ */ shaped<t.CompanyKpiResultInput>()(
  z.pick(z.strictObject(linkKpiFields), { id: true, actual: true, coefficient: true }),
);

/** Schema of {@link t.PlanResponseTimesInput}. */
export const planResponseTimesSchema = /* @__PURE__ */ shaped<t.PlanResponseTimesInput>()(
  z.strictObject({
    calendar: z.optional(calendarSchema),
    response: z.optional(responseMetricSchema),
    resolution: z.optional(responseMetricSchema),
  }),
);

/** Schema of {@link t.PlanRatingsInput}. */
export const planRatingsSchema = /* @__PURE__ */ shaped<t.PlanRatingsInput>()(
  z.strictObject({ settings: scoringPlanSchema, tasks: raciTasksSchema }),
);

/** Schema of {@link t.PlanInterlockInput}. */
export const planInterlockSchema = /* @__PURE__ */ shaped<t.PlanInterlockInput>()(
  z.strictObject({
    dimensions: z.optional(creditDimensionsSchema),
    indicators: z.optional(interlockIndicatorsSchema),
  }),
);

/** Schema of {@link t.ScorecardSource}. */
export const scorecardSourceSchema: ZodSchema<t.ScorecardSource> = /* @__PURE__ */ z.enum([
  'data',
  'ratings',
  'responseTimes',
  'resolutionTimes',
  'company',
  'supportReceived',
  'points',
  'interlock',
]);

/** Schema of {@link t.PlanScorecardInput}. */
export const planScorecardSchema = /* @__PURE__ */ shaped<t.PlanScorecardInput>()(
  z.strictObject({
    components: scorecardFields.components,
    missing: scorecardFields.missing,
    neutralScore: scorecardFields.neutralScore,
    coefficient: scorecardFields.coefficient,
    sources: z.optional(z.record(idSchema, scorecardSourceSchema)),
    id: z.optional(idSchema),
    appliesTo: z.optional(
      z.strictObject({
        sides: z.optional(z.array(z.enum(['front', 'middle', 'back']))),
        departments: z.optional(z.array(idSchema)),
      }),
    ),
    points: z.optional(
      z.strictObject({
        catalogue: tallyPointsFields.catalogue,
        scoring: tallyPointsFields.scoring,
      }),
    ),
  }),
);

/** Schema of {@link t.ComponentScoreInput}. */
export const componentScoreSchema = /* @__PURE__ */ shaped<t.ComponentScoreInput>()(
  z.strictObject({ department: idSchema, component: idSchema, score: decimalSchema }),
);

/** Schema of {@link t.PlanTargetsInput}. */
export const planTargetsSchema = /* @__PURE__ */ shaped<t.PlanTargetsInput>()(
  z.strictObject({
    metrics: z.array(targetMetricSchema).check(z.minLength(1)),
    baselines: z.array(targetBaselineSchema).check(z.minLength(1)),
    rules: z.optional(z.array(targetRuleSchema)),
    weights: z.optional(z.record(idSchema, nonNegativeDecimalSchema)),
    cap: z.optional(nonNegativeDecimalSchema),
  }),
);

/** Schema of {@link t.MeasureInput}. */
export const measureSchema = /* @__PURE__ */ shaped<t.MeasureInput>()(
  z.strictObject({
    person: idSchema,
    metric: idSchema,
    value: nonNegativeDecimalSchema,
    complexity: z.optional(decimalSchema),
  }),
);

/** Schema of {@link t.MeasureHistoryInput}. */
export const measureHistorySchema = /* @__PURE__ */ shaped<t.MeasureHistoryInput>()(
  z.strictObject({
    person: idSchema,
    month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month written YYYY-MM')),
    metric: idSchema,
    value: nonNegativeDecimalSchema,
  }),
);

/** Schema of {@link t.PlanCommissionsInput}. */
export const planCommissionsSchema = /* @__PURE__ */ shaped<t.PlanCommissionsInput>()(
  z.strictObject({
    rateTable: tierTableSchema,
    method: z.enum(['marginal', 'retroactive']),
    modifierTable: z.optional(tierTableSchema),
  }),
);

/** Schema of {@link t.PlanVersionInput}. */
export const planVersionSchema = /* @__PURE__ */ shaped<t.PlanVersionInput>()(
  z.strictObject({
    id: idSchema,
    effective: isoDateSchema,
    until: z.optional(isoDateSchema),
    note: z.optional(z.string().check(z.maxLength(500))),
    grades: z.array(gradeSchema),
    scorecard: z.optional(z.union([planScorecardSchema, z.array(planScorecardSchema).check(z.minLength(1))])),
    linkage: z.optional(planLinkageSchema),
    responseTimes: z.optional(planResponseTimesSchema),
    ratings: z.optional(planRatingsSchema),
    interlock: z.optional(planInterlockSchema),
    pool: z.optional(planPoolSchema),
    commissions: z.optional(planCommissionsSchema),
    targets: z.optional(planTargetsSchema),
  }),
);

/** Schema of {@link t.PlausibleRangeInput}. */
export const plausibleRangeSchema = /* @__PURE__ */ shaped<t.PlausibleRangeInput>()(
  z.strictObject({ min: decimalSchema, max: decimalSchema }),
);

/** Every {@link t.PlausibilityCode}, in the order the docs list them. */
export const PLAUSIBILITY_CODES = [
  'negativeNet',
  'noDaysEmployed',
  'coefficientOutOfRange',
  'commissionNotCarved',
] as const satisfies readonly t.PlausibilityCode[];

/** Schema of {@link t.PlanPlausibilityInput}. */
export const planPlausibilitySchema = /* @__PURE__ */ shaped<t.PlanPlausibilityInput>()(
  z.strictObject({
    coefficient: z.optional(plausibleRangeSchema),
    block: z.optional(z.array(z.enum(PLAUSIBILITY_CODES))),
  }),
);

/** Schema of {@link t.PlanConversionInput}. */
export const planConversionSchema = /* @__PURE__ */ shaped<t.PlanConversionInput>()(
  z.strictObject({
    at: z.optional(z.enum(['transactionDate', 'periodEnd'])),
    rounding: z.optional(z.enum(['halfUp', 'halfEven'])),
  }),
);

/** Schema of {@link t.PlanInput}. */
export const planSchema = /* @__PURE__ */ shaped<t.PlanInput>()(
  z.strictObject({
    id: idSchema,
    currency: currencySchema,
    rounding: z.optional(roundingSchema),
    onVersionChange: z.optional(z.enum(['report', 'prorate'])),
    plausibility: z.optional(planPlausibilitySchema),
    conversion: z.optional(planConversionSchema),
    holdUntilCollected: z.optional(z.boolean()),
    draws: z.optional(drawPolicySchema),
    versions: z.array(planVersionSchema).check(z.minLength(1)),
  }),
);

/** Schema of {@link t.ResolvePlanInput}. */
export const resolvePlanInputSchema = /* @__PURE__ */ shaped<t.ResolvePlanInput>()(
  z.strictObject({ plan: planSchema, period: periodSchema }),
);

/** Schema of {@link t.DepartmentInput}. */
export const departmentSchema = /* @__PURE__ */ shaped<t.DepartmentInput>()(
  z.strictObject({
    id: idSchema,
    name: z.optional(z.string().check(z.maxLength(200))),
    side: z.enum(['front', 'middle', 'back']),
  }),
);

/** Schema of {@link t.PersonInput}. */
export const personSchema = /* @__PURE__ */ shaped<t.PersonInput>()(
  z.strictObject({
    id: idSchema,
    name: z.optional(z.string().check(z.maxLength(200))),
    department: idSchema,
    grade: idSchema,
    basePay: z.optional(nonNegativeDecimalSchema),
    targetBonus: z.optional(nonNegativeDecimalSchema),
    start: z.optional(isoDateSchema),
    end: z.optional(isoDateSchema),
    level: z.optional(idSchema),
  }),
);

/** Schema of {@link t.OrgInput}. */
export const orgSchema = /* @__PURE__ */ shaped<t.OrgInput>()(
  z.strictObject({ departments: z.array(departmentSchema), people: z.array(personSchema) }),
);

/** Schema of {@link t.DepartmentCoefficientInput}. */
export const departmentCoefficientSchema = /* @__PURE__ */ shaped<t.DepartmentCoefficientInput>()(
  z.strictObject({ department: idSchema, coefficient: nonNegativeDecimalSchema }),
);

/** Schema of {@link t.CommissionInput}. */
export const commissionSchema = /* @__PURE__ */ shaped<t.CommissionInput>()(
  z.strictObject({
    id: idSchema,
    person: idSchema,
    amount: moneySchema,
    currency: z.optional(currencySchema),
    date: z.optional(isoDateSchema),
    rate: z.optional(decimalSchema),
    collected: z.optional(z.nullable(isoDateSchema)),
  }),
);

/** Schema of {@link t.HeldCommissionInput}. */
export const heldCommissionSchema = /* @__PURE__ */ shaped<t.HeldCommissionInput>()(
  z.strictObject({
    id: idSchema,
    person: idSchema,
    amount: moneySchema,
    earned: isoDateSchema,
    version: idSchema,
    collected: z.optional(z.nullable(isoDateSchema)),
  }),
);

/** Schema of {@link t.ExchangeRateInput}. */
export const exchangeRateSchema = /* @__PURE__ */ shaped<t.ExchangeRateInput>()(
  z.strictObject({ currency: currencySchema, date: isoDateSchema, rate: nonNegativeDecimalSchema }),
);

/** Schema of {@link t.SupportScoreInput}. */
export const supportScoreSchema = /* @__PURE__ */ shaped<t.SupportScoreInput>()(
  z.strictObject({ subject: idSchema, score: nonNegativeDecimalSchema }),
);

/** Schema of {@link t.DeductionInput}. */
export const deductionSchema = /* @__PURE__ */ shaped<t.DeductionInput>()(
  z.strictObject({
    id: idSchema,
    person: idSchema,
    amount: nonNegativeDecimalSchema,
    reason: z.string().check(z.minLength(1)).check(z.maxLength(200)),
    date: z.optional(isoDateSchema),
  }),
);

/** Schema of {@link t.DrawArrangementInput}. */
export const drawArrangementSchema = /* @__PURE__ */ shaped<t.DrawArrangementInput>()(
  z.strictObject({
    person: idSchema,
    kind: z.enum(['recoverable', 'guarantee']),
    monthlyAmount: nonNegativeDecimalSchema,
  }),
);

/** Schema of {@link t.DrawBalanceInput}. */
export const drawBalanceSchema = /* @__PURE__ */ shaped<t.DrawBalanceInput>()(
  z.strictObject({ person: idSchema, balance: nonNegativeDecimalSchema }),
);

/** Schema of {@link t.SaleInput}. */
export const saleSchema = /* @__PURE__ */ shaped<t.SaleInput>()(
  z.strictObject({
    id: idSchema,
    person: idSchema,
    amount: nonNegativeDecimalSchema,
    currency: z.optional(currencySchema),
    date: z.optional(isoDateSchema),
    collected: z.optional(z.nullable(isoDateSchema)),
  }),
);

/** Schema of {@link t.CommissionMeasureInput}. */
export const commissionMeasureSchema = /* @__PURE__ */ shaped<t.CommissionMeasureInput>()(
  z.strictObject({ person: idSchema, measure: decimalSchema }),
);

/** The period data object (internal: the scenario reader extends it); public as {@link periodDataSchema}. */
export const periodDataObject = /* @__PURE__ */ z.strictObject({
  departmentCoefficients: z.optional(z.array(departmentCoefficientSchema)),
  componentScores: z.optional(z.array(componentScoreSchema)),
  pointEntries: z.optional(z.array(pointEntrySchema)),
  companyKpis: z.optional(z.array(companyKpiResultSchema)),
  commissions: z.optional(z.array(commissionSchema)),
  deductions: z.optional(z.array(deductionSchema)),
  revenueFacts: z.optional(z.array(revenueFactSchema)),
  tickets: z.optional(z.array(ticketSchema)),
  ratings: z.optional(z.array(ratingSchema)),
  reviewDecisions: z.optional(z.array(reviewDecisionSchema)),
  supportScores: z.optional(z.array(supportScoreSchema)),
  exchangeRates: z.optional(z.array(exchangeRateSchema)),
  heldCommissions: z.optional(z.array(heldCommissionSchema)),
  sales: z.optional(z.array(saleSchema)),
  commissionMeasures: z.optional(z.array(commissionMeasureSchema)),
  draws: z.optional(z.array(drawArrangementSchema)),
  drawBalances: z.optional(z.array(drawBalanceSchema)),
  measures: z.optional(z.array(measureSchema)),
  measureHistory: z.optional(z.array(measureHistorySchema)),
});

/** Schema of {@link t.PeriodDataInput}. */
export const periodDataSchema = /* @__PURE__ */ shaped<t.PeriodDataInput>()(periodDataObject);

/** A row count declared by the source system: a whole number ≥ 0 (`INVALID_INPUT` otherwise). */
const controlCountSchema = /* @__PURE__ */ z.int().check(z.minimum(0));

/** Schema of {@link t.ControlsInput}. */
export const controlsSchema = /* @__PURE__ */ shaped<t.ControlsInput>()(
  z.strictObject({
    people: z.optional(controlCountSchema),
    commissions: z.optional(
      z.strictObject({
        rows: z.optional(controlCountSchema),
        gross: z.optional(moneySchema),
        byCurrency: z.optional(z.record(currencySchema, moneySchema)),
      }),
    ),
    sales: z.optional(
      z.strictObject({
        rows: z.optional(controlCountSchema),
        total: z.optional(nonNegativeDecimalSchema),
        byCurrency: z.optional(z.record(currencySchema, nonNegativeDecimalSchema)),
      }),
    ),
    deductions: z.optional(
      z.strictObject({ rows: z.optional(controlCountSchema), total: z.optional(nonNegativeDecimalSchema) }),
    ),
    tickets: z.optional(controlCountSchema),
    ratings: z.optional(controlCountSchema),
    revenueFacts: z.optional(controlCountSchema),
    payTotal: z.optional(moneySchema),
  }),
);

/** The scenario object (internal: the scenario reader extends it); public as {@link runPeriodInputSchema}. */
export const runPeriodInputObject = /* @__PURE__ */ z.strictObject({
  $schema: z.optional(z.string()),
  plan: planSchema,
  period: periodSchema,
  trace: z.optional(z.boolean()),
  ledgerRows: z.optional(z.boolean()),
  asOf: z.optional(instantSchema),
  org: orgSchema,
  data: z.optional(periodDataSchema),
  controls: z.optional(controlsSchema),
});

/** Schema of {@link t.RunPeriodInput}: a scenario file holds exactly this object as JSON. */
export const runPeriodInputSchema = /* @__PURE__ */ shaped<t.RunPeriodInput>()(runPeriodInputObject);

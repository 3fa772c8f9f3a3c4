/**
 * The public face of every input schema: the zod/mini schemas the mechanisms validate with, typed
 * by {@link Schema} (named interfaces, no zod types in the declarations), one by one and by
 * function name in {@link schemas}.
 */
import { publicSchema } from './core/schema.js';
import * as core_allocate from './core/allocate.js';
import * as tiers_schema from './tiers/schema.js';
import * as time_schema from './time/schema.js';
import * as linkage_schema from './linkage/schema.js';
import * as ratings_schema from './ratings/schema.js';
import * as pool_schema from './pool/schema.js';
import * as draws_schema from './draws/schema.js';
import * as scorecard_schema from './scorecard/schema.js';
import * as period_schema from './period/schema.js';
import * as demo_demoScenario from './demo/demoScenario.js';
import * as core_schema from './core/schema.js';
import * as whatif_schema from './whatif/schema.js';
import * as interlock_schema from './interlock/schema.js';

/** Schema of {@link AllocateShare}. */
export const allocateShareSchema = /* @__PURE__ */ publicSchema(core_allocate.allocateShareSchema);
/** Schema of {@link AllocateInput}. */
export const allocateInputSchema = /* @__PURE__ */ publicSchema(core_allocate.allocateInputSchema);
/** A tier table (SPEC §2.2; see {@link TierTable}). */
export const tierTableSchema = /* @__PURE__ */ publicSchema(tiers_schema.tierTableSchema);
/** Input of `tierScore` (see {@link TierScoreInput}). */
export const tierScoreInputSchema = /* @__PURE__ */ publicSchema(tiers_schema.tierScoreInputSchema);
/** A tier bound: a plain decimal (minutes in a duration table) or, in a duration table, a `Duration` object. */
export const tierBoundSchema = /* @__PURE__ */ publicSchema(tiers_schema.tierBoundSchema);
/** One band of a tier table (see {@link TierBand}). */
export const tierBandSchema = /* @__PURE__ */ publicSchema(tiers_schema.tierBandSchema);
/** Input of `applyRateTable` (see {@link RateTableInput}). */
export const rateTableInputSchema = /* @__PURE__ */ publicSchema(tiers_schema.rateTableInputSchema);
/** A clamped linear map from a value to a coefficient (see {@link LinearMapInput}). */
export const linearMapSchema = /* @__PURE__ */ publicSchema(tiers_schema.linearMapSchema);
/** A date-fns `Duration` object used as a tier bound, validated as described in {@link DurationBound}. */
export const durationBoundSchema = /* @__PURE__ */ publicSchema(tiers_schema.durationBoundSchema);
/** How a measured value becomes a coefficient: a linear map or a tier table (see {@link CoefficientMapInput}). */
export const coefficientMapSchema = /* @__PURE__ */ publicSchema(tiers_schema.coefficientMapSchema);
/** Schema of a {@link WorkingInterval}. */
export const workingIntervalSchema = /* @__PURE__ */ publicSchema(time_schema.workingIntervalSchema);
/** Schema of a {@link Pause}. */
export const pauseSchema = /* @__PURE__ */ publicSchema(time_schema.pauseSchema);
/** Schema of a working calendar, {@link CalendarInput}. */
export const calendarSchema = /* @__PURE__ */ publicSchema(time_schema.calendarSchema);
/** Schema of the input of `businessDuration`, {@link BusinessDurationInput}. */
export const businessDurationInputSchema = /* @__PURE__ */ publicSchema(time_schema.businessDurationInputSchema);
/** A relevance level: a name of 1–50 characters or a star count 0–1000 (see {@link RelevanceLevel}). */
export const relevanceLevelSchema = /* @__PURE__ */ publicSchema(linkage_schema.relevanceLevelSchema);
/** A company KPI of the linkage (see {@link LinkKpiInput}). */
export const linkKpiSchema = /* @__PURE__ */ publicSchema(linkage_schema.linkKpiSchema);
/** A department of the linkage (see {@link LinkDepartmentInput}). */
export const linkDepartmentSchema = /* @__PURE__ */ publicSchema(linkage_schema.linkDepartmentSchema);
/** Input of `linkCoefficients` (see {@link LinkCoefficientsInput}). */
/** Schema of {@link CompanyCoefficientsInput}. */
export const companyCoefficientsInputSchema = /* @__PURE__ */ publicSchema(
  linkage_schema.companyCoefficientsInputSchema,
);
/** Schema of {@link LinkCoefficientsInput}. */
export const linkCoefficientsInputSchema = /* @__PURE__ */ publicSchema(linkage_schema.linkCoefficientsInputSchema);
/** One company KPI measured against its target (see {@link CompanyKpiInput}). */
export const companyKpiSchema = /* @__PURE__ */ publicSchema(linkage_schema.companyKpiSchema);
/** Schema of {@link ScoreRatingsInput}. */
export const scoreRatingsInputSchema = /* @__PURE__ */ publicSchema(ratings_schema.scoreRatingsInputSchema);
/** Schema of {@link ReviewRatingsInput}. */
export const reviewRatingsInputSchema = /* @__PURE__ */ publicSchema(ratings_schema.reviewRatingsInputSchema);
/** Schema of {@link ReviewDecisionInput}: `keep`, `drop`, or `adjust` with a `score`. */
export const reviewDecisionSchema = /* @__PURE__ */ publicSchema(ratings_schema.reviewDecisionSchema);
/** Schema of {@link RatingInput}. */
export const ratingSchema = /* @__PURE__ */ publicSchema(ratings_schema.ratingSchema);
/** Schema of {@link RatingPlanInput}. */
export const ratingPlanSchema = /* @__PURE__ */ publicSchema(ratings_schema.ratingPlanSchema);
/** Schema of {@link RatingPartyInput}. */
export const ratingPartySchema = /* @__PURE__ */ publicSchema(ratings_schema.ratingPartySchema);
/** Schema of {@link RatingDimensionInput}. */
export const ratingDimensionSchema = /* @__PURE__ */ publicSchema(ratings_schema.ratingDimensionSchema);
/** Schema of {@link RaciTaskInput}. */
export const raciTaskSchema = /* @__PURE__ */ publicSchema(ratings_schema.raciTaskSchema);
/** Schema of {@link RaciAssignmentInput}. */
export const raciAssignmentSchema = /* @__PURE__ */ publicSchema(ratings_schema.raciAssignmentSchema);
/** Schema of one ticket, {@link TicketInput}: what the fast row reader checks a million times. */
export const ticketSchema = /* @__PURE__ */ publicSchema(time_schema.ticketSchema);
/** Schema of the input of `scoreResponseTimes`, {@link ScoreResponseTimesInput}. */
export const scoreResponseTimesInputSchema = /* @__PURE__ */ publicSchema(time_schema.scoreResponseTimesInputSchema);
/** Schema of one scored metric, {@link ResponseMetricInput}. */
export const responseMetricSchema = /* @__PURE__ */ publicSchema(time_schema.responseMetricSchema);
/** Schema of an elastic condition [弹性指标, seed 004], {@link ElasticConditionInput}. */
export const elasticConditionSchema = /* @__PURE__ */ publicSchema(time_schema.elasticConditionSchema);
/** Schema of {@link PoolWeighting}. */
export const poolWeightingSchema = /* @__PURE__ */ publicSchema(pool_schema.poolWeightingSchema);
/** Schema of {@link PoolUnitInput}. */
export const poolUnitSchema = /* @__PURE__ */ publicSchema(pool_schema.poolUnitSchema);
/** Schema of {@link PoolRecipientInput}. */
export const poolRecipientSchema = /* @__PURE__ */ publicSchema(pool_schema.poolRecipientSchema);
/** Schema of {@link ElasticityExponentInput}. */
export const elasticityExponentInputSchema = /* @__PURE__ */ publicSchema(pool_schema.elasticityExponentInputSchema);
/** Schema of {@link CommissionsInput}. */
export const commissionsInputSchema = /* @__PURE__ */ publicSchema(pool_schema.commissionsInputSchema);
/** Schema of {@link CommissionRowInput}. */
export const commissionRowSchema = /* @__PURE__ */ publicSchema(pool_schema.commissionRowSchema);
/** Schema of {@link CommissionBaseInput}. */
export const commissionBaseSchema = /* @__PURE__ */ publicSchema(pool_schema.commissionBaseSchema);
/** Schema of {@link ClawbackInput}. */
export const clawbackSchema = /* @__PURE__ */ publicSchema(pool_schema.clawbackSchema);
/** Schema of {@link CarvePoolInput}. */
export const carvePoolInputSchema = /* @__PURE__ */ publicSchema(pool_schema.carvePoolInputSchema);
/** Schema of {@link AllocatePoolInput}. */
export const allocatePoolInputSchema = /* @__PURE__ */ publicSchema(pool_schema.allocatePoolInputSchema);
/** An adjustment rule over a person's history (see {@link TargetRuleInput}). */
export const targetRuleSchema = /* @__PURE__ */ publicSchema(scorecard_schema.targetRuleSchema);
/** One person to set targets for (see {@link TargetPersonInput}). */
export const targetPersonSchema = /* @__PURE__ */ publicSchema(scorecard_schema.targetPersonSchema);
/** A metric with an elastic target (see {@link TargetMetricInput}). */
export const targetMetricSchema = /* @__PURE__ */ publicSchema(scorecard_schema.targetMetricSchema);
/** One month of a person's record (see {@link TargetHistoryInput}). */
export const targetHistorySchema = /* @__PURE__ */ publicSchema(scorecard_schema.targetHistorySchema);
/** The ability baseline of one level (see {@link TargetBaselineInput}). */
export const targetBaselineSchema = /* @__PURE__ */ publicSchema(scorecard_schema.targetBaselineSchema);
/** Input of `tallyPoints` (see {@link TallyPointsInput}). */
export const tallyPointsInputSchema = /* @__PURE__ */ publicSchema(scorecard_schema.tallyPointsInputSchema);
/** One subject to score (see {@link ScorecardSubjectInput}). */
export const scorecardSubjectSchema = /* @__PURE__ */ publicSchema(scorecard_schema.scorecardSubjectSchema);
/** The card of `composeScore` (see {@link ScorecardInput}). */
export const scorecardSchema = /* @__PURE__ */ publicSchema(scorecard_schema.scorecardSchema);
/** One component of a scorecard: a leaf, or a nested scorecard (see {@link ScorecardComponentInput}). */
export const scorecardComponentSchema = /* @__PURE__ */ publicSchema(scorecard_schema.scorecardComponentSchema);
/** A catalogue entry type for collaboration points (see {@link PointTypeInput}). */
export const pointTypeSchema = /* @__PURE__ */ publicSchema(scorecard_schema.pointTypeSchema);
/** One ledger entry (see {@link PointEntryInput}). */
export const pointEntrySchema = /* @__PURE__ */ publicSchema(scorecard_schema.pointEntrySchema);
/** A missing-component policy (see {@link MissingPolicy}). */
export const missingPolicySchema = /* @__PURE__ */ publicSchema(scorecard_schema.missingPolicySchema);
/** Input of `deriveTargets` (see {@link DeriveTargetsInput}). */
export const deriveTargetsInputSchema = /* @__PURE__ */ publicSchema(scorecard_schema.deriveTargetsInputSchema);
/** Input of `composeScore` (see {@link ComposeScoreInput}). */
export const composeScoreInputSchema = /* @__PURE__ */ publicSchema(scorecard_schema.composeScoreInputSchema);
/** Schema of {@link SupportScoreInput}. */
export const supportScoreSchema = /* @__PURE__ */ publicSchema(period_schema.supportScoreSchema);
/** Schema of {@link ScorecardSource}. */
export const scorecardSourceSchema = /* @__PURE__ */ publicSchema(period_schema.scorecardSourceSchema);
/** Schema of {@link RunPeriodInput}: a scenario file holds exactly this object as JSON. */
export const runPeriodInputSchema = /* @__PURE__ */ publicSchema(period_schema.runPeriodInputSchema);
/** Schema of {@link ResolvePlanInput}. */
export const resolvePlanInputSchema = /* @__PURE__ */ publicSchema(period_schema.resolvePlanInputSchema);
/** Schema of {@link PlanVersionInput}. */
export const planVersionSchema = /* @__PURE__ */ publicSchema(period_schema.planVersionSchema);
/** Schema of {@link PlanScorecardInput}. */
export const planScorecardSchema = /* @__PURE__ */ publicSchema(period_schema.planScorecardSchema);
/** Schema of {@link PlanInput}. */
export const planSchema = /* @__PURE__ */ publicSchema(period_schema.planSchema);
/** Schema of {@link PlanResponseTimesInput}. */
export const planResponseTimesSchema = /* @__PURE__ */ publicSchema(period_schema.planResponseTimesSchema);
/** Schema of {@link PlanRatingsInput}. */
export const planRatingsSchema = /* @__PURE__ */ publicSchema(period_schema.planRatingsSchema);
/** Schema of {@link PlanPlausibilityInput}. */
export const planPlausibilitySchema = /* @__PURE__ */ publicSchema(period_schema.planPlausibilitySchema);
/** Schema of {@link PlausibleRangeInput}. */
export const plausibleRangeSchema = /* @__PURE__ */ publicSchema(period_schema.plausibleRangeSchema);
/** Schema of {@link PlanPoolInput}. */
export const planPoolSchema = /* @__PURE__ */ publicSchema(period_schema.planPoolSchema);
/** Schema of {@link PlanLinkageInput}. */
export const planLinkageSchema = /* @__PURE__ */ publicSchema(period_schema.planLinkageSchema);
/** Schema of {@link PlanInterlockInput}. */
export const planInterlockSchema = /* @__PURE__ */ publicSchema(period_schema.planInterlockSchema);
/** Schema of {@link PersonInput}. */
export const personSchema = /* @__PURE__ */ publicSchema(period_schema.personSchema);
/** Schema of {@link PeriodInput}. */
export const periodSchema = /* @__PURE__ */ publicSchema(period_schema.periodSchema);
/** Schema of {@link PeriodDataInput}. */
export const periodDataSchema = /* @__PURE__ */ publicSchema(period_schema.periodDataSchema);
/** Schema of {@link OrgInput}. */
export const orgSchema = /* @__PURE__ */ publicSchema(period_schema.orgSchema);
/** Schema of {@link GradeInput}. */
export const gradeSchema = /* @__PURE__ */ publicSchema(period_schema.gradeSchema);
/** Schema of {@link DepartmentInput}. */
export const departmentSchema = /* @__PURE__ */ publicSchema(period_schema.departmentSchema);
/** Schema of {@link DepartmentCoefficientInput}. */
export const departmentCoefficientSchema = /* @__PURE__ */ publicSchema(period_schema.departmentCoefficientSchema);
/** Schema of {@link SettleDrawsInput}. */
export const settleDrawsInputSchema = /* @__PURE__ */ publicSchema(draws_schema.settleDrawsInputSchema);
/** Schema of {@link DrawPolicyInput}. */
export const drawPolicySchema = /* @__PURE__ */ publicSchema(draws_schema.drawPolicySchema);
/** Schema of {@link DrawArrangementInput}. */
export const drawArrangementSchema = /* @__PURE__ */ publicSchema(period_schema.drawArrangementSchema);
/** Schema of {@link DrawBalanceInput}. */
export const drawBalanceSchema = /* @__PURE__ */ publicSchema(period_schema.drawBalanceSchema);
/** Schema of {@link ExchangeRateInput}. */
export const exchangeRateSchema = /* @__PURE__ */ publicSchema(period_schema.exchangeRateSchema);
/** Schema of {@link SaleInput}. */
export const saleSchema = /* @__PURE__ */ publicSchema(period_schema.saleSchema);
/** Schema of {@link PlanTargetsInput}. */
export const planTargetsSchema = /* @__PURE__ */ publicSchema(period_schema.planTargetsSchema);
/** Schema of {@link MeasureInput}. */
export const measureSchema = /* @__PURE__ */ publicSchema(period_schema.measureSchema);
/** Schema of {@link MeasureHistoryInput}. */
export const measureHistorySchema = /* @__PURE__ */ publicSchema(period_schema.measureHistorySchema);
/** Schema of {@link DeductionInput}. */
export const deductionSchema = /* @__PURE__ */ publicSchema(period_schema.deductionSchema);
/** Schema of {@link ControlsInput}. */
export const controlsSchema = /* @__PURE__ */ publicSchema(period_schema.controlsSchema);
/** Schema of {@link ComponentScoreInput}. */
export const componentScoreSchema = /* @__PURE__ */ publicSchema(period_schema.componentScoreSchema);
/** Schema of {@link CompanyKpiResultInput}. */
export const companyKpiResultSchema = /* @__PURE__ */ publicSchema(period_schema.companyKpiResultSchema);
/** Schema of {@link CommissionInput}. */
export const commissionSchema = /* @__PURE__ */ publicSchema(period_schema.commissionSchema);
/** Input of {@link demoScenario}. */
export const demoScenarioInputSchema = /* @__PURE__ */ publicSchema(demo_demoScenario.demoScenarioInputSchema);
/** The rounding policy of a plan (SPEC §1.6). Every field optional; defaults: half-up, 2, 4. */
export const roundingSchema = /* @__PURE__ */ publicSchema(core_schema.roundingSchema);
/** A decimal input that must be zero or more (`NEGATIVE_VALUE` otherwise). */
export const nonNegativeDecimalSchema = /* @__PURE__ */ publicSchema(core_schema.nonNegativeDecimalSchema);
/** A money amount in major units (`"8800.00"`); its decimals are checked against the currency later. */
export const moneySchema = /* @__PURE__ */ publicSchema(core_schema.moneySchema);
/** A calendar date `YYYY-MM-DD` (local to whatever calendar it belongs to). */
export const isoDateSchema = /* @__PURE__ */ publicSchema(core_schema.isoDateSchema);
/** An ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`). */
export const instantSchema = /* @__PURE__ */ publicSchema(core_schema.instantSchema);
/** An id: a non-empty string of at most 200 characters. Compared in code-unit order. */
export const idSchema = /* @__PURE__ */ publicSchema(core_schema.idSchema);
/**
 * A decimal input: a plain decimal string (`"12.50"`) or a finite number within ±2^53 − 1.
 * Anything else (NaN, `"1e5"`, `"1,234"`, `" 1 "`, `""`, hex) is refused with `INVALID_DECIMAL`.
 */
export const decimalSchema = /* @__PURE__ */ publicSchema(core_schema.decimalSchema);
/** An ISO 4217 currency code known to Intl (`UNKNOWN_CURRENCY` otherwise). */
export const currencySchema = /* @__PURE__ */ publicSchema(core_schema.currencySchema);
/**
 * Schema of {@link SavedRunResult}: a `runPeriod` result read back from JSON. It accepts a
 * result as `runPeriod` returns it too (a compile-time check holds it to that), hence its input type
 * {@link RunResultInput}. `version` is required by `correctPeriod` only.
 */
export const runResultSchema = /* @__PURE__ */ publicSchema(whatif_schema.runResultSchema);
/** Schema of {@link CorrectionPlan}. */
export const correctionPlanSchema = /* @__PURE__ */ publicSchema(whatif_schema.correctionPlanSchema);
/** Schema of {@link CorrectPeriodInput}. */
export const correctPeriodInputSchema = /* @__PURE__ */ publicSchema(whatif_schema.correctPeriodInputSchema);
/** Schema of {@link CompareRunsInput}. */
export const compareRunsInputSchema = /* @__PURE__ */ publicSchema(whatif_schema.compareRunsInputSchema);
/** Schema of {@link CreditDimension}. */
export const creditDimensionSchema = /* @__PURE__ */ publicSchema(interlock_schema.creditDimensionSchema);
/** Schema of {@link CreditFactsInput}. */
export const creditFactsInputSchema = /* @__PURE__ */ publicSchema(interlock_schema.creditFactsInputSchema);
/** Schema of {@link CreditMember}. */
export const creditMemberSchema = /* @__PURE__ */ publicSchema(interlock_schema.creditMemberSchema);
/** Schema of {@link CreditReference}. */
export const creditReferenceSchema = /* @__PURE__ */ publicSchema(interlock_schema.creditReferenceSchema);
/** Schema of {@link InterlockCredits}: other fields of a `creditFacts` result are ignored. */
export const creditsSchema = /* @__PURE__ */ publicSchema(interlock_schema.creditsSchema);
/** Schema of {@link CreditSplit}. */
export const creditSplitSchema = /* @__PURE__ */ publicSchema(interlock_schema.creditSplitSchema);
/** Schema of a fact's `members`: a member id or a non-empty split, by dimension id. */
export const factMembersSchema = /* @__PURE__ */ publicSchema(interlock_schema.factMembersSchema);
/** Schema of {@link InterlockIndicator}. */
export const interlockIndicatorSchema = /* @__PURE__ */ publicSchema(interlock_schema.interlockIndicatorSchema);
/** Schema of {@link InterlockParty}. */
export const interlockPartySchema = /* @__PURE__ */ publicSchema(interlock_schema.interlockPartySchema);
/** Schema of {@link RevenueFact}. */
export const revenueFactSchema = /* @__PURE__ */ publicSchema(interlock_schema.revenueFactSchema);
/** Schema of {@link SettleInterlockInput}. */
export const settleInterlockInputSchema = /* @__PURE__ */ publicSchema(interlock_schema.settleInterlockInputSchema);

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

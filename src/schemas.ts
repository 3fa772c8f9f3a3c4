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
import * as interlock_creditSchema from './interlock/creditSchema.js';
import * as interlock_settleSchema from './interlock/settleSchema.js';
import * as ratings_schema from './ratings/schema.js';
import * as pool_schema from './pool/schema.js';
import * as scorecard_schema from './scorecard/schema.js';
import * as period_schema from './period/schema.js';
import * as demo_demoScenario from './demo/demoScenario.js';
import * as core_schema from './core/schema.js';
import * as whatif_schema from './whatif/schema.js';

/** Schema of {@link AllocateShare}. */
export const allocateShareSchema = /* @__PURE__ */ publicSchema(core_allocate.allocateShareSchema);
/** Schema of {@link AllocateInput}. */
export const allocateInputSchema = /* @__PURE__ */ publicSchema(core_allocate.allocateInputSchema);
/** A tier table (SPEC §2.2; see {@link t.TierTable}). */
export const tierTableSchema = /* @__PURE__ */ publicSchema(tiers_schema.tierTableSchema);
/** Input of `tierScore` (see {@link t.TierScoreInput}). */
export const tierScoreInputSchema = /* @__PURE__ */ publicSchema(tiers_schema.tierScoreInputSchema);
/** A tier bound: a plain decimal (minutes in a duration table) or, in a duration table, a `Duration` object. */
export const tierBoundSchema = /* @__PURE__ */ publicSchema(tiers_schema.tierBoundSchema);
/** One band of a tier table (see {@link t.TierBand}). */
export const tierBandSchema = /* @__PURE__ */ publicSchema(tiers_schema.tierBandSchema);
/** Input of `applyRateTable` (see {@link t.RateTableInput}). */
export const rateTableInputSchema = /* @__PURE__ */ publicSchema(tiers_schema.rateTableInputSchema);
/** A clamped linear map from a value to a coefficient (see {@link t.LinearMapInput}). */
export const linearMapSchema = /* @__PURE__ */ publicSchema(tiers_schema.linearMapSchema);
/** A date-fns `Duration` object used as a tier bound, validated as described in {@link t.DurationBound}. */
export const durationBoundSchema = /* @__PURE__ */ publicSchema(tiers_schema.durationBoundSchema);
/** How a measured value becomes a coefficient: a linear map or a tier table (see {@link t.CoefficientMapInput}). */
export const coefficientMapSchema = /* @__PURE__ */ publicSchema(tiers_schema.coefficientMapSchema);
/** Schema of a {@link t.WorkingInterval}. */
export const workingIntervalSchema = /* @__PURE__ */ publicSchema(time_schema.workingIntervalSchema);
/** Schema of a {@link t.Pause}. */
export const pauseSchema = /* @__PURE__ */ publicSchema(time_schema.pauseSchema);
/** Schema of a working calendar, {@link t.CalendarInput}. */
export const calendarSchema = /* @__PURE__ */ publicSchema(time_schema.calendarSchema);
/** Schema of the input of `businessDuration`, {@link t.BusinessDurationInput}. */
export const businessDurationInputSchema = /* @__PURE__ */ publicSchema(time_schema.businessDurationInputSchema);
/** A relevance level: a name of 1–50 characters or a star count 0–1000 (see {@link t.RelevanceLevel}). */
export const relevanceLevelSchema = /* @__PURE__ */ publicSchema(linkage_schema.relevanceLevelSchema);
/** A company KPI of the linkage (see {@link t.LinkKpiInput}). */
export const linkKpiSchema = /* @__PURE__ */ publicSchema(linkage_schema.linkKpiSchema);
/** A department of the linkage (see {@link t.LinkDepartmentInput}). */
export const linkDepartmentSchema = /* @__PURE__ */ publicSchema(linkage_schema.linkDepartmentSchema);
/** Input of `linkCoefficients` (see {@link t.LinkCoefficientsInput}). */
export const linkCoefficientsInputSchema = /* @__PURE__ */ publicSchema(linkage_schema.linkCoefficientsInputSchema);
/** One company KPI measured against its target (see {@link t.CompanyKpiInput}). */
export const companyKpiSchema = /* @__PURE__ */ publicSchema(linkage_schema.companyKpiSchema);
/** Input of `companyCoefficients` (see {@link t.CompanyCoefficientsInput}). */
export const companyCoefficientsInputSchema = /* @__PURE__ */ publicSchema(
  linkage_schema.companyCoefficientsInputSchema,
);
/** One revenue fact: a sale credited in full to a member of every dimension. */
export const revenueFactSchema = /* @__PURE__ */ publicSchema(interlock_creditSchema.revenueFactSchema);
/**
 * A fact's members, one entry per dimension id: a member id (credited in full) or a split
 * (a list of members with shares summing to 1).
 */
export const factMembersSchema = /* @__PURE__ */ publicSchema(interlock_creditSchema.factMembersSchema);
/** One member's share of a fact split within a dimension (e.g. two regions 60/40). */
export const creditSplitSchema = /* @__PURE__ */ publicSchema(interlock_creditSchema.creditSplitSchema);
/** A member of a dimension (a region, a product line, a sales rep). */
export const creditMemberSchema = /* @__PURE__ */ publicSchema(interlock_creditSchema.creditMemberSchema);
/** Input of {@link creditFacts}. */
export const creditFactsInputSchema = /* @__PURE__ */ publicSchema(interlock_creditSchema.creditFactsInputSchema);
/** A crediting dimension (region, product line, …) and its members. */
export const creditDimensionSchema = /* @__PURE__ */ publicSchema(interlock_creditSchema.creditDimensionSchema);
/** Input of {@link settleInterlock}. */
export const settleInterlockInputSchema = /* @__PURE__ */ publicSchema(
  interlock_settleSchema.settleInterlockInputSchema,
);
/** A party owning a share of an interlocked indicator (sales, product, delivery). */
export const interlockPartySchema = /* @__PURE__ */ publicSchema(interlock_settleSchema.interlockPartySchema);
/** An interlocked indicator [指标互锁]: one target owned jointly by several parties. */
export const interlockIndicatorSchema = /* @__PURE__ */ publicSchema(interlock_settleSchema.interlockIndicatorSchema);
/** The part of a `creditFacts` result that `actual` references read (other fields are ignored). */
export const creditsSchema = /* @__PURE__ */ publicSchema(interlock_settleSchema.creditsSchema);
/** A reference to a member's credit in a `creditFacts` result. */
export const creditReferenceSchema = /* @__PURE__ */ publicSchema(interlock_settleSchema.creditReferenceSchema);
/** Input of {@link scoreRatings}: as for review, with `plan.dimensions` required. */
export const scoreRatingsInputSchema = /* @__PURE__ */ publicSchema(ratings_schema.scoreRatingsInputSchema);
/** Input of {@link reviewRatings}. */
export const reviewRatingsInputSchema = /* @__PURE__ */ publicSchema(ratings_schema.reviewRatingsInputSchema);
/**
 * A review decision on a flagged rating: `keep` counts it as given, `drop` removes it from the
 * score, `adjust` counts it with a corrected `score`. Reviewer and note are required.
 */
export const reviewDecisionSchema = /* @__PURE__ */ publicSchema(ratings_schema.reviewDecisionSchema);
/** One rating: a rater scores a ratee on one dimension (in one period). */
export const ratingSchema = /* @__PURE__ */ publicSchema(ratings_schema.ratingSchema);
/** The plan settings of the ratings mechanism; every field is optional and has a default. */
export const ratingPlanSchema = /* @__PURE__ */ publicSchema(ratings_schema.ratingPlanSchema);
/** A party that can rate or be rated, with its side of the organisation. */
export const ratingPartySchema = /* @__PURE__ */ publicSchema(ratings_schema.ratingPartySchema);
/** A rating dimension and its weight in the peripheral score. */
export const ratingDimensionSchema = /* @__PURE__ */ publicSchema(ratings_schema.ratingDimensionSchema);
/** A key task with its RACI row [责任矩阵]: exactly one A and at least one R. */
export const raciTaskSchema = /* @__PURE__ */ publicSchema(ratings_schema.raciTaskSchema);
/** One cell of a RACI matrix: a party's role on a key task. */
export const raciAssignmentSchema = /* @__PURE__ */ publicSchema(ratings_schema.raciAssignmentSchema);
/** Schema of one ticket, {@link t.TicketInput}: what the fast row reader checks a million times. */
export const ticketSchema = /* @__PURE__ */ publicSchema(time_schema.ticketSchema);
/** Schema of the input of `scoreResponseTimes`, {@link t.ScoreResponseTimesInput}. */
export const scoreResponseTimesInputSchema = /* @__PURE__ */ publicSchema(time_schema.scoreResponseTimesInputSchema);
/** Schema of one scored metric, {@link t.ResponseMetricInput}. */
export const responseMetricSchema = /* @__PURE__ */ publicSchema(time_schema.responseMetricSchema);
/** Schema of an elastic condition [弹性指标, seed 004], {@link t.ElasticConditionInput}. */
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
/** An adjustment rule over a person's history (see {@link t.TargetRuleInput}). */
export const targetRuleSchema = /* @__PURE__ */ publicSchema(scorecard_schema.targetRuleSchema);
/** One person to set targets for (see {@link t.TargetPersonInput}). */
export const targetPersonSchema = /* @__PURE__ */ publicSchema(scorecard_schema.targetPersonSchema);
/** A metric with an elastic target (see {@link t.TargetMetricInput}). */
export const targetMetricSchema = /* @__PURE__ */ publicSchema(scorecard_schema.targetMetricSchema);
/** One month of a person's record (see {@link t.TargetHistoryInput}). */
export const targetHistorySchema = /* @__PURE__ */ publicSchema(scorecard_schema.targetHistorySchema);
/** The ability baseline of one level (see {@link t.TargetBaselineInput}). */
export const targetBaselineSchema = /* @__PURE__ */ publicSchema(scorecard_schema.targetBaselineSchema);
/** Input of `tallyPoints` (see {@link t.TallyPointsInput}). */
export const tallyPointsInputSchema = /* @__PURE__ */ publicSchema(scorecard_schema.tallyPointsInputSchema);
/** One subject to score (see {@link t.ScorecardSubjectInput}). */
export const scorecardSubjectSchema = /* @__PURE__ */ publicSchema(scorecard_schema.scorecardSubjectSchema);
/** The card of `composeScore` (see {@link t.ScorecardInput}). */
export const scorecardSchema = /* @__PURE__ */ publicSchema(scorecard_schema.scorecardSchema);
/** One component of a scorecard: a leaf, or a nested scorecard (see {@link t.ScorecardComponentInput}). */
export const scorecardComponentSchema = /* @__PURE__ */ publicSchema(scorecard_schema.scorecardComponentSchema);
/** A catalogue entry type for collaboration points (see {@link t.PointTypeInput}). */
export const pointTypeSchema = /* @__PURE__ */ publicSchema(scorecard_schema.pointTypeSchema);
/** One ledger entry (see {@link t.PointEntryInput}). */
export const pointEntrySchema = /* @__PURE__ */ publicSchema(scorecard_schema.pointEntrySchema);
/** A missing-component policy (see {@link t.MissingPolicy}). */
export const missingPolicySchema = /* @__PURE__ */ publicSchema(scorecard_schema.missingPolicySchema);
/** Input of `deriveTargets` (see {@link t.DeriveTargetsInput}). */
export const deriveTargetsInputSchema = /* @__PURE__ */ publicSchema(scorecard_schema.deriveTargetsInputSchema);
/** Input of `composeScore` (see {@link t.ComposeScoreInput}). */
export const composeScoreInputSchema = /* @__PURE__ */ publicSchema(scorecard_schema.composeScoreInputSchema);
/** A support-effectiveness score [支撑效能评分] of a person, or of a department for its people without their own. */
export const supportScoreSchema = /* @__PURE__ */ publicSchema(period_schema.supportScoreSchema);
/**
 * Where a scorecard leaf's score comes from, per department: `data` (`data.componentScores`),
 * `ratings` (the department's peripheral score), `responseTimes` / `resolutionTimes` (its mean
 * ticket scores), `points` (its collaboration points [协同行为加减分]), `interlock` (the mean score of
 * the interlocked indicators it shares).
 */
export const scorecardSourceSchema = /* @__PURE__ */ publicSchema(period_schema.scorecardSourceSchema);
/** The whole input of `runPeriod`: a scenario file holds exactly this object as JSON. */
export const runPeriodInputSchema = /* @__PURE__ */ publicSchema(period_schema.runPeriodInputSchema);
/** Input of `resolvePlan`. */
export const resolvePlanInputSchema = /* @__PURE__ */ publicSchema(period_schema.resolvePlanInputSchema);
/** The rules of one plan version. Every mechanism is optional. */
export const planVersionSchema = /* @__PURE__ */ publicSchema(period_schema.planVersionSchema);
/**
 * A department scorecard (seed 001: back office = functional 40 % + front-line support 30 % +
 * company 30 %), composed from the scorecard mechanism's own schemas. With a `coefficient` map the
 * card's coefficient becomes the department's own coefficient D (before any linkage).
 */
export const planScorecardSchema = /* @__PURE__ */ publicSchema(period_schema.planScorecardSchema);
/** A plan: a currency, a rounding policy and versions effective from dates (SPEC §3.8, seed 001 "动态调整"). */
export const planSchema = /* @__PURE__ */ publicSchema(period_schema.planSchema);
/**
 * Tiered response-time scoring of the back office's tickets [seed 001, seed 004], composed from
 * the response-times mechanism's own schemas. Tickets name their department in `unit`.
 */
export const planResponseTimesSchema = /* @__PURE__ */ publicSchema(period_schema.planResponseTimesSchema);
/**
 * Peripheral ratings [周边绩效, seed 003], composed from the ratings mechanism's own schemas:
 * the settings (scale, outlier tests, dimensions and weights, minimum raters) and the optional
 * RACI matrix of key tasks. Raters and ratees are people or departments of the org.
 */
export const planRatingsSchema = /* @__PURE__ */ publicSchema(period_schema.planRatingsSchema);
/**
 * The support pool section of a plan version (seed 001's 后端支撑奖励池), composed from the pool
 * mechanism's own schemas: the carve (`rate`, `clawbackPolicy`) and the sharing (`weighting`,
 * `floor`, `basis`, `weightDecimals`).
 */
export const planPoolSchema = /* @__PURE__ */ publicSchema(period_schema.planPoolSchema);
/**
 * The relevance-matrix section of a plan version [差异化关联矩阵, seed 003], composed from the
 * linkage mechanism's own schemas. The departments' own coefficients D and the company KPI
 * actuals are period data (`data.departmentCoefficients`, `data.companyKpis`).
 */
export const planLinkageSchema = /* @__PURE__ */ publicSchema(period_schema.planLinkageSchema);
/**
 * Double crediting and interlocked indicators [指标互锁 / 业绩双算, seed 003], composed from the
 * interlock mechanism's own schemas: the crediting dimensions (region, product line, …) and the
 * indicators shared by several parties (people or departments) with reward and severe-miss
 * deduction. Revenue facts are period data.
 */
export const planInterlockSchema = /* @__PURE__ */ publicSchema(period_schema.planInterlockSchema);
/** A person on the payroll. */
export const personSchema = /* @__PURE__ */ publicSchema(period_schema.personSchema);
/** A pay period: a month, a quarter or a year starting on `start` (any day; fiscal years may start in April). */
export const periodSchema = /* @__PURE__ */ publicSchema(period_schema.periodSchema);
/** One period's data. Every list is optional. */
export const periodDataSchema = /* @__PURE__ */ publicSchema(period_schema.periodDataSchema);
/** The organisation: departments and people. */
export const orgSchema = /* @__PURE__ */ publicSchema(period_schema.orgSchema);
/** A pay grade: base pay by grade (seed 001: "基础工资:根据岗位等级确定"). Amounts are monthly. */
export const gradeSchema = /* @__PURE__ */ publicSchema(period_schema.gradeSchema);
/** A department, on one side of the company: the front line, the middle office or the back office. */
export const departmentSchema = /* @__PURE__ */ publicSchema(period_schema.departmentSchema);
/** A department's own result coefficient D for the period (before any company linkage). */
export const departmentCoefficientSchema = /* @__PURE__ */ publicSchema(period_schema.departmentCoefficientSchema);
/** A deduction (seed 001 "扣减项": lateness, early leave, from the attendance system). */
export const deductionSchema = /* @__PURE__ */ publicSchema(period_schema.deductionSchema);
/**
 * Batch control totals [控制总数] of a scenario: what the source systems declare they sent — row
 * counts and money sums — so that a truncated export, a double import or an edited file is
 * refused before anyone is paid. Each declared control is compared with what the run received
 * (or, for `payTotal`, produced); every mismatch is reported together as `RECONCILIATION_FAILED`
 * at the control's path (`["controls", "commissions", "gross"]`), and every control that holds is
 * listed in the result's `checks`. Money controls are in the plan currency, with no more decimals
 * than its minor unit (`INVALID_AMOUNT`). Every field is optional: only declared controls are
 * checked.
 */
export const controlsSchema = /* @__PURE__ */ publicSchema(period_schema.controlsSchema);
/** A department's score on a `data` scorecard leaf. */
export const componentScoreSchema = /* @__PURE__ */ publicSchema(period_schema.componentScoreSchema);
/** A company KPI's result for the period: its `actual` (against the plan's target) or its `coefficient`. */
export const companyKpiResultSchema = /* @__PURE__ */ publicSchema(period_schema.companyKpiResultSchema);
/** A gross commission row earned by a person (negative for a clawback). */
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
 * A `runPeriod` result read back from JSON: the fields the what-if tools rely on. `version` (the
 * plan version in force at the period start) is required by `correctPeriod` only; `totals` are
 * named by identifiers.
 */
export const runResultSchema = /* @__PURE__ */ publicSchema(whatif_schema.runResultSchema);
/** What a correction re-runs the period with. */
export const correctionPlanSchema = /* @__PURE__ */ publicSchema(whatif_schema.correctionPlanSchema);
/** Input of `correctPeriod`. */
export const correctPeriodInputSchema = /* @__PURE__ */ publicSchema(whatif_schema.correctPeriodInputSchema);
/** Input of `compareRuns`: two results, or one scenario and a proposed plan. */
export const compareRunsInputSchema = /* @__PURE__ */ publicSchema(whatif_schema.compareRunsInputSchema);

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

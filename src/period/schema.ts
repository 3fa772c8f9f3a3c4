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
} from '../core/schema.js';
import { creditDimensionsSchema, interlockIndicatorsSchema, revenueFactSchema } from '../interlock/schema.js';
import { raciTasksSchema, ratingSchema, reviewDecisionSchema, scoringPlanSchema } from '../ratings/schema.js';
import { calendarSchema, responseMetricSchema, ticketSchema } from '../time/schema.js';
import { pointEntrySchema, scorecardFields, tallyPointsFields } from '../scorecard/schema.js';
import { linkCoefficientsFields, linkDepartmentFields, linkKpiFields } from '../linkage/schema.js';
import {
  clawbackPolicySchema,
  contributionRoundingSchema,
  poolBasisSchema,
  poolWeightingSchema,
  weightDecimalsSchema,
} from '../pool/schema.js';

/**
 * Schemas of the period run: plans with effective-dated versions, the organisation, one
 * period's data, and the whole scenario (the input of `runPeriod`, and of a scenario file).
 * Mechanism settings are composed from each mechanism's own exported schema.
 */

/** A pay period: a month, a quarter or a year starting on `start` (any day; fiscal years may start in April). */
export const periodSchema = /* @__PURE__ */ z.strictObject({
  /** `month`, `quarter` or `year`; the period ends the day before `start` plus one unit (date-fns). */
  unit: z.enum(['month', 'quarter', 'year']),
  /** The first day of the period, `YYYY-MM-DD`. */
  start: isoDateSchema,
});

/** A pay grade: base pay by grade (seed 001: "基础工资:根据岗位等级确定"). Amounts are monthly. */
export const gradeSchema = /* @__PURE__ */ z.strictObject({
  /** Grade id, referenced by `people[].grade`. */
  id: idSchema,
  /** Monthly base pay in the plan currency (a quarter is 3 months, a year 12). */
  basePay: nonNegativeDecimalSchema,
  /** Monthly target bonus; the performance bonus is target × coefficient. @defaultValue `0` */
  targetBonus: z.optional(nonNegativeDecimalSchema),
});

const sideSchema = /* @__PURE__ */ z.enum(['front', 'middle', 'back']);

/**
 * The support pool section of a plan version (seed 001's 后端支撑奖励池), composed from the pool
 * mechanism's own schemas: the carve (`rate`, `clawbackPolicy`) and the sharing (`weighting`,
 * `floor`, `basis`, `weightDecimals`).
 */
export const planPoolSchema = /* @__PURE__ */ z.strictObject({
  /** Share of the contributors' gross commission carved into the pool (seed 001: 0.10, 0.12, 0.15). */
  rate: decimalSchema,
  /** How negative commission rows (clawbacks) are treated; required when there are any. */
  clawbackPolicy: z.optional(clawbackPolicySchema),
  /** Each contribution rounded on its own (corrections stay local) or the pool once. @defaultValue `"perPerson"` */
  contributionRounding: z.optional(contributionRoundingSchema),
  /** Sides whose commission is carved. @defaultValue `["front"]` */
  contributors: z.optional(z.array(sideSchema).check(z.minLength(1))),
  /** Sides that share the pool. @defaultValue `["back"]` */
  recipients: z.optional(z.array(sideSchema).check(z.minLength(1))),
  /** f(score): linear, power or seed 001's elasticity. @defaultValue linear */
  weighting: z.optional(poolWeightingSchema),
  /** Eligibility floor on the support score. @defaultValue `0` */
  floor: z.optional(nonNegativeDecimalSchema),
  /** What multiplies f(score). @defaultValue `"days"`: days employed in the (segment of the) period */
  basis: z.optional(poolBasisSchema),
  /** Decimal places of f(score). @defaultValue `6` */
  weightDecimals: z.optional(weightDecimalsSchema),
  /**
   * Where a recipient's support score comes from: `supportScores` (period data), `ratings` (the
   * person's peripheral score, else their department's), `responseTimes` (their department's mean
   * response score, else resolution). When the source has no score, `data.supportScores` is used.
   * @defaultValue `"supportScores"`
   */
  scoreFrom: z.optional(z.enum(['supportScores', 'ratings', 'responseTimes'])),
});

/**
 * The relevance-matrix section of a plan version [差异化关联矩阵, seed 003], composed from the
 * linkage mechanism's own schemas. The departments' own coefficients D and the company KPI
 * actuals are period data (`data.departmentCoefficients`, `data.companyKpis`).
 */
export const planLinkageSchema = /* @__PURE__ */ z.strictObject({
  /** Ratio per relevance level (seed 003: strong 0.20–0.30, medium 0.10–0.15, weak 0–0.05). */
  levels: linkCoefficientsFields.levels,
  /** Achievement → coefficient for the company KPIs. @defaultValue linear (coefficient = achievement) */
  achievementMap: linkCoefficientsFields.achievementMap,
  /** The KPI of the uniform figure D·C. @defaultValue the only company KPI */
  uniformKpi: linkCoefficientsFields.uniformKpi,
  /** Company KPIs with their targets (and optional own maps). */
  companyKpis: z
    .array(z.pick(z.strictObject(linkKpiFields), { id: true, target: true, map: true }))
    .check(z.minLength(1)),
  /** Each department's relevance to the KPIs, or its exemption; departments not listed keep B = D. */
  departments: z.array(z.omit(z.strictObject(linkDepartmentFields), { coefficient: true })),
});

/** A company KPI's result for the period: its `actual` (against the plan's target) or its `coefficient`. */
export const companyKpiResultSchema = /* @__PURE__ */ z.pick(z.strictObject(linkKpiFields), {
  id: true,
  actual: true,
  coefficient: true,
});

/**
 * Tiered response-time scoring of the back office's tickets [seed 001, seed 004], composed from
 * the response-times mechanism's own schemas. Tickets name their department in `unit`.
 */
export const planResponseTimesSchema = /* @__PURE__ */ z.strictObject({
  /** The working calendar. @defaultValue 24×7 in UTC */
  calendar: z.optional(calendarSchema),
  /** Time to first response: its tier table and elastic conditions. @defaultValue not scored */
  response: z.optional(responseMetricSchema),
  /** Time to resolution: its tier table and elastic conditions. @defaultValue not scored */
  resolution: z.optional(responseMetricSchema),
});

/**
 * Peripheral ratings [周边绩效, seed 003], composed from the ratings mechanism's own schemas:
 * the settings (scale, outlier tests, dimensions and weights, minimum raters) and the optional
 * RACI matrix of key tasks. Raters and ratees are people or departments of the org.
 */
export const planRatingsSchema = /* @__PURE__ */ z.strictObject({
  /** Scale, outlier thresholds, dimensions with weights, minimum raters, leniency. */
  settings: scoringPlanSchema,
  /** The RACI matrix of key tasks. @defaultValue none */
  tasks: raciTasksSchema,
});

/**
 * Double crediting and interlocked indicators [指标互锁 / 业绩双算, seed 003], composed from the
 * interlock mechanism's own schemas: the crediting dimensions (region, product line, …) and the
 * indicators shared by several parties (people or departments) with reward and severe-miss
 * deduction. Revenue facts are period data.
 */
export const planInterlockSchema = /* @__PURE__ */ z.strictObject({
  /** Dimensions that every revenue fact is credited in, in full. @defaultValue none (no crediting) */
  dimensions: z.optional(creditDimensionsSchema),
  /** Interlocked indicators; an `actual` may reference a dimension member's credit. @defaultValue none */
  indicators: z.optional(interlockIndicatorsSchema),
});

/**
 * Where a scorecard leaf's score comes from, per department: `data` (`data.componentScores`),
 * `ratings` (the department's peripheral score), `responseTimes` / `resolutionTimes` (its mean
 * ticket scores), `points` (its collaboration points [协同行为加减分]), `interlock` (the mean score of
 * the interlocked indicators it shares).
 */
export const scorecardSourceSchema = /* @__PURE__ */ z.enum([
  'data',
  'ratings',
  'responseTimes',
  'resolutionTimes',
  'points',
  'interlock',
]);

/**
 * A department scorecard (seed 001: back office = functional 40 % + front-line support 30 % +
 * company 30 %), composed from the scorecard mechanism's own schemas. With a `coefficient` map the
 * card's coefficient becomes the department's own coefficient D (before any linkage).
 */
export const planScorecardSchema = /* @__PURE__ */ z.strictObject({
  /** Weighted components (weights of each level sum to exactly 1), possibly nested. */
  components: scorecardFields.components,
  /** Policy for a component without a score. @defaultValue `"error"` */
  missing: scorecardFields.missing,
  /** Score used for a missing component under `neutral`. */
  neutralScore: scorecardFields.neutralScore,
  /** Score → coefficient map; without it the card is reported and D comes from the data. */
  coefficient: scorecardFields.coefficient,
  /** The source of each leaf, by leaf id. @defaultValue `"data"` for every leaf */
  sources: z.optional(z.record(idSchema, scorecardSourceSchema)),
  /** Collaboration points: the catalogue and the net points → score map (`tallyPoints`). */
  points: z.optional(
    z.strictObject({
      catalogue: tallyPointsFields.catalogue,
      scoring: tallyPointsFields.scoring,
    }),
  ),
});

/** A department's score on a `data` scorecard leaf. */
export const componentScoreSchema = /* @__PURE__ */ z.strictObject({
  /** Department id. */
  department: idSchema,
  /** Leaf component id. */
  component: idSchema,
  score: decimalSchema,
});

/** The rules of one plan version. Every mechanism is optional. */
export const planVersionSchema = /* @__PURE__ */ z.strictObject({
  /** Version id, e.g. `"2026-5g-push"`. */
  id: idSchema,
  /** The first day the version is in force, `YYYY-MM-DD`. */
  effective: isoDateSchema,
  /** Optional last day in force (inclusive); by default a version runs until the next one takes effect. */
  until: z.optional(isoDateSchema),
  /** Why the version exists, shown in reports (e.g. "5G push: pool 10 % → 15 %"). */
  note: z.optional(z.string().check(z.maxLength(500))),
  /** Pay grades: base pay and target bonus by grade. */
  grades: z.array(gradeSchema),
  /** Department scorecards giving each department's own coefficient D. @defaultValue none (D from the data) */
  scorecard: z.optional(planScorecardSchema),
  /** The relevance matrix linking department coefficients to company KPIs. @defaultValue none (coefficient = D) */
  linkage: z.optional(planLinkageSchema),
  /** Response-time scoring of tickets per department. @defaultValue none */
  responseTimes: z.optional(planResponseTimesSchema),
  /** Peripheral ratings of supporting people and departments. @defaultValue none */
  ratings: z.optional(planRatingsSchema),
  /** Double crediting and interlocked indicators. @defaultValue none */
  interlock: z.optional(planInterlockSchema),
  /** The back-office support pool carved from front-line commission. @defaultValue none */
  pool: z.optional(planPoolSchema),
});

/** A plan: a currency, a rounding policy and versions effective from dates (SPEC §3.8, seed 001 "动态调整"). */
export const planSchema = /* @__PURE__ */ z.strictObject({
  /** Plan id. */
  id: idSchema,
  /** ISO 4217 currency of every amount in the plan and the period's data. */
  currency: currencySchema,
  /** Rounding points: scores 2 dp, coefficients 4 dp, half-up by default. */
  rounding: z.optional(roundingSchema),
  /**
   * What to do when a version takes effect inside the period: `report` runs the whole period on
   * the version in force at its start and lists the change; `prorate` splits the period at each
   * change and prorates every amount by days.
   * @defaultValue `"report"`
   */
  onVersionChange: z.optional(z.enum(['report', 'prorate'])),
  /** The versions, in any order; effective dates must differ and ranges must not overlap. */
  versions: z.array(planVersionSchema).check(z.minLength(1)),
});

/** Input of `resolvePlan`. */
export const resolvePlanInputSchema = /* @__PURE__ */ z.strictObject({
  /** The plan with its versions. */
  plan: planSchema,
  /** The period to resolve. */
  period: periodSchema,
});

/** A department, on one side of the company: the front line, the middle office or the back office. */
export const departmentSchema = /* @__PURE__ */ z.strictObject({
  /** Department id. */
  id: idSchema,
  /** Display name. */
  name: z.optional(z.string().check(z.maxLength(200))),
  /** `front` (sales, service, operations), `middle` or `back` (HR, IT, finance, legal, R&D). */
  side: z.enum(['front', 'middle', 'back']),
});

/** A person on the payroll. */
export const personSchema = /* @__PURE__ */ z.strictObject({
  /** Person id (statements are ordered by it). */
  id: idSchema,
  /** Display name. */
  name: z.optional(z.string().check(z.maxLength(200))),
  /** Department id. */
  department: idSchema,
  /** Grade id (base pay by grade). */
  grade: idSchema,
  /** Monthly base pay overriding the grade's. @defaultValue the grade's `basePay` */
  basePay: z.optional(nonNegativeDecimalSchema),
  /** Monthly target bonus overriding the grade's. @defaultValue the grade's `targetBonus` */
  targetBonus: z.optional(nonNegativeDecimalSchema),
  /** First day employed (inclusive); before the period by default. */
  start: z.optional(isoDateSchema),
  /** Last day employed (inclusive); after the period by default. */
  end: z.optional(isoDateSchema),
});

/** The organisation: departments and people. */
export const orgSchema = /* @__PURE__ */ z.strictObject({
  departments: z.array(departmentSchema),
  people: z.array(personSchema),
});

/** A department's own result coefficient D for the period (before any company linkage). */
export const departmentCoefficientSchema = /* @__PURE__ */ z.strictObject({
  /** Department id. */
  department: idSchema,
  /** The own coefficient, e.g. `"0.9"`. @defaultValue `1` for a department not listed */
  coefficient: nonNegativeDecimalSchema,
});

/** A gross commission row earned by a person (negative for a clawback). */
export const commissionSchema = /* @__PURE__ */ z.strictObject({
  id: idSchema,
  /** Person id. */
  person: idSchema,
  /** Gross commission in the plan currency. */
  amount: moneySchema,
  /** Date earned; required when a split period assigns rows to plan versions. */
  date: z.optional(isoDateSchema),
  /** For a clawback (negative amount) under `clawbackPolicy: "reverse"`: the pool rate applied when the sale was first carved. */
  rate: z.optional(decimalSchema),
});

/** A support-effectiveness score [支撑效能评分] of a person, or of a department for its people without their own. */
export const supportScoreSchema = /* @__PURE__ */ z.strictObject({
  /** Person id or department id. */
  subject: idSchema,
  /** The score, ≥ 0. */
  score: nonNegativeDecimalSchema,
});

/** A deduction (seed 001 "扣减项": lateness, early leave, from the attendance system). */
export const deductionSchema = /* @__PURE__ */ z.strictObject({
  id: idSchema,
  /** Person id. */
  person: idSchema,
  /** The amount deducted (≥ 0). */
  amount: nonNegativeDecimalSchema,
  /** Why, shown on the statement. */
  reason: z.string().check(z.minLength(1)).check(z.maxLength(200)),
  /** Date incurred; required when a split period assigns rows to plan versions. */
  date: z.optional(isoDateSchema),
});

/** One period's data. Every list is optional. */
export const periodDataSchema = /* @__PURE__ */ z.strictObject({
  /** Each department's own coefficient D (default 1). */
  departmentCoefficients: z.optional(z.array(departmentCoefficientSchema)),
  /** Department scores on the scorecard's `data` leaves. */
  componentScores: z.optional(z.array(componentScoreSchema)),
  /** The collaboration points ledger [台账] (subjects are departments or people). */
  pointEntries: z.optional(z.array(pointEntrySchema)),
  /** Company KPI results (actuals, or coefficients given directly) for the linkage. */
  companyKpis: z.optional(z.array(companyKpiResultSchema)),
  /** Gross commissions of (front-line) people. */
  commissions: z.optional(z.array(commissionSchema)),
  /** Deductions. */
  deductions: z.optional(z.array(deductionSchema)),
  /** Revenue facts, credited in full to a member of every dimension of the interlock. */
  revenueFacts: z.optional(z.array(revenueFactSchema)),
  /** Tickets of the period; `unit` is a department id. */
  tickets: z.optional(z.array(ticketSchema)),
  /** Peripheral ratings of the period; raters and ratees are people or departments. */
  ratings: z.optional(z.array(ratingSchema)),
  /** Review decisions on flagged ratings [异常评分复核]. */
  reviewDecisions: z.optional(z.array(reviewDecisionSchema)),
  /** Support-effectiveness scores for the pool, by person or department. */
  supportScores: z.optional(z.array(supportScoreSchema)),
});

/** A row count declared by the source system: a whole number ≥ 0 (`INVALID_INPUT` otherwise). */
const controlCountSchema = /* @__PURE__ */ z.int().check(z.minimum(0));

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
export const controlsSchema = /* @__PURE__ */ z.strictObject({
  /** Headcount: the number of people in `org.people`. @defaultValue not checked */
  people: z.optional(controlCountSchema),
  /** Control totals of `data.commissions`. @defaultValue not checked */
  commissions: z.optional(
    z.strictObject({
      /** Number of commission rows. @defaultValue not checked */
      rows: z.optional(controlCountSchema),
      /** Σ `amount` of the commission rows (clawbacks negative): the gross the pool carves from. @defaultValue not checked */
      gross: z.optional(moneySchema),
    }),
  ),
  /** Control totals of `data.deductions`. @defaultValue not checked */
  deductions: z.optional(
    z.strictObject({
      /** Number of deduction rows. @defaultValue not checked */
      rows: z.optional(controlCountSchema),
      /** Σ `amount` of the deduction rows, ≥ 0. @defaultValue not checked */
      total: z.optional(nonNegativeDecimalSchema),
    }),
  ),
  /** Number of rows in `data.tickets`. @defaultValue not checked */
  tickets: z.optional(controlCountSchema),
  /** Number of rows in `data.ratings`. @defaultValue not checked */
  ratings: z.optional(controlCountSchema),
  /** Number of rows in `data.revenueFacts`. @defaultValue not checked */
  revenueFacts: z.optional(controlCountSchema),
  /**
   * Σ statement totals the run must produce (`totals.statements`): the approved budget, or the
   * total of the approved run when re-running a period. Checked after the run. @defaultValue not checked
   */
  payTotal: z.optional(moneySchema),
});

/** The whole input of `runPeriod`: a scenario file holds exactly this object as JSON. */
export const runPeriodInputSchema = /* @__PURE__ */ z.strictObject({
  /** The JSON Schema a scenario file names for editor completion; ignored by the run. */
  $schema: z.optional(z.string()),
  /** The plan with its versions. */
  plan: planSchema,
  /** The period to run. */
  period: periodSchema,
  /**
   * Whether statement lines carry their trace steps. Turn off for bulk what-ifs over very large
   * companies; the figures are the same.
   * @defaultValue `true`
   */
  trace: z.optional(z.boolean()),
  /** The instant up to which open items (tickets) are measured; the period end by default. */
  asOf: z.optional(instantSchema),
  /** Departments and people. */
  org: orgSchema,
  /** The period's data. */
  data: z.optional(periodDataSchema),
  /**
   * Control totals declared by the source systems (row counts, Σ commissions, Σ deductions,
   * headcount, Σ pay); a mismatch refuses the run with `RECONCILIATION_FAILED`.
   * @defaultValue none (nothing declared, nothing checked)
   */
  controls: z.optional(controlsSchema),
});

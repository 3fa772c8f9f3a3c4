/**
 * The public shapes of the period run: its inputs (a scenario: plan, period, org, data, controls)
 * and its results, each a named interface written once. schema.ts checks every input schema
 * against its interface; the stages build the results and `runPeriod` assembles them; the what-if
 * tools read them back. Types only: importing this file imports no code.
 */
import type { DecimalInput } from '../core/decimalInput.js';
import type { DrawPolicyInput, DrawSettlement, DrawTotals } from '../draws/types.js';
import type { RoundingInput } from '../core/rounding.js';
import type { TraceStep } from '../core/trace.js';
import type {
  CreditFactsInput,
  DimensionCredit,
  IndicatorSettlement,
  InterlockIndicator,
  RevenueFact,
} from '../interlock/types.js';
import type { LinkDepartmentInput, LinkedDepartment, LinkKpiInput } from '../linkage/types.js';
import type { ContributionRounding, PoolUnitAward, PoolWeighting } from '../pool/types.js';
import type {
  RaciTaskInput,
  RateeScore,
  RatingInput,
  ReviewDecisionInput,
  ScoreRatingsInput,
} from '../ratings/types.js';
import type {
  MissingPolicy,
  PointEntryInput,
  ScorecardComponentInput,
  TargetBaselineInput,
  TargetMetricInput,
  TargetRuleInput,
  ScoredSubject,
  TallyPointsInput,
} from '../scorecard/types.js';
import type { CoefficientMapInput, TierTable } from '../tiers/types.js';
import type { CalendarInput, ResponseMetricInput, TicketInput, UnitResponseTimes } from '../time/types.js';

// ── inputs: the plan ───────────────────────────────────────────────────────

/** A pay period: a month, a quarter or a year starting on `start` (any day; fiscal years may start in April). */
export interface PeriodInput {
  /** `month`, `quarter` or `year`; the period ends the day before `start` plus one unit (date-fns). */
  unit: 'month' | 'quarter' | 'year';
  /** The first day of the period, `YYYY-MM-DD`. */
  start: string;
}

/** A pay grade: base pay by grade (seed 001: "基础工资:根据岗位等级确定"). Amounts are monthly. */
export interface GradeInput {
  /** Grade id, referenced by `people[].grade`. */
  id: string;
  /** Monthly base pay in the plan currency (a quarter is 3 months, a year 12). */
  basePay: DecimalInput;
  /** Monthly target bonus; the performance bonus is target × coefficient. @defaultValue `0` */
  targetBonus?: DecimalInput | undefined;
}

/**
 * The support pool section of a plan version (seed 001's 后端支撑奖励池), composed from the pool
 * mechanism's settings: the carve (`rate`, `clawbackPolicy`) and the sharing (`weighting`,
 * `floor`, `basis`, `weightDecimals`).
 */
export interface PlanPoolInput {
  /** Share of the contributors' gross commission carved into the pool (seed 001: 0.10, 0.12, 0.15). */
  rate: DecimalInput;
  /**
   * How negative commission rows (clawbacks) are treated: `net` nets them against the person's
   * gross, `reverse` gives back each clawed-back sale's contribution at its own `rate`. Required
   * when there are any. @defaultValue none
   */
  clawbackPolicy?: 'net' | 'reverse' | undefined;
  /** Each contribution rounded on its own (corrections stay local) or the pool once, split by largest remainder. @defaultValue `"perPerson"` */
  contributionRounding?: ContributionRounding | undefined;
  /** Sides whose commission is carved (at least one). @defaultValue `["front"]` */
  contributors?: ('front' | 'middle' | 'back')[] | undefined;
  /** Sides that share the pool (at least one). @defaultValue `["back"]` */
  recipients?: ('front' | 'middle' | 'back')[] | undefined;
  /** f(score): linear, power or seed 001's elasticity. @defaultValue linear */
  weighting?: PoolWeighting | undefined;
  /** Eligibility floor on the support score. @defaultValue `0` */
  floor?: DecimalInput | undefined;
  /** What multiplies f(score): one, the FTE, or the days employed. @defaultValue `"days"`: days employed in the (segment of the) period */
  basis?: 'one' | 'fte' | 'days' | undefined;
  /** Decimal places of f(score), 0–12. @defaultValue `6` */
  weightDecimals?: number | undefined;
  /** The most one person takes from a segment's pool (plan currency, SPEC §3.5): the excess is re-split among the others, what no one can take is `unallocated`. @defaultValue none */
  cap?: DecimalInput | undefined;
  /**
   * `"department"`: two levels (SPEC §3.5, seed 001) — the pool among the recipients' departments by
   * department score × headcount, then each part among its people. A department's score:
   * `scoreFrom` for the department, else its `supportScores` row. @defaultValue one level
   */
  units?: 'department' | undefined;
  /**
   * Where a recipient's support score comes from: `supportScores` (period data), `ratings` (the
   * person's peripheral score, else their department's), `responseTimes` (their department's mean
   * response score, else resolution). When the source has no score, `data.supportScores` is used.
   * @defaultValue `"supportScores"`
   */
  scoreFrom?: 'supportScores' | 'ratings' | 'responseTimes' | 'supportCard' | undefined;
  /**
   * Under `scoreFrom: "supportCard"`: the weights of the person's own support measures [支撑效能评分,
   * seed 001] — `response` and `resolution` (their mean scores on the tickets assigned to them),
   * `reopen` ((1 − reopened / assigned tickets) × 100, the 二次投诉 rate) and `rating` (their own
   * peripheral rating). The score is Σ weight × score ÷ Σ weight over the measures the person has.
   * @defaultValue none
   */
  supportCard?: SupportCardInput | undefined;
  /**
   * Commission rows of a person whose side is not in `contributors` (issue 17): `refuse` them with
   * `NOT_CARVED` at the row's path, `payInFull` (uncarved, each such person queued for review as
   * `commissionNotCarved`), or `carve` them like a contributor's.
   * @defaultValue `"refuse"`
   */
  nonContributorCommissions?: 'refuse' | 'payInFull' | 'carve' | undefined;
}

/**
 * The relevance-matrix section of a plan version [差异化关联矩阵, seed 003], composed from the
 * linkage mechanism's rows. The departments' own coefficients D and the company KPI actuals are
 * period data (`data.departmentCoefficients`, `data.companyKpis`).
 */
export interface PlanLinkageInput {
  /** Ratio per relevance level (seed 003: strong 0.20–0.30, medium 0.10–0.15, weak 0–0.05). */
  levels: Record<string, DecimalInput>;
  /** Achievement → coefficient for the company KPIs. @defaultValue linear (coefficient = achievement) */
  achievementMap?: CoefficientMapInput | undefined;
  /** The KPI of the uniform figure D·C. @defaultValue the only company KPI */
  uniformKpi?: string | undefined;
  /** Company KPIs with their targets (and optional own maps); at least one. */
  companyKpis: Pick<LinkKpiInput, 'id' | 'target' | 'map'>[];
  /** Each department's relevance to the KPIs, or its exemption; departments not listed keep B = D. */
  departments: Omit<LinkDepartmentInput, 'coefficient'>[];
}

/**
 * Tiered response-time scoring of the back office's tickets [seed 001, seed 004], composed from
 * the response-times mechanism's settings. Tickets name their department in `unit`.
 */
export interface PlanResponseTimesInput {
  /** The working calendar. @defaultValue 24×7 in UTC */
  calendar?: CalendarInput | undefined;
  /** Time to first response: its tier table and elastic conditions. @defaultValue not scored */
  response?: ResponseMetricInput | undefined;
  /** Time to resolution: its tier table and elastic conditions. @defaultValue not scored */
  resolution?: ResponseMetricInput | undefined;
}

/**
 * Peripheral ratings [周边绩效, seed 003], composed from the ratings mechanism's settings: the scale,
 * outlier tests, dimensions and weights, minimum raters, and the optional RACI matrix of key
 * tasks. Raters and ratees are people or departments of the org.
 */
export interface PlanRatingsInput {
  /** Scale, outlier thresholds, dimensions with weights, minimum raters, leniency. */
  settings: ScoreRatingsInput['plan'];
  /** The RACI matrix of key tasks. @defaultValue none */
  tasks?: RaciTaskInput[] | undefined;
}

/**
 * Double crediting and interlocked indicators [指标互锁 / 业绩双算, seed 003], composed from the
 * interlock mechanism's settings: the crediting dimensions (region, product line, …) and the
 * indicators shared by several parties (people or departments) with reward and severe-miss
 * deduction. Revenue facts are period data.
 */
export interface PlanInterlockInput {
  /** Dimensions that every revenue fact is credited in, in full. @defaultValue none (no crediting) */
  dimensions?: CreditFactsInput['dimensions'] | undefined;
  /** Interlocked indicators; an `actual` may reference a dimension member's credit. @defaultValue none */
  indicators?: InterlockIndicator[] | undefined;
}

/**
 * Where a scorecard leaf's score comes from, per department: `company` (the company's result,
 * 全公司业绩 — the uniform KPI's achievement × 100 from the plan's linkage and `data.companyKpis`),
 * `supportReceived` (for a unit whose tickets others served [后端支撑]: the serving units' mean
 * response scores weighted by its ticket count — tickets name it in `requester`; none served:
 * missing), `data` (`data.componentScores`),
 * `ratings` (the department's peripheral score), `responseTimes` / `resolutionTimes` (its mean
 * ticket scores), `points` (its collaboration points [协同行为加减分]), `interlock` (the mean score of
 * the interlocked indicators it shares).
 */
export type ScorecardSource =
  'data' | 'ratings' | 'responseTimes' | 'resolutionTimes' | 'points' | 'interlock' | 'company' | 'supportReceived';

/** The departments a scorecard applies to: by id, or by side. */
export interface ScorecardScopeInput {
  /** Sides whose departments use the card (a department listed by id on another card uses that one). */
  sides?: ('front' | 'middle' | 'back')[] | undefined;
  /** Departments that use the card, by id. */
  departments?: string[] | undefined;
}

/**
 * A department scorecard (seed 001: back office = functional 40 % + front-line support 30 % +
 * company 30 %), composed from the scorecard mechanism's card. With a `coefficient` map the card's
 * coefficient becomes the department's own coefficient D (before any linkage).
 */
export interface PlanScorecardInput {
  /** Weighted components (weights of each level sum to exactly 1), possibly nested; at least one. */
  components: ScorecardComponentInput[];
  /** Policy for a component without a score. @defaultValue `"error"` */
  missing?: MissingPolicy | undefined;
  /** Score used for a missing component under `neutral`. */
  neutralScore?: DecimalInput | undefined;
  /** Score → coefficient map; without it the card is reported and D comes from the data. */
  coefficient?: CoefficientMapInput | undefined;
  /** The source of each leaf, by leaf id. @defaultValue `"data"` for every leaf */
  sources?: Record<string, ScorecardSource> | undefined;
  /** Collaboration points: the catalogue and the net points → score map (`tallyPoints`). @defaultValue none */
  points?:
    | Pick<TallyPointsInput, 'catalogue' | 'scoring'>
    | undefined; /** The card's name, shown in traces when a plan has several cards (e.g. `"back-office"`). @defaultValue none */
  id?: string | undefined;
  /**
   * Which departments use the card when the version lists several (seed 001: back office 40/30/30,
   * front line 50/20/30): by id first, then by side; a card without `appliesTo` serves the rest.
   * @defaultValue every department
   */
  appliesTo?: ScorecardScopeInput | undefined;
}

/** The rules of one plan version. Every mechanism is optional. */
export interface PlanVersionInput {
  /** Version id, e.g. `"2026-5g-push"`. */
  id: string;
  /** The first day the version is in force, `YYYY-MM-DD`. */
  effective: string;
  /** Optional last day in force (inclusive); by default a version runs until the next one takes effect. */
  until?: string | undefined;
  /** Why the version exists, shown in reports (e.g. "5G push: pool 10 % → 15 %"); at most 500 characters. */
  note?: string | undefined;
  /** Pay grades: base pay and target bonus by grade. */
  grades: GradeInput[];
  /**
   * Department scorecards giving each department's own coefficient D: one card for every
   * department, or several cards by side or department (`appliesTo`).
   * @defaultValue none (D from the data)
   */
  scorecard?: PlanScorecardInput | PlanScorecardInput[] | undefined;
  /** The relevance matrix linking department coefficients to company KPIs. @defaultValue none (coefficient = D) */
  linkage?: PlanLinkageInput | undefined;
  /** Response-time scoring of tickets per department. @defaultValue none */
  responseTimes?: PlanResponseTimesInput | undefined;
  /** Peripheral ratings of supporting people and departments. @defaultValue none */
  ratings?: PlanRatingsInput | undefined;
  /** Double crediting and interlocked indicators. @defaultValue none */
  interlock?: PlanInterlockInput | undefined;
  /** The back-office support pool carved from front-line commission. @defaultValue none */
  pool?: PlanPoolInput | undefined;
  /**
   * Commission computed from each person's sales in the run (seed 001: rate tables and the base
   * modifier) instead of, or beside, gross `data.commissions` rows. @defaultValue none
   */
  commissions?: PlanCommissionsInput | undefined;
  /**
   * Person-level elastic targets (seed 004): each person with a `level` has their measures
   * scored against their level's target. @defaultValue none
   */
  targets?: PlanTargetsInput | undefined;
}

/**
 * Person-level elastic targets in the run [弹性指标, seed 004] (issue 19 §3), composed from
 * `deriveTargets`: for each person with a `level`, each metric's target is their level's baseline
 * (× the measure's complexity when the metric scales), relaxed or tightened by the rules whose
 * streak of `data.measureHistory` months ends in the month before the period; their
 * `data.measures` are scored against it — lower-is-better: target ÷ measure × 100,
 * higher-is-better: measure ÷ target × 100, at most `cap` — and the weighted mean of those scores
 * is their target score: on their statement, and the `targets` measure of the pool's support card.
 */
export interface PlanTargetsInput {
  /** The metrics (ids unique), at least one. */
  metrics: TargetMetricInput[];
  /** The baselines by level id (ids unique), each with a value for every metric; at least one. */
  baselines: TargetBaselineInput[];
  /** The adjustment rules, applied in id order. @defaultValue `[]` */
  rules?: TargetRuleInput[] | undefined;
  /** Weight (≥ 0) of each metric in the target score, by metric id. @defaultValue `1` for every metric */
  weights?: Record<string, DecimalInput> | undefined;
  /** The highest score one metric can reach (beating the target by far earns no more). @defaultValue `100` */
  cap?: DecimalInput | undefined;
}

/** A person's measured result on a target metric for the period (seed 004: delivery cycle 4.5 weeks). */
export interface MeasureInput {
  /** Person id (the person needs a `level`). */
  person: string;
  /** Metric id of the plan's `targets` section; one row per person and metric. */
  metric: string;
  /** The measured value (≥ 0). */
  value: DecimalInput;
  /** The complexity factor (> 0) of the work measured, multiplying the baseline of a scaling metric. @defaultValue `1` */
  complexity?: DecimalInput | undefined;
}

/** A person's result on a target metric in an earlier month: the record the adjustment rules read. */
export interface MeasureHistoryInput {
  /** Person id. */
  person: string;
  /** The month, `YYYY-MM`, before the period's first month; one row per person, month and metric. */
  month: string;
  /** Metric id. */
  metric: string;
  /** The measured value (≥ 0). */
  value: DecimalInput;
}

/** A rule that moved a person's target: which, which way, and the months of the streak. */
export interface TargetAdjustment {
  /** The rule's id. */
  readonly rule: string;
  /** `relax` (easier) or `tighten` (harder). */
  readonly adjust: 'relax' | 'tighten';
  /** The months that made the streak, oldest first. */
  readonly periods: string[];
}

/** One metric of a person's targets on their statement: the target, the measure and the score. */
export interface TargetMeasure {
  /** The metric's id. */
  readonly metric: string;
  /** `lowerIsBetter` or `higherIsBetter`. */
  readonly direction: 'lowerIsBetter' | 'higherIsBetter';
  /** The level's baseline. */
  readonly baseline: string;
  /** The complexity factor applied (`"1"` unless the measure gives one). */
  readonly complexity: string;
  /** The target after scaling and every rule, rounded to the metric's decimals. */
  readonly target: string;
  /** The rules that relaxed or tightened the target, in the order applied. */
  readonly adjustments: TargetAdjustment[];
  /** The measured value, or `null` when `data.measures` has none (left out of the score). */
  readonly measure: string | null;
  /** The score against the target (0 … cap, at the score decimals), or `null` without a measure. */
  readonly score: string | null;
  /** The metric's weight in the target score. */
  readonly weight: string;
  /** Scaling, rules, rounding and scoring, derived. */
  readonly trace: TraceStep[];
}

/** A person's targets under one plan version: their level, each metric, and the weighted score. */
export interface StatementTargets {
  /** The plan version whose `targets` section applied. */
  readonly version: string;
  /** The person's level. */
  readonly level: string;
  /** Σ weight × score ÷ Σ weight over the measured metrics, at the score decimals; `null` when none was measured. */
  readonly score: string | null;
  /** Every metric of the section, ordered by id. */
  readonly metrics: TargetMeasure[];
}

/** A range of plausible values, both bounds included (`min` ≤ `max`). */
export interface PlausibleRangeInput {
  /** The lowest plausible value. */
  min: DecimalInput;
  /** The highest plausible value. */
  max: DecimalInput;
}

/**
 * Plausibility checks a plan declares: a figure outside a declared range goes to the review
 * queue (kind `plausibility`) and the run goes on with it unchanged.
 */
export interface PlanPlausibilityInput {
  /**
   * The range of a department's applied coefficient (D, or B with linkage) in every segment;
   * a coefficient outside it is queued as `coefficientOutOfRange`.
   * @defaultValue none (not checked)
   */
  coefficient?: PlausibleRangeInput | undefined;
  /**
   * Plausibility codes that block the run: when any finding has one of them, `runPeriod` refuses
   * with `IMPLAUSIBLE_RESULT` at the path of each person or department concerned, instead of
   * queueing the finding for review.
   * @defaultValue none (every finding goes to the review queue and the run goes on)
   */
  block?: PlausibilityCode[] | undefined;
}

/**
 * The codes of plausibility findings (review items of kind `plausibility`): a statement below
 * zero, a person employed no day of the period with rows attached, a department's coefficient
 * outside the plan's declared range, commission rows paid uncarved under
 * `pool.nonContributorCommissions: "payInFull"`.
 */
export type PlausibilityCode = 'negativeNet' | 'noDaysEmployed' | 'coefficientOutOfRange' | 'commissionNotCarved';

/** A plan: a currency, a rounding policy and versions effective from dates (SPEC §3.8, seed 001 "动态调整"). */
export interface PlanInput {
  /** Plan id. */
  id: string;
  /** ISO 4217 currency of every amount in the plan and the period's data. */
  currency: string;
  /** Rounding points. @defaultValue half-up, scores 2 dp, coefficients 4 dp */
  rounding?: RoundingInput | undefined;
  /**
   * What to do when a version takes effect inside the period: `report` runs the whole period on
   * the version in force at its start and lists the change; `prorate` splits the period at each
   * change and prorates every amount by days.
   * @defaultValue `"report"`
   */
  onVersionChange?: 'report' | 'prorate' | undefined;
  /**
   * Plausibility checks whose findings go to the review queue (negative net pay and zero days
   * employed with rows attached are always checked). @defaultValue none (no declared ranges)
   */
  plausibility?: PlanPlausibilityInput | undefined;
  /**
   * Hold commission until the customer pays (issue 19 §6): a commission row whose `collected` is
   * `null` or after the period is held, listed in `result.holds`, and released — paid as earned —
   * in the period its payment arrives (`data.heldCommissions`). @defaultValue `false`
   */
  holdUntilCollected?: boolean | undefined;
  /** How commission rows in other currencies are converted. @defaultValue at each row's date, half-up */
  conversion?: PlanConversionInput | undefined;
  /**
   * How draws are recovered and what a leaver's balance becomes (`data.draws`, `data.drawBalances`).
   * @defaultValue recover all earnings above the draw, up to the balance; leavers repay from final pay
   */
  draws?: DrawPolicyInput | undefined;
  /** The versions, in any order (at least one); effective dates must differ and ranges must not overlap. */
  versions: PlanVersionInput[];
}

/** Input of `resolvePlan`. */
export interface ResolvePlanInput {
  /** The plan with its versions. */
  plan: PlanInput;
  /** The period to resolve. */
  period: PeriodInput;
}

// ── inputs: the organisation ───────────────────────────────────────────────

/** A department, on one side of the company: the front line, the middle office or the back office. */
export interface DepartmentInput {
  /** Department id. */
  id: string;
  /** Display name, at most 200 characters. @defaultValue none (`null` in results) */
  name?: string | undefined;
  /** `front` (sales, service, operations), `middle` or `back` (HR, IT, finance, legal, R&D). */
  side: 'front' | 'middle' | 'back';
}

/** A person on the payroll. */
export interface PersonInput {
  /** Person id (statements are ordered by it). */
  id: string;
  /** Display name, at most 200 characters. @defaultValue none (`null` in results) */
  name?: string | undefined;
  /** Department id. */
  department: string;
  /** Grade id (base pay by grade). */
  grade: string;
  /** Monthly base pay overriding the grade's. @defaultValue the grade's `basePay` */
  basePay?: DecimalInput | undefined;
  /** Monthly target bonus overriding the grade's. @defaultValue the grade's `targetBonus` */
  targetBonus?: DecimalInput | undefined;
  /** First day employed (inclusive). @defaultValue before the period */
  start?: string | undefined;
  /** Last day employed (inclusive). @defaultValue after the period */
  end?: string | undefined;
  /**
   * Ability level [能力基准] whose baselines set the person's elastic targets (seed 004), e.g.
   * `"senior"`: read by a plan version's `targets` section, which must have a baseline of that id.
   * @defaultValue none (the person is not scored against targets)
   */
  level?: string | undefined;
}

/** The organisation: departments and people. */
export interface OrgInput {
  /** Every department, ids unique. */
  departments: DepartmentInput[];
  /** Every person on the payroll, ids unique. */
  people: PersonInput[];
}

// ── inputs: the period's data ──────────────────────────────────────────────

/** A department's own result coefficient D for the period (before any company linkage). */
export interface DepartmentCoefficientInput {
  /** Department id. */
  department: string;
  /** The own coefficient, e.g. `"0.9"`. @defaultValue `1` for a department not listed */
  coefficient: DecimalInput;
}

/** A department's score on a `data` scorecard leaf. */
export interface ComponentScoreInput {
  /** Department id. */
  department: string;
  /** Leaf component id. */
  component: string;
  /** The score. */
  score: DecimalInput;
}

/** A company KPI's result for the period: its `actual` (against the plan's target) or its `coefficient`. */
export type CompanyKpiResultInput = Pick<LinkKpiInput, 'id' | 'actual' | 'coefficient'>;

/** A gross commission row earned by a person (negative for a clawback). */
export interface CommissionInput {
  /** Row id. */
  id: string;
  /** Person id. */
  person: string;
  /** Gross commission, in `currency`. */
  amount: DecimalInput;
  /**
   * ISO 4217 currency of `amount`; another than the plan's is converted at the rate of
   * `data.exchangeRates` in force on the row's date (or the period's last day, per
   * `plan.conversion.at`). @defaultValue the plan currency
   */
  currency?: string | undefined;
  /** Date earned; required when a split period assigns rows to plan versions. */
  date?: string | undefined;
  /** For a clawback (negative amount) under `clawbackPolicy: "reverse"`: the pool rate applied when the sale was first carved. */
  rate?: DecimalInput | undefined;
  /**
   * When the customer paid (`YYYY-MM-DD`), or `null` while unpaid. Under `plan.holdUntilCollected`
   * a row unpaid at the period's end is held (not paid, listed in `result.holds`) and released in
   * the period the payment arrives. @defaultValue not tracked (paid now)
   */
  collected?: string | null | undefined;
}

/**
 * A commission held from an earlier period until the customer pays (the previous period's
 * `result.holds.held`, with `collected` filled in when the payment arrived).
 */
export interface HeldCommissionInput {
  /** The commission row's id. */
  id: string;
  /** Person id. */
  person: string;
  /** The commission, as earned (its plan version's rates already applied). */
  amount: DecimalInput;
  /** When it was earned (`YYYY-MM-DD`). */
  earned: string;
  /** The plan version it was earned under. */
  version: string;
  /** When the customer paid, or `null` while still unpaid. @defaultValue `null` */
  collected?: string | null | undefined;
}

/** A support-effectiveness score [支撑效能评分] of a person, or of a department for its people without their own. */
export interface SupportScoreInput {
  /** Person id or department id. */
  subject: string;
  /** The score, ≥ 0. */
  score: DecimalInput;
}

/** A deduction (seed 001 "扣减项": lateness, early leave, from the attendance system). */
export interface DeductionInput {
  /** Row id. */
  id: string;
  /** Person id. */
  person: string;
  /** The amount deducted (≥ 0). */
  amount: DecimalInput;
  /** Why, shown on the statement: 1–200 characters. */
  reason: string;
  /** Date incurred; required when a split period assigns rows to plan versions. */
  date?: string | undefined;
}

/** One period's data. Every list is optional. */
export interface PeriodDataInput {
  /** Each department's own coefficient D. @defaultValue 1 for every department */
  departmentCoefficients?: DepartmentCoefficientInput[] | undefined;
  /** Department scores on the scorecard's `data` leaves. */
  componentScores?: ComponentScoreInput[] | undefined;
  /** The collaboration points ledger [台账] (subjects are departments or people). */
  pointEntries?: PointEntryInput[] | undefined;
  /** Company KPI results (actuals, or coefficients given directly) for the linkage; one per KPI of the plan. */
  companyKpis?: CompanyKpiResultInput[] | undefined;
  /** Gross commissions of (front-line) people. */
  commissions?: CommissionInput[] | undefined;
  /** Deductions. */
  deductions?: DeductionInput[] | undefined;
  /** Revenue facts, credited in full to a member of every dimension of the interlock. */
  revenueFacts?: RevenueFact[] | undefined;
  /** Tickets of the period; `unit` is a department id. */
  tickets?: TicketInput[] | undefined;
  /** Peripheral ratings of the period; raters and ratees are people or departments. */
  ratings?: RatingInput[] | undefined;
  /** Review decisions on flagged ratings [异常评分复核]. */
  reviewDecisions?: ReviewDecisionInput[] | undefined;
  /** Support-effectiveness scores for the pool, by person or department. */
  supportScores?: SupportScoreInput[] | undefined;
  /** Sales credited to people, the base of commissions computed by the plan's `commissions` section. */
  sales?: SaleInput[] | undefined;
  /** Each person's measured value for the plan's base modifier (seed 001: their resolution rate). */
  commissionMeasures?: CommissionMeasureInput[] | undefined;
  /** People's measured results on the plan's target metrics for the period (seed 004). */
  measures?: MeasureInput[] | undefined;
  /** People's results in earlier months: what the target rules' streaks read. */
  measureHistory?: MeasureHistoryInput[] | undefined;
  /** Commissions held from earlier periods until the customer pays (state in; see `plan.holdUntilCollected`). */
  heldCommissions?: HeldCommissionInput[] | undefined;
  /** Dated exchange rates into the plan currency, for commission rows in other currencies. */
  exchangeRates?: ExchangeRateInput[] | undefined;
  /** Draws and guarantees of the period, one per person at most (see `plan.draws`). */
  draws?: DrawArrangementInput[] | undefined;
  /** What people owe back at the start of the period: the previous period's closing balances. */
  drawBalances?: DrawBalanceInput[] | undefined;
}

/**
 * A person's draw or guarantee in the period [预支与保底]: a monthly amount, prorated like base pay
 * (× months in the period × days employed / days in the period).
 */
export interface DrawArrangementInput {
  /** Person id. */
  person: string;
  /** `recoverable` (advanced against commission, recovered from later earnings) or `guarantee` (non-recoverable floor). */
  kind: 'recoverable' | 'guarantee';
  /** The monthly amount (≥ 0). */
  monthlyAmount: DecimalInput;
}

/** What a person owes back at the start of the period (the previous period's `draws.people[].closingBalance`). */
export interface DrawBalanceInput {
  /** Person id. */
  person: string;
  /** The balance owed (≥ 0). */
  balance: DecimalInput;
}

/**
 * Batch control totals [控制总数] of a scenario: what the source systems declare they sent — row
 * counts and money sums — so that a truncated export, a double import or an edited file is
 * refused before anyone is paid. Each declared control is compared with what the run received
 * (or, for `payTotal`, produced); every mismatch is reported together as `RECONCILIATION_FAILED`
 * at the control's path (`["controls", "commissions", "gross"]`), and every control that holds is
 * listed in the result's `checks`. Money controls are in the plan currency, with no more decimals
 * than its minor unit (`INVALID_AMOUNT`). Row counts are whole numbers ≥ 0. Every field is
 * optional: only declared controls are checked.
 */
export interface ControlsInput {
  /** Headcount: the number of people in `org.people`. @defaultValue not checked */
  people?: number | undefined;
  /** Control totals of `data.commissions`. @defaultValue not checked */
  commissions?:
    | {
        /** Number of commission rows. @defaultValue not checked */
        rows?: number | undefined;
        /** Σ `amount` of the commission rows in the plan currency (clawbacks negative). @defaultValue not checked */
        gross?: DecimalInput | undefined;
        /** Per foreign currency: Σ `amount` of its commission rows, in that currency (before conversion). @defaultValue not checked */
        byCurrency?: Record<string, DecimalInput> | undefined;
      }
    | undefined;
  /** Control totals of `data.sales`. @defaultValue not checked */
  sales?:
    | {
        /** Number of sales. @defaultValue not checked */
        rows?: number | undefined;
        /** Σ `amount` of the sales in the plan currency. @defaultValue not checked */
        total?: DecimalInput | undefined;
        /** Per foreign currency: Σ `amount` of its sales, in that currency (before conversion). @defaultValue not checked */
        byCurrency?: Record<string, DecimalInput> | undefined;
      }
    | undefined;
  /** Control totals of `data.deductions`. @defaultValue not checked */
  deductions?:
    | {
        /** Number of deduction rows. @defaultValue not checked */
        rows?: number | undefined;
        /** Σ `amount` of the deduction rows, ≥ 0. @defaultValue not checked */
        total?: DecimalInput | undefined;
      }
    | undefined;
  /** Number of rows in `data.tickets` (counted whether or not the plan reads them). @defaultValue not checked */
  tickets?: number | undefined;
  /** Number of rows in `data.ratings` (counted whether or not the plan reads them). @defaultValue not checked */
  ratings?: number | undefined;
  /** Number of rows in `data.revenueFacts` (counted whether or not the plan reads them). @defaultValue not checked */
  revenueFacts?: number | undefined;
  /**
   * Σ statement totals the run must produce (`totals.statements`): the approved budget, or the
   * total of the approved run when re-running a period. Checked after the run. @defaultValue not checked
   */
  payTotal?: DecimalInput | undefined;
}

// ── inputs: the scenario ───────────────────────────────────────────────────

/** Input of `runPeriod`, a scenario: a scenario file holds exactly this object as JSON. */
export interface RunPeriodInput {
  /** The JSON Schema a scenario file names for editor completion; ignored by the run. */
  $schema?: string | undefined;
  /** The plan with its versions. */
  plan: PlanInput;
  /** The period to run. */
  period: PeriodInput;
  /**
   * Whether statement lines carry their trace steps. Turn off for bulk what-ifs over very large
   * companies; the figures are the same.
   * @defaultValue `true`
   */
  trace?: boolean | undefined;
  /**
   * Whether the input ledger lists its used rows, grouped by what they fed (`ledger[].uses`);
   * without it the ledger has the counts and the exclusions only (the 100,000-person run would
   * otherwise spend a quarter of its time and 15 % more memory listing 3.5 million rows).
   * @defaultValue `false`
   */
  ledgerRows?: boolean | undefined;
  /** The instant up to which open items (tickets) are measured. @defaultValue the day after the period's last day, 00:00 UTC */
  asOf?: string | undefined;
  /** Departments and people. */
  org: OrgInput;
  /** The period's data. @defaultValue no data */
  data?: PeriodDataInput | undefined;
  /**
   * Control totals declared by the source systems (row counts, Σ commissions, Σ deductions,
   * headcount, Σ pay); a mismatch refuses the run with `RECONCILIATION_FAILED`.
   * @defaultValue none (nothing declared, nothing checked)
   */
  controls?: ControlsInput | undefined;
}

// ── the plan in force ──────────────────────────────────────────────────────

/** A pay period with its inclusive end and length in days. */
export interface ResolvedPeriod {
  /** The period's length unit. */
  readonly unit: 'month' | 'quarter' | 'year';
  /** First day (ISO date). */
  readonly start: string;
  /** Inclusive last day: start + 1 unit − 1 day (date-fns `addMonths`/`addQuarters`/`addYears`). */
  readonly end: string;
  /** Days in the period, both ends included. */
  readonly days: number;
}

/** A stretch of the period run on one plan version. */
export interface PlanSegment {
  /** The version id in force on these days. */
  readonly version: string;
  /** First day of the stretch (ISO date). */
  readonly start: string;
  /** Last day of the stretch, inclusive. */
  readonly end: string;
  /** Days in the stretch. */
  readonly days: number;
  /** `days/periodDays` as an exact fraction, e.g. `"61/92"`; amounts are prorated by it. */
  readonly fraction: string;
}

/** A version that takes effect after the period's first day and inside it. */
export interface PlanChange {
  /** The version id. */
  readonly version: string;
  /** The day it takes effect (ISO date). */
  readonly effective: string;
  /** The version's note, or `null`. */
  readonly note: string | null;
}

/** Result of `resolvePlan`. */
export interface ResolvedPlan {
  /** Plan id. */
  readonly plan: string;
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** The period resolved: unit, first and last day, days. */
  readonly period: ResolvedPeriod;
  /** The version in force on the period's first day. */
  readonly version: string;
  /**
   * `single`: one version covers the whole period; `reported`: a version changes inside the
   * period, the period runs on the first one and the change is listed; `prorated`: the period is
   * split at each change and amounts are prorated by days.
   */
  readonly treatment: 'single' | 'reported' | 'prorated';
  /** Versions that take effect inside the period (empty when `single`). */
  readonly changes: PlanChange[];
  /** The stretches run: one for `single`/`reported`, one per version for `prorated`. */
  readonly segments: PlanSegment[];
  /** How the version(s) were chosen. */
  readonly trace: TraceStep[];
}

// ── statements ─────────────────────────────────────────────────────────────

/** What a statement line pays. Lines appear in this order, then by source id. */
export type StatementLineKind =
  | 'basePay'
  | 'performanceBonus'
  | 'commission'
  | 'poolAward'
  | 'interlockReward'
  | 'interlockDeduction'
  | 'guaranteeTopUp'
  | 'drawAdvance'
  | 'drawRecovery'
  | 'deduction';

/** One line of a pay statement. Deductions are negative amounts, so the total is the plain sum. */
export interface StatementLine {
  /** What the line pays. */
  readonly kind: StatementLineKind;
  /** Words for the line, e.g. "Base pay (grade P5)" or "Deduction: late 3×". */
  readonly label: string;
  /** The plan version the line was computed under. */
  readonly version: string;
  /** Amount with exactly the currency's minor digits (negative for deductions). */
  readonly amount: string;
  /**
   * The id of the data row or indicator the line comes from (a deduction's id, an interlocked
   * indicator's id); absent on lines computed per person (base pay, bonus, commission, award).
   * Present whatever the `trace` option, so what-ifs and corrections pair lines by it.
   */
  readonly source?: string;
  /** On a pool award line only: the support score the share read, where it came from and what may still change it. */
  readonly score?: PoolAwardScore;
  /** On a pool award line only: f(score), linear or a power (`power`, seed 001's `elasticity`) with its exponent. */
  readonly weighting?: PoolAwardWeighting;
  /** On a pool award line only: what multiplies f(score), in words ("30 days employed in segment v1 (2026-05-01 … 2026-05-30)", "FTE 1", "one share"). */
  readonly basis?: string;
  /** How the amount was derived. */
  readonly trace: TraceStep[];
}

/**
 * Where a pool recipient's support score came from: `rating` (the person's own peripheral
 * rating score), `departmentRating` (their department's), `departmentResponseTimes` /
 * `departmentResolutionTimes` (their department's mean ticket score), or `supportScores` (a row
 * of `data.supportScores`, the person's or their department's).
 */
export type PoolScoreSource =
  | 'rating'
  | 'departmentRating'
  | 'departmentResponseTimes'
  | 'departmentResolutionTimes'
  | 'supportCard'
  | 'supportScores';

/**
 * The support score behind a pool award (issue 17): the value, its source, and — when the plan's
 * `pool.scoreFrom` (`ratings` or `responseTimes`) gave none and `data.supportScores` was read
 * instead — why. Under `scoreFrom: "ratings"` the source is `rating` or `departmentRating` or the
 * fallback; under `"responseTimes"` a department ticket score or the fallback; under
 * `"supportScores"` always `supportScores`.
 */
export interface PoolAwardScore {
  /** The score the share weighed, at the plan's score decimals (the trace's `score`). */
  readonly value: string;
  /** Where the score came from. */
  readonly source: PoolScoreSource;
  /** Whose score it is: the person's id, or their department's id. */
  readonly subject: string;
  /**
   * Why `data.supportScores` was read instead of the plan's `scoreFrom` source, in words (e.g.
   * `too few raters for "zhao" (speed: 2 counted), and department "tech" has no peripheral
   * rating`; `no tickets for department "it"`); `null` when the plan's source gave the score, and
   * always under `scoreFrom: "supportScores"`.
   */
  readonly fallbackReason: string | null;
  /**
   * Flagged ratings awaiting a decision (ids, as in the review queue) that may still change the
   * score: under `scoreFrom: "ratings"`, those of the person, and of their department unless the
   * person's own rating is used. Ordered by id; empty under the other sources.
   */
  readonly pending: string[];
  /** Under `scoreFrom: "supportCard"`, the person's measures behind the score. @defaultValue absent under other sources */
  readonly components?: SupportCardComponent[];
}

/** How a pool award's f(score) is computed: linear, or score^exponent. */
export interface PoolAwardWeighting {
  /** `linear`, `power` or `elasticity` (seed 001: +10 % score → +15 % award). */
  readonly kind: 'linear' | 'power' | 'elasticity';
  /** The exponent of f(score) = score^exponent at the coefficient decimals, or `null` when linear. */
  readonly exponent: string | null;
}

/** One person's pay statement for the period (seed 001's "个人薪酬看板", personal pay dashboard). */
export interface PayStatement {
  /** The person's id. */
  readonly person: string;
  /** The person's name, or `null` when the org gives none. */
  readonly name: string | null;
  /** The person's department id. */
  readonly department: string;
  /** The department's side: front line, middle or back office. */
  readonly side: 'front' | 'middle' | 'back';
  /** The person's grade id. */
  readonly grade: string;
  /** Days of the period the person was employed. */
  readonly employedDays: number;
  /** Performance coefficient applied to the target bonus (the last segment's when the period is split). */
  readonly coefficient: string;
  /** The lines, in {@link StatementLineKind} order, then by source id, then by segment. */
  readonly lines: StatementLine[];
  /**
   * One subtotal per pay component on the statement, in {@link StatementLineKind} order: the
   * component's lines summed across plan versions (segments) and rows.
   */
  readonly subtotals: StatementSubtotal[];
  /** Σ lines, exactly. */
  readonly total: string;
  /**
   * The person's elastic targets [弹性指标, seed 004], one entry per plan version of the period
   * with a `targets` section. @defaultValue absent when no version has one or the person has no `level`
   */
  readonly targets?: StatementTargets[];
}

/** A pay component's subtotal on a statement: its lines summed across plan versions and rows (issue 17 §6). */
export interface StatementSubtotal {
  /** The component (the kind of its lines). */
  readonly kind: StatementLineKind;
  /** The component in words, e.g. `"Base pay"`, `"Deductions"`. */
  readonly label: string;
  /** How many lines it sums. */
  readonly lines: number;
  /** Σ of those lines, exactly. */
  readonly amount: string;
}

// ── the period run ─────────────────────────────────────────────────────────

/**
 * A department's relevance-matrix figures in the period run: B beside the uniform D·C (SPEC §3.1),
 * as `linkCoefficients` gives them, without the id, D and trace its row carries elsewhere.
 */
export type DepartmentLinkage = Omit<LinkedDepartment, 'id' | 'own' | 'trace'>;

/** One department's results for the period. */
export interface DepartmentResult {
  /** The department's id. */
  readonly id: string;
  /** The department's name, or `null` when the org gives none. */
  readonly name: string | null;
  /** Front line, middle or back office. */
  readonly side: 'front' | 'middle' | 'back';
  /** People of the department (each has a statement). */
  readonly headcount: number;
  /** The department's own coefficient D: its scorecard's coefficient, else the data's (default 1), rounded at the coefficient point. */
  readonly ownCoefficient: string;
  /** The coefficient applied to its people's target bonus (D, or the blended B when linkage is used). */
  readonly coefficient: string;
  /** Seed 003's relevance matrix for the department (last segment), or `null` without linkage. */
  readonly linkage: DepartmentLinkage | null;
  /** The department's composed scorecard (last segment), or `null` without one. */
  readonly scorecard: ScoredSubject | null;
  /** The department's tiered response-time scores (last segment), or `null` without tickets scored. */
  readonly responseTimes: UnitResponseTimes | null;
  /** The department's peripheral rating score (last segment, last period label), or `null` when not rated. */
  readonly rating: RateeScore | null;
  /** How the coefficients were derived, segment by segment. */
  readonly trace: TraceStep[];
}

/** The support pool of one segment. */
export interface PoolSegment {
  /** The plan version the pool ran under. */
  readonly version: string;
  /** The pool rate p. */
  readonly rate: string;
  /** People whose commission was carved. */
  readonly contributors: number;
  /** People who shared the pool. */
  readonly recipients: number;
  /** Σ gross commission of the contributors. */
  readonly gross: string;
  /** The pool: carved minus reversals. */
  readonly pool: string;
  /** Σ awards. */
  readonly awarded: string;
  /** pool − Σ awards (caps, nobody eligible). */
  readonly unallocated: string;
  /** How the pool was carved and shared. */
  readonly trace: TraceStep[];
  /** With `pool.units`: each department's score, headcount, weight, part, Σ awards and unallocated, by id. */
  readonly units?: PoolUnitAward[];
}

/** The interlock of the period under one setting: credits by dimension and indicator settlements. */
export interface InterlockSummary {
  /** Σ facts, counted once. */
  readonly total: string | null;
  /** Σ over dimensions of the credits (the double count). */
  readonly credited: string | null;
  /** credited / total. */
  readonly factor: string | null;
  /** Credits per dimension and member. */
  readonly dimensions: DimensionCredit[];
  /** Each interlocked indicator settled among its parties. */
  readonly indicators: IndicatorSettlement[];
}

/**
 * One check the run verified: a conservation check of its own (`statementTotals`, …), or a
 * control total declared in the scenario (`controls.commissions.gross`, …; left = what the run
 * received or produced, right = the declared figure).
 */
export interface ReconciliationCheck {
  /** Stable name, e.g. `statementTotals`, or the dotted path of a declared control, e.g. `controls.payTotal`. */
  readonly id: string;
  /** What was checked, as an equation. */
  readonly equation: string;
  /** The left side, as computed. */
  readonly left: string;
  /** The right side, as computed. */
  readonly right: string;
  /** Always `true` in a returned result (a failed check or control raises `RECONCILIATION_FAILED`). */
  readonly holds: boolean;
}

/** Money totals of the period, each with the currency's minor digits. */
export interface PeriodTotals {
  /** Σ base-pay lines. */
  readonly basePay: string;
  /** Σ performance-bonus lines. */
  readonly performanceBonus: string;
  /** Σ commission rows before the pool contribution. */
  readonly grossCommission: string;
  /** Σ carved into the support pool. */
  readonly poolContribution: string;
  /** Σ commission lines: gross − pool contribution. */
  readonly netCommission: string;
  /** Σ pools of the segments. */
  readonly pool: string;
  /** Σ pool-award lines. */
  readonly poolAwards: string;
  /** pool − pool awards. */
  readonly unallocated: string;
  /** Σ deduction rows, positive (the statements show each as a negative line). */
  readonly deductions: string;
  /** Σ statement totals. */
  readonly statements: string;
}

/**
 * The stable code of a review item: what it is about, one code per check.
 * - `flaggedRating`: a flagged rating awaiting a decision [异常评分复核] (kind `rating`);
 * - `severeMiss`: an interlocked indicator below the severe-miss or review threshold, for joint review [复盘] (kind `severeMiss`);
 * - `negativeNet`: a statement whose total is below zero (kind `plausibility`);
 * - `noDaysEmployed`: a person employed no day of the period with commission, sale or deduction rows attached (kind `plausibility`);
 * - `coefficientOutOfRange`: a department's applied coefficient outside the plan's `plausibility.coefficient` range (kind `plausibility`);
 * - `commissionNotCarved`: a person whose side the pool does not carve from, paid their commission in full under `pool.nonContributorCommissions: "payInFull"` (kind `plausibility`).
 */
export type ReviewCode =
  'flaggedRating' | 'severeMiss' | 'negativeNet' | 'noDaysEmployed' | 'coefficientOutOfRange' | 'commissionNotCarved';

/**
 * An item for human review: a flagged rating awaiting a decision [异常评分复核], a severe miss [复盘],
 * or an implausible figure (kind `plausibility`). No item blocks the run.
 */
export interface ReviewItem {
  /** `rating`, `severeMiss` or `plausibility`. */
  readonly kind: 'rating' | 'severeMiss' | 'plausibility';
  /** The stable code of the check that raised the item (see {@link ReviewCode}). */
  readonly code: ReviewCode;
  /** The rating id, the indicator id, the person id (`negativeNet`, `noDaysEmployed`, `commissionNotCarved`) or the department id (`coefficientOutOfRange`). */
  readonly id: string;
  /** Who is concerned: the ratee, the parties of the indicator, the person or the department. */
  readonly subjects: string[];
  /** Why, in words (reason codes and statistics). */
  readonly reason: string;
}

// ── the input ledger ───────────────────────────────────────────────────────

/** A list of the scenario's `data`, as the input ledger names it. */
export type LedgerSectionName =
  | 'departmentCoefficients'
  | 'componentScores'
  | 'pointEntries'
  | 'companyKpis'
  | 'commissions'
  | 'deductions'
  | 'revenueFacts'
  | 'tickets'
  | 'ratings'
  | 'reviewDecisions'
  | 'supportScores'
  | 'exchangeRates'
  | 'draws'
  | 'drawBalances'
  | 'sales'
  | 'commissionMeasures'
  | 'heldCommissions'
  | 'measures'
  | 'measureHistory';

/**
 * Why a data row fed no line and no measure (issue 17), one stable code per rule:
 * - `selfRating`: a rating whose rater is its ratee (ratings);
 * - `raterNotEntitled`: a rating the RACI matrix does not entitle (no task, rater or ratee not on the task, rater not front line, ratee not supporting; the reason names which);
 * - `rejectedByReview`: a flagged rating dropped by a review decision;
 * - `awaitingReview`: a flagged rating still awaiting a decision, left out of the score (the plan does not `includePending`);
 * - `belowMinRaters`: a rating of a dimension, or of a ratee, with fewer than `minRaters` raters: no score came of it;
 * - `outsideAssignmentWindow`: a revenue fact dated outside the assignment window of every member it names (interlock);
 * - `rejectedPointEntry`: a collaboration point entry rejected by the points rules (no evidence, no approver, self-approved);
 * - `replacedByScorecard`: a department's own coefficient D that its scorecard's coefficient replaced in every segment;
 * - `rateNotApplied`: an exchange rate no commission row was converted at (another rate of its currency was in force on every row's date);
 * - `notReadByPlan`: a row of a list the plan version(s) of the period do not read (tickets without a `responseTimes` section, support scores when the pool took every such score from its `scoreFrom` source, a point entry for a person, a component score of no `data` leaf, …).
 */
export type ExclusionCode =
  | 'selfRating'
  | 'raterNotEntitled'
  | 'rejectedByReview'
  | 'awaitingReview'
  | 'belowMinRaters'
  | 'outsideAssignmentWindow'
  | 'rejectedPointEntry'
  | 'replacedByScorecard'
  | 'rateNotApplied'
  | 'notReadByPlan';

/** A data row that fed nothing, and why. */
export interface Exclusion {
  /** The data list the row is in. */
  readonly section: LedgerSectionName;
  /** The row's JSON path, e.g. `$.data.ratings[12]`. */
  readonly path: string;
  /** The row's id, or a stable composite when it has none (a department, `department/component`, a support score's subject, a decision's rating, a draw's person). */
  readonly id: string;
  /** Why, as a stable code. */
  readonly code: ExclusionCode;
  /** Why, in plain words. */
  readonly reason: string;
  /** The people the row concerns (a rating's ratee then rater, a commission's person, …), org people only. */
  readonly people: string[];
  /** The departments the row concerns (a ticket's unit, a rated department, …). */
  readonly departments: string[];
}

/**
 * Used rows of one data list that fed the same line or measure (listed with `trace: true` only):
 * row `rows[k]` of the list — at `$.data.<section>[rows[k]]` — has id `ids[k]`.
 */
export interface LedgerUse {
  /** What the rows fed, in words (e.g. `commission line of wang`, `score of ratee li (speed)`). */
  readonly into: string;
  /** The rows' indices in the data list, ascending. */
  readonly rows: number[];
  /** The rows' ids, in the same order, as in {@link Exclusion} (a composite for rows without one). */
  readonly ids: string[];
}

/** One data list in the input ledger: every row used or excluded. */
export interface LedgerSection {
  /** The data list. */
  readonly section: LedgerSectionName;
  /** Rows in the list. */
  readonly rows: number;
  /** Rows that fed a line or a measure. */
  readonly used: number;
  /** Rows listed in the result's `exclusions` (rows = used + excluded). */
  readonly excluded: number;
  /**
   * The used rows grouped by what they fed, groups in the order of their first row, or `null`
   * unless the scenario asks for them with `ledgerRows: true` (the counts are the same).
   */
  readonly uses: LedgerUse[] | null;
}

/**
 * The company-level result of a period run: `runPeriod`'s result without the statements (what
 * `runPeriodStream`'s `summary()` gives). Plain JSON; every list ordered by id.
 */
export interface RunPeriodSummary extends ResolvedPlan {
  /** The optional mechanisms this run used, in name order. */
  readonly mechanisms: string[];
  /** Every department of the org, ordered by id. */
  readonly departments: DepartmentResult[];
  /** The support pool of each segment that has one (seed 001's 后端支撑奖励池). */
  readonly pools: PoolSegment[];
  /** Items for human review, by kind, then code, then id. */
  readonly reviewQueue: ReviewItem[];
  /** Credits per dimension and settled indicators (one entry per distinct interlock setting), or `null`. */
  readonly interlock: InterlockSummary[] | null;
  /** Money totals of the period. */
  readonly totals: PeriodTotals;
  /** Commissions held until the customer pays and those released, or `null` without holds. */
  readonly holds: PeriodHolds | null;
  /** Commission rows and sales converted from other currencies, per list then currency, or `null` when none was. */
  readonly conversions: CurrencyConversion[] | null;
  /** Draws and guarantees: each person's settlement and balances, or `null` when the data has none. */
  readonly draws: PeriodDraws | null;
  /**
   * The input ledger: one section per data list the scenario has, in {@link LedgerSectionName}
   * order, each row counted as used or excluded (`ledger.<section>` checks that they add up).
   */
  readonly ledger: LedgerSection[];
  /** Every data row that fed nothing, with why, ordered by section then row index (empty when none). */
  readonly exclusions: Exclusion[];
  /** The run's own conservation checks, then one check per control total the scenario declares (in `controls` order). */
  readonly checks: ReconciliationCheck[];
}

/** Result of `runPeriod`: the {@link RunPeriodSummary} and one pay statement per person (after `departments` in JSON). */
export interface RunPeriodResult extends RunPeriodSummary {
  /** One pay statement per person, ordered by person id. */
  readonly statements: PayStatement[];
}

/** A period run giving its statements one at a time (`runPeriodStream`), then the company-level result. */
export interface RunPeriodStream {
  /**
   * The pay statements in person id order, each computed when asked for; read once. `break` does
   * not end the run: a new loop goes on. The `next()` that ends them runs the end-of-period checks
   * and throws their error, as `runPeriod` would.
   */
  readonly statements: IterableIterator<PayStatement>;
  /** The company-level result; first computes (and drops) the statements not yet read. Throws the run's error, if any. */
  summary(): RunPeriodSummary;
}

/** The draws of a period: one settlement per person with a draw or a balance, and the totals. */
export interface PeriodDraws {
  /** One settlement per person with a draw or an opening balance, ordered by person id. */
  readonly people: DrawSettlement[];
  /** Σ of each figure; `closingBalance` is what people owe back, the next period's `data.drawBalances`. */
  readonly totals: DrawTotals;
}

/** A dated exchange rate: 1 unit of `currency` = `rate` units of the plan currency, from `date` on. */
export interface ExchangeRateInput {
  /** ISO 4217 code of the source currency (not the plan's). */
  currency: string;
  /** The first day the rate applies, `YYYY-MM-DD`; it applies until the next rate of the currency. */
  date: string;
  /** Plan-currency units per unit of `currency`, above zero (e.g. `"7.1234"` CNY per USD). */
  rate: DecimalInput;
}

/**
 * How commission rows and sales in other currencies are converted (issue 19 §7): at the rate in
 * force on each row's date or on the period's last day, rounded once to the plan currency's minor
 * unit.
 */
export interface PlanConversionInput {
  /** Whose date picks the rate: `transactionDate` (each row's `date`) or `periodEnd`. @defaultValue `"transactionDate"` */
  at?: 'transactionDate' | 'periodEnd' | undefined;
  /** The rounding of amount × rate. @defaultValue `"halfUp"` */
  rounding?: 'halfUp' | 'halfEven' | undefined;
}

/** One foreign currency's commission rows, or sales, converted in the run. */
export interface CurrencyConversion {
  /** The data list the rows are in: `commissions` (gross rows) or `sales` (the base of computed commissions). */
  readonly section: 'commissions' | 'sales';
  /** ISO 4217 code. */
  readonly currency: string;
  /** Rows converted. */
  readonly rows: number;
  /** Σ of their amounts in the currency (what the source system's control total states). */
  readonly amount: string;
  /** Σ of their converted amounts in the plan currency (each rounded once). */
  readonly converted: string;
}

/** The weights of a person's support measures (seed 001: response 20, resolution 15, rating 10). At least one above zero. */
export interface SupportCardInput {
  /** Weight of the mean response score of the person's assigned tickets. */
  response?: DecimalInput | undefined;
  /** Weight of the mean resolution score of the person's assigned tickets. */
  resolution?: DecimalInput | undefined;
  /** Weight of the reopen score, (1 − reopened / tickets) × 100. */
  reopen?: DecimalInput | undefined;
  /** Weight of the person's own peripheral rating. */
  rating?: DecimalInput | undefined;
  /** Weight of the person's target score (the plan version's `targets` section, seed 004). */
  targets?: DecimalInput | undefined;
}

/** One measure of a support card score on a pool award. */
export interface SupportCardComponent {
  /** `response`, `resolution`, `reopen`, `rating` or `targets`. */
  readonly id: 'response' | 'resolution' | 'reopen' | 'rating' | 'targets';
  /** Its weight in the plan. */
  readonly weight: string;
  /** The person's score on it, or `null` when they have none (left out of the weighted mean). */
  readonly score: string | null;
}

/**
 * Commissions computed in the run [提成] (issue 19 §4), composed from `computeCommissions`: each
 * person's base = Σ their sales in the segment, times the base modifier of their measure, through
 * the rate table, marginal or retroactive.
 */
export interface PlanCommissionsInput {
  /** Rates (0–1) by amount band. */
  rateTable: TierTable;
  /** `"marginal"` (each slice at its band's rate) or `"retroactive"` (the whole base at the reached rate). */
  method: 'marginal' | 'retroactive';
  /** Measure → base multiplier (seed 001: resolution ≥ 0.95 → 1.16, ≥ 0.90 → 1.08). @defaultValue none (× 1) */
  modifierTable?: TierTable | undefined;
}

/** A sale credited to a person. */
export interface SaleInput {
  /** Row id (unique among sales). */
  id: string;
  /** The person credited. */
  person: string;
  /** The sale's amount (≥ 0), in `currency`. */
  amount: DecimalInput;
  /**
   * ISO 4217 currency of `amount`; another than the plan's is converted into it before it joins
   * the person's base, at the rate of `data.exchangeRates` in force on the sale's date (or the
   * period's last day, per `plan.conversion.at`). @defaultValue the plan currency
   */
  currency?: string | undefined;
  /** Date of the sale; required when a split period assigns rows to plan versions, or to find its rate by transaction date. */
  date?: string | undefined;
  /**
   * When the customer paid, or `null` while unpaid: under `plan.holdUntilCollected`, the part of
   * the person's computed commission earned on a sale not collected by the period's end is held
   * (`result.holds`) and released, as earned, in the period it is collected.
   * @defaultValue absent: never held
   */
  collected?: string | null | undefined;
}

/** A person's measured value for the base modifier (e.g. resolution rate `"0.93"`). */
export interface CommissionMeasureInput {
  /** Person id. */
  person: string;
  /** The measured value. */
  measure: DecimalInput;
}

/** A commission held until the customer pays: the next period's `data.heldCommissions` row (add `collected`). */
export interface HeldCommission {
  /** The commission row's id. */
  readonly id: string;
  /** Person id. */
  readonly person: string;
  /** The commission as earned. */
  readonly amount: string;
  /** When it was earned. */
  readonly earned: string;
  /** The plan version it was earned under. */
  readonly version: string;
  /** When the customer paid (released rows), or `null` (still held). */
  readonly collected: string | null;
}

/** A period's holds: what stays held (state out) and what was released, with the totals. */
export interface PeriodHolds {
  /** Held at the end of the period, ordered by id: the next period's `data.heldCommissions`. */
  readonly held: HeldCommission[];
  /** Released in this period (paid on the commission lines), ordered by id. */
  readonly released: HeldCommission[];
  /** Σ held at the start (`data.heldCommissions`), Σ newly held, Σ released, Σ held at the end. */
  readonly totals: {
    readonly opening: string;
    readonly newlyHeld: string;
    readonly released: string;
    readonly closing: string;
  };
}

/** One shard of a plan: its departments (in the org's order) and how many people they have. */
export interface PlannedShard {
  readonly departments: string[];
  readonly people: number;
}

/** The shards of a run, balanced by people. */
export interface ShardPlan {
  readonly shards: PlannedShard[];
}

/**
 * Coordinator → shard, phase 2 of a sharded run ({@link shardPeriod}): one shard's departments,
 * people and rows, and the mechanism runs every shard shares. Structured-clonable data (send it
 * to a worker thread with `postMessage`, or through `node:v8` `serialize` to a job queue); its
 * other fields are the library's own.
 */
export interface ShardTask {
  /** The shard's position in the plan. */
  readonly shard: number;
  /** Its departments' ids, in org order. */
  readonly departmentIds: readonly string[];
  /** How many people it pays. */
  readonly headcount: number;
}

/** Shard → coordinator, after phase 2: what the support pool reads of the shard's people. Structured-clonable. */
export interface ShardPoolInputs {
  readonly shard: number;
}

/** Coordinator → shard, phase 3: the shard's part of the support pool (contributions, awards and their traces). Structured-clonable. */
export interface ShardPoolShare {
  readonly shard: number;
}

/** Shard → coordinator, after phase 4: the shard's partial company-level figures. Structured-clonable. */
export interface ShardSummary {
  readonly shard: number;
  /** How many statements the shard gave. */
  readonly statements: number;
}

/** A shard's statements, in person id order, then its summary (see {@link runShard}). */
export interface RunShardStream {
  /** The shard's statements, each computed when asked for; read once. */
  readonly statements: IterableIterator<PayStatement>;
  /** The shard's summary for the coordinator; first computes (and drops) the statements not yet read. */
  summary(): ShardSummary;
}

/** One shard, after phase 2 (see {@link runShard}). */
export interface ShardRunner {
  /** What to send the coordinator. */
  readonly poolInputs: ShardPoolInputs;
  /** Phase 4, given the coordinator's share of the pool for this shard. */
  finish(share: ShardPoolShare): RunShardStream;
}

/** The coordinator of a sharded period run (see {@link shardPeriod}). */
export interface ShardedPeriod {
  /** The departments of each shard. */
  readonly plan: ShardPlan;
  /** One task per shard, in plan order. */
  readonly tasks: ShardTask[];
  /**
   * The shard of each statement of the run, in person id order: entry k says which shard's stream
   * gives the k-th statement — the shards' statements merged without reading their ids.
   */
  readonly order: Int32Array;
  /** Phase 3: every shard's pool inputs (any order) → each shard's share, in plan order. */
  pools(inputs: readonly ShardPoolInputs[]): ShardPoolShare[];
  /** Phase 5: every shard's summary (any order) → the company-level result, as {@link runPeriod} gives it. */
  summary(summaries: readonly ShardSummary[]): RunPeriodSummary;
}

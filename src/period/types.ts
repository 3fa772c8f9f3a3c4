/**
 * The public shapes of the period run: its inputs (inferred from the schemas) and its results
 * (named interfaces). The stages build these results and `runPeriod` assembles them; the what-if
 * tools read them back. Types only: importing this file imports no code.
 */
import type * as z from 'zod/mini';
import type { TraceStep } from '../core/trace.js';
import type { DimensionCredit, IndicatorSettlement } from '../interlock/types.js';
import type { CoefficientLink } from '../linkage/types.js';
import type { RateeScore } from '../ratings/types.js';
import type { ScoredSubject } from '../scorecard/types.js';
import type { UnitResponseTimes } from '../time/types.js';
import type { planSchema, resolvePlanInputSchema, runPeriodInputSchema } from './schema.js';

// ── inputs ─────────────────────────────────────────────────────────────────

/** Input of `runPeriod` (inferred from `runPeriodInputSchema`): a scenario. */
export type RunPeriodInput = z.input<typeof runPeriodInputSchema>;

/** Input of `resolvePlan` (inferred from `resolvePlanInputSchema`). */
export type ResolvePlanInput = z.input<typeof resolvePlanInputSchema>;

/** A plan as given (inferred from `planSchema`). */
export type PlanInput = z.input<typeof planSchema>;

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
  'basePay' | 'performanceBonus' | 'commission' | 'poolAward' | 'interlockReward' | 'interlockDeduction' | 'deduction';

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
  /** How the amount was derived. */
  readonly trace: TraceStep[];
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
  /** Σ lines, exactly. */
  readonly total: string;
}

// ── the period run ─────────────────────────────────────────────────────────

/** A department's relevance-matrix figures: B beside the uniform D·C (SPEC §3.1). */
export interface DepartmentLinkage {
  /** Exempt from linkage: every ratio is 0 and B = D. */
  readonly exempt: boolean;
  /** Σ r over the department's links. */
  readonly ratioSum: string;
  /** B = (1 − Σr)·D + Σ r·C. */
  readonly blended: string;
  /** The uniform method's D·C ["无差别公司系数"]. */
  readonly uniform: string;
  /** blended − uniform. */
  readonly difference: string;
  /** One link per company KPI the department is tied to. */
  readonly links: CoefficientLink[];
}

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

/** An item for human review: a flagged rating awaiting a decision [异常评分复核], a severe miss [复盘]. */
export interface ReviewItem {
  /** `rating` or `severeMiss`. */
  readonly kind: 'rating' | 'severeMiss';
  /** The rating id or the indicator id. */
  readonly id: string;
  /** Who is concerned: the ratee, or the parties of the indicator. */
  readonly subjects: string[];
  /** Why, in words (reason codes and statistics). */
  readonly reason: string;
}

/**
 * Result of `runPeriod`: the plan resolved for the period (its `trace` says how), then the
 * run's figures. Plain JSON; every list ordered by id.
 */
export interface RunPeriodResult extends ResolvedPlan {
  /** The optional mechanisms this run used, in name order. */
  readonly mechanisms: string[];
  /** Every department of the org, ordered by id. */
  readonly departments: DepartmentResult[];
  /** The support pool of each segment that has one (seed 001's 后端支撑奖励池). */
  readonly pools: PoolSegment[];
  /** One pay statement per person, ordered by person id. */
  readonly statements: PayStatement[];
  /** Items for human review, by kind then id. */
  readonly reviewQueue: ReviewItem[];
  /** Credits per dimension and settled indicators (one entry per distinct interlock setting), or `null`. */
  readonly interlock: InterlockSummary[] | null;
  /** Money totals of the period. */
  readonly totals: PeriodTotals;
  /** The run's own conservation checks, then one check per control total the scenario declares (in `controls` order). */
  readonly checks: ReconciliationCheck[];
}

import type * as z from 'zod/mini';
import { minorDigits } from '../core/currency.js';
import { IssueList } from '../core/errors.js';
import type { TraceStep } from '../core/trace.js';
import type { DimensionCredit, IndicatorSettlement } from '../interlock/types.js';
import type { CoefficientLink } from '../linkage/types.js';
import type { RateeScore } from '../ratings/scoreRatings.js';
import type { ScoredSubject } from '../scorecard/types.js';
import type { UnitResponseTimes } from '../time/types.js';
import { reconcile } from './checksStage.js';
import { checkInputControls } from './controls.js';
import { readPeriodData } from './dataStage.js';
import { departmentResults } from './departmentsStage.js';
import { interlockSummary } from './interlockStage.js';
import { indexOrganisation, readPayRates } from './orgStage.js';
import { resolvePlanVersions, type PlanChange, type PlanSegment, type ResolvedPeriod } from './resolvePlan.js';
import { buildReviewQueue } from './reviewQueue.js';
import { checkMechanismRows, parseScenario, receivedRows, type Scenario } from './scenarioInput.js';
import type { runPeriodInputSchema } from './schema.js';
import { segmentInputs, segmentStage, type MechanismRuns, type SegmentStage } from './segmentStage.js';
import type { PayStatement } from './statement.js';
import {
  addDeductionLines,
  addSegmentLines,
  emptyPayTotals,
  periodTotals,
  renderStatements,
  statementInputs,
} from './statementsStage.js';

/** Input of {@link runPeriod} (inferred from `runPeriodInputSchema`): a scenario. */
export type RunPeriodInput = z.input<typeof runPeriodInputSchema>;

/** One department's results for the period. */
export interface DepartmentResult {
  readonly id: string;
  readonly name: string | null;
  readonly side: 'front' | 'middle' | 'back';
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
  readonly dimensions: DimensionCredit[];
  readonly indicators: IndicatorSettlement[];
}

/** A department's relevance-matrix figures: B beside the uniform D·C (SPEC §3.1). */
export interface DepartmentLinkage {
  readonly exempt: boolean;
  /** Σ r over the department's links. */
  readonly ratioSum: string;
  /** B = (1 − Σr)·D + Σ r·C. */
  readonly blended: string;
  /** The uniform method's D·C ["无差别公司系数"]. */
  readonly uniform: string;
  /** blended − uniform. */
  readonly difference: string;
  readonly links: CoefficientLink[];
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
  readonly basePay: string;
  readonly performanceBonus: string;
  readonly grossCommission: string;
  readonly poolContribution: string;
  readonly netCommission: string;
  readonly pool: string;
  readonly poolAwards: string;
  readonly unallocated: string;
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

/** Result of {@link runPeriod}. Plain JSON; every list ordered by id. */
export interface RunPeriodResult {
  readonly plan: string;
  readonly currency: string;
  readonly period: ResolvedPeriod;
  /** The version in force at the period start. */
  readonly version: string;
  readonly treatment: 'single' | 'reported' | 'prorated';
  readonly changes: PlanChange[];
  readonly segments: PlanSegment[];
  /** The optional mechanisms this run used, in name order. */
  readonly mechanisms: string[];
  readonly departments: DepartmentResult[];
  /** The support pool of each segment that has one (seed 001's 后端支撑奖励池). */
  readonly pools: PoolSegment[];
  readonly statements: PayStatement[];
  readonly reviewQueue: ReviewItem[];
  /** Credits per dimension and settled indicators (one entry per distinct interlock setting), or `null`. */
  readonly interlock: InterlockSummary[] | null;
  readonly totals: PeriodTotals;
  /** The run's own conservation checks, then one check per control total the scenario declares (in `controls` order). */
  readonly checks: ReconciliationCheck[];
  readonly trace: TraceStep[];
}

/**
 * Runs one pay period end to end (SPEC §4): resolves the plan version(s), computes each
 * department's coefficient and every person's pay statement — base pay by grade, performance
 * bonus = target bonus × coefficient, net commission, pool award, deductions — and verifies that
 * the money reconciles. Every mechanism is optional: a plan without a section skips it.
 *
 * **Formula.** base = monthly base × months in period × employed days / period days;
 * bonus = round(monthly target × months × employed days / period days) × coefficient;
 * statement total = Σ lines; Σ totals = Σ base + Σ bonuses + Σ net commissions + pool −
 * unallocated − Σ deductions. Money is rounded to minor units at each line with the plan's mode.
 *
 * **Control totals.** When the scenario declares `controls` (row counts, Σ commissions, Σ
 * deductions, headcount — checked before any mechanism runs — and `payTotal`, checked against
 * Σ statement totals), every mismatch refuses the run with `RECONCILIATION_FAILED` at the
 * control's path; the controls that hold are listed in `checks`.
 *
 * @param input - a scenario: `plan`, `period`, optional `asOf`, `org` (`departments`, `people`),
 *   optional `data` (`departmentCoefficients`, `commissions`, `deductions`, …) and optional
 *   `controls` (declared control totals).
 * @returns Department results, one statement per person (ordered by id), the review queue,
 *   totals and the reconciliation checks (the run's own, then the declared controls).
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `INVALID_AMOUNT`,
 *   `NEGATIVE_VALUE`, `UNKNOWN_CURRENCY`, `DUPLICATE_ID`, `UNKNOWN_REFERENCE`,
 *   `DATES_OUT_OF_ORDER`, `OUT_OF_RANGE` (a dated row outside the period),
 *   `PLAN_VERSION_OVERLAP`, `PLAN_NOT_IN_FORCE`, and `RECONCILIATION_FAILED` (a declared
 *   control total disagrees with the rows or the result, at the control's path; at the root
 *   path, one of the run's own conservation checks failed: a bug to report).
 *
 * @example
 * ```ts
 * import { runPeriod } from 'synergy-pay';
 * const result = runPeriod({
 *   plan: { id: 'p', currency: 'CNY', versions: [{ id: 'v1', effective: '2026-01-01', grades: [{ id: 'P5', basePay: '8000.00', targetBonus: '2000.00' }] }] },
 *   period: { unit: 'month', start: '2026-03-01' },
 *   org: { departments: [{ id: 'tech', side: 'back' }], people: [{ id: 'wang', department: 'tech', grade: 'P5' }] },
 *   data: { departmentCoefficients: [{ department: 'tech', coefficient: '1.1' }] },
 * });
 * // result.statements[0].total === '10200.00' (8000.00 + 2000.00 × 1.1000)
 * ```
 */
export function runPeriod(input: RunPeriodInput): RunPeriodResult {
  return runScenario(parseScenario(input));
}

/**
 * The period run as a sequence of named stages, each in its own module: validate the scenario
 * (controls, mechanism rows, org, data, pay rates — issues of one kind are collected and thrown
 * together), then per segment the mechanisms and the statement lines, then deductions, rendering,
 * department results, the review queue and the reconciliation checks.
 */
function runScenario(scenario: Scenario): RunPeriodResult {
  const resolved = resolvePlanVersions(scenario.plan, scenario.period, ['plan'], ['period']);
  const digits = minorDigits(scenario.plan.currency, ['plan', 'currency']);
  // Declared control totals first: a truncated or doubled import fails before any heavy work.
  const controls = checkInputControls(scenario.controls, receivedRows(scenario), scenario.plan.currency, digits);
  checkMechanismRows(scenario, resolved.segmentVersions);

  // ── validation: organisation and period data, then pay rates (issues thrown together) ──
  const issues = new IssueList();
  const org = indexOrganisation(scenario, resolved, issues);
  const periodData = readPeriodData(scenario, resolved, org, digits, issues);
  issues.throwIfAny();
  const payRates = readPayRates(scenario, resolved, digits, issues);
  issues.throwIfAny();

  // ── segment by segment: the mechanisms, then every person's lines ──
  const mechanismInputs = segmentInputs(scenario, resolved, org, periodData, digits);
  const lineInputs = statementInputs(scenario, resolved, org.work, periodData, payRates, digits);
  const runs: MechanismRuns = { responseTimes: new Map(), ratings: new Map(), interlock: new Map() };
  const stages: SegmentStage[] = [];
  const pools: PoolSegment[] = [];
  const interlockPaid = { reward: 0n, deduction: 0n };
  const totals = emptyPayTotals();
  for (let s = 0; s < resolved.segments.length; s++) {
    const stage = segmentStage(mechanismInputs, runs, s);
    stages.push(stage);
    if (stage.poolSegment !== null) pools.push(stage.poolSegment);
    interlockPaid.reward += stage.interlockPaid.reward;
    interlockPaid.deduction += stage.interlockPaid.deduction;
    addSegmentLines(lineInputs, s, stage, totals);
  }
  addDeductionLines(lineInputs, periodData.deductions, totals);

  // ── the result: statements, departments, review queue, checks ──
  const rendered = renderStatements(lineInputs, scenario.org.departments);
  const departments = departmentResults(scenario.org.departments, org.work, stages);
  const reviewQueue = buildReviewQueue(runs.ratings, runs.interlock);
  const checks = reconcile({
    totals,
    rendered,
    interlockPaid,
    interlockRuns: runs.interlock,
    controls,
    currency: resolved.currency,
    digits,
  });
  return {
    plan: resolved.plan,
    currency: resolved.currency,
    period: resolved.period,
    version: resolved.version,
    treatment: resolved.treatment,
    changes: resolved.changes,
    segments: resolved.segments,
    mechanisms: MECHANISMS.filter((name) => resolved.segmentVersions.some((version) => version[name] !== undefined)),
    pools,
    departments,
    statements: rendered.statements,
    reviewQueue,
    interlock: runs.interlock.size === 0 ? null : interlockSummary(runs.interlock),
    totals: periodTotals(totals, rendered.sum, digits),
    checks,
    trace: resolved.trace,
  };
}

/** The optional mechanisms of a plan version, in name order. */
const MECHANISMS = ['interlock', 'linkage', 'pool', 'ratings', 'responseTimes', 'scorecard'] as const;

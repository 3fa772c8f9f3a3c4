import type { z } from 'zod';
import { minorDigits } from '../core/currency.js';
import { IssueList } from '../core/errors.js';
import type { TraceStep } from '../core/trace.js';
import type { DimensionCredit } from '../interlock/creditFacts.js';
import type { IndicatorSettlement } from '../interlock/settleInterlock.js';
import type { CoefficientLink } from '../linkage/linkCoefficients.js';
import type { RateeScore } from '../ratings/scoreRatings.js';
import type { ScoredSubject } from '../scorecard/composeScore.js';
import type { UnitResponseTimes } from '../time/scoreResponseTimes.js';
import { fail } from '../core/errors.js';
import { formatMinor } from '../core/money.js';
import { idOrder } from '../core/allocate.js';
import { checkInputControls, checkPayTotal } from './controls.js';
import { readPeriodData } from './dataStage.js';
import { interlockSummary } from './interlockStage.js';
import { indexOrganisation, readPayRates } from './orgStage.js';
import { resolvePlanVersions, type PlanChange, type PlanSegment, type ResolvedPeriod } from './resolvePlan.js';
import { checkMechanismRows, parseScenario, receivedRows, type Scenario } from './scenarioInput.js';
import type { runPeriodInputSchema } from './schema.js';
import { segmentInputs, segmentStage, type MechanismRuns, type SegmentStage } from './segmentStage.js';
import type { PayStatement } from './statement.js';
import { addDeductionLines, addSegmentLines, emptyPayTotals, periodTotals, renderStatements, statementInputs } from './statementsStage.js';

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
  const headcount = new Array<number>(scenario.org.departments.length).fill(0);
  for (const w of org.work) headcount[w.department]! += 1;
  const last = stages.at(-1)!;
  const departmentOrder = idOrder(scenario.org.departments.map((department) => department.id));
  const departments: DepartmentResult[] = Array.from(departmentOrder, (d) => {
    const department = scenario.org.departments[d]!;
    return {
      id: department.id,
      name: department.name ?? null,
      side: department.side,
      headcount: headcount[d]!,
      ownCoefficient: last.own[d]!,
      coefficient: last.coefficient[d]!,
      linkage: last.linkage?.[d] ?? null,
      scorecard: last.scorecards?.[d] ?? null,
      responseTimes: last.responseTimes?.get(department.id) ?? null,
      rating: last.rateeScores.get(department.id) ?? null,
      trace: stages.flatMap((stage) => stage.departmentTrace[d]!),
    };
  });
  const reviewQueue: ReviewItem[] = [];
  const queued = new Set<string>();
  for (const run of runs.ratings.values())
    for (const flag of run.flags) {
      if (flag.status !== 'pending' || queued.has(flag.rating)) continue;
      queued.add(flag.rating);
      reviewQueue.push({
        kind: 'rating',
        id: flag.rating,
        subjects: [flag.ratee],
        reason: flag.reasons.map((reason) => `${reason.code} (${reason.rule}: ${reason.statistic})`).join('; '),
      });
    }
  const reviewed = new Set<string>();
  for (const run of runs.interlock.values())
    for (const indicator of run.settlement?.indicators ?? []) {
      if (!indicator.review || reviewed.has(indicator.id)) continue;
      reviewed.add(indicator.id);
      reviewQueue.push({
        kind: 'severeMiss',
        id: indicator.id,
        subjects: indicator.parties.map((party) => party.id),
        reason: `achievement ${indicator.achievement}${indicator.severeMiss ? ' below the severe-miss threshold [严重未达标]' : ' below the review threshold'}: joint review [复盘]`,
      });
    }
  reviewQueue.sort((a, b) => (a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { interlockLines } = rendered;
  const netCommission = totals.gross - totals.contribution;
  const money = (minor: bigint) => formatMinor(minor, digits);
  const expected = totals.base + totals.bonus + interlockLines.reward + netCommission + totals.pool - totals.unallocated - totals.deductions - interlockLines.deduction;
  const checks: ReconciliationCheck[] = [
    check('statementLines', 'every statement total = Σ its lines as printed', `${rendered.linesMismatch} mismatches`, '0 mismatches'),
    check(
      'statementTotals',
      'Σ statement totals = Σ base + Σ bonuses (performance + interlock rewards) + Σ net commissions + pool − unallocated − Σ deductions (rows + interlock)',
      money(rendered.sum),
      money(expected),
    ),
    check('commissionCarve', 'Σ net commissions + pool = Σ gross commissions', money(netCommission + totals.pool), money(totals.gross)),
    check('poolAllocation', 'Σ pool awards + unallocated = pool', money(totals.awards + totals.unallocated), money(totals.pool)),
  ];
  if (runs.interlock.size > 0) {
    checks.push(
      check('interlockRewards', 'Σ interlock reward lines = Σ rewards settled (by segment days)', money(interlockLines.reward), money(interlockPaid.reward)),
      check('interlockDeductions', 'Σ interlock deduction lines = Σ deductions settled (by segment days)', money(interlockLines.deduction), money(interlockPaid.deduction)),
    );
    let dimensionsHold = 0;
    let dimensionCount = 0;
    for (const run of runs.interlock.values())
      for (const dimension of run.credits?.dimensions ?? []) {
        dimensionCount++;
        if (dimension.conserved) dimensionsHold++;
      }
    if (dimensionCount > 0)
      checks.push(check('dimensionTotals', 'every dimension credits the facts’ total: credited + excluded = Σ facts', `${dimensionsHold} of ${dimensionCount} dimensions`, `${dimensionCount} of ${dimensionCount} dimensions`));
  }
  const failed = checks.filter((c) => !c.holds);
  if (failed.length > 0)
    fail('RECONCILIATION_FAILED', [], failed.map((c) => `${c.id}: ${c.left} ≠ ${c.right}`).join('; '));
  // The declared controls, after the run's own checks: the input controls (checked before the
  // run) and the declared pay total.
  checks.push(...controls.checks);
  if (controls.payTotal !== undefined) checks.push(checkPayTotal(controls.payTotal, rendered.sum, rendered.statements.length, resolved.currency, digits));
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

function check(id: string, equation: string, left: string, right: string): ReconciliationCheck {
  return { id, equation, left, right, holds: left === right };
}

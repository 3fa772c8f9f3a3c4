import { minorDigits } from '../core/currency.js';
import { IssueList } from '../core/errors.js';
import { reconcile } from './checksStage.js';
import { checkInputControls } from './controls.js';
import { readPeriodData } from './dataStage.js';
import { departmentResults } from './departmentsStage.js';
import { interlockSummary } from './interlockStage.js';
import { indexOrganisation, readPayRates } from './orgStage.js';
import { resolvePlanVersions } from './resolvePlan.js';
import { buildReviewQueue } from './reviewQueue.js';
import { checkMechanismRows, parseScenario, receivedRows, type Scenario } from './scenarioInput.js';
import { segmentInputs, segmentStage, type MechanismRuns, type SegmentStage } from './segmentStage.js';
import {
  addDeductionLines,
  addSegmentLines,
  emptyPayTotals,
  periodTotals,
  renderStatements,
  statementInputs,
} from './statementsStage.js';
import type { PoolSegment, RunPeriodInput, RunPeriodResult } from './types.js';

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

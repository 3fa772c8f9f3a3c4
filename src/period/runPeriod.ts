import { IssueList } from '../core/errors.js';
import { checksStage } from './checksStage.js';
import { periodContext, segmentContext, type PeriodContext } from './context.js';
import { checkInputControls, type InputControls } from './controls.js';
import { dataStage, type PeriodData } from './dataStage.js';
import { departmentsStage } from './departmentsStage.js';
import { readDraws } from './drawsStage.js';
import { holdsCheck, periodHolds } from './holdsStage.js';
import { interlockSummary } from './interlockStage.js';
import { ledgerStage, takeSections, type TakenSections } from './ledgerStage.js';
import { orgStage, readPayRates, type Organisation } from './orgStage.js';
import { plausibilityItems, throwIfBlocked } from './plausibility.js';
import { commissionNotCarvedItems } from './poolStage.js';
import { buildReviewQueue } from './reviewQueue.js';
import { checkMechanismRows, parseScenario, type Scenario } from './scenarioInput.js';
import { emptyRuns, segmentStage, ticketRuns, type MechanismRuns, type SegmentStage } from './segmentStage.js';
import { periodTotals, statementsStage, type StatementsFigures } from './statementsStage.js';
import { targetsStage } from './targetsStage.js';
import type { PayStatement, RunPeriodInput, RunPeriodResult, RunPeriodStream, RunPeriodSummary } from './types.js';

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
 *   `PLAN_VERSION_OVERLAP`, `PLAN_NOT_IN_FORCE`, `IMPLAUSIBLE_RESULT` (a finding whose code the
 *   plan's `plausibility.block` lists), and `RECONCILIATION_FAILED` (a declared
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
  const stream = runPeriodStream(input);
  const statements = Array.from(stream.statements);
  return withStatements(stream.summary(), statements);
}

/** A run's result: the summary with the statements, keys in their documented order (the statements after the departments). */
export function withStatements(summary: RunPeriodSummary, statements: PayStatement[]): RunPeriodResult {
  const { reviewQueue, interlock, totals, conversions, holds, draws, ledger, exclusions, checks, trace, ...head } =
    summary;
  return {
    ...head,
    statements,
    reviewQueue,
    interlock,
    totals,
    conversions,
    holds,
    draws,
    ledger,
    exclusions,
    checks,
    trace,
  };
}

/**
 * Runs one pay period as {@link runPeriod} does — the same figures, order (by person id), checks
 * and errors; `runPeriod` collects this stream — giving the statements one at a time, so that no
 * more than one person's lines are held: for runs too large to keep every statement.
 *
 * @param input - a scenario, as for {@link runPeriod}; or a function that gives it, called once,
 *   so that the run holds no reference to it once parsed and lets each large list go as soon as
 *   its mechanisms have read it — the tickets before the other mechanisms run (docs/scale.md).
 * @returns the statements, an iterator read once, and `summary()`, the rest of the result.
 * @throws {@link SynergyPayError} the errors of {@link runPeriod}: the input's from this call;
 *   those of the end-of-period checks (`RECONCILIATION_FAILED`, `IMPLAUSIBLE_RESULT`) from the
 *   `next()` that ends the statements, and from `summary()`.
 *
 * @example
 * ```ts
 * import { runPeriodStream } from 'synergy-pay';
 * const run = runPeriodStream({
 *   plan: { id: 'p', currency: 'CNY', versions: [{ id: 'v1', effective: '2026-01-01', grades: [{ id: 'P5', basePay: '8000.00' }] }] },
 *   period: { unit: 'month', start: '2026-03-01' },
 *   org: { departments: [{ id: 'tech', side: 'back' }], people: [{ id: 'li', department: 'tech', grade: 'P5' }, { id: 'wang', department: 'tech', grade: 'P5' }] },
 * });
 * const lines: string[] = [];
 * for (const statement of run.statements) lines.push(JSON.stringify(statement)); // or write it to a file
 * const summary = run.summary();
 * // lines.length === 2; summary.totals.statements === '16000.00'; summary.checks.every((c) => c.holds)
 * ```
 */
export function runPeriodStream(input: RunPeriodInput | (() => RunPeriodInput)): RunPeriodStream {
  return streamScenario(parsedScenario(input));
}

/** The scenario parsed: a given function is called here, so that no frame of the run holds what it gave. */
function parsedScenario(input: RunPeriodInput | (() => RunPeriodInput)): Scenario {
  return parseScenario(typeof input === 'function' ? input() : input);
}

/**
 * The period run as a sequence of named stages, each `stage(context, …figures of earlier
 * stages) → its figures`, each in its own module: resolve the plan and check the declared
 * controls and mechanism rows, then organisation and period data (issues thrown together), pay
 * rates and the mechanisms segment by segment — all before the stream is returned — then every
 * person's statement, one at a time, and after the last one the departments, the review queue,
 * the input ledger and the reconciliation checks ({@link finishRun}).
 */
function streamScenario(scenario: Scenario): RunPeriodStream {
  const context = periodContext(scenario);
  const { resolved } = context;
  // Declared control totals first: a truncated or doubled import fails before any heavy work.
  const controls = checkInputControls(context);
  checkMechanismRows(scenario, resolved.segmentVersions);
  const { org, periodData, draws, targets, payRates } = readStages(context);
  const runs = emptyRuns();
  // The tickets, the largest list, are read by the response-time mechanisms only: these run first,
  // for every segment, then the tickets' ledger section is taken (few exclusions) and the tickets
  // are let go of before the other mechanisms run (see finishRun for the rest).
  resolved.segments.forEach((_, s) => {
    ticketRuns(segmentContext(context, s), runs);
  });
  const taken = takeSections({ context, org, periodData, segments: [], runs }, ['tickets']);
  const segments = resolved.segments.map((_, s) =>
    segmentStage(segmentContext(context, s), org, periodData, runs, targets),
  );
  // The revenue facts, read by the interlock only, are judged and let go of before the statements
  // too: their rows are used (a few grouped ids with trace), not excluded one by one as ratings are.
  takeSections({ context, org, periodData, segments, runs }, ['revenueFacts'], taken);
  const statements = statementsStage(context, org.work, periodData, payRates, segments, draws, targets);
  return periodStream(statements, (figures) =>
    finishRun({ context, org, periodData, runs, segments, controls, taken }, figures),
  );
}

/**
 * The stages that read the scenario's org and data: organisation, period data, draws and targets
 * (their issues thrown together), then the pay rates.
 */
export function readStages(context: PeriodContext) {
  const issues = new IssueList();
  const org = orgStage(context, issues);
  const periodData = dataStage(context, org, issues);
  const draws = readDraws(context, org, issues);
  const targets = targetsStage(context, org, issues);
  issues.throwIfAny();
  const payRates = readPayRates(context, issues);
  issues.throwIfAny();
  return { org, periodData, draws, targets, payRates };
}

/** What the end of the run reads of the stages before the statements. */
interface RunStages {
  readonly context: PeriodContext;
  readonly org: Organisation;
  readonly periodData: PeriodData;
  readonly runs: MechanismRuns;
  readonly segments: readonly SegmentStage[];
  readonly controls: InputControls;
  /** The ledger's sections taken so far: the tickets' and the revenue facts', once the mechanisms that read them had run. */
  readonly taken: TakenSections;
}

/**
 * The end of the run, once every statement is out: the departments, the plausibility findings
 * (refused when the plan blocks one), the review queue, the input ledger and the reconciliation
 * checks, and the company-level result.
 */
function finishRun(stages: RunStages, statements: StatementsFigures): RunPeriodSummary {
  const { context, org, periodData, runs, segments, controls, taken } = stages;
  const { resolved } = context;
  const departments = departmentsStage(context, org.work, segments);
  const plausible = [
    ...plausibilityItems(context, statements.findings, segments),
    ...commissionNotCarvedItems(context, segments),
  ];
  throwIfBlocked(context, plausible);
  const reviewQueue = buildReviewQueue(runs.ratings, runs.interlock, plausible);
  // The other lists only the mechanisms read, the largest first, each let go of once its section
  // is judged (the caller's input is not touched): the ratings' exclusions are built last.
  const read = { context, org, periodData, segments, runs };
  takeSections(read, ['reviewDecisions', 'ratings'], taken);
  const { ledger, exclusions, checks: ledgerChecks } = ledgerStage(read, taken);
  const holds = periodHolds(periodData.holds, context.digits);
  const checks = checksStage(context, {
    statements,
    segments,
    interlockRuns: runs.interlock,
    controls,
    ledger: holds === null ? ledgerChecks : [...ledgerChecks, holdsCheck(holds, context.digits)],
  });
  return {
    ...summaryHead(resolved),
    pools: segments.flatMap((stage) => (stage.poolSegment === null ? [] : [stage.poolSegment])),
    departments,
    reviewQueue,
    interlock: runs.interlock.size === 0 ? null : interlockSummary(runs.interlock),
    totals: periodTotals(statements.totals, statements.rendered.sum, context.digits),
    conversions: periodData.converted,
    holds,
    draws: statements.draws,
    ledger,
    exclusions,
    checks,
    trace: resolved.trace,
  };
}

/**
 * The stream over the statements stage: `next()` takes the next statement; the one that finds
 * none left finishes the run (`finish`), keeping its summary — or its error, thrown again by
 * every `summary()`. No `return()`: leaving a loop early does not close the run.
 */
function periodStream(
  statements: Generator<PayStatement, StatementsFigures, undefined>,
  finish: (figures: StatementsFigures) => RunPeriodSummary,
): RunPeriodStream {
  let outcome: { readonly summary: RunPeriodSummary } | { readonly error: unknown } | undefined;
  const next = (): IteratorResult<PayStatement, undefined> => {
    if (outcome !== undefined) return { done: true, value: undefined };
    try {
      const step = statements.next();
      if (step.done !== true) return step;
      outcome = { summary: finish(step.value) };
    } catch (error) {
      outcome = { error };
      throw error;
    }
    return { done: true, value: undefined };
  };
  const iterator: IterableIterator<PayStatement> = {
    next,
    [Symbol.iterator]: () => iterator,
  };
  return {
    statements: iterator,
    summary: () => {
      while (outcome === undefined) next();
      if ('error' in outcome) throw outcome.error;
      return outcome.summary;
    },
  };
}

/** The head of a run's summary: the plan resolved for the period and the mechanisms its versions use. */
export function summaryHead(resolved: PeriodContext['resolved']) {
  return {
    plan: resolved.plan,
    currency: resolved.currency,
    period: resolved.period,
    version: resolved.version,
    treatment: resolved.treatment,
    changes: resolved.changes,
    segments: resolved.segments,
    mechanisms: MECHANISMS.filter((name) => resolved.segmentVersions.some((version) => version[name] !== undefined)),
  };
}

/** The optional mechanisms of a plan version, in name order. */
const MECHANISMS = ['interlock', 'linkage', 'pool', 'ratings', 'responseTimes', 'scorecard', 'targets'] as const;

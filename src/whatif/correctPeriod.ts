import type * as z from 'zod/mini';
import { IssueList, fail, type IssuePath } from '../core/errors.js';
import { formatMinor } from '../core/money.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { checkComparable } from './compareRuns.js';
import { resolvePlanVersions } from '../period/resolvePlan.js';
import type { RunPeriodInput, RunPeriodResult } from '../period/types.js';
import { correctPeriodInputSchema, type runResultSchema } from './schema.js';
import {
  diffInputs,
  matchLines,
  readRun,
  ruleChanges,
  runAt,
  type InputChange,
  type ReadRun,
  type RuleChange,
  type RunLike,
} from './runs.js';
import { compareIds } from '../core/ids.js';

/**
 * Input of {@link correctPeriod}: inferred from `correctPeriodInputSchema`, except that
 * `paid.result` also accepts a `RunPeriodResult` object as returned.
 */
export type CorrectPeriodInput = Omit<z.input<typeof correctPeriodInputSchema>, 'paid'> & {
  readonly paid: {
    readonly scenario: RunPeriodInput;
    readonly result?: RunPeriodResult | z.input<typeof runResultSchema> | undefined;
  };
};

/** One correction: the difference on one statement line between what was paid and the re-run. */
export interface CorrectionLine {
  readonly kind: string;
  readonly version: string;
  /** The source row id (a deduction id, …), `""` for lines computed per person. */
  readonly source: string;
  /** The re-run line's label (the paid line's when the line disappears). */
  readonly label: string;
  /** What was paid on this line (`"0.00"` when the line is new). */
  readonly paid: string;
  /** What the re-run gives (`"0.00"` when the line disappears). */
  readonly rerun: string;
  /** rerun − paid: positive arrears (owed to the person), negative a recovery. Never zero. */
  readonly amount: string;
  readonly type: 'arrears' | 'recovery';
  /** The trace rules whose inputs or result changed. */
  readonly rulesChanged: RuleChange[];
  readonly trace: TraceStep[];
}

/** One person's corrections. Only people with at least one correction line are listed. */
export interface PersonCorrection {
  readonly person: string;
  readonly department: string;
  /** Statement total paid (`"0.00"` when the person was not paid in the period). */
  readonly paid: string;
  /** Statement total of the re-run (`"0.00"` when the person drops out). */
  readonly rerun: string;
  /** Σ positive correction lines. */
  readonly arrears: string;
  /** Σ negative correction lines (a negative amount, or zero). */
  readonly recoveries: string;
  /** arrears + recoveries = rerun − paid. */
  readonly net: string;
  readonly lines: CorrectionLine[];
}

/** Result of {@link correctPeriod}. Plain JSON; people ordered by id. */
export interface PeriodCorrection {
  readonly plan: string;
  readonly currency: string;
  readonly period: { readonly unit: string; readonly start: string; readonly end: string };
  /** The plan version the period was paid under. */
  readonly paidVersion: string;
  /** The plan version the re-run used. */
  readonly rerunVersion: string;
  /** Which plan the re-run used (`asPaid` by default: the rates originally applied). */
  readonly planUsed: 'asPaid' | 'asCorrected';
  /** `true` when the paid result given is what the paid inputs produce today; `null` when the result was recomputed. */
  readonly paidReproduced: boolean | null;
  readonly people: PersonCorrection[];
  readonly totals: {
    readonly paid: string;
    readonly rerun: string;
    readonly arrears: string;
    readonly recoveries: string;
    readonly net: string;
  };
  readonly counts: {
    readonly people: number;
    readonly lines: number;
    readonly arrears: number;
    readonly recoveries: number;
  };
  /** What changed in the inputs (org, data, asOf) between the paid and the corrected scenario. */
  readonly inputChanges: InputChange[];
  /** What changed in the plan; applied only with `plan: 'asCorrected'`. */
  readonly planChanges: InputChange[];
  /** The re-run in full: store it with the corrected scenario as the new paid record. */
  readonly rerun: RunPeriodResult;
  readonly trace: TraceStep[];
}

/**
 * Corrects a period already paid when data arrive late (SPEC §4.1): a refunded sale, a
 * backdated grade change, a rating review. The period is re-run on the corrected inputs and
 * compared line by line with what was paid; each line that moved becomes a correction line,
 * arrears (owed to the person) or a recovery, so that paid + corrections = re-run exactly, to the
 * minor unit, for every line and every person. Lines that did not move get no correction. What
 * was paid is never overwritten.
 *
 * By default the re-run uses the plan as paid (`plan: 'asPaid'`): the versions and rates
 * originally applied, so a clawed-back sale reverses its support-pool contribution at the rate
 * of the period it was sold in, not today's rate (seed 001's pool moved from 10 % to 15 % with the
 * 5G push). `plan: 'asCorrected'` applies the corrected scenario's plan instead, to fix the plan
 * itself retroactively.
 *
 * **Formula.** correction(line) = rerun(line) − paid(line) for every matched line (a missing
 * line counts as 0), listed only when ≠ 0; arrears = Σ corrections > 0; recoveries = Σ
 * corrections < 0; paid total + arrears + recoveries = re-run total.
 *
 * @param input - `paid` (`scenario`, and the `result` as paid when kept), `corrected` (the
 *   scenario with late data corrected) and `plan` (`asPaid` | `asCorrected`).
 * @returns The corrections per person, totals, what changed in the inputs and the full re-run.
 * @throws {@link SynergyPayError} `CORRECTION_PLAN_VERSION_MISSING` (the paid result names no
 *   plan version), `CORRECTION_PAID_MISMATCH` (the paid result does not come from the paid
 *   inputs), `RUNS_PERIOD_MISMATCH` (the corrected scenario is another period),
 *   `CURRENCY_MISMATCH`, `RUNS_RESULT_INCONSISTENT`, `INVALID_AMOUNT`, `DUPLICATE_ID`, and every
 *   `runPeriod` code (paths under `paid.scenario` or `corrected`).
 *
 * @example
 * ```ts
 * import { correctPeriod, type RunPeriodInput } from 'synergy-pay';
 * const paid: RunPeriodInput = {
 *   plan: { id: 'p', currency: 'CNY', versions: [{ id: 'v1', effective: '2026-01-01', grades: [{ id: 'P5', basePay: '8000.00' }] }] },
 *   period: { unit: 'month', start: '2026-03-01' },
 *   org: { departments: [{ id: 'sales', side: 'front' }], people: [{ id: 'li', department: 'sales', grade: 'P5' }] },
 *   data: { commissions: [{ id: 's1', person: 'li', amount: '900.00' }, { id: 's2', person: 'li', amount: '300.00' }] },
 * };
 * // The 300.00 sale was refunded after the period was paid.
 * const correction = correctPeriod({
 *   paid: { scenario: paid },
 *   corrected: { ...paid, data: { commissions: [{ id: 's1', person: 'li', amount: '900.00' }] } },
 * });
 * // correction.people[0].lines[0]: commission, paid 1200.00, rerun 900.00, amount -300.00 (a recovery)
 * ```
 */
export function correctPeriod(input: CorrectPeriodInput): PeriodCorrection {
  const parsed = parseInput(correctPeriodInputSchema, input);
  const planUsed = parsed.plan ?? 'asPaid';
  const paidScenario = parsed.paid.scenario;
  const corrected = parsed.corrected;
  const issues = new IssueList();

  // The paid result: as kept, or recomputed from the paid inputs.
  let paid: RunLike;
  let paidReproduced: boolean | null = null;
  const replay = (): RunPeriodResult => runAt(paidScenario, (path) => ['paid', 'scenario', ...path]);
  if (parsed.paid.result === undefined) {
    paid = replay();
  } else {
    paid = parsed.paid.result;
    if (paid.version === undefined)
      fail(
        'CORRECTION_PLAN_VERSION_MISSING',
        ['paid', 'result', 'version'],
        'the paid result names no plan version; keep results as the library produced them',
      );
    const resolved = resolvePlanVersions(
      paidScenario.plan,
      paidScenario.period,
      ['paid', 'scenario', 'plan'],
      ['paid', 'scenario', 'period'],
    );
    const where = ['paid', 'result'];
    if (paid.plan !== resolved.plan)
      issues.add(
        'CORRECTION_PAID_MISMATCH',
        [...where, 'plan'],
        `the paid result is for plan "${paid.plan}", the paid inputs for plan "${resolved.plan}"`,
      );
    if (paid.version !== resolved.version)
      issues.add(
        'CORRECTION_PAID_MISMATCH',
        [...where, 'version'],
        `the paid result was computed under version "${paid.version}", the paid inputs resolve to "${resolved.version}"`,
      );
    if (paid.period.start !== resolved.period.start || paid.period.end !== resolved.period.end)
      issues.add(
        'CORRECTION_PAID_MISMATCH',
        [...where, 'period'],
        `the paid result covers ${paid.period.start}…${paid.period.end}, the paid inputs ${resolved.period.start}…${resolved.period.end}`,
      );
    if (paid.currency !== resolved.currency)
      issues.add(
        'CORRECTION_PAID_MISMATCH',
        [...where, 'currency'],
        `the paid result is in ${paid.currency}, the paid inputs in ${resolved.currency}`,
      );
    issues.throwIfAny();
  }

  // The corrected scenario must be the same period, in the same currency.
  const correctedPeriod = resolvePlanVersions(
    corrected.plan,
    corrected.period,
    ['corrected', 'plan'],
    ['corrected', 'period'],
  ).period;
  if (
    corrected.period.unit !== paid.period.unit ||
    correctedPeriod.start !== paid.period.start ||
    correctedPeriod.end !== paid.period.end
  )
    issues.add(
      'RUNS_PERIOD_MISMATCH',
      ['corrected', 'period'],
      `the corrected scenario is the ${corrected.period.unit} ${correctedPeriod.start}…${correctedPeriod.end}, the paid period is ${paid.period.start}…${paid.period.end}`,
    );
  if (corrected.plan.currency !== paid.currency)
    issues.add(
      'CURRENCY_MISMATCH',
      ['corrected', 'plan', 'currency'],
      `the corrected scenario is in ${corrected.plan.currency}, the period was paid in ${paid.currency}`,
    );
  issues.throwIfAny();

  // Re-run: with the plan as paid (rates originally applied), or the corrected plan.
  const rerunScenario = (
    planUsed === 'asPaid' ? { ...corrected, plan: paidScenario.plan } : corrected
  ) as RunPeriodInput;
  const rerun = runAt(rerunScenario, (path): IssuePath =>
    planUsed === 'asPaid' && path[0] === 'plan' ? ['paid', 'scenario', ...path] : ['corrected', ...path],
  );
  checkComparable(paid, rerun, ['paid', 'result'], ['corrected'], issues);
  issues.throwIfAny();

  const a = readRun(paid, ['paid', 'result'], issues);
  const b = readRun(rerun, ['corrected'], issues);
  issues.throwIfAny();
  if (parsed.paid.result !== undefined)
    paidReproduced = sameStatements(a, readRun(replay(), ['paid', 'scenario'], issues));

  const digits = a.digits;
  const money = (minor: bigint) => formatMinor(minor, digits);
  const ids = [...new Set([...a.statements.keys(), ...b.statements.keys()])].sort(compareIds);
  const people: PersonCorrection[] = [];
  let totalPaid = 0n;
  let totalRerun = 0n;
  let totalArrears = 0n;
  let totalRecoveries = 0n;
  let lineCount = 0;
  let arrearsCount = 0;
  let recoveryCount = 0;
  for (const id of ids) {
    const x = a.statements.get(id);
    const y = b.statements.get(id);
    const paidTotal = x?.total ?? 0n;
    const rerunTotal = y?.total ?? 0n;
    totalPaid += paidTotal;
    totalRerun += rerunTotal;
    const lines: CorrectionLine[] = [];
    let arrears = 0n;
    let recoveries = 0n;
    for (const pair of matchLines(x?.lines ?? [], y?.lines ?? [])) {
      const before = pair.base?.minor ?? 0n;
      const after = pair.proposed?.minor ?? 0n;
      const amount = after - before;
      if (amount === 0n) continue; // corrections never touch a line that did not move
      if (amount > 0n) arrears += amount;
      else recoveries += amount;
      const line = (pair.proposed ?? pair.base)!;
      lines.push({
        kind: line.kind,
        version: line.version,
        source: line.source,
        label: line.label,
        paid: money(before),
        rerun: money(after),
        amount: money(amount),
        type: amount > 0n ? 'arrears' : 'recovery',
        rulesChanged: ruleChanges(pair.base?.trace ?? [], pair.proposed?.trace ?? []),
        trace: [
          traceStep(
            'correction.line',
            'correction = re-run line − paid line (a missing line counts as 0)',
            { paid: money(before), rerun: money(after) },
            money(amount),
          ),
        ],
      });
    }
    // paid + corrections = re-run, per person: a failure here is a bug (lines and totals are checked on reading).
    if (paidTotal + arrears + recoveries !== rerunTotal)
      fail(
        'RECONCILIATION_FAILED',
        [],
        `person "${id}": paid ${money(paidTotal)} + corrections ${money(arrears + recoveries)} ≠ re-run ${money(rerunTotal)}`,
      );
    if (lines.length === 0) continue;
    totalArrears += arrears;
    totalRecoveries += recoveries;
    lineCount += lines.length;
    arrearsCount += lines.filter((line) => line.type === 'arrears').length;
    recoveryCount += lines.filter((line) => line.type === 'recovery').length;
    people.push({
      person: id,
      department: (y ?? x)!.department,
      paid: money(paidTotal),
      rerun: money(rerunTotal),
      arrears: money(arrears),
      recoveries: money(recoveries),
      net: money(arrears + recoveries),
      lines,
    });
  }
  if (totalPaid + totalArrears + totalRecoveries !== totalRerun)
    fail(
      'RECONCILIATION_FAILED',
      [],
      `Σ paid ${money(totalPaid)} + Σ corrections ${money(totalArrears + totalRecoveries)} ≠ Σ re-run ${money(totalRerun)}`,
    );

  const { plan: _paidPlan, $schema: _a, ...paidInputs } = paidScenario;
  const { plan: _correctedPlan, $schema: _b, ...correctedInputs } = corrected;
  const inputChanges = diffInputs(paidInputs, correctedInputs);
  const planChanges = diffInputs(paidScenario.plan, corrected.plan, 'plan');
  const trace: TraceStep[] = [
    traceStep(
      'correction.plan',
      planUsed === 'asPaid'
        ? 're-run with the plan as paid: the versions and rates originally applied'
        : 're-run with the corrected plan',
      { paidVersion: paid.version ?? '', planChanges: planChanges.length },
      rerun.version,
    ),
    traceStep(
      'correction.totals',
      'Σ paid + Σ arrears + Σ recoveries = Σ re-run',
      { arrears: money(totalArrears), paid: money(totalPaid), recoveries: money(totalRecoveries) },
      money(totalRerun),
    ),
  ];
  return {
    plan: paid.plan,
    currency: paid.currency,
    period: { unit: paid.period.unit, start: paid.period.start, end: paid.period.end },
    paidVersion: paid.version ?? rerun.version,
    rerunVersion: rerun.version,
    planUsed,
    paidReproduced,
    people,
    totals: {
      paid: money(totalPaid),
      rerun: money(totalRerun),
      arrears: money(totalArrears),
      recoveries: money(totalRecoveries),
      net: money(totalArrears + totalRecoveries),
    },
    counts: { people: people.length, lines: lineCount, arrears: arrearsCount, recoveries: recoveryCount },
    inputChanges,
    planChanges,
    rerun,
    trace,
  };
}

/** Whether two runs have the same statements, line for line. */
function sameStatements(a: ReadRun, b: ReadRun): boolean {
  if (a.statements.size !== b.statements.size) return false;
  for (const [id, x] of a.statements) {
    const y = b.statements.get(id);
    if (y === undefined || x.total !== y.total) return false;
    for (const pair of matchLines(x.lines, y.lines))
      if (pair.base === null || pair.proposed === null || pair.base.minor !== pair.proposed.minor) return false;
  }
  return true;
}

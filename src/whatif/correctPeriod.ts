import type * as z from 'zod/mini';
import { fail, IssueList } from '../core/errors.js';
import { formatMinor } from '../core/money.js';
import { traceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { resolvePlanVersions } from '../period/resolvePlan.js';
import type { runPeriodInputSchema } from '../period/schema.js';
import { diffInputs, pairPeople, readRun, ruleChanges, runAt, shownLine, type LinePair, type ReadRun } from './runs.js';
import { correctPeriodInputSchema, type SavedRun } from './schema.js';
import type { CarriedChange, CorrectionLine, CorrectPeriodInput, PeriodCorrection, PersonCorrection } from './types.js';

/** A scenario after validation. */
type Scenario = z.output<typeof runPeriodInputSchema>;

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
  const {
    paid: { scenario: paidScenario, result },
    corrected,
  } = parsed;
  // The paid result: as kept (checked against the paid inputs), or recomputed from them.
  const paid = result ?? runAt(paidScenario, ['paid', 'scenario']);
  if (result !== undefined) checkPaidResult(result, paidScenario);
  checkSamePeriod(corrected, paid);
  // Re-run: with the plan as paid (rates originally applied), or the corrected plan. The re-run is
  // then the paid period in the paid currency: checked above for the corrected scenario.
  const rerun =
    planUsed === 'asPaid'
      ? runAt({ ...corrected, plan: paidScenario.plan }, ['corrected'], ['paid', 'scenario', 'plan'])
      : runAt(corrected, ['corrected']);
  const issues = new IssueList();
  const a = readRun(paid, ['paid', 'result'], issues);
  const b = readRun(rerun, ['corrected'], issues);
  issues.throwIfAny();
  const replayed = () => readRun(runAt(paidScenario, ['paid', 'scenario']), ['paid', 'scenario'], issues);
  const paidReproduced = result === undefined ? null : sameStatements(a, replayed());
  const money = (minor: bigint) => formatMinor(minor, a.digits);
  const { people, totals, counts } = correctPeople(a, b, money);
  const { plan: _paidPlan, $schema: _a, ...paidInputs } = paidScenario;
  const { plan: _correctedPlan, $schema: _b, ...correctedInputs } = corrected;
  const planChanges = diffInputs(paidScenario.plan, corrected.plan, 'plan');
  const trace = [
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
      { arrears: totals.arrears, paid: totals.paid, recoveries: totals.recoveries },
      totals.rerun,
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
    totals,
    counts,
    carried: carriedChanges(a, b),
    inputChanges: diffInputs(paidInputs, correctedInputs),
    planChanges,
    rerun,
    trace,
  };
}

/** Refuses a paid result that names no plan version, or that the paid inputs do not produce. */
function checkPaidResult(paid: SavedRun, scenario: Scenario): void {
  if (paid.version === undefined)
    fail(
      'CORRECTION_PLAN_VERSION_MISSING',
      ['paid', 'result', 'version'],
      'the paid result names no plan version; keep results as the library produced them',
    );
  const at = ['paid', 'scenario'];
  const resolved = resolvePlanVersions(scenario.plan, scenario.period, [...at, 'plan'], [...at, 'period']);
  const issues = new IssueList();
  const mismatch = (field: string, message: string) => {
    issues.add('CORRECTION_PAID_MISMATCH', ['paid', 'result', field], message);
  };
  if (paid.plan !== resolved.plan)
    mismatch('plan', `the paid result is for plan "${paid.plan}", the paid inputs for plan "${resolved.plan}"`);
  if (paid.version !== resolved.version)
    mismatch(
      'version',
      `the paid result was computed under version "${paid.version}", the paid inputs resolve to "${resolved.version}"`,
    );
  const [x, y] = [paid.period, resolved.period];
  if (x.start !== y.start || x.end !== y.end)
    mismatch('period', `the paid result covers ${x.start}…${x.end}, the paid inputs ${y.start}…${y.end}`);
  if (paid.currency !== resolved.currency)
    mismatch('currency', `the paid result is in ${paid.currency}, the paid inputs in ${resolved.currency}`);
  issues.throwIfAny();
}

/** Refuses a corrected scenario for another period, or in another currency, than the one paid. */
function checkSamePeriod(corrected: Scenario, paid: SavedRun): void {
  const at = ['corrected'];
  const period = resolvePlanVersions(corrected.plan, corrected.period, [...at, 'plan'], [...at, 'period']).period;
  const issues = new IssueList();
  const { unit, start, end } = paid.period;
  if (corrected.period.unit !== unit || period.start !== start || period.end !== end)
    issues.add(
      'RUNS_PERIOD_MISMATCH',
      [...at, 'period'],
      `the corrected scenario is the ${corrected.period.unit} ${period.start}…${period.end}, the paid period is ${start}…${end}`,
    );
  if (corrected.plan.currency !== paid.currency)
    issues.add(
      'CURRENCY_MISMATCH',
      [...at, 'plan', 'currency'],
      `the corrected scenario is in ${corrected.plan.currency}, the period was paid in ${paid.currency}`,
    );
  issues.throwIfAny();
}

/** Every person's correction lines, and the totals: paid + corrections = re-run, per person and overall. */
function correctPeople(a: ReadRun, b: ReadRun, money: (minor: bigint) => string) {
  const people: PersonCorrection[] = [];
  const sums = { paid: 0n, rerun: 0n, arrears: 0n, recoveries: 0n };
  const counts = { people: 0, lines: 0, arrears: 0, recoveries: 0 };
  for (const { person, department, base, proposed, lines: pairs } of pairPeople(a, b)) {
    const paid = base?.total ?? 0n;
    const rerun = proposed?.total ?? 0n;
    sums.paid += paid;
    sums.rerun += rerun;
    const lines: CorrectionLine[] = [];
    let arrears = 0n;
    let recoveries = 0n;
    for (const pair of pairs) {
      const amount = (pair.proposed?.minor ?? 0n) - (pair.base?.minor ?? 0n);
      if (amount === 0n) continue; // corrections never touch a line that did not move
      if (amount > 0n) arrears += amount;
      else recoveries += amount;
      lines.push(correctionLine(pair, amount, money));
    }
    // paid + corrections = re-run, per person: a failure here is a bug (lines and totals are checked on reading).
    if (paid + arrears + recoveries !== rerun)
      fail(
        'RECONCILIATION_FAILED',
        [],
        `person "${person}": paid ${money(paid)} + corrections ${money(arrears + recoveries)} ≠ re-run ${money(rerun)}`,
      );
    if (lines.length === 0) continue;
    sums.arrears += arrears;
    sums.recoveries += recoveries;
    counts.people += 1;
    counts.lines += lines.length;
    counts.arrears += lines.filter((line) => line.type === 'arrears').length;
    counts.recoveries += lines.filter((line) => line.type === 'recovery').length;
    const net = money(arrears + recoveries);
    people.push({
      person,
      department,
      paid: money(paid),
      rerun: money(rerun),
      arrears: money(arrears),
      recoveries: money(recoveries),
      net,
      lines,
    });
  }
  if (sums.paid + sums.arrears + sums.recoveries !== sums.rerun)
    fail(
      'RECONCILIATION_FAILED',
      [],
      `Σ paid ${money(sums.paid)} + Σ corrections ${money(sums.arrears + sums.recoveries)} ≠ Σ re-run ${money(sums.rerun)}`,
    );
  const totals = {
    paid: money(sums.paid),
    rerun: money(sums.rerun),
    arrears: money(sums.arrears),
    recoveries: money(sums.recoveries),
    net: money(sums.arrears + sums.recoveries),
  };
  return { people, totals, counts };
}

/** One correction line: re-run − paid on a line that moved. */
function correctionLine(pair: LinePair, amount: bigint, money: (minor: bigint) => string): CorrectionLine {
  const { kind, version, source, label } = shownLine(pair);
  const paid = money(pair.base?.minor ?? 0n);
  const rerun = money(pair.proposed?.minor ?? 0n);
  const change = money(amount);
  return {
    kind,
    version,
    source,
    label,
    paid,
    rerun,
    amount: change,
    type: amount > 0n ? 'arrears' : 'recovery',
    rulesChanged: ruleChanges(pair.base?.trace ?? [], pair.proposed?.trace ?? []),
    trace: [
      traceStep(
        'correction.line',
        'correction = re-run line − paid line (a missing line counts as 0)',
        { paid, rerun },
        change,
      ),
    ],
  };
}

/**
 * What each person carries into the next period and the re-run changes: their draw balance at the
 * end and Σ their commissions still held (a correction moves them; the next period started from
 * the paid figures).
 */
function carriedChanges(a: ReadRun, b: ReadRun): CarriedChange[] {
  const changes: CarriedChange[] = [];
  for (const { person, base, proposed } of pairPeople(a, b))
    for (const field of CARRIED) {
      const paid = base?.fields[field] ?? null;
      const rerun = proposed?.fields[field] ?? null;
      if (paid !== rerun) changes.push({ person, field, paid, rerun });
    }
  return changes;
}

const CARRIED = ['drawBalance', 'held'] as const;

/** Whether two runs have the same statements, line for line. */
function sameStatements(a: ReadRun, b: ReadRun): boolean {
  if (a.statements.size !== b.statements.size) return false;
  return pairPeople(a, b).every(
    ({ base, proposed, lines }) =>
      base !== undefined &&
      proposed !== undefined &&
      base.total === proposed.total &&
      lines.every((pair) => pair.base !== null && pair.proposed !== null && pair.base.minor === pair.proposed.minor),
  );
}

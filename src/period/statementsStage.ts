import { formatMinor, parseMinor } from '../core/money.js';
import { divideRounded, type RoundingMode } from '../core/rounding.js';
import { traceStep } from '../core/trace.js';
import type { DeductionRow, PeriodData } from './dataStage.js';
import { MONTHS_IN, dayNumber, overlapDayNumbers } from './dates.js';
import type { PayRates } from './orgStage.js';
import { NO_TRACE, type PersonWork } from './periodWork.js';
import type { ResolvedPlanVersions } from './resolvePlan.js';
import type { Scenario } from './scenarioInput.js';
import type { SegmentStage } from './segmentStage.js';
import { renderLine, sortLines } from './statement.js';
import { step } from './trace.js';
import type { PayStatement, PeriodTotals } from './types.js';
import { orderIds } from '../core/ids.js';

/** Running money totals of the period's statement lines and pools, in minor units. */
export interface PayTotals {
  base: bigint;
  bonus: bigint;
  gross: bigint;
  contribution: bigint;
  pool: bigint;
  awards: bigint;
  unallocated: bigint;
  deductions: bigint;
}

/** Totals of a period before any line is added. */
export function emptyPayTotals(): PayTotals {
  return { base: 0n, bonus: 0n, gross: 0n, contribution: 0n, pool: 0n, awards: 0n, unallocated: 0n, deductions: 0n };
}

/** The period-wide inputs of the per-person pass, built once per run by {@link statementInputs}. */
export interface StatementInputs {
  readonly people: Scenario['org']['people'];
  readonly work: readonly PersonWork[];
  readonly resolved: ResolvedPlanVersions;
  readonly periodData: PeriodData;
  readonly payRates: PayRates;
  readonly digits: number;
  readonly mode: RoundingMode;
  readonly withTrace: boolean;
  /** Months in the period, and their text for traces. */
  readonly months: bigint;
  readonly monthsText: string;
  /** Days in the period, and their text for traces. */
  readonly periodDays: bigint;
  readonly periodDaysText: string;
}

/** Gathers what the per-person pass reads from the earlier stages' results. */
export function statementInputs(
  scenario: Scenario,
  resolved: ResolvedPlanVersions,
  work: readonly PersonWork[],
  periodData: PeriodData,
  payRates: PayRates,
  digits: number,
): StatementInputs {
  const { period } = resolved;
  const months = BigInt(MONTHS_IN[period.unit]);
  return {
    people: scenario.org.people,
    work,
    resolved,
    periodData,
    payRates,
    digits,
    mode: resolved.rounding.mode,
    withTrace: scenario.trace !== false,
    months,
    monthsText: String(months),
    periodDays: BigInt(period.days),
    periodDaysText: String(period.days),
  };
}

/**
 * The statements stage, per segment: adds each person's lines for segment `s` to their working
 * record — base pay by grade (or personal rate) and performance bonus = target bonus × the
 * department's coefficient, both prorated by days employed in the segment; net commission =
 * gross − pool contribution when they have commission rows; the support-pool award when they
 * share the pool — and adds the money to `totals`. Inputs: pay rates and commission rows from
 * the data stages, coefficients and pool figures from the segment stage (`stage`).
 *
 * **Formula.** base = round(monthly base × months × employed days / period days); target =
 * round(monthly target × months × employed days / period days); bonus = round(target ×
 * coefficient). Rounded to minor units with the plan's mode.
 */
export function addSegmentLines(inputs: StatementInputs, s: number, stage: SegmentStage, totals: PayTotals): void {
  const { people, work, digits, mode, withTrace, months, monthsText, periodDays, periodDaysText } = inputs;
  const segment = inputs.resolved.segments[s]!;
  const versionId = segment.version;
  const grades = inputs.payRates.gradePay[s]!;
  const { overrides } = inputs.payRates;
  const segmentGross = inputs.periodData.gross[s]!;
  const segmentRows = inputs.periodData.grossRows[s]!;
  const segmentFrom = dayNumber(segment.start);
  const segmentTo = dayNumber(segment.end);
  totals.pool += stage.pool;
  totals.unallocated += stage.unallocated;
  let totalBase = 0n;
  let totalBonus = 0n;
  let totalGross = 0n;
  let totalContribution = 0n;
  let totalAwards = 0n;
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!;
    const w = work[i]!;
    const employed = overlapDayNumbers(w.start, w.end, segmentFrom, segmentTo);
    w.employedDays += employed;
    const grade = grades.get(person.grade)!;
    const override = overrides[i]!;
    const monthlyBase = override.base ?? grade.base;
    const monthlyTarget = override.target ?? grade.target;
    const days = BigInt(employed);

    // Base pay by grade, prorated by days employed in the segment (joiners and leavers).
    const base = divideRounded(monthlyBase * months * days, periodDays, mode);
    totalBase += base;
    w.lines.push({
      kind: 'basePay',
      label: `Base pay (grade ${person.grade}${override.base === undefined ? '' : ', personal rate'})`,
      version: versionId,
      segment: s,
      source: '',
      minor: base,
      trace: !withTrace
        ? NO_TRACE
        : [
            step(
              'statement.basePay',
              'base = monthly base pay × months in period × days employed / days in period, rounded to minor units',
              {
                employedDays: String(employed),
                monthly: formatMinor(monthlyBase, digits),
                months: monthsText,
                periodDays: periodDaysText,
              },
              formatMinor(base, digits),
            ),
          ],
    });

    // Performance bonus = target bonus × coefficient (SPEC §4).
    const coefficient = stage.coefficient[w.department]!;
    w.coefficient = coefficient;
    const target = divideRounded(monthlyTarget * months * days, periodDays, mode);
    const targetText = formatMinor(target, digits);
    const [coefficientNumerator, coefficientDenominator] = stage.coefficientFraction[w.department]!;
    const bonus = divideRounded(target * coefficientNumerator, coefficientDenominator, mode);
    totalBonus += bonus;
    w.lines.push({
      kind: 'performanceBonus',
      label: `Performance bonus (target × ${coefficient})`,
      version: versionId,
      segment: s,
      source: '',
      minor: bonus,
      trace: !withTrace
        ? NO_TRACE
        : [
            step(
              'statement.targetBonus',
              'target = monthly target bonus × months in period × days employed / days in period, rounded to minor units',
              {
                employedDays: String(employed),
                monthly: formatMinor(monthlyTarget, digits),
                months: monthsText,
                periodDays: periodDaysText,
              },
              targetText,
            ),
            ...stage.departmentTrace[w.department]!,
            step(
              'statement.performanceBonus',
              'bonus = target bonus × coefficient, rounded to minor units',
              { coefficient, target: targetText },
              formatMinor(bonus, digits),
            ),
          ],
    });

    // Commission: net = gross − pool contribution (the contribution is 0 without a pool).
    const rows = segmentRows[i]!;
    if (rows > 0) {
      const grossMinor = segmentGross[i]!;
      const contribution = stage.contribution?.[i] ?? 0n;
      const net = grossMinor - contribution;
      totalGross += grossMinor;
      totalContribution += contribution;
      w.lines.push({
        kind: 'commission',
        label: 'Commission (net of the support-pool contribution)',
        version: versionId,
        segment: s,
        source: '',
        minor: net,
        trace: !withTrace
          ? NO_TRACE
          : [
              step(
                'statement.grossCommission',
                'gross = Σ commission rows',
                { rows: String(rows) },
                formatMinor(grossMinor, digits),
              ),
              ...(stage.contributionTrace?.[i] ?? []),
              step(
                'statement.netCommission',
                'net = gross − pool contribution',
                { contribution: formatMinor(contribution, digits), gross: formatMinor(grossMinor, digits) },
                formatMinor(net, digits),
              ),
            ],
      });
    }

    // Back-office support award [后端支撑奖励] from the pool (seed 001).
    const award = stage.award?.[i];
    if (award !== undefined) {
      totalAwards += award;
      w.lines.push({
        kind: 'poolAward',
        label: 'Back-office support award (support pool)',
        version: versionId,
        segment: s,
        source: '',
        minor: award,
        trace: withTrace ? (stage.awardTrace?.[i] ?? []) : NO_TRACE,
      });
    }
  }
  totals.base += totalBase;
  totals.bonus += totalBonus;
  totals.gross += totalGross;
  totals.contribution += totalContribution;
  totals.awards += totalAwards;
}

/** Adds one negative line per deduction row, so the statement shows every reason; adds them to `totals`. */
export function addDeductionLines(
  inputs: StatementInputs,
  deductions: readonly DeductionRow[],
  totals: PayTotals,
): void {
  const { work, digits } = inputs;
  for (const row of deductions) {
    totals.deductions += row.minor;
    work[row.person]!.lines.push({
      kind: 'deduction',
      label: `Deduction: ${row.reason}`,
      version: inputs.resolved.segments[row.segment]!.version,
      segment: row.segment,
      source: row.id,
      minor: -row.minor,
      trace: [
        traceStep(
          'statement.deduction',
          'deduction row from the period data, shown negative',
          { id: row.id, reason: row.reason },
          formatMinor(-row.minor, digits),
        ),
      ],
    });
  }
}

/** The rendered statements, with what the reconciliation checks need from them. */
export interface RenderedStatements {
  /** One statement per person, ordered by person id. */
  readonly statements: PayStatement[];
  /** Σ statement totals, in minor units. */
  readonly sum: bigint;
  /** How many statements' totals differ from the sum of their lines as printed (0 unless there is a bug). */
  readonly linesMismatch: number;
  /** Σ interlock reward lines and Σ interlock deduction lines (positive), in minor units. */
  readonly interlockLines: { readonly reward: bigint; readonly deduction: bigint };
}

/**
 * Renders every person's working lines as their pay statement, ordered by person id: lines sorted
 * by kind, then source, then segment; total = Σ lines; amounts printed with the currency's minor
 * digits. Re-reads each printed amount to check the total independently.
 */
export function renderStatements(
  inputs: StatementInputs,
  departments: Scenario['org']['departments'],
): RenderedStatements {
  const { people, work, digits, withTrace } = inputs;
  const order = orderIds(people.map((person) => person.id));
  const statements: PayStatement[] = new Array(people.length);
  const interlockLines = { reward: 0n, deduction: 0n };
  let sum = 0n;
  let linesMismatch = 0;
  for (let o = 0; o < order.length; o++) {
    const i = order[o]!;
    const person = people[i]!;
    const w = work[i]!;
    const department = departments[w.department]!;
    sortLines(w.lines);
    let total = 0n;
    for (const line of w.lines) {
      total += line.minor;
      if (line.kind === 'interlockReward') interlockLines.reward += line.minor;
      else if (line.kind === 'interlockDeduction') interlockLines.deduction -= line.minor;
    }
    sum += total;
    const lines = w.lines.map((line) => renderLine(withTrace ? line : { ...line, trace: NO_TRACE }, digits));
    // Independent re-check from the rendered strings: total = Σ lines as printed.
    let printed = 0n;
    for (const line of lines) printed += parseMinor(line.amount, digits, []);
    if (printed !== total) linesMismatch++;
    statements[o] = {
      person: person.id,
      name: person.name ?? null,
      department: department.id,
      side: department.side,
      grade: person.grade,
      employedDays: w.employedDays,
      coefficient: w.coefficient,
      lines,
      total: formatMinor(total, digits),
    };
  }
  return { statements, sum, linesMismatch, interlockLines };
}

/** The result's money totals, printed with the currency's minor digits. */
export function periodTotals(totals: PayTotals, statementSum: bigint, digits: number): PeriodTotals {
  const money = (minor: bigint) => formatMinor(minor, digits);
  return {
    basePay: money(totals.base),
    performanceBonus: money(totals.bonus),
    grossCommission: money(totals.gross),
    poolContribution: money(totals.contribution),
    netCommission: money(totals.gross - totals.contribution),
    pool: money(totals.pool),
    poolAwards: money(totals.awards),
    unallocated: money(totals.unallocated),
    deductions: money(totals.deductions),
    statements: money(statementSum),
  };
}

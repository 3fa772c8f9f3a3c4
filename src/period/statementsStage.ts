import { orderIds } from '../core/ids.js';
import { formatMinor, parseMinor } from '../core/money.js';
import { divideRounded, type RoundingMode } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import type { PeriodContext } from './context.js';
import { conversionStep } from './conversion.js';
import { addDrawLines, type DrawData, type DrawMoney } from './drawsStage.js';
import type { DeductionRow, PeriodData } from './dataStage.js';
import { MONTHS_IN, dayNumber, overlapDayNumbers } from './dates.js';
import type { PayRates } from './orgStage.js';
import { NO_TRACE, type PersonWork } from './periodWork.js';
import type { SegmentStage } from './segmentStage.js';
import type { Scenario } from './scenarioInput.js';
import { renderLine, sortLines, subtotalsOf, type LineDraft } from './statement.js';
import type { TargetsRun } from './targetsStage.js';
import { step } from './trace.js';
import type { PayStatement, PeriodDraws, PeriodTotals, StatementLineKind } from './types.js';

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
  /** Draw money on the statements: Σ advanced, Σ topped up, Σ recovered. */
  draws: DrawMoney;
}

/** Totals of a period before any line is added. */
function emptyPayTotals(): PayTotals {
  return {
    base: 0n,
    bonus: 0n,
    gross: 0n,
    contribution: 0n,
    pool: 0n,
    awards: 0n,
    unallocated: 0n,
    deductions: 0n,
    draws: { advanced: 0n, toppedUp: 0n, recovered: 0n },
  };
}

/** What the statements stage gives the run: the rendered statements, and the money totals of their lines. */
export interface StatementsFigures {
  readonly rendered: RenderedStatements;
  readonly totals: PayTotals;
  /** The draws settled after every other line, or `null` when the data has none. */
  readonly draws: PeriodDraws | null;
}

/**
 * The statements stage: every person's lines, segment by segment (base pay, performance bonus,
 * net commission, pool award; see {@link addSegmentLines}), then one line per deduction row, then
 * the draws and guarantees settled against the commission lines, and the statements rendered from them. Inputs: the people's working records (org stage, with the
 * interlock lines the segment stages added), the commission and deduction rows (data stage), the
 * pay rates and the segment stages' coefficients and pool figures.
 */
export function statementsStage(
  context: PeriodContext,
  work: readonly PersonWork[],
  periodData: PeriodData,
  payRates: PayRates,
  segments: readonly SegmentStage[],
  draws: DrawData | null,
  targets: TargetsRun,
): StatementsFigures {
  const { period } = context.resolved;
  const months = BigInt(MONTHS_IN[period.unit]);
  const periodDays = BigInt(period.days);
  const { digits, withTrace } = context;
  const rows = { people: context.scenario.org.people, periodData, payRates };
  const totals = emptyPayTotals();
  for (const stage of segments) {
    const { version, start, end } = context.resolved.segments[stage.segment]!;
    const pass: SegmentPass = {
      work,
      digits,
      mode: context.rounding.mode,
      withTrace,
      currency: context.currency,
      months,
      monthsText: String(months),
      periodDays,
      periodDaysText: String(period.days),
      stage,
      version,
      from: dayNumber(start),
      to: dayNumber(end),
    };
    addSegmentLines(pass, rows, totals);
  }
  addDeductionLines(context, work, periodData.deductions, totals);
  const settled = draws === null ? null : addDrawLines(context, work, draws, totals.draws);
  return { rendered: renderStatements(context, work, targets), totals, draws: settled };
}

/** What the per-person pass of one segment reads (flat: it is read for every person). */
interface SegmentPass {
  readonly work: readonly PersonWork[];
  readonly digits: number;
  readonly mode: RoundingMode;
  readonly withTrace: boolean;
  /** The plan currency. */
  readonly currency: string;
  /** Months and days in the period. */
  readonly months: bigint;
  readonly monthsText: string;
  readonly periodDays: bigint;
  readonly periodDaysText: string;
  readonly stage: SegmentStage;
  /** The segment's plan version id, and its first and last day as day numbers. */
  readonly version: string;
  readonly from: number;
  readonly to: number;
}

/**
 * Adds each person's lines for one segment to their working record — base pay by grade (or
 * personal rate) and performance bonus = target bonus × the department's coefficient, both
 * prorated by days employed in the segment; net commission = gross − pool contribution when they
 * have commission rows; the support-pool award when they share the pool — and adds the money to
 * `totals`.
 *
 * **Formula.** base = round(monthly base × months × employed days / period days); target =
 * round(monthly target × months × employed days / period days); bonus = round(target ×
 * coefficient). Rounded to minor units with the plan's mode.
 */
function addSegmentLines(
  pass: SegmentPass,
  { people, periodData, payRates }: { people: Scenario['org']['people']; periodData: PeriodData; payRates: PayRates },
  totals: PayTotals,
): void {
  const { work, stage } = pass;
  const s = stage.segment;
  const grades = payRates.gradePay[s]!;
  const grossRows = periodData.grossRows[s]!;
  const { from, to } = pass;
  totals.pool += stage.pool;
  totals.unallocated += stage.unallocated;
  for (let i = 0; i < people.length; i++) {
    const w = work[i]!;
    const employed = overlapDayNumbers(w.start, w.end, from, to);
    w.employedDays += employed;
    const { grade } = people[i]!;
    const rates = grades.get(grade)!;
    const personal = payRates.overrides[i]!;
    totals.base += addBasePay(pass, w, grade, personal.base, personal.base ?? rates.base, employed);
    totals.bonus += addPerformanceBonus(pass, w, personal.target ?? rates.target, employed);
    if (grossRows[i]! > 0) {
      const gross = periodData.gross[s]![i]!;
      totals.gross += gross;
      const key = s * people.length + i;
      const notes = pass.withTrace
        ? [
            ...(periodData.conversions.get(key) ?? []).map((note) => conversionStep(note, pass.currency, pass.digits)),
            ...(periodData.salesTrace.get(key) ?? []),
          ]
        : NO_TRACE;
      totals.contribution += addCommission(pass, w, gross, grossRows[i]!, notes);
    }
    // Back-office support award [后端支撑奖励] from the pool (seed 001).
    const award = stage.award?.[i];
    if (award !== undefined) {
      totals.awards += award;
      const trace = pass.withTrace ? (stage.awardTrace?.[i] ?? []) : NO_TRACE;
      const terms = stage.awardTerms?.[i];
      w.lines.push({ ...line(pass, 'poolAward', 'Back-office support award (support pool)', award, trace), terms });
    }
  }
}

/** A line of the segment. */
function line(pass: SegmentPass, kind: StatementLineKind, label: string, minor: bigint, trace: TraceStep[]): LineDraft {
  return { kind, label, version: pass.version, segment: pass.stage.segment, source: '', minor, trace };
}

/** A monthly amount prorated: round(monthly × months × employed days / period days), in minor units. */
function prorate(pass: SegmentPass, monthly: bigint, employed: number): bigint {
  return divideRounded(monthly * pass.months * BigInt(employed), pass.periodDays, pass.mode);
}

/** The trace step of a prorated amount. */
function prorateStep(
  pass: SegmentPass,
  rule: string,
  formula: string,
  monthly: bigint,
  employed: number,
  result: string,
) {
  const inputs = {
    employedDays: String(employed),
    monthly: formatMinor(monthly, pass.digits),
    months: pass.monthsText,
    periodDays: pass.periodDaysText,
  };
  return step(rule, formula, inputs, result);
}

const BASE_FORMULA =
  'base = monthly base pay × months in period × days employed / days in period, rounded to minor units';
const TARGET_FORMULA =
  'target = monthly target bonus × months in period × days employed / days in period, rounded to minor units';

/** Base pay by grade (or personal rate), prorated by days employed in the segment (joiners and leavers). */
function addBasePay(
  pass: SegmentPass,
  w: PersonWork,
  grade: string,
  personal: bigint | undefined,
  monthly: bigint,
  employed: number,
): bigint {
  const base = prorate(pass, monthly, employed);
  const trace = pass.withTrace
    ? [prorateStep(pass, 'statement.basePay', BASE_FORMULA, monthly, employed, formatMinor(base, pass.digits))]
    : NO_TRACE;
  const label = `Base pay (grade ${grade}${personal === undefined ? '' : ', personal rate'})`;
  w.lines.push(line(pass, 'basePay', label, base, trace));
  return base;
}

/** Performance bonus = target bonus × the department's coefficient (SPEC §4); the target prorated like base pay. */
function addPerformanceBonus(pass: SegmentPass, w: PersonWork, monthly: bigint, employed: number): bigint {
  const { stage } = pass;
  const coefficient = stage.coefficient[w.department]!;
  w.coefficient = coefficient;
  const target = prorate(pass, monthly, employed);
  const [numerator, denominator] = stage.coefficientFraction[w.department]!;
  const bonus = divideRounded(target * numerator, denominator, pass.mode);
  let trace = NO_TRACE;
  if (pass.withTrace) {
    const text = formatMinor(target, pass.digits);
    trace = [
      prorateStep(pass, 'statement.targetBonus', TARGET_FORMULA, monthly, employed, text),
      ...stage.departmentTrace[w.department]!,
      step(
        'statement.performanceBonus',
        'bonus = target bonus × coefficient, rounded to minor units',
        { coefficient, target: text },
        formatMinor(bonus, pass.digits),
      ),
    ];
  }
  w.lines.push(line(pass, 'performanceBonus', `Performance bonus (target × ${coefficient})`, bonus, trace));
  return bonus;
}

/** Commission: net = gross − pool contribution (the contribution is 0 without a pool). Returns the contribution. */
function addCommission(
  pass: SegmentPass,
  w: PersonWork,
  gross: bigint,
  rows: number,
  notes: readonly TraceStep[],
): bigint {
  const { stage, digits } = pass;
  const contribution = stage.contribution?.[w.index] ?? 0n;
  const net = gross - contribution;
  let trace = NO_TRACE;
  if (pass.withTrace) {
    const grossText = formatMinor(gross, digits);
    trace = [
      ...notes,
      step('statement.grossCommission', 'gross = Σ commission rows', { rows: String(rows) }, grossText),
      ...(stage.contributionTrace?.[w.index] ?? []),
      step(
        'statement.netCommission',
        'net = gross − pool contribution',
        { contribution: formatMinor(contribution, digits), gross: grossText },
        formatMinor(net, digits),
      ),
    ];
  }
  w.lines.push(line(pass, 'commission', 'Commission (net of the support-pool contribution)', net, trace));
  return contribution;
}

/** Adds one negative line per deduction row, so the statement shows every reason; adds them to `totals`. */
function addDeductionLines(
  { resolved, digits }: PeriodContext,
  work: readonly PersonWork[],
  deductions: readonly DeductionRow[],
  totals: PayTotals,
): void {
  for (const row of deductions) {
    totals.deductions += row.minor;
    work[row.person]!.lines.push({
      kind: 'deduction',
      label: `Deduction: ${row.reason}`,
      version: resolved.segments[row.segment]!.version,
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
function renderStatements(
  context: PeriodContext,
  work: readonly PersonWork[],
  targets: TargetsRun,
): RenderedStatements {
  const { digits, withTrace } = context;
  const { people, departments } = context.scenario.org;
  const order = orderIds(people.map((person) => person.id));
  const statements = new Array<PayStatement>(people.length);
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
    const personTargets = person.level === undefined ? [] : [...targets.values()].map((run) => run[i]!);
    statements[o] = {
      person: person.id,
      name: person.name ?? null,
      department: department.id,
      side: department.side,
      grade: person.grade,
      employedDays: w.employedDays,
      coefficient: w.coefficient,
      lines,
      subtotals: subtotalsOf(w.lines, digits),
      total: formatMinor(total, digits),
      ...(personTargets.length === 0 ? {} : { targets: personTargets }),
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

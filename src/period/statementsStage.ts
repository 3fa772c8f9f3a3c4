import { orderIds } from '../core/ids.js';
import { formatMinor, parseMinor } from '../core/money.js';
import { divideRounded, type RoundingMode } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import type { PeriodContext } from './context.js';
import { conversionStep } from './conversion.js';
import { addDrawLines, drawSettling, periodDraws, type DrawData, type DrawMoney } from './drawsStage.js';
import type { DeductionRow, PeriodData } from './dataStage.js';
import { MONTHS_IN, dayNumber, overlapDayNumbers } from './dates.js';
import type { PayRates } from './orgStage.js';
import { NO_TRACE, type PersonWork } from './periodWork.js';
import { emptyFindings, noteStatement, type StatementFindings } from './plausibility.js';
import type { SegmentStage } from './segmentStage.js';
import type { Scenario } from './scenarioInput.js';
import { renderLine, sortLines, subtotalsOf, type LineDraft } from './statement.js';
import type { TargetsRun } from './targetsStage.js';
import { step } from './trace.js';
import type { PayStatement, PeriodDraws, PeriodTotals, StatementLineKind, StatementTargets } from './types.js';

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

/** What the statements stage gives the run once every statement is out: the money totals of their lines and what the checks need. */
export interface StatementsFigures {
  readonly rendered: RenderedStatements;
  readonly totals: PayTotals;
  /** The draws settled after every other line, or `null` when the data has none. */
  readonly draws: PeriodDraws | null;
  /** What the plausibility checks noted of the statements (negative totals, people employed no day). */
  readonly findings: StatementFindings;
}

/**
 * The statements stage, person by person in id order: each person's lines, segment by segment
 * (base pay, performance bonus, net commission, pool award; see {@link addSegmentLines}), then one
 * line per deduction row, then their draws and guarantees settled against the commission lines,
 * and their statement rendered — yielded, its line drafts dropped — so that no more than one
 * person's lines are held at a time (issue 20). The money totals, the figures of the checks and
 * the plausibility findings are added up on the way and returned when the last statement is out.
 * Inputs: the people's working records (org stage, with the interlock lines the segment stages
 * added), the commission and deduction rows (data stage), the pay rates and the segment stages'
 * coefficients and pool figures.
 */
export function* statementsStage(
  context: PeriodContext,
  work: readonly PersonWork[],
  periodData: PeriodData,
  payRates: PayRates,
  segments: readonly SegmentStage[],
  draws: DrawData | null,
  targets: TargetsRun,
): Generator<PayStatement, StatementsFigures, undefined> {
  const { people } = context.scenario.org;
  const rows: PersonRows = { people, periodData, payRates };
  const passes = segments.map((stage) => segmentPass(context, stage));
  const totals = emptyPayTotals();
  for (const stage of segments) {
    totals.pool += stage.pool;
    totals.unallocated += stage.unallocated;
  }
  const deductions = groupByPerson(periodData.deductions, people.length);
  const settling = draws === null ? null : drawSettling(context, draws);
  const rendering = emptyRendering();
  const findings = emptyFindings();
  const targetRuns = [...targets.values()];
  const order = orderIds(people.map((person) => person.id));
  for (let o = 0; o < order.length; o++) {
    const w = work[order[o]!]!;
    // The lines the interlock added before, in an array made now: see RENDERED.
    w.lines = w.lines.slice();
    for (const pass of passes) addSegmentLines(pass, rows, w, totals);
    for (let r = deductions.start[w.index]!; r < deductions.start[w.index + 1]!; r++)
      addDeductionLine(context, w, periodData.deductions[deductions.rows[r]!]!, totals);
    if (settling !== null) addDrawLines(settling, w, totals.draws);
    const statement = renderStatement(context, w, targetRuns, rendering);
    noteStatement(context, findings, statement);
    w.lines = RENDERED; // rendered: the drafts and their traces are not kept
    yield statement;
  }
  const settled = settling === null ? null : periodDraws(settling, context.digits);
  return { rendered: rendering, totals, draws: settled, findings };
}

/**
 * A person's lines once their statement is rendered: none (frozen, never added to).
 *
 * Why the lines are copied into an array of their own before the person's lines are added, and
 * dropped after: the working record and its array are old — built when the org was read, before
 * the first statement — and the drafts are new. Added to the record's own array (and cleared in
 * place after), drafts and traces outlived their statement in V8's young generation, which takes
 * what an old object points to as alive until the next full collection: 214 MB promoted while the
 * statements of 100,000 people were written (`--trace-gc-nvp`), and a run's peak memory grew with
 * its people. Added to a copy made for the person: 75 MB. See docs/scale.md, "Where the memory
 * goes".
 */
const RENDERED: LineDraft[] = Object.freeze([]) as unknown as LineDraft[];

/** The rows the per-person pass reads. */
interface PersonRows {
  readonly people: Scenario['org']['people'];
  readonly periodData: PeriodData;
  readonly payRates: PayRates;
}

/** The pass of one segment over the people (what it reads for every person, computed once). */
function segmentPass(context: PeriodContext, stage: SegmentStage): SegmentPass {
  const { period } = context.resolved;
  const months = BigInt(MONTHS_IN[period.unit]);
  const { version, start, end } = context.resolved.segments[stage.segment]!;
  return {
    digits: context.digits,
    mode: context.rounding.mode,
    withTrace: context.withTrace,
    currency: context.currency,
    months,
    monthsText: String(months),
    periodDays: BigInt(period.days),
    periodDaysText: String(period.days),
    stage,
    version,
    from: dayNumber(start),
    to: dayNumber(end),
  };
}

/** Rows grouped by person, input order kept within a person: person p's are `rows[start[p]] … rows[start[p + 1] − 1]`. */
function groupByPerson(list: readonly { readonly person: number }[], people: number) {
  const start = new Int32Array(people + 1);
  for (const row of list) start[row.person + 1]!++;
  for (let p = 0; p < people; p++) start[p + 1]! += start[p]!;
  const next = start.slice(0, people);
  const rows = new Int32Array(list.length);
  list.forEach((row, r) => (rows[next[row.person]!++] = r));
  return { start, rows };
}

/** What the per-person pass of one segment reads (flat: it is read for every person). */
interface SegmentPass {
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
 * Adds one person's lines for one segment to their working record — base pay by grade (or
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
  { people, periodData, payRates }: PersonRows,
  w: PersonWork,
  totals: PayTotals,
): void {
  const { stage } = pass;
  const s = stage.segment;
  const i = w.index;
  const employed = overlapDayNumbers(w.start, w.end, pass.from, pass.to);
  w.employedDays += employed;
  const { grade } = people[i]!;
  const rates = payRates.gradePay[s]!.get(grade)!;
  const personal = payRates.overrides[i]!;
  totals.base += addBasePay(pass, w, grade, personal.base, personal.base ?? rates.base, employed);
  totals.bonus += addPerformanceBonus(pass, w, personal.target ?? rates.target, employed);
  const rows = periodData.grossRows[s]![i]!;
  if (rows > 0) {
    const gross = periodData.gross[s]![i]!;
    totals.gross += gross;
    const key = s * people.length + i;
    const notes = pass.withTrace
      ? [
          ...(periodData.conversions.get(key) ?? []).map((note) => conversionStep(note, pass.currency, pass.digits)),
          ...(periodData.salesTrace.get(key) ?? []),
        ]
      : NO_TRACE;
    totals.contribution += addCommission(pass, w, gross, rows, notes);
  }
  // Back-office support award [后端支撑奖励] from the pool (seed 001).
  const award = stage.award?.[i];
  if (award !== undefined) {
    totals.awards += award;
    const awardLine = stage.awardLine?.(i);
    const trace = pass.withTrace ? (awardLine?.trace ?? []) : NO_TRACE;
    const label = 'Back-office support award (support pool)';
    w.lines.push({ ...line(pass, 'poolAward', label, award, trace), terms: awardLine?.terms });
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
      ...(stage.contributionTrace?.(w.index) ?? []),
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

/** Adds a deduction row's negative line to its person's record, so the statement shows every reason; adds it to `totals`. */
function addDeductionLine(
  { resolved, digits }: PeriodContext,
  w: PersonWork,
  row: DeductionRow,
  totals: PayTotals,
): void {
  totals.deductions += row.minor;
  w.lines.push({
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

/** What the reconciliation checks need of the rendered statements, added up as they are rendered. */
export interface RenderedStatements {
  /** How many statements were rendered (one per person). */
  count: number;
  /** Σ statement totals, in minor units. */
  sum: bigint;
  /** How many statements' totals differ from the sum of their lines as printed (0 unless there is a bug). */
  linesMismatch: number;
  /** Σ interlock reward lines and Σ interlock deduction lines (positive), in minor units. */
  readonly interlockLines: { reward: bigint; deduction: bigint };
}

/** The figures before any statement is rendered. */
function emptyRendering(): RenderedStatements {
  return { count: 0, sum: 0n, linesMismatch: 0, interlockLines: { reward: 0n, deduction: 0n } };
}

/**
 * Renders a person's working lines as their pay statement: lines sorted by kind, then source,
 * then segment; total = Σ lines; amounts printed with the currency's minor digits. Re-reads each
 * printed amount to check the total independently, and adds the statement to `rendering`.
 */
function renderStatement(
  context: PeriodContext,
  w: PersonWork,
  targetRuns: readonly (readonly (StatementTargets | undefined)[])[],
  rendering: RenderedStatements,
): PayStatement {
  const { digits, withTrace } = context;
  const { people, departments } = context.scenario.org;
  const person = people[w.index]!;
  const department = departments[w.department]!;
  sortLines(w.lines);
  let total = 0n;
  for (const line of w.lines) {
    total += line.minor;
    if (line.kind === 'interlockReward') rendering.interlockLines.reward += line.minor;
    else if (line.kind === 'interlockDeduction') rendering.interlockLines.deduction -= line.minor;
  }
  rendering.count++;
  rendering.sum += total;
  const lines = w.lines.map((line) => renderLine(withTrace ? line : { ...line, trace: NO_TRACE }, digits));
  // Independent re-check from the rendered strings: total = Σ lines as printed.
  let printed = 0n;
  for (const line of lines) printed += parseMinor(line.amount, digits, []);
  if (printed !== total) rendering.linesMismatch++;
  const personTargets = person.level === undefined ? [] : targetRuns.map((run) => run[w.index]!);
  return {
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

import type { z } from 'zod';
import { idOrder } from '../core/allocate.js';
import { Dec } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList, SynergyPayError, fail, type IssuePath } from '../core/errors.js';
import { minorDigits } from '../core/currency.js';
import { decimalFraction, formatMinor, parseMinor } from '../core/money.js';
import { divideRounded, roundCoefficient } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { step } from './trace.js';
import { parseInput } from '../core/validate.js';
import { MONTHS_IN, dayNumber, overlapDayNumbers } from './dates.js';
import { resolvePlanVersions, type PlanChange, type PlanSegment, type ResolvedPeriod } from './resolvePlan.js';
import { runPeriodInputSchema } from './schema.js';
import { renderLine, sortLines, type LineDraft, type PayStatement } from './statement.js';

/** Input of {@link runPeriod} (inferred from `runPeriodInputSchema`): a scenario. */
export type RunPeriodInput = z.input<typeof runPeriodInputSchema>;
type Scenario = z.output<typeof runPeriodInputSchema>;
type Side = 'front' | 'middle' | 'back';

/** One department's results for the period. */
export interface DepartmentResult {
  readonly id: string;
  readonly name: string | null;
  readonly side: Side;
  readonly headcount: number;
  /** The department's own coefficient D (data, default 1), rounded at the coefficient point. */
  readonly ownCoefficient: string;
  /** The coefficient applied to its people's target bonus (D, or the blended B when linkage is used). */
  readonly coefficient: string;
  readonly trace: TraceStep[];
}

/** One conservation check the run verified. */
export interface ReconciliationCheck {
  /** Stable name, e.g. `statementTotals`. */
  readonly id: string;
  /** What was checked, as an equation. */
  readonly equation: string;
  /** The left side, as computed. */
  readonly left: string;
  /** The right side, as computed. */
  readonly right: string;
  /** Always `true` in a returned result (a failed check raises `RECONCILIATION_FAILED`). */
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

/** An item for human review: a flagged rating, a severe miss. */
export interface ReviewItem {
  readonly kind: string;
  readonly subject: string;
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
  readonly statements: PayStatement[];
  readonly reviewQueue: ReviewItem[];
  readonly totals: PeriodTotals;
  readonly checks: ReconciliationCheck[];
  readonly trace: TraceStep[];
}

/** Collects money fields, adding problems as issues instead of stopping at the first one. */
function readMoney(value: unknown, digits: number, path: IssuePath, issues: IssueList): bigint {
  try {
    return parseMinor(value, digits, path);
  } catch (error) {
    if (error instanceof SynergyPayError) for (const issue of error.issues) issues.add(issue.code, issue.path, issue.message);
    else throw error;
    return 0n;
  }
}

/** What the mechanisms give one segment before the per-person pass (internal). */
interface SegmentStage {
  readonly segment: number;
  /** Per department: the coefficient applied to target bonuses, as printed. */
  readonly coefficient: string[];
  readonly coefficientFraction: [bigint, bigint][];
  readonly departmentTrace: TraceStep[][];
  /** Per person: the pool contribution carved from their commission, or `null` without a pool. */
  readonly contribution: bigint[] | null;
  readonly contributionTrace: TraceStep[][] | null;
  /** Per person: the pool award (`undefined` for non-recipients), or `null` without a pool. */
  readonly award: (bigint | undefined)[] | null;
  readonly awardTrace: TraceStep[][] | null;
  readonly pool: bigint;
  readonly awarded: bigint;
  readonly unallocated: bigint;
}

/** Per-person working figures while the period runs (internal). */
interface PersonWork {
  readonly index: number;
  readonly id: string;
  readonly department: number;
  /** First and last employed day, as day numbers. */
  readonly start: number;
  readonly end: number;
  employedDays: number;
  coefficient: string;
  readonly lines: LineDraft[];
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
 * @param input - a scenario: `plan`, `period`, optional `asOf`, `org` (`departments`, `people`)
 *   and optional `data` (`departmentCoefficients`, `commissions`, `deductions`).
 * @returns Department results, one statement per person (ordered by id), the review queue,
 *   totals and the reconciliation checks.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `INVALID_AMOUNT`,
 *   `NEGATIVE_VALUE`, `UNKNOWN_CURRENCY`, `DUPLICATE_ID`, `UNKNOWN_REFERENCE`,
 *   `DATES_OUT_OF_ORDER`, `OUT_OF_RANGE` (a dated row outside the period),
 *   `PLAN_VERSION_OVERLAP`, `PLAN_NOT_IN_FORCE`, and `RECONCILIATION_FAILED` (never expected).
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
  const scenario = parseInput(runPeriodInputSchema, input);
  return runScenario(scenario);
}

function runScenario(scenario: Scenario): RunPeriodResult {
  const resolved = resolvePlanVersions(scenario.plan, scenario.period, ['plan'], ['period']);
  const { rounding, period } = resolved;
  const mode = rounding.mode;
  const digits = minorDigits(scenario.plan.currency, ['plan', 'currency']);
  const issues = new IssueList();
  const { departments, people } = scenario.org;
  const data = scenario.data ?? {};
  const prorated = resolved.treatment === 'prorated';

  // ── organisation ────────────────────────────────────────────────────────
  const departmentIndex = new Map<string, number>();
  departments.forEach((department, i) => {
    const first = departmentIndex.get(department.id);
    if (first === undefined) departmentIndex.set(department.id, i);
    else issues.add('DUPLICATE_ID', ['org', 'departments', i, 'id'], `department id "${department.id}" is already used at departments[${first}]`);
  });
  const personIndex = new Map<string, number>();
  const work: PersonWork[] = new Array(people.length);
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!;
    const first = personIndex.get(person.id);
    if (first === undefined) personIndex.set(person.id, i);
    else issues.add('DUPLICATE_ID', ['org', 'people', i, 'id'], `person id "${person.id}" is already used at people[${first}]`);
    const department = departmentIndex.get(person.department);
    if (department === undefined) issues.add('UNKNOWN_REFERENCE', ['org', 'people', i, 'department'], `no department "${person.department}"`);
    if (person.start !== undefined && person.end !== undefined && person.end < person.start)
      issues.add('DATES_OUT_OF_ORDER', ['org', 'people', i, 'end'], `employment ends ${person.end}, before it starts ${person.start}`);
    for (const [s, version] of resolved.segmentVersions.entries()) {
      if (!version.grades.some((grade) => grade.id === person.grade)) {
        issues.add('UNKNOWN_REFERENCE', ['org', 'people', i, 'grade'], `no grade "${person.grade}" in plan version "${resolved.segments[s]!.version}"`);
        break;
      }
    }
    work[i] = {
      index: i,
      id: person.id,
      department: department ?? 0,
      start: dayNumber(person.start ?? period.start),
      end: dayNumber(person.end ?? period.end),
      employedDays: 0,
      coefficient: '1',
      lines: [],
    };
  }
  resolved.segmentVersions.forEach((version, s) => {
    const seen = new Set<string>();
    version.grades.forEach((grade, g) => {
      if (seen.has(grade.id))
        issues.add('DUPLICATE_ID', ['plan', 'versions', scenario.plan.versions.indexOf(version), 'grades', g, 'id'], `grade id "${grade.id}" repeats in version "${resolved.segments[s]!.version}"`);
      seen.add(grade.id);
    });
  });

  // ── department coefficients (own D; linkage may blend them with company KPIs) ──
  const ownCoefficient = new Array<string | undefined>(departments.length);
  (data.departmentCoefficients ?? []).forEach((row, i) => {
    const d = departmentIndex.get(row.department);
    if (d === undefined) issues.add('UNKNOWN_REFERENCE', ['data', 'departmentCoefficients', i, 'department'], `no department "${row.department}"`);
    else if (ownCoefficient[d] !== undefined) issues.add('DUPLICATE_ID', ['data', 'departmentCoefficients', i, 'department'], `department "${row.department}" already has a coefficient`);
    else ownCoefficient[d] = roundCoefficient(new Dec(decimalText(row.coefficient)), rounding).toFixed(rounding.coefficientDecimals);
  });

  // ── dated money rows: commissions and deductions ────────────────────────
  const segmentOf = (date: string | undefined, path: IssuePath): number => {
    if (date === undefined) {
      if (prorated) issues.add('INVALID_INPUT', path, 'a date is required: the period is split between plan versions and each row must fall in one of them');
      return 0;
    }
    if (date < period.start || date > period.end) {
      issues.add('OUT_OF_RANGE', path, `${date} is outside the period ${period.start}…${period.end}`);
      return 0;
    }
    if (!prorated) return 0;
    return resolved.segments.findIndex((segment) => date >= segment.start && date <= segment.end);
  };
  const segmentCount = resolved.segments.length;
  const gross: bigint[][] = resolved.segments.map(() => new Array<bigint>(people.length).fill(0n));
  const grossRows: number[][] = resolved.segments.map(() => new Array<number>(people.length).fill(0));
  const commissionIds = new Map<string, number>();
  (data.commissions ?? []).forEach((row, i) => {
    const path = ['data', 'commissions', i];
    const first = commissionIds.get(row.id);
    if (first !== undefined) issues.add('DUPLICATE_ID', [...path, 'id'], `commission id "${row.id}" is already used at commissions[${first}]`);
    else commissionIds.set(row.id, i);
    const p = personIndex.get(row.person);
    if (p === undefined) issues.add('UNKNOWN_REFERENCE', [...path, 'person'], `no person "${row.person}"`);
    const amount = readMoney(row.amount, digits, [...path, 'amount'], issues);
    const s = segmentOf(row.date, [...path, 'date']);
    if (p !== undefined) {
      gross[s]![p]! += amount;
      grossRows[s]![p]! += 1;
    }
  });
  const deductionIds = new Map<string, number>();
  const deductionsBy: { person: number; segment: number; id: string; reason: string; minor: bigint }[] = [];
  (data.deductions ?? []).forEach((row, i) => {
    const path = ['data', 'deductions', i];
    const first = deductionIds.get(row.id);
    if (first !== undefined) issues.add('DUPLICATE_ID', [...path, 'id'], `deduction id "${row.id}" is already used at deductions[${first}]`);
    else deductionIds.set(row.id, i);
    const p = personIndex.get(row.person);
    if (p === undefined) issues.add('UNKNOWN_REFERENCE', [...path, 'person'], `no person "${row.person}"`);
    const amount = readMoney(row.amount, digits, [...path, 'amount'], issues);
    const s = segmentOf(row.date, [...path, 'date']);
    if (p !== undefined) deductionsBy.push({ person: p, segment: s, id: row.id, reason: row.reason, minor: amount });
  });
  issues.throwIfAny();

  // Grade amounts in minor units, per segment.
  const gradePay = resolved.segmentVersions.map((version, s) => {
    const byId = new Map<string, { base: bigint; target: bigint }>();
    const v = scenario.plan.versions.indexOf(version);
    version.grades.forEach((grade, g) => {
      byId.set(grade.id, {
        base: readMoney(grade.basePay, digits, ['plan', 'versions', v, 'grades', g, 'basePay'], issues),
        target: readMoney(grade.targetBonus ?? 0, digits, ['plan', 'versions', v, 'grades', g, 'targetBonus'], issues),
      });
    });
    void s;
    return byId;
  });
  const overrides = people.map((person, i) => ({
    base: person.basePay === undefined ? undefined : readMoney(person.basePay, digits, ['org', 'people', i, 'basePay'], issues),
    target: person.targetBonus === undefined ? undefined : readMoney(person.targetBonus, digits, ['org', 'people', i, 'targetBonus'], issues),
  }));
  issues.throwIfAny();

  const months = BigInt(MONTHS_IN[period.unit]);
  const monthsText = String(months);
  const periodDaysText = String(period.days);
  const periodDays = BigInt(period.days);
  const ownTrace = departments.map((department, d) => {
    const own = ownCoefficient[d];
    return own === undefined
      ? traceStep('department.ownCoefficient', 'D = 1 when the period data gives no coefficient for the department', { department: department.id }, '1')
      : traceStep('department.ownCoefficient', 'D from the period data, rounded at the coefficient point', { department: department.id }, own);
  });
  const ownCoefficients = departments.map((_, d) => ownCoefficient[d] ?? new Dec(1).toFixed(rounding.coefficientDecimals));

  /**
   * What each mechanism contributes to one segment, computed before the per-person pass:
   * department coefficients, pool contributions and awards.
   */
  const stageOf = (s: number): SegmentStage => {
    const coefficient = ownCoefficients.slice();
    const departmentTrace = ownTrace.map((step) => [step]);
    return {
      coefficient,
      coefficientFraction: coefficient.map((value) => decimalFraction(new Dec(value))),
      departmentTrace,
      contribution: null,
      contributionTrace: null,
      award: null,
      awardTrace: null,
      pool: 0n,
      awarded: 0n,
      unallocated: 0n,
      segment: s,
    };
  };
  const stages: SegmentStage[] = [];

  // ── statements, segment by segment ──────────────────────────────────────
  let totalBase = 0n;
  let totalBonus = 0n;
  let totalGross = 0n;
  let totalContribution = 0n;
  let totalPool = 0n;
  let totalAwards = 0n;
  let totalUnallocated = 0n;
  let totalDeductions = 0n;
  for (let s = 0; s < segmentCount; s++) {
    const segment = resolved.segments[s]!;
    const versionId = segment.version;
    const grades = gradePay[s]!;
    const segmentGross = gross[s]!;
    const segmentFrom = dayNumber(segment.start);
    const segmentTo = dayNumber(segment.end);
    const stage = stageOf(s);
    stages.push(stage);
    totalPool += stage.pool;
    totalUnallocated += stage.unallocated;
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
        source: '',
        minor: base,
        trace: [
          step(
            'statement.basePay',
            'base = monthly base pay × months in period × days employed / days in period, rounded to minor units',
            { employedDays: String(employed), monthly: formatMinor(monthlyBase, digits), months: monthsText, periodDays: periodDaysText },
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
        source: '',
        minor: bonus,
        trace: [
          step(
            'statement.targetBonus',
            'target = monthly target bonus × months in period × days employed / days in period, rounded to minor units',
            { employedDays: String(employed), monthly: formatMinor(monthlyTarget, digits), months: monthsText, periodDays: periodDaysText },
            targetText,
          ),
          ...stage.departmentTrace[w.department]!,
          step('statement.performanceBonus', 'bonus = target bonus × coefficient, rounded to minor units', { coefficient, target: targetText }, formatMinor(bonus, digits)),
        ],
      });

      // Commission: net = gross − pool contribution (the contribution is 0 without a pool).
      const rows = grossRows[s]![i]!;
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
          source: '',
          minor: net,
          trace: [
            step('statement.grossCommission', 'gross = Σ commission rows', { rows: String(rows) }, formatMinor(grossMinor, digits)),
            ...(stage.contributionTrace?.[i] ?? []),
            step('statement.netCommission', 'net = gross − pool contribution', { contribution: formatMinor(contribution, digits), gross: formatMinor(grossMinor, digits) }, formatMinor(net, digits)),
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
          source: '',
          minor: award,
          trace: stage.awardTrace?.[i] ?? [],
        });
      }
    }
  }
  // Deductions: one line each, so the statement shows every reason.
  for (const row of deductionsBy) {
    totalDeductions += row.minor;
    work[row.person]!.lines.push({
      kind: 'deduction',
      label: `Deduction: ${row.reason}`,
      version: resolved.segments[row.segment]!.version,
      source: row.id,
      minor: -row.minor,
      trace: [traceStep('statement.deduction', 'deduction row from the period data, shown negative', { id: row.id, reason: row.reason }, formatMinor(-row.minor, digits))],
    });
  }

  // ── render, ordered by id ───────────────────────────────────────────────
  const order = idOrder(people.map((person) => person.id));
  const statements: PayStatement[] = new Array(people.length);
  let statementSum = 0n;
  let linesMismatch = 0;
  for (let o = 0; o < order.length; o++) {
    const i = order[o]!;
    const person = people[i]!;
    const w = work[i]!;
    const department = departments[w.department]!;
    sortLines(w.lines);
    let total = 0n;
    for (const line of w.lines) total += line.minor;
    statementSum += total;
    const lines = w.lines.map((line) => renderLine(line, digits));
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

  const headcount = new Array<number>(departments.length).fill(0);
  for (const w of work) headcount[w.department]! += 1;
  const departmentOrder = idOrder(departments.map((department) => department.id));
  const departmentResults: DepartmentResult[] = Array.from(departmentOrder, (d) => {
    const department = departments[d]!;
    return {
      id: department.id,
      name: department.name ?? null,
      side: department.side,
      headcount: headcount[d]!,
      ownCoefficient: ownCoefficient[d] ?? new Dec(1).toFixed(rounding.coefficientDecimals),
      coefficient: stages.at(-1)!.coefficient[d]!,
      trace: stages.flatMap((stage) => stage.departmentTrace[d]!),
    };
  });

  // ── reconciliation ──────────────────────────────────────────────────────
  const netCommission = totalGross - totalContribution;
  const money = (minor: bigint) => formatMinor(minor, digits);
  const expected = totalBase + totalBonus + netCommission + totalPool - totalUnallocated - totalDeductions;
  const checks: ReconciliationCheck[] = [
    check('statementLines', 'every statement total = Σ its lines as printed', `${linesMismatch} mismatches`, '0 mismatches'),
    check('statementTotals', 'Σ statement totals = Σ base + Σ bonuses + Σ net commissions + pool − unallocated − Σ deductions', money(statementSum), money(expected)),
    check('commissionCarve', 'Σ net commissions + pool = Σ gross commissions', money(netCommission + totalPool), money(totalGross)),
    check('poolAllocation', 'Σ pool awards + unallocated = pool', money(totalAwards + totalUnallocated), money(totalPool)),
  ];
  const failed = checks.filter((c) => !c.holds);
  if (failed.length > 0)
    fail('RECONCILIATION_FAILED', [], failed.map((c) => `${c.id}: ${c.left} ≠ ${c.right}`).join('; '));

  return {
    plan: resolved.plan,
    currency: resolved.currency,
    period: resolved.period,
    version: resolved.version,
    treatment: resolved.treatment,
    changes: resolved.changes,
    segments: resolved.segments,
    mechanisms: [],
    departments: departmentResults,
    statements,
    reviewQueue: [],
    totals: {
      basePay: money(totalBase),
      performanceBonus: money(totalBonus),
      grossCommission: money(totalGross),
      poolContribution: money(totalContribution),
      netCommission: money(netCommission),
      pool: money(totalPool),
      poolAwards: money(totalAwards),
      unallocated: money(totalUnallocated),
      deductions: money(totalDeductions),
      statements: money(statementSum),
    },
    checks,
    trace: resolved.trace,
  };
}

function check(id: string, equation: string, left: string, right: string): ReconciliationCheck {
  return { id, equation, left, right, holds: left === right };
}

import { z } from 'zod';
import { allocateMinor, idOrder } from '../core/allocate.js';
import { Dec } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import { IssueList, SynergyPayError, fail, fromZodError, type IssuePath } from '../core/errors.js';
import { minorDigits } from '../core/currency.js';
import { decimalFraction, formatMinor, parseMinor } from '../core/money.js';
import { divideRounded, roundCoefficient, roundTo } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import type { CoefficientLink } from '../linkage/linkCoefficients.js';
import { composeScore, type ScoredSubject } from '../scorecard/composeScore.js';
import { tallyPoints } from '../scorecard/tallyPoints.js';
import type { ScorecardComponentInput } from '../scorecard/schema.js';
import { step } from './trace.js';
import { parseInput } from '../core/validate.js';
import { MONTHS_IN, dayNumber, overlapDayNumbers, shiftDate } from './dates.js';
import { resolvePlanVersions, type PlanChange, type PlanSegment, type ResolvedPeriod } from './resolvePlan.js';
import { interlockStage, type InterlockRun } from './interlockStage.js';
import { linkageStage } from './linkageStage.js';
import type { DimensionCredit } from '../interlock/creditFacts.js';
import type { IndicatorSettlement } from '../interlock/settleInterlock.js';
import { canonicalKey, withScenarioPaths } from './repath.js';
import { scoreRatings, type RateeScore, type ScoreRatingsResult } from '../ratings/scoreRatings.js';
import { scoreResponseTimes, type ResponseTimesResult, type UnitResponseTimes } from '../time/scoreResponseTimes.js';
import { poolStage, type PoolCommissionRow } from './poolStage.js';
import { periodDataSchema, runPeriodInputSchema } from './schema.js';
import { revenueFactSchema } from '../interlock/creditSchema.js';
import { ratingSchema, reviewDecisionSchema } from '../ratings/schema.js';
import { ticketSchema } from '../time/schema.js';
import type { PlanVersion } from './resolvePlan.js';
import { renderLine, sortLines, type LineDraft, type PayStatement } from './statement.js';
import { checkInputControls, checkPayTotal, type ReceivedRows } from './controls.js';

/** Input of {@link runPeriod} (inferred from `runPeriodInputSchema`): a scenario. */
export type RunPeriodInput = z.input<typeof runPeriodInputSchema>;
type Scenario = z.output<typeof runPeriodInputSchema>;
type Side = 'front' | 'middle' | 'back';

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
  /** Per department: linkage figures, or `null` without linkage. */
  readonly linkage: DepartmentLinkage[] | null;
  /** Response-time scores by department id, or `null` when not scored. */
  readonly responseTimes: Map<string, UnitResponseTimes> | null;
  /** Per department: the composed scorecard, or `null` without one. */
  readonly scorecards: ScoredSubject[] | null;
  /** Per department: the own coefficient D used (the scorecard's, else the data's). */
  readonly own: string[];
  /** The ratings run, or `null`. */
  readonly ratings: ScoreRatingsResult | null;
  /** The last rating score row of each ratee. */
  readonly rateeScores: Map<string, RateeScore>;
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
 * The big row lists that a mechanism validates itself (tickets, ratings, review decisions,
 * revenue facts): the scenario's own parse only checks that they are arrays, and hands the rows
 * to the mechanism, whose errors are re-pathed into the scenario. A list whose mechanism the plan
 * does not use is validated here in full, so bad rows are refused either way.
 */
const MECHANISM_ROWS = {
  tickets: { schema: ticketSchema, used: (version: PlanVersion) => version.responseTimes !== undefined },
  ratings: { schema: ratingSchema, used: (version: PlanVersion) => version.ratings !== undefined },
  reviewDecisions: { schema: reviewDecisionSchema, used: (version: PlanVersion) => version.ratings !== undefined },
  revenueFacts: { schema: revenueFactSchema, used: (version: PlanVersion) => version.interlock?.dimensions !== undefined },
} as const;

const leanScenarioSchema = /* @__PURE__ */ runPeriodInputSchema.extend({
  data: periodDataSchema
    .extend({
      tickets: z.array(z.unknown()).optional(),
      ratings: z.array(z.unknown()).optional(),
      reviewDecisions: z.array(z.unknown()).optional(),
      revenueFacts: z.array(z.unknown()).optional(),
    })
    .optional(),
});

function parseScenario(input: unknown): Scenario {
  return parseInput(leanScenarioSchema, input) as Scenario;
}

/** Validates the mechanism row lists the period's versions do not read, and the reference fields of the others. */
function checkMechanismRows(scenario: Scenario, versions: readonly PlanVersion[]): void {
  const issues = new IssueList();
  const data = scenario.data as z.output<typeof leanScenarioSchema>['data'];
  if (data !== undefined) {
    for (const [key, rows] of Object.entries(MECHANISM_ROWS) as [keyof typeof MECHANISM_ROWS, (typeof MECHANISM_ROWS)[keyof typeof MECHANISM_ROWS]][]) {
      const list = data[key];
      if (list === undefined || versions.some((version) => rows.used(version))) continue;
      const parsed = z.array(rows.schema).safeParse(list);
      if (!parsed.success) for (const issue of fromZodError(parsed.error).issues) issues.add(issue.code, ['data', key, ...issue.path], issue.message);
    }
    // Rows a mechanism will read must at least be objects with the reference fields we check first.
    const shaped = (key: keyof typeof MECHANISM_ROWS, fields: readonly string[]) =>
      (data[key] ?? []).forEach((row, i) => {
        if (row === null || typeof row !== 'object' || Array.isArray(row)) issues.add('INVALID_INPUT', ['data', key, i], 'expected an object');
        else for (const field of fields) if (typeof (row as Record<string, unknown>)[field] !== 'string') issues.add('INVALID_INPUT', ['data', key, i, field], 'expected a string id');
      });
    shaped('tickets', ['unit']);
    shaped('ratings', ['rater', 'ratee']);
  }
  issues.throwIfAny();
}

function runScenario(scenario: Scenario): RunPeriodResult {
  const resolved = resolvePlanVersions(scenario.plan, scenario.period, ['plan'], ['period']);
  const digits = minorDigits(scenario.plan.currency, ['plan', 'currency']);
  // Declared control totals first: a truncated or doubled import fails before any heavy work.
  const controls = checkInputControls(scenario.controls, receivedRows(scenario), scenario.plan.currency, digits);
  checkMechanismRows(scenario, resolved.segmentVersions);
  const { rounding, period } = resolved;
  const mode = rounding.mode;
  const issues = new IssueList();
  const { departments, people } = scenario.org;
  const data = scenario.data ?? {};
  const prorated = resolved.treatment === 'prorated';
  const withTrace = scenario.trace !== false;

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
  const usesPool = resolved.segmentVersions.some((version) => version.pool !== undefined);
  /** Per segment, per person: commission rows, kept only when a pool carves them. */
  const poolRows: (PoolCommissionRow[] | undefined)[][] | undefined = usesPool ? resolved.segments.map(() => new Array(people.length)) : undefined;
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
      if (poolRows !== undefined) (poolRows[s]![p] ??= []).push({ id: row.id, amount: row.amount, rate: row.rate, index: i });
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
  const kpiIds = new Set<string>();
  resolved.segmentVersions.forEach((version) => {
    const v = scenario.plan.versions.indexOf(version);
    version.linkage?.companyKpis.forEach((kpi) => kpiIds.add(kpi.id));
    version.linkage?.departments.forEach((row, r) => {
      if (!departmentIndex.has(row.id)) issues.add('UNKNOWN_REFERENCE', ['plan', 'versions', v, 'linkage', 'departments', r, 'id'], `no department "${row.id}"`);
    });
  });
  resolved.segmentVersions.forEach((version) => {
    const v = scenario.plan.versions.indexOf(version);
    version.interlock?.indicators?.forEach((indicator, k) =>
      indicator.parties.forEach((party, j) => {
        if (!personIndex.has(party.id) && !departmentIndex.has(party.id))
          issues.add('UNKNOWN_REFERENCE', ['plan', 'versions', v, 'interlock', 'indicators', k, 'parties', j, 'id'], `no person or department "${party.id}"`);
      }),
    );
  });
  const seenKpis = new Set<string>();
  (data.companyKpis ?? []).forEach((row, i) => {
    if (!kpiIds.has(row.id)) issues.add('UNKNOWN_REFERENCE', ['data', 'companyKpis', i, 'id'], `no company KPI "${row.id}" in the plan's linkage`);
    else if (seenKpis.has(row.id)) issues.add('DUPLICATE_ID', ['data', 'companyKpis', i, 'id'], `company KPI "${row.id}" is listed twice`);
    seenKpis.add(row.id);
  });
  (data.tickets ?? []).forEach((ticket, i) => {
    if (!departmentIndex.has(ticket.unit)) issues.add('UNKNOWN_REFERENCE', ['data', 'tickets', i, 'unit'], `no department "${ticket.unit}"`);
  });
  const isParty = (id: string) => personIndex.has(id) || departmentIndex.has(id);
  (data.ratings ?? []).forEach((rating, i) => {
    if (!isParty(rating.rater)) issues.add('UNKNOWN_REFERENCE', ['data', 'ratings', i, 'rater'], `no person or department "${rating.rater}"`);
    if (!isParty(rating.ratee)) issues.add('UNKNOWN_REFERENCE', ['data', 'ratings', i, 'ratee'], `no person or department "${rating.ratee}"`);
  });
  const componentScore = new Map<string, string>();
  (data.componentScores ?? []).forEach((row, i) => {
    const key = `${row.department}\u0000${row.component}`;
    if (!departmentIndex.has(row.department)) issues.add('UNKNOWN_REFERENCE', ['data', 'componentScores', i, 'department'], `no department "${row.department}"`);
    else if (componentScore.has(key)) issues.add('DUPLICATE_ID', ['data', 'componentScores', i, 'component'], `department "${row.department}" already has a score for "${row.component}"`);
    else componentScore.set(key, decimalText(row.score));
  });
  (data.pointEntries ?? []).forEach((entry, i) => {
    if (!isParty(entry.subject)) issues.add('UNKNOWN_REFERENCE', ['data', 'pointEntries', i, 'subject'], `no person or department "${entry.subject}"`);
  });
  const supportScore = new Map<string, string | number>();
  (data.supportScores ?? []).forEach((row, i) => {
    const path = ['data', 'supportScores', i, 'subject'];
    if (!personIndex.has(row.subject) && !departmentIndex.has(row.subject)) issues.add('UNKNOWN_REFERENCE', path, `no person or department "${row.subject}"`);
    else if (supportScore.has(row.subject)) issues.add('DUPLICATE_ID', path, `"${row.subject}" already has a support score`);
    else supportScore.set(row.subject, row.score);
  });
  issues.throwIfAny();

  // Grade amounts in minor units, per segment.
  const gradePay = resolved.segmentVersions.map((version) => {
    const byId = new Map<string, { base: bigint; target: bigint }>();
    const v = scenario.plan.versions.indexOf(version);
    version.grades.forEach((grade, g) => {
      byId.set(grade.id, {
        base: readMoney(grade.basePay, digits, ['plan', 'versions', v, 'grades', g, 'basePay'], issues),
        target: readMoney(grade.targetBonus ?? 0, digits, ['plan', 'versions', v, 'grades', g, 'targetBonus'], issues),
      });
    });
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
    const version = resolved.segmentVersions[s]!;
    const versionIndex = scenario.plan.versions.indexOf(version);
    const segment = resolved.segments[s]!;
    const coefficient = ownCoefficients.slice();
    const departmentTrace = ownTrace.map((step) => [step]);
    // Tiered response times per department [seed 001, seed 004].
    let responseTimes: ResponseTimesResult | undefined;
    if (version.responseTimes !== undefined) {
      const settings = version.responseTimes;
      const key = canonicalKey(settings);
      responseTimes = responseRuns.get(key);
      if (responseTimes === undefined) {
        const path = ['plan', 'versions', versionIndex, 'responseTimes'];
        responseTimes = withScenarioPaths(
          () =>
            scoreResponseTimes({
              asOf,
              tickets: data.tickets ?? [],
              rounding,
              ...(settings.calendar === undefined ? {} : { calendar: settings.calendar }),
              ...(settings.response === undefined ? {} : { response: settings.response }),
              ...(settings.resolution === undefined ? {} : { resolution: settings.resolution }),
            }),
          (path2) => (path2[0] === 'tickets' ? ['data', ...path2] : path2[0] === 'asOf' ? ['asOf'] : [...path, ...path2]),
        );
        responseRuns.set(key, responseTimes);
      }
    }
    // Peripheral ratings with outlier review [seed 003].
    let ratings: ScoreRatingsResult | undefined;
    if (version.ratings !== undefined) {
      const settings = version.ratings;
      const key = canonicalKey(settings);
      ratings = ratingRuns.get(key);
      if (ratings === undefined) {
        const path = ['plan', 'versions', versionIndex, 'ratings'];
        ratings = withScenarioPaths(
          () =>
            scoreRatings({
              plan: { rounding, ...settings.settings },
              ratings: data.ratings ?? [],
              decisions: data.reviewDecisions ?? [],
              parties,
              ...(settings.tasks === undefined ? {} : { tasks: settings.tasks }),
            }),
          (path2) => {
            const [head, ...rest] = path2;
            if (head === 'ratings') return ['data', 'ratings', ...rest];
            if (head === 'decisions') return ['data', 'reviewDecisions', ...rest];
            if (head === 'plan') return [...path, 'settings', ...rest];
            if (head === 'tasks') return [...path, 'tasks', ...rest];
            return ['org'];
          },
        );
        ratingRuns.set(key, ratings);
      }
    }
    // Interlocked indicators [指标互锁, seed 003]: settled once per distinct setting for the
    // period; in a split period each segment pays its share of the days.
    let interlock: InterlockRun | undefined;
    if (version.interlock !== undefined) {
      const settings = version.interlock;
      const key = canonicalKey(settings);
      interlock = interlockRuns.get(key);
      if (interlock === undefined) {
        interlock = interlockStage({ interlock: settings, path: ['plan', 'versions', versionIndex, 'interlock'], currency: scenario.plan.currency, facts: data.revenueFacts ?? [], rounding });
        interlockRuns.set(key, interlock);
      }
      const cumulative = BigInt(daysBefore);
      const share = (minor: bigint) =>
        divideRounded(minor * (cumulative + BigInt(segment.days)), periodDays, mode) - divideRounded(minor * cumulative, periodDays, mode);
      const from = dayNumber(segment.start);
      const to = dayNumber(segment.end);
      for (const indicator of interlock.settlement?.indicators ?? []) {
        for (const party of indicator.parties) {
          for (const [kind, text] of [['interlockReward', party.reward], ['interlockDeduction', party.deduction]] as const) {
            const amount = share(parseMinor(text, digits, []));
            if (amount === 0n) continue;
            if (kind === 'interlockReward') interlockExpected.reward += amount;
            else interlockExpected.deduction += amount;
            const sign = kind === 'interlockReward' ? 1n : -1n;
            const label = `${kind === 'interlockReward' ? 'Interlock reward' : 'Interlock deduction'}: ${indicator.id}`;
            const p = personIndex.get(party.id);
            const baseTrace = [...party.trace, traceStep('period.interlockShare', 'party amount × days of the segment / days of the period (cumulative rounding)', { amount: text, segment: segment.fraction }, formatMinor(amount, digits))];
            if (p !== undefined) {
              work[p]!.lines.push({ kind, label, version: segment.version, segment: s, source: indicator.id, minor: sign * amount, trace: baseTrace });
              continue;
            }
            // A department party: its part is shared among its people by days employed in the segment.
            const d = departmentIndex.get(party.id)!;
            const members: number[] = [];
            const weights: Dec[] = [];
            for (let q = 0; q < work.length; q++) {
              const w = work[q]!;
              if (w.department !== d) continue;
              const employed = overlapDayNumbers(w.start, w.end, from, to);
              if (employed > 0) {
                members.push(q);
                weights.push(new Dec(employed));
              }
            }
            const split = allocateMinor(amount, weights, members.map((q) => people[q]!.id));
            if (split === undefined)
              fail('INVALID_INPUT', ['plan', 'versions', versionIndex, 'interlock', 'indicators'], `department "${party.id}" shares indicator "${indicator.id}" but nobody in it is employed from ${segment.start} to ${segment.end}`);
            members.forEach((q, m) => {
              const part = split.parts[m]!;
              work[q]!.lines.push({
                kind,
                label,
                version: segment.version,
                segment: s,
                source: indicator.id,
                minor: sign * part,
                trace: [...baseTrace, traceStep('period.interlockDepartmentSplit', "the department's part split among its people by days employed (largest remainder)", { department: party.id, people: members.length }, formatMinor(sign * part, digits))],
              });
            });
          }
        }
      }
    }
    daysBefore += segment.days;
    const unitTimes = new Map<string, UnitResponseTimes>();
    for (const unit of responseTimes?.units ?? []) unitTimes.set(unit.unit, unit);
    const rateeScores = new Map<string, RateeScore>();
    for (const row of ratings?.scores ?? []) rateeScores.set(row.ratee, row); // ordered by ratee, then period: the last label wins
    const ratingScore = (id: string): string | undefined => {
      const row = rateeScores.get(id);
      return row?.status === 'scored' && row.score !== null ? row.score : undefined;
    };
    const responseScore = (department: string): string | undefined => {
      const unit = unitTimes.get(department);
      return unit?.response?.meanScore ?? unit?.resolution?.meanScore;
    };
    // Department scorecards (seed 001): the card's coefficient becomes the department's own D.
    const own = ownCoefficients.slice();
    let scorecards: ScoredSubject[] | null = null;
    if (version.scorecard !== undefined) {
      const card = version.scorecard;
      const cardPath = ['plan', 'versions', versionIndex, 'scorecard'];
      let points: Map<string, string> | undefined;
      if (Object.values(card.sources ?? {}).includes('points')) {
        const tallied = withScenarioPaths(
          () =>
            tallyPoints({
              entries: data.pointEntries ?? [],
              subjects: departments.map((department) => department.id),
              rounding,
              ...(card.points?.catalogue === undefined ? {} : { catalogue: card.points.catalogue }),
              ...(card.points?.scoring === undefined ? {} : { scoring: card.points.scoring }),
            }),
          (at) => (at[0] === 'entries' ? ['data', 'pointEntries', ...at.slice(1)] : [...cardPath, 'points', ...at]),
        );
        points = new Map(tallied.subjects.map((subject) => [subject.id, subject.score]));
      }
      const interlockScores = new Map<string, Dec[]>();
      for (const indicator of interlock?.settlement?.indicators ?? [])
        for (const party of indicator.parties) {
          const list = interlockScores.get(party.id) ?? [];
          list.push(new Dec(party.score));
          interlockScores.set(party.id, list);
        }
      const leafScore = (department: string, leaf: string): string | null => {
        const source = card.sources?.[leaf] ?? 'data';
        switch (source) {
          case 'data':
            return componentScore.get(`${department}\u0000${leaf}`) ?? null;
          case 'ratings':
            return ratingScore(department) ?? null;
          case 'responseTimes':
            return unitTimes.get(department)?.response?.meanScore ?? null;
          case 'resolutionTimes':
            return unitTimes.get(department)?.resolution?.meanScore ?? null;
          case 'points':
            return points?.get(department) ?? null;
          case 'interlock': {
            const list = interlockScores.get(department);
            if (list === undefined) return null;
            const mean = list.reduce((sum, value) => sum.plus(value), new Dec(0)).div(list.length);
            return roundTo(mean, rounding.scoreDecimals, mode).toFixed(rounding.scoreDecimals);
          }
        }
      };
      const leaves = leafIds(card.components);
      const composed = withScenarioPaths(
        () =>
          composeScore({
            components: card.components,
            ...(card.missing === undefined ? {} : { missing: card.missing }),
            ...(card.neutralScore === undefined ? {} : { neutralScore: card.neutralScore }),
            ...(card.coefficient === undefined ? {} : { coefficient: card.coefficient }),
            rounding,
            subjects: departments.map((department) => ({ id: department.id, scores: Object.fromEntries(leaves.map((leaf) => [leaf, leafScore(department.id, leaf)])) })),
          }),
        (at) => (at[0] === 'subjects' ? ['data', 'componentScores'] : [...cardPath, ...at]),
      );
      const byId = new Map(composed.subjects.map((subject) => [subject.id, subject]));
      scorecards = departments.map((department, d) => {
        const subject = byId.get(department.id)!;
        if (subject.coefficient !== null) {
          own[d] = new Dec(subject.coefficient).toFixed(rounding.coefficientDecimals);
          coefficient[d] = own[d]!;
          departmentTrace[d]!.push(...subject.trace);
        }
        return subject;
      });
    }
    // Seed 003's relevance matrix: each department's coefficient blended with the company KPIs.
    let linkage: DepartmentLinkage[] | null = null;
    if (version.linkage !== undefined) {
      const rows = linkageStage({
        linkage: version.linkage,
        linkagePath: ['plan', 'versions', versionIndex, 'linkage'],
        kpiResults: data.companyKpis ?? [],
        departments,
        own: own,
        rounding,
      });
      linkage = rows.map((row, d) => {
        coefficient[d] = new Dec(row.blended).toFixed(rounding.coefficientDecimals);
        departmentTrace[d]!.push(...row.trace);
        return { exempt: row.exempt, ratioSum: row.ratioSum, blended: row.blended, uniform: row.uniform, difference: row.difference, links: row.links };
      });
    }
    const scoreFrom = version.pool?.scoreFrom ?? 'supportScores';
    const poolScore = (p: number): DecimalInput | undefined => {
      const person = people[p]!;
      const fromSource =
        scoreFrom === 'ratings'
          ? (ratingScore(person.id) ?? ratingScore(person.department))
          : scoreFrom === 'responseTimes'
            ? responseScore(person.department)
            : undefined;
      return fromSource ?? supportScore.get(person.id) ?? supportScore.get(person.department);
    };
    // Seed 001's support pool: carved from the front line, shared by the back office.
    const pool =
      version.pool === undefined
        ? undefined
        : poolStage({
            pool: version.pool,
            poolPath: ['plan', 'versions', versionIndex, 'pool'],
            currency: scenario.plan.currency,
            digits,
            rounding,
            segment,
            people: people.map((person, p) => ({ id: person.id, side: departments[work[p]!.department]!.side, start: person.start, end: person.end })),
            rows: poolRows![s]!,
            trace: withTrace,
            score: poolScore,
          });
    if (pool !== undefined)
      pools.push({
        version: segment.version,
        rate: pool.rate,
        contributors: pool.contributors,
        recipients: pool.recipients,
        gross: formatMinor(pool.gross, digits),
        pool: formatMinor(pool.pool, digits),
        awarded: formatMinor(pool.awarded, digits),
        unallocated: formatMinor(pool.unallocated, digits),
        trace: pool.trace,
      });
    return {
      coefficient,
      coefficientFraction: coefficient.map((value) => decimalFraction(new Dec(value))),
      departmentTrace,
      contribution: pool?.contribution ?? null,
      contributionTrace: pool?.contributionTrace ?? null,
      award: pool?.award ?? null,
      awardTrace: pool?.awardTrace ?? null,
      pool: pool?.pool ?? 0n,
      awarded: pool?.awarded ?? 0n,
      unallocated: pool?.unallocated ?? 0n,
      segment: s,
      linkage,
      own,
      scorecards,
      responseTimes: responseTimes === undefined ? null : unitTimes,
      ratings: ratings ?? null,
      rateeScores,
    };
  };
  const stages: SegmentStage[] = [];
  const pools: PoolSegment[] = [];
  // Score mechanisms measure the whole period; segments with the same settings share one run.
  const responseRuns = new Map<string, ResponseTimesResult>();
  const interlockRuns = new Map<string, InterlockRun>();
  const interlockExpected = { reward: 0n, deduction: 0n };
  const interlockLines = { reward: 0n, deduction: 0n };
  let daysBefore = 0;
  const ratingRuns = new Map<string, ScoreRatingsResult>();
  const asOf = scenario.asOf ?? `${shiftDate(period.end, 1)}T00:00:00Z`;
  const parties = [
    ...departments.map((department) => ({ id: department.id, side: department.side })),
    ...people.map((person, p) => ({ id: person.id, side: departments[work[p]!.department]!.side })),
  ];

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
        segment: s,
        source: '',
        minor: base,
        trace: !withTrace ? NO_TRACE : [
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
        segment: s,
        source: '',
        minor: bonus,
        trace: !withTrace ? NO_TRACE : [
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
          segment: s,
          source: '',
          minor: net,
          trace: !withTrace ? NO_TRACE : [
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
          segment: s,
          source: '',
          minor: award,
          trace: withTrace ? (stage.awardTrace?.[i] ?? []) : NO_TRACE,
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
      segment: row.segment,
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
    for (const line of w.lines) {
      total += line.minor;
      if (line.kind === 'interlockReward') interlockLines.reward += line.minor;
      else if (line.kind === 'interlockDeduction') interlockLines.deduction -= line.minor;
    }
    statementSum += total;
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
      ownCoefficient: stages.at(-1)!.own[d]!,
      coefficient: stages.at(-1)!.coefficient[d]!,
      linkage: stages.at(-1)!.linkage?.[d] ?? null,
      scorecard: stages.at(-1)!.scorecards?.[d] ?? null,
      responseTimes: stages.at(-1)!.responseTimes?.get(department.id) ?? null,
      rating: stages.at(-1)!.rateeScores.get(department.id) ?? null,
      trace: stages.flatMap((stage) => stage.departmentTrace[d]!),
    };
  });

  // ── review queue: flagged ratings awaiting a decision (once per distinct ratings run) ──
  const reviewQueue: ReviewItem[] = [];
  const queued = new Set<string>();
  for (const run of ratingRuns.values())
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
  for (const run of interlockRuns.values())
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

  // ── reconciliation ──────────────────────────────────────────────────────
  const netCommission = totalGross - totalContribution;
  const money = (minor: bigint) => formatMinor(minor, digits);
  const expected = totalBase + totalBonus + interlockLines.reward + netCommission + totalPool - totalUnallocated - totalDeductions - interlockLines.deduction;
  const checks: ReconciliationCheck[] = [
    check('statementLines', 'every statement total = Σ its lines as printed', `${linesMismatch} mismatches`, '0 mismatches'),
    check(
      'statementTotals',
      'Σ statement totals = Σ base + Σ bonuses (performance + interlock rewards) + Σ net commissions + pool − unallocated − Σ deductions (rows + interlock)',
      money(statementSum),
      money(expected),
    ),
    check('commissionCarve', 'Σ net commissions + pool = Σ gross commissions', money(netCommission + totalPool), money(totalGross)),
    check('poolAllocation', 'Σ pool awards + unallocated = pool', money(totalAwards + totalUnallocated), money(totalPool)),
  ];
  if (interlockRuns.size > 0) {
    checks.push(
      check('interlockRewards', 'Σ interlock reward lines = Σ rewards settled (by segment days)', money(interlockLines.reward), money(interlockExpected.reward)),
      check('interlockDeductions', 'Σ interlock deduction lines = Σ deductions settled (by segment days)', money(interlockLines.deduction), money(interlockExpected.deduction)),
    );
    let dimensionsHold = 0;
    let dimensionCount = 0;
    for (const run of interlockRuns.values())
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
  if (controls.payTotal !== undefined) checks.push(checkPayTotal(controls.payTotal, statementSum, statements.length, resolved.currency, digits));

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
    departments: departmentResults,
    statements,
    reviewQueue,
    interlock: interlockRuns.size === 0 ? null : interlockSummary(interlockRuns),
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

/** The row counts and money rows the declared controls are compared with. */
function receivedRows(scenario: Scenario): ReceivedRows {
  const data = scenario.data ?? {};
  return {
    people: scenario.org.people.length,
    commissions: data.commissions ?? [],
    deductions: data.deductions ?? [],
    tickets: data.tickets?.length ?? 0,
    ratings: data.ratings?.length ?? 0,
    revenueFacts: data.revenueFacts?.length ?? 0,
  };
}

function interlockSummary(runs: Map<string, InterlockRun>): InterlockSummary[] {
  return [...runs.values()].map((run) => ({
    total: run.credits?.total ?? null,
    credited: run.credits?.credited ?? null,
    factor: run.credits?.factor ?? null,
    dimensions: run.credits?.dimensions ?? [],
    indicators: run.settlement?.indicators ?? [],
  }));
}

/** The trace of a line when the scenario asks for none (shared, never mutated). */
const NO_TRACE: TraceStep[] = [];

/** The optional mechanisms of a plan version, in name order. */
const MECHANISMS = ['interlock', 'linkage', 'pool', 'ratings', 'responseTimes', 'scorecard'] as const;

/** The leaf ids of a scorecard, depth first. */
function leafIds(components: readonly ScorecardComponentInput[]): string[] {
  return components.flatMap((component) => (component.components === undefined ? [component.id] : leafIds(component.components)));
}

function check(id: string, equation: string, left: string, right: string): ReconciliationCheck {
  return { id, equation, left, right, holds: left === right };
}

import { Dec, roundCoefficient } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import type { IssueList, IssuePath } from '../core/errors.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import type { Organisation } from './orgStage.js';
import { readMoney } from './periodWork.js';
import type { PoolCommissionRow } from './poolStage.js';
import type { ResolvedPlanVersions } from './resolvePlan.js';
import type { Scenario } from './scenarioInput.js';

/** One deduction row, read: whose, in which segment, and its amount in minor units (positive). */
export interface DeductionRow {
  readonly person: number;
  readonly segment: number;
  readonly id: string;
  readonly reason: string;
  readonly minor: bigint;
}

/** The period data, read and indexed for the stages that use it. */
export interface PeriodData {
  /** Per department, in org order: the own coefficient D as printed (the data's, rounded at the coefficient point; 1 when none). */
  readonly ownCoefficients: string[];
  /** Per department: the trace step saying where D came from. */
  readonly ownTrace: TraceStep[];
  /** Per segment, per person: Σ commission rows in minor units. */
  readonly gross: bigint[][];
  /** Per segment, per person: how many commission rows. */
  readonly grossRows: number[][];
  /** Per segment, per person: the commission rows, kept only when a pool carves them (`undefined` without a pool). */
  readonly poolRows: (PoolCommissionRow[] | undefined)[][] | undefined;
  /** The deduction rows, in input order. */
  readonly deductions: DeductionRow[];
  /** Scorecard `data` leaf scores by `department \0 component`. */
  readonly componentScore: Map<string, string>;
  /** Support scores for the pool by person or department id. */
  readonly supportScore: Map<string, string | number>;
}

/**
 * The data stage: reads the scenario's `data` against the organisation — department
 * coefficients, dated commission and deduction rows (assigned to the plan segment their date
 * falls in when the period is prorated), scorecard component scores and support scores — and
 * checks every reference the mechanisms will follow (linkage departments and interlock parties in
 * the plan, company KPIs, ticket units, raters and ratees, point-entry subjects). Problems are
 * added to `issues` in that order (`UNKNOWN_REFERENCE`, `DUPLICATE_ID`, `OUT_OF_RANGE` for a
 * date outside the period, `INVALID_INPUT` for a missing date in a split period, money issues).
 */
export function readPeriodData(
  scenario: Scenario,
  resolved: ResolvedPlanVersions,
  org: Organisation,
  digits: number,
  issues: IssueList,
): PeriodData {
  const { rounding, period } = resolved;
  const { departments, people } = scenario.org;
  const { departmentIndex, personIndex } = org;
  const data = scenario.data ?? {};
  const prorated = resolved.treatment === 'prorated';

  // ── department coefficients (own D; linkage may blend them with company KPIs) ──
  const ownCoefficient = new Array<string | undefined>(departments.length);
  (data.departmentCoefficients ?? []).forEach((row, i) => {
    const d = departmentIndex.get(row.department);
    if (d === undefined)
      issues.add(
        'UNKNOWN_REFERENCE',
        ['data', 'departmentCoefficients', i, 'department'],
        `no department "${row.department}"`,
      );
    else if (ownCoefficient[d] !== undefined)
      issues.add(
        'DUPLICATE_ID',
        ['data', 'departmentCoefficients', i, 'department'],
        `department "${row.department}" already has a coefficient`,
      );
    else
      ownCoefficient[d] = roundCoefficient(new Dec(decimalText(row.coefficient)), rounding).toFixed(
        rounding.coefficientDecimals,
      );
  });

  // ── dated money rows: commissions and deductions ────────────────────────
  const segmentOf = (date: string | undefined, path: IssuePath): number => {
    if (date === undefined) {
      if (prorated)
        issues.add(
          'INVALID_INPUT',
          path,
          'a date is required: the period is split between plan versions and each row must fall in one of them',
        );
      return 0;
    }
    if (date < period.start || date > period.end) {
      issues.add('OUT_OF_RANGE', path, `${date} is outside the period ${period.start}…${period.end}`);
      return 0;
    }
    if (!prorated) return 0;
    return resolved.segments.findIndex((segment) => date >= segment.start && date <= segment.end);
  };
  const gross: bigint[][] = resolved.segments.map(() => new Array<bigint>(people.length).fill(0n));
  const grossRows: number[][] = resolved.segments.map(() => new Array<number>(people.length).fill(0));
  const usesPool = resolved.segmentVersions.some((version) => version.pool !== undefined);
  const poolRows: (PoolCommissionRow[] | undefined)[][] | undefined = usesPool
    ? resolved.segments.map(() => new Array(people.length))
    : undefined;
  const commissionIds = new Map<string, number>();
  (data.commissions ?? []).forEach((row, i) => {
    const path = ['data', 'commissions', i];
    const first = commissionIds.get(row.id);
    if (first !== undefined)
      issues.add('DUPLICATE_ID', [...path, 'id'], `commission id "${row.id}" is already used at commissions[${first}]`);
    else commissionIds.set(row.id, i);
    const p = personIndex.get(row.person);
    if (p === undefined) issues.add('UNKNOWN_REFERENCE', [...path, 'person'], `no person "${row.person}"`);
    const amount = readMoney(row.amount, digits, [...path, 'amount'], issues);
    const s = segmentOf(row.date, [...path, 'date']);
    if (p !== undefined) {
      gross[s]![p]! += amount;
      grossRows[s]![p]! += 1;
      if (poolRows !== undefined) (poolRows[s]![p] ??= []).push({ id: row.id, amount, rate: row.rate, index: i });
    }
  });
  const deductionIds = new Map<string, number>();
  const deductions: DeductionRow[] = [];
  (data.deductions ?? []).forEach((row, i) => {
    const path = ['data', 'deductions', i];
    const first = deductionIds.get(row.id);
    if (first !== undefined)
      issues.add('DUPLICATE_ID', [...path, 'id'], `deduction id "${row.id}" is already used at deductions[${first}]`);
    else deductionIds.set(row.id, i);
    const p = personIndex.get(row.person);
    if (p === undefined) issues.add('UNKNOWN_REFERENCE', [...path, 'person'], `no person "${row.person}"`);
    const amount = readMoney(row.amount, digits, [...path, 'amount'], issues);
    const s = segmentOf(row.date, [...path, 'date']);
    if (p !== undefined) deductions.push({ person: p, segment: s, id: row.id, reason: row.reason, minor: amount });
  });

  // ── references the mechanisms will follow ───────────────────────────────
  const kpiIds = new Set<string>();
  resolved.segmentVersions.forEach((version) => {
    const v = scenario.plan.versions.indexOf(version);
    version.linkage?.companyKpis.forEach((kpi) => kpiIds.add(kpi.id));
    version.linkage?.departments.forEach((row, r) => {
      if (!departmentIndex.has(row.id))
        issues.add(
          'UNKNOWN_REFERENCE',
          ['plan', 'versions', v, 'linkage', 'departments', r, 'id'],
          `no department "${row.id}"`,
        );
    });
  });
  resolved.segmentVersions.forEach((version) => {
    const v = scenario.plan.versions.indexOf(version);
    version.interlock?.indicators?.forEach((indicator, k) => {
      indicator.parties.forEach((party, j) => {
        if (!personIndex.has(party.id) && !departmentIndex.has(party.id))
          issues.add(
            'UNKNOWN_REFERENCE',
            ['plan', 'versions', v, 'interlock', 'indicators', k, 'parties', j, 'id'],
            `no person or department "${party.id}"`,
          );
      });
    });
  });
  const seenKpis = new Set<string>();
  (data.companyKpis ?? []).forEach((row, i) => {
    if (!kpiIds.has(row.id))
      issues.add(
        'UNKNOWN_REFERENCE',
        ['data', 'companyKpis', i, 'id'],
        `no company KPI "${row.id}" in the plan's linkage`,
      );
    else if (seenKpis.has(row.id))
      issues.add('DUPLICATE_ID', ['data', 'companyKpis', i, 'id'], `company KPI "${row.id}" is listed twice`);
    if (row.actual === undefined && row.coefficient === undefined)
      issues.add(
        'INVALID_INPUT',
        ['data', 'companyKpis', i],
        `company KPI "${row.id}" has no result: give its actual (or its coefficient)`,
      );
    seenKpis.add(row.id);
  });
  // A KPI of the plan's linkage without a result is refused, not read as an actual of 0: under a
  // linear map 0 would give coefficient 0 and silently pull down every department linked to it.
  for (const id of kpiIds)
    if (!seenKpis.has(id))
      issues.add(
        'INVALID_INPUT',
        ['data', 'companyKpis'],
        `company KPI "${id}" of the plan's linkage has no result this period: give its actual (or its coefficient)`,
      );
  (data.tickets ?? []).forEach((ticket, i) => {
    if (!departmentIndex.has(ticket.unit))
      issues.add('UNKNOWN_REFERENCE', ['data', 'tickets', i, 'unit'], `no department "${ticket.unit}"`);
  });
  const isParty = (id: string) => personIndex.has(id) || departmentIndex.has(id);
  (data.ratings ?? []).forEach((rating, i) => {
    if (!isParty(rating.rater))
      issues.add('UNKNOWN_REFERENCE', ['data', 'ratings', i, 'rater'], `no person or department "${rating.rater}"`);
    if (!isParty(rating.ratee))
      issues.add('UNKNOWN_REFERENCE', ['data', 'ratings', i, 'ratee'], `no person or department "${rating.ratee}"`);
  });
  const componentScore = new Map<string, string>();
  (data.componentScores ?? []).forEach((row, i) => {
    const key = `${row.department}\u0000${row.component}`;
    if (!departmentIndex.has(row.department))
      issues.add(
        'UNKNOWN_REFERENCE',
        ['data', 'componentScores', i, 'department'],
        `no department "${row.department}"`,
      );
    else if (componentScore.has(key))
      issues.add(
        'DUPLICATE_ID',
        ['data', 'componentScores', i, 'component'],
        `department "${row.department}" already has a score for "${row.component}"`,
      );
    else componentScore.set(key, decimalText(row.score));
  });
  (data.pointEntries ?? []).forEach((entry, i) => {
    if (!isParty(entry.subject))
      issues.add(
        'UNKNOWN_REFERENCE',
        ['data', 'pointEntries', i, 'subject'],
        `no person or department "${entry.subject}"`,
      );
  });
  const supportScore = new Map<string, string | number>();
  (data.supportScores ?? []).forEach((row, i) => {
    const path = ['data', 'supportScores', i, 'subject'];
    if (!personIndex.has(row.subject) && !departmentIndex.has(row.subject))
      issues.add('UNKNOWN_REFERENCE', path, `no person or department "${row.subject}"`);
    else if (supportScore.has(row.subject))
      issues.add('DUPLICATE_ID', path, `"${row.subject}" already has a support score`);
    else supportScore.set(row.subject, row.score);
  });

  const ownTrace = departments.map((department, d) => {
    const own = ownCoefficient[d];
    return own === undefined
      ? traceStep(
          'department.ownCoefficient',
          'D = 1 when the period data gives no coefficient for the department',
          { department: department.id },
          '1',
        )
      : traceStep(
          'department.ownCoefficient',
          'D from the period data, rounded at the coefficient point',
          { department: department.id },
          own,
        );
  });
  const ownCoefficients = departments.map(
    (_, d) => ownCoefficient[d] ?? new Dec(1).toFixed(rounding.coefficientDecimals),
  );
  return { ownCoefficients, ownTrace, gross, grossRows, poolRows, deductions, componentScore, supportScore };
}

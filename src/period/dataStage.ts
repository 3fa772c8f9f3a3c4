import { Dec, roundCoefficient } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import type { IssueList, IssuePath } from '../core/errors.js';
import { heldList } from '../core/held.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import type { Organisation } from './orgStage.js';
import { readMoney } from './periodWork.js';
import type { PoolCommissionRow } from './poolStage.js';
import type { PeriodContext } from './context.js';
import { compareNotes, converter, type ConversionNote, type Converter } from './conversion.js';
import { holdsOf, holdsRow, releaseHolds, type Holds } from './holdsStage.js';
import { addSalesCommissions, type RowReaders } from './salesStage.js';
import type { CommissionInput, CurrencyConversion } from './types.js';

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
  /** Commission rows converted from other currencies, by `segment × people + person`, in input order (for the trace). */
  readonly conversions: Map<number, ConversionNote[]>;
  /** Commissions computed from sales and released holds: their steps, by `segment × people + person` (with trace). */
  readonly salesTrace: Map<number, TraceStep[]>;
  /** Commissions held until collection, released, carried. */
  readonly holds: Holds;
  /** Per list, then per foreign currency: rows, Σ in the currency, Σ converted; `null` when no row was converted. */
  readonly converted: CurrencyConversion[] | null;
  /** Whether some commission row or sale was converted at the `currency` rate dated `date`. */
  readonly rateApplied: Converter['applied'];
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
export function dataStage(context: PeriodContext, org: Organisation, issues: IssueList): PeriodData {
  const own = readOwnCoefficients(context, org, issues);
  const segmentOf = segmentFinder(context, issues);
  const holds = holdsOf(context);
  const convert = converter(context, issues);
  const commissions = readCommissions(context, org, { segmentOf, convert }, holds, issues);
  const salesTrace = addSalesCommissions(context, org, { segmentOf, convert }, commissions, holds, issues);
  for (const [key, steps] of releaseHolds(context, org, segmentOf, commissions, holds, issues))
    salesTrace.set(key, [...steps, ...(salesTrace.get(key) ?? [])]);
  const deductions = readDeductions(context, org, segmentOf, issues);
  if (context.shard !== true) checkPlanReferences(context, org, issues);
  checkDataReferences(context, org, issues);
  const componentScore = readComponentScores(context, org, issues);
  checkReferences(context.data.pointEntries, 'pointEntries', ['subject'], isParty(org), 'person or department', issues);
  const supportScore = readSupportScores(context, org, issues);
  const converted = convert.summary();
  const rateApplied = convert.applied;
  return {
    ...own,
    ...commissions,
    salesTrace,
    holds,
    converted,
    rateApplied,
    deductions,
    componentScore,
    supportScore,
  };
}

/** Each department's own coefficient D (the data's, rounded at the coefficient point; 1 when none), with where it came from. */
function readOwnCoefficients(
  { data, scenario, rounding }: PeriodContext,
  { departmentIndex }: Organisation,
  issues: IssueList,
): Pick<PeriodData, 'ownCoefficients' | 'ownTrace'> {
  const { departments } = scenario.org;
  const ownCoefficient = new Array<string | undefined>(departments.length);
  (data.departmentCoefficients ?? []).forEach((row, i) => {
    const path = ['data', 'departmentCoefficients', i, 'department'];
    const d = departmentIndex.get(row.department);
    if (d === undefined) issues.add('UNKNOWN_REFERENCE', path, `no department "${row.department}"`);
    else if (ownCoefficient[d] !== undefined)
      issues.add('DUPLICATE_ID', path, `department "${row.department}" already has a coefficient`);
    else
      ownCoefficient[d] = roundCoefficient(new Dec(decimalText(row.coefficient)), rounding).toFixed(
        rounding.coefficientDecimals,
      );
  });
  const ownTrace = departments.map((department, d) => {
    const own = ownCoefficient[d];
    const formula =
      own === undefined
        ? 'D = 1 when the period data gives no coefficient for the department'
        : 'D from the period data, rounded at the coefficient point';
    return traceStep('department.ownCoefficient', formula, { department: department.id }, own ?? '1');
  });
  const ownCoefficients = departments.map(
    (_, d) => ownCoefficient[d] ?? new Dec(1).toFixed(rounding.coefficientDecimals),
  );
  return { ownCoefficients, ownTrace };
}

/** The segment a dated row falls in (0 when the period is not split), refusing a date outside the period or a missing one in a split period. */
type SegmentOf = RowReaders['segmentOf'];

function segmentFinder({ resolved }: PeriodContext, issues: IssueList): SegmentOf {
  const { period } = resolved;
  const prorated = resolved.treatment === 'prorated';
  return (date, path) => {
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
}

/**
 * Reads dated money rows (commissions or deductions): each id checked for repeats, its person
 * and amount read, its segment found; `add` gets the rows of known people.
 */
function readDatedRows<Row extends DatedRow>(
  rows: readonly Row[],
  list: 'commissions' | 'deductions',
  {
    context,
    org,
    segmentOf,
    issues,
  }: { context: PeriodContext; org: Organisation; segmentOf: SegmentOf; issues: IssueList },
  add: (row: Row, i: number, p: number, amount: bigint, s: number) => void,
  readAmount: (row: Row, path: IssuePath) => bigint = (row, path) =>
    readMoney(row.amount, context.digits, [...path, 'amount'], issues),
): void {
  const ids = new Map<string, number>();
  const what = list === 'commissions' ? 'commission' : 'deduction';
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const path = ['data', list, i];
    const first = ids.get(row.id);
    if (first !== undefined)
      issues.add('DUPLICATE_ID', [...path, 'id'], `${what} id "${row.id}" is already used at ${list}[${first}]`);
    else ids.set(row.id, i);
    const p = org.personIndex.get(row.person);
    if (p === undefined) issues.add('UNKNOWN_REFERENCE', [...path, 'person'], `no person "${row.person}"`);
    const amount = readAmount(row, path);
    const s = segmentOf(row.date, [...path, 'date']);
    if (p !== undefined) add(row, i, p, amount, s);
  }
}

interface DatedRow {
  readonly id: string;
  readonly person: string;
  readonly amount: unknown;
  readonly date?: string | undefined;
}

/** The commission rows per segment and person: Σ amounts, row counts, and the rows themselves when a pool carves them. */
function readCommissions(
  context: PeriodContext,
  org: Organisation,
  { segmentOf, convert }: RowReaders,
  holds: Holds,
  issues: IssueList,
): Pick<PeriodData, 'gross' | 'grossRows' | 'poolRows' | 'conversions'> {
  const { resolved } = context;
  const people = context.scenario.org.people.length;
  const gross = resolved.segments.map(() => new Array<bigint>(people).fill(0n));
  const grossRows = resolved.segments.map(() => new Array<number>(people).fill(0));
  const usesPool = resolved.segmentVersions.some((version) => version.pool !== undefined);
  const poolRows = usesPool
    ? resolved.segments.map(() => new Array<PoolCommissionRow[] | undefined>(people))
    : undefined;
  const read = { context, org, segmentOf, issues };
  const conversions = new Map<number, ConversionNote[]>();
  let note: ConversionNote | undefined;
  const readAmount = (row: CommissionInput, path: IssuePath): bigint => {
    const converted = convert.read(row, path, 'commissions');
    note = converted.note;
    return converted.minor;
  };
  const add = (row: CommissionInput, i: number, p: number, amount: bigint, s: number): void => {
    if (holdsRow(context, holds, row, amount, s)) return;
    gross[s]![p]! += amount;
    grossRows[s]![p]! += 1;
    if (poolRows !== undefined) (poolRows[s]![p] ??= []).push({ id: row.id, amount, rate: row.rate, index: i });
    if (note === undefined) return;
    const key = s * people + p;
    const notes = conversions.get(key);
    if (notes === undefined) conversions.set(key, [note]);
    else notes.push(note);
  };
  readDatedRows(context.data.commissions ?? [], 'commissions', read, add, readAmount);
  // Held until the statements are written: each person's rows at their size (core/held.ts).
  for (const segment of poolRows ?? [])
    for (let p = 0; p < people; p++) if (segment[p] !== undefined) segment[p] = heldList(segment[p]!);
  // The trace lists a person's conversions in an order that does not depend on the rows' order.
  for (const notes of conversions.values()) notes.sort(compareNotes);
  return { gross, grossRows, poolRows, conversions };
}

/** The deduction rows of known people, in input order. */
function readDeductions(context: PeriodContext, org: Organisation, segmentOf: SegmentOf, issues: IssueList) {
  const deductions: DeductionRow[] = [];
  readDatedRows(
    context.data.deductions ?? [],
    'deductions',
    { context, org, segmentOf, issues },
    (row, _, p, minor, s) => {
      deductions.push({ person: p, segment: s, id: row.id, reason: row.reason, minor });
    },
  );
  return deductions;
}

/** The plan's references into the org: linkage departments, then interlock parties, of every version in the period. */
function checkPlanReferences({ scenario, resolved }: PeriodContext, org: Organisation, issues: IssueList): void {
  const { departmentIndex, personIndex } = org;
  const versions = resolved.segmentVersions.map((version) => ({ version, v: scenario.plan.versions.indexOf(version) }));
  for (const { version, v } of versions)
    version.linkage?.departments.forEach((row, r) => {
      if (!departmentIndex.has(row.id))
        issues.add(
          'UNKNOWN_REFERENCE',
          ['plan', 'versions', v, 'linkage', 'departments', r, 'id'],
          `no department "${row.id}"`,
        );
    });
  for (const { version, v } of versions)
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
}

/** The data's references: company KPIs against the plan's linkage, ticket units, raters and ratees. */
function checkDataReferences(context: PeriodContext, org: Organisation, issues: IssueList): void {
  const { data } = context;
  checkCompanyKpis(context, issues);
  checkReferences(data.tickets, 'tickets', ['unit'], (id) => org.departmentIndex.has(id), 'department', issues);
  data.tickets?.forEach((ticket, i) => {
    if (ticket.requester !== undefined && !org.departmentIndex.has(ticket.requester))
      issues.add('UNKNOWN_REFERENCE', ['data', 'tickets', i, 'requester'], `no department "${ticket.requester}"`);
    if (ticket.assignee !== undefined && !org.personIndex.has(ticket.assignee))
      issues.add('UNKNOWN_REFERENCE', ['data', 'tickets', i, 'assignee'], `no person "${ticket.assignee}"`);
  });
  checkReferences(data.ratings, 'ratings', ['rater', 'ratee'], isParty(org), 'person or department', issues);
}

/** `UNKNOWN_REFERENCE` at `data.<list>[i].<field>` for each id of a row that `known` does not know, row by row. */
function checkReferences<Field extends string>(
  rows: readonly Readonly<Record<Field, string>>[] | undefined,
  list: string,
  fields: readonly Field[],
  known: (id: string) => boolean,
  noun: string,
  issues: IssueList,
): void {
  rows?.forEach((row, i) => {
    for (const field of fields)
      if (!known(row[field])) issues.add('UNKNOWN_REFERENCE', ['data', list, i, field], `no ${noun} "${row[field]}"`);
  });
}

/** Whether an id is a person or a department. */
function isParty({ personIndex, departmentIndex }: Organisation): (id: string) => boolean {
  return (id) => personIndex.has(id) || departmentIndex.has(id);
}

/**
 * One result per company KPI of the plan's linkage. A KPI without a result is refused, not read
 * as an actual of 0: under a linear map 0 would give coefficient 0 and silently pull down every
 * department linked to it.
 */
function checkCompanyKpis({ data, resolved }: PeriodContext, issues: IssueList): void {
  const kpiIds = new Set<string>();
  for (const version of resolved.segmentVersions) version.linkage?.companyKpis.forEach((kpi) => kpiIds.add(kpi.id));
  const seenKpis = new Set<string>();
  (data.companyKpis ?? []).forEach((row, i) => {
    const path = ['data', 'companyKpis', i];
    if (!kpiIds.has(row.id))
      issues.add('UNKNOWN_REFERENCE', [...path, 'id'], `no company KPI "${row.id}" in the plan's linkage`);
    else if (seenKpis.has(row.id))
      issues.add('DUPLICATE_ID', [...path, 'id'], `company KPI "${row.id}" is listed twice`);
    if (row.actual === undefined && row.coefficient === undefined)
      issues.add('INVALID_INPUT', path, `company KPI "${row.id}" has no result: give its actual (or its coefficient)`);
    seenKpis.add(row.id);
  });
  for (const id of kpiIds)
    if (!seenKpis.has(id))
      issues.add(
        'INVALID_INPUT',
        ['data', 'companyKpis'],
        `company KPI "${id}" of the plan's linkage has no result this period: give its actual (or its coefficient)`,
      );
}

/** Scorecard `data` leaf scores by `department \0 component`, one per pair. */
function readComponentScores({ data }: PeriodContext, org: Organisation, issues: IssueList): Map<string, string> {
  const componentScore = new Map<string, string>();
  (data.componentScores ?? []).forEach((row, i) => {
    const key = `${row.department}\u0000${row.component}`;
    const path = ['data', 'componentScores', i];
    if (!org.departmentIndex.has(row.department))
      issues.add('UNKNOWN_REFERENCE', [...path, 'department'], `no department "${row.department}"`);
    else if (componentScore.has(key))
      issues.add(
        'DUPLICATE_ID',
        [...path, 'component'],
        `department "${row.department}" already has a score for "${row.component}"`,
      );
    else componentScore.set(key, decimalText(row.score));
  });
  return componentScore;
}

/** Support scores for the pool by person or department id, one each. */
function readSupportScores({ data }: PeriodContext, org: Organisation, issues: IssueList) {
  const supportScore = new Map<string, string | number>();
  const known = isParty(org);
  (data.supportScores ?? []).forEach((row, i) => {
    const path = ['data', 'supportScores', i, 'subject'];
    if (!known(row.subject)) issues.add('UNKNOWN_REFERENCE', path, `no person or department "${row.subject}"`);
    else if (supportScore.has(row.subject))
      issues.add('DUPLICATE_ID', path, `"${row.subject}" already has a support score`);
    else supportScore.set(row.subject, row.score);
  });
  return supportScore;
}

import { SynergyPayError, type IssueList, type IssuePath } from '../core/errors.js';
import { formatMinor, parseMinor } from '../core/money.js';
import type { TraceStep } from '../core/trace.js';
import { commissionsOf } from '../pool/commissions.js';
import type { CommissionBaseInput } from '../pool/types.js';
import type { PeriodContext } from './context.js';
import type { Organisation } from './orgStage.js';
import { readMoney } from './periodWork.js';
import type { PoolCommissionRow } from './poolStage.js';
import { step } from './trace.js';

/** What the sales add to: the commission figures per segment and person (the data stage's). */
export interface CommissionFigures {
  readonly gross: bigint[][];
  readonly grossRows: number[][];
  readonly poolRows: (PoolCommissionRow[] | undefined)[][] | undefined;
}

/** Sale ids listed in a trace step before the rest is counted. */
const LISTED = 5;

/**
 * Commissions computed in the run (issue 19 §4, seed 001): in each segment whose plan version has
 * a `commissions` section, each person's base = Σ their `data.sales` dated in it, their measure
 * from `data.commissionMeasures` (for the base modifier), through `computeCommissions` (the
 * version's rate table, marginal or retroactive, the modifier table). Each commission is added to
 * the person's gross commission as one computed row — carved by the pool like any row — and its
 * steps (the sales, the modifier, the adjusted base, the slices) are returned per
 * `segment × people + person` for the commission line's trace. Problems are added to `issues` at
 * the scenario's paths. Sales in a segment whose version computes no commission are not read.
 */
export function addSalesCommissions(
  context: PeriodContext,
  org: Organisation,
  segmentOf: (date: string | undefined, path: IssuePath) => number,
  figures: CommissionFigures,
  issues: IssueList,
): Map<number, TraceStep[]> {
  const traces = new Map<number, TraceStep[]>();
  const { resolved, data, digits } = context;
  if (!resolved.segmentVersions.some((version) => version.commissions !== undefined)) return traces;
  const measures = readMeasures(context, org, issues);
  const bases = resolved.segments.map(() => new Map<number, { minor: bigint; ids: string[] }>());
  const ids = new Map<string, number>();
  (data.sales ?? []).forEach((sale, i) => {
    const path = ['data', 'sales', i];
    const first = ids.get(sale.id);
    if (first !== undefined)
      issues.add('DUPLICATE_ID', [...path, 'id'], `sale id "${sale.id}" is already used at sales[${first}]`);
    else ids.set(sale.id, i);
    const p = org.personIndex.get(sale.person);
    if (p === undefined) issues.add('UNKNOWN_REFERENCE', [...path, 'person'], `no person "${sale.person}"`);
    const minor = readMoney(sale.amount, digits, [...path, 'amount'], issues);
    const s = segmentOf(sale.date, [...path, 'date']);
    if (p === undefined || resolved.segmentVersions[s]!.commissions === undefined) return;
    const base = bases[s]!.get(p) ?? bases[s]!.set(p, { minor: 0n, ids: [] }).get(p)!;
    base.minor += minor;
    base.ids.push(sale.id);
  });
  if (issues.size > 0) return traces;
  bases.forEach((persons, s) => {
    if (persons.size === 0) return;
    const people = [...persons.keys()];
    const rows = computeSegment(context, s, people, persons, measures, issues);
    rows?.forEach((row, k) => {
      const p = people[k]!;
      figures.gross[s]![p]! += row.minor;
      figures.grossRows[s]![p]! += 1;
      if (figures.poolRows !== undefined)
        (figures.poolRows[s]![p] ??= []).push({
          id: `sales:${context.scenario.org.people[p]!.id}`,
          amount: row.minor,
          rate: undefined,
          index: -1,
        });
      if (context.withTrace)
        traces.set(s * context.scenario.org.people.length + p, [salesStep(persons.get(p)!, digits), ...row.trace]);
    });
  });
  return traces;
}

/** Each person's measure, by person index. */
function readMeasures(context: PeriodContext, org: Organisation, issues: IssueList): Map<number, string | number> {
  const measures = new Map<number, string | number>();
  (context.data.commissionMeasures ?? []).forEach((row, i) => {
    const p = org.personIndex.get(row.person);
    const path = ['data', 'commissionMeasures', i, 'person'];
    if (p === undefined) issues.add('UNKNOWN_REFERENCE', path, `no person "${row.person}"`);
    else if (measures.has(p)) issues.add('DUPLICATE_ID', path, `person "${row.person}" already has a measure`);
    else measures.set(p, row.measure);
  });
  return measures;
}

/** One segment's commissions, in the order of `people`; errors re-pathed to the scenario. */
function computeSegment(
  context: PeriodContext,
  s: number,
  people: readonly number[],
  bases: ReadonlyMap<number, { minor: bigint }>,
  measures: ReadonlyMap<number, string | number>,
  issues: IssueList,
): { minor: bigint; trace: TraceStep[] }[] | undefined {
  const version = context.resolved.segmentVersions[s]!;
  const settings = version.commissions!;
  const versionPath = ['plan', 'versions', context.scenario.plan.versions.indexOf(version), 'commissions'];
  const input: CommissionBaseInput[] = people.map((p) => {
    const measure = measures.get(p);
    return {
      id: String(p),
      base: formatMinor(bases.get(p)!.minor, context.digits),
      ...(measure === undefined ? {} : { measure }),
    };
  });
  try {
    const result = commissionsOf({
      currency: context.currency,
      rateTable: settings.rateTable,
      method: settings.method,
      ...(settings.modifierTable === undefined ? {} : { modifierTable: settings.modifierTable }),
      ...(context.scenario.plan.rounding === undefined ? {} : { rounding: context.scenario.plan.rounding }),
      trace: context.withTrace,
      people: input,
    });
    const byId = new Map(result.people.map((row) => [row.id, row]));
    return people.map((p) => {
      const row = byId.get(String(p))!;
      return { minor: parseMinor(row.commission, context.digits, []), trace: row.trace };
    });
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    for (const issue of error.issues) {
      const [head, index] = issue.path;
      if (head === 'people' && typeof index === 'number') {
        const person = context.scenario.org.people[people[index]!]!.id;
        issues.add(issue.code, ['data', 'commissionMeasures'], `${person}: ${issue.message}`);
      } else issues.add(issue.code, [...versionPath, ...issue.path], issue.message);
    }
    return undefined;
  }
}

/** The step naming the sales behind a computed commission's base. */
function salesStep(base: { minor: bigint; ids: string[] }, digits: number): TraceStep {
  const listed = base.ids.slice(0, LISTED).join(', ');
  const more = base.ids.length > LISTED ? `, … ${base.ids.length - LISTED} more` : '';
  return step(
    'statement.sales',
    'base = Σ sales credited to the person in the segment',
    { sales: `${base.ids.length} (${listed}${more})` },
    formatMinor(base.minor, digits),
  );
}

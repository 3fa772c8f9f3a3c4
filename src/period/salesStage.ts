import { SynergyPayError, type IssueList, type IssuePath } from '../core/errors.js';
import { compareIds } from '../core/ids.js';
import { formatMinor, parseMinor } from '../core/money.js';
import type { TraceStep } from '../core/trace.js';
import { commissionsOf } from '../pool/commissions.js';
import type { CommissionBaseInput } from '../pool/types.js';
import type { PeriodContext } from './context.js';
import { compareNotes, type ConversionNote, type Converter } from './conversion.js';
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

/** How the data stage reads dated money rows: their segment, and their amount in the plan currency. */
export interface RowReaders {
  /** The segment a dated row falls in (issues added for a date outside the period, or a missing one in a split period). */
  readonly segmentOf: (date: string | undefined, path: IssuePath) => number;
  readonly convert: Converter;
}

/** Sale ids listed in a trace step before the rest is counted. */
const LISTED = 5;

/** A person's sales in one segment: Σ in the plan currency, and with trace the ids and the conversions. */
interface SalesBase {
  minor: bigint;
  /** The sale ids (with trace only). */
  readonly ids: string[] | undefined;
  /** The converted sales by currency and rate date (with trace only). */
  readonly groups: Map<string, SalesConversion> | undefined;
}

/** A person's sales in one currency converted at one rate: Σ in the currency, Σ converted (each rounded once). */
interface SalesConversion {
  readonly note: ConversionNote;
  readonly ids: string[];
  own: bigint;
  minor: bigint;
}

/** Sales in a segment, by person index. */
type SegmentSales = Map<number, SalesBase>;

/**
 * Commissions computed in the run (issue 19 §4, seed 001): in each segment whose plan version has
 * a `commissions` section, each person's base = Σ their `data.sales` dated in it, their measure
 * from `data.commissionMeasures` (for the base modifier), through `computeCommissions` (the
 * version's rate table, marginal or retroactive, the modifier table). A sale in another currency
 * is converted first, by the run's converter (issue 19 §7: the rate in force on its date or the
 * period's end, the product rounded once). Each commission is added to the person's gross
 * commission as one computed row — carved by the pool like any row — and its steps (the
 * conversions, the sales, the modifier, the adjusted base, the slices) are returned per
 * `segment × people + person` for the commission line's trace. Problems are added to `issues` at
 * the scenario's paths. Sales in a segment whose version computes no commission are not read.
 */
export function addSalesCommissions(
  context: PeriodContext,
  org: Organisation,
  readers: RowReaders,
  figures: CommissionFigures,
  issues: IssueList,
): Map<number, TraceStep[]> {
  const traces = new Map<number, TraceStep[]>();
  const { resolved, digits } = context;
  if (!resolved.segmentVersions.some((version) => version.commissions !== undefined)) return traces;
  const measures = readMeasures(context, org, issues);
  const bases = readSales(context, org, readers, issues);
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
        traces.set(s * context.scenario.org.people.length + p, [
          ...salesSteps(persons.get(p)!, context.currency, digits),
          ...row.trace,
        ]);
    });
  });
  return traces;
}

/** Each segment's sales by person: ids checked for repeats, people and amounts read, foreign sales converted. */
function readSales(context: PeriodContext, org: Organisation, readers: RowReaders, issues: IssueList): SegmentSales[] {
  const { resolved, data, digits, withTrace } = context;
  const bases = resolved.segments.map((): SegmentSales => new Map());
  const ids = new Map<string, number>();
  const sales = data.sales ?? [];
  for (let i = 0; i < sales.length; i++) {
    const sale = sales[i]!;
    const first = ids.get(sale.id);
    if (first !== undefined)
      issues.add('DUPLICATE_ID', ['data', 'sales', i, 'id'], `sale id "${sale.id}" is already used at sales[${first}]`);
    else ids.set(sale.id, i);
    const p = org.personIndex.get(sale.person);
    if (p === undefined) issues.add('UNKNOWN_REFERENCE', ['data', 'sales', i, 'person'], `no person "${sale.person}"`);
    const s = readers.segmentOf(sale.date, ['data', 'sales', i, 'date']);
    const computes = resolved.segmentVersions[s]!.commissions !== undefined;
    // A foreign sale is converted only where it is read: a version that computes no commission needs no rate.
    if (!computes && sale.currency !== undefined && sale.currency !== context.currency) continue;
    const { minor, note } = computes
      ? readers.convert.read(sale, ['data', 'sales', i], 'sales')
      : { minor: readMoney(sale.amount, digits, ['data', 'sales', i, 'amount'], issues), note: undefined };
    if (p === undefined || !computes) continue;
    let base = bases[s]!.get(p);
    if (base === undefined) {
      base = { minor: 0n, ids: withTrace ? [] : undefined, groups: withTrace ? new Map() : undefined };
      bases[s]!.set(p, base);
    }
    base.minor += minor;
    base.ids?.push(sale.id);
    if (note !== undefined && base.groups !== undefined) addConversion(base.groups, note, sale.id);
  }
  return bases;
}

/** Adds a converted sale to its group: the person's sales in its currency converted at its rate. */
function addConversion(groups: Map<string, SalesConversion>, note: ConversionNote, id: string): void {
  const key = `${note.currency} ${note.date}`;
  const group = groups.get(key);
  if (group === undefined) groups.set(key, { note, ids: [id], own: note.own, minor: note.minor });
  else {
    group.ids.push(id);
    group.own += note.own;
    group.minor += note.minor;
  }
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
  bases: ReadonlyMap<number, { readonly minor: bigint }>,
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

/** `3 (s1, s2, s3)`, `12 (s1, …, s5, … 7 more)`: how many sales, the first few ids in id order. */
function listSales(ids: string[]): string {
  const sorted = ids.length > 1 ? [...ids].sort(compareIds) : ids;
  const listed = sorted.slice(0, LISTED).join(', ');
  const more = ids.length > LISTED ? `, … ${ids.length - LISTED} more` : '';
  return `${ids.length} (${listed}${more})`;
}

/**
 * The steps naming the sales behind a computed commission's base: one per currency and rate its
 * sales were converted at (bounded by the rate table, not by the sales), then the base.
 */
function salesSteps(base: SalesBase, currency: string, digits: number): TraceStep[] {
  const groups = [...base.groups!.values()].sort((a, b) => compareNotes(a.note, b.note));
  const steps = groups.map(({ note, ids, own, minor }) =>
    step(
      'statement.salesConversion',
      `converted = Σ round(amount × rate) to the ${currency} minor unit, each sale rounded once`,
      {
        amount: `${formatMinor(own, note.ownDigits)} ${note.currency}`,
        date: note.date,
        rate: note.rate,
        sales: listSales(ids),
      },
      formatMinor(minor, digits),
    ),
  );
  const formula =
    groups.length === 0
      ? 'base = Σ sales credited to the person in the segment'
      : `base = Σ sales credited to the person in the segment, in ${currency} after conversion`;
  steps.push(step('statement.sales', formula, { sales: listSales(base.ids!) }, formatMinor(base.minor, digits)));
  return steps;
}

import { IssueList, type IssuePath } from '../core/errors.js';
import { ExactSums } from '../core/exact.js';
import { compareIds, IdKeys } from '../core/ids.js';
import { splitAmounts } from '../core/largestRemainder.js';
import { formatMinor, minorNumber } from '../core/money.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { commissionOfBase, commissionRules } from '../pool/commissions.js';
import type { PeriodContext } from './context.js';
import type { SaleInput } from './types.js';
import { compareNotes, type ConversionNote, type Converter } from './conversion.js';
import type { Holds } from './holdsStage.js';
import type { Organisation } from './orgStage.js';
import { readMoney, type CommissionFigures } from './periodWork.js';
import { step } from './trace.js';

/** How the data stage reads dated money rows: their segment, and their amount in the plan currency. */
export interface RowReaders {
  /** The segment a dated row falls in (issues added for a date outside the period, or a missing one in a split period). */
  readonly segmentOf: (date: string | undefined, path: IssuePath) => number;
  readonly convert: Converter;
}

/** Sale ids listed in a trace step before the rest is counted. */
const LISTED = 5;

/** A person's sales in one currency converted at one rate: how many, Σ in the currency, Σ converted (each rounded once). */
interface SalesConversion {
  readonly note: ConversionNote;
  count: number;
  /** The first {@link LISTED} sale ids in id order. */
  readonly ids: string[];
  own: bigint;
  minor: bigint;
}

/**
 * Every person's sales in every segment, by cell `segment × people + person`: Σ in plan-currency
 * minor units and the count; with trace, the first sale ids and the conversions.
 */
interface SalesBases {
  readonly sums: ExactSums;
  readonly counts: Int32Array;
  /** The first {@link LISTED} sale ids of each cell, in id order (with trace). */
  readonly ids: (string[] | undefined)[] | undefined;
  /** Each cell's conversions, one per currency and rate (with trace). */
  readonly groups: (SalesConversion[] | undefined)[] | undefined;
  /** Each cell's sales not yet collected (under `plan.holdUntilCollected`): their index and plan-currency minor units. */
  readonly held: Map<number, HeldSale[]>;
}

/** A sale of the period whose customer has not paid by the period's end. */
interface HeldSale {
  readonly i: number;
  readonly minor: bigint;
}

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
 * Under `plan.holdUntilCollected`, the part of a commission earned on sales not collected by the
 * period's end is held (see {@link holdSales}).
 */
export function addSalesCommissions(
  context: PeriodContext,
  org: Organisation,
  readers: RowReaders,
  figures: CommissionFigures,
  holds: Holds,
  issues: IssueList,
): Map<number, TraceStep[]> {
  const traces = new Map<number, TraceStep[]>();
  const { resolved, digits } = context;
  if (!resolved.segmentVersions.some((version) => version.commissions !== undefined)) return traces;
  const measures = readMeasures(context, org, issues);
  const bases = readSales(context, org, readers, holds, issues);
  if (issues.size > 0) return traces;
  const headcount = context.scenario.org.people.length;
  resolved.segments.forEach((_, s) => {
    const people: number[] = [];
    for (let p = 0; p < headcount; p++) if (bases.counts[s * headcount + p]! > 0) people.push(p);
    if (people.length === 0) return;
    const minors = people.map((p) => bases.sums.value(s * headcount + p));
    const rows = computeSegment(context, s, people, minors, measures, issues);
    rows?.forEach((row, k) => {
      const p = people[k]!;
      const cell = s * headcount + p;
      const held = bases.held.get(cell);
      const hold = held === undefined ? undefined : holdSales(context, s, row.minor, minors[k]!, held, holds);
      const paid = row.minor - (hold?.minor ?? 0n);
      figures.gross[s]![p]! += paid;
      figures.grossRows[s]![p]! += 1;
      if (figures.poolRows !== undefined)
        (figures.poolRows[s]![p] ??= []).push({
          id: `sales:${context.scenario.org.people[p]!.id}`,
          amount: paid,
          rate: undefined,
          index: -1,
        });
      if (context.withTrace)
        traces.set(cell, [
          ...salesSteps(bases, cell, minors[k]!, context.currency, digits),
          ...row.trace,
          ...(hold === undefined ? [] : [hold.step]),
        ]);
    });
  });
  return traces;
}

/**
 * Each person's sales per segment (one pass, a few numbers per sale: no object or BigInt per
 * plan-currency sale): ids checked for repeats, people and amounts read, foreign sales converted.
 */
function readSales(
  context: PeriodContext,
  org: Organisation,
  readers: RowReaders,
  holds: Holds,
  issues: IssueList,
): SalesBases {
  const { resolved, digits, withTrace, currency } = context;
  const sales = context.data.sales ?? [];
  const headcount = context.scenario.org.people.length;
  const cells = resolved.segments.length * headcount;
  const bases: SalesBases = {
    sums: new ExactSums(cells),
    counts: new Int32Array(cells),
    ids: withTrace ? new Array<string[] | undefined>(cells) : undefined,
    groups: withTrace ? new Array<SalesConversion[] | undefined>(cells) : undefined,
    held: new Map(),
  };
  const periodEnd = resolved.period.end;
  // Holds are known by their id (the next period's data.heldCommissions): no sale may share a commission row's.
  const commissionIds = holds.on ? new Set((context.data.commissions ?? []).map((row) => row.id)) : undefined;
  const keys = new IdKeys(sales.length);
  const segmentOf = quickSegments(context, readers);
  // With trace: each counted sale's cell and conversion, to list the first ids in id order afterwards.
  const cellOf = withTrace ? new Int32Array(sales.length).fill(-1) : undefined;
  const groupOf = withTrace ? new Array<SalesConversion | undefined>(sales.length) : undefined;
  for (let i = 0; i < sales.length; i++) {
    const sale = sales[i]!;
    keys.add(i, sale.id);
    if (commissionIds?.has(sale.id) === true)
      issues.add(
        'DUPLICATE_ID',
        ['data', 'sales', i, 'id'],
        `sale id "${sale.id}" is also a commission row's id: under holdUntilCollected a hold is known by its id`,
      );
    const p = org.personIndex.get(sale.person);
    if (p === undefined) issues.add('UNKNOWN_REFERENCE', ['data', 'sales', i, 'person'], `no person "${sale.person}"`);
    const s = segmentOf(sale.date, i);
    const computes = resolved.segmentVersions[s]!.commissions !== undefined;
    const cell = s * headcount + (p ?? 0);
    // Held until the customer pays: a sale whose collection is not dated by the period's end.
    const held = holds.on && sale.collected !== undefined && (sale.collected === null || sale.collected > periodEnd);
    let heldMinor = 0n;
    if (sale.currency === undefined || sale.currency === currency) {
      const minor = minorNumber(sale.amount, digits);
      if (Number.isNaN(minor)) {
        const exact = readMoney(sale.amount, digits, ['data', 'sales', i, 'amount'], issues);
        if (p !== undefined && computes) bases.sums.addBig(cell, exact);
        heldMinor = exact;
      } else {
        if (p !== undefined && computes) bases.sums.add(cell, minor);
        if (held) heldMinor = BigInt(minor);
      }
    } else if (computes) {
      // A foreign sale is converted only where it is read: a version that computes no commission needs no rate.
      const { minor, note } = readers.convert.read(sale, ['data', 'sales', i], 'sales');
      if (p !== undefined) bases.sums.addBig(cell, minor);
      if (note !== undefined && p !== undefined && groupOf !== undefined)
        groupOf[i] = addConversion((bases.groups![cell] ??= []), note);
      heldMinor = minor;
    }
    if (held && p !== undefined && computes) {
      const list = bases.held.get(cell);
      if (list === undefined) bases.held.set(cell, [{ i, minor: heldMinor }]);
      else list.push({ i, minor: heldMinor });
    }
    if (p === undefined || !computes) continue;
    bases.counts[cell]! += 1;
    if (cellOf !== undefined) cellOf[i] = cell;
  }
  if (cellOf !== undefined) listIds(bases, sales, keys.order(), cellOf, groupOf!);
  keys.duplicates((i, first) => {
    issues.add(
      'DUPLICATE_ID',
      ['data', 'sales', i, 'id'],
      `sale id "${sales[i]!.id}" is already used at sales[${first}]`,
    );
  });
  return bases;
}

/**
 * The segment of sale `i`'s date: found here for a date inside the period (no path built per
 * sale), by the data stage's `segmentOf` otherwise (which reports the date).
 */
function quickSegments(context: PeriodContext, readers: RowReaders): (date: string | undefined, i: number) => number {
  const { period, segments, treatment } = context.resolved;
  const ends = treatment === 'prorated' ? segments.map((segment) => segment.end) : [period.end];
  return (date, i) => {
    if (date !== undefined && date >= period.start && date <= period.end)
      for (let s = 0; s < ends.length; s++) if (date <= ends[s]!) return s;
    return readers.segmentOf(date, ['data', 'sales', i, 'date']);
  };
}

/**
 * The first {@link LISTED} sale ids of each cell and each conversion, in id order: the sales
 * walked once in the order the duplicate check sorts them in (no string comparison per sale).
 */
function listIds(
  bases: SalesBases,
  sales: readonly SaleInput[],
  order: Int32Array,
  cellOf: Int32Array,
  groupOf: readonly (SalesConversion | undefined)[],
): void {
  for (let o = 0; o < order.length; o++) {
    const i = order[o]!;
    const cell = cellOf[i]!;
    if (cell < 0) continue;
    const ids = (bases.ids![cell] ??= []);
    if (ids.length < LISTED) ids.push(sales[i]!.id);
    const group = groupOf[i];
    if (group !== undefined && group.ids.length < LISTED) group.ids.push(sales[i]!.id);
  }
}

/** Adds a converted sale to its group: the person's sales in its currency converted at its rate (a cell has a few). */
function addConversion(groups: SalesConversion[], note: ConversionNote): SalesConversion {
  // the note's currency and date are the rate table's own strings: compared by identity first
  let group = groups.find((g) => g.note.date === note.date && g.note.currency === note.currency);
  if (group === undefined) groups.push((group = { note, count: 0, ids: [], own: 0n, minor: 0n }));
  group.count += 1;
  group.own += note.own;
  group.minor += note.minor;
  return group;
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

/**
 * One segment's commissions, in the order of `people`, on bases in minor units (the mechanism's
 * internal entry: the tables compiled once, a measure's modifier once); table errors at the
 * version's paths, a missing measure at `data.commissionMeasures` naming the person.
 */
function computeSegment(
  context: PeriodContext,
  s: number,
  people: readonly number[],
  minors: readonly bigint[],
  measures: ReadonlyMap<number, string | number>,
  issues: IssueList,
): { minor: bigint; trace: TraceStep[] }[] | undefined {
  const version = context.resolved.segmentVersions[s]!;
  const settings = version.commissions!;
  const versionPath = ['plan', 'versions', context.scenario.plan.versions.indexOf(version), 'commissions'];
  const tables = new IssueList();
  const rules = commissionRules(
    {
      currency: context.currency,
      rateTable: settings.rateTable,
      method: settings.method,
      ...(settings.modifierTable === undefined ? {} : { modifierTable: settings.modifierTable }),
      ...(context.scenario.plan.rounding === undefined ? {} : { rounding: context.scenario.plan.rounding }),
      trace: context.withTrace,
    },
    tables,
  );
  for (const issue of tables.items) issues.add(issue.code, [...versionPath, ...issue.path], issue.message);
  const before = issues.size;
  if (settings.modifierTable !== undefined)
    for (const p of people)
      if (!measures.has(p))
        issues.add(
          'INVALID_INPUT',
          ['data', 'commissionMeasures'],
          `${context.scenario.org.people[p]!.id}: with a modifierTable, every person needs the measured value (e.g. the resolution rate)`,
        );
  if (rules === undefined || issues.size > before) return undefined;
  return people.map((p, k) => {
    const { commission, trace } = commissionOfBase(minors[k]!, measures.get(p), rules);
    return { minor: commission, trace };
  });
}

/**
 * Holds the part of a computed commission earned on sales not yet collected (issue 19 §6): the
 * commission is split over the person's held sales and the rest of the base, by amount (largest
 * remainder, exact), and each held sale's part is held — remembered with the segment's plan
 * version and released, as earned, in the period its customer pays (`data.heldCommissions`).
 * The commission itself is computed on the whole base: a sale counts for the rate bands when it
 * is made, and is paid when it is collected.
 */
function holdSales(
  context: PeriodContext,
  s: number,
  commission: bigint,
  base: bigint,
  held: readonly HeldSale[],
  holds: Holds,
): { minor: bigint; step: TraceStep } {
  const sales = context.data.sales!;
  const heldBase = held.reduce((sum, sale) => sum + sale.minor, 0n);
  const ids = [...held.map((sale) => sales[sale.i]!.id), '\u0000collected'];
  const split = splitAmounts(commission, [...held.map((sale) => sale.minor), base - heldBase], ids);
  const version = context.resolved.segments[s]!.version;
  let minor = 0n;
  held.forEach((sale, k) => {
    const part = split === undefined ? 0n : BigInt(split.parts[k]!);
    minor += part;
    const { id, person, date } = sales[sale.i]!;
    holds.newlyHeld.push({
      id,
      person,
      minor: part,
      earned: date ?? context.resolved.period.start,
      version,
      collected: null,
    });
  });
  const { digits } = context;
  const listed = held
    .map((sale) => sales[sale.i]!.id)
    .sort(compareIds)
    .slice(0, LISTED);
  const step = traceStep(
    'statement.salesHeld',
    'held = the commission split over the sales by amount (largest remainder); the parts of sales not collected by the period end are held until the customer pays',
    {
      commission: formatMinor(commission, digits),
      heldSales: `${listSales(held.length, listed)}: ${formatMinor(heldBase, digits)}`,
      base: formatMinor(base, digits),
    },
    formatMinor(minor, digits),
  );
  return { minor, step };
}

/** `3 (s1, s2, s3)`, `12 (s1, s2, s3, s4, s5, … 7 more)`: how many sales, the first few ids in id order. */
function listSales(count: number, first: readonly string[]): string {
  const more = count > first.length ? `, … ${count - first.length} more` : '';
  return `${count} (${first.join(', ')}${more})`;
}

/**
 * The steps naming the sales behind a computed commission's base: one per currency and rate its
 * sales were converted at (bounded by the rate table, not by the sales), then the base.
 */
function salesSteps(bases: SalesBases, cell: number, base: bigint, currency: string, digits: number): TraceStep[] {
  const groups = [...(bases.groups![cell] ?? [])].sort((a, b) => compareNotes(a.note, b.note));
  const steps = groups.map(({ note, count, ids, own, minor }) =>
    step(
      'statement.salesConversion',
      `converted = Σ round(amount × rate) to the ${currency} minor unit, each sale rounded once`,
      {
        amount: `${formatMinor(own, note.ownDigits)} ${note.currency}`,
        date: note.date,
        rate: note.rate,
        sales: listSales(count, ids),
      },
      formatMinor(minor, digits),
    ),
  );
  const formula =
    groups.length === 0
      ? 'base = Σ sales credited to the person in the segment'
      : `base = Σ sales credited to the person in the segment, in ${currency} after conversion`;
  const sales = listSales(bases.counts[cell]!, bases.ids![cell]!);
  steps.push(step('statement.sales', formula, { sales }, formatMinor(base, digits)));
  return steps;
}

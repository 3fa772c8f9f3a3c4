/**
 * Response-time scoring on validated settings, shared by `scoreResponseTimes` and the period run:
 * the tickets are read once by the fast row reader into instants, each ticket's working time is
 * W(end) − W(opened) − the working time of its pauses, and each unit's tickets are scored on its
 * tier table (scaled when an elastic condition applies). Issues are raised at the caller's paths.
 *
 * @module
 */
import type { Dec } from '../core/decimal.js';
import { IssueList, SynergyPayError, type IssuePath } from '../core/errors.js';
import { IdKeys, orderIds } from '../core/ids.js';
import { readInstant } from '../core/instant.js';
import { formatMinor, pow10 } from '../core/money.js';
import { divideRounded, type RoundingPolicy } from '../core/rounding.js';
import { compileCheck, readRows, type LeafChecks } from '../core/rows.js';
import { instantSchema } from '../core/schema.js';
import { traceStep } from '../core/trace.js';
import { scaleTierTable } from '../tiers/scaleTierTable.js';
import type { TierTable } from '../tiers/schema.js';
import { checkTierTable, scoreOfNumber, type CompiledTierTable } from '../tiers/tierScore.js';
import * as calendars from './calendar.js';
import { ticketSchema } from './schema.js';
import type * as t from './types.js';

/** Tickets read once: their rows and instants (ms since the epoch; `NaN` where there is no event). */
export interface TicketTimes {
  readonly rows: readonly t.TicketInput[];
  readonly opened: Float64Array;
  readonly responded: Float64Array;
  readonly resolved: Float64Array;
  /** Per ticket, its pauses as `[start, end]` instants (a hole for a ticket without any). */
  readonly pauses: readonly ((readonly [number, number])[] | undefined)[];
  /** Ticket indexes ordered by id (the order of the detail). */
  readonly order: Int32Array;
  /** Each ticket whose id an earlier one has, with the one before it that has the id, in id order. */
  readonly repeats: readonly (readonly [number, number])[];
}

/** A run of the scoring: the settings validated by the caller's schema, and the resolved rounding. */
export interface ResponseTimesRun extends Pick<t.ScoreResponseTimesInput, 'calendar' | t.ResponseMetric> {
  /** End of the period, a validated instant. */
  readonly asOf: string;
  /** Whether to list every ticket's measures. */
  readonly detail: boolean;
  /** The rounding policy. */
  readonly rounding: RoundingPolicy;
}

/** Where a run's inputs came from, so issues are raised at the caller's paths. */
export interface ResponseTimesPaths {
  /** The settings (`calendar`, `response`, `resolution` below it); "no metric" is raised here. */
  readonly settings: IssuePath;
  /** The ticket list. */
  readonly tickets: IssuePath;
}

/** The ticket check with its instants only tested for being strings: {@link readTickets} reads them. */
const TICKET_LEAVES: LeafChecks = /* @__PURE__ */ new Map([[instantSchema, (value) => typeof value === 'string']]);

/** Whether an instant field failed to read: given, yet `NaN`. */
const unread = (text: string | null | undefined, t: number) => text != null && Number.isNaN(t);

/** The tickets' order by id, and each repeated id's ticket with the one before it that has the id, in id order. */
function orderAndRepeats(ids: IdKeys) {
  const order = ids.order(); // tickets usually come in id order: then the order is free and the repeats a scan
  const repeats: [number, number][] = [];
  const latest = new Map<number, number>();
  ids.duplicates((row, first) => {
    repeats.push([row, latest.get(first) ?? first]);
    latest.set(first, row);
  });
  if (repeats.length > 1) {
    const rank = new Int32Array(order.length);
    order.forEach((i, k) => (rank[i] = k));
    repeats.sort((a, b) => rank[a[0]]! - rank[b[0]]!);
  }
  return { order, repeats };
}

/** Reads every row's instants, or `undefined` at the first row `check` doubts or whose instant does not read. */
function readInstants(rows: readonly unknown[], check: (row: unknown) => boolean): TicketTimes | undefined {
  const n = rows.length;
  const [opened, responded, resolved] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const pauses = new Array<[number, number][] | undefined>(n);
  const ids = new IdKeys(n);
  for (let i = 0; i < n; i++) {
    if (!check(rows[i])) return undefined;
    const ticket = rows[i] as t.TicketInput;
    opened[i] = readInstant(ticket.opened);
    responded[i] = readInstant(ticket.responded ?? ''); // no event reads as NaN
    resolved[i] = readInstant(ticket.resolved ?? '');
    if (Number.isNaN(opened[i]) || unread(ticket.responded, responded[i]!) || unread(ticket.resolved, resolved[i]!))
      return undefined;
    if (ticket.pauses !== undefined && ticket.pauses.length > 0) {
      const list = ticket.pauses.map(({ start, end }): [number, number] => [readInstant(start), readInstant(end)]);
      if (list.some(([start, end]) => Number.isNaN(start + end))) return undefined;
      pauses[i] = list;
    }
    ids.add(i, ticket.id);
  }
  const { order, repeats } = orderAndRepeats(ids); // the id keys are garbage from here on
  return { rows: rows as t.TicketInput[], opened, responded, resolved, pauses, order, repeats };
}

/**
 * Reads ticket rows with the fast row reader, then their instants; a row it doubts sends the list
 * through `ticketSchema` (issues at `[...at, i, …]`). `undefined` when a row was refused.
 */
export function readTickets(rows: readonly unknown[], at: IssuePath, issues: IssueList): TicketTimes | undefined {
  const check = compileCheck(ticketSchema, TICKET_LEAVES);
  const times = check === undefined ? undefined : readInstants(rows, check);
  if (times !== undefined) return times;
  const before = issues.size;
  const tickets = readRows(ticketSchema, rows, at, issues);
  return issues.size > before ? undefined : readInstants(tickets, () => true);
}

/** Checks each ticket's events against its opening and `asOf`; returns the earliest opening. */
function checkEvents(tickets: TicketTimes, asOfText: string, at: IssuePath, issues: IssueList): number {
  const { rows, opened, responded, resolved } = tickets;
  const asOf = readInstant(asOfText);
  let earliest = asOf;
  for (let i = 0; i < rows.length; i++) {
    const open = opened[i]!;
    const row = rows[i]!;
    if (open < earliest) earliest = open;
    if (open > asOf)
      issues.add('DATES_OUT_OF_ORDER', [...at, i, 'opened'], `opened ${row.opened}, after asOf ${asOfText}`);
    else if (asOf - open > calendars.MAX_SPAN_MS)
      issues.add('OUT_OF_RANGE', [...at, i, 'opened'], 'opened more than 100 years before asOf');
    if (responded[i]! < open)
      issues.add(
        'DATES_OUT_OF_ORDER',
        [...at, i, 'responded'],
        `responded ${row.responded!}, before it was opened ${row.opened}`,
      );
    if (resolved[i]! < open)
      issues.add(
        'DATES_OUT_OF_ORDER',
        [...at, i, 'resolved'],
        `resolved ${row.resolved!}, before it was opened ${row.opened}`,
      );
    tickets.pauses[i]?.forEach(([from, to], j) => {
      if (to < from)
        issues.add('DATES_OUT_OF_ORDER', [...at, i, 'pauses', j, 'end'], 'the pause ends before it starts');
    });
  }
  return earliest;
}

/** Adds `DUPLICATE_ID` for every ticket whose id an earlier one has. */
function checkIds({ rows, repeats }: TicketTimes, at: IssuePath, issues: IssueList): void {
  for (const [row, previous] of repeats)
    issues.add('DUPLICATE_ID', [...at, row, 'id'], `id "${rows[row]!.id}" is already used at tickets[${previous}]`);
}

/** An elastic condition, its factor as given and the table it scales to [seed 004]. */
interface ConditionPlan {
  readonly id: string;
  readonly factor: string;
  readonly above: number;
  readonly table: CompiledTierTable;
}

/** One metric ready to score: its table, its elastic conditions and the first breach band. */
interface MetricPlan {
  readonly metric: t.ResponseMetric;
  readonly base: CompiledTierTable;
  readonly conditions: readonly ConditionPlan[];
  readonly breachFromBand: number;
}

/** Scales `table` by `factor`, reporting its problems at `path` instead of throwing. */
function scaledTable(table: TierTable, factor: string, path: IssuePath, issues: IssueList, rounding: RoundingPolicy) {
  try {
    return checkTierTable(scaleTierTable(table, factor), path, issues, rounding);
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    for (const issue of error.issues) issues.add(issue.code, path, issue.message);
    return undefined;
  }
}

/** Compiles one metric's tables (base and scaled), checking it is a lower-is-better duration table. */
function planMetric(metric: t.ResponseMetric, run: ResponseTimesRun, at: IssuePath, issues: IssueList) {
  const given = run[metric];
  if (given === undefined) return undefined;
  const before = issues.size;
  const base = checkTierTable(given.table, [...at, 'table'], issues, run.rounding);
  if (base === undefined) return undefined;
  if (base.unit !== 'duration')
    issues.add(
      'TIER_UNIT_MISMATCH',
      [...at, 'table', 'unit'],
      'a response-time table is a duration table: set `unit: "duration"`',
    );
  if (base.direction !== 'lowerIsBetter')
    issues.add(
      'INVALID_INPUT',
      [...at, 'table', 'direction'],
      'a response-time table is `lowerIsBetter`: shorter times score higher',
    );
  const last = base.bands.length - 1;
  const breachFromBand = given.breachFromBand ?? last;
  if (breachFromBand > last)
    issues.add(
      'OUT_OF_RANGE',
      [...at, 'breachFromBand'],
      `band ${breachFromBand} does not exist: the table has bands 0–${last}`,
    );
  const conditions: ConditionPlan[] = [];
  (given.elastic ?? []).forEach((condition, index) => {
    const factor = String(condition.factor);
    const table = scaledTable(given.table, factor, [...at, 'elastic', index, 'factor'], issues, run.rounding);
    if (table !== undefined) conditions.push({ id: condition.id, factor, above: condition.when.count, table });
  });
  return issues.size > before ? undefined : { metric, base, conditions, breachFromBand };
}

/** The units of the tickets in order of first appearance: names, each ticket's unit, tickets per unit. */
function groupUnits(rows: readonly t.TicketInput[]) {
  const index = new Map<string, number>();
  const of = new Int32Array(rows.length);
  const names: string[] = [];
  const tickets: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    let u = index.get(rows[i]!.unit);
    if (u === undefined) {
      index.set(rows[i]!.unit, (u = names.length));
      names.push(rows[i]!.unit);
      tickets.push(0);
    }
    of[i] = u;
    tickets[u]!++;
  }
  return { names, of, tickets };
}

type Units = ReturnType<typeof groupUnits>;

/** What measuring needs: the calendar (its timeline covering every ticket) and `asOf`. */
interface Clock {
  readonly calendar: calendars.WorkingCalendar;
  readonly asOf: number;
  readonly readings: readonly number[];
}

/** Ticket i's working ms from its opening to `end`: W(end) − W(opened) − the working ms of its merged pauses. */
function workingTime(tickets: TicketTimes, { calendar, readings }: Clock, i: number, end: number): number {
  const opened = tickets.opened[i]!;
  const pauses = tickets.pauses[i];
  const paused =
    pauses === undefined ? 0 : calendars.pausedWorking(calendar, calendars.mergePauses(pauses, opened, end));
  return calendars.workingReading(calendar, end) - readings[i]! - paused;
}

/** A score (a Dec with at most `decimals` places) as an integer in units of 10^−decimals. */
function scaledScore(score: Dec, decimals: number): bigint {
  return BigInt(score.times(pow10(decimals).toString()).toFixed(0));
}

/**
 * Measures and scores every ticket on its unit's table (the first elastic condition the unit meets
 * scales it): per unit and band the ticket count, per unit the open tickets and (interpolating
 * tables) the sum of scores, per ticket its measure when `detail`.
 */
function tallyMetric(plan: MetricPlan, tickets: TicketTimes, clock: Clock, units: Units, run: ResponseTimesRun) {
  const applied = units.tickets.map((count) => plan.conditions.find((c) => count > c.above) ?? null);
  const tables = applied.map((condition) => condition?.table ?? plan.base);
  const bandCount = plan.base.bands.length;
  const counts = new Float64Array(units.names.length * bandCount);
  const open = new Float64Array(units.names.length);
  const sums = units.names.map(() => 0n);
  const decimals = run.rounding.scoreDecimals;
  // Step scores as text, once per unit and band (toFixed per ticket would dominate detail output).
  const texts = tables.map((table) => table.bands.map((band) => band.roundedScore.toFixed(decimals)));
  const measures = run.detail ? new Array<t.TicketMeasure>(tickets.rows.length) : null;
  const { responded, resolved } = tickets;
  const { asOf } = clock;
  const [response, interpolating] = [plan.metric === 'response', plan.base.interpolate];
  for (let i = 0; i < responded.length; i++) {
    const answered = response ? responded[i]! : Number.NaN;
    const event = answered <= asOf ? answered : resolved[i]!; // a resolution answers the ticket too
    const isOpen = !(event <= asOf); // no event by asOf: measured up to asOf
    const milliseconds = workingTime(tickets, clock, i, isOpen ? asOf : event);
    const u = units.of[i]!;
    const { band, score } = scoreOfNumber(tables[u]!, milliseconds);
    counts[u * bandCount + band]!++;
    if (isOpen) open[u]!++;
    if (interpolating) sums[u]! += scaledScore(score, decimals);
    if (measures === null) continue;
    const text = interpolating ? score.toFixed(decimals) : texts[u]![band]!;
    measures[i] = { milliseconds, open: isOpen, band, label: tables[u]!.bands[band]!.label, score: text };
  }
  return { tables, applied, counts, open, sums, measures };
}

type Tally = ReturnType<typeof tallyMetric>;

/** One unit's figures on one metric, as its trace shows them. */
interface UnitFigures {
  readonly tickets: number;
  readonly firstBand: number;
  readonly sum: string;
  readonly mean: string;
  readonly within: string;
}

/** The trace of one unit's figures on one metric. */
function metricTrace(
  plan: MetricPlan,
  condition: ConditionPlan | null,
  figures: UnitFigures,
  rounding: RoundingPolicy,
) {
  const { tickets, sum, firstBand, mean, within } = figures;
  const rule = (name: string) => `time.${plan.metric}.${name}`;
  const meanRule = `mean = Σ ticket scores / tickets, rounded to ${rounding.scoreDecimals} dp (${rounding.mode})`;
  const shareRule = `share = tickets in band 0 / tickets, rounded to ${rounding.coefficientDecimals} dp`;
  const steps = [
    traceStep(rule('meanScore'), meanRule, { sum, tickets }, mean),
    traceStep(rule('withinFirstBand'), shareRule, { firstBand, tickets }, within),
  ];
  if (condition === null) return steps;
  const elasticRule = 'bounds × factor when the unit has more than N tickets in the period [seed 004]';
  const inputs = { condition: condition.id, factor: condition.factor, n: condition.above, tickets };
  return [traceStep(rule('elastic'), elasticRule, inputs, 'table scaled'), ...steps];
}

/**
 * One unit's summary: mean = Σ score / n (step tables: Σ over bands of count × band score),
 * withinFirstBand = n₀ / n, breaches = tickets in bands ≥ `breachFromBand`.
 */
function unitSummary(
  plan: MetricPlan,
  tally: Tally,
  u: number,
  tickets: number,
  rounding: RoundingPolicy,
): t.MetricSummary {
  const { mode, scoreDecimals: decimals, coefficientDecimals } = rounding;
  const table = tally.tables[u]!;
  const counts = tally.counts.subarray(u * table.bands.length, (u + 1) * table.bands.length);
  let sum = tally.sums[u]!;
  let breaches = 0;
  const bands = table.bands.map((band, b): t.BandCount => {
    if (!plan.base.interpolate) sum += scaledScore(band.roundedScore, decimals) * BigInt(counts[b]!);
    if (b >= plan.breachFromBand) breaches += counts[b]!;
    return {
      band: b,
      label: band.label,
      bound: band.boundText,
      score: band.roundedScore.toFixed(decimals),
      count: counts[b]!,
    };
  });
  const mean = formatMinor(divideRounded(sum, BigInt(tickets), mode), decimals);
  const share = divideRounded(BigInt(counts[0]!) * pow10(coefficientDecimals), BigInt(tickets), mode);
  const within = formatMinor(share, coefficientDecimals);
  const condition = tally.applied[u] ?? null;
  const figures = { tickets, firstBand: counts[0]!, sum: formatMinor(sum, decimals), mean, within };
  return {
    tickets,
    open: tally.open[u]!,
    meanScore: mean,
    bands,
    breaches,
    withinFirstBand: within,
    condition: condition === null ? null : { id: condition.id, factor: condition.factor },
    trace: metricTrace(plan, condition, figures, rounding),
  };
}

/** The result: units ordered by id, and the per-ticket detail ordered by ticket id. */
function render(
  run: ResponseTimesRun,
  timeZone: string,
  tickets: TicketTimes,
  units: Units,
  tallies: (Tally | null)[],
  summaries: (t.MetricSummary[] | null)[],
): t.ResponseTimesResult {
  const byId = Array.from(orderIds(units.names), (u) => ({
    unit: units.names[u]!,
    tickets: units.tickets[u]!,
    response: summaries[0]?.[u] ?? null,
    resolution: summaries[1]?.[u] ?? null,
  }));
  const [response, resolution] = tallies.map((tally) => tally?.measures ?? null);
  const details = run.detail
    ? Array.from(tickets.order, (i) => ({
        id: tickets.rows[i]!.id,
        unit: tickets.rows[i]!.unit,
        response: response?.[i] ?? null,
        resolution: resolution?.[i] ?? null,
      }))
    : null;
  const count = units.names.length;
  const trace = traceStep(
    'time.measure',
    'each ticket: working time on the calendar from opened to the event (or asOf while open), pauses excluded; scored on the unit’s tier table',
    { asOf: run.asOf, tickets: tickets.rows.length, timeZone, units: count },
    `${count} units`,
  );
  return { asOf: run.asOf, timeZone, units: byId, tickets: details, trace: [trace] };
}

/**
 * Scores tickets read by {@link readTickets} under validated settings (the internal API of
 * `scoreResponseTimes`, used by the period run). Checks the tables, the calendar, the events and
 * the ids, raising every issue at once under `at`.
 *
 * @throws {@link SynergyPayError} with the codes of `scoreResponseTimes`.
 */
export function scoreTickets(
  tickets: TicketTimes,
  run: ResponseTimesRun,
  at: ResponseTimesPaths,
): t.ResponseTimesResult {
  const issues = new IssueList();
  if (run.response === undefined && run.resolution === undefined)
    issues.add('INVALID_INPUT', at.settings, 'give a `response` metric, a `resolution` metric, or both');
  const plans = (['response', 'resolution'] as const).map((metric) =>
    planMetric(metric, run, [...at.settings, metric], issues),
  );
  const calendar = calendars.compileCalendar(run.calendar, [...at.settings, 'calendar'], issues);
  const earliest = checkEvents(tickets, run.asOf, at.tickets, issues);
  checkIds(tickets, at.tickets, issues);
  issues.throwIfAny();
  const asOf = readInstant(run.asOf);
  calendars.coverInstants(calendar!, earliest, asOf);
  const clock = {
    calendar: calendar!,
    asOf,
    readings: Array.from(tickets.opened, (t) => calendars.workingReading(calendar!, t)),
  };
  const units = groupUnits(tickets.rows);
  const tallies = plans.map((plan) => (plan === undefined ? null : tallyMetric(plan, tickets, clock, units, run)));
  const summaries = plans.map((plan, m) => {
    const tally = tallies[m] ?? null;
    return plan === undefined || tally === null
      ? null
      : units.tickets.map((count, u) => unitSummary(plan, tally, u, count, run.rounding));
  });
  return render(run, calendar!.timeZone, tickets, units, tallies, summaries);
}

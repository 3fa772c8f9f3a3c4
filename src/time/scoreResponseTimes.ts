import * as z from 'zod/mini';
import type { Dec } from '../core/decimal.js';
import { IssueList, SynergyPayError, type IssuePath } from '../core/errors.js';
import { formatMinor, pow10 } from '../core/money.js';
import { divideRounded, resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import type { TierTable } from '../tiers/schema.js';
import { scaleTierTable } from '../tiers/scaleTierTable.js';
import { checkTierTable, scoreOfNumber, type CompiledTierTable } from '../tiers/tierScore.js';
import {
  compileCalendar,
  coverInstants,
  MAX_SPAN_MS,
  mergePauses,
  workingBetween,
  workingReading,
  type WorkingCalendar,
} from './calendar.js';
import { readInstant } from '../core/instant.js';
import { scoreResponseTimesInputSchema, type ScoreResponseTimesInput, type TicketInput } from './schema.js';
import { orderIds, compareIds } from '../core/ids.js';

/** The two measured metrics. */
export type ResponseMetric = 'response' | 'resolution';
const METRICS: readonly ResponseMetric[] = ['response', 'resolution'];

/** The elastic condition that scaled a unit's table. */
export interface AppliedCondition {
  /** The condition's `id` as declared. */
  readonly id: string;
  /** The factor the bounds were multiplied by, as given. */
  readonly factor: string;
}

/** How many of a unit's tickets fell in one band. */
export interface BandCount {
  /** Band index, 0 = best. */
  readonly band: number;
  /** The band's label, or `null`. */
  readonly label: string | null;
  /** The band's bound on the table applied (scaled when an elastic condition applied), e.g. `"48 h"`; `null` on the open last band. */
  readonly bound: string | null;
  /** The band's score, rounded to `scoreDecimals`. */
  readonly score: string;
  readonly count: number;
}

/** One metric of one unit. */
export interface MetricSummary {
  /** Tickets measured (every ticket of the unit). */
  readonly tickets: number;
  /** Of those, measured up to `asOf` because the event had not happened by then. */
  readonly open: number;
  /** Mean ticket score, rounded to `scoreDecimals`. */
  readonly meanScore: string;
  /** Tickets per band, every band listed (best first). */
  readonly bands: BandCount[];
  /** Tickets in the breach bands (`breachFromBand` and worse). */
  readonly breaches: number;
  /** Share of tickets in the first band, rounded to `coefficientDecimals`. */
  readonly withinFirstBand: string;
  /** The elastic condition that scaled the table for this unit, or `null`. */
  readonly condition: AppliedCondition | null;
  readonly trace: TraceStep[];
}

/** The scores of one unit. */
export interface UnitResponseTimes {
  readonly unit: string;
  readonly tickets: number;
  /** `null` when the input has no `response` metric. */
  readonly response: MetricSummary | null;
  /** `null` when the input has no `resolution` metric. */
  readonly resolution: MetricSummary | null;
}

/** One ticket's measure on one metric. */
export interface TicketMeasure {
  /** Working time in milliseconds (pauses excluded). */
  readonly milliseconds: number;
  /** Whether the event had not happened by `asOf` (measured up to `asOf`). */
  readonly open: boolean;
  readonly band: number;
  readonly label: string | null;
  /** The ticket's score, rounded to `scoreDecimals`. */
  readonly score: string;
}

/** Per-ticket detail (with `detail: true`). */
export interface TicketDetail {
  readonly id: string;
  readonly unit: string;
  readonly response: TicketMeasure | null;
  readonly resolution: TicketMeasure | null;
}

/** Result of {@link scoreResponseTimes}. */
export interface ResponseTimesResult {
  readonly asOf: string;
  /** The calendar's time zone, as `Intl` resolved it. */
  readonly timeZone: string;
  /** One row per unit, ordered by unit id. */
  readonly units: UnitResponseTimes[];
  /** Every ticket ordered by id, or `null` unless `detail: true`. */
  readonly tickets: TicketDetail[] | null;
  readonly trace: TraceStep[];
}

interface ConditionPlan {
  readonly id: string;
  readonly factor: string;
  readonly above: number;
  readonly compiled: CompiledTierTable;
}

interface MetricPlan {
  readonly metric: ResponseMetric;
  readonly base: CompiledTierTable;
  readonly conditions: readonly ConditionPlan[];
  readonly breachFromBand: number;
}

/** Input with the tickets not yet looked at (for the fast structural check). */
const headerSchema = /* @__PURE__ */ z.omit(scoreResponseTimesInputSchema, { tickets: true });
type Parsed = z.output<typeof scoreResponseTimesInputSchema>;

const TICKET_KEYS = new Set(['id', 'unit', 'opened', 'responded', 'resolved', 'pauses']);

/** Parsed instants of all tickets (NaN where absent). */
interface TicketTimes {
  readonly opened: Float64Array;
  readonly responded: Float64Array;
  readonly resolved: Float64Array;
  /** Pauses (`[start, end]` instants) by ticket index, for the tickets that have any. */
  readonly pauses: Map<number, [number, number][]>;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

/** An optional instant field: NaN when absent or null, `undefined` when not a valid instant. */
function optionalInstant(value: unknown): number | undefined {
  if (value === undefined || value === null) return Number.NaN;
  if (typeof value !== 'string') return undefined;
  const t = readInstant(value);
  return t === t ? t : undefined;
}

/**
 * Reads every ticket's instants, returning `undefined` as soon as a ticket is not exactly what
 * {@link ticketSchema} accepts (then the full schema reports every issue with its path). Million-
 * ticket inputs skip zod's per-row machinery this way.
 */
function readTickets(tickets: readonly unknown[]): TicketTimes | undefined {
  const n = tickets.length;
  const opened = new Float64Array(n);
  const responded = new Float64Array(n);
  const resolved = new Float64Array(n);
  const pauses = new Map<number, [number, number][]>();
  for (let i = 0; i < n; i++) {
    const ticket = tickets[i];
    if (typeof ticket !== 'object' || ticket === null || Object.getPrototypeOf(ticket) !== Object.prototype)
      return undefined;
    for (const key in ticket) if (!TICKET_KEYS.has(key)) return undefined;
    const row = ticket as Record<string, unknown>;
    if (!isId(row.id) || !isId(row.unit) || typeof row.opened !== 'string') return undefined;
    const open = readInstant(row.opened);
    if (open !== open) return undefined; // NaN
    opened[i] = open;
    const answered = optionalInstant(row.responded);
    const closed = optionalInstant(row.resolved);
    if (answered === undefined || closed === undefined) return undefined;
    responded[i] = answered;
    resolved[i] = closed;
    if (row.pauses !== undefined) {
      if (!Array.isArray(row.pauses)) return undefined;
      const list: [number, number][] = [];
      for (const pause of row.pauses as unknown[]) {
        if (typeof pause !== 'object' || pause === null || Object.getPrototypeOf(pause) !== Object.prototype)
          return undefined;
        for (const key in pause) if (key !== 'start' && key !== 'end') return undefined;
        const { start, end } = pause as { start?: unknown; end?: unknown };
        if (typeof start !== 'string' || typeof end !== 'string') return undefined;
        const from = readInstant(start);
        const to = readInstant(end);
        if (from !== from || to !== to) return undefined;
        list.push([from, to]);
      }
      if (list.length > 0) pauses.set(i, list);
    }
  }
  return { opened, responded, resolved, pauses };
}

/** Scales `table` by `factor`, reporting its problems under `path` instead of throwing. */
function scaledTable(
  table: TierTable,
  factor: string,
  path: IssuePath,
  issues: IssueList,
  rounding: RoundingPolicy,
): CompiledTierTable | undefined {
  let scaled: TierTable;
  try {
    scaled = scaleTierTable(table, factor);
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    for (const issue of error.issues) issues.add(issue.code, [...path, 'factor'], issue.message);
    return undefined;
  }
  return checkTierTable(scaled, [...path, 'factor'], issues, rounding);
}

function planMetric(
  metric: ResponseMetric,
  parsed: Parsed,
  issues: IssueList,
  rounding: RoundingPolicy,
): MetricPlan | undefined {
  const given = parsed[metric];
  if (given === undefined) return undefined;
  const before = issues.size;
  const base = checkTierTable(given.table, [metric, 'table'], issues, rounding);
  if (base === undefined) return undefined;
  if (base.unit !== 'duration')
    issues.add(
      'TIER_UNIT_MISMATCH',
      [metric, 'table', 'unit'],
      'a response-time table is a duration table: set `unit: "duration"`',
    );
  if (base.direction !== 'lowerIsBetter')
    issues.add(
      'INVALID_INPUT',
      [metric, 'table', 'direction'],
      'a response-time table is `lowerIsBetter`: shorter times score higher',
    );
  const breachFromBand = given.breachFromBand ?? base.bands.length - 1;
  if (breachFromBand > base.bands.length - 1)
    issues.add(
      'OUT_OF_RANGE',
      [metric, 'breachFromBand'],
      `band ${breachFromBand} does not exist: the table has bands 0–${base.bands.length - 1}`,
    );
  const conditions: ConditionPlan[] = [];
  (given.elastic ?? []).forEach((condition, index) => {
    const factor = String(condition.factor);
    const compiled = scaledTable(given.table, factor, [metric, 'elastic', index], issues, rounding);
    if (compiled !== undefined) conditions.push({ id: condition.id, factor, above: condition.when.count, compiled });
  });
  if (issues.size > before) return undefined;
  return { metric, base, conditions, breachFromBand };
}

/** `numerator / n` rounded to `decimals` places with the policy's mode, as a decimal string. */
function ratio(numerator: bigint, n: number, decimals: number, rounding: RoundingPolicy): string {
  return formatMinor(divideRounded(numerator * pow10(decimals), BigInt(n), rounding.mode), decimals);
}

/** A score (a Dec with at most `scoreDecimals` places) as an integer in units of 10^−d. */
function scaledScore(score: Dec, decimals: number): bigint {
  return BigInt(score.times(pow10(decimals).toString()).toFixed(0));
}

/**
 * Scores back-office response and resolution times per unit with tier tables, measured in working
 * time on a calendar (SPEC §3.4): each ticket's time is its {@link businessDuration} (pauses
 * excluded), a ticket still open at `asOf` is measured up to `asOf`, and each unit gets the mean
 * ticket score, the tickets per band, its breaches and the share within the first band.
 *
 * **Elastic targets** [弹性指标, seed 004]: a metric may declare conditions — "the unit has more
 * than N tickets in the period" — under which its table's bounds are multiplied by a factor
 * (24 h → 48 h is factor 2). The first condition that applies to a unit (in the order given) is
 * used, and the unit's result names it.
 *
 * Measured spans: response = opened → responded (or → resolved when a resolution came without a
 * separate response); resolution = opened → resolved. An event after `asOf` is ignored (the
 * ticket counts as open at `asOf`).
 *
 * **Formula.** score(t) = tier score of the ticket's working milliseconds on the unit's table;
 * mean = Σ score(t) / n, rounded half-up to `scoreDecimals`; withinFirstBand = n₀ / n, rounded to
 * `coefficientDecimals`; breaches = tickets in bands ≥ `breachFromBand` (default: the last band).
 *
 * **References.** seed 001 (response ≤ 1 h → 100, 1–2 h → 80, > 2 h → 60); seed 004 (24 h
 * feasibility answers, 72 h fixes, 24 h → 48 h when demand surges).
 *
 * @param input - `asOf`, `calendar` (see {@link businessDuration}), `tickets` (`id`, `unit`,
 *   `opened`, `responded`, `resolved`, `pauses`), `response` and/or `resolution` (`table`,
 *   `elastic`, `breachFromBand`), `detail` (default `false`), `rounding`.
 * @returns Units ordered by id with a {@link MetricSummary} per metric; per-ticket detail when asked.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `DUPLICATE_ID`, `DATES_OUT_OF_ORDER` (a
 *   ticket event before it was opened, a ticket opened after `asOf`, a pause ending before it
 *   starts), `UNKNOWN_TIME_ZONE`, `OVERLAPPING_INTERVALS`, `CALENDAR_CONFLICT`, `OUT_OF_RANGE`
 *   (also a ticket opened more than 100 years before `asOf`),
 *   and the tier-table codes (`TIER_BOUNDS_NOT_ORDERED`, `TIER_SCORES_NOT_MONOTONE`,
 *   `TIER_UNIT_MISMATCH`, …).
 *
 * @example
 * ```ts
 * import { scoreResponseTimes } from 'synergy-pay';
 *
 * const result = scoreResponseTimes({
 *   asOf: '2026-03-13T18:00:00+08:00',
 *   calendar: { timeZone: 'Asia/Shanghai', week: { mon: [{ start: '09:00', end: '18:00' }], tue: [{ start: '09:00', end: '18:00' }] } },
 *   tickets: [{ id: 'T1', unit: 'tech', opened: '2026-03-09T09:00:00+08:00', responded: '2026-03-09T09:40:00+08:00' }],
 *   response: {
 *     table: { direction: 'lowerIsBetter', unit: 'duration', bands: [{ bound: { hours: 1 }, score: 100 }, { bound: { hours: 2 }, score: 80 }, { score: 60 }] },
 *   },
 * });
 * console.log(result.units[0]?.response?.meanScore); // "100.00"
 * ```
 */
export function scoreResponseTimes(input: ScoreResponseTimesInput): ResponseTimesResult {
  // Million-ticket inputs: zod checks everything but the tickets, a structural check equal to
  // `ticketSchema` reads the tickets; anything it doubts goes through the full schema, which
  // reports every issue with its path.
  let times: TicketTimes | undefined;
  let parsed: Parsed | undefined;
  const raw = input as unknown;
  if (
    typeof raw === 'object' &&
    raw !== null &&
    Object.getPrototypeOf(raw) === Object.prototype &&
    Array.isArray((raw as { tickets?: unknown }).tickets)
  ) {
    const { tickets: rawTickets, ...rest } = raw as { tickets: unknown[] };
    const header = headerSchema.safeParse(rest);
    times = header.success ? readTickets(rawTickets) : undefined;
    if (times !== undefined && header.success) parsed = { ...header.data, tickets: rawTickets as Parsed['tickets'] };
  }
  parsed ??= parseInput(scoreResponseTimesInputSchema, input);
  times ??= readTickets(parsed.tickets);
  if (times === undefined)
    throw new SynergyPayError([{ code: 'INVALID_INPUT', path: ['tickets'], message: 'a ticket could not be read' }]);
  const tickets = parsed.tickets as TicketInput[];
  const rounding = resolveRounding(parsed.rounding);
  const issues = new IssueList();
  const asOf = readInstant(parsed.asOf);

  if (parsed.response === undefined && parsed.resolution === undefined)
    issues.add('INVALID_INPUT', [], 'give a `response` metric, a `resolution` metric, or both');
  const plans = METRICS.map((metric) => planMetric(metric, parsed, issues, rounding));
  const calendar = compileCalendar(parsed.calendar, ['calendar'], issues);

  // Ticket checks: event order, and duplicate ids (found by sorting, which also orders the detail).
  const n = tickets.length;
  const { opened, responded, resolved, pauses } = times;
  let earliest = asOf;
  for (let i = 0; i < n; i++) {
    const open = opened[i]!;
    if (open < earliest) earliest = open;
    if (open > asOf)
      issues.add(
        'DATES_OUT_OF_ORDER',
        ['tickets', i, 'opened'],
        `opened ${tickets[i]!.opened}, after asOf ${parsed.asOf}`,
      );
    else if (asOf - open > MAX_SPAN_MS)
      issues.add('OUT_OF_RANGE', ['tickets', i, 'opened'], 'opened more than 100 years before asOf');
    if (responded[i]! < open)
      issues.add(
        'DATES_OUT_OF_ORDER',
        ['tickets', i, 'responded'],
        `responded ${tickets[i]!.responded}, before it was opened ${tickets[i]!.opened}`,
      );
    if (resolved[i]! < open)
      issues.add(
        'DATES_OUT_OF_ORDER',
        ['tickets', i, 'resolved'],
        `resolved ${tickets[i]!.resolved}, before it was opened ${tickets[i]!.opened}`,
      );
    const list = pauses.size === 0 ? undefined : pauses.get(i);
    if (list !== undefined)
      list.forEach(([from, to], j) => {
        if (to < from)
          issues.add('DATES_OUT_OF_ORDER', ['tickets', i, 'pauses', j, 'end'], 'the pause ends before it starts');
      });
  }
  const ids = tickets.map((ticket) => ticket.id);
  const order = orderIds(ids);
  for (let k = 1; k < n; k++) {
    const previous = order[k - 1]!;
    const current = order[k]!;
    if (ids[previous] === ids[current])
      issues.add(
        'DUPLICATE_ID',
        ['tickets', current, 'id'],
        `id "${ids[current]}" is already used at tickets[${previous}]`,
      );
  }
  issues.throwIfAny();
  const cal = calendar as WorkingCalendar;
  coverInstants(cal, earliest, asOf);
  // W(opened) once per ticket, shared by both metrics (each measure is W(end) − W(opened)).
  const openedReading = new Float64Array(n);
  for (let i = 0; i < n; i++) openedReading[i] = workingReading(cal, opened[i]!);

  // Units, and per unit and metric the table that applies.
  const unitIndex = new Map<string, number>();
  const unitOf = new Int32Array(n);
  const unitNames: string[] = [];
  const unitTickets: number[] = [];
  for (let i = 0; i < n; i++) {
    const name = tickets[i]!.unit;
    let u = unitIndex.get(name);
    if (u === undefined) {
      u = unitNames.length;
      unitIndex.set(name, u);
      unitNames.push(name);
      unitTickets.push(0);
    }
    unitOf[i] = u;
    unitTickets[u]!++;
  }
  const unitCount = unitNames.length;

  const detail = parsed.detail === true;
  const measures: (TicketMeasure | null)[][] = METRICS.map(() =>
    detail ? new Array<TicketMeasure | null>(n).fill(null) : [],
  );
  const summaries = METRICS.map((metric, m) => {
    const plan = plans[m];
    if (plan === undefined) return null;
    const tables: CompiledTierTable[] = [];
    const applied: (ConditionPlan | null)[] = [];
    for (let u = 0; u < unitCount; u++) {
      const condition = plan.conditions.find((c) => unitTickets[u]! > c.above) ?? null;
      applied.push(condition);
      tables.push(condition === null ? plan.base : condition.compiled);
    }
    const bandCount = plan.base.bands.length;
    const counts = new Float64Array(unitCount * bandCount);
    const openCounts = new Float64Array(unitCount);
    // Step tables: the sum of scores follows from the band counts. Interpolating ones add up here.
    const scoreSums: bigint[] = new Array<bigint>(unitCount).fill(0n);
    const interpolating = plan.base.interpolate;
    const decimals = rounding.scoreDecimals;
    const eventOf = metric === 'response' ? responded : resolved;
    // Step scores as text, once per table and band (toFixed per ticket would dominate detail output).
    const scoreTexts = new Map(
      tables.map((table) => [table, table.bands.map((band) => band.roundedScore.toFixed(decimals))]),
    );
    for (let i = 0; i < n; i++) {
      const u = unitOf[i]!;
      const start = opened[i]!;
      let end = eventOf[i]!;
      if (metric === 'response' && !(end <= asOf)) end = resolved[i]!;
      const isOpen = !(end <= asOf); // NaN (no event) or after asOf
      if (isOpen) end = asOf;
      let ms = workingReading(cal, end) - openedReading[i]!;
      const list = pauses.size === 0 ? undefined : pauses.get(i);
      if (list !== undefined)
        for (const [from, to] of mergePauses(list, start, end)) ms -= workingBetween(cal, from, to);
      const table = tables[u]!;
      const hit = scoreOfNumber(table, ms);
      counts[u * bandCount + hit.band]!++;
      if (isOpen) openCounts[u]!++;
      if (interpolating) scoreSums[u] = scoreSums[u]! + scaledScore(hit.score, decimals);
      if (detail) {
        const band = table.bands[hit.band]!;
        const score = interpolating ? hit.score.toFixed(decimals) : scoreTexts.get(table)![hit.band]!;
        measures[m]![i] = { milliseconds: ms, open: isOpen, band: hit.band, label: band.label, score };
      }
    }
    return unitNames.map((_, u): MetricSummary => {
      const table = tables[u]!;
      const total = unitTickets[u]!;
      const bands: BandCount[] = [];
      let sum = scoreSums[u]!;
      let breaches = 0;
      for (let b = 0; b < bandCount; b++) {
        const count = counts[u * bandCount + b]!;
        const band = table.bands[b]!;
        bands.push({
          band: b,
          label: band.label,
          bound: band.boundText,
          score: band.roundedScore.toFixed(decimals),
          count,
        });
        if (!interpolating) sum += scaledScore(band.roundedScore, decimals) * BigInt(count);
        if (b >= plan.breachFromBand) breaches += count;
      }
      const mean = formatMinor(divideRounded(sum, BigInt(total), rounding.mode), decimals);
      const within = ratio(BigInt(counts[u * bandCount]!), total, rounding.coefficientDecimals, rounding);
      const condition = applied[u] ?? null;
      const trace: TraceStep[] = [];
      if (condition !== null)
        trace.push(
          traceStep(
            `time.${metric}.elastic`,
            'bounds × factor when the unit has more than N tickets in the period [seed 004]',
            { condition: condition.id, factor: condition.factor, n: condition.above, tickets: total },
            'table scaled',
          ),
        );
      trace.push(
        traceStep(
          `time.${metric}.meanScore`,
          `mean = Σ ticket scores / tickets, rounded to ${decimals} dp (${rounding.mode})`,
          { sum: formatMinor(sum, decimals), tickets: total },
          mean,
        ),
        traceStep(
          `time.${metric}.withinFirstBand`,
          `share = tickets in band 0 / tickets, rounded to ${rounding.coefficientDecimals} dp`,
          { firstBand: counts[u * bandCount]!, tickets: total },
          within,
        ),
      );
      return {
        tickets: total,
        open: openCounts[u]!,
        meanScore: mean,
        bands,
        breaches,
        withinFirstBand: within,
        condition: condition === null ? null : { id: condition.id, factor: condition.factor },
        trace,
      };
    });
  });

  const unitOrder = unitNames.map((_, u) => u).sort((a, b) => compareIds(unitNames[a]!, unitNames[b]!));
  const units = unitOrder.map((u): UnitResponseTimes => ({
    unit: unitNames[u]!,
    tickets: unitTickets[u]!,
    response: summaries[0]?.[u] ?? null,
    resolution: summaries[1]?.[u] ?? null,
  }));
  let details: TicketDetail[] | null = null;
  if (detail) {
    details = new Array<TicketDetail>(n);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      details[k] = {
        id: ids[i]!,
        unit: tickets[i]!.unit,
        response: measures[0]![i] ?? null,
        resolution: measures[1]![i] ?? null,
      };
    }
  }
  return {
    asOf: parsed.asOf,
    timeZone: cal.timeZone,
    units,
    tickets: details,
    trace: [
      traceStep(
        'time.measure',
        'each ticket: working time on the calendar from opened to the event (or asOf while open), pauses excluded; scored on the unit’s tier table',
        { asOf: parsed.asOf, tickets: n, timeZone: cal.timeZone, units: unitCount },
        `${unitCount} units`,
      ),
    ],
  };
}

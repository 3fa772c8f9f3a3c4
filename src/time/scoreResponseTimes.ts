import { IssueList } from '../core/errors.js';
import { resolveRounding } from '../core/rounding.js';
import { parseInput } from '../core/validate.js';
import { readTickets, scoreTickets, type TicketTimes } from './responseTimes.js';
import { responseTimesHeaderSchema, scoreResponseTimesInputSchema } from './schema.js';
import type { ResponseTimesResult, ScoreResponseTimesInput } from './types.js';

type FastRead = { header: Omit<ScoreResponseTimesInput, 'tickets'>; tickets: TicketTimes } | undefined;

/**
 * Reads the input the fast way: the header through its schema, the tickets through the row reader.
 * `undefined` when either doubts something, or the input is not a plain object with a ticket list.
 */
function readFast(input: unknown): FastRead {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return;
  const { tickets: rows, ...rest } = input as { tickets?: unknown };
  const header = responseTimesHeaderSchema.safeParse(rest);
  if (!header.success || !Array.isArray(rows)) return;
  const tickets = readTickets(rows, ['tickets'], new IssueList());
  return tickets && { header: header.data, tickets };
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
  let read = readFast(input);
  if (read === undefined) {
    // The full schema judges the input: it reports every issue, in its order (or accepts an unusual object).
    const parsed = parseInput(scoreResponseTimesInputSchema, input);
    read = { header: parsed, tickets: readTickets(parsed.tickets, ['tickets'], new IssueList())! };
  }
  const { header, tickets } = read;
  const run = { ...header, detail: header.detail === true, rounding: resolveRounding(header.rounding) };
  return scoreTickets(tickets, run, { settings: [], tickets: ['tickets'] });
}

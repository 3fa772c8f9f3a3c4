import type * as z from 'zod/mini';
import { epochDay } from '../core/dates.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { readTickets, scoreTickets, type TicketTimes } from '../time/responseTimes.js';
import { DAY_MS, zoneClock } from '../time/zone.js';
import type { ResponseTimesResult } from '../time/types.js';
import type { SegmentContext } from './context.js';
import { shiftDate } from './dates.js';
import type { PersonTimes } from './poolScore.js';
import type { planResponseTimesSchema } from './schema.js';

/** A plan version's `responseTimes` section. */
export type PlanResponseTimes = z.output<typeof planResponseTimesSchema>;

/** Where the scenario keeps its tickets. */
const TICKETS: IssuePath = ['data', 'tickets'];

/**
 * Tiered response times per department [seed 001, seed 004] under one plan version's settings:
 * the period's tickets (the scenario's `data.tickets`, `unit` = a department id) read once and
 * scored up to `asOf` (the scenario's, else the day after the period, 00:00 UTC) with the
 * version's calendar and tier tables, which the scenario's schema has already validated. Issues
 * are raised at the scenario's paths (`data.tickets…`, or under the version's `responseTimes`).
 * Returns the mechanism's result: per-unit mean scores.
 */
export function timeStage(context: SegmentContext, settings: PlanResponseTimes): ResponseTimesResult {
  const issues = new IssueList();
  const tickets = readTickets(context.data.tickets ?? [], TICKETS, issues);
  issues.throwIfAny();
  holdToPeriod(tickets!, settings, context.resolved.period.start, issues);
  issues.throwIfAny();
  const asOf = context.scenario.asOf ?? `${shiftDate(context.resolved.period.end, 1)}T00:00:00Z`;
  const run = { ...settings, asOf, detail: false, rounding: context.rounding };
  return scoreTickets(tickets!, run, { settings: [...context.versionPath, 'responseTimes'], tickets: TICKETS });
}

/** Midnight at the start of `date` (YYYY-MM-DD) in `timeZone`, as epoch ms. */
function startOfDay(date: string, timeZone: string): number {
  const clock = zoneClock(timeZone);
  const midnightUtc = epochDay(date) * DAY_MS;
  if (clock === undefined) return midnightUtc; // an unknown zone is refused by the calendar's own check
  return midnightUtc - clock.offsetAt(midnightUtc - clock.offsetAt(midnightUtc));
}

/**
 * Dated rows are held to the period (issue 17): a ticket opened before the period's first day
 * (midnight in the calendar's time zone) is refused with `OUT_OF_RANGE` at its own path, as
 * commissions and deductions dated outside the period are. A ticket opened after `asOf` is refused
 * by the mechanism itself; a response or resolution after `asOf` has not happened as of `asOf`,
 * and the ticket is measured as open up to it.
 */
function holdToPeriod(tickets: TicketTimes, settings: PlanResponseTimes, periodStart: string, issues: IssueList): void {
  const timeZone = settings.calendar?.timeZone ?? 'UTC';
  const start = startOfDay(periodStart, timeZone);
  const { rows, opened } = tickets;
  for (let i = 0; i < rows.length; i++) {
    if (opened[i]! < start)
      issues.add(
        'OUT_OF_RANGE',
        [...TICKETS, i, 'opened'],
        `opened ${rows[i]!.opened}, before the period starts on ${periodStart} (${timeZone})`,
      );
  }
}

/**
 * Per-person support measures (issue 19 §2): the tickets that name an `assignee`, scored per
 * person with the version's calendar and tier tables (as a department's are), and how many of
 * each person's were reopened [二次投诉]. Only read under `pool.scoreFrom: "supportCard"`.
 */
export function personTimeStage(context: SegmentContext, settings: PlanResponseTimes): Map<string, PersonTimes> {
  const all = context.data.tickets ?? [];
  const assigned = all.flatMap((ticket) =>
    ticket.assignee === undefined ? [] : [{ ...ticket, unit: ticket.assignee }],
  );
  const reopened = new Map<string, number>();
  for (const ticket of assigned)
    if (ticket.reopened === true) reopened.set(ticket.unit, (reopened.get(ticket.unit) ?? 0) + 1);
  const issues = new IssueList();
  const tickets = readTickets(assigned, TICKETS, issues);
  issues.throwIfAny();
  const asOf = context.scenario.asOf ?? `${shiftDate(context.resolved.period.end, 1)}T00:00:00Z`;
  const run = { ...settings, asOf, detail: false, rounding: context.rounding };
  const result = scoreTickets(tickets!, run, { settings: [...context.versionPath, 'responseTimes'], tickets: TICKETS });
  return new Map(result.units.map((times) => [times.unit, { times, reopened: reopened.get(times.unit) ?? 0 }]));
}

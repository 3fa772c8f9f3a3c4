import type * as z from 'zod/mini';
import { IssueList, type IssuePath } from '../core/errors.js';
import { readTickets, scoreTickets } from '../time/responseTimes.js';
import type { ResponseTimesResult } from '../time/types.js';
import type { SegmentContext } from './context.js';
import { shiftDate } from './dates.js';
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
  const asOf = context.scenario.asOf ?? `${shiftDate(context.resolved.period.end, 1)}T00:00:00Z`;
  const run = { ...settings, asOf, detail: false, rounding: context.rounding };
  return scoreTickets(tickets!, run, { settings: [...context.versionPath, 'responseTimes'], tickets: TICKETS });
}

import type * as z from 'zod/mini';
import { IssueList, type IssuePath } from '../core/errors.js';
import type { RoundingPolicy } from '../core/rounding.js';
import { readTickets, scoreTickets } from '../time/responseTimes.js';
import type { ResponseTimesResult } from '../time/types.js';
import type { ScenarioData } from './scenarioInput.js';
import type { planResponseTimesSchema } from './schema.js';

type PlanResponseTimes = z.output<typeof planResponseTimesSchema>;

/** Where the scenario keeps its tickets. */
const TICKETS: IssuePath = ['data', 'tickets'];

/**
 * Tiered response times per department [seed 001, seed 004] under one plan version's settings:
 * the period's tickets (the scenario's `data.tickets`, `unit` = a department id) read once and
 * scored up to `asOf` with the version's calendar and tier tables, which the scenario's schema has
 * already validated. Issues are raised at the scenario's paths (`data.tickets…`, or under `path`,
 * the version's `responseTimes`). Returns the mechanism's result: per-unit mean scores.
 */
export function timeStage(input: {
  readonly settings: PlanResponseTimes;
  /** Path of the version's `responseTimes` section in the scenario. */
  readonly path: IssuePath;
  readonly asOf: string;
  readonly tickets: NonNullable<ScenarioData['tickets']>;
  readonly rounding: RoundingPolicy;
}): ResponseTimesResult {
  const issues = new IssueList();
  const tickets = readTickets(input.tickets, TICKETS, issues);
  issues.throwIfAny();
  const run = { ...input.settings, asOf: input.asOf, detail: false, rounding: input.rounding };
  return scoreTickets(tickets!, run, { settings: input.path, tickets: TICKETS });
}

import type * as z from 'zod/mini';
import type { IssuePath } from '../core/errors.js';
import type { RoundingPolicy } from '../core/rounding.js';
import { scoreResponseTimes, type ResponseTimesResult } from '../time/scoreResponseTimes.js';
import { withScenarioPaths } from './repath.js';
import type { ScenarioData } from './scenarioInput.js';
import type { planResponseTimesSchema } from './schema.js';

type PlanResponseTimes = z.output<typeof planResponseTimesSchema>;

/**
 * Tiered response times per department [seed 001, seed 004] under one plan version's settings:
 * `scoreResponseTimes` over the period's tickets (the scenario's `data.tickets`, `unit` = a
 * department id), measured up to `asOf`, with the version's calendar and tier tables. The
 * mechanism's errors are re-pathed into the scenario (`data.tickets…`, `asOf`, or under
 * `path`, the version's `responseTimes`). Returns the mechanism's result: per-unit mean scores.
 */
export function timeStage(input: {
  readonly settings: PlanResponseTimes;
  /** Path of the version's `responseTimes` section in the scenario. */
  readonly path: IssuePath;
  readonly asOf: string;
  readonly tickets: NonNullable<ScenarioData['tickets']>;
  readonly rounding: RoundingPolicy;
}): ResponseTimesResult {
  const { settings, path } = input;
  return withScenarioPaths(
    () =>
      scoreResponseTimes({
        asOf: input.asOf,
        tickets: input.tickets,
        rounding: input.rounding,
        ...(settings.calendar === undefined ? {} : { calendar: settings.calendar }),
        ...(settings.response === undefined ? {} : { response: settings.response }),
        ...(settings.resolution === undefined ? {} : { resolution: settings.resolution }),
      }),
    (path2) => (path2[0] === 'tickets' ? ['data', ...path2] : path2[0] === 'asOf' ? ['asOf'] : [...path, ...path2]),
  );
}

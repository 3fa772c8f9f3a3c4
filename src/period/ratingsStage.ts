import type * as z from 'zod/mini';
import type { IssuePath } from '../core/errors.js';
import type { RoundingPolicy } from '../core/rounding.js';
import { scoreRatings, type ScoreRatingsResult } from '../ratings/scoreRatings.js';
import { withScenarioPaths } from './repath.js';
import type { ScenarioData } from './scenarioInput.js';
import type { planRatingsSchema } from './schema.js';

type PlanRatings = z.output<typeof planRatingsSchema>;

/**
 * Peripheral ratings with outlier review [周边绩效, 异常评分复核, seed 003] under one plan
 * version's settings: `scoreRatings` over the period's ratings and review decisions (the
 * scenario's `data.ratings`, `data.reviewDecisions`), raters and ratees being the org's people
 * and departments (`parties`). The mechanism's errors are re-pathed into the scenario. Returns
 * the mechanism's result: scores per ratee and period, and the flags awaiting review.
 */
export function ratingsStage(input: {
  readonly settings: PlanRatings;
  /** Path of the version's `ratings` section in the scenario. */
  readonly path: IssuePath;
  readonly ratings: NonNullable<ScenarioData['ratings']>;
  readonly decisions: NonNullable<ScenarioData['reviewDecisions']>;
  /** Every department, then every person, with their side. */
  readonly parties: { id: string; side: 'front' | 'middle' | 'back' }[];
  readonly rounding: RoundingPolicy;
}): ScoreRatingsResult {
  const { settings, path } = input;
  return withScenarioPaths(
    () =>
      scoreRatings({
        plan: { rounding: input.rounding, ...settings.settings },
        ratings: input.ratings,
        decisions: input.decisions,
        parties: input.parties,
        ...(settings.tasks === undefined ? {} : { tasks: settings.tasks }),
      }),
    (path2) => {
      const [head, ...rest] = path2;
      if (head === 'ratings') return ['data', 'ratings', ...rest];
      if (head === 'decisions') return ['data', 'reviewDecisions', ...rest];
      if (head === 'plan') return [...path, 'settings', ...rest];
      if (head === 'tasks') return [...path, 'tasks', ...rest];
      return ['org'];
    },
  );
}

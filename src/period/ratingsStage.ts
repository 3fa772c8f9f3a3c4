import type * as z from 'zod/mini';
import { IssueList, type IssuePath } from '../core/errors.js';
import type { RoundingPolicy } from '../core/rounding.js';
import { readRows } from '../core/rows.js';
import { ratingSchema, reviewDecisionSchema } from '../ratings/schema.js';
import { scoreRatingRows, type RatingRowsScores } from '../ratings/scoreRatings.js';
import type { RatingInput, RatingPartyInput, ReviewDecisionInput } from '../ratings/types.js';
import type { planRatingsSchema } from './schema.js';

type PlanRatings = z.output<typeof planRatingsSchema>;

/**
 * Peripheral ratings with outlier review [周边绩效, 异常评分复核, seed 003] under one plan
 * version's settings: the ratings mechanism over the period's ratings and review decisions (the
 * scenario's `data.ratings`, `data.reviewDecisions`, validated here row by row), raters and
 * ratees being the org's people and departments (`parties`). Issues are raised at the scenario's
 * paths. Returns the scores per ratee and period, and the flags awaiting review.
 */
export function ratingsStage(input: {
  readonly settings: PlanRatings;
  /** Path of the version's `ratings` section in the scenario. */
  readonly path: IssuePath;
  /** The scenario's `data.ratings` and `data.reviewDecisions`, as given: validated here. */
  readonly ratings: readonly unknown[];
  readonly decisions: readonly unknown[];
  /** Every department, then every person, with their side. */
  readonly parties: RatingPartyInput[];
  readonly rounding: RoundingPolicy;
  /** The ratees whose scores carry their trace (the run's result shows the departments'). */
  readonly traced: (ratee: string) => boolean;
}): RatingRowsScores {
  const { settings, path } = input;
  const issues = new IssueList();
  const ratings = readRows(ratingSchema, input.ratings, ['data', 'ratings'], issues) as RatingInput[];
  const decisions = readRows(reviewDecisionSchema, input.decisions, ['data', 'reviewDecisions'], issues);
  issues.throwIfAny();
  const roots = {
    ratings: ['data', 'ratings'],
    decisions: ['data', 'reviewDecisions'],
    plan: [...path, 'settings'],
    tasks: [...path, 'tasks'],
  };
  return scoreRatingRows({
    plan: { rounding: input.rounding, ...settings.settings },
    ratings,
    decisions: decisions as ReviewDecisionInput[],
    parties: input.parties,
    tasks: settings.tasks,
    traced: input.traced,
    // the parties are the org's people and departments: a repeated id is the org's to fix
    at: (list, ...rest) => (list === 'parties' ? ['org'] : [...roots[list], ...rest]),
  });
}

import type * as z from 'zod/mini';
import { Dec, roundTo } from '../core/decimal.js';
import type { IssuePath } from '../core/errors.js';
import { type RoundingPolicy } from '../core/rounding.js';
import { composeScore, type ScoredSubject } from '../scorecard/composeScore.js';
import type { ScorecardComponentInput } from '../scorecard/schema.js';
import { tallyPoints } from '../scorecard/tallyPoints.js';
import type { UnitResponseTimes } from '../time/types.js';
import type { InterlockRun } from './interlockStage.js';
import { withScenarioPaths } from './repath.js';
import type { ScenarioData } from './scenarioInput.js';
import type { planScorecardSchema } from './schema.js';

type PlanScorecard = z.output<typeof planScorecardSchema>;

/**
 * Seed 001's department scorecards for one segment: `composeScore` over every department, each
 * leaf scored from its source (`sources` in the plan, `data` by default) — the period data's
 * component scores, the department's peripheral rating, its mean response or resolution score,
 * its collaboration points (`tallyPoints` over `data.pointEntries`) or the mean of its interlock
 * indicator scores. Those scores come from the segment's earlier stages (ratings, response
 * times, interlock). Returns one scored subject per department, in org order; a card with a
 * coefficient map gives the department's own coefficient D.
 */
export function scorecardStage(input: {
  readonly card: PlanScorecard;
  /** Path of the version's `scorecard` section in the scenario. */
  readonly cardPath: IssuePath;
  readonly departments: readonly { readonly id: string }[];
  readonly pointEntries: NonNullable<ScenarioData['pointEntries']>;
  readonly rounding: RoundingPolicy;
  /** Scores of `data` leaves by `department \0 component`. */
  readonly componentScore: ReadonlyMap<string, string>;
  /** A party's scored peripheral rating, or `undefined`. */
  readonly ratingScore: (id: string) => string | undefined;
  /** Response-time scores by department id (empty when not scored). */
  readonly unitTimes: ReadonlyMap<string, UnitResponseTimes>;
  /** The segment's interlock run, or `undefined` without one. */
  readonly interlock: InterlockRun | undefined;
}): ScoredSubject[] {
  const { card, cardPath, departments, rounding } = input;
  const mode = rounding.mode;
  let points: Map<string, string> | undefined;
  if (Object.values(card.sources ?? {}).includes('points')) {
    const tallied = withScenarioPaths(
      () =>
        tallyPoints({
          entries: input.pointEntries,
          subjects: departments.map((department) => department.id),
          rounding,
          ...(card.points?.catalogue === undefined ? {} : { catalogue: card.points.catalogue }),
          ...(card.points?.scoring === undefined ? {} : { scoring: card.points.scoring }),
        }),
      (at) => (at[0] === 'entries' ? ['data', 'pointEntries', ...at.slice(1)] : [...cardPath, 'points', ...at]),
    );
    points = new Map(tallied.subjects.map((subject) => [subject.id, subject.score]));
  }
  const interlockScores = new Map<string, Dec[]>();
  for (const indicator of input.interlock?.settlement?.indicators ?? [])
    for (const party of indicator.parties) {
      const list = interlockScores.get(party.id) ?? [];
      list.push(new Dec(party.score));
      interlockScores.set(party.id, list);
    }
  const leafScore = (department: string, leaf: string): string | null => {
    const source = card.sources?.[leaf] ?? 'data';
    switch (source) {
      case 'data':
        return input.componentScore.get(`${department}\u0000${leaf}`) ?? null;
      case 'ratings':
        return input.ratingScore(department) ?? null;
      case 'responseTimes':
        return input.unitTimes.get(department)?.response?.meanScore ?? null;
      case 'resolutionTimes':
        return input.unitTimes.get(department)?.resolution?.meanScore ?? null;
      case 'points':
        return points?.get(department) ?? null;
      case 'interlock': {
        const list = interlockScores.get(department);
        if (list === undefined) return null;
        const mean = list.reduce((sum, value) => sum.plus(value), new Dec(0)).div(list.length);
        return roundTo(mean, rounding.scoreDecimals, mode).toFixed(rounding.scoreDecimals);
      }
    }
  };
  const leaves = leafIds(card.components);
  const composed = withScenarioPaths(
    () =>
      composeScore({
        components: card.components,
        ...(card.missing === undefined ? {} : { missing: card.missing }),
        ...(card.neutralScore === undefined ? {} : { neutralScore: card.neutralScore }),
        ...(card.coefficient === undefined ? {} : { coefficient: card.coefficient }),
        rounding,
        subjects: departments.map((department) => ({
          id: department.id,
          scores: Object.fromEntries(leaves.map((leaf) => [leaf, leafScore(department.id, leaf)])),
        })),
      }),
    (at) => (at[0] === 'subjects' ? ['data', 'componentScores'] : [...cardPath, ...at]),
  );
  const byId = new Map(composed.subjects.map((subject) => [subject.id, subject]));
  return departments.map((department) => byId.get(department.id)!);
}

/** The leaf ids of a scorecard, depth first. */
function leafIds(components: readonly ScorecardComponentInput[]): string[] {
  return components.flatMap((component) =>
    component.components === undefined ? [component.id] : leafIds(component.components),
  );
}

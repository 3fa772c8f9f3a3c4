import type * as z from 'zod/mini';
import { Dec, roundTo } from '../core/decimal.js';
import { IssueList } from '../core/errors.js';
import { type RoundingPolicy } from '../core/rounding.js';
import { compileCard, scoreSubject } from '../scorecard/composeScore.js';
import { tallyLedger } from '../scorecard/tallyPoints.js';
import type { ScorecardComponentInput, ScoredSubject } from '../scorecard/types.js';
import type { UnitResponseTimes } from '../time/types.js';
import type { InterlockRun } from './interlockStage.js';
import type { SegmentContext } from './context.js';
import type { planScorecardSchema } from './schema.js';

/** A plan version's `scorecard` section. */
export type PlanScorecard = z.output<typeof planScorecardSchema>;

/** The scores a card's leaves may come from: the period data's, and those of the segment's earlier stages. */
export interface LeafScores {
  /** Scores of `data` leaves by `department \0 component`. */
  readonly componentScore: ReadonlyMap<string, string>;
  /** A party's scored peripheral rating, or `undefined`. */
  readonly ratingScore: (id: string) => string | undefined;
  /** Response-time scores by department id (empty when not scored). */
  readonly unitTimes: ReadonlyMap<string, UnitResponseTimes>;
  /** The segment's interlock run, or `undefined` without one. */
  readonly interlock: InterlockRun | undefined;
}

/** Each department's collaboration-points score (`tallyPoints` over `data.pointEntries`), by id. */
function pointScores(context: SegmentContext, card: PlanScorecard): Map<string, string> {
  const issues = new IssueList();
  const subjects = context.scenario.org.departments.map(({ id }) => id);
  const ledger = { ...card.points, entries: context.data.pointEntries ?? [], subjects };
  const at = { entries: ['data', 'pointEntries'], plan: [...context.versionPath, 'scorecard', 'points'] };
  const tallied = tallyLedger(ledger, context.rounding, at, issues);
  issues.throwIfAny();
  return new Map(tallied!.subjects.map((subject) => [subject.id, subject.score]));
}

/** Each department's mean interlock indicator score, rounded to the score decimals. */
function interlockScores(interlock: InterlockRun | undefined, rounding: RoundingPolicy): Map<string, string> {
  const { scoreDecimals, mode } = rounding;
  const scores = new Map<string, Dec[]>();
  for (const indicator of interlock?.settlement?.indicators ?? [])
    for (const party of indicator.parties) {
      const list = scores.get(party.id) ?? scores.set(party.id, []).get(party.id)!;
      list.push(new Dec(party.score));
    }
  const mean = (list: Dec[]) => list.reduce((sum, value) => sum.plus(value), new Dec(0)).div(list.length);
  return new Map(
    [...scores].map(([id, list]) => [id, roundTo(mean(list), scoreDecimals, mode).toFixed(scoreDecimals)]),
  );
}

/**
 * Seed 001's department scorecards for one segment: every department scored on the card, each
 * leaf from its source (`sources` in the plan, `data` by default) — the period data's component
 * scores, the department's peripheral rating, its mean response or resolution score, its
 * collaboration points or the mean of its interlock indicator scores. Those scores come from the
 * segment's earlier stages (ratings, response times, interlock). Returns one scored subject per
 * department, in org order; a card with a coefficient map gives the department's own coefficient D.
 */
export function scorecardStage(context: SegmentContext, card: PlanScorecard, scores: LeafScores): ScoredSubject[] {
  const sources = card.sources ?? {};
  const points = Object.values(sources).includes('points') ? pointScores(context, card) : undefined;
  const interlock = Object.values(sources).includes('interlock')
    ? interlockScores(scores.interlock, context.rounding)
    : undefined;
  const leafScore = (department: string, leaf: string): string | undefined => {
    switch (sources[leaf] ?? 'data') {
      case 'data':
        return scores.componentScore.get(`${department}\u0000${leaf}`);
      case 'ratings':
        return scores.ratingScore(department);
      case 'responseTimes':
        return scores.unitTimes.get(department)?.response?.meanScore;
      case 'resolutionTimes':
        return scores.unitTimes.get(department)?.resolution?.meanScore;
      case 'points':
        return points?.get(department);
      case 'interlock':
        return interlock?.get(department);
    }
  };
  const issues = new IssueList();
  const { sources: _sources, points: _points, ...plain } = card;
  const compiled = compileCard({ ...plain, rounding: context.rounding }, [...context.versionPath, 'scorecard'], issues);
  issues.throwIfAny();
  const leaves = leafIds(card.components);
  const scored = context.scenario.org.departments.map(({ id }) => {
    const subject = Object.fromEntries(leaves.map((leaf) => [leaf, leafScore(id, leaf) ?? null]));
    return scoreSubject(compiled!, { id, scores: subject }, 0, () => ['data', 'componentScores'], issues);
  });
  issues.throwIfAny();
  return scored as ScoredSubject[];
}

/** The leaf ids of a scorecard, depth first. */
export function leafIds(components: readonly ScorecardComponentInput[]): string[] {
  return components.flatMap((component) =>
    component.components === undefined ? [component.id] : leafIds(component.components),
  );
}

import type { RatingsScores } from '../ratings/types.js';
import type { InterlockRun } from './interlockStage.js';
import type { ReviewItem } from './types.js';

/**
 * The result's review queue: every flagged rating still awaiting a decision [异常评分复核] and
 * every interlocked indicator that calls for a joint review [复盘] (a severe miss, or achievement
 * below the review threshold), each listed once however many distinct runs report it, then the
 * plausibility items (`plausibility.ts`). Inputs: the period's ratings runs and interlock runs
 * (from the segment stages) and the plausibility items. Ordered by kind, then code, then id.
 */
export function buildReviewQueue(
  ratingRuns: ReadonlyMap<string, RatingsScores>,
  interlockRuns: ReadonlyMap<string, InterlockRun>,
  plausible: readonly ReviewItem[],
): ReviewItem[] {
  const reviewQueue: ReviewItem[] = [...plausible];
  const queued = new Set<string>();
  for (const run of ratingRuns.values())
    for (const flag of run.flags) {
      if (flag.status !== 'pending' || queued.has(flag.rating)) continue;
      queued.add(flag.rating);
      reviewQueue.push({
        kind: 'rating',
        code: 'flaggedRating',
        id: flag.rating,
        subjects: [flag.ratee],
        reason: flag.reasons.map((reason) => `${reason.code} (${reason.rule}: ${reason.statistic})`).join('; '),
      });
    }
  const reviewed = new Set<string>();
  for (const run of interlockRuns.values())
    for (const indicator of run.settlement?.indicators ?? []) {
      if (!indicator.review || reviewed.has(indicator.id)) continue;
      reviewed.add(indicator.id);
      reviewQueue.push({
        kind: 'severeMiss',
        code: 'severeMiss',
        id: indicator.id,
        subjects: indicator.parties.map((party) => party.id),
        reason: `achievement ${indicator.achievement}${indicator.severeMiss ? ' below the severe-miss threshold [严重未达标]' : ' below the review threshold'}: joint review [复盘]`,
      });
    }
  reviewQueue.sort((a, b) => order(a.kind, b.kind) || order(a.code, b.code) || order(a.id, b.id));
  return reviewQueue;
}

/** Code-unit order of two strings. */
function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

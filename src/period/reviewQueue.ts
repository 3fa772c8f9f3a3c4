import type { RatingsScores } from '../ratings/types.js';
import type { InterlockRun } from './interlockStage.js';
import type { ReviewItem } from './types.js';

/**
 * The result's review queue: every flagged rating still awaiting a decision [异常评分复核] and
 * every interlocked indicator that calls for a joint review [复盘] (a severe miss, or achievement
 * below the review threshold), each listed once however many distinct runs report it. Inputs:
 * the period's ratings runs and interlock runs (from the segment stages). Ordered by kind, then id.
 */
export function buildReviewQueue(
  ratingRuns: ReadonlyMap<string, RatingsScores>,
  interlockRuns: ReadonlyMap<string, InterlockRun>,
): ReviewItem[] {
  const reviewQueue: ReviewItem[] = [];
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
  reviewQueue.sort((a, b) => (a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return reviewQueue;
}

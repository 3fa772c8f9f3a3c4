import { Dec, roundTo } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import { heldText } from '../core/held.js';
import type { RateeScore, RatingsScores } from '../ratings/types.js';
import type { UnitResponseTimes } from '../time/types.js';
import type { SegmentContext } from './context.js';
import { overlapDays } from './dates.js';
import type { PoolScoreSource, SupportCardComponent } from './types.js';

/** The support score chosen for one pool recipient, with where it came from and why. */
export interface PoolScoreChoice {
  /** The score as the source gives it (rounded to the score decimals by the share). */
  readonly value: DecimalInput;
  readonly source: PoolScoreSource;
  /** Whose score it is: the person's id or their department's id. */
  readonly subject: string;
  /** Why the plan's `scoreFrom` gave no score, or `null`. */
  readonly fallbackReason: string | null;
  /** Pending flagged ratings that may still change the score, by id. */
  readonly pending: readonly string[];
  /** Under `scoreFrom: "supportCard"`: the measures behind the score. */
  readonly components?: readonly SupportCardComponent[] | undefined;
}

/** What the pool's score choice reads of the segment's mechanisms. */
export interface PoolScoreSources {
  /** The period data's support scores by person or department id. */
  readonly supportScore: ReadonlyMap<string, DecimalInput>;
  /** The last rating score row of each ratee. */
  readonly rateeScores: ReadonlyMap<string, RateeScore>;
  /** The ratings run of the segment's version, or `undefined` without ratings. */
  readonly ratings: RatingsScores | undefined;
  /** Response-time scores by department id, or `undefined` when the version scores no tickets. */
  readonly unitTimes: ReadonlyMap<string, UnitResponseTimes> | undefined;
  /** Per person: their assigned tickets' scores and reopened count (under `scoreFrom: "supportCard"`). */
  readonly personTimes?: ReadonlyMap<string, PersonTimes> | undefined;
  /** Per person id: their target score under the segment's version (`null`: nothing measured). */
  readonly targetScore?: ((person: string) => string | null) | undefined;
}

/** A person's own support measures: the response-time scores of the tickets assigned to them, and how many were reopened. */
export interface PersonTimes {
  readonly times: UnitResponseTimes;
  readonly reopened: number;
}

/** A score from the plan's source, or why there is none. */
type Found =
  { value: string; source: PoolScoreSource; subject: string; components?: SupportCardComponent[] } | { reason: string };

/**
 * The person's support card [支撑效能评分]: Σ weight × measure ÷ Σ weight over the measures they
 * have — their assigned tickets' mean response and resolution scores, the reopen score
 * (1 − reopened / tickets) × 100, their own peripheral rating and their target score (seed
 * 004) — rounded to the score decimals.
 */
function fromSupportCard(context: SegmentContext, sources: PoolScoreSources, person: string): Found {
  const card = context.version.pool?.supportCard ?? {};
  const own = sources.personTimes?.get(person);
  const rating = sources.rateeScores.get(person);
  const { scoreDecimals, mode } = context.rounding;
  const measures: Record<SupportCardComponent['id'], string | null> = {
    response: own?.times.response?.meanScore ?? null,
    resolution: own?.times.resolution?.meanScore ?? null,
    reopen:
      own === undefined || own.times.tickets === 0
        ? null
        : roundTo(
            new Dec(1).minus(new Dec(own.reopened).div(own.times.tickets)).times(100),
            scoreDecimals,
            mode,
          ).toFixed(scoreDecimals),
    rating: rating?.status === 'scored' && rating.score !== null ? rating.score : null,
    targets: sources.targetScore?.(person) ?? null,
  };
  const components: SupportCardComponent[] = [];
  let sum = new Dec(0);
  let weights = new Dec(0);
  for (const id of ['response', 'resolution', 'reopen', 'rating', 'targets'] as const) {
    const weight = card[id];
    if (weight === undefined) continue;
    const score = measures[id];
    components.push({ id, weight: decimalText(weight), score });
    if (score === null) continue;
    sum = sum.plus(new Dec(decimalText(weight)).times(new Dec(score)));
    weights = weights.plus(new Dec(decimalText(weight)));
  }
  if (weights.isZero())
    return {
      reason: `"${person}" has none of the support card's measures (no assigned tickets, no rating, no measured target)`,
    };
  const value = roundTo(sum.div(weights), scoreDecimals, mode).toFixed(scoreDecimals);
  return { value, source: 'supportCard', subject: person, components };
}

const NONE: readonly string[] = Object.freeze([]);

/** Why a ratee has no peripheral score: not rated, or too few raters in a weighted dimension. */
function ratingGap(row: RateeScore | undefined, who: string): string {
  if (row === undefined) return `${who} has no peripheral rating`;
  const short = row.dimensions.filter((dimension) => dimension.status === 'insufficientRaters');
  const counts = short.map((dimension) => `${dimension.id}: ${dimension.raters} counted`).join(', ');
  return `too few raters for ${who}${counts === '' ? '' : ` (${counts})`}`;
}

/** The person's own peripheral score, else their department's (seed 003); or why neither has one. */
function fromRatings(sources: PoolScoreSources, person: string, department: string, version: string): Found {
  if (sources.ratings === undefined) return { reason: `plan version "${version}" has no ratings section` };
  const own = sources.rateeScores.get(person);
  if (own?.status === 'scored' && own.score !== null) return { value: own.score, source: 'rating', subject: person };
  const unit = sources.rateeScores.get(department);
  if (unit?.status === 'scored' && unit.score !== null)
    return { value: unit.score, source: 'departmentRating', subject: department };
  // A department's own score (a two-level pool's unit) has one reason, not two.
  if (person === department) return { reason: ratingGap(unit, `department "${department}"`) };
  return {
    reason: `${ratingGap(own, `"${person}"`)}, and ${ratingGap(unit, `department "${department}"`)}`,
  };
}

/** The department's mean response score, else its mean resolution score (seed 001); or why neither. */
function fromResponseTimes(sources: PoolScoreSources, department: string, version: string): Found {
  if (sources.unitTimes === undefined) return { reason: `plan version "${version}" has no responseTimes section` };
  const unit = sources.unitTimes.get(department);
  if (unit === undefined || unit.tickets === 0) return { reason: `no tickets for department "${department}"` };
  if (unit.response !== null)
    return { value: unit.response.meanScore, source: 'departmentResponseTimes', subject: department };
  if (unit.resolution !== null)
    return { value: unit.resolution.meanScore, source: 'departmentResolutionTimes', subject: department };
  return { reason: `department "${department}" has neither a response nor a resolution score` };
}

/**
 * Chooses each pool recipient's support score as `pool.scoreFrom` says — a peripheral rating, a
 * department's response-time score, or `data.supportScores` — falling back to
 * `data.supportScores` (the person's row, else their department's) with the reason when the
 * source has none; with the flagged ratings awaiting a decision that may still change it (under
 * `ratings`: the person's, and their department's unless the person's own score is used).
 * Returns a function of the person's id and department id; `{ reason }` when no score is found.
 */
export function poolScoreChooser(
  context: SegmentContext,
  sources: PoolScoreSources,
): (person: string, department: string) => PoolScoreChoice | { reason: string | null } {
  const scoreFrom = context.version.pool?.scoreFrom ?? 'supportScores';
  const version = context.segment.version;
  const pendingOf = new Map<string, string[]>();
  for (const flag of sources.ratings?.flags ?? [])
    if (flag.status === 'pending') pendingOf.set(flag.ratee, [...(pendingOf.get(flag.ratee) ?? []), flag.rating]);
  const pending = (person: string, department: string, ownUsed: boolean): readonly string[] => {
    if (scoreFrom !== 'ratings') return NONE;
    const ids = [...(pendingOf.get(person) ?? []), ...(ownUsed ? [] : (pendingOf.get(department) ?? []))];
    return ids.length === 0 ? NONE : [...new Set(ids)].sort();
  };
  return (person, department) => {
    const found: Found =
      scoreFrom === 'ratings'
        ? fromRatings(sources, person, department, version)
        : scoreFrom === 'responseTimes'
          ? fromResponseTimes(sources, department, version)
          : scoreFrom === 'supportCard'
            ? fromSupportCard(context, sources, person)
            : { reason: '' };
    if ('value' in found)
      return { ...found, fallbackReason: null, pending: pending(person, department, found.source === 'rating') };
    // Held with the choice until the statement is written: stored flat (core/held.ts).
    const fallbackReason = found.reason === '' ? null : heldText(found.reason);
    const own = sources.supportScore.get(person);
    const subject = own === undefined ? department : person;
    const value = own ?? sources.supportScore.get(department);
    if (value === undefined) return { reason: fallbackReason };
    return { value, source: 'supportScores', subject, fallbackReason, pending: pending(person, department, false) };
  };
}

/** The basis of a pool award in words: "one share", "FTE 1", "30 days employed in segment v1 (…)". */
export function basisWords(
  context: SegmentContext,
  basis: 'one' | 'fte' | 'days',
  start: string | undefined,
  end: string | undefined,
): string {
  const segment = context.segment;
  const where = `segment ${segment.version} (${segment.start} … ${segment.end})`;
  const days = overlapDays(start ?? segment.start, end ?? segment.end, segment.start, segment.end);
  if (days === 0) return `not employed in ${where}: no share`;
  // The period run gives no FTE: every recipient counts as full-time.
  if (basis === 'fte') return 'FTE 1';
  if (basis === 'one') return 'one share';
  return `${days} day${days === 1 ? '' : 's'} employed in ${where}`;
}

import { Dec, roundTo } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { parseRatingsInput } from './parse.js';
import {
  analyseRatings,
  FLAG_HIGH,
  FLAG_LOW,
  FLAG_STAT,
  REASON_NAMES,
  REJECTED,
  STATUS_NAMES,
  type OutcomeReason,
  type RatingsAnalysis,
  type RatingStatus,
} from './analyse.js';
import { reviewRatingsInputSchema, type ReviewRatingsInput } from './schema.js';
import { MEAN_DEVIATION_CONSTANT, Z_CONSTANT } from './settings.js';
import { median2, medianOfOthers2, type GroupTest } from './statistics.js';

/** Why a rating was flagged. */
export type FlagCode = 'extremeLow' | 'extremeHigh' | 'modifiedZ' | 'meanDeviation' | 'leaveOneOut';

/** One reason a rating was flagged, with the statistic and the bounds it broke. */
export interface FlagReason {
  /** `extremeLow`/`extremeHigh` (plan bounds), `modifiedZ`, `meanDeviation` (MAD = 0 fallback) or `leaveOneOut`. */
  readonly code: FlagCode;
  /** The test in words, e.g. `"|M| > 3.5"`. */
  readonly rule: string;
  /**
   * The statistic: the score for extremes; M (rounded to the coefficient decimals) for the
   * z-scores; x − median(others) for leave-one-out. The flag decision itself is exact.
   */
  readonly statistic: string;
  /** The lower bound of the test (`null` when it has none). */
  readonly low: string | null;
  /** The upper bound of the test (`null` when it has none). */
  readonly high: string | null;
  /** The group median (median of the others for leave-one-out); `null` for extremes. */
  readonly median: string | null;
  /** MAD (modifiedZ) or the mean absolute deviation (meanDeviation, rounded); `null` otherwise. */
  readonly spread: string | null;
}

/** A review decision as applied. */
export interface AppliedDecision {
  readonly action: 'keep' | 'drop' | 'adjust';
  readonly reviewer: string;
  readonly note: string;
  /** The corrected score for `adjust`, else `null`. */
  readonly score: string | null;
}

/** A rating flagged for review [异常评分复核]: the review queue entry. */
export interface RatingFlag {
  readonly rating: string;
  readonly rater: string;
  readonly ratee: string;
  readonly dimension: string;
  readonly period: string | null;
  /** The score as given. */
  readonly score: string;
  /** Accepted ratings in the (ratee, dimension, period) group. */
  readonly groupSize: number;
  /** Every reason, extremes first. */
  readonly reasons: FlagReason[];
  /** `pending` until a decision is given, then `kept`, `dropped` or `adjusted`. */
  readonly status: 'pending' | 'kept' | 'dropped' | 'adjusted';
  readonly decision: AppliedDecision | null;
}

/** What became of one input rating. */
export interface RatingOutcome {
  /** The rating's id. */
  readonly id: string;
  readonly rater: string;
  readonly ratee: string;
  readonly dimension: string;
  readonly period: string | null;
  readonly status: RatingStatus;
  readonly reason: OutcomeReason;
  /** Whether the rating enters the score (counted, adjusted, or pending when the plan includes pending). */
  readonly included: boolean;
}

/** How many ratings ended in each status. */
export interface RatingCounts {
  readonly ratings: number;
  readonly counted: number;
  readonly pending: number;
  readonly dropped: number;
  readonly adjusted: number;
  readonly rejected: number;
  /** Ratings flagged for review (pending + decided). */
  readonly flagged: number;
  /** Ratings that enter the score. */
  readonly included: number;
}

/** The plan settings in force, resolved, as strings. */
export interface RatingSettingsUsed {
  readonly scale: { readonly min: string; readonly max: string };
  readonly extremes: { readonly low: string | null; readonly high: string | null };
  readonly modifiedZ: {
    readonly minGroupSize: number;
    readonly threshold: string;
    readonly constant: string;
    readonly meanDeviationConstant: string;
  };
  readonly leaveOneOut: { readonly minGroupSize: number; readonly delta: string };
  readonly minRaters: number;
  readonly includePending: boolean;
  readonly untaskedRatings: 'reject' | 'accept';
  readonly leniencyMinRatees: number | null;
}

/** A note that does not stop the calculation (e.g. more than 4 dimensions). */
export interface RatingWarning {
  readonly code: string;
  readonly message: string;
}

/** Result of {@link reviewRatings}. */
export interface ReviewRatingsResult {
  /** The review queue, ordered by (ratee, period, dimension, rater) ids. */
  readonly flags: RatingFlag[];
  /**
   * One outcome per input rating, ordered by (ratee, period, dimension, rater) ids — a unique key,
   * since one rater rates a ratee once per dimension and period.
   */
  readonly outcomes: RatingOutcome[];
  readonly counts: RatingCounts;
  readonly warnings: RatingWarning[];
  readonly settings: RatingSettingsUsed;
}

/**
 * Flags extreme and deviating peripheral ratings for review [异常评分复核, seed 003], applies the
 * review decisions given, and says for every rating whether it counts, is pending, was dropped,
 * adjusted or rejected — and why.
 *
 * Ratings are first rejected when a rater rates themselves or (with a RACI matrix) when the
 * rater is not a front-line party of the rating's task or the ratee not a supporting party of it.
 * The rest are judged per (ratee, dimension, period) group of n ratings:
 * - absolute extremes: score ≤ `extremes.low` or ≥ `extremes.high` (off by default);
 * - n ≥ 5: modified z-score, flag |M| > 3.5;
 * - 3 ≤ n ≤ 4: leave-one-out, flag |x − median(others)| ≥ Δ (default 0.4 × scale span);
 * - n ≤ 2: no statistical test.
 * Statistics are computed on the ratings as given; decisions never change other flags.
 *
 * **Formula.** Mᵢ = 0.6745 · (xᵢ − median) / MAD, MAD = median |xⱼ − median|. When MAD = 0:
 * Mᵢ = (xᵢ − median) / (1.253314 · meanAD), meanAD = Σ|xⱼ − median| / n; when that is 0 too,
 * nothing deviates. Every flag decision is exact (integer arithmetic on the scaled scores); the
 * reported M is rounded to the coefficient decimals.
 *
 * **References.** Seed 003 (周边绩效, 异常评分复核, 责任矩阵联动); B. Iglewicz and D. Hoaglin,
 * *How to Detect and Handle Outliers* (1993); SPEC §3.3.
 *
 * @param input - `ratings` (`id`, `rater`, `ratee`, `dimension`, `score`, optional `period`,
 *   `task`), optional `decisions` (`rating`, `action` keep | drop | adjust, `reviewer`, `note`,
 *   `score` for adjust), optional `parties` (`id`, `side`), optional `tasks` (RACI), optional
 *   `plan` (see {@link ratingPlanSchema}).
 * @returns The review queue (`flags`), one `outcomes` row per rating, `counts`, `warnings`, and
 *   the `settings` used.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `NEGATIVE_VALUE`,
 *   `OUT_OF_RANGE` (score off the scale, Δ ≤ 0, scale max ≤ min), `DUPLICATE_ID`,
 *   `DUPLICATE_RATING`, `UNKNOWN_REFERENCE`, `WEIGHTS_DO_NOT_SUM`, `INVALID_RACI_MATRIX`,
 *   `DECISION_NOT_FLAGGED`.
 *
 * @example
 * ```ts
 * import { reviewRatings } from 'synergy-pay';
 * const ratings = [85, 88, 90, 82, 86, 20].map((score, i) => ({
 *   id: `r${i}`, rater: `sales-${i}`, ratee: 'it', dimension: 'speed', score,
 * }));
 * const { flags } = reviewRatings({ ratings });
 * // flags: one entry, rating "r5" (score 20), reason modifiedZ, statistic "-14.7266"
 * ```
 */
export function reviewRatings(input: ReviewRatingsInput): ReviewRatingsResult {
  const parsed = parseRatingsInput(reviewRatingsInputSchema, input);
  return reviewResult(analyseRatings(parsed));
}

/** Formats the review part of a result from an analysis. */
export function reviewResult(analysis: RatingsAnalysis): ReviewRatingsResult {
  return {
    flags: describeFlags(analysis),
    outcomes: describeOutcomes(analysis),
    counts: countOutcomes(analysis),
    warnings: analysis.warnings.map((warning) => ({ ...warning })),
    settings: describeSettings(analysis),
  };
}

function describeOutcomes(analysis: RatingsAnalysis): RatingOutcome[] {
  const { order, status, reason, included } = analysis;
  const ratings = analysis.input.ratings;
  const outcomes = new Array<RatingOutcome>(order.length);
  for (let p = 0; p < order.length; p++) {
    const i = order[p] as number;
    const rating = ratings[i] as (typeof ratings)[number];
    outcomes[p] = {
      id: rating.id,
      rater: rating.rater,
      ratee: rating.ratee,
      dimension: rating.dimension,
      period: rating.period ?? null,
      status: STATUS_NAMES[status[i] as number] as RatingStatus,
      reason: REASON_NAMES[reason[i] as number] as OutcomeReason,
      included: included[i] === 1,
    };
  }
  return outcomes;
}

function countOutcomes(analysis: RatingsAnalysis): RatingCounts {
  const tally = [0, 0, 0, 0, 0];
  let flagged = 0;
  let included = 0;
  const n = analysis.status.length;
  for (let i = 0; i < n; i++) {
    (tally[analysis.status[i] as number] as number)++;
    if (analysis.flags[i] !== 0 && analysis.status[i] !== REJECTED) flagged++;
    included += analysis.included[i] as number;
  }
  return {
    ratings: n,
    counted: tally[0] as number,
    pending: tally[1] as number,
    dropped: tally[2] as number,
    adjusted: tally[3] as number,
    rejected: tally[4] as number,
    flagged,
    included,
  };
}

function describeSettings(analysis: RatingsAnalysis): RatingSettingsUsed {
  const s = analysis.settings;
  return {
    scale: { min: s.scaleMin.toFixed(), max: s.scaleMax.toFixed() },
    extremes: {
      low: s.extremeLow === null ? null : s.extremeLow.toFixed(),
      high: s.extremeHigh === null ? null : s.extremeHigh.toFixed(),
    },
    modifiedZ: {
      minGroupSize: s.zMinSize,
      threshold: s.zThreshold.toFixed(),
      constant: Z_CONSTANT,
      meanDeviationConstant: MEAN_DEVIATION_CONSTANT,
    },
    leaveOneOut: { minGroupSize: s.looMinSize, delta: s.looDelta.toFixed() },
    minRaters: s.minRaters,
    includePending: s.includePending,
    untaskedRatings: s.untaskedRatings,
    leniencyMinRatees: s.leniencyMinRatees,
  };
}

function describeFlags(analysis: RatingsAnalysis): RatingFlag[] {
  const { order, flags, status, groups, scaled, places } = analysis;
  const { ratings } = analysis.input;
  const decisions = analysis.input.decisions ?? [];
  const settings = analysis.settings;
  const unit = new Dec(10).pow(places);
  const toDec = (value: number): Dec => new Dec(value).div(unit);
  const low = settings.extremeLow === null ? null : settings.extremeLow.toFixed();
  const high = settings.extremeHigh === null ? null : settings.extremeHigh.toFixed();
  const result: RatingFlag[] = [];
  for (const group of groups) {
    const flagged: number[] = [];
    for (let p = group.start; p < group.end; p++) {
      const i = order[p] as number;
      if (flags[i] !== 0 && status[i] !== REJECTED) flagged.push(i);
    }
    if (flagged.length === 0) continue;
    // `order` lists a group's ratings by rater id, whatever the input order
    const sorted = new Float64Array(group.size);
    let k = 0;
    for (let p = group.start; p < group.end; p++) {
      const member = order[p] as number;
      if (status[member] !== REJECTED) sorted[k++] = scaled[member] as number;
    }
    sorted.sort();
    const stats = groupStatistics(group.test, sorted);
    for (const i of flagged) {
      const bits = flags[i] as number;
      const rating = ratings[i] as (typeof ratings)[number];
      const reasons: FlagReason[] = [];
      const scoreText = decimalText(rating.score);
      if ((bits & FLAG_LOW) !== 0)
        reasons.push({
          code: 'extremeLow',
          rule: `score ≤ ${low}`,
          statistic: scoreText,
          low,
          high,
          median: null,
          spread: null,
        });
      if ((bits & FLAG_HIGH) !== 0)
        reasons.push({
          code: 'extremeHigh',
          rule: `score ≥ ${high}`,
          statistic: scoreText,
          low,
          high,
          median: null,
          spread: null,
        });
      if ((bits & FLAG_STAT) !== 0)
        reasons.push(statisticalReason(group.test, sorted, stats, scaled[i] as number, toDec, analysis));
      const d = analysis.decisionOf[i] as number;
      const decision = d === -1 ? null : (decisions[d] as (typeof decisions)[number]);
      result.push({
        rating: rating.id,
        rater: rating.rater,
        ratee: rating.ratee,
        dimension: rating.dimension,
        period: rating.period ?? null,
        score: scoreText,
        groupSize: group.size,
        reasons,
        status:
          decision === null
            ? 'pending'
            : decision.action === 'keep'
              ? 'kept'
              : decision.action === 'drop'
                ? 'dropped'
                : 'adjusted',
        decision:
          decision === null
            ? null
            : {
                action: decision.action,
                reviewer: decision.reviewer,
                note: decision.note,
                score: decision.action === 'adjust' ? decimalText(decision.score) : null,
              },
      });
    }
  }
  return result;
}

/** A group's median (doubled), MAD (×4) and Σ|x − median| (×2), as exact integers. */
interface GroupStatistics {
  readonly median2: number;
  readonly mad4: number;
  readonly deviationSum2: bigint;
}

function groupStatistics(test: GroupTest, sorted: Float64Array): GroupStatistics {
  const n = sorted.length;
  if (test === 'leaveOneOut' || test === 'none') return { median2: 0, mad4: 0, deviationSum2: 0n };
  const med2 = median2(sorted, n);
  const deviations = new Float64Array(n);
  let sum = 0n;
  for (let j = 0; j < n; j++) {
    const dev2 = Math.abs(2 * (sorted[j] as number) - med2);
    deviations[j] = dev2;
    sum += BigInt(dev2);
  }
  deviations.sort();
  return { median2: med2, mad4: median2(deviations, n), deviationSum2: sum };
}

function statisticalReason(
  test: GroupTest,
  sorted: Float64Array,
  stats: GroupStatistics,
  x: number,
  toDec: (value: number) => Dec,
  analysis: RatingsAnalysis,
): FlagReason {
  const { settings } = analysis;
  const { mode, coefficientDecimals } = settings.rounding;
  const n = sorted.length;
  const threshold = settings.zThreshold.toFixed();
  if (test === 'leaveOneOut') {
    const others = toDec(medianOfOthers2(sorted, n, x)).div(2);
    const delta = settings.looDelta.toFixed();
    return {
      code: 'leaveOneOut',
      rule: `|x − median(others)| ≥ ${delta}`,
      statistic: toDec(x).minus(others).toFixed(),
      low: settings.looDelta.negated().toFixed(),
      high: delta,
      median: others.toFixed(),
      spread: null,
    };
  }
  const median = toDec(stats.median2).div(2);
  const difference = toDec(x).minus(median);
  if (test === 'modifiedZ') {
    const mad = toDec(stats.mad4).div(4);
    return {
      code: 'modifiedZ',
      rule: `|M| > ${threshold}, M = ${Z_CONSTANT} × (x − median) / MAD`,
      statistic: roundTo(difference.times(Z_CONSTANT).div(mad), coefficientDecimals, mode).toFixed(),
      low: settings.zThreshold.negated().toFixed(),
      high: threshold,
      median: median.toFixed(),
      spread: mad.toFixed(),
    };
  }
  const meanDeviation = new Dec(stats.deviationSum2.toString()).div(new Dec(10).pow(analysis.places)).div(2 * n);
  return {
    code: 'meanDeviation',
    rule: `|M| > ${threshold}, M = (x − median) / (${MEAN_DEVIATION_CONSTANT} × meanAD) (MAD = 0)`,
    statistic: roundTo(
      difference.div(meanDeviation.times(MEAN_DEVIATION_CONSTANT)),
      coefficientDecimals,
      mode,
    ).toFixed(),
    low: settings.zThreshold.negated().toFixed(),
    high: threshold,
    median: median.toFixed(),
    spread: roundTo(meanDeviation, coefficientDecimals, mode).toFixed(),
  };
}

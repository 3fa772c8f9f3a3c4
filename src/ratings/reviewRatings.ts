import { Dec, roundTo } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { analyseRatings, FLAG_HIGH, FLAG_LOW, FLAG_STAT, REASONS, type RatingsAnalysis } from './analyse.js';
import { parseRatings } from './parse.js';
import { reviewRatingsInputSchema } from './schema.js';
import { MEAN_DEVIATION_CONSTANT, Z_CONSTANT } from './settings.js';
import { deviations, deviationSum, GroupScores, median2, medianOfOthers2, type GroupTest } from './statistics.js';
import type * as T from './types.js';

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
 *   `plan` (see {@link T.RatingPlanInput}).
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
export function reviewRatings(input: T.ReviewRatingsInput): T.ReviewRatingsResult {
  return reviewResult(analyseRatings(parseRatings(reviewRatingsInputSchema, input)));
}

/** The review part of a result: flags, one outcome per rating, counts, warnings, settings. */
export function reviewResult(analysis: RatingsAnalysis): T.ReviewRatingsResult {
  const { order, reason, included, run, flags } = analysis;
  const outcomes = new Array<T.RatingOutcome>(order.length);
  const byReason = new Int32Array(REASONS.length);
  let [flagged, counted] = [0, 0];
  for (let p = 0; p < order.length; p++) {
    const i = order[p]!;
    const rating = run.ratings[i]!;
    const code = reason[i]!;
    outcomes[p] = {
      id: rating.id,
      rater: rating.rater,
      ratee: rating.ratee,
      dimension: rating.dimension,
      period: rating.period ?? null,
      status: REASON_STATUS[code]!,
      reason: REASON_NAME[code]!,
      included: included[i] === 1,
    };
    byReason[code]!++;
    flagged += flags[i] === 0 ? 0 : 1; // only accepted ratings carry flags
    counted += included[i]!;
  }
  const tally = { counted: 0, pending: 0, dropped: 0, adjusted: 0, rejected: 0, flagged, included: counted };
  byReason.forEach((count, code) => (tally[REASON_STATUS[code]!] += count));
  const counts = { ratings: order.length, ...tally };
  const warnings = analysis.warnings.map((warning) => ({ ...warning }));
  return { flags: describeFlags(analysis), outcomes, counts, warnings, settings: analysis.settings.used };
}

/** Each reason code's name and the status it implies (see {@link REASONS}). */
const REASON_NAME = /* @__PURE__ */ REASONS.map(([name]) => name);
const REASON_STATUS = /* @__PURE__ */ REASONS.map(([, status]) => status);

/** The review queue: every flagged rating (only accepted ones are), in outcome order, with its reasons and decision. */
export function describeFlags(analysis: RatingsAnalysis): T.RatingFlag[] {
  const { order, flags, reason, scaled, settings } = analysis;
  const { low, high } = settings.used.extremes;
  const extreme = (code: T.FlagCode, rule: string, statistic: string): T.FlagReason => {
    return { code, rule, statistic, low, high, median: null, spread: null };
  };
  const result: T.RatingFlag[] = [];
  const members = new GroupScores();
  for (const group of analysis.groups) {
    let flagged = false;
    for (let p = group.start; p < group.end && !flagged; p++) flagged = flags[order[p]!] !== 0;
    if (!flagged) continue;
    members.collect(order, group.start, group.end, reason, scaled);
    let statistical: ((x: number) => T.FlagReason) | undefined;
    for (const i of members.members.subarray(0, members.size)) {
      if (flags[i] === 0) continue;
      const score = decimalText(analysis.run.ratings[i]!.score);
      const reasons: T.FlagReason[] = [];
      if ((flags[i]! & FLAG_LOW) !== 0) reasons.push(extreme('extremeLow', `score ≤ ${low}`, score));
      if ((flags[i]! & FLAG_HIGH) !== 0) reasons.push(extreme('extremeHigh', `score ≥ ${high}`, score));
      if ((flags[i]! & FLAG_STAT) !== 0) {
        statistical ??= statisticalReasons(analysis, group.test, members);
        reasons.push(statistical(scaled[i]!));
      }
      result.push(describeFlag(analysis, i, group.size, score, reasons));
    }
  }
  return result;
}

const DECIDED = { keep: 'kept', drop: 'dropped', adjust: 'adjusted' } as const;

function describeFlag(
  analysis: RatingsAnalysis,
  i: number,
  groupSize: number,
  score: string,
  reasons: T.FlagReason[],
): T.RatingFlag {
  const { id, rater, ratee, dimension, period } = analysis.run.ratings[i]!;
  const d = analysis.decisionOf[i]!;
  const decision = d === -1 ? undefined : analysis.run.decisions[d]!;
  const applied = decision && {
    ...{ action: decision.action, reviewer: decision.reviewer, note: decision.note },
    score: decision.action === 'adjust' ? decimalText(decision.score) : null,
  };
  const status = decision === undefined ? 'pending' : DECIDED[decision.action];
  return {
    rating: id,
    rater,
    ratee,
    dimension,
    period: period ?? null,
    score,
    groupSize,
    reasons,
    status,
    decision: applied ?? null,
  };
}

/**
 * The statistical reason of each flag in a group (`scores`: its accepted scores, collected): M for the
 * z tests, x − median(others) for leave-one-out. Figures shared by the group are stated once.
 */
function statisticalReasons({ settings, places }: RatingsAnalysis, test: GroupTest, scores: GroupScores) {
  const { sorted, scratch, size: n } = scores;
  const { mode, coefficientDecimals } = settings.rounding;
  const unit = new Dec(10).pow(places);
  // A scaled score (a whole number) is read exactly as value × 10^-places, without a division.
  const toDec = (value: number | bigint): Dec =>
    typeof value === 'bigint' || Number.isSafeInteger(value)
      ? new Dec({ n: BigInt(value), scale: places })
      : new Dec(value.toString()).div(unit);
  if (test === 'leaveOneOut') {
    const [high, low] = [settings.used.leaveOneOut.delta, settings.delta.negated().toFixed()];
    return (x: number): T.FlagReason => {
      const others = toDec(medianOfOthers2(sorted, n, x)).div(2);
      const statistic = toDec(x).minus(others).toFixed();
      const rule = `|x − median(others)| ≥ ${high}`;
      return { code: test, rule, statistic, low, high, median: others.toFixed(), spread: null };
    };
  }
  const med2 = median2(sorted, n);
  const mad4 = deviations(sorted, n, med2, scratch);
  const median = toDec(med2).div(2);
  const z = test === 'modifiedZ';
  const spread = z ? toDec(mad4).div(4) : toDec(deviationSum(scratch, n)).div(2 * n);
  const [high, low] = [settings.used.modifiedZ.threshold, settings.threshold.negated().toFixed()];
  const rule = z
    ? `|M| > ${high}, M = ${Z_CONSTANT} × (x − median) / MAD`
    : `|M| > ${high}, M = (x − median) / (${MEAN_DEVIATION_CONSTANT} × meanAD) (MAD = 0)`;
  const [medianText, spreadText] = [
    median.toFixed(),
    (z ? spread : roundTo(spread, coefficientDecimals, mode)).toFixed(),
  ];
  return (x: number): T.FlagReason => {
    const difference = toDec(x).minus(median);
    const m = z ? difference.times(Z_CONSTANT).div(spread) : difference.div(spread.times(MEAN_DEVIATION_CONSTANT));
    const statistic = roundTo(m, coefficientDecimals, mode).toFixed();
    const code = z ? 'modifiedZ' : 'meanDeviation';
    return { code, rule, statistic, low, high, median: medianText, spread: spreadText };
  };
}

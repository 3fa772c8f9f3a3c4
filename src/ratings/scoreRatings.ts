import { Dec } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { ExactSum, ExactSums } from '../core/exact.js';
import { parseFixed, rescale } from '../core/fixed.js';
import { heldList } from '../core/held.js';
import { compareIds } from '../core/ids.js';
import { formatMinor, pow10 } from '../core/money.js';
import { divideRounded } from '../core/rounding.js';
import { NO_TRACE, traceStep, type TraceStep } from '../core/trace.js';
import { analyseRatings, type RatingGroup, type RatingsAnalysis, type RatingsRun } from './analyse.js';
import { parseRatings } from './parse.js';
import { describeFlags, reviewResult } from './reviewRatings.js';
import { scoreRatingsInputSchema } from './schema.js';
import type * as T from './types.js';

/**
 * Scores supporting parties from their internal customers' ratings [周边绩效, seed 003]: reviews
 * the ratings as {@link reviewRatings} does, then per ratee and dimension takes the mean of the
 * included ratings and weights the dimensions into one peripheral score.
 *
 * Included ratings: unflagged and kept ones, adjusted ones at their corrected score, and pending
 * ones only when `plan.includePending` is set. A dimension with fewer than `plan.minRaters`
 * (default 3) included raters gets status `insufficientRaters` and no mean, and so does the
 * ratee when that dimension has a positive weight. Self-ratings and ratings breaking the RACI
 * matrix are rejected (see the outcomes). With `plan.leniency`, each rater with at least
 * `minRatees` ratees in a dimension has their scores shifted by (overall mean − rater mean), and
 * a dimension mean that the shifts carry off the scale is held to it (traced as such).
 *
 * **Formula.** mean_d = Σ included scores / n_d, rounded to the score decimals;
 * score = Σ_d w_d · mean_d (Σ w_d = 1), rounded to the score decimals. Leniency:
 * x' = x + (round(mean_all) − round(mean_rater)).
 *
 * **References.** Seed 003 (周边绩效: 3–4 simple dimensions, weight 10–20 % of a back-office
 * result; 异常评分复核); SPEC §3.3.
 *
 * @param input - As {@link reviewRatings}, with `plan.dimensions` (`id`, `weight`) required.
 * @returns The review (`flags`, `outcomes`, `counts`, `warnings`, `settings`), the `scores` per
 *   ratee and period with their trace, and the `leniency` shifts applied.
 * @throws {@link SynergyPayError} as {@link reviewRatings}; `WEIGHTS_DO_NOT_SUM` when the
 *   dimension weights do not sum to 1.
 *
 * @example
 * ```ts
 * import { scoreRatings } from 'synergy-pay';
 * const ratings = ['sales-a', 'sales-b', 'sales-c'].flatMap((rater, i) => [
 *   { id: `${rater}-speed`, rater, ratee: 'it', dimension: 'speed', score: 80 + i },
 *   { id: `${rater}-quality`, rater, ratee: 'it', dimension: 'quality', score: 90 },
 * ]);
 * const { scores } = scoreRatings({
 *   ratings,
 *   plan: { dimensions: [{ id: 'speed', weight: '0.6' }, { id: 'quality', weight: '0.4' }] },
 * });
 * // scores[0]: { ratee: 'it', status: 'scored', score: '84.60', … } (0.6 × 81 + 0.4 × 90)
 * ```
 */
export function scoreRatings(input: T.ScoreRatingsInput): T.ScoreRatingsResult {
  const run = parseRatings(scoreRatingsInputSchema, input);
  const analysis = analyseRatings(run);
  return { ...reviewResult(analysis), ...scoreAnalysis(analysis, run.plan.dimensions) };
}

/**
 * The period run's entry (internal): scores a run of rows the caller has validated, raising every
 * issue at the caller's paths (`run.at`), and returns only what the run reads — the review queue
 * and the scores, not one outcome per rating. Only the scores of the ratees `traced` accepts carry
 * their trace (every score's when omitted): a period run's result shows its departments' scores,
 * and its people's only as the figures their statements use — 400,000 traces at a million people
 * that no one would read.
 */
export function scoreRatingRows(
  run: RatingsRun & { readonly plan: T.ScoringPlanInput; readonly traced?: (ratee: string) => boolean },
): RatingRowsScores {
  const analysis = analyseRatings(run);
  const { scores } = scoreAnalysis(analysis, run.plan.dimensions, run.traced);
  const { reason, included } = analysis;
  return { flags: describeFlags(analysis), scores, rows: { reason, included, short: shortRatings(analysis, scores) } };
}

/** The period run's ratings: the review queue and the scores, and what became of each input rating (for its input ledger). */
export interface RatingRowsScores extends T.RatingsScores {
  readonly rows: {
    /** Per input rating: its outcome reason, an index into `REASONS` (analyse.ts). */
    readonly reason: Uint8Array;
    /** Per input rating: 1 when it enters its dimension's mean. */
    readonly included: Uint8Array;
    /** Per input rating: 1 when it was included but its ratee got no score from it (a dimension below `minRaters`). */
    readonly short: Uint8Array;
  };
}

/**
 * Marks the included ratings that feed no score: those of a dimension with too few raters, and
 * every included rating of a (ratee, period) left unscored for that reason. The groups of one
 * (ratee, period) are adjacent and `scores` has one row per such run, in the same order.
 */
function shortRatings({ groups, order, included, dimensions }: RatingsAnalysis, scores: readonly T.RateeScore[]) {
  const short = new Uint8Array(included.length);
  let g = 0;
  for (const score of scores) {
    const head = groups[g]!;
    for (; groups[g]?.ratee === head.ratee && groups[g]!.period === head.period; g++) {
      const group = groups[g]!;
      const dimension = score.dimensions.find((row) => row.id === dimensions[group.dimension]);
      if (score.status !== 'insufficientRaters' && dimension?.status !== 'insufficientRaters') continue;
      for (let p = group.start; p < group.end; p++) if (included[order[p]!] === 1) short[order[p]!] = 1;
    }
  }
  return short;
}

/** How a ratee's score is formed: the dimensions by id (weights × 10^weightPlaces), sums at `precision` decimals. */
interface Scoring {
  readonly plan: readonly { readonly id: string; readonly weight: string; readonly scaledWeight: bigint }[];
  readonly weightPlaces: number;
  readonly precision: number;
  /** The scale at the score decimals, inward (⌈min⌉, ⌊max⌋), when leniency shifts could carry a mean off it. */
  readonly bounds: readonly [low: bigint, high: bigint] | undefined;
  /** Whether the score of this ratee (an id) carries its trace. */
  readonly traced: (ratee: string) => boolean;
}

/** Scores per (ratee, period) from the dimension groups of the analysis, with the leniency shifts applied. */
function scoreAnalysis(
  analysis: RatingsAnalysis,
  dimensions: readonly T.RatingDimensionInput[],
  traced: Scoring['traced'] = () => true,
) {
  const { settings, places, groups } = analysis;
  const weights = dimensions.map((dimension) => parseFixed(decimalText(dimension.weight)));
  const weightPlaces = Math.max(0, ...weights.map((weight) => weight.scale));
  const plan = dimensions
    .map(({ id, weight }, k) => ({ id, weight: decimalText(weight), scaledWeight: rescale(weights[k]!, weightPlaces) }))
    .sort((a, b) => compareIds(a.id, b.id));
  const planIndex = analysis.dimensions.map((id) => plan.findIndex((dimension) => dimension.id === id));
  const precision = Math.max(places, settings.rounding.scoreDecimals);
  const unit = new Dec(10).pow(settings.rounding.scoreDecimals);
  const inward = (value: Dec, round: 'ceil' | 'floor') => BigInt(value.times(unit)[round]().toFixed());
  const leniency = settings.used.leniencyMinRatees === null ? undefined : leniencyShifts(analysis, precision);
  const bounds = leniency && ([inward(settings.min, 'ceil'), inward(settings.max, 'floor')] as const);
  const scoring: Scoring = { plan, weightPlaces, precision, bounds, traced };
  const scores: T.RateeScore[] = [];
  for (let g = 0; g < groups.length;) {
    const head = groups[g]!;
    const counts = new Array<number>(plan.length).fill(0);
    const sums = new Array<bigint>(plan.length).fill(0n);
    // the groups of one (ratee, period) are adjacent, one per dimension
    for (; groups[g]?.ratee === head.ratee && groups[g]!.period === head.period; g++) {
      const k = planIndex[groups[g]!.dimension]!;
      [counts[k], sums[k]] = groupSum(analysis, groups[g]!, precision, leniency?.perRating);
    }
    scores.push(rateeScore(analysis, head, scoring, counts, sums));
  }
  return { scores, leniency: leniency?.shifts ?? [] };
}

/** The included ratings of a group and their sum at `precision` decimals, leniency shifts added. */
function groupSum(
  { order, included, used, places }: RatingsAnalysis,
  group: RatingGroup,
  precision: number,
  shifts: Float64Array | undefined,
): [number, bigint] {
  const sum = new ExactSum();
  const shift = shifts && new ExactSum();
  let count = 0;
  for (let p = group.start; p < group.end; p++) {
    const i = order[p]!;
    if (included[i] !== 1) continue;
    count++;
    sum.add(used[i]!);
    shift?.add(shifts![i]!);
  }
  return [count, sum.value() * pow10(precision - places) + (shift?.value() ?? 0n)];
}

/** One ratee's score in one period: each dimension's mean, then Σ weight × mean (exact: weights and means are integers). */
function rateeScore(
  analysis: RatingsAnalysis,
  head: RatingGroup,
  scoring: Scoring,
  counts: number[],
  sums: bigint[],
): T.RateeScore {
  const { mode, scoreDecimals } = analysis.settings.rounding;
  const ratee = analysis.parties[head.ratee]!;
  const traced = scoring.traced(ratee);
  const trace: TraceStep[] = [];
  const weighted: Record<string, string> = {};
  let [total, sufficient] = [0n, true];
  const dimensions = scoring.plan.map(({ id, weight, scaledWeight }, k): T.DimensionScore => {
    const { mean, held } = dimensionMean(analysis, scoring, counts[k]!, sums[k]!);
    if (traced) trace.push(meanStep(analysis, id, scoring, counts[k]!, sums[k]!, mean, held));
    const text = mean === null ? null : formatMinor(mean, scoreDecimals);
    if (mean !== null) {
      total += scaledWeight * mean;
      if (traced) [weighted[`${id}.mean`], weighted[`${id}.weight`]] = [text!, weight];
    } else if (scaledWeight > 0n) sufficient = false;
    return { id, weight, raters: counts[k]!, status: mean === null ? 'insufficientRaters' : 'scored', mean: text };
  });
  const score = sufficient ? formatMinor(divideRounded(total, pow10(scoring.weightPlaces), mode), scoreDecimals) : null;
  const formula = sufficient ? 'score = Σ weight_d × mean_d' : 'a weighted dimension has too few raters: no score';
  if (traced) trace.push(traceStep('ratings.peripheralScore', formula, weighted, score ?? 'insufficientRaters'));
  const period = analysis.periods[head.period]!;
  const status = sufficient ? 'scored' : 'insufficientRaters';
  return {
    ratee,
    period: period === '' ? null : period,
    status,
    score,
    dimensions,
    trace: traced ? heldList(trace) : NO_TRACE,
  };
}

/**
 * A dimension's mean at the score decimals (`null` with too few raters), held to the scale
 * (`held`: the leniency shifts carried it off).
 */
function dimensionMean({ settings }: RatingsAnalysis, { precision, bounds }: Scoring, raters: number, sum: bigint) {
  const { mode, scoreDecimals } = settings.rounding;
  const raw =
    raters < settings.used.minRaters
      ? null
      : divideRounded(sum * pow10(scoreDecimals), BigInt(raters) * pow10(precision), mode);
  // Leniency shifts can carry a mean off the scale (a strict rater's 0 shifted down): the mean is
  // held to the scale, so a score is never below its minimum or above its maximum.
  const held = raw !== null && bounds !== undefined && (raw < bounds[0] || raw > bounds[1]);
  return { mean: held ? (raw < bounds[0] ? bounds[0] : bounds[1]) : raw, held };
}

/** The trace step of a dimension's mean (see {@link dimensionMean}). */
function meanStep(
  { settings }: RatingsAnalysis,
  dimension: string,
  { precision }: Scoring,
  raters: number,
  sum: bigint,
  mean: bigint | null,
  held: boolean,
): TraceStep {
  const { minRaters } = settings.used;
  const formula =
    mean === null
      ? `raters < minRaters (${minRaters}): no mean`
      : `mean = Σ included scores / raters${held ? ', held to the scale (leniency shifts carried it off)' : ''}`;
  const inputs = { dimension, raters, sum: formatMinor(sum, precision), minRaters };
  const result = mean === null ? 'insufficientRaters' : formatMinor(mean, settings.rounding.scoreDecimals);
  return traceStep('ratings.dimensionMean', formula, inputs, result);
}

/** The included ratings summed per (rater, dimension, period) slot and per (dimension, period) cell. */
function leniencySums({ used, periods, included, rater, dimension, period, ...analysis }: RatingsAnalysis) {
  const cells = analysis.dimensions.length * periods.length;
  // a number key while parties × cells stays exact
  const numericKeys = analysis.parties.length * cells < Number.MAX_SAFE_INTEGER;
  const slotIndex = new Map<number | string, number>();
  const slotOf = new Int32Array(used.length).fill(-1);
  const raterOf: number[] = [];
  const cellOf: number[] = [];
  for (let i = 0; i < used.length; i++) {
    if (included[i] !== 1) continue;
    const cell = dimension[i]! * periods.length + period[i]!;
    const key = numericKeys ? rater[i]! * cells + cell : `${rater[i]}:${cell}`;
    let slot = slotIndex.get(key);
    if (slot === undefined) {
      slotIndex.set(key, (slot = raterOf.length));
      raterOf.push(rater[i]!);
      cellOf.push(cell);
    }
    slotOf[i] = slot;
  }
  const slots = { sums: new ExactSums(raterOf.length), counts: new Int32Array(raterOf.length) };
  const cellTotals = { sums: new ExactSums(cells), counts: new Int32Array(cells) };
  for (let i = 0; i < used.length; i++) {
    const slot = slotOf[i]!;
    if (slot === -1) continue;
    slots.sums.add(slot, used[i]!);
    slots.counts[slot]!++;
    cellTotals.sums.add(cellOf[slot]!, used[i]!);
    cellTotals.counts[cellOf[slot]!]!++;
  }
  return { slotOf, raterOf, cellOf, slots, cells: cellTotals };
}

/**
 * Leniency shifts: for each (rater, dimension, period) with at least `minRatees` included
 * ratings, shift = round(overall mean) − round(rater mean), at the score decimals; returned with
 * the shift of every rating at the working `precision`.
 */
function leniencyShifts(analysis: RatingsAnalysis, precision: number) {
  const { settings, places, periods } = analysis;
  const { mode, scoreDecimals } = settings.rounding;
  const { slotOf, raterOf, cellOf, slots, cells } = leniencySums(analysis);
  const mean = ({ sums, counts }: typeof slots, k: number): bigint =>
    divideRounded(sums.value(k) * pow10(scoreDecimals), BigInt(counts[k]!) * pow10(places), mode);
  const text = (value: bigint): string => formatMinor(value, scoreDecimals);
  const slotShift = new Float64Array(raterOf.length);
  const shifts: T.LeniencyShift[] = [];
  raterOf.forEach((who, slot) => {
    const [ratees, cell] = [slots.counts[slot]!, cellOf[slot]!];
    if (ratees < settings.used.leniencyMinRatees!) return;
    const [raterMean, overallMean] = [mean(slots, slot), mean(cells, cell)];
    // |shift| ≤ scale span < 2 × 10^14 at the working precision (checked in analyseRatings): exact
    slotShift[slot] = Number((overallMean - raterMean) * pow10(precision - scoreDecimals));
    const label = periods[cell % periods.length]!;
    shifts.push({
      rater: analysis.parties[who]!,
      dimension: analysis.dimensions[Math.floor(cell / periods.length)]!,
      period: label === '' ? null : label,
      ratees,
      raterMean: text(raterMean),
      overallMean: text(overallMean),
      shift: text(overallMean - raterMean),
    });
  });
  const byId = (a: T.LeniencyShift, b: T.LeniencyShift) =>
    compareIds(a.rater, b.rater) || compareIds(a.period ?? '', b.period ?? '') || compareIds(a.dimension, b.dimension);
  const perRating = new Float64Array(slotOf.length);
  for (let i = 0; i < slotOf.length; i++) if (slotOf[i] !== -1) perRating[i] = slotShift[slotOf[i]!]!;
  return { shifts: shifts.sort(byId), perRating };
}

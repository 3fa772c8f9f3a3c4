import { Dec, decimalFraction } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { formatMinor, pow10 } from '../core/money.js';
import { divideRounded, type RoundingMode } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseRatingsInput } from './parse.js';
import { analyseRatings, type RatingsAnalysis } from './analyse.js';
import { reviewResult, type ReviewRatingsResult } from './reviewRatings.js';
import { scoreRatingsInputSchema, type ScoreRatingsInput } from './schema.js';
import { compareIds } from '../core/ids.js';

/** One dimension of a ratee's peripheral score. */
export interface DimensionScore {
  /** The dimension id. */
  readonly id: string;
  /** Its weight in the peripheral score. */
  readonly weight: string;
  /** Ratings that entered the mean (each from a different rater). */
  readonly raters: number;
  /** `scored`, or `insufficientRaters` when fewer than `minRaters` ratings counted. */
  readonly status: 'scored' | 'insufficientRaters';
  /** Mean of the included ratings (after any leniency shift), rounded to the score decimals; `null` when insufficient. */
  readonly mean: string | null;
}

/** The peripheral score of one ratee in one period. */
export interface RateeScore {
  readonly ratee: string;
  readonly period: string | null;
  /** `insufficientRaters` when any dimension with a positive weight has too few raters. */
  readonly status: 'scored' | 'insufficientRaters';
  /** Σ weight × dimension mean, rounded to the score decimals; `null` when insufficient. */
  readonly score: string | null;
  /** Every plan dimension, ordered by id. */
  readonly dimensions: DimensionScore[];
  readonly trace: TraceStep[];
}

/** A leniency correction applied to one rater's scores in one dimension and period. */
export interface LeniencyShift {
  readonly rater: string;
  readonly dimension: string;
  readonly period: string | null;
  /** Distinct ratees the rater rated (included ratings). */
  readonly ratees: number;
  /** The rater's mean, rounded to the score decimals. */
  readonly raterMean: string;
  /** The mean of all included ratings in the dimension and period, rounded likewise. */
  readonly overallMean: string;
  /** overallMean − raterMean: added to each of the rater's scores. */
  readonly shift: string;
}

/** Result of {@link scoreRatings}: the review, plus scores per ratee. */
export interface ScoreRatingsResult extends ReviewRatingsResult {
  /** One row per (ratee, period) that appears in any rating, ordered by ratee then period. */
  readonly scores: RateeScore[];
  /** The leniency shifts applied (empty when the correction is off). */
  readonly leniency: LeniencyShift[];
}

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
export function scoreRatings(input: ScoreRatingsInput): ScoreRatingsResult {
  const parsed = parseRatingsInput(scoreRatingsInputSchema, input);
  const analysis = analyseRatings(parsed);
  const review = reviewResult(analysis);
  const { scores, leniency } = scoreAnalysis(analysis, parsed.plan.dimensions);
  return { ...review, scores, leniency };
}

interface DimensionPlan {
  readonly id: string;
  readonly weightText: string;
  /** The weight × 10^weightPlaces (the same power for every dimension). */
  readonly scaledWeight: bigint;
  readonly weightPlaces: number;
}

/** 2^52: number sums are flushed to bigint beyond it, so every addition of a value below 2^50 stays exact. */
const CHUNK = 4_503_599_627_370_496;

/** The leniency shifts applied, and the shift of every rating at the working precision. */
interface LeniencyOutcome {
  readonly shifts: LeniencyShift[];
  /** Shift per rating, scaled to the working precision (each below 2^50 in magnitude), or `undefined` when off. */
  readonly perRating: Float64Array | undefined;
}

function scoreAnalysis(
  analysis: RatingsAnalysis,
  dimensionInputs: readonly { id: string; weight: string | number }[],
): { scores: RateeScore[]; leniency: LeniencyShift[] } {
  const { settings, places, groups, order, included, used, dimensions: internedDimensions } = analysis;
  const { mode, scoreDecimals } = settings.rounding;
  const weightTexts = dimensionInputs.map((d) => decimalText(d.weight));
  const weightPlaces = Math.max(
    0,
    ...weightTexts.map((text) => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0)),
  );
  const plan: DimensionPlan[] = dimensionInputs
    .map((d, k) => {
      const [numerator, denominator] = decimalFraction(new Dec(weightTexts[k] as string));
      return {
        id: d.id,
        weightText: weightTexts[k] as string,
        scaledWeight: (numerator * pow10(weightPlaces)) / denominator,
        weightPlaces,
      };
    })
    .sort((a, b) => compareIds(a.id, b.id));
  const planIndexOfInterned = internedDimensions.map((id) => plan.findIndex((d) => d.id === id));

  // Work at P decimals: enough for the scores and for the leniency shifts.
  const precision = Math.max(places, scoreDecimals);
  const toPrecision = pow10(precision - places);
  const leniency =
    settings.leniencyMinRatees === null ? { shifts: [], perRating: undefined } : leniencyShifts(analysis, precision);
  const shifts = leniency.perRating;

  const scores: RateeScore[] = [];
  let g = 0;
  while (g < groups.length) {
    const head = groups[g] as (typeof groups)[number];
    const counts = new Array<number>(plan.length).fill(0);
    const sums = new Array<bigint>(plan.length).fill(0n);
    // groups of one (ratee, period) are adjacent; one per dimension
    while (
      g < groups.length &&
      (groups[g] as (typeof groups)[number]).ratee === head.ratee &&
      (groups[g] as (typeof groups)[number]).period === head.period
    ) {
      const group = groups[g] as (typeof groups)[number];
      const k = planIndexOfInterned[group.dimension] as number;
      let count = 0;
      // exact sums in number chunks: |value| < 2^50 and |partial| ≤ 2^52 keep every addition exact
      let partial = 0;
      let total = 0n;
      let shiftPartial = 0;
      let shiftTotal = 0n;
      for (let p = group.start; p < group.end; p++) {
        const i = order[p] as number;
        if (included[i] !== 1) continue;
        count++;
        partial += used[i] as number;
        if (partial > CHUNK || partial < -CHUNK) {
          total += BigInt(partial);
          partial = 0;
        }
        if (shifts !== undefined) {
          shiftPartial += shifts[i] as number;
          if (shiftPartial > CHUNK || shiftPartial < -CHUNK) {
            shiftTotal += BigInt(shiftPartial);
            shiftPartial = 0;
          }
        }
      }
      total += BigInt(partial);
      shiftTotal += BigInt(shiftPartial);
      const big = shiftTotal;
      counts[k] = count;
      sums[k] = total * toPrecision + big;
      g++;
    }
    scores.push(rateeScore(analysis, head.ratee, head.period, plan, counts, sums, precision, mode));
  }
  return { scores, leniency: leniency.shifts };
}

function rateeScore(
  analysis: RatingsAnalysis,
  ratee: number,
  period: number,
  plan: readonly DimensionPlan[],
  counts: readonly number[],
  sums: readonly bigint[],
  precision: number,
  mode: RoundingMode,
): RateeScore {
  const { settings } = analysis;
  const { scoreDecimals } = settings.rounding;
  const trace: TraceStep[] = [];
  const dimensions: DimensionScore[] = [];
  let sufficient = true;
  // Σ W_d · M_d with weights scaled by 10^weightPlaces and means by 10^scoreDecimals: exact
  let weightedSum = 0n;
  const weighted: Record<string, string> = {};
  const meanUnit = pow10(scoreDecimals);
  const sumUnit = pow10(precision);
  const bounds =
    settings.leniencyMinRatees === null ? undefined : scaleBounds(settings.scaleMin, settings.scaleMax, scoreDecimals);
  for (let k = 0; k < plan.length; k++) {
    const dimension = plan[k] as DimensionPlan;
    const raters = counts[k] as number;
    const sum = sums[k] as bigint;
    const enough = raters >= settings.minRaters;
    let mean: string | null = null;
    let clamped = false;
    if (enough) {
      let rounded = divideRounded(sum * meanUnit, BigInt(raters) * sumUnit, mode);
      // Leniency shifts can carry a mean off the scale (a strict rater's 0 shifted down): the
      // mean is held to the scale, so a score is never below its minimum or above its maximum.
      if (bounds !== undefined && (rounded < bounds.low || rounded > bounds.high)) {
        rounded = rounded < bounds.low ? bounds.low : bounds.high;
        clamped = true;
      }
      mean = formatMinor(rounded, scoreDecimals);
      weightedSum += dimension.scaledWeight * rounded;
      weighted[`${dimension.id}.mean`] = mean;
      weighted[`${dimension.id}.weight`] = dimension.weightText;
    } else if (dimension.scaledWeight > 0n) sufficient = false;
    trace.push(
      traceStep(
        'ratings.dimensionMean',
        enough
          ? clamped
            ? 'mean = Σ included scores / raters, held to the scale (leniency shifts carried it off)'
            : 'mean = Σ included scores / raters'
          : `raters < minRaters (${settings.minRaters}): no mean`,
        { dimension: dimension.id, raters, sum: formatMinor(sum, precision), minRaters: settings.minRaters },
        mean ?? 'insufficientRaters',
      ),
    );
    dimensions.push({
      id: dimension.id,
      weight: dimension.weightText,
      raters,
      status: enough ? 'scored' : 'insufficientRaters',
      mean,
    });
  }
  const scoreText = sufficient
    ? formatMinor(divideRounded(weightedSum, pow10(plan[0]?.weightPlaces ?? 0), mode), scoreDecimals)
    : null;
  trace.push(
    traceStep(
      'ratings.peripheralScore',
      sufficient ? 'score = Σ weight_d × mean_d' : 'a weighted dimension has too few raters: no score',
      weighted,
      scoreText ?? 'insufficientRaters',
    ),
  );
  const periodLabel = analysis.periods[period] as string;
  return {
    ratee: analysis.parties[ratee] as string,
    period: periodLabel === '' ? null : periodLabel,
    status: sufficient ? 'scored' : 'insufficientRaters',
    score: scoreText,
    dimensions,
    trace,
  };
}

/** The scale at the score decimals, inward: ⌈min · 10^d⌉ and ⌊max · 10^d⌋. */
function scaleBounds(min: Dec, max: Dec, decimals: number): { low: bigint; high: bigint } {
  const unit = pow10(decimals);
  const [minN, minD] = decimalFraction(min);
  const [maxN, maxD] = decimalFraction(max);
  const floorDiv = (n: bigint, d: bigint): bigint => (n >= 0n ? n / d : -((-n + d - 1n) / d));
  return { low: -floorDiv(-minN * unit, minD), high: floorDiv(maxN * unit, maxD) };
}

/**
 * Leniency shifts: for each (rater, dimension, period) with at least `minRatees` included
 * ratings, shift = round(overall mean) − round(rater mean), at the score decimals.
 */
function leniencyShifts(analysis: RatingsAnalysis, precision: number): LeniencyOutcome {
  const { settings, places, included, used, rater, dimension, period } = analysis;
  const { mode, scoreDecimals } = settings.rounding;
  const minRatees = settings.leniencyMinRatees as number;
  const n = included.length;
  const nPeriods = analysis.periods.length;
  const cells = analysis.dimensions.length * nPeriods;
  const cellOf = (i: number): number => (dimension[i] as number) * nPeriods + (period[i] as number);
  // one slot per (rater, dimension, period); a number key while parties × cells stays exact
  const numericKeys = analysis.parties.length * cells < Number.MAX_SAFE_INTEGER;
  const slotIndex = new Map<number | string, number>();
  const slotOf = new Int32Array(n).fill(-1);
  const slotRater: number[] = [];
  const slotCell: number[] = [];
  const slotCount: number[] = [];
  const slotPartial: number[] = [];
  const slotTotal: bigint[] = [];
  const cellCount = new Array<number>(cells).fill(0);
  const cellPartial = new Array<number>(cells).fill(0);
  const cellTotal = new Array<bigint>(cells).fill(0n);
  for (let i = 0; i < n; i++) {
    if (included[i] !== 1) continue;
    const cell = cellOf(i);
    const who = rater[i] as number;
    const key = numericKeys ? who * cells + cell : `${who}:${cell}`;
    let slot = slotIndex.get(key);
    if (slot === undefined) {
      slot = slotRater.length;
      slotIndex.set(key, slot);
      slotRater.push(who);
      slotCell.push(cell);
      slotCount.push(0);
      slotPartial.push(0);
      slotTotal.push(0n);
    }
    slotOf[i] = slot;
    const value = used[i] as number;
    slotCount[slot] = (slotCount[slot] as number) + 1;
    let partial = (slotPartial[slot] as number) + value;
    if (partial > CHUNK || partial < -CHUNK) {
      slotTotal[slot] = (slotTotal[slot] as bigint) + BigInt(partial);
      partial = 0;
    }
    slotPartial[slot] = partial;
    cellCount[cell] = (cellCount[cell] as number) + 1;
    let cellSum = (cellPartial[cell] as number) + value;
    if (cellSum > CHUNK || cellSum < -CHUNK) {
      cellTotal[cell] = (cellTotal[cell] as bigint) + BigInt(cellSum);
      cellSum = 0;
    }
    cellPartial[cell] = cellSum;
  }
  const unit = pow10(places);
  const roundedMean = (sum: bigint, count: number): bigint =>
    divideRounded(sum * pow10(scoreDecimals), BigInt(count) * unit, mode);
  const toPrecision = pow10(precision - scoreDecimals);
  const slotShift = new Float64Array(slotRater.length);
  const applied: LeniencyShift[] = [];
  const text = (value: bigint): string => formatMinor(value, scoreDecimals);
  for (let slot = 0; slot < slotRater.length; slot++) {
    const count = slotCount[slot] as number;
    if (count < minRatees) continue;
    const cell = slotCell[slot] as number;
    const raterMean = roundedMean((slotTotal[slot] as bigint) + BigInt(slotPartial[slot] as number), count);
    const overallMean = roundedMean(
      (cellTotal[cell] as bigint) + BigInt(cellPartial[cell] as number),
      cellCount[cell] as number,
    );
    const shift = overallMean - raterMean;
    // |shift| ≤ scale span < 2 × 10^14 at the working precision (checked in analyseRatings): exact
    slotShift[slot] = Number(shift * toPrecision);
    const periodLabel = analysis.periods[cell % nPeriods] as string;
    applied.push({
      rater: analysis.parties[slotRater[slot] as number] as string,
      dimension: analysis.dimensions[Math.floor(cell / nPeriods)] as string,
      period: periodLabel === '' ? null : periodLabel,
      ratees: count,
      raterMean: text(raterMean),
      overallMean: text(overallMean),
      shift: text(shift),
    });
  }
  applied.sort(
    (a, b) =>
      compareIds(a.rater, b.rater) ||
      compareIds(a.period ?? '', b.period ?? '') ||
      compareIds(a.dimension, b.dimension),
  );
  const perRating = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const slot = slotOf[i] as number;
    if (slot !== -1) perRating[i] = slotShift[slot] as number;
  }
  return { shifts: applied, perRating };
}

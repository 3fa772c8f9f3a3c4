/**
 * The shapes of the ratings mechanism, each written once: the inputs of `reviewRatings` and
 * `scoreRatings` (their schemas in schema.ts are checked against these) and their results.
 *
 * @module
 */
import type { DecimalInput } from '../core/decimalInput.js';
import type { TraceStep } from '../core/trace.js';

/** One rating: a rater scores a ratee on one dimension (in one period). */
export interface RatingInput {
  /** Unique id of the rating; review decisions refer to it. */
  id: string;
  /** Who gave the rating: a person or unit id (the internal customer). */
  rater: string;
  /** Who is rated: a person or unit id (the supporting party). */
  ratee: string;
  /** The dimension rated, e.g. `"responseSpeed"`; one of the plan's dimensions when they are given. */
  dimension: string;
  /** The score on the plan's scale (e.g. `85` on 0–100, `"4"` on 1–5). */
  score: DecimalInput;
  /** Optional period label (`"2026-Q1"`); outliers are judged per (ratee, dimension, period). */
  period?: string | undefined;
  /** The key task the rating is about; checked against the RACI matrix when `tasks` are given. */
  task?: string | undefined;
}

/** Who reviewed a flagged rating, and why (seed 003: HR or a superior reviews). */
export interface ReviewInput {
  /** The flagged rating this decision is about (its `id`). */
  rating: string;
  /** Who decided (HR or the ratee's superior). */
  reviewer: string;
  /** Why: required, not blank. */
  note: string;
}

/**
 * A review decision on a flagged rating: `keep` counts it as given, `drop` leaves it out of the
 * score, `adjust` counts it at the corrected `score` (on the plan's scale).
 */
export type ReviewDecisionInput = ReviewInput &
  ({ action: 'keep' | 'drop' } | { action: 'adjust'; /** The corrected score. */ score: DecimalInput });

/** A party that can rate or be rated, with its side of the organisation. */
export interface RatingPartyInput {
  /** Person or unit id, as used in `rater` and `ratee`. */
  id: string;
  /** Front line [前台], middle office [中台] or back office [后台]. Middle and back support the front. */
  side: 'front' | 'middle' | 'back';
}

/** One cell of a RACI matrix: a party's role on a key task. */
export interface RaciAssignmentInput {
  /** A party id (listed in `parties`). */ party: string;
  /** Responsible, Accountable, Consulted or Informed. */ role: 'R' | 'A' | 'C' | 'I';
}

/** A key task with its RACI row [责任矩阵]: exactly one A and at least one R. */
export interface RaciTaskInput {
  /** Task id, as used in a rating's `task`. */ id: string;
  /** Who does what on this task; each party at most once. */ assignments: RaciAssignmentInput[];
}

/** A rating dimension and its weight in the peripheral score. */
export interface RatingDimensionInput {
  /** Dimension id, as used in a rating's `dimension`. */ id: string;
  /** Weight ≥ 0; the weights of all dimensions sum to exactly 1. */ weight: DecimalInput;
}

/** The plan settings of the ratings mechanism; every field is optional and has a default. */
export interface RatingPlanInput {
  /** The rating scale; every score must lie in [min, max]. @defaultValue `{ min: 0, max: 100 }` */
  scale?: { min: DecimalInput; max: DecimalInput } | undefined;
  /**
   * Absolute extremes: a score ≤ `low` or ≥ `high` is flagged for review (SPEC §3.3: e.g. ≤ 20 or
   * = 100 on 0–100). Either bound may be left out. @defaultValue no absolute bounds
   */
  extremes?: { low?: DecimalInput | undefined; high?: DecimalInput | undefined } | undefined;
  /** Modified z test for groups of at least `minGroupSize`: flag |M| > `threshold`. @defaultValue `{ 5, 3.5 }` */
  modifiedZ?: { minGroupSize?: number | undefined; threshold?: DecimalInput | undefined } | undefined;
  /**
   * Leave-one-out test for groups from `minGroupSize` up to the z test's size: flag x when
   * |x − median(others)| ≥ `delta`. @defaultValue `{ minGroupSize: 3, delta: 0.4 × (max − min) }`
   */
  leaveOneOut?: { minGroupSize?: number | undefined; delta?: DecimalInput | undefined } | undefined;
  /**
   * The dimensions and their weights (sum 1). Required by `scoreRatings`; when given to
   * `reviewRatings`, every rating's dimension must be one of them. 3–4 are recommended; more
   * than 4 give a warning. @defaultValue none
   */
  dimensions?: RatingDimensionInput[] | undefined;
  /** Fewer counted raters than this in a dimension: `insufficientRaters`, no score. @defaultValue `3` */
  minRaters?: number | undefined;
  /** Whether flagged ratings still awaiting a decision enter the score. @defaultValue `false` */
  includePending?: boolean | undefined;
  /** With a RACI matrix, a rating without a `task` is rejected (`noTask`) or accepted. @defaultValue `"reject"` */
  untaskedRatings?: 'reject' | 'accept' | undefined;
  /**
   * Per-rater leniency correction: a rater with at least `minRatees` ratees in a dimension has each
   * score shifted by (overall mean − rater's mean). @defaultValue off; `minRatees` 5 when on
   */
  leniency?: { minRatees?: number | undefined } | undefined;
  /**
   * Rounding of dimension means, leniency shifts and scores (`scoreDecimals`) and of statistics
   * (`coefficientDecimals`). @defaultValue `{ mode: 'halfUp', scoreDecimals: 2, coefficientDecimals: 4 }`
   */
  rounding?:
    | {
        mode?: 'halfUp' | 'halfEven' | undefined;
        scoreDecimals?: number | undefined;
        coefficientDecimals?: number | undefined;
      }
    | undefined;
}

/** The plan of {@link ScoreRatingsInput}: the ratings plan with its dimensions required. */
export interface ScoringPlanInput extends RatingPlanInput {
  /** The dimensions and their weights, which sum to exactly 1. */
  dimensions: RatingDimensionInput[];
}

/** The lists both ratings functions read. */
interface RatingLists {
  /** Every rating of the period; each gets exactly one outcome. */
  ratings: RatingInput[];
  /** Review decisions on flagged ratings. @defaultValue `[]` */
  decisions?: ReviewDecisionInput[] | undefined;
  /** The parties and their side (from the org); when given, every rater and ratee must be listed. */
  parties?: RatingPartyInput[] | undefined;
  /**
   * The RACI matrix of key tasks. When given, only a front-line party of a task may rate a
   * supporting (middle or back) party of that task; other ratings are rejected with a reason.
   */
  tasks?: RaciTaskInput[] | undefined;
}

/** Input of `reviewRatings`. */
export interface ReviewRatingsInput extends RatingLists {
  /** The plan settings. @defaultValue every default */
  plan?: RatingPlanInput | undefined;
}

/** Input of `scoreRatings`: as for review, with `plan.dimensions` required. */
export interface ScoreRatingsInput extends RatingLists {
  /** The plan settings, with the dimensions and their weights. */
  plan: ScoringPlanInput;
}

/** What became of a rating. */
export type RatingStatus = 'counted' | 'pending' | 'dropped' | 'adjusted' | 'rejected';

/** Why a rating has its status. */
export type OutcomeReason =
  | 'notFlagged'
  | 'keptOnReview'
  | 'awaitingReview'
  | 'droppedOnReview'
  | 'adjustedOnReview'
  | 'selfRating'
  | 'noTask'
  | 'raterNotOnTask'
  | 'raterNotFrontLine'
  | 'rateeNotOnTask'
  | 'rateeNotSupporting';

/** Why a rating was flagged. */
export type FlagCode = 'extremeLow' | 'extremeHigh' | 'modifiedZ' | 'meanDeviation' | 'leaveOneOut';

/** One reason a rating was flagged, with the statistic and the bounds it broke. */
export interface FlagReason {
  /** `extremeLow`/`extremeHigh` (plan bounds), `modifiedZ`, `meanDeviation` (MAD = 0) or `leaveOneOut`. */
  readonly code: FlagCode;
  /** The test in words, e.g. `"|M| > 3.5"`. */
  readonly rule: string;
  /**
   * The statistic: the score for extremes; M (rounded to the coefficient decimals) for the
   * z-scores; x − median(others) for leave-one-out. The flag decision itself is exact.
   */
  readonly statistic: string;
  /** The test's lower bound (`null`: none). */ readonly low: string | null;
  /** The test's upper bound (`null`: none). */ readonly high: string | null;
  /** The group median (median of the others for leave-one-out); `null` for extremes. */
  readonly median: string | null;
  /** MAD (modifiedZ) or the mean absolute deviation (meanDeviation, rounded); `null` otherwise. */
  readonly spread: string | null;
}

/** A review decision as applied. */
export interface AppliedDecision {
  /** `keep`, `drop` or `adjust`. */ readonly action: 'keep' | 'drop' | 'adjust';
  /** Who decided. */ readonly reviewer: string;
  /** Why. */ readonly note: string;
  /** The corrected score for `adjust`, else `null`. */ readonly score: string | null;
}

/** Who rated whom, on what, when. */
export interface RatedBy {
  /** Who gave the rating. */ readonly rater: string;
  /** Who is rated. */ readonly ratee: string;
  /** The dimension rated. */ readonly dimension: string;
  /** The period label, or `null`. */ readonly period: string | null;
}

/** A rating flagged for review [异常评分复核]: the review queue entry. */
export interface RatingFlag extends RatedBy {
  /** The rating's id. */ readonly rating: string;
  /** The score as given. */ readonly score: string;
  /** Accepted ratings in the (ratee, dimension, period) group. */ readonly groupSize: number;
  /** Every reason, extremes first. */ readonly reasons: FlagReason[];
  /** `pending` until a decision is given, then `kept`, `dropped` or `adjusted`. */
  readonly status: 'pending' | 'kept' | 'dropped' | 'adjusted';
  /** The decision applied, or `null` while pending. */ readonly decision: AppliedDecision | null;
}

/** What became of one input rating. */
export interface RatingOutcome extends RatedBy {
  /** The rating's id. */ readonly id: string;
  /** What became of it. */ readonly status: RatingStatus;
  /** Why. */ readonly reason: OutcomeReason;
  /** Whether it enters the score (counted, adjusted, or pending when the plan includes pending). */
  readonly included: boolean;
}

/** How many ratings ended in each status. */
export interface RatingCounts {
  /** Every input rating. */ readonly ratings: number;
  /** Counted (unflagged, or kept on review). */ readonly counted: number;
  /** Flagged and awaiting a decision. */ readonly pending: number;
  /** Dropped on review. */ readonly dropped: number;
  /** Adjusted on review. */ readonly adjusted: number;
  /** Rejected (self-ratings, RACI). */ readonly rejected: number;
  /** Flagged for review (pending + decided). */ readonly flagged: number;
  /** Entering the score. */ readonly included: number;
}

/** The plan settings in force, resolved, as strings. */
export interface RatingSettingsUsed {
  /** The scale. */ readonly scale: { readonly min: string; readonly max: string };
  /** The absolute extremes (`null`: none). */
  readonly extremes: { readonly low: string | null; readonly high: string | null };
  /** The modified z test and its constants. */
  readonly modifiedZ: {
    readonly minGroupSize: number;
    readonly threshold: string;
    readonly constant: string;
    readonly meanDeviationConstant: string;
  };
  /** The leave-one-out test. */ readonly leaveOneOut: { readonly minGroupSize: number; readonly delta: string };
  /** Fewest raters for a dimension mean. */ readonly minRaters: number;
  /** Whether pending ratings enter the score. */ readonly includePending: boolean;
  /** What happens to untasked ratings under a RACI matrix. */ readonly untaskedRatings: 'reject' | 'accept';
  /** Fewest ratees for a leniency shift; `null`: no correction. */ readonly leniencyMinRatees: number | null;
}

/** A note that does not stop the calculation (e.g. more than 4 dimensions). */
export interface RatingWarning {
  /** A stable code, e.g. `MANY_DIMENSIONS`. */ readonly code: string;
  /** What to look at, in words. */ readonly message: string;
}

/** Result of `reviewRatings`. */
export interface ReviewRatingsResult {
  /** The review queue, ordered by (ratee, period, dimension, rater) ids. */
  readonly flags: RatingFlag[];
  /** One outcome per input rating, ordered by (ratee, period, dimension, rater) ids (a unique key). */
  readonly outcomes: RatingOutcome[];
  /** How many ratings ended in each status. */ readonly counts: RatingCounts;
  /** Notes that did not stop the calculation. */ readonly warnings: RatingWarning[];
  /** The settings in force. */ readonly settings: RatingSettingsUsed;
}

/** One dimension of a ratee's peripheral score. */
export interface DimensionScore {
  /** The dimension id. */ readonly id: string;
  /** Its weight in the peripheral score. */ readonly weight: string;
  /** Ratings that entered the mean (each from a different rater). */ readonly raters: number;
  /** `scored`, or `insufficientRaters` when fewer than `minRaters` ratings counted. */
  readonly status: 'scored' | 'insufficientRaters';
  /** Mean of the included ratings (after any leniency shift) at the score decimals; `null` when insufficient. */
  readonly mean: string | null;
}

/** The peripheral score of one ratee in one period. */
export interface RateeScore {
  /** The ratee. */ readonly ratee: string;
  /** The period label, or `null`. */ readonly period: string | null;
  /** `insufficientRaters` when a dimension with a positive weight has too few raters. */
  readonly status: 'scored' | 'insufficientRaters';
  /** Σ weight × dimension mean at the score decimals; `null` when insufficient. */ readonly score: string | null;
  /** Every plan dimension, ordered by id. */ readonly dimensions: DimensionScore[];
  /** How the score was derived: a step per dimension, then the weighted sum. */ readonly trace: TraceStep[];
}

/** A leniency correction applied to one rater's scores in one dimension and period. */
export interface LeniencyShift {
  /** The rater. */ readonly rater: string;
  /** The dimension. */ readonly dimension: string;
  /** The period label, or `null`. */ readonly period: string | null;
  /** Distinct ratees the rater rated (included ratings). */ readonly ratees: number;
  /** The rater's mean, at the score decimals. */ readonly raterMean: string;
  /** The mean of all included ratings in the dimension and period, likewise. */ readonly overallMean: string;
  /** overallMean − raterMean: added to each of the rater's scores. */ readonly shift: string;
}

/** Result of `scoreRatings`: the review, plus scores per ratee. */
export interface ScoreRatingsResult extends ReviewRatingsResult {
  /** One row per (ratee, period) that appears in any rating, ordered by ratee then period. */
  readonly scores: RateeScore[];
  /** The leniency shifts applied (empty when the correction is off). */ readonly leniency: LeniencyShift[];
}

/** What the period run reads of a ratings run: the review queue and the scores. */
export type RatingsScores = Pick<ScoreRatingsResult, 'flags' | 'scores'>;

/**
 * The pipeline behind `reviewRatings` and `scoreRatings`: check the references, reject
 * (self-ratings, RACI), group by (ratee, period, dimension), flag outliers exactly, apply review
 * decisions, and give every rating one reason (which implies its status). Works on typed arrays
 * so that a million ratings stay cheap.
 *
 * @module
 */
import { Dec, decimalFraction } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { IdKeys, orderIds } from '../core/ids.js';
import { minorNumber } from '../core/money.js';
import { checkRaci, raciRejection, type RaciIndex } from './raci.js';
import { MEAN_DEVIATION_CONSTANT, resolveSettings, Z_CONSTANT, type RatingSettings } from './settings.js';
import type { RatingsPaths } from './settings.js';
import { coefficient, flagGroup, GroupScores, REJECTED, type GroupSettings, type GroupTest } from './statistics.js';
import type * as T from './types.js';

/** A ratings run: validated input lists, and where they came from. */
export interface RatingsRun {
  readonly plan: T.RatingPlanInput | undefined;
  readonly ratings: readonly T.RatingInput[];
  readonly decisions: readonly T.ReviewDecisionInput[];
  readonly parties: readonly T.RatingPartyInput[] | undefined;
  readonly tasks: readonly T.RaciTaskInput[] | undefined;
  readonly at: RatingsPaths;
}

/** Every outcome reason by its code, with the status it implies; codes from {@link REJECTED} on are rejections. */
export const REASONS: readonly (readonly [T.OutcomeReason, T.RatingStatus])[] = [
  ['notFlagged', 'counted'],
  ['keptOnReview', 'counted'],
  ['awaitingReview', 'pending'],
  ['droppedOnReview', 'dropped'],
  ['adjustedOnReview', 'adjusted'],
  ['selfRating', 'rejected'],
  ['noTask', 'rejected'],
  ['raterNotOnTask', 'rejected'],
  ['raterNotFrontLine', 'rejected'],
  ['rateeNotOnTask', 'rejected'],
  ['rateeNotSupporting', 'rejected'],
];
const code = (reason: T.OutcomeReason): number => REASONS.findIndex(([name]) => name === reason);

/** Flag bits per rating: an extreme low or high score, a statistical outlier. */
export const [FLAG_LOW, FLAG_HIGH, FLAG_STAT] = [1, 2, 4];

/**
 * Digits allowed for a scaled score (whole digits of the scale + common decimals, or score
 * decimals when more): scores stay below 10^14 < 2^50 as integers, so every comparison, sum and
 * leniency shift is exact in `number` arithmetic.
 */
const MAX_SCALED_DIGITS = 14;

/** One (ratee, period, dimension) group: positions `[start, end)` in `order`, rejected ratings included. */
export interface RatingGroup {
  readonly ratee: number;
  readonly period: number;
  readonly dimension: number;
  readonly start: number;
  readonly end: number;
  /** Accepted (not rejected) ratings in the group: the group size of every flag. */
  readonly size: number;
  readonly test: GroupTest;
}

/** The analysed ratings: integer columns (ids interned, scores scaled), and what became of each. */
export interface RatingsAnalysis {
  readonly run: RatingsRun;
  readonly settings: RatingSettings;
  /** Common decimal places of every scaled score. */
  readonly places: number;
  /** Interned party ids (raters and ratees), dimension ids and period labels ('' = none). */
  readonly parties: readonly string[];
  readonly dimensions: readonly string[];
  readonly periods: readonly string[];
  readonly rater: Int32Array;
  readonly ratee: Int32Array;
  readonly dimension: Int32Array;
  readonly period: Int32Array;
  /** The scaled score as given, and as it counts (the adjusted score for `adjust`). */
  readonly scaled: Float64Array;
  readonly used: Float64Array;
  /** A code of {@link REASONS} per rating, its flag bits, 1 when it enters the score, its decision or −1. */
  readonly reason: Uint8Array;
  readonly flags: Uint8Array;
  readonly included: Uint8Array;
  readonly decisionOf: Int32Array;
  /** Every rating's index, ordered by (ratee, period, dimension, rater) ids: the outcome order. */
  readonly order: Int32Array;
  readonly groups: readonly RatingGroup[];
  readonly warnings: T.RatingWarning[];
}

/** The ratings as read: columns, the first row of each interned id, and the ids for their repeats. */
type Columns = Pick<RatingsAnalysis, 'rater' | 'ratee' | 'dimension' | 'period' | 'scaled' | 'reason'> & {
  readonly tables: Record<'parties' | 'dimensions' | 'periods', Interned>;
  readonly ids: IdKeys;
};

/** The common scale of every score and setting: integers at `places` decimals (extremes ±∞ when off). */
interface Scale {
  readonly places: number;
  readonly min: number;
  readonly max: number;
  readonly low: number;
  readonly high: number;
  readonly looDelta2: number;
}

/**
 * Validates a run's references and analyses its ratings. Throws one {@link SynergyPayError}
 * listing every problem found at each stage (settings and references first, then decisions).
 */
export function analyseRatings(run: RatingsRun): RatingsAnalysis {
  const issues = new IssueList();
  const settings = resolveSettings(run.plan, run.at, issues);
  const warnings = checkDimensions(run, issues);
  const sides = run.parties && partySides(run.parties, run.at, issues);
  const raci = run.tasks && checkRaci(run.tasks, sides ?? new Map<string, string>(), run.at, issues);
  const scale = resolveScale(run, settings, issues);
  const columns = readRatings(run, settings, scale, raci, issues);
  checkReferences(run, columns, sides, issues);
  refuseRepeats(run.ratings, 'ratings', (i) => run.at('ratings', i, 'id'), issues, columns.ids);
  issues.throwIfAny();
  const order = orderRatings(columns);
  const { groups, flags } = flagRatings(run, columns, order, groupSettings(settings, scale), issues);
  issues.throwIfAny();
  const { parties, dimensions, periods } = columns.tables;
  const decided = applyDecisions(run, settings, scale, columns, flags);
  return {
    ...columns,
    ...decided,
    run,
    settings,
    places: scale.places,
    flags,
    order,
    groups,
    warnings,
    parties: parties.ids,
    dimensions: dimensions.ids,
    periods: periods.ids,
  };
}

/** `DUPLICATE_ID` at `path(row)` for each row whose id an earlier row of `list` has. */
function refuseRepeats(
  ids: readonly { readonly id: string }[],
  list: string,
  path: (i: number) => IssuePath,
  issues: IssueList,
  keys?: IdKeys,
): void {
  if (keys === undefined) {
    keys = new IdKeys(ids.length);
    for (let i = 0; i < ids.length; i++) keys.add(i, ids[i]!.id);
  }
  keys.duplicates((row, first) => {
    issues.add('DUPLICATE_ID', path(row), `id "${ids[row]!.id}" is already used at ${list}[${first}]`);
  });
}

/** Checks the plan's dimensions (ids unique, weights summing to 1); warns beyond four. */
function checkDimensions({ plan, at }: RatingsRun, issues: IssueList): T.RatingWarning[] {
  const dimensions = plan?.dimensions;
  if (dimensions === undefined) return [];
  refuseRepeats(dimensions, 'dimensions', (i) => at('plan', 'dimensions', i, 'id'), issues);
  const sum = dimensions.reduce((total, dimension) => total.plus(decimalText(dimension.weight)), new Dec(0));
  if (!sum.equals(1))
    issues.add('WEIGHTS_DO_NOT_SUM', at('plan', 'dimensions'), `the dimension weights sum to ${sum.toFixed()}, not 1`);
  if (dimensions.length <= 4) return [];
  const message = `${dimensions.length} dimensions: seed 003 recommends 3–4 simple dimensions so that internal customers can rate with care`;
  return [{ code: 'MANY_DIMENSIONS', message }];
}

/** Each listed party's side (the first listing of a repeated id wins). */
function partySides(parties: readonly T.RatingPartyInput[], at: RatingsPaths, issues: IssueList): Map<string, string> {
  refuseRepeats(parties, 'parties', (i) => at('parties', i, 'id'), issues);
  const sides = new Map<string, string>();
  for (const party of parties) if (!sides.has(party.id)) sides.set(party.id, party.side);
  return sides;
}

/** Digits before the decimal point, and after it (0 for integers given as numbers). */
function digitsOf(value: DecimalInput): [whole: number, decimals: number] {
  if (typeof value === 'number' && Number.isInteger(value)) return [String(Math.abs(value)).length, 0];
  const text = decimalText(value);
  const dot = text.includes('.') ? text.indexOf('.') : text.length;
  return [dot - (text.startsWith('-') ? 1 : 0), text.length - Math.min(dot + 1, text.length)];
}

/** A score as an integer at `places` decimals: off the scale when NaN or outside [min, max]. */
const scaleScore = (score: DecimalInput, places: number): number =>
  typeof score === 'number' && Number.isInteger(score) ? score * 10 ** places : minorNumber(score, places);

/**
 * The common number of decimals of every score and setting, and the settings scaled to it (a
 * score off the scale's digits asks for none: it is refused). Throws when a score would need more
 * than {@link MAX_SCALED_DIGITS} digits.
 */
function resolveScale({ ratings, decisions, at }: RatingsRun, settings: RatingSettings, issues: IssueList): Scale {
  const { min, max, low, high, delta } = settings;
  const whole = Math.max(1, digitsOf(min.toFixed())[0], digitsOf(max.toFixed())[0]);
  const asked = (score: DecimalInput): number => (digitsOf(score)[0] > whole ? 0 : digitsOf(score)[1]);
  let places = Math.max(...[min, max, delta, low, high].map((setting) => setting?.decimalPlaces() ?? 0));
  for (const { score } of ratings)
    if (typeof score !== 'number' || !Number.isInteger(score)) places = Math.max(places, asked(score));
  for (const decision of decisions) if (decision.action === 'adjust') places = Math.max(places, asked(decision.score));
  const digits = whole + Math.max(places, settings.rounding.scoreDecimals);
  if (digits > MAX_SCALED_DIGITS) {
    const message = `scores on this scale need ${digits} digits (whole digits of the scale + decimals of the scores or of the score rounding); at most ${MAX_SCALED_DIGITS} are supported`;
    issues.add('OUT_OF_RANGE', at('plan', 'scale'), message);
    issues.throwIfAny();
  }
  // a setting beyond the scale's digits is clamped to ±10^digits: it compares the same with every score
  const scaled = (value: Dec, digits = whole): number => {
    const limit = new Dec(10).pow(digits);
    return Dec.max(limit.negated(), Dec.min(limit, value)).times(new Dec(10).pow(places)).toNumber();
  };
  const [lowest, highest] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const bounds = { low: low === null ? lowest : scaled(low), high: high === null ? highest : scaled(high) };
  return { places, min: scaled(min), max: scaled(max), ...bounds, looDelta2: 2 * scaled(delta, whole + 1) };
}

/** Ids of one column numbered in order of first appearance, with the row of each first use. */
class Interned {
  readonly ids: string[] = [];
  readonly first: number[] = [];
  private readonly index = new Map<string, number>();

  /** A reader of one column into this table that skips the lookup when a row repeats the last id. */
  reader(): (id: string, row: number) => number {
    let last: string | undefined;
    let lastIndex = -1;
    return (id, row) => {
      if (id === last) return lastIndex;
      let k = this.index.get(id);
      if (k === undefined) {
        this.index.set(id, (k = this.ids.push(id) - 1));
        this.first.push(row);
      }
      last = id;
      return (lastIndex = k);
    };
  }
}

const offScale = (score: DecimalInput, { used }: RatingSettings): string =>
  `${decimalText(score)} lies outside the scale ${used.scale.min}–${used.scale.max}`;

/** Reads the ratings into columns: ids interned, scores scaled and checked, rejections marked. */
function readRatings(
  run: RatingsRun,
  settings: RatingSettings,
  scale: Scale,
  raci: RaciIndex | undefined,
  issues: IssueList,
) {
  const { ratings, at } = run;
  const n = ratings.length;
  const [rater, ratee, dimension, period] = [
    new Int32Array(n),
    new Int32Array(n),
    new Int32Array(n),
    new Int32Array(n),
  ];
  const tables = { parties: new Interned(), dimensions: new Interned(), periods: new Interned() };
  const columns: Columns = {
    rater,
    ratee,
    dimension,
    period,
    scaled: new Float64Array(n),
    reason: new Uint8Array(n),
    tables,
    ids: new IdKeys(n),
  };
  const [raterOf, rateeOf, dimensionOf, periodOf] = [
    tables.parties.reader(),
    tables.parties.reader(),
    tables.dimensions.reader(),
    tables.periods.reader(),
  ];
  periodOf('', -1);
  for (let i = 0; i < n; i++) {
    const rating = ratings[i]!;
    columns.ids.add(i, rating.id);
    rater[i] = raterOf(rating.rater, i);
    ratee[i] = rateeOf(rating.ratee, i);
    dimension[i] = dimensionOf(rating.dimension, i);
    period[i] = rating.period === undefined ? 0 : periodOf(rating.period, i);
    const value = (columns.scaled[i] = scaleScore(rating.score, scale.places));
    if (!(value >= scale.min && value <= scale.max))
      issues.add('OUT_OF_RANGE', at('ratings', i, 'score'), offScale(rating.score, settings));
    if (rating.task !== undefined && raci?.tasks.has(rating.task) !== true)
      issues.add(
        'UNKNOWN_REFERENCE',
        at('ratings', i, 'task'),
        `task "${rating.task}" is not in the RACI matrix (tasks)`,
      );
    const rejection =
      rating.rater === rating.ratee ? 'selfRating' : raci && raciRejection(raci, rating, settings.used.untaskedRatings);
    if (rejection) columns.reason[i] = code(rejection);
  }
  return columns;
}

/** `UNKNOWN_REFERENCE` for a dimension not in the plan, a party not in `parties` (at its first rating). */
function checkReferences(
  { plan, ratings, at }: RatingsRun,
  { tables }: Columns,
  sides: Map<string, string> | undefined,
  issues: IssueList,
) {
  const known = new Set(plan?.dimensions?.map((dimension) => dimension.id));
  tables.dimensions.ids.forEach((id, k) => {
    const path = at('ratings', tables.dimensions.first[k]!, 'dimension');
    if (plan?.dimensions !== undefined && !known.has(id))
      issues.add('UNKNOWN_REFERENCE', path, `dimension "${id}" is not one of the plan's dimensions`);
  });
  tables.parties.ids.forEach((id, k) => {
    const row = tables.parties.first[k]!;
    const path = at('ratings', row, ratings[row]!.rater === id ? 'rater' : 'ratee');
    if (sides?.has(id) === false) issues.add('UNKNOWN_REFERENCE', path, `party "${id}" is not in parties`);
  });
}

/** Stable counting sort of `order` by `bucketOf(i)` ∈ [0, buckets). */
function countingSort(order: Int32Array, buckets: number, bucketOf: (i: number) => number): Int32Array {
  const counts = new Int32Array(buckets + 1);
  for (let p = 0; p < order.length; p++) counts[bucketOf(order[p]!) + 1]!++;
  for (let b = 0; b < buckets; b++) counts[b + 1]! += counts[b]!;
  const next = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) next[counts[bucketOf(order[p]!)]!++] = order[p]!;
  return next;
}

/** Every rating's index ordered by (ratee, period, dimension, rater) ids: stable counting sorts, rater first. */
function orderRatings({ rater, ratee, period, dimension, tables }: Columns): Int32Array {
  const ranks = ({ ids }: Interned): Int32Array => {
    const rank = new Int32Array(ids.length);
    orderIds(ids).forEach((i, r) => (rank[i] = r));
    return rank;
  };
  const [partyRank, periodRank, dimensionRank] = [
    ranks(tables.parties),
    ranks(tables.periods),
    ranks(tables.dimensions),
  ];
  const [parties, periods, dimensions] = [partyRank.length, periodRank.length, dimensionRank.length];
  let order: Int32Array = new Int32Array(rater.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order = countingSort(order, parties, (i) => partyRank[rater[i]!]!);
  if (parties * periods * dimensions <= 4 * rater.length + 1024)
    // one pass on the combined (ratee, period, dimension) key
    return countingSort(
      order,
      parties * periods * dimensions,
      (i) => (partyRank[ratee[i]!]! * periods + periodRank[period[i]!]!) * dimensions + dimensionRank[dimension[i]!]!,
    );
  order = countingSort(order, dimensions, (i) => dimensionRank[dimension[i]!]!);
  order = countingSort(order, periods, (i) => periodRank[period[i]!]!);
  return countingSort(order, parties, (i) => partyRank[ratee[i]!]!);
}

/** The tests of a group: the extremes, and the exact integer coefficients of the statistical tests. */
type GroupTests = GroupSettings & Pick<Scale, 'low' | 'high'>;

function groupSettings({ threshold, used }: RatingSettings, { low, high, looDelta2 }: Scale): GroupTests {
  const [tN, tD] = decimalFraction(threshold);
  const [zN, zD] = decimalFraction(new Dec(Z_CONSTANT));
  const [kN, kD] = decimalFraction(new Dec(MEAN_DEVIATION_CONSTANT));
  return {
    zMinSize: used.modifiedZ.minGroupSize,
    looMinSize: used.leaveOneOut.minGroupSize,
    // 0.6745 · dev / MAD > tN/tD  ⇔  zN · tD · dev > tN · zD · MAD
    zLeft: coefficient(zN * tD),
    zRight: coefficient(tN * zD),
    // dev / (k · Σdev / n) > tN/tD  ⇔  n · kD · tD · dev > tN · kN · Σdev
    meanLeft: kD * tD,
    meanRight: coefficient(tN * kN),
    looDelta2,
    low,
    high,
  };
}

/**
 * Walks the (ratee, period, dimension) groups in `order`: refuses a rater rating twice in one
 * group (`DUPLICATE_RATING`), and flags each group's extremes and outliers.
 */
function flagRatings(run: RatingsRun, columns: Columns, order: Int32Array, tests: GroupTests, issues: IssueList) {
  const { rater, ratee, period, dimension, tables } = columns;
  const sameGroup = (i: number, j: number) =>
    ratee[i] === ratee[j] && period[i] === period[j] && dimension[i] === dimension[j];
  const [groupOfRater, rowOfRater] = [
    new Int32Array(tables.parties.ids.length).fill(-1),
    new Int32Array(tables.parties.ids.length),
  ];
  const groups: RatingGroup[] = [];
  const [flags, scores] = [new Uint8Array(order.length), new GroupScores()];
  for (let start = 0, end = 1; start < order.length; start = end, end = start + 1) {
    while (end < order.length && sameGroup(order[end]!, order[start]!)) end++;
    for (let p = start; p < end; p++) {
      const i = order[p]!;
      const who = rater[i]!;
      if (groupOfRater[who] === groups.length) {
        const message = `rater "${tables.parties.ids[who]}" already rated "${tables.parties.ids[ratee[i]!]}" on "${tables.dimensions.ids[dimension[i]!]}" in this period at ratings[${rowOfRater[who]}]`;
        issues.add('DUPLICATE_RATING', run.at('ratings', i), message);
      }
      groupOfRater[who] = groups.length;
      rowOfRater[who] = i;
    }
    groups.push(flagGroupOf(columns, order, start, end, tests, scores, flags));
  }
  return { groups, flags };
}

/** Flags the accepted ratings of one group (`order[start…end)`) into `flags`. */
function flagGroupOf(
  columns: Columns,
  order: Int32Array,
  start: number,
  end: number,
  tests: GroupTests,
  scores: GroupScores,
  flags: Uint8Array,
): RatingGroup {
  scores.collect(order, start, end, columns.reason, columns.scaled);
  const { values, members, flagged, size } = scores;
  const test = size === 0 ? 'none' : flagGroup(scores, tests);
  for (let j = 0; j < size; j++) {
    const x = values[j]!;
    flags[members[j]!] =
      (flagged[j] === 1 ? FLAG_STAT : 0) | (x <= tests.low ? FLAG_LOW : 0) | (x >= tests.high ? FLAG_HIGH : 0);
  }
  const head = order[start]!;
  return {
    ratee: columns.ratee[head]!,
    period: columns.period[head]!,
    dimension: columns.dimension[head]!,
    start,
    end,
    size,
    test,
  };
}

/** The reason of a flagged rating by its decision, and whether it then counts. */
const DECIDED = { keep: ['keptOnReview', 1], drop: ['droppedOnReview', 0], adjust: ['adjustedOnReview', 1] } as const;

/**
 * Applies the review decisions (see {@link matchDecisions}), then gives every accepted rating its
 * reason and whether it counts: unflagged ones count, flagged ones as decided or pending.
 */
function applyDecisions(run: RatingsRun, settings: RatingSettings, scale: Scale, columns: Columns, flags: Uint8Array) {
  const { decisions } = run;
  const { reason, scaled } = columns;
  const decisionOf = new Int32Array(reason.length).fill(-1);
  if (decisions.length > 0) matchDecisions(run, settings, scale, columns, flags, decisionOf);
  // the score used differs from the one given only for `adjust` decisions
  const used = decisions.some((decision) => decision.action === 'adjust') ? scaled.slice() : scaled;
  const included = new Uint8Array(reason.length);
  for (let i = 0; i < reason.length; i++) {
    if (reason[i]! >= REJECTED) continue;
    const decision = flags[i] === 0 || decisionOf[i] === -1 ? undefined : decisions[decisionOf[i]!]!;
    if (flags[i] === 0)
      included[i] = 1; // notFlagged (code 0)
    else if (decision === undefined) {
      reason[i] = code('awaitingReview');
      included[i] = settings.used.includePending ? 1 : 0;
    } else {
      [reason[i], included[i]] = [code(DECIDED[decision.action][0]), DECIDED[decision.action][1]];
      if (decision.action === 'adjust') used[i] = scaleScore(decision.score, scale.places);
    }
  }
  return { decisionOf, used, included };
}

/** Matches each decision to its rating (into `decisionOf`): once per rating, flagged and not rejected, on the scale. */
function matchDecisions(
  run: RatingsRun,
  settings: RatingSettings,
  scale: Scale,
  columns: Columns,
  flags: Uint8Array,
  decisionOf: Int32Array,
): void {
  const { ratings, decisions, at } = run;
  const issues = new IssueList();
  const byRating = new Map<string, number>();
  decisions.forEach(({ rating }, d) => {
    const first = byRating.get(rating);
    if (first === undefined) byRating.set(rating, d);
    else
      issues.add(
        'DUPLICATE_ID',
        at('decisions', d, 'rating'),
        `rating "${rating}" already has a decision at decisions[${first}]`,
      );
  });
  const matched = new Uint8Array(decisions.length);
  ratings.forEach(({ id }, i) => {
    const d = byRating.get(id);
    if (d === undefined) return;
    matched[d] = 1;
    const reason = columns.reason[i]!;
    if (flags[i] !== 0)
      decisionOf[i] = d; // only accepted ratings carry flags
    else {
      const why =
        reason >= REJECTED ? `was rejected (${REASONS[reason]![0]}), not flagged` : 'was not flagged for review';
      issues.add('DECISION_NOT_FLAGGED', at('decisions', d, 'rating'), `rating "${id}" ${why}`);
    }
  });
  decisions.forEach((decision, d) => {
    if (matched[d] === 0 && byRating.get(decision.rating) === d)
      issues.add('UNKNOWN_REFERENCE', at('decisions', d, 'rating'), `no rating has id "${decision.rating}"`);
    const value = decision.action === 'adjust' ? scaleScore(decision.score, scale.places) : 0;
    if (decision.action === 'adjust' && !(value >= scale.min && value <= scale.max))
      issues.add('OUT_OF_RANGE', at('decisions', d, 'score'), offScale(decision.score, settings));
  });
  issues.throwIfAny();
}

/**
 * The shared pipeline behind `reviewRatings` and `scoreRatings`: validate, reject (self-ratings,
 * RACI), group by (ratee, period, dimension), flag outliers exactly, apply review decisions, and
 * give every rating one status. Works on typed arrays so that a million ratings stay cheap.
 *
 * @module
 */
import { Dec } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList } from '../core/errors.js';
import { indexById } from '../core/validate.js';
import { checkRaciTasks, raciRejection, type RaciIndex } from './raci.js';
import type { ParsedRatingsInput } from './schema.js';
import {
  decPlaces,
  decimalsOf,
  fractionOf,
  MAX_SCALED_DIGITS,
  MEAN_DEVIATION_CONSTANT,
  resolveSettings,
  scaleDec,
  scaleValue,
  wholeDigitsOf,
  Z_CONSTANT,
  type RatingSettings,
} from './settings.js';
import { coefficient, flagGroup, type GroupSettings, type GroupTest } from './statistics.js';
import { orderIds } from '../core/ids.js';

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

export const STATUS_NAMES: readonly RatingStatus[] = ['counted', 'pending', 'dropped', 'adjusted', 'rejected'];
export const COUNTED = 0;
export const PENDING = 1;
export const DROPPED = 2;
export const ADJUSTED = 3;
export const REJECTED = 4;

export const REASON_NAMES: readonly OutcomeReason[] = [
  'notFlagged',
  'keptOnReview',
  'awaitingReview',
  'droppedOnReview',
  'adjustedOnReview',
  'selfRating',
  'noTask',
  'raterNotOnTask',
  'raterNotFrontLine',
  'rateeNotOnTask',
  'rateeNotSupporting',
];
const REASON_INDEX = new Map<OutcomeReason, number>(REASON_NAMES.map((name, i) => [name, i]));
const reasonIndex = (reason: OutcomeReason): number => REASON_INDEX.get(reason) as number;

/** Flag bits per rating. */
export const FLAG_LOW = 1;
export const FLAG_HIGH = 2;
export const FLAG_STAT = 4;

/** One (ratee, period, dimension) group of accepted ratings, as positions in `order`. */
export interface RatingGroup {
  readonly ratee: number;
  readonly period: number;
  readonly dimension: number;
  /** Positions `[start, end)` in `order` (rejected ratings included; skip them). */
  readonly start: number;
  readonly end: number;
  /** Accepted (not rejected) ratings in the group: the group size of every flag. */
  readonly size: number;
  readonly test: GroupTest;
}

/** The analysed ratings: everything both public functions need. */
export interface RatingsAnalysis {
  readonly input: ParsedRatingsInput;
  readonly settings: RatingSettings;
  /** Common decimal places of every scaled figure. */
  readonly places: number;
  /** Party ids (raters and ratees), dimension ids, period labels ('' = none), interned. */
  readonly parties: readonly string[];
  readonly dimensions: readonly string[];
  readonly periods: readonly string[];
  readonly rater: Int32Array;
  readonly ratee: Int32Array;
  readonly dimension: Int32Array;
  readonly period: Int32Array;
  /** Scaled score as given. */
  readonly scaled: Float64Array;
  /** Scaled score used when included (the adjusted score for `adjust`). */
  readonly used: Float64Array;
  /** 1 when the rating enters the score. */
  readonly included: Uint8Array;
  readonly status: Uint8Array;
  readonly reason: Uint8Array;
  readonly flags: Uint8Array;
  /** Index of the decision per rating, −1 when none. */
  readonly decisionOf: Int32Array;
  /** Rank of each interned party id in code-unit order. */
  readonly partyRank: Int32Array;
  /** Every rating's index, ordered by (ratee, period, dimension, rater) ids: the outcome order. */
  readonly order: Int32Array;
  readonly groups: readonly RatingGroup[];
  /** Warnings, e.g. more than 4 dimensions. */
  readonly warnings: { code: string; message: string }[];
}

interface Interner {
  readonly ids: string[];
  readonly index: Map<string, number>;
  readonly first: number[];
}

function interner(): Interner {
  return { ids: [], index: new Map(), first: [] };
}

/** The last id looked up in one column and its index: consecutive rows often repeat an id. */
interface LookupCache {
  last: string | undefined;
  lastIndex: number;
}

const lookupCache = (): LookupCache => ({ last: undefined, lastIndex: -1 });

function intern(table: Interner, id: string, row: number, cache: LookupCache): number {
  if (id === cache.last) return cache.lastIndex;
  let k = table.index.get(id);
  if (k === undefined) {
    k = table.ids.length;
    table.ids.push(id);
    table.index.set(id, k);
    table.first.push(row);
  }
  cache.last = id;
  cache.lastIndex = k;
  return k;
}

/** Rank of each interned id in code-unit order. */
function ranks(ids: readonly string[]): Int32Array {
  const order = orderIds(ids);
  const rank = new Int32Array(ids.length);
  for (let r = 0; r < order.length; r++) rank[order[r] as number] = r;
  return rank;
}

/** Stable counting sort of `order` by `bucketOf(i)` ∈ [0, buckets). */
function countingSort(order: Int32Array, buckets: number, bucketOf: (i: number) => number): Int32Array {
  const counts = new Int32Array(buckets + 1);
  for (let p = 0; p < order.length; p++) (counts[bucketOf(order[p] as number) + 1] as number)++;
  for (let b = 0; b < buckets; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
  const next = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) {
    const i = order[p] as number;
    const bucket = bucketOf(i);
    next[counts[bucket] as number] = i;
    counts[bucket] = (counts[bucket] as number) + 1;
  }
  return next;
}

/** FNV-1a hash of a string's UTF-16 code units, 32 bits. */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) {
    hash ^= id.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Pairs `[first, repeat]` of rating indexes sharing an id. One pass when the ids already ascend;
 * otherwise the ids are bucketed by a hash packed with the index into one float (a native numeric
 * sort, far cheaper than sorting a million strings), and only equal hashes compare their strings.
 */
function duplicateRatingIds(ratings: readonly { readonly id: string }[]): [number, number][] {
  const n = ratings.length;
  const idOf = (i: number): string => (ratings[i] as { id: string }).id;
  let ascending = true;
  for (let i = 1; i < n && ascending; i++) if (idOf(i - 1) >= idOf(i)) ascending = false;
  if (ascending) return [];
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const hashBits = Math.min(32, 53 - indexBits);
  const indexScale = 2 ** indexBits;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = Math.floor(hashId(idOf(i)) / 2 ** (32 - hashBits)) * indexScale + i;
  keys.sort();
  const pairs: [number, number][] = [];
  let start = 0;
  while (start < n) {
    const bucket = Math.floor((keys[start] as number) / indexScale);
    let end = start + 1;
    while (end < n && Math.floor((keys[end] as number) / indexScale) === bucket) end++;
    if (end - start > 1) {
      const first = new Map<string, number>();
      for (let p = start; p < end; p++) {
        const i = (keys[p] as number) % indexScale;
        const earlier = first.get(idOf(i));
        if (earlier === undefined) first.set(idOf(i), i);
        else pairs.push([earlier, i]);
      }
    }
    start = end;
  }
  return pairs.sort((a, b) => a[1] - b[1]);
}

/**
 * Validates and analyses parsed input. Throws one {@link SynergyPayError} listing every problem
 * found at each stage (settings and references first, then decisions).
 */
export function analyseRatings(input: ParsedRatingsInput): RatingsAnalysis {
  const issues = new IssueList();
  const settings = resolveSettings(input.plan, issues);
  const ratings = input.ratings;
  const decisions = input.decisions ?? [];
  const n = ratings.length;
  const warnings: { code: string; message: string }[] = [];

  // ── dimensions ──
  const dimensionList = input.plan?.dimensions;
  let dimensionIds: Map<string, number> | undefined;
  if (dimensionList !== undefined) {
    dimensionIds = indexById(dimensionList, ['plan', 'dimensions'], issues);
    let sum = new Dec(0);
    for (const dimension of dimensionList) sum = sum.plus(decimalText(dimension.weight));
    if (!sum.equals(1))
      issues.add('WEIGHTS_DO_NOT_SUM', ['plan', 'dimensions'], `the dimension weights sum to ${sum.toFixed()}, not 1`);
    if (dimensionList.length > 4)
      warnings.push({
        code: 'MANY_DIMENSIONS',
        message: `${dimensionList.length} dimensions: seed 003 recommends 3–4 simple dimensions so that internal customers can rate with care`,
      });
  }

  // ── parties and RACI ──
  const partyList = input.parties;
  const partySide = partyList === undefined ? undefined : new Map<string, string>();
  if (partyList !== undefined) {
    indexById(partyList, ['parties'], issues);
    for (const party of partyList)
      if (!(partySide as Map<string, string>).has(party.id))
        (partySide as Map<string, string>).set(party.id, party.side);
  }
  const raci: RaciIndex | undefined =
    input.tasks === undefined ? undefined : checkRaciTasks(input.tasks, partySide, issues);

  // ── scale: a common number of decimals for every score and bound ──
  const bounds = [settings.scaleMin, settings.scaleMax];
  let boundWhole = 1;
  for (const bound of bounds) boundWhole = Math.max(boundWhole, wholeDigitsOf(bound.toFixed()));
  const boundLimit = 10 ** boundWhole;
  let places = 0;
  for (const setting of [
    settings.scaleMin,
    settings.scaleMax,
    settings.looDelta,
    settings.extremeLow,
    settings.extremeHigh,
  ])
    if (setting !== null) places = Math.max(places, decPlaces(setting));
  const outside = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const score = (ratings[i] as (typeof ratings)[number]).score;
    if (typeof score === 'number' && Number.isInteger(score)) {
      if (Math.abs(score) >= boundLimit) outside[i] = 1;
      continue;
    }
    if (wholeDigitsOf(score) > boundWhole) outside[i] = 1;
    else places = Math.max(places, decimalsOf(score));
  }
  const decisionOutside = new Uint8Array(decisions.length);
  for (let d = 0; d < decisions.length; d++) {
    const decision = decisions[d] as (typeof decisions)[number];
    if (decision.action !== 'adjust') continue;
    if (wholeDigitsOf(decision.score) > boundWhole) decisionOutside[d] = 1;
    else places = Math.max(places, decimalsOf(decision.score));
  }
  const digits = boundWhole + Math.max(places, settings.rounding.scoreDecimals);
  if (digits > MAX_SCALED_DIGITS) {
    issues.add(
      'OUT_OF_RANGE',
      ['plan', 'scale'],
      `scores on this scale need ${digits} digits (whole digits of the scale + decimals of the scores or of the score rounding); at most ${MAX_SCALED_DIGITS} are supported`,
    );
    issues.throwIfAny();
  }
  const minScaled = scaleDec(settings.scaleMin, places);
  const maxScaled = scaleDec(settings.scaleMax, places);
  const lowScaled =
    settings.extremeLow === null ? Number.NEGATIVE_INFINITY : clampScaled(settings.extremeLow, places, boundWhole);
  const highScaled =
    settings.extremeHigh === null ? Number.POSITIVE_INFINITY : clampScaled(settings.extremeHigh, places, boundWhole);
  const looDelta2 = 2 * clampScaled(settings.looDelta, places, boundWhole + 1);

  // ── ratings: intern, scale, range, references, rejections ──
  const partyTable = interner();
  const dimensionTable = interner();
  const periodTable = interner();
  intern(periodTable, '', -1, lookupCache());
  const raterCache = lookupCache();
  const rateeCache = lookupCache();
  const dimensionCache = lookupCache();
  const periodCache = lookupCache();
  const rater = new Int32Array(n);
  const ratee = new Int32Array(n);
  const dimension = new Int32Array(n);
  const period = new Int32Array(n);
  const scaled = new Float64Array(n);
  const status = new Uint8Array(n);
  const reason = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const rating = ratings[i] as (typeof ratings)[number];
    rater[i] = intern(partyTable, rating.rater, i, raterCache);
    ratee[i] = intern(partyTable, rating.ratee, i, rateeCache);
    dimension[i] = intern(dimensionTable, rating.dimension, i, dimensionCache);
    period[i] = rating.period === undefined ? 0 : intern(periodTable, rating.period, i, periodCache);
    const value = outside[i] === 1 ? Number.NaN : scaleValue(rating.score, places);
    scaled[i] = value;
    if (!(value >= minScaled && value <= maxScaled))
      issues.add(
        'OUT_OF_RANGE',
        ['ratings', i, 'score'],
        `${decimalText(rating.score)} lies outside the scale ${settings.scaleMin.toFixed()}–${settings.scaleMax.toFixed()}`,
      );
    if (rating.task !== undefined && (raci === undefined || !raci.tasks.has(rating.task)))
      issues.add(
        'UNKNOWN_REFERENCE',
        ['ratings', i, 'task'],
        `task "${rating.task}" is not in the RACI matrix (tasks)`,
      );
    if (rating.rater === rating.ratee) {
      status[i] = REJECTED;
      reason[i] = reasonIndex('selfRating');
    } else if (raci !== undefined) {
      const rejection = raciRejection(raci, rating, settings.untaskedRatings);
      if (rejection !== null) {
        status[i] = REJECTED;
        reason[i] = reasonIndex(rejection);
      }
    }
  }
  if (dimensionIds !== undefined) {
    for (let k = 0; k < dimensionTable.ids.length; k++) {
      const id = dimensionTable.ids[k] as string;
      if (!dimensionIds.has(id))
        issues.add(
          'UNKNOWN_REFERENCE',
          ['ratings', dimensionTable.first[k] as number, 'dimension'],
          `dimension "${id}" is not one of the plan's dimensions`,
        );
    }
  }
  if (partySide !== undefined) {
    for (let k = 0; k < partyTable.ids.length; k++) {
      const id = partyTable.ids[k] as string;
      if (partySide.has(id)) continue;
      const row = partyTable.first[k] as number;
      const field = (ratings[row] as (typeof ratings)[number]).rater === id ? 'rater' : 'ratee';
      issues.add('UNKNOWN_REFERENCE', ['ratings', row, field], `party "${id}" is not in parties`);
    }
  }

  // ── rating ids unique ──
  const idOf = (i: number): string => (ratings[i] as (typeof ratings)[number]).id;
  for (const [first, repeat] of duplicateRatingIds(ratings))
    issues.add('DUPLICATE_ID', ['ratings', repeat, 'id'], `id "${idOf(repeat)}" is already used at ratings[${first}]`);
  issues.throwIfAny();

  // ── order by (ratee, period, dimension, rater) and find groups ──
  const partyRank = ranks(partyTable.ids);
  const dimensionRank = ranks(dimensionTable.ids);
  const periodRank = ranks(periodTable.ids);
  let order: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const nParties = partyRank.length;
  const nPeriods = periodRank.length;
  const nDimensions = dimensionRank.length;
  // rater first: a stable sort keeps raters in id order inside each group
  order = countingSort(order, nParties, (i) => partyRank[rater[i] as number] as number);
  if (nParties * nPeriods * nDimensions <= 4 * n + 1024) {
    // one pass on the combined (ratee, period, dimension) key
    order = countingSort(
      order,
      nParties * nPeriods * nDimensions,
      (i) =>
        ((partyRank[ratee[i] as number] as number) * nPeriods + (periodRank[period[i] as number] as number)) *
          nDimensions +
        (dimensionRank[dimension[i] as number] as number),
    );
  } else {
    order = countingSort(order, nDimensions, (i) => dimensionRank[dimension[i] as number] as number);
    order = countingSort(order, nPeriods, (i) => periodRank[period[i] as number] as number);
    order = countingSort(order, nParties, (i) => partyRank[ratee[i] as number] as number);
  }
  const lastGroupOfRater = new Int32Array(nParties).fill(-1);
  const lastRowOfRater = new Int32Array(nParties);

  const groups: RatingGroup[] = [];
  const flags = new Uint8Array(n);
  const groupSettings = buildGroupSettings(settings, looDelta2);
  // scratch buffers sized by the largest group, not by n: fewer large allocations, less GC
  let capacity = 0;
  let values = new Float64Array(0);
  let sorted = new Float64Array(0);
  let scratch = new Float64Array(0);
  let members = new Int32Array(0);
  let groupFlags = new Uint8Array(0);
  let start = 0;
  while (start < n) {
    const head = order[start] as number;
    let end = start + 1;
    while (
      end < n &&
      ratee[order[end] as number] === ratee[head] &&
      period[order[end] as number] === period[head] &&
      dimension[order[end] as number] === dimension[head]
    )
      end++;
    const groupIndex = groups.length;
    if (end - start > capacity) {
      capacity = Math.max(end - start, 2 * capacity, 64);
      values = new Float64Array(capacity);
      sorted = new Float64Array(capacity);
      scratch = new Float64Array(capacity);
      members = new Int32Array(capacity);
      groupFlags = new Uint8Array(capacity);
    }
    for (let p = start; p < end; p++) {
      const i = order[p] as number;
      const who = rater[i] as number;
      if (lastGroupOfRater[who] === groupIndex) {
        const previous = lastRowOfRater[who] as number;
        issues.add(
          'DUPLICATE_RATING',
          ['ratings', i],
          `rater "${partyTable.ids[who]}" already rated "${partyTable.ids[ratee[i] as number]}" on "${dimensionTable.ids[dimension[i] as number]}" in this period at ratings[${previous}]`,
        );
      }
      lastGroupOfRater[who] = groupIndex;
      lastRowOfRater[who] = i;
    }
    let size = 0;
    for (let p = start; p < end; p++) {
      const i = order[p] as number;
      if (status[i] === REJECTED) continue;
      members[size] = i;
      values[size] = scaled[i] as number;
      size++;
    }
    let test: GroupTest = 'none';
    if (size > 0) {
      sorted.set(values.subarray(0, size));
      sorted.subarray(0, size).sort();
      groupFlags.fill(0, 0, size);
      test = flagGroup(values, sorted, size, groupSettings, groupFlags, scratch);
      for (let j = 0; j < size; j++) {
        const i = members[j] as number;
        const x = values[j] as number;
        let bits = groupFlags[j] === 1 ? FLAG_STAT : 0;
        if (x <= lowScaled) bits |= FLAG_LOW;
        if (x >= highScaled) bits |= FLAG_HIGH;
        flags[i] = bits;
      }
    }
    groups.push({
      ratee: ratee[head] as number,
      period: period[head] as number,
      dimension: dimension[head] as number,
      start,
      end,
      size,
      test,
    });
    start = end;
  }
  issues.throwIfAny();

  // ── review decisions ──
  const decisionOf = new Int32Array(n).fill(-1);
  // the score used differs from the one given only for `adjust` decisions
  const used = decisions.some((decision) => decision.action === 'adjust') ? scaled.slice() : scaled;
  if (decisions.length > 0) {
    const byRating = new Map<string, number>();
    for (let d = 0; d < decisions.length; d++) {
      const id = (decisions[d] as (typeof decisions)[number]).rating;
      const first = byRating.get(id);
      if (first === undefined) byRating.set(id, d);
      else
        issues.add(
          'DUPLICATE_ID',
          ['decisions', d, 'rating'],
          `rating "${id}" already has a decision at decisions[${first}]`,
        );
    }
    const matched = new Uint8Array(decisions.length);
    for (let i = 0; i < n; i++) {
      const d = byRating.get(idOf(i));
      if (d === undefined) continue;
      matched[d] = 1;
      if (flags[i] === 0 || status[i] === REJECTED) {
        issues.add(
          'DECISION_NOT_FLAGGED',
          ['decisions', d, 'rating'],
          status[i] === REJECTED
            ? `rating "${idOf(i)}" was rejected (${REASON_NAMES[reason[i] as number]}), not flagged`
            : `rating "${idOf(i)}" was not flagged for review`,
        );
        continue;
      }
      decisionOf[i] = d;
    }
    for (let d = 0; d < decisions.length; d++) {
      const decision = decisions[d] as (typeof decisions)[number];
      if (matched[d] === 0 && byRating.get(decision.rating) === d)
        issues.add('UNKNOWN_REFERENCE', ['decisions', d, 'rating'], `no rating has id "${decision.rating}"`);
      if (decision.action === 'adjust') {
        const value = decisionOutside[d] === 1 ? Number.NaN : scaleValue(decision.score, places);
        if (!(value >= minScaled && value <= maxScaled))
          issues.add(
            'OUT_OF_RANGE',
            ['decisions', d, 'score'],
            `${decimalText(decision.score)} lies outside the scale ${settings.scaleMin.toFixed()}–${settings.scaleMax.toFixed()}`,
          );
      }
    }
    issues.throwIfAny();
  }

  // ── statuses ──
  const included = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (status[i] === REJECTED) continue;
    if (flags[i] === 0) {
      included[i] = 1; // status COUNTED, reason notFlagged (both 0)
      continue;
    }
    const d = decisionOf[i] as number;
    if (d === -1) {
      status[i] = PENDING;
      reason[i] = reasonIndex('awaitingReview');
      if (settings.includePending) included[i] = 1;
      continue;
    }
    const decision = decisions[d] as (typeof decisions)[number];
    if (decision.action === 'keep') {
      status[i] = COUNTED;
      reason[i] = reasonIndex('keptOnReview');
      included[i] = 1;
    } else if (decision.action === 'drop') {
      status[i] = DROPPED;
      reason[i] = reasonIndex('droppedOnReview');
    } else {
      status[i] = ADJUSTED;
      reason[i] = reasonIndex('adjustedOnReview');
      used[i] = scaleValue(decision.score, places);
      included[i] = 1;
    }
  }

  return {
    input,
    settings,
    places,
    parties: partyTable.ids,
    dimensions: dimensionTable.ids,
    periods: periodTable.ids,
    rater,
    ratee,
    dimension,
    period,
    scaled,
    used,
    included,
    status,
    reason,
    flags,
    decisionOf,
    partyRank,
    order,
    groups,
    warnings,
  };
}

/**
 * A setting scaled to `places` decimals; settings beyond the scale's digits are clamped to
 * ±10^digits, which compares the same against every score on the scale.
 */
function clampScaled(value: Dec, places: number, digits: number): number {
  const limit = new Dec(10).pow(digits);
  const clamped = value.greaterThan(limit) ? limit : value.lessThan(limit.negated()) ? limit.negated() : value;
  return scaleDec(clamped, places);
}

/** The exact integer coefficients of the z and mean-deviation tests. */
function buildGroupSettings(settings: RatingSettings, looDelta2: number): GroupSettings {
  const threshold = fractionOf(settings.zThreshold);
  const z = fractionOf(new Dec(Z_CONSTANT));
  const k = fractionOf(new Dec(MEAN_DEVIATION_CONSTANT));
  return {
    zMinSize: settings.zMinSize,
    looMinSize: settings.looMinSize,
    // 0.6745 · dev / MAD > tN/tD  ⇔  zN · tD · dev > tN · zD · MAD
    zLeft: coefficient(z.numerator * threshold.denominator),
    zRight: coefficient(threshold.numerator * z.denominator),
    // dev / (k · Σdev / n) > tN/tD  ⇔  n · kD · tD · dev > tN · kN · Σdev
    meanLeft: k.denominator * threshold.denominator,
    meanRight: coefficient(threshold.numerator * k.numerator),
    looDelta2,
  };
}

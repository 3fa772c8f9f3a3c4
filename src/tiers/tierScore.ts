import { Dec, decimalFraction, roundTo, exactSum, exactTimes } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import { fromZodError, IssueList, type IssuePath } from '../core/errors.js';
import { formatMinor, pow10 } from '../core/money.js';
import { defaultRounding, divideRounded, resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import {
  DURATION_FIELD_MS,
  DURATION_FIELDS,
  tierScoreInputSchema,
  tierTableSchema,
  type DurationBound,
  type TierScoreInput,
  type TierTable,
} from './schema.js';

/** Where a value fell: the band index (0 = best) and its score, rounded at the table's score rounding point. */
export interface TierHit {
  /** The score (step or interpolated), rounded to the compiled policy's `scoreDecimals`. */
  readonly score: Dec;
  /** Index of the band the value falls in, 0 = the first (best) band. */
  readonly band: number;
}

/** One band of a {@link CompiledTierTable}. */
export interface CompiledBand {
  /** Index in the table, 0 = best. */
  readonly index: number;
  /** The bound in value units (milliseconds in a duration table), exact; `null` on the open last band. */
  readonly bound: Dec | null;
  /** The bound as written, for traces (`"60 min"`, `"1 h"`, `"0.95"`); `null` on the open last band. */
  readonly boundText: string | null;
  /** The score (or rate) exactly as written. */
  readonly score: Dec;
  /** The score as written, in canonical decimal text (`"0.10"` stays `"0.10"`). */
  readonly scoreText: string;
  /** The score rounded to the compiled policy's `scoreDecimals` (what a step table returns). */
  readonly roundedScore: Dec;
  /** The label, or `null`. */
  readonly label: string | null;
  /** The step result of this band (shared, frozen: returned by {@link scoreOf} without allocating). */
  readonly hit: TierHit;
}

/**
 * A tier table validated once and prepared for fast scoring (see {@link compileTierTable}).
 * Treat it as opaque and read-only; fields may be added.
 */
export interface CompiledTierTable {
  readonly direction: 'lowerIsBetter' | 'higherIsBetter';
  readonly interpolate: boolean;
  readonly unit: 'number' | 'duration';
  readonly bands: readonly CompiledBand[];
  /** The policy scores are rounded with. */
  readonly rounding: RoundingPolicy;
  /**
   * Per bounded band, the threshold an integer value is compared with: `⌊bound⌋` for
   * `lowerIsBetter` (v ≤ b ⇔ v ≤ ⌊b⌋), `⌈bound⌉` for `higherIsBetter` (v ≥ b ⇔ v ≥ ⌈b⌉).
   */
  readonly integerBounds: Float64Array;
  /** Bounds as integers over the common denominator `10^boundScale` (for exact interpolation). */
  readonly boundNumerators: readonly bigint[];
  readonly boundScale: number;
  /** Scores as integers over the common denominator `10^scoreScale` (for exact interpolation). */
  readonly scoreNumerators: readonly bigint[];
  readonly scoreScale: number;
  /**
   * The interpolation figures as plain numbers when each is a safe integer (else `NaN`), for the
   * number fast path of {@link scoreOfNumber}: bound and score numerators, 10^scoreScale·10^0 and
   * 10^boundScale.
   */
  readonly fast: {
    readonly bounds: Float64Array;
    readonly scores: Float64Array;
    readonly boundUnit: number;
    readonly scoreUnit: number;
    readonly roundUnit: number;
  };
  /** Memo of interpolated scores by their scaled integer value (bounded size), so hot loops build few decimals. */
  readonly scoreMemo: Map<number, Dec>;
}

function isDurationObject(bound: DecimalInput | DurationBound | undefined): bound is DurationBound {
  return typeof bound === 'object' && bound !== null;
}

const DURATION_ABBREVIATIONS: Readonly<Record<(typeof DURATION_FIELDS)[number], string>> = {
  weeks: 'w',
  days: 'd',
  hours: 'h',
  minutes: 'min',
  seconds: 's',
};

/** A bound of a duration table in milliseconds (exact), with its text as written. */
function durationBoundMs(bound: DecimalInput | DurationBound): { ms: Dec; text: string } {
  if (!isDurationObject(bound)) {
    const minutes = new Dec(decimalText(bound));
    return { ms: exactTimes(minutes, new Dec(DURATION_FIELD_MS.minutes)), text: `${minutes.toFixed()} min` };
  }
  const terms: Dec[] = [];
  const words: string[] = [];
  for (const field of DURATION_FIELDS) {
    const amount = bound[field];
    if (amount === undefined) continue;
    const value = new Dec(decimalText(amount));
    terms.push(exactTimes(value, new Dec(DURATION_FIELD_MS[field])));
    words.push(`${value.toFixed()} ${DURATION_ABBREVIATIONS[field]}`);
  }
  return { ms: exactSum(terms), text: words.join(' ') };
}

/** A bigint as a number when it is a safe integer, else `NaN` (which fails every fast-path check). */
function safeNumber(value: bigint): number {
  const number = Number(value);
  return Number.isSafeInteger(number) && BigInt(number) === value ? number : Number.NaN;
}

/** Scale (number of decimals) of a power of ten. */
function decimalsOf(powerOfTen: bigint): number {
  return powerOfTen.toString().length - 1;
}

/**
 * Validates a tier table and collects every problem in `issues` (paths under `path`) instead of
 * throwing; returns the compiled table, or `undefined` when there was a problem. For callers that
 * validate a whole input before throwing once. See {@link compileTierTable}.
 */
export function checkTierTable(
  table: unknown,
  path: IssuePath,
  issues: IssueList,
  rounding: RoundingPolicy = defaultRounding,
): CompiledTierTable | undefined {
  const parsed = tierTableSchema.safeParse(table);
  if (!parsed.success) {
    for (const issue of fromZodError(parsed.error).issues)
      issues.add(issue.code, [...path, ...issue.path], issue.message);
    return undefined;
  }
  const { direction, bands } = parsed.data;
  const unit = parsed.data.unit ?? 'number';
  const before = issues.size;
  const last = bands.length - 1;
  const bounds: (Dec | null)[] = [];
  const boundTexts: (string | null)[] = [];

  bands.forEach((band, i) => {
    const boundPath = [...path, 'bands', i, 'bound'];
    bounds.push(null);
    boundTexts.push(null);
    if (band.bound === undefined) {
      if (i < last) issues.add('TIER_BOUND_MISSING', boundPath, `band ${i} needs a bound: only the last band is open`);
      return;
    }
    if (i === last) {
      issues.add(
        'TIER_LAST_BAND_BOUNDED',
        boundPath,
        'the last band must be open: remove its bound (it takes every value beyond the others)',
      );
      return;
    }
    if (unit === 'duration') {
      if (
        !isDurationObject(band.bound) &&
        new Dec(decimalText(band.bound)).isNegative() &&
        !new Dec(decimalText(band.bound)).isZero()
      ) {
        issues.add(
          'NEGATIVE_VALUE',
          boundPath,
          `${decimalText(band.bound)} minutes is negative; a duration is zero or more`,
        );
        return;
      }
      const { ms, text } = durationBoundMs(band.bound);
      bounds[i] = ms;
      boundTexts[i] = text;
    } else if (isDurationObject(band.bound)) {
      issues.add('TIER_UNIT_MISMATCH', boundPath, 'a Duration bound needs `unit: "duration"` on the table');
    } else {
      bounds[i] = new Dec(decimalText(band.bound));
      boundTexts[i] = bounds[i].toFixed();
    }
  });

  // Bounds strictly ordered in the table's direction (compared between consecutive bounded bands).
  let previous: { bound: Dec; index: number } | undefined;
  bounds.forEach((bound, i) => {
    if (bound === null) return;
    if (previous !== undefined) {
      const ordered =
        direction === 'lowerIsBetter' ? bound.greaterThan(previous.bound) : bound.lessThan(previous.bound);
      if (!ordered)
        issues.add(
          'TIER_BOUNDS_NOT_ORDERED',
          [...path, 'bands', i, 'bound'],
          direction === 'lowerIsBetter'
            ? `bound ${boundTexts[i]} must be greater than band ${previous.index}'s ${boundTexts[previous.index]}: lowerIsBetter bounds are inclusive upper bounds, strictly ascending`
            : `bound ${boundTexts[i]} must be less than band ${previous.index}'s ${boundTexts[previous.index]}: higherIsBetter bounds are inclusive lower bounds, strictly descending`,
        );
    }
    previous = { bound, index: i };
  });

  // Scores never rise down the list (bands are best first).
  const scores = bands.map((band) => new Dec(decimalText(band.score)));
  for (let i = 1; i < scores.length; i++) {
    if ((scores[i] as Dec).greaterThan(scores[i - 1] as Dec))
      issues.add(
        'TIER_SCORES_NOT_MONOTONE',
        [...path, 'bands', i, 'score'],
        `band ${i} scores ${(scores[i] as Dec).toFixed()}, more than the better band ${i - 1} (${(scores[i - 1] as Dec).toFixed()}): bands are listed best first`,
      );
  }
  if (issues.size > before) return undefined;

  const boundFractions = bounds.map((bound) => (bound === null ? undefined : decimalFraction(bound)));
  const scoreFractions = scores.map((score) => decimalFraction(score));
  const boundScale = Math.max(
    0,
    ...boundFractions.map((fraction) => (fraction === undefined ? 0 : decimalsOf(fraction[1]))),
  );
  const scoreScale = Math.max(0, ...scoreFractions.map((fraction) => decimalsOf(fraction[1])));
  const integerBounds = new Float64Array(Math.max(0, last));
  for (let i = 0; i < last; i++) {
    const bound = bounds[i] as Dec;
    integerBounds[i] = (direction === 'lowerIsBetter' ? bound.floor() : bound.ceil()).toNumber();
  }
  const compiledBands: CompiledBand[] = bands.map((band, i) => {
    const roundedScore = roundTo(scores[i] as Dec, rounding.scoreDecimals, rounding.mode);
    return {
      index: i,
      bound: bounds[i] ?? null,
      boundText: boundTexts[i] ?? null,
      score: scores[i] as Dec,
      scoreText: decimalText(band.score),
      roundedScore,
      label: band.label ?? null,
      hit: Object.freeze({ score: roundedScore, band: i }),
    };
  });
  return {
    direction,
    interpolate: parsed.data.interpolate === true,
    unit,
    bands: compiledBands,
    rounding,
    integerBounds,
    boundNumerators: boundFractions.map((fraction) =>
      fraction === undefined ? 0n : fraction[0] * pow10(boundScale - decimalsOf(fraction[1])),
    ),
    boundScale,
    scoreNumerators: scoreFractions.map(
      ([numerator, denominator]) => numerator * pow10(scoreScale - decimalsOf(denominator)),
    ),
    scoreScale,
    fast: {
      bounds: Float64Array.from(boundFractions, (fraction) =>
        safeNumber(fraction === undefined ? 0n : fraction[0] * pow10(boundScale - decimalsOf(fraction[1]))),
      ),
      scores: Float64Array.from(scoreFractions, ([numerator, denominator]) =>
        safeNumber(numerator * pow10(scoreScale - decimalsOf(denominator))),
      ),
      boundUnit: safeNumber(pow10(boundScale)),
      scoreUnit: safeNumber(pow10(scoreScale)),
      roundUnit: safeNumber(pow10(rounding.scoreDecimals)),
    },
    scoreMemo: new Map(),
  };
}

/**
 * Validates a tier table once and prepares it for scoring many values (SPEC §2.2). Internal:
 * mechanisms call it on a table from their own input, then score with {@link scoreOf} or
 * {@link scoreOfNumber}.
 *
 * @param table - A tier table (parsed here with `tierTableSchema`, so raw input is fine).
 * @param path - Path of the table inside the caller's input; every issue is reported under it.
 * @param rounding - Policy for rounding scores. @defaultValue half-up, 2 dp
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `NEGATIVE_VALUE`,
 *   `TIER_BOUND_MISSING`, `TIER_LAST_BAND_BOUNDED`, `TIER_BOUNDS_NOT_ORDERED`,
 *   `TIER_SCORES_NOT_MONOTONE`, `TIER_DURATION_NOT_FIXED`, `TIER_UNIT_MISMATCH`.
 */
export function compileTierTable(
  table: unknown,
  path: IssuePath,
  rounding: RoundingPolicy = defaultRounding,
): CompiledTierTable {
  const issues = new IssueList();
  const compiled = checkTierTable(table, path, issues, rounding);
  issues.throwIfAny();
  return compiled as CompiledTierTable;
}

/** Index of the band an exact value falls in. */
export function bandOf(compiled: CompiledTierTable, value: Dec): number {
  const { bands } = compiled;
  const last = bands.length - 1;
  if (compiled.direction === 'lowerIsBetter') {
    for (let i = 0; i < last; i++) if (value.lessThanOrEqualTo((bands[i] as CompiledBand).bound as Dec)) return i;
  } else {
    for (let i = 0; i < last; i++) if (value.greaterThanOrEqualTo((bands[i] as CompiledBand).bound as Dec)) return i;
  }
  return last;
}

/**
 * Index of the band a value falls in, for hot loops over integer values (milliseconds). Exact for
 * every safe integer; other finite numbers are read as their shortest decimal form (`String(value)`).
 */
export function bandOfNumber(compiled: CompiledTierTable, value: number): number {
  if (!Number.isSafeInteger(value)) return bandOf(compiled, new Dec(value));
  const bounds = compiled.integerBounds;
  const n = bounds.length;
  if (compiled.direction === 'lowerIsBetter') {
    for (let i = 0; i < n; i++) if (value <= (bounds[i] as number)) return i;
  } else {
    for (let i = 0; i < n; i++) if (value >= (bounds[i] as number)) return i;
  }
  return n;
}

/**
 * The interpolated score of a value `numerator / denominator` (denominator > 0) inside interior
 * band `band`, computed on exact fractions and rounded once at the score rounding point:
 *
 *     score = s₍ᵢ₋₁₎ + (sᵢ − s₍ᵢ₋₁₎) · (v − b₍ᵢ₋₁₎) / (bᵢ − b₍ᵢ₋₁₎)
 */
function interpolated(compiled: CompiledTierTable, band: number, numerator: bigint, denominator: bigint): Dec {
  const b0 = compiled.boundNumerators[band - 1] as bigint;
  const b1 = compiled.boundNumerators[band] as bigint;
  const s0 = compiled.scoreNumerators[band - 1] as bigint;
  const s1 = compiled.scoreNumerators[band] as bigint;
  // t = (v − b₀)/(b₁ − b₀) with v = numerator/denominator and bounds over 10^boundScale.
  let tNumerator = numerator * pow10(compiled.boundScale) - b0 * denominator;
  let tDenominator = (b1 - b0) * denominator;
  if (tDenominator < 0n) {
    tNumerator = -tNumerator;
    tDenominator = -tDenominator;
  }
  const decimals = compiled.rounding.scoreDecimals;
  const top = (s0 * tDenominator + (s1 - s0) * tNumerator) * pow10(decimals);
  const bottom = pow10(compiled.scoreScale) * tDenominator;
  return new Dec(formatMinor(divideRounded(top, bottom, compiled.rounding.mode), decimals));
}

const MEMO_LIMIT = 1 << 16;

/**
 * {@link interpolated} for a safe-integer value on plain numbers: the rounded score × 10^scoreDecimals,
 * or `undefined` when some intermediate would leave the safe-integer range (the caller then uses
 * BigInt). Every product is checked: a float product whose exact value is a safe integer is exact,
 * and one whose exact value is not comes out beyond the limit, so the check is sound.
 */
function interpolatedScaled(compiled: CompiledTierTable, band: number, value: number): number | undefined {
  const { bounds, scores, boundUnit, scoreUnit, roundUnit } = compiled.fast;
  const b0 = bounds[band - 1] as number;
  const b1 = bounds[band] as number;
  const s0 = scores[band - 1] as number;
  const s1 = scores[band] as number;
  const vScaled = value * boundUnit;
  let tNumerator = vScaled - b0;
  let tDenominator = b1 - b0;
  if (tDenominator < 0) {
    tNumerator = -tNumerator;
    tDenominator = -tDenominator;
  }
  const a = s0 * tDenominator;
  const b = (s1 - s0) * tNumerator;
  const top = (a + b) * roundUnit;
  const bottom = scoreUnit * tDenominator;
  const limit = Number.MAX_SAFE_INTEGER;
  // NaN (an unsafe figure) fails every comparison below.
  if (!(
    Math.abs(vScaled) <= limit &&
    Math.abs(tNumerator) <= limit &&
    tDenominator <= limit &&
    Math.abs(a) <= limit &&
    Math.abs(b) <= limit
  ))
    return undefined;
  if (!(Math.abs(a + b) <= limit && bottom <= limit && Math.abs(top) <= limit - bottom)) return undefined;
  const magnitude = Math.abs(top);
  let quotient = Math.floor(magnitude / bottom);
  let remainder = magnitude - quotient * bottom; // exact: quotient·bottom ≤ magnitude + bottom ≤ 2^53 − 1
  if (remainder < 0) {
    quotient -= 1;
    remainder += bottom;
  } else if (remainder >= bottom) {
    quotient += 1;
    remainder -= bottom;
  }
  const twice = remainder * 2;
  if (twice > bottom || (twice === bottom && (compiled.rounding.mode === 'halfUp' || quotient % 2 === 1)))
    quotient += 1;
  return top < 0 ? -quotient : quotient;
}

/**
 * Scores an exact value: the band it falls in and its score (step, or linear between band anchors
 * when the table interpolates), rounded at the compiled policy's score rounding point.
 */
export function scoreOf(compiled: CompiledTierTable, value: Dec): TierHit {
  const band = bandOf(compiled, value);
  if (!compiled.interpolate || band === 0 || band === compiled.bands.length - 1)
    return (compiled.bands[band] as CompiledBand).hit;
  const [numerator, denominator] = decimalFraction(value);
  return { score: interpolated(compiled, band, numerator, denominator), band };
}

/**
 * {@link scoreOf} for hot loops over millisecond durations: compares plain numbers, allocates
 * nothing for step tables (the band's shared, frozen hit is returned). Exact for every safe
 * integer; other finite numbers are read as their shortest decimal form (`String(value)`).
 * Scores are rounded with the policy given to {@link compileTierTable}.
 */
export function scoreOfNumber(compiled: CompiledTierTable, value: number): TierHit {
  if (!Number.isSafeInteger(value)) return scoreOf(compiled, new Dec(value));
  const band = bandOfNumber(compiled, value);
  if (!compiled.interpolate || band === 0 || band === compiled.bands.length - 1)
    return (compiled.bands[band] as CompiledBand).hit;
  const scaled = interpolatedScaled(compiled, band, value);
  if (scaled === undefined) return { score: interpolated(compiled, band, BigInt(value), 1n), band };
  let score = compiled.scoreMemo.get(scaled);
  if (score === undefined) {
    score = new Dec(formatMinor(BigInt(scaled), compiled.rounding.scoreDecimals));
    if (compiled.scoreMemo.size < MEMO_LIMIT) compiled.scoreMemo.set(scaled, score);
  }
  return { score, band };
}

/** Result of {@link tierScore}. */
export interface TierScoreResult {
  /** The score, rounded to `scoreDecimals` (default 2) with the policy's mode. */
  readonly score: string;
  /** Index of the band the value fell in, 0 = the first (best) band. */
  readonly band: number;
  /** The band's label, or `null`. */
  readonly label: string | null;
  readonly trace: TraceStep[];
}

/** The trace of scoring `value` on a compiled table. */
export function tierTrace(compiled: CompiledTierTable, value: Dec, hit: TierHit): TraceStep[] {
  const band = compiled.bands[hit.band] as CompiledBand;
  const unit = compiled.unit === 'duration' ? ' ms' : '';
  const bandRule =
    compiled.direction === 'lowerIsBetter'
      ? 'band = the first band (best first) whose inclusive upper bound ≥ value; the last band is open'
      : 'band = the first band (best first) whose inclusive lower bound ≤ value; the last band is open';
  const steps: TraceStep[] = [
    traceStep(
      'tiers.band',
      bandRule,
      {
        direction: compiled.direction,
        value: `${value.toFixed()}${unit}`,
        bound: band.bound === null ? 'open' : `${band.bound.toFixed()}${unit} (${band.boundText})`,
      },
      band.label === null ? `band ${hit.band}` : `band ${hit.band} (${band.label})`,
    ),
  ];
  const decimals = compiled.rounding.scoreDecimals;
  const rounded = `rounded to ${decimals} dp (${compiled.rounding.mode})`;
  if (compiled.interpolate && hit.band > 0 && hit.band < compiled.bands.length - 1) {
    const previous = compiled.bands[hit.band - 1] as CompiledBand;
    steps.push(
      traceStep(
        'tiers.interpolate',
        `score = s₀ + (s₁ − s₀) × (v − b₀) / (b₁ − b₀), exact, ${rounded}`,
        {
          b0: (previous.bound as Dec).toFixed(),
          b1: (band.bound as Dec).toFixed(),
          s0: previous.score.toFixed(),
          s1: band.score.toFixed(),
          v: value.toFixed(),
        },
        hit.score.toFixed(decimals),
      ),
    );
  } else {
    steps.push(
      traceStep(
        'tiers.score',
        `score = the band's score, ${rounded}`,
        { bandScore: band.score.toFixed() },
        hit.score.toFixed(decimals),
      ),
    );
  }
  return steps;
}

/**
 * Scores a measured value on a tier table (SPEC §2.2): the band it falls in and the band's
 * score, or — with `interpolate` — a linear score between band anchors.
 *
 * Bands are listed best first. `lowerIsBetter` (times, bug rates): a value falls in the first
 * band whose inclusive upper bound it does not exceed. `higherIsBetter` (rates, attainment): in
 * the first band whose inclusive lower bound it reaches. The last band is open and takes the
 * rest. In a duration table (`unit: 'duration'`) bounds are minutes or date-fns `Duration`
 * objects (`{ hours: 1 }`) and the value is milliseconds.
 *
 * **Formula.** Step: score = s_band. Interpolated, for a value v in an interior band i
 * (0 < i < last): score = s₍ᵢ₋₁₎ + (sᵢ − s₍ᵢ₋₁₎)·(v − b₍ᵢ₋₁₎)/(bᵢ − b₍ᵢ₋₁₎), the line between the
 * anchors (b₍ᵢ₋₁₎, s₍ᵢ₋₁₎) and (bᵢ, sᵢ) — every bound is an anchor carrying its own band's score;
 * the first band and the open last band keep their step score. Computed exactly and rounded once
 * to `scoreDecimals`.
 *
 * **References.** Seed 001 (response ≤ 1 h → 100, 1–2 h → 80, > 2 h → 60: exactly 1 h scores
 * 100, exactly 2 h scores 80, 2 h + 1 ms scores 60).
 *
 * @param input - `table` (`direction`, `bands` [`bound`, `score`, `label`], `interpolate`,
 *   `unit`), `value`, optional `rounding`.
 * @returns The rounded `score` (string), the `band` index, its `label` (or `null`) and the trace.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `NEGATIVE_VALUE` (a
 *   negative duration), `TIER_BOUND_MISSING`, `TIER_LAST_BAND_BOUNDED`,
 *   `TIER_BOUNDS_NOT_ORDERED`, `TIER_SCORES_NOT_MONOTONE`, `TIER_DURATION_NOT_FIXED`,
 *   `TIER_UNIT_MISMATCH`.
 *
 * @example
 * ```ts
 * import { tierScore, type TierTable } from 'synergy-pay';
 * const table: TierTable = {
 *   direction: 'lowerIsBetter',
 *   unit: 'duration',
 *   bands: [
 *     { bound: { hours: 1 }, score: 100, label: '≤ 1 h' },
 *     { bound: { hours: 2 }, score: 80, label: '1–2 h' },
 *     { score: 60, label: '> 2 h' },
 *   ],
 * };
 * tierScore({ table, value: 3_600_000 }).score; // "100.00" (exactly 1 h)
 * tierScore({ table, value: 3_600_001 }).score; // "80.00"
 * ```
 */
export function tierScore(input: TierScoreInput): TierScoreResult {
  const parsed = parseInput(tierScoreInputSchema, input);
  const rounding = resolveRounding(parsed.rounding);
  const issues = new IssueList();
  const compiled = checkTierTable(parsed.table, ['table'], issues, rounding);
  const value = new Dec(decimalText(parsed.value));
  if (compiled?.unit === 'duration' || (compiled === undefined && parsed.table.unit === 'duration')) {
    if (value.isNegative() && !value.isZero())
      issues.add('NEGATIVE_VALUE', ['value'], `${value.toFixed()} ms is negative; a duration is zero or more`);
  }
  issues.throwIfAny();
  const table = compiled as CompiledTierTable;
  const hit = scoreOf(table, value);
  const band = table.bands[hit.band] as CompiledBand;
  return {
    score: hit.score.toFixed(rounding.scoreDecimals),
    band: hit.band,
    label: band.label,
    trace: tierTrace(table, value, hit),
  };
}

export type { TierTable };

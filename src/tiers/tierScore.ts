import { Dec, roundTo } from '../core/decimal.js';
import type { ErrorCode } from '../core/codes.js';
import { decimalText, isNonNegativeDecimal, type DecimalInput } from '../core/decimalInput.js';
import { fromZodError, IssueList, type IssuePath } from '../core/errors.js';
import {
  compareFixed,
  fixedText,
  formatFixed,
  mulFixed,
  parseFixed,
  rescale,
  sumFixed,
  type Fixed,
} from '../core/fixed.js';
import { pow10 } from '../core/money.js';
import {
  defaultRounding,
  divideRounded,
  divideRoundedNumber,
  resolveRounding,
  type RoundingPolicy,
} from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { DURATION_FIELD_MS, DURATION_FIELDS, tierScoreInputSchema, tierTableSchema } from './schema.js';
import type { DurationBound, TierScoreInput, TierScoreResult, TierTable } from './types.js';

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

/** Figures as integers over 10^scale: exact, and as numbers (`fast`, `unit` = 10^scale; `NaN` where not safe). */
export interface Scaled {
  readonly exact: readonly bigint[];
  readonly fast: Float64Array;
  readonly scale: number;
  readonly unit: number;
}

/** A tier table validated once and prepared for fast scoring. Treat it as opaque and read-only. */
export interface CompiledTierTable {
  readonly direction: 'lowerIsBetter' | 'higherIsBetter';
  readonly interpolate: boolean;
  readonly unit: 'number' | 'duration';
  readonly bands: readonly CompiledBand[];
  /** The policy scores are rounded with. */
  readonly rounding: RoundingPolicy;
  /** What an integer value is compared with: ⌊bound⌋ (v ≤ b ⇔ v ≤ ⌊b⌋; lowerIsBetter) or ⌈bound⌉. */
  readonly integerBounds: Float64Array;
  /** Bounds (0 on the open band) and scores as scaled integers: the anchors of interpolation, the rates. */
  readonly bounds: Scaled;
  readonly scores: Scaled;
  /** 10^scoreDecimals as a number. */
  readonly roundUnit: number;
  /** Interpolated scores by their scaled value (bounded size), so hot loops build few decimals. */
  readonly scoreMemo: Map<number, Dec>;
}

/** A bound in value units (milliseconds in a duration table) with its text as written. */
interface Bound {
  readonly value: Fixed;
  readonly text: string;
}

const ABBREVIATIONS = { weeks: 'w', days: 'd', hours: 'h', minutes: 'min', seconds: 's' } as const;
const MINUTE: Fixed = { n: BigInt(DURATION_FIELD_MS.minutes), scale: 0 };

/** A `Duration` bound in milliseconds: Σ fieldᵢ × msᵢ, exactly. */
function durationMs(bound: DurationBound): Bound {
  const fields = DURATION_FIELDS.filter((field) => bound[field] !== undefined);
  const amounts = fields.map((field) => parseFixed(decimalText(bound[field]!)));
  return {
    value: sumFixed(
      amounts.map((amount, f) => mulFixed(amount, { n: BigInt(DURATION_FIELD_MS[fields[f]!]), scale: 0 })),
    ),
    text: amounts.map((amount, f) => `${formatFixed(amount)} ${ABBREVIATIONS[fields[f]!]}`).join(' '),
  };
}

/** One bound in value units (milliseconds in a duration table), or why it is refused. */
function readBound(bound: DecimalInput | DurationBound, unit: TierTable['unit']): Bound | [ErrorCode, string] {
  if (typeof bound === 'object')
    return unit === 'duration'
      ? durationMs(bound)
      : ['TIER_UNIT_MISMATCH', 'a Duration bound needs `unit: "duration"` on the table'];
  const value = parseFixed(decimalText(bound));
  if (unit !== 'duration') return { value, text: formatFixed(value) };
  if (!isNonNegativeDecimal(bound))
    return ['NEGATIVE_VALUE', `${decimalText(bound)} minutes is negative; a duration is zero or more`];
  return { value: mulFixed(value, MINUTE), text: `${formatFixed(value)} min` };
}

/** Each band's bound (`null` when open or refused), with the problems of each band. */
function readBounds(table: TierTable, path: IssuePath, issues: IssueList): (Bound | null)[] {
  const last = table.bands.length - 1;
  return table.bands.map(({ bound }, i) => {
    const at = [...path, 'bands', i, 'bound'];
    if (bound === undefined) {
      if (i < last) issues.add('TIER_BOUND_MISSING', at, `band ${i} needs a bound: only the last band is open`);
      return null;
    }
    const read: Bound | [ErrorCode, string] =
      i === last
        ? [
            'TIER_LAST_BAND_BOUNDED',
            'the last band must be open: remove its bound (it takes every value beyond the others)',
          ]
        : readBound(bound, table.unit);
    if (!Array.isArray(read)) return read;
    issues.add(read[0], at, read[1]);
    return null;
  });
}

/** Bounds strictly ordered in the table's direction (compared between consecutive bounded bands). */
function checkBoundOrder(table: TierTable, bounds: readonly (Bound | null)[], path: IssuePath, issues: IssueList) {
  const ascending = table.direction === 'lowerIsBetter';
  let previous = -1;
  bounds.forEach((bound, i) => {
    if (bound === null) return;
    const prior = bounds[previous];
    if (prior && compareFixed(bound.value, prior.value) * (ascending ? 1 : -1) <= 0)
      issues.add(
        'TIER_BOUNDS_NOT_ORDERED',
        [...path, 'bands', i, 'bound'],
        ascending
          ? `bound ${bound.text} must be greater than band ${previous}'s ${prior.text}: lowerIsBetter bounds are inclusive upper bounds, strictly ascending`
          : `bound ${bound.text} must be less than band ${previous}'s ${prior.text}: higherIsBetter bounds are inclusive lower bounds, strictly descending`,
      );
    previous = i;
  });
}

/** Scores never rise down the list (bands are best first). */
function checkScoreOrder(scores: readonly Fixed[], path: IssuePath, issues: IssueList): void {
  for (let i = 1; i < scores.length; i++)
    if (compareFixed(scores[i]!, scores[i - 1]!) > 0)
      issues.add(
        'TIER_SCORES_NOT_MONOTONE',
        [...path, 'bands', i, 'score'],
        `band ${i} scores ${formatFixed(scores[i]!)}, more than the better band ${i - 1} (${formatFixed(scores[i - 1]!)}): bands are listed best first`,
      );
}

/** A bigint as a number when it is a safe integer, else `NaN` (which fails every fast-path check). */
function safeNumber(value: bigint): number {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : Number.NaN;
}

/** Figures over their smallest common power of ten (`undefined` counts as 0). */
function scaled(values: readonly (Fixed | undefined)[]): Scaled {
  const canonical = values.map((value) => parseFixed(value === undefined ? '0' : formatFixed(value)));
  const scale = Math.max(0, ...canonical.map((value) => value.scale));
  const exact = canonical.map((value) => rescale(value, scale));
  return { exact, fast: Float64Array.from(exact, safeNumber), scale, unit: safeNumber(pow10(scale)) };
}

function compile(
  table: TierTable,
  bounds: readonly (Bound | null)[],
  scores: readonly Fixed[],
  rounding: RoundingPolicy,
) {
  const bands = table.bands.map((band, i): CompiledBand => {
    const score = new Dec(formatFixed(scores[i]!));
    const roundedScore = roundTo(score, rounding.scoreDecimals, rounding.mode);
    const bound = bounds[i];
    return {
      index: i,
      bound: bound ? new Dec(formatFixed(bound.value)) : null,
      boundText: bound?.text ?? null,
      score,
      scoreText: decimalText(band.score),
      roundedScore,
      label: band.label ?? null,
      hit: Object.freeze({ score: roundedScore, band: i }),
    };
  });
  const integer = (bound: Dec) => (table.direction === 'lowerIsBetter' ? bound.floor() : bound.ceil()).toNumber();
  return {
    direction: table.direction,
    interpolate: table.interpolate === true,
    unit: table.unit ?? 'number',
    bands,
    rounding,
    integerBounds: Float64Array.from(bands.slice(0, -1), (band) => integer(band.bound!)),
    bounds: scaled(bounds.map((bound) => bound?.value)),
    scores: scaled(scores),
    roundUnit: safeNumber(pow10(rounding.scoreDecimals)),
    scoreMemo: new Map(),
  } satisfies CompiledTierTable;
}

/**
 * Checks the bands of a schema-valid table (bounds, their order, the scores) and compiles it;
 * problems go to `issues` under `path`, and the result is then `undefined`. Internal: for
 * mechanisms whose input schema already holds the table.
 */
export function compileTable(
  table: TierTable,
  path: IssuePath,
  issues: IssueList,
  rounding: RoundingPolicy = defaultRounding,
): CompiledTierTable | undefined {
  const before = issues.size;
  const bounds = readBounds(table, path, issues);
  checkBoundOrder(table, bounds, path, issues);
  const scores = table.bands.map((band) => parseFixed(decimalText(band.score)));
  checkScoreOrder(scores, path, issues);
  return issues.size > before ? undefined : compile(table, bounds, scores, rounding);
}

/** {@link compileTable} of raw input: the schema's problems too go to `issues` under `path`. */
export function checkTierTable(
  table: unknown,
  path: IssuePath,
  issues: IssueList,
  rounding: RoundingPolicy = defaultRounding,
): CompiledTierTable | undefined {
  const parsed = tierTableSchema.safeParse(table);
  if (parsed.success) return compileTable(parsed.data, path, issues, rounding);
  for (const issue of fromZodError(parsed.error).issues)
    issues.add(issue.code, [...path, ...issue.path], issue.message);
  return undefined;
}

/** {@link checkTierTable} that throws its issues: a table to score many values with {@link scoreOf}. */
export function compileTierTable(
  table: unknown,
  path: IssuePath,
  rounding: RoundingPolicy = defaultRounding,
): CompiledTierTable {
  const issues = new IssueList();
  const compiled = checkTierTable(table, path, issues, rounding);
  issues.throwIfAny();
  return compiled!;
}

/** Index of the band an exact value falls in. */
function bandOf(compiled: CompiledTierTable, value: Dec): number {
  const { bands } = compiled;
  const last = bands.length - 1;
  const lower = compiled.direction === 'lowerIsBetter';
  for (let i = 0; i < last; i++) if (lower ? value.lte(bands[i]!.bound!) : value.gte(bands[i]!.bound!)) return i;
  return last;
}

/** Index of the band a safe-integer value (milliseconds) falls in: plain number comparisons. */
function bandOfNumber(compiled: CompiledTierTable, value: number): number {
  const bounds = compiled.integerBounds;
  const n = bounds.length;
  if (compiled.direction === 'lowerIsBetter') {
    for (let i = 0; i < n; i++) if (value <= bounds[i]!) return i;
  } else {
    for (let i = 0; i < n; i++) if (value >= bounds[i]!) return i;
  }
  return n;
}

/**
 * The interpolated score of the value `numerator / denominator` (denominator > 0) in interior band
 * `band`, on exact fractions, rounded once: s₀ + (s₁ − s₀)·(v − b₀)/(b₁ − b₀).
 */
function interpolated(compiled: CompiledTierTable, band: number, numerator: bigint, denominator: bigint): Dec {
  const { bounds, scores, rounding } = compiled;
  const [b0, b1, s0, s1] = [bounds.exact[band - 1]!, bounds.exact[band]!, scores.exact[band - 1]!, scores.exact[band]!];
  const sign = b1 > b0 ? 1n : -1n; // t = (v − b₀)/(b₁ − b₀), with a positive denominator
  const tNumerator = (numerator * pow10(bounds.scale) - b0 * denominator) * sign;
  const tDenominator = (b1 - b0) * denominator * sign;
  const top = (s0 * tDenominator + (s1 - s0) * tNumerator) * pow10(rounding.scoreDecimals);
  const score = divideRounded(top, pow10(scores.scale) * tDenominator, rounding.mode);
  return new Dec(fixedText(score, rounding.scoreDecimals));
}

const LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * {@link interpolated} of a safe integer on plain numbers: the rounded score × 10^scoreDecimals, or
 * `undefined` when a figure would leave the safe range (the caller then uses bigint). Each product
 * is checked: a float product whose exact value is a safe integer is exact, one whose exact value
 * is not comes out beyond the limit (and `NaN`, an unsafe figure, fails every check).
 */
function interpolatedScaled(compiled: CompiledTierTable, band: number, value: number): number | undefined {
  const { bounds, scores, roundUnit } = compiled;
  const b0 = bounds.fast[band - 1]!;
  const b1 = bounds.fast[band]!;
  const s0 = scores.fast[band - 1]!;
  const v = value * bounds.unit;
  const sign = b1 > b0 ? 1 : -1;
  const tNumerator = (v - b0) * sign;
  const tDenominator = (b1 - b0) * sign;
  const a = s0 * tDenominator;
  const b = (scores.fast[band]! - s0) * tNumerator;
  const top = (a + b) * roundUnit;
  const bottom = scores.unit * tDenominator;
  const safe =
    Math.abs(v) <= LIMIT &&
    Math.abs(tNumerator) <= LIMIT &&
    tDenominator <= LIMIT &&
    Math.abs(a) <= LIMIT &&
    Math.abs(b) <= LIMIT &&
    Math.abs(a + b) <= LIMIT &&
    bottom <= LIMIT &&
    Math.abs(top) <= LIMIT - bottom;
  return safe ? divideRoundedNumber(top, bottom, compiled.rounding.mode) : undefined;
}

const MEMO_LIMIT = 1 << 16;

/** Whether band `band` scores as a step: always without interpolation; the first and the open last band always. */
const isStep = (compiled: CompiledTierTable, band: number) =>
  !compiled.interpolate || band === 0 || band === compiled.bands.length - 1;

/**
 * Scores an exact value: the band it falls in and its score (step, or linear between band anchors
 * when the table interpolates), rounded at the compiled policy's score rounding point.
 */
export function scoreOf(compiled: CompiledTierTable, value: Dec): TierHit {
  const band = bandOf(compiled, value);
  if (isStep(compiled, band)) return compiled.bands[band]!.hit;
  const { n, scale } = parseFixed(value.toFixed());
  return { score: interpolated(compiled, band, n, pow10(scale)), band };
}

/**
 * {@link scoreOf} for hot loops over millisecond durations: compares plain numbers, allocates
 * nothing for step tables (the band's shared, frozen hit is returned). Exact for every safe
 * integer; other finite numbers are read as their shortest decimal form (`String(value)`).
 */
export function scoreOfNumber(compiled: CompiledTierTable, value: number): TierHit {
  if (!Number.isSafeInteger(value)) return scoreOf(compiled, new Dec(value));
  const band = bandOfNumber(compiled, value);
  if (isStep(compiled, band)) return compiled.bands[band]!.hit;
  const scaledScore = interpolatedScaled(compiled, band, value);
  if (scaledScore === undefined) return { score: interpolated(compiled, band, BigInt(value), 1n), band };
  let score = compiled.scoreMemo.get(scaledScore);
  if (score === undefined) {
    score = new Dec(fixedText(BigInt(scaledScore), compiled.rounding.scoreDecimals));
    if (compiled.scoreMemo.size < MEMO_LIMIT) compiled.scoreMemo.set(scaledScore, score);
  }
  return { score, band };
}

/** The trace of scoring `value` on a compiled table: the band found, then the score. */
export function tierTrace(compiled: CompiledTierTable, value: Dec, hit: TierHit): TraceStep[] {
  const band = compiled.bands[hit.band]!;
  const unit = compiled.unit === 'duration' ? ' ms' : '';
  const lower = compiled.direction === 'lowerIsBetter';
  const found = traceStep(
    'tiers.band',
    `band = the first band (best first) whose inclusive ${lower ? 'upper bound ≥' : 'lower bound ≤'} value; the last band is open`,
    {
      direction: compiled.direction,
      value: `${value.toFixed()}${unit}`,
      bound: band.bound === null ? 'open' : `${band.bound.toFixed()}${unit} (${band.boundText!})`,
    },
    band.label === null ? `band ${hit.band}` : `band ${hit.band} (${band.label})`,
  );
  const { scoreDecimals, mode } = compiled.rounding;
  const rounded = `rounded to ${scoreDecimals} dp (${mode})`;
  const score = hit.score.toFixed(scoreDecimals);
  if (isStep(compiled, hit.band))
    return [
      found,
      traceStep('tiers.score', `score = the band's score, ${rounded}`, { bandScore: band.score.toFixed() }, score),
    ];
  const previous = compiled.bands[hit.band - 1]!;
  const [b0, b1] = [previous.bound!.toFixed(), band.bound!.toFixed()];
  const anchors = { b0, b1, s0: previous.score.toFixed(), s1: band.score.toFixed(), v: value.toFixed() };
  const formula = `score = s₀ + (s₁ − s₀) × (v − b₀) / (b₁ − b₀), exact, ${rounded}`;
  return [found, traceStep('tiers.interpolate', formula, anchors, score)];
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
  const table = compileTable(parsed.table, ['table'], issues, rounding);
  const value = new Dec(decimalText(parsed.value));
  if (parsed.table.unit === 'duration' && !isNonNegativeDecimal(parsed.value))
    issues.add('NEGATIVE_VALUE', ['value'], `${value.toFixed()} ms is negative; a duration is zero or more`);
  issues.throwIfAny();
  const hit = scoreOf(table!, value);
  const { label } = table!.bands[hit.band]!;
  const score = hit.score.toFixed(rounding.scoreDecimals);
  return { score, band: hit.band, label, trace: tierTrace(table!, value, hit) };
}

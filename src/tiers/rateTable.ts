import { minorDigits } from '../core/currency.js';
import type { Dec } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { formatFixed, mulFixed, parseFixed, rescale, type Fixed } from '../core/fixed.js';
import { formatMinor, pow10 } from '../core/money.js';
import { divideRounded, resolveRounding, type RoundingMode, type RoundingPolicy } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { rateTableInputSchema } from './schema.js';
import { compileTable, type CompiledBand, type CompiledTierTable } from './tierScore.js';
import type { RateMethod, RateTableInput, RateTableResult } from './types.js';

/** A rate table's bands as brackets of the amount in minor units, in ascending amount order. */
export interface RateBrackets {
  /** Minor digits of the currency the brackets are in. */
  readonly digits: number;
  /** Band index of each bracket. */
  readonly bands: readonly number[];
  /** Lower edge of each bracket in minor units (≥ 0). */
  readonly lowers: readonly bigint[];
  /** Upper edge of each bracket in minor units; `null` for the open bracket. */
  readonly uppers: readonly (bigint | null)[];
  /** Each bracket's rate as an integer over `10^rateScale`. */
  readonly rates: readonly bigint[];
  readonly rateScale: number;
  /** Bounds by band index in minor units (`null` on the open band), for finding the reached band. */
  readonly boundsByBand: readonly (bigint | null)[];
}

/** One slice of an amount with the rate applied to it (minor units). */
export interface RateSliceMinor {
  readonly band: number;
  readonly from: bigint;
  readonly to: bigint;
  readonly rate: Dec;
  /** The slice's commission: the difference of the rounded running totals, so slices sum to the commission. */
  readonly commission: bigint;
}

const plural = (digits: number) => `${digits} decimal${digits === 1 ? '' : 's'}, the currency's minor unit`;

/** A decimal in minor units of a currency with `digits` decimals, or `undefined` when it has finer digits. */
function exactMinor(value: Fixed, digits: number): bigint | undefined {
  if (value.scale <= digits) return rescale(value, digits);
  const unit = pow10(value.scale - digits);
  return value.n % unit === 0n ? value.n / unit : undefined;
}

/** Checks one band's rate (in [0, 1]) and reads its bound in minor units (`null` on the open band). */
function bracketBound(band: CompiledBand, digits: number, at: IssuePath, issues: IssueList): bigint | null {
  const rate = band.score;
  if (rate.isNegative() && !rate.isZero())
    issues.add('NEGATIVE_VALUE', [...at, 'score'], `rate ${rate.toFixed()} is negative`);
  else if (rate.greaterThan(1))
    issues.add('OUT_OF_RANGE', [...at, 'score'], `rate ${rate.toFixed()} is above 1 (write 8 % as "0.08")`);
  if (band.bound === null) return null;
  const text = band.bound.toFixed();
  const minor = exactMinor(parseFixed(text), digits);
  if (band.bound.isNegative() && !band.bound.isZero())
    issues.add('NEGATIVE_VALUE', [...at, 'bound'], `bound ${text} is negative; amounts start at 0`);
  else if (minor === undefined)
    issues.add('INVALID_AMOUNT', [...at, 'bound'], `bound ${text} has more than ${plural(digits)}`);
  return minor ?? null;
}

/**
 * Checks that a compiled tier table can serve as a rate table and converts its bounds to minor
 * units of a currency with `digits` decimals. Adds issues (under `path`) and returns `undefined`
 * on a problem: `interpolate` or a duration unit (`INVALID_INPUT`, `TIER_UNIT_MISMATCH`), a rate
 * outside [0, 1] (`NEGATIVE_VALUE`, `OUT_OF_RANGE`), a negative bound (`NEGATIVE_VALUE`), a bound
 * with more decimals than the currency (`INVALID_AMOUNT`).
 */
export function checkRateBrackets(
  compiled: CompiledTierTable,
  digits: number,
  path: IssuePath,
  issues: IssueList,
): RateBrackets | undefined {
  const before = issues.size;
  if (compiled.interpolate)
    issues.add(
      'INVALID_INPUT',
      [...path, 'interpolate'],
      'a rate table applies step rates: interpolate is not supported',
    );
  if (compiled.unit === 'duration')
    issues.add('TIER_UNIT_MISMATCH', [...path, 'unit'], 'a rate table has amounts as bounds, not durations');
  const boundsByBand = compiled.bands.map((band) => bracketBound(band, digits, [...path, 'bands', band.index], issues));
  if (issues.size > before) return undefined;
  const ascending = compiled.direction === 'lowerIsBetter';
  const n = compiled.bands.length;
  const bands = Array.from({ length: n }, (_, k) => (ascending ? k : n - 1 - k));
  const bound = (band: number) => boundsByBand[band] as bigint;
  return {
    digits,
    bands,
    // Band i covers (b₍ᵢ₋₁₎, bᵢ], band 0 from 0 (lowerIsBetter), or [bᵢ, b₍ᵢ₋₁₎), the last from 0.
    lowers: bands.map((i) => (ascending ? (i === 0 ? 0n : bound(i - 1)) : (boundsByBand[i] ?? 0n))),
    uppers: bands.map((i) => (ascending ? boundsByBand[i]! : i === 0 ? null : bound(i - 1))),
    rates: bands.map((i) => compiled.scores.exact[i]!),
    rateScale: compiled.scores.scale,
    boundsByBand,
  };
}

/** Prepares a compiled table as rate brackets in minor units, throwing on a problem (see {@link checkRateBrackets}). */
export function rateBrackets(compiled: CompiledTierTable, digits: number, path: IssuePath = ['table']): RateBrackets {
  const issues = new IssueList();
  const brackets = checkRateBrackets(compiled, digits, path, issues);
  issues.throwIfAny();
  return brackets!;
}

/** The band an amount (minor units, ≥ 0) reaches: inclusive bounds, as in `scoreOf`. */
export function reachedBand(compiled: CompiledTierTable, brackets: RateBrackets, amountMinor: bigint): number {
  const last = brackets.boundsByBand.length - 1;
  const lower = compiled.direction === 'lowerIsBetter';
  for (let i = 0; i < last; i++) {
    const bound = brackets.boundsByBand[i]!;
    if (lower ? amountMinor <= bound : amountMinor >= bound) return i;
  }
  return last;
}

/** Where the part of [0, amount] below a bracket's upper edge ends (`null`: the open bracket). */
const sliceTop = (upper: bigint | null | undefined, amountMinor: bigint) =>
  upper === null || upper === undefined || amountMinor < upper ? amountMinor : upper;

/** The exact marginal commission Σ sliceᵢ × rateᵢ, over `10^rateScale`. */
function marginalExact(brackets: RateBrackets, amountMinor: bigint): bigint {
  const { lowers, uppers, rates } = brackets;
  let exact = 0n;
  for (let j = 0; j < lowers.length && amountMinor > lowers[j]!; j++) {
    const top = sliceTop(uppers[j], amountMinor);
    if (top > lowers[j]!) exact += (top - lowers[j]!) * rates[j]!;
  }
  return exact;
}

/**
 * The commission on `amountMinor` (≥ 0) in minor units, without slices: for hot loops.
 * Marginal: round(Σ sliceᵢ × rateᵢ). Retroactive: round(amount × rate of the reached band).
 */
export function commissionOf(
  compiled: CompiledTierTable,
  brackets: RateBrackets,
  amountMinor: bigint,
  method: RateMethod,
  mode: RoundingMode,
): bigint {
  const denominator = pow10(brackets.rateScale);
  if (method === 'marginal') return divideRounded(marginalExact(brackets, amountMinor), denominator, mode);
  const band = reachedBand(compiled, brackets, amountMinor);
  return divideRounded(amountMinor * compiled.scores.exact[band]!, denominator, mode);
}

/**
 * Applies a rate table to an amount in minor units (≥ 0) and returns the commission with its
 * slices (internal: inputs already validated).
 *
 * Marginal: every bracket's slice of the amount at its own rate; the commission is the exact sum
 * rounded once, and each slice's commission is the difference of the rounded running totals, so
 * the slices add up to the commission exactly and each is within one minor unit of its exact
 * value. Retroactive: one slice, the whole amount at the reached band's rate.
 */
export function applyRates(
  compiled: CompiledTierTable,
  amountMinor: bigint,
  digits: number,
  method: RateMethod,
  mode: RoundingMode,
  brackets: RateBrackets = rateBrackets(compiled, digits),
): { commission: bigint; exact: bigint; slices: RateSliceMinor[] } {
  const denominator = pow10(brackets.rateScale);
  if (method === 'retroactive') {
    const band = reachedBand(compiled, brackets, amountMinor);
    const exact = amountMinor * compiled.scores.exact[band]!;
    const commission = divideRounded(exact, denominator, mode);
    const slices =
      amountMinor > 0n ? [{ band, from: 0n, to: amountMinor, rate: compiled.bands[band]!.score, commission }] : [];
    return { commission, exact, slices };
  }
  const slices: RateSliceMinor[] = [];
  let exact = 0n;
  let rounded = 0n;
  for (let j = 0; j < brackets.lowers.length && amountMinor > brackets.lowers[j]!; j++) {
    const from = brackets.lowers[j]!;
    const to = sliceTop(brackets.uppers[j], amountMinor);
    if (to <= from) continue;
    exact += (to - from) * brackets.rates[j]!;
    const total = divideRounded(exact, denominator, mode);
    const band = brackets.bands[j]!;
    slices.push({ band, from, to, rate: compiled.bands[band]!.score, commission: total - rounded });
    rounded = total;
  }
  return { commission: rounded, exact, slices };
}

/** The amount in minor units, with its problems (finer than the currency, negative). */
function readAmount(amount: DecimalInput, digits: number, issues: IssueList): bigint {
  const text = decimalText(amount);
  const minor = exactMinor(parseFixed(text), digits);
  if (minor === undefined) issues.add('INVALID_AMOUNT', ['amount'], `${text} has more than ${plural(digits)}`);
  else if (minor < 0n)
    issues.add('NEGATIVE_VALUE', ['amount'], `${String(amount)} is negative; the base of a commission is zero or more`);
  return minor ?? 0n;
}

/** What {@link applyRates} found for one amount, with where it came from. */
interface Applied {
  readonly table: CompiledTierTable;
  readonly brackets: RateBrackets;
  readonly amount: bigint;
  readonly method: RateMethod;
  readonly rounding: RoundingPolicy;
  readonly commission: bigint;
  readonly exact: bigint;
  readonly slices: readonly RateSliceMinor[];
  readonly money: (minor: bigint) => string;
}

/** The trace of a commission: each slice and the sum (marginal) or the reached band (retroactive). */
function commissionTrace(applied: Applied): TraceStep[] {
  const { table, brackets, amount, rounding, money, slices } = applied;
  const digits = brackets.digits;
  const exact = formatFixed({ n: applied.exact, scale: brackets.rateScale + digits });
  if (applied.method === 'retroactive') {
    const band = reachedBand(table, brackets, amount);
    const inputs = { amount: money(amount), band, rate: table.bands[band]!.score.toFixed(), exact };
    const formula = `commission = round(amount × rate of the reached band) to minor units (${rounding.mode})`;
    return [traceStep('tiers.retroactive', formula, inputs, money(applied.commission))];
  }
  const steps = slices.map((slice) =>
    traceStep(
      'tiers.rateSlice',
      'sliceᵢ = the part of [0, amount] inside band i; exact commissionᵢ = sliceᵢ × rateᵢ',
      { band: slice.band, from: money(slice.from), to: money(slice.to), rate: slice.rate.toFixed() },
      formatFixed(mulFixed({ n: slice.to - slice.from, scale: digits }, parseFixed(slice.rate.toFixed()))),
    ),
  );
  const formula = `commission = round(Σ sliceᵢ × rateᵢ) to minor units (${rounding.mode}); slice amounts are differences of the rounded running totals`;
  steps.push(
    traceStep(
      'tiers.marginal',
      formula,
      { amount: money(amount), exact, slices: slices.length },
      money(applied.commission),
    ),
  );
  return steps;
}

/** The public result: money in major units, the effective rate, the slices and the trace. */
function rateTableResult(applied: Applied, currency: string): RateTableResult {
  const { amount, commission, rounding, money, table } = applied;
  const decimals = rounding.coefficientDecimals;
  const effectiveRate =
    amount === 0n ? null : formatMinor(divideRounded(commission * pow10(decimals), amount, rounding.mode), decimals);
  const effective = traceStep(
    'tiers.effectiveRate',
    `effectiveRate = commission ÷ amount, rounded to ${decimals} dp (${rounding.mode})`,
    { amount: money(amount), commission: money(commission) },
    effectiveRate ?? 'null (amount is zero)',
  );
  return {
    amount: money(commission),
    currency,
    method: applied.method,
    base: money(amount),
    effectiveRate,
    slices: applied.slices.map((slice) => ({
      band: slice.band,
      label: table.bands[slice.band]!.label,
      rate: table.bands[slice.band]!.scoreText,
      from: money(slice.from),
      to: money(slice.to),
      base: money(slice.to - slice.from),
      amount: money(slice.commission),
    })),
    trace: [...commissionTrace(applied), effective],
  };
}

/**
 * Applies a tier table as a commission rate table (SPEC §2.2): **marginal** — each slice of the
 * amount at its own band's rate, like tax brackets — or **retroactive** — the whole amount at the
 * rate of the band it reaches. These are the "accelerators" of sales-compensation plans.
 *
 * The band `score` is the rate (`"0.08"`, in [0, 1]); bounds are amounts in major units.
 * `higherIsBetter` (inclusive lower bounds, descending) describes rates that rise with the amount;
 * `lowerIsBetter` (inclusive upper bounds, ascending) rates that fall. The amount reaches a band
 * by the same inclusive rule as `tierScore`.
 *
 * **Formula.** Marginal: commission = round(Σᵢ sliceᵢ × rateᵢ), sliceᵢ = the part of [0, amount]
 * inside band i; slice commissions are differences of rounded running totals, so they sum to the
 * commission. Retroactive: commission = round(amount × rate₍reached band₎). Exact on integers,
 * rounded once to minor units with the policy's mode. effectiveRate = commission ÷ amount.
 *
 * **References.** Sales-compensation "accelerators" (marginal vs retroactive tiers); seed 001's
 * commission-linked support pool.
 *
 * @param input - `table`, `amount` (≥ 0, major units), `currency`, `method`, optional `rounding`.
 * @returns The commission `amount`, `effectiveRate`, `slices` and the trace.
 * @throws {@link SynergyPayError} `INVALID_INPUT` (also: `interpolate` on a rate table),
 *   `INVALID_DECIMAL`, `INVALID_AMOUNT`, `NEGATIVE_VALUE`, `OUT_OF_RANGE` (rate above 1),
 *   `UNKNOWN_CURRENCY`, `TIER_BOUND_MISSING`, `TIER_LAST_BAND_BOUNDED`,
 *   `TIER_BOUNDS_NOT_ORDERED`, `TIER_SCORES_NOT_MONOTONE`, `TIER_UNIT_MISMATCH`.
 *
 * @example
 * ```ts
 * import { applyRateTable, type TierTable } from 'synergy-pay';
 * const table: TierTable = {
 *   direction: 'higherIsBetter',
 *   bands: [{ bound: 50000, score: '0.10' }, { bound: 10000, score: '0.08' }, { score: '0.05' }],
 * };
 * applyRateTable({ table, amount: '62000.00', currency: 'CNY', method: 'marginal' }).amount; // "4900.00"
 * applyRateTable({ table, amount: '62000.00', currency: 'CNY', method: 'retroactive' }).amount; // "6200.00"
 * ```
 */
export function applyRateTable(input: RateTableInput): RateTableResult {
  const parsed = parseInput(rateTableInputSchema, input);
  const rounding = resolveRounding(parsed.rounding);
  const digits = minorDigits(parsed.currency);
  const issues = new IssueList();
  const table = compileTable(parsed.table, ['table'], issues, rounding);
  const brackets = table && checkRateBrackets(table, digits, ['table'], issues);
  const amount = readAmount(parsed.amount, digits, issues);
  issues.throwIfAny();
  const applied = applyRates(table!, amount, digits, parsed.method, rounding.mode, brackets);
  const money = (minor: bigint) => formatMinor(minor, digits);
  const context = { table: table!, brackets: brackets!, amount, method: parsed.method, rounding, money };
  return rateTableResult({ ...context, ...applied }, parsed.currency);
}

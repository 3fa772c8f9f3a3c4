import { minorDigits } from '../core/currency.js';
import { Dec, decimalFraction } from '../core/decimal.js';
import { IssueList, SynergyPayError, type IssuePath } from '../core/errors.js';
import { formatMinor, parseMinor, pow10 } from '../core/money.js';
import { divideRounded, resolveRounding, type RoundingMode } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { rateTableInputSchema, type RateTableInput } from './schema.js';
import { checkTierTable, type CompiledBand, type CompiledTierTable } from './tierScore.js';

/** How a rate table applies to an amount. */
export type RateMethod = 'marginal' | 'retroactive';

/**
 * A rate table's bands as brackets of the amount in minor units, in ascending amount order
 * (prepared once per table and currency digits by {@link rateBrackets}).
 */
export interface RateBrackets {
  readonly digits: number;
  /** Band index of each bracket, brackets in ascending amount order. */
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

/** Scale (number of decimals) of a power of ten. */
function decimalsOf(powerOfTen: bigint): number {
  return powerOfTen.toString().length - 1;
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
  const boundsByBand: (bigint | null)[] = [];
  compiled.bands.forEach((band, i) => {
    const ratePath = [...path, 'bands', i, 'score'];
    if (band.score.isNegative() && !band.score.isZero())
      issues.add('NEGATIVE_VALUE', ratePath, `rate ${band.score.toFixed()} is negative`);
    else if (band.score.greaterThan(1))
      issues.add('OUT_OF_RANGE', ratePath, `rate ${band.score.toFixed()} is above 1 (write 8 % as "0.08")`);
    if (band.bound === null) {
      boundsByBand.push(null);
      return;
    }
    const boundPath = [...path, 'bands', i, 'bound'];
    if (band.bound.isNegative() && !band.bound.isZero()) {
      issues.add('NEGATIVE_VALUE', boundPath, `bound ${band.bound.toFixed()} is negative; amounts start at 0`);
      boundsByBand.push(null);
      return;
    }
    const [numerator, denominator] = decimalFraction(band.bound);
    const scaled = numerator * pow10(digits);
    if (scaled % denominator !== 0n) {
      issues.add(
        'INVALID_AMOUNT',
        boundPath,
        `bound ${band.bound.toFixed()} has more than ${digits} decimal${digits === 1 ? '' : 's'}, the currency's minor unit`,
      );
      boundsByBand.push(null);
      return;
    }
    boundsByBand.push(scaled / denominator);
  });
  if (issues.size > before) return undefined;

  const n = compiled.bands.length;
  const order = compiled.direction === 'lowerIsBetter' ? [...Array(n).keys()] : [...Array(n).keys()].reverse();
  const lowers: bigint[] = [];
  const uppers: (bigint | null)[] = [];
  for (const band of order) {
    if (compiled.direction === 'lowerIsBetter') {
      // Band i covers (b₍ᵢ₋₁₎, bᵢ]; band 0 starts at 0.
      lowers.push(band === 0 ? 0n : (boundsByBand[band - 1] as bigint));
      uppers.push(boundsByBand[band] ?? null);
    } else {
      // Band i covers [bᵢ, b₍ᵢ₋₁₎); the open last band starts at 0.
      lowers.push(boundsByBand[band] ?? 0n);
      uppers.push(band === 0 ? null : (boundsByBand[band - 1] as bigint));
    }
  }
  return {
    digits,
    bands: order,
    lowers,
    uppers,
    rates: order.map((band) => compiled.scoreNumerators[band] as bigint),
    rateScale: compiled.scoreScale,
    boundsByBand,
  };
}

/** Prepares a compiled table as rate brackets in minor units, throwing on a problem (see {@link checkRateBrackets}). */
export function rateBrackets(compiled: CompiledTierTable, digits: number, path: IssuePath = ['table']): RateBrackets {
  const issues = new IssueList();
  const brackets = checkRateBrackets(compiled, digits, path, issues);
  issues.throwIfAny();
  return brackets as RateBrackets;
}

/** The band an amount (minor units, ≥ 0) reaches: inclusive bounds, as in {@link scoreOf}. */
export function reachedBand(compiled: CompiledTierTable, brackets: RateBrackets, amountMinor: bigint): number {
  const last = brackets.boundsByBand.length - 1;
  for (let i = 0; i < last; i++) {
    const bound = brackets.boundsByBand[i] as bigint;
    if (compiled.direction === 'lowerIsBetter' ? amountMinor <= bound : amountMinor >= bound) return i;
  }
  return last;
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
  if (method === 'retroactive') {
    const band = reachedBand(compiled, brackets, amountMinor);
    return divideRounded(amountMinor * (compiled.scoreNumerators[band] as bigint), denominator, mode);
  }
  let exact = 0n;
  const { lowers, uppers, rates } = brackets;
  for (let j = 0; j < lowers.length; j++) {
    const lower = lowers[j] as bigint;
    if (amountMinor <= lower) break; // brackets ascend: nothing above
    const upper = uppers[j] as bigint | null;
    const top = upper === null || amountMinor < upper ? amountMinor : upper;
    if (top > lower) exact += (top - lower) * (rates[j] as bigint);
  }
  return divideRounded(exact, denominator, mode);
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
    const exact = amountMinor * (compiled.scoreNumerators[band] as bigint);
    const commission = divideRounded(exact, denominator, mode);
    const slices =
      amountMinor > 0n
        ? [{ band, from: 0n, to: amountMinor, rate: (compiled.bands[band] as CompiledBand).score, commission }]
        : [];
    return { commission, exact, slices };
  }
  const slices: RateSliceMinor[] = [];
  let exact = 0n;
  let rounded = 0n;
  for (let j = 0; j < brackets.lowers.length; j++) {
    const lower = brackets.lowers[j] as bigint;
    if (amountMinor <= lower) break;
    const upper = brackets.uppers[j] as bigint | null;
    const top = upper === null || amountMinor < upper ? amountMinor : upper;
    if (top <= lower) continue;
    exact += (top - lower) * (brackets.rates[j] as bigint);
    const running = divideRounded(exact, denominator, mode);
    const band = brackets.bands[j] as number;
    slices.push({
      band,
      from: lower,
      to: top,
      rate: (compiled.bands[band] as CompiledBand).score,
      commission: running - rounded,
    });
    rounded = running;
  }
  return { commission: rounded, exact, slices };
}

/** One slice of {@link RateTableResult}. */
export interface RateSlice {
  /** Index of the band whose rate applies (0 = the table's first band). */
  readonly band: number;
  /** The band's label, or `null`. */
  readonly label: string | null;
  /** The rate as written, e.g. `"0.08"`, `"0.10"`. */
  readonly rate: string;
  /** Where the slice starts and ends in the amount (major units, minor digits). */
  readonly from: string;
  readonly to: string;
  /** The slice of the amount the rate applies to: `to − from`. */
  readonly base: string;
  /** The slice's commission (minor digits); the slices add up to the result's `amount`. */
  readonly amount: string;
}

/** Result of {@link applyRateTable}. */
export interface RateTableResult {
  /** The commission, with exactly the currency's minor digits. */
  readonly amount: string;
  readonly currency: string;
  readonly method: RateMethod;
  /** The amount the rates applied to, with the currency's minor digits. */
  readonly base: string;
  /** commission ÷ base rounded to `coefficientDecimals`; `null` when the base is zero. */
  readonly effectiveRate: string | null;
  /** The slices, in ascending amount order (marginal), or the one whole-amount slice (retroactive). */
  readonly slices: RateSlice[];
  readonly trace: TraceStep[];
}

/**
 * Applies a tier table as a commission rate table (SPEC §2.2): **marginal** — each slice of the
 * amount at its own band's rate, like tax brackets — or **retroactive** — the whole amount at the
 * rate of the band it reaches. These are the "accelerators" of sales-compensation plans.
 *
 * The band `score` is the rate (`"0.08"`, in [0, 1]); bounds are amounts in major units.
 * `higherIsBetter` (inclusive lower bounds, descending) describes rates that rise with the amount;
 * `lowerIsBetter` (inclusive upper bounds, ascending) rates that fall. The amount reaches a band
 * by the same inclusive rule as {@link tierScore}.
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
  const compiled = checkTierTable(parsed.table, ['table'], issues, rounding);
  const brackets = compiled === undefined ? undefined : checkRateBrackets(compiled, digits, ['table'], issues);
  let amountMinor = 0n;
  try {
    amountMinor = parseMinor(parsed.amount, digits, ['amount']);
    if (amountMinor < 0n)
      issues.add(
        'NEGATIVE_VALUE',
        ['amount'],
        `${String(parsed.amount)} is negative; the base of a commission is zero or more`,
      );
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    for (const issue of error.issues) issues.add(issue.code, issue.path, issue.message);
  }
  issues.throwIfAny();
  const table = compiled as CompiledTierTable;
  const { commission, exact, slices } = applyRates(table, amountMinor, digits, parsed.method, rounding.mode, brackets);

  const money = (minor: bigint) => formatMinor(minor, digits);
  const effectiveRate =
    amountMinor === 0n
      ? null
      : formatMinor(
          divideRounded(commission * pow10(rounding.coefficientDecimals), amountMinor, rounding.mode),
          rounding.coefficientDecimals,
        );
  const exactText = new Dec(formatMinor(exact, (brackets as RateBrackets).rateScale + digits)).toFixed();

  const trace: TraceStep[] = [];
  if (parsed.method === 'marginal') {
    for (const slice of slices)
      trace.push(
        traceStep(
          'tiers.rateSlice',
          'sliceᵢ = the part of [0, amount] inside band i; exact commissionᵢ = sliceᵢ × rateᵢ',
          { band: slice.band, from: money(slice.from), to: money(slice.to), rate: slice.rate.toFixed() },
          new Dec(
            formatMinor(
              (slice.to - slice.from) * decimalFraction(slice.rate)[0],
              digits + decimalsOf(decimalFraction(slice.rate)[1]),
            ),
          ).toFixed(),
        ),
      );
    trace.push(
      traceStep(
        'tiers.marginal',
        `commission = round(Σ sliceᵢ × rateᵢ) to minor units (${rounding.mode}); slice amounts are differences of the rounded running totals`,
        { amount: money(amountMinor), exact: exactText, slices: slices.length },
        money(commission),
      ),
    );
  } else {
    const band = reachedBand(table, brackets as RateBrackets, amountMinor);
    trace.push(
      traceStep(
        'tiers.retroactive',
        `commission = round(amount × rate of the reached band) to minor units (${rounding.mode})`,
        {
          amount: money(amountMinor),
          band,
          rate: (table.bands[band] as CompiledBand).score.toFixed(),
          exact: exactText,
        },
        money(commission),
      ),
    );
  }
  trace.push(
    traceStep(
      'tiers.effectiveRate',
      `effectiveRate = commission ÷ amount, rounded to ${rounding.coefficientDecimals} dp (${rounding.mode})`,
      { amount: money(amountMinor), commission: money(commission) },
      effectiveRate ?? 'null (amount is zero)',
    ),
  );

  return {
    amount: money(commission),
    currency: parsed.currency,
    method: parsed.method,
    base: money(amountMinor),
    effectiveRate,
    slices: slices.map((slice) => ({
      band: slice.band,
      label: (table.bands[slice.band] as CompiledBand).label,
      rate: (table.bands[slice.band] as CompiledBand).scoreText,
      from: money(slice.from),
      to: money(slice.to),
      base: money(slice.to - slice.from),
      amount: money(slice.commission),
    })),
    trace,
  };
}

/** The public shapes of tier tables, rate tables and coefficient maps: one definition each (schemas in schema.ts). */
import type { DecimalInput } from '../core/decimalInput.js';
import type { RoundingInput } from '../core/rounding.js';
import type { TraceStep } from '../core/trace.js';

/** A duration bound as a date-fns `Duration` (`{ hours: 1 }`): fixed-length fields (no months, years), each ≥ 0. */
export interface DurationBound {
  /** Weeks of 7 × 24 h. */
  readonly weeks?: DecimalInput;
  /** Days of 24 h of measured time (write working days in hours). */
  readonly days?: DecimalInput;
  /** Hours. */
  readonly hours?: DecimalInput;
  /** Minutes. */
  readonly minutes?: DecimalInput;
  /** Seconds. */
  readonly seconds?: DecimalInput;
}

/** One band of a {@link TierTable}. Bands are listed best first. */
export interface TierBand {
  /** Inclusive upper (`lowerIsBetter`) or lower bound (minutes or a `Duration` in a duration table); none on the last. */
  bound?: DecimalInput | DurationBound | undefined;
  /** The band's score (in a rate table: its rate, e.g. `"0.08"`). */
  score: DecimalInput;
  /** An optional name shown in results and traces (e.g. `"≤ 1 h"`), at most 200 characters. */
  label?: string | undefined;
}

/**
 * A tier table (SPEC §2.2): bands listed best first, scores never rising down the list, the last
 * band open. `lowerIsBetter` (times): ≤ 60 → 100, ≤ 120 → 80, else 60; `higherIsBetter` (rates):
 * ≥ 1.2 → 120, ≥ 1.0 → 100, else 0.
 */
export interface TierTable {
  /** Whether lower or higher measured values are better. */
  direction: 'lowerIsBetter' | 'higherIsBetter';
  /** The bands, best first; at least one. */
  bands: TierBand[];
  /** Score interior band i on the line from (b₍ᵢ₋₁₎, s₍ᵢ₋₁₎) to (bᵢ, sᵢ). @defaultValue `false` */
  interpolate?: boolean | undefined;
  /** `'duration'`: bounds in minutes or `Duration`s, values in milliseconds. @defaultValue `'number'` */
  unit?: 'number' | 'duration' | undefined;
}

/** Input of `tierScore`. */
export interface TierScoreInput {
  /** The tier table. */
  table: TierTable;
  /** The measured value (in a duration table: milliseconds, ≥ 0). */
  value: DecimalInput;
  /** Rounding policy; the score is rounded to `scoreDecimals` with `mode`. @defaultValue half-up, 2 dp */
  rounding?: RoundingInput | undefined;
}

/** Result of `tierScore`. */
export interface TierScoreResult {
  /** The score, rounded to `scoreDecimals` (default 2) with the policy's mode. */
  readonly score: string;
  /** Index of the band the value fell in, 0 = the first (best) band. */
  readonly band: number;
  /** The band's label, or `null`. */
  readonly label: string | null;
  /** The band found and the score derived. */
  readonly trace: TraceStep[];
}

/** How a rate table applies to an amount: each slice at its own rate, or the whole at the reached rate. */
export type RateMethod = 'marginal' | 'retroactive';

/** Input of `applyRateTable`. */
export interface RateTableInput {
  /** A step table whose band scores are rates in [0, 1] and whose bounds are amounts ≥ 0 in major units. */
  table: TierTable;
  /** The base the rates apply to, in major units (≥ 0), e.g. a month's sales `"62000.00"`. */
  amount: DecimalInput;
  /** ISO 4217 currency of the amount and the bounds. */
  currency: string;
  /** `marginal`: each slice at its own band's rate (tax brackets); `retroactive`: all at the reached band's rate. */
  method: RateMethod;
  /** Money rounds to minor units with `mode`, the effective rate to `coefficientDecimals`. @defaultValue half-up, 4 */
  rounding?: RoundingInput | undefined;
}

/** One slice of a {@link RateTableResult}. */
export interface RateSlice {
  /** Index of the band whose rate applies (0 = the table's first band). */
  readonly band: number;
  /** The band's label, or `null`. */
  readonly label: string | null;
  /** The rate as written, e.g. `"0.08"`, `"0.10"`. */
  readonly rate: string;
  /** Where the slice starts in the amount (major units, minor digits). */
  readonly from: string;
  /** Where the slice ends in the amount (major units, minor digits). */
  readonly to: string;
  /** The slice of the amount the rate applies to: `to − from`. */
  readonly base: string;
  /** The slice's commission (minor digits); the slices add up to the result's `amount`. */
  readonly amount: string;
}

/** Result of `applyRateTable`. */
export interface RateTableResult {
  /** The commission, with exactly the currency's minor digits. */
  readonly amount: string;
  /** The currency of every amount. */
  readonly currency: string;
  /** The method applied. */
  readonly method: RateMethod;
  /** The amount the rates applied to, with the currency's minor digits. */
  readonly base: string;
  /** commission ÷ base rounded to `coefficientDecimals`; `null` when the base is zero. */
  readonly effectiveRate: string | null;
  /** The slices, in ascending amount order (marginal), or the one whole-amount slice (retroactive). */
  readonly slices: RateSlice[];
  /** Each slice, the commission and the effective rate, derived. */
  readonly trace: TraceStep[];
}

/** `clamp(intercept + slope · x, floor, cap)`: seed 000's "完成率 80 %, 绩效系数 0.8" with the defaults. */
export interface LinearMapInput {
  /** The map's kind. */
  kind: 'linear';
  /** Coefficient gained per unit of x (≥ 0, so a better x never gives less). @defaultValue `1` */
  slope?: DecimalInput | undefined;
  /** Coefficient at x = 0, before clamping. @defaultValue `0` */
  intercept?: DecimalInput | undefined;
  /** Lowest coefficient. @defaultValue `0` */
  floor?: DecimalInput | undefined;
  /** Highest coefficient; omit for no cap. @defaultValue none */
  cap?: DecimalInput | undefined;
}

/** A tier table as a map (≥ 1.2 → 1.2, ≥ 1.0 → 1.0, else 0.8): the band's score is the coefficient. */
export interface TierMapInput {
  /** The map's kind. */
  kind: 'tiers';
  /** The tier table. */
  table: TierTable;
}

/** How a measured value becomes a coefficient: a clamped linear map or a tier table (SPEC §2.2). */
export type CoefficientMapInput = LinearMapInput | TierMapInput;

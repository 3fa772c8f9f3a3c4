/**
 * The ratings plan with its defaults filled in, and the scaled-integer form of every score.
 *
 * @module
 */
import { Dec, decimalFraction } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import type { IssueList } from '../core/errors.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import type { ParsedRatingsInput } from './schema.js';

/** The modified z-score constant 0.6745 ≈ Φ⁻¹(0.75) (Iglewicz–Hoaglin). */
export const Z_CONSTANT = '0.6745';
/** The mean-absolute-deviation constant 1.253314 ≈ √(π/2), used when MAD = 0. */
export const MEAN_DEVIATION_CONSTANT = '1.253314';

/** Every plan setting, resolved. Decimals as exact `Dec`. */
export interface RatingSettings {
  readonly scaleMin: Dec;
  readonly scaleMax: Dec;
  readonly extremeLow: Dec | null;
  readonly extremeHigh: Dec | null;
  readonly zMinSize: number;
  readonly zThreshold: Dec;
  readonly looMinSize: number;
  readonly looDelta: Dec;
  readonly minRaters: number;
  readonly includePending: boolean;
  readonly untaskedRatings: 'reject' | 'accept';
  /** `null` when the leniency correction is off. */
  readonly leniencyMinRatees: number | null;
  readonly rounding: RoundingPolicy;
}

/** Fills in the plan defaults and checks the settings' ranges (issues at `plan.…`). */
export function resolveSettings(plan: ParsedRatingsInput['plan'], issues: IssueList): RatingSettings {
  const scaleMin = new Dec(decimalText(plan?.scale?.min ?? 0));
  const scaleMax = new Dec(decimalText(plan?.scale?.max ?? 100));
  if (!scaleMin.lessThan(scaleMax))
    issues.add(
      'OUT_OF_RANGE',
      ['plan', 'scale', 'max'],
      `the scale's max (${scaleMax.toFixed()}) must be above its min (${scaleMin.toFixed()})`,
    );
  const low = plan?.extremes?.low;
  const high = plan?.extremes?.high;
  const looDelta =
    plan?.leaveOneOut?.delta === undefined
      ? scaleMax.minus(scaleMin).times('0.4')
      : new Dec(decimalText(plan.leaveOneOut.delta));
  if (plan?.leaveOneOut?.delta !== undefined && !looDelta.greaterThan(0))
    issues.add('OUT_OF_RANGE', ['plan', 'leaveOneOut', 'delta'], 'the leave-one-out Δ must be above zero');
  return {
    scaleMin,
    scaleMax,
    extremeLow: low === undefined ? null : new Dec(decimalText(low)),
    extremeHigh: high === undefined ? null : new Dec(decimalText(high)),
    zMinSize: plan?.modifiedZ?.minGroupSize ?? 5,
    zThreshold: new Dec(decimalText(plan?.modifiedZ?.threshold ?? '3.5')),
    looMinSize: plan?.leaveOneOut?.minGroupSize ?? 3,
    looDelta,
    minRaters: plan?.minRaters ?? 3,
    includePending: plan?.includePending ?? false,
    untaskedRatings: plan?.untaskedRatings ?? 'reject',
    leniencyMinRatees: plan?.leniency === undefined ? null : (plan.leniency.minRatees ?? 5),
    rounding: resolveRounding({
      ...(plan?.rounding?.mode === undefined ? {} : { mode: plan.rounding.mode }),
      ...(plan?.rounding?.scoreDecimals === undefined ? {} : { scoreDecimals: plan.rounding.scoreDecimals }),
      ...(plan?.rounding?.coefficientDecimals === undefined
        ? {}
        : { coefficientDecimals: plan.rounding.coefficientDecimals }),
    }),
  };
}

/** Decimal places of a decimal input (0 for integers given as numbers). */
export function decimalsOf(value: DecimalInput): number {
  if (typeof value === 'number' && Number.isInteger(value)) return 0;
  const text = decimalText(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** Digits before the decimal point of a decimal input (sign ignored). */
export function wholeDigitsOf(value: DecimalInput): number {
  if (typeof value === 'number' && Number.isInteger(value)) return String(Math.abs(value)).length;
  const text = decimalText(value);
  const start = text.startsWith('-') ? 1 : 0;
  const dot = text.indexOf('.');
  return (dot === -1 ? text.length : dot) - start;
}

/**
 * Digits allowed for a scaled score (whole digits of the scale + common decimals, or score
 * decimals when more): scores stay below 10^14 < 2^50 as integers, so every comparison, sum and
 * leniency shift is exact in `number` arithmetic (sums are flushed to bigint past 2^52).
 */
export const MAX_SCALED_DIGITS = 14;

/** Scales a decimal input to an integer with `places` decimals (exact: see {@link MAX_SCALED_DIGITS}). */
export function scaleValue(value: DecimalInput, places: number): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value * 10 ** places;
  const text = decimalText(value);
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const dot = unsigned.indexOf('.');
  const whole = dot === -1 ? unsigned : unsigned.slice(0, dot);
  const fraction = dot === -1 ? '' : unsigned.slice(dot + 1);
  const scaled = Number(whole + fraction.padEnd(places, '0'));
  return negative && scaled !== 0 ? -scaled : scaled;
}

/** Scales an exact decimal to an integer with `places` decimals. */
export function scaleDec(value: Dec, places: number): number {
  return scaleValue(value.toFixed(), places);
}

/** Decimal places of an exact decimal. */
export function decPlaces(value: Dec): number {
  return value.decimalPlaces();
}

/** A decimal as an exact fraction. */
export function fractionOf(value: Dec): { numerator: bigint; denominator: bigint } {
  const [numerator, denominator] = decimalFraction(value);
  return { numerator, denominator };
}

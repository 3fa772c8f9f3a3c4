/**
 * Hot-path helpers for the pool: money read straight into integer minor units without a Decimal
 * per row, and a check that a row is exactly what its schema accepts (so million-row inputs can
 * skip zod's per-row machinery; anything doubtful goes through the full schema for its errors).
 */
import { decimalProblem, decimalText, type DecimalInput } from '../core/decimalInput.js';
import { defaultRounding, type RoundingMode, type RoundingPolicy } from '../core/rounding.js';

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Minor units of an already validated decimal input as an exact `number`, or `NaN` when that is
 * not possible: more decimals than `digits` that are not all zero (the caller reports
 * `INVALID_AMOUNT` through the slow path) or more than 15 significant digits (the caller falls
 * back to `bigint`). 15 digits keep every value below 2^53 exactly.
 */
export function minorNumber(value: DecimalInput, digits: number): number {
  const text = typeof value === 'string' ? value : decimalText(value);
  const negative = text.charCodeAt(0) === 45;
  const begin = negative ? 1 : 0;
  const dot = text.indexOf('.');
  const wholeEnd = dot === -1 ? text.length : dot;
  if (wholeEnd - begin + digits > 15) return Number.NaN;
  let minor = 0;
  for (let i = begin; i < wholeEnd; i++) minor = minor * 10 + (text.charCodeAt(i) - 48);
  let used = 0;
  if (dot !== -1) {
    for (let i = dot + 1; i < text.length; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (used < digits) {
        minor = minor * 10 + digit;
        used++;
      } else if (digit !== 0) return Number.NaN;
    }
  }
  for (; used < digits; used++) minor *= 10;
  return negative ? (minor === 0 ? 0 : -minor) : minor;
}

/** Whether `value` is a plain decimal input (string or finite safe number). */
export function isDecimal(value: unknown): value is DecimalInput {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
  return typeof value === 'string' && decimalProblem(value) === undefined;
}

/** Whether `value` is a decimal ≥ 0 ("-0" counts as zero). */
export function isNonNegativeDecimal(value: unknown): value is DecimalInput {
  if (!isDecimal(value)) return false;
  return typeof value === 'number' ? value >= 0 : !(value.charCodeAt(0) === 45 && /[1-9]/.test(value));
}

/** Whether `value` is an id: a string of 1–200 characters. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

/** Whether `value` is a plain object whose keys are all in `allowed`. */
export function isPlainRow(value: unknown, allowed: ReadonlySet<string>): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

/** The plan's rounding policy from its parsed (all-optional) form, defaults filled in. */
export function resolvePolicy(rounding: { mode?: RoundingMode | undefined; scoreDecimals?: number | undefined; coefficientDecimals?: number | undefined } | undefined): RoundingPolicy {
  return {
    mode: rounding?.mode ?? defaultRounding.mode,
    scoreDecimals: rounding?.scoreDecimals ?? defaultRounding.scoreDecimals,
    coefficientDecimals: rounding?.coefficientDecimals ?? defaultRounding.coefficientDecimals,
  };
}

/**
 * Hot-path helpers for the pool: money read straight into integer minor units without a Decimal
 * per row, and a check that a row is exactly what its schema accepts (so million-row inputs can
 * skip zod's per-row machinery; anything doubtful goes through the full schema for its errors).
 */
import { decimalProblem, decimalText, type DecimalInput } from '../core/decimalInput.js';
import { formatMinor } from '../core/money.js';

const POW10 = [
  1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/**
 * Minor units of a decimal input as an exact `number`, or `NaN` when that is not possible: the
 * value is not a plain decimal (the caller reports it through the schema), it has more decimals
 * than `digits` that are not all zero (the caller reports `INVALID_AMOUNT`), or it has more than
 * 15 significant digits (the caller falls back to `bigint`). 15 digits keep every value below
 * 2^53 exactly. Strings are checked character by character (`-?(0|[1-9]\d*)(\.\d+)?`), no regex.
 */
export function minorNumber(value: unknown, digits: number): number {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER)
    text = decimalText(value);
  else return Number.NaN;
  const length = text.length;
  const negative = text.charCodeAt(0) === 45;
  const begin = negative ? 1 : 0;
  let minor = 0;
  let i = begin;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    if (i - begin === 15) return Number.NaN; // too long for a number: the bigint path reads it
    minor = minor * 10 + digit;
  }
  const wholeDigits = i - begin;
  if (wholeDigits === 0 || wholeDigits + digits > 15 || (wholeDigits > 1 && text.charCodeAt(begin) === 48))
    return Number.NaN;
  let used = 0;
  if (i < length) {
    if (text.charCodeAt(i) !== 46 || i === length - 1) return Number.NaN;
    for (i++; i < length; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return Number.NaN;
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

/** ".00" … ".99" (and likewise for 1, 3 and 4 digits), built on first use. */
const FRACTIONS: string[][] = [];

function fractionTexts(digits: number): string[] {
  let table = FRACTIONS[digits];
  if (table === undefined) {
    table = Array.from({ length: POW10[digits] as number }, (_, k) => '.' + String(k).padStart(digits, '0'));
    FRACTIONS[digits] = table;
  }
  return table;
}

/**
 * `formatMinor` for an exact integer `number` of minor units (|minor| ≤ 2^53 − 1), without the
 * string padding and slicing: the hot path of million-row results. The fraction comes from a
 * table of ".00" … ".99", so one number becomes one concatenation. Same output as `formatMinor`.
 */
export function formatMinorNumber(minor: number, digits: number): string {
  if (digits === 0) return String(minor === 0 ? 0 : minor);
  const negative = minor < 0;
  const magnitude = negative ? -minor : minor;
  const factor = POW10[digits] as number;
  let whole = Math.trunc(magnitude / factor);
  let fraction = magnitude - whole * factor;
  // The float quotient may land one off near 2^53: the exact integer remainder corrects it.
  if (fraction < 0) {
    whole -= 1;
    fraction += factor;
  } else if (fraction >= factor) {
    whole += 1;
    fraction -= factor;
  }
  if (digits <= 4) {
    const text = String(whole) + (fractionTexts(digits)[fraction] as string);
    return negative ? '-' + text : text;
  }
  let fractionText = String(fraction);
  while (fractionText.length < digits) fractionText = '0' + fractionText;
  return (negative ? '-' : '') + String(whole) + '.' + fractionText;
}

/**
 * Whether a money text that {@link minorNumber} read as `minor` is already written exactly as
 * {@link formatMinorNumber} would write it (no "+", no missing or extra decimals, not "-0.00"),
 * so a result can reuse the caller's string instead of formatting a new one.
 */
export function isCanonicalMoney(value: unknown, minor: number, digits: number): value is string {
  if (typeof value !== 'string') return false;
  if (minor === 0 && value.charCodeAt(0) === 45) return false;
  if (digits === 0) return value.indexOf('.') === -1;
  return value.charCodeAt(value.length - digits - 1) === 46;
}

/** Formats minor units given as `number` (exact) or `bigint`. */
export function formatAmount(minor: number | bigint, digits: number): string {
  return typeof minor === 'number' ? formatMinorNumber(minor, digits) : formatMinor(minor, digits);
}

const TWO_52 = 2 ** 52;

/**
 * `part ÷ whole` (0 ≤ part ≤ whole, both exact integers, whole > 0) rounded to `decimals`
 * (≤ 15) places in `mode`, as text ("0.5294113636", "1.0000000000"): long division on plain
 * numbers, a few digits per step, each step's quotient corrected with its exact remainder.
 * `undefined` when `whole` is too large for that (the caller divides in `bigint`). The same
 * figure as `formatMinor(divideRounded(part · 10^decimals, whole, mode), decimals)`.
 */
export function ratioText(
  part: number,
  whole: number,
  decimals: number,
  mode: 'halfUp' | 'halfEven',
): string | undefined {
  if (!(whole > 0 && whole * 10 <= TWO_52 && part >= 0 && part <= whole && decimals <= 15)) return undefined;
  // Digits per step: the most with whole · 10^step ≤ 2^52, so every product below is exact.
  let step = 1;
  while (step < decimals && whole * (POW10[step + 1] as number) <= TWO_52) step++;
  let integer = part === whole ? 1 : 0;
  let remainder = part === whole ? 0 : part;
  let fraction = 0;
  for (let done = 0; done < decimals;) {
    const k = Math.min(step, decimals - done);
    const scale = POW10[k] as number;
    const x = remainder * scale;
    let q = Math.floor(x / whole);
    let r = x - q * whole;
    if (r < 0) {
      q -= 1;
      r += whole;
    } else if (r >= whole) {
      q += 1;
      r -= whole;
    }
    fraction = fraction * scale + q;
    remainder = r;
    done += k;
  }
  const twice = 2 * remainder;
  if (twice > whole || (twice === whole && (mode === 'halfUp' || (decimals === 0 ? integer : fraction) % 2 === 1)))
    fraction += 1;
  const unit = POW10[decimals] as number;
  if (fraction === unit) {
    integer += 1;
    fraction = 0;
  }
  if (decimals === 0) return String(integer);
  let text = String(fraction);
  if (text.length < decimals) text = '0'.repeat(decimals - text.length) + text;
  return `${integer}.${text}`;
}

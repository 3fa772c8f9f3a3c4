import { decimalProblem, decimalText, type DecimalInput } from './decimalInput.js';
import { fail, type IssueList, type IssuePath, SynergyPayError } from './errors.js';
import { ExactSum } from './exact.js';
import { floorDivide } from './rounding.js';

/**
 * Money inside synergy-pay is an integer count of the currency's minor units (fen for CNY,
 * yen for JPY, fils for KWD) held as a `bigint`, so no amount is ever a binary float.
 * Amounts cross the public boundary as decimal strings with exactly the minor digits.
 */
export type Minor = bigint;

const POWERS: bigint[] = [];
/** 10^n as a bigint (cached). */
export function pow10(n: number): bigint {
  let value = POWERS[n];
  if (value === undefined) {
    value = 10n ** BigInt(n);
    POWERS[n] = value;
  }
  return value;
}

/**
 * Reads a money input into minor units. The amount may not carry more decimals than the
 * currency has (`INVALID_AMOUNT`): a payroll library refuses "8800.005 CNY" rather than guess.
 */
export function parseMinor(value: unknown, digits: number, path: IssuePath): Minor {
  const problem = decimalProblem(value);
  if (problem !== undefined) fail('INVALID_DECIMAL', path, problem);
  const text = decimalText(value as DecimalInput);
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const dot = unsigned.indexOf('.');
  const whole = dot === -1 ? unsigned : unsigned.slice(0, dot);
  let fraction = dot === -1 ? '' : unsigned.slice(dot + 1);
  if (fraction.length > digits) {
    if (/[1-9]/.test(fraction.slice(digits))) {
      fail(
        'INVALID_AMOUNT',
        path,
        `${text} has more than ${digits} decimal${digits === 1 ? '' : 's'}, the currency's minor unit`,
      );
    }
    fraction = fraction.slice(0, digits);
  }
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  return negative ? -minor : minor;
}

/** Formats minor units as a decimal string with exactly `digits` decimals (`880000n, 2` → `"8800.00"`). */
export function formatMinor(minor: bigint | number, digits: number): string {
  const negative = minor < 0;
  return placePoint(negative, String(negative ? -minor : minor), digits);
}

/** `digits` (of a whole number) with a decimal point `scale` places from the right, and the sign. */
export function placePoint(negative: boolean, digits: string, scale: number): string {
  if (scale === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(scale + 1, '0');
  const cut = padded.length - scale;
  return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

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
  if (digits > 15) return formatMinor(BigInt(minor), digits);
  const negative = minor < 0;
  const magnitude = negative ? -minor : minor;
  const factor = POW10[digits] as number;
  const whole = floorDivide(magnitude, factor);
  const fraction = magnitude - whole * factor;
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

/**
 * Minor units as the million-row paths hold them: an exact `number` while |value| ≤ 2^53 − 1, a
 * `bigint` beyond (so `===` compares two amounts, whatever their size).
 */
export type Amount = number | bigint;

/** The {@link Amount} of `value`: a number when it is safe. */
export function toAmount(value: bigint): Amount {
  return value >= -9_007_199_254_740_991n && value <= 9_007_199_254_740_991n ? Number(value) : value;
}

/** a + b, exactly. */
export function addAmounts(a: Amount, b: Amount): Amount {
  if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a + b)) return a + b;
  return toAmount(BigInt(a) + BigInt(b));
}

/** Σ values, exactly. */
export function sumAmounts(values: ArrayLike<Amount>): bigint {
  const total = new ExactSum();
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (typeof value === 'number') total.add(value);
    else total.addBig(value);
  }
  return total.value();
}

/**
 * Minor units of a money input (a decimal the schema accepted): {@link minorNumber}'s fast path,
 * else {@link parseMinor}. An amount with more decimals than the currency adds `INVALID_AMOUNT`
 * to `issues` and reads as 0, so the caller can report every problem at once.
 */
export function readAmount(value: DecimalInput, digits: number, path: IssuePath, issues: IssueList): Amount {
  const fast = minorNumber(value, digits);
  if (!Number.isNaN(fast)) return fast;
  try {
    return toAmount(parseMinor(value, digits, path));
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    issues.items.push(...error.issues);
    return 0;
  }
}

/** The canonical text of `scaled` × 10^−scale, without trailing zeros (`9000000, 5` → `"90"`). */
export function formatScaled(scaled: Amount, scale: number): string {
  const text = formatAmount(scaled, scale);
  if (scale === 0) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  return text.slice(0, text.charCodeAt(end - 1) === 46 ? end - 1 : end);
}

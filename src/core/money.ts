import { Dec } from './decimal.js';
import { decimalProblem, decimalText, type DecimalInput } from './decimalInput.js';
import { fail, type IssuePath } from './errors.js';
import { divideRounded, type RoundingMode } from './rounding.js';

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
  const text = String(negative ? -minor : minor);
  if (digits === 0) return negative ? `-${text}` : text;
  const padded = text.padStart(digits + 1, '0');
  const cut = padded.length - digits;
  return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/** Minor units as an exact decimal of major units. */
export function minorToDecimal(minor: bigint | number, digits: number): Dec {
  return new Dec(formatMinor(minor, digits));
}

/** A decimal amount of major units rounded to minor units with `mode`. */
export function decimalToMinor(amount: Dec, digits: number, mode: RoundingMode): Minor {
  const [numerator, denominator] = decimalFraction(amount);
  return divideRounded(numerator * pow10(digits), denominator, mode);
}

/** A finite decimal as an exact fraction `numerator / 10^k` (denominator a power of ten). */
export function decimalFraction(value: Dec): [numerator: bigint, denominator: bigint] {
  const text = value.toFixed();
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const dot = unsigned.indexOf('.');
  const fraction = dot === -1 ? '' : unsigned.slice(dot + 1);
  const whole = dot === -1 ? unsigned : unsigned.slice(0, dot);
  const numerator = BigInt(whole + fraction);
  return [negative ? -numerator : numerator, pow10(fraction.length)];
}

/**
 * `minor × factor`, rounded to whole minor units with `mode`, computed exactly (the factor's
 * decimal expansion is used as a fraction, never a float). E.g. 12 % of 7,333,333 fen.
 */
export function multiplyMinor(minor: Minor, factor: Dec, mode: RoundingMode): Minor {
  const [numerator, denominator] = decimalFraction(factor);
  return divideRounded(minor * numerator, denominator, mode);
}

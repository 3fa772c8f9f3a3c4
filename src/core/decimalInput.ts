import { Dec } from './decimal.js';
import { fail, type IssuePath } from './errors.js';

/** A decimal as users give it: a plain decimal string (`"12.50"`, `"-3"`) or a finite number. */
export type DecimalInput = string | number;

/**
 * A plain decimal string: optional minus, digits without grouping or padding, optional fraction.
 * No exponent, no `+`, no leading dot, no hex, no spaces. At most 60 characters.
 */
export const DECIMAL_PATTERN = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** The message of a decimal field that is neither a string nor a finite number (mapped to `INVALID_DECIMAL`). */
export const DECIMAL_TYPE_MESSAGE = 'expected a decimal: a plain decimal string like "12.50" or a finite number';

/** The longest decimal string accepted; longer strings are refused before any work is done. */
export const MAX_DECIMAL_LENGTH = 60;

/** Why `value` is not an acceptable decimal input, or `undefined` when it is. */
export function decimalProblem(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (value.length > MAX_DECIMAL_LENGTH) return `a decimal string is at most ${MAX_DECIMAL_LENGTH} characters`;
    if (!DECIMAL_PATTERN.test(value))
      return `"${value}" is not a plain decimal (write e.g. "1234.50": no grouping, spaces, exponent or sign "+")`;
    return undefined;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `${String(value)} is not a finite number`;
    if (Math.abs(value) > Number.MAX_SAFE_INTEGER)
      return `${value} is beyond ±2^53 − 1 and cannot be read exactly; pass it as a string`;
    return undefined;
  }
  return `expected a decimal string or a number, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
}

/** The canonical plain-decimal string of an accepted input (numbers in exponent form are expanded). */
export function decimalText(value: DecimalInput): string {
  if (typeof value === 'string') return value === '-0' ? '0' : value;
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  return text.includes('e') ? new Dec(value).toFixed() : text;
}

/**
 * Reads a decimal input into the private decimal type, refusing anything that is not a plain
 * decimal (see {@link decimalProblem}) with `INVALID_DECIMAL` at `path`.
 */
export function toDecimal(value: unknown, path: IssuePath): Dec {
  const problem = decimalProblem(value);
  if (problem !== undefined) fail('INVALID_DECIMAL', path, problem);
  return new Dec(decimalText(value as DecimalInput));
}

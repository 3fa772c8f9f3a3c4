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
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return `expected a decimal string or a number, got ${kind}`;
}

/** Whether `value` is a plain decimal input (a decimal string, or a finite number within ±2^53 − 1). */
export function isDecimal(value: unknown): value is DecimalInput {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
  return typeof value === 'string' && value.length <= MAX_DECIMAL_LENGTH && isDecimalText(value);
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * `DECIMAL_PATTERN.test(text)`, read character by character: the row reader calls it for every
 * amount of a million rows, and the scan is about twice as fast as the regular expression.
 */
function isDecimalText(text: string): boolean {
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const lead = text.charCodeAt(i);
  if (lead === 48)
    i++; // a zero stands alone before the point
  else if (lead >= 49 && lead <= 57) while (++i < text.length && isDigit(text.charCodeAt(i)));
  else return false;
  if (i === text.length) return true;
  if (text.charCodeAt(i) !== 46 || i + 1 === text.length) return false; // '.' and at least one digit
  for (i++; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** Whether `value` is a decimal input ≥ 0 (`"-0"` and `"-0.00"` count as zero). */
export function isNonNegativeDecimal(value: unknown): value is DecimalInput {
  if (!isDecimal(value)) return false;
  return typeof value === 'number' ? value >= 0 : !(value.charCodeAt(0) === 45 && /[1-9]/.test(value));
}

/**
 * The canonical plain-decimal string of an accepted input: `"-0"` becomes `"0"`, and numbers that
 * JavaScript prints in exponent form (`1e-7`) are written out (`"0.0000001"`), exactly.
 */
export function decimalText(value: DecimalInput): string {
  if (typeof value === 'string') return value === '-0' ? '0' : value;
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  return text.includes('e') ? expandExponent(text) : text;
}

/** `"1.5e-7"` → `"0.00000015"`, `"1e+21"` → `"1000000000000000000000"`: the digits, moved, never rounded. */
function expandExponent(text: string): string {
  const negative = text.startsWith('-');
  const [mantissa = '', exponentText = '0'] = (negative ? text.slice(1) : text).split('e');
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot === -1 ? mantissa.length : dot) + Number(exponentText);
  let body: string;
  if (point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  body = body.includes('.') ? body.replace(/0+$/, '').replace(/\.$/, '') : body;
  return negative && body !== '0' ? `-${body}` : body;
}

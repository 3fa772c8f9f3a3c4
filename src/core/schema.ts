import { z } from 'zod';
import { isKnownCurrency } from './currency.js';
import { DECIMAL_TYPE_MESSAGE, decimalProblem, type DecimalInput } from './decimalInput.js';
import type { ErrorCode } from './codes.js';

/** A custom zod issue carrying one of the library's error codes. */
function codedIssue(code: ErrorCode, message: string, input: unknown) {
  return { code: 'custom' as const, message, input, params: { code } };
}

/** A missing decimal is a missing field (INVALID_INPUT); any other non-decimal type is INVALID_DECIMAL. */
function decimalTypeError(issue: { input?: unknown }): string {
  return issue.input === undefined ? 'required' : DECIMAL_TYPE_MESSAGE;
}

/** An id: a non-empty string of at most 200 characters. Compared in code-unit order. */
export const idSchema = /* @__PURE__ */ z.string().min(1).max(200);

/**
 * A decimal input: a plain decimal string (`"12.50"`) or a finite number within ±2^53 − 1.
 * Anything else (NaN, `"1e5"`, `"1,234"`, `" 1 "`, `""`, hex) is refused with `INVALID_DECIMAL`.
 */
export const decimalSchema = /* @__PURE__ */ z
  .union([z.string(), z.number()], { error: decimalTypeError })
  .superRefine((value, ctx) => {
    const problem = decimalProblem(value);
    if (problem !== undefined) ctx.addIssue(codedIssue('INVALID_DECIMAL', problem, value));
  }) as z.ZodType<DecimalInput, DecimalInput>;

/** A decimal input that must be zero or more (`NEGATIVE_VALUE` otherwise). */
export const nonNegativeDecimalSchema = /* @__PURE__ */ z
  .union([z.string(), z.number()], { error: decimalTypeError })
  .superRefine((value, ctx) => {
    const problem = decimalProblem(value);
    if (problem !== undefined) ctx.addIssue(codedIssue('INVALID_DECIMAL', problem, value));
    else if (typeof value === 'number' ? value < 0 : value.startsWith('-') && /[1-9]/.test(value))
      ctx.addIssue(codedIssue('NEGATIVE_VALUE', `${value} is negative; it must be zero or more`, value));
  }) as z.ZodType<DecimalInput, DecimalInput>;

/** A money amount in major units (`"8800.00"`); its decimals are checked against the currency later. */
export const moneySchema = decimalSchema;

/** An ISO 4217 currency code known to Intl (`UNKNOWN_CURRENCY` otherwise). */
export const currencySchema = /* @__PURE__ */ z.string().superRefine((value, ctx) => {
  if (!isKnownCurrency(value))
    ctx.addIssue(
      codedIssue('UNKNOWN_CURRENCY', `"${value.slice(0, 20)}" is not an ISO 4217 currency code known to Intl`, value),
    );
});

/** The rounding policy of a plan (SPEC §1.6). Every field optional; defaults: half-up, 2, 4. */
export const roundingSchema = /* @__PURE__ */ z.strictObject({
  mode: z.enum(['halfUp', 'halfEven']).optional(),
  scoreDecimals: z.int().min(0).max(12).optional(),
  coefficientDecimals: z.int().min(0).max(12).optional(),
});

/** `Date.UTC` without its two-digit-year quirk (years 0–99 would be read as 1900–1999). */
function utcDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millis = 0): Date {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, millis));
  date.setUTCFullYear(year, month, day);
  return date;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = utcDate(year, month, 0).getUTCDate();
  return day <= days;
}

/** A calendar date `YYYY-MM-DD` (local to whatever calendar it belongs to). */
export const isoDateSchema = /* @__PURE__ */ z.string().superRefine((value, ctx) => {
  if (!isIsoDate(value))
    ctx.addIssue(
      codedIssue('INVALID_INPUT', `"${value.slice(0, 40)}" is not a calendar date written YYYY-MM-DD`, value),
    );
});

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO 8601 instant with an explicit offset
 * (`2026-03-06T17:30:00+08:00`, `…Z`), or `undefined` when it is not one. Sub-millisecond digits
 * must be zero.
 */
export function parseInstant(text: string): number | undefined {
  const match = INSTANT.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '', offset = 'Z'] = match;
  if (!isIsoDate(`${y}-${mo}-${d}`)) return undefined;
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (/[1-9]/.test(frac.slice(3))) return undefined;
  const millis = Number(frac.slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 18 || om > 59) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const local = utcDate(Number(y), Number(mo) - 1, Number(d), hour, minute, second, millis).getTime();
  return local - offsetMinutes * 60_000;
}

/** An ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`). */
export const instantSchema = /* @__PURE__ */ z.string().superRefine((value, ctx) => {
  if (parseInstant(value) === undefined)
    ctx.addIssue(
      codedIssue(
        'INVALID_INPUT',
        `"${value.slice(0, 40)}" is not an ISO 8601 instant with an offset, e.g. 2026-03-06T17:30:00+08:00`,
        value,
      ),
    );
});

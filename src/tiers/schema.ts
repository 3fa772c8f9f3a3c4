import * as z from 'zod/mini';
import type { ErrorCode } from '../core/codes.js';
import { decimalProblem, type DecimalInput } from '../core/decimalInput.js';
import { currencySchema, decimalSchema, moneySchema, roundingSchema } from '../core/schema.js';

/** A custom zod issue carrying one of the library's error codes (read back by `fromZodError`). */
function codedIssue(code: ErrorCode, message: string, input: unknown, path: (string | number)[] = []) {
  return { code: 'custom' as const, message, input, path, params: { code } };
}

/** The date-fns `Duration` fields a duration bound may use: each has a fixed length in milliseconds. */
export const DURATION_FIELDS = ['weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

/** Milliseconds in one unit of each fixed-length `Duration` field (a day is 24 h of measured time). */
export const DURATION_FIELD_MS: Readonly<Record<(typeof DURATION_FIELDS)[number], number>> = {
  weeks: 604_800_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
};

/**
 * A duration bound written as a date-fns `Duration` object (`{ hours: 1 }`, `{ hours: 1, minutes: 30 }`).
 * Only fixed-length fields are allowed — weeks, days (24 h), hours, minutes, seconds — each a
 * non-negative decimal. `months` and `years` have no fixed length and are refused with
 * `TIER_DURATION_NOT_FIXED`.
 */
export interface DurationBound {
  readonly weeks?: DecimalInput;
  readonly days?: DecimalInput;
  readonly hours?: DecimalInput;
  readonly minutes?: DecimalInput;
  readonly seconds?: DecimalInput;
}

const durationFieldKeys = new Set<string>([...DURATION_FIELDS, 'years', 'months']);

/**
 * Checks a duration bound object and reports each problem with its own code: unknown keys
 * (`INVALID_INPUT`), `years`/`months` (`TIER_DURATION_NOT_FIXED`), bad or negative numbers
 * (`INVALID_DECIMAL`, `NEGATIVE_VALUE`), an empty object (`INVALID_INPUT`).
 */
function checkDurationBound(value: Record<string, unknown>, ctx: z.core.$RefinementCtx): void {
  const keys = Object.keys(value);
  if (keys.length === 0) {
    ctx.addIssue(codedIssue('INVALID_INPUT', 'a duration bound needs at least one field, e.g. { hours: 1 }', value));
    return;
  }
  for (const key of keys) {
    const field = value[key];
    if (!durationFieldKeys.has(key)) {
      ctx.addIssue(
        codedIssue(
          'INVALID_INPUT',
          `"${key}" is not a duration field (use weeks, days, hours, minutes, seconds)`,
          field,
          [key],
        ),
      );
    } else if (key === 'years' || key === 'months') {
      ctx.addIssue(
        codedIssue(
          'TIER_DURATION_NOT_FIXED',
          `${key} have no fixed length in milliseconds; write the bound in weeks, days, hours, minutes or seconds`,
          field,
          [key],
        ),
      );
    } else {
      const problem = decimalProblem(field);
      if (problem !== undefined) ctx.addIssue(codedIssue('INVALID_DECIMAL', problem, field, [key]));
      else if (
        typeof field === 'number' ? field < 0 : (field as string).startsWith('-') && /[1-9]/.test(field as string)
      )
        ctx.addIssue(
          codedIssue('NEGATIVE_VALUE', `${String(field)} is negative; a duration is zero or more`, field, [key]),
        );
    }
  }
}

/**
 * A date-fns `Duration` object used as a tier bound, validated as described in {@link DurationBound}.
 */
export const durationBoundSchema = /* @__PURE__ */ z.record(z.string(), z.unknown()).check(
  z.superRefine((value, ctx) => {
    checkDurationBound(value, ctx);
  }),
) as unknown as z.ZodMiniType<DurationBound, DurationBound>;

/**
 * A tier bound: a plain decimal (a number of the table's unit: minutes in a duration table) or,
 * in a duration table, a date-fns `Duration` object.
 */
export const tierBoundSchema = /* @__PURE__ */ z
  .union([z.string(), z.number(), z.record(z.string(), z.unknown())], {
    error: 'expected a bound: a decimal, or a Duration object like { hours: 1 }',
  })
  .check(
    z.superRefine((value, ctx) => {
      if (typeof value === 'object') {
        if (Array.isArray(value))
          ctx.addIssue(
            codedIssue('INVALID_INPUT', 'expected a bound: a decimal, or a Duration object like { hours: 1 }', value),
          );
        else checkDurationBound(value, ctx);
        return;
      }
      const problem = decimalProblem(value);
      if (problem !== undefined) ctx.addIssue(codedIssue('INVALID_DECIMAL', problem, value));
    }),
  ) as unknown as z.ZodMiniType<DecimalInput | DurationBound, DecimalInput | DurationBound>;

/** One band of a tier table. Bands are listed best first. */
export const tierBandSchema = /* @__PURE__ */ z.strictObject({
  /**
   * The band's bound; required on every band but the last, forbidden on the last (it is open).
   * `lowerIsBetter`: inclusive upper bound (value ≤ bound). `higherIsBetter`: inclusive lower
   * bound (value ≥ bound). In a duration table: minutes, or a `Duration` object.
   */
  bound: z.optional(tierBoundSchema),
  /** The band's score (in a rate table: its rate, e.g. `"0.08"`). */
  score: decimalSchema,
  /** An optional name shown in results and traces (e.g. `"≤ 1 h"`). */
  label: z.optional(z.string().check(z.maxLength(200))),
});

/**
 * A tier table (SPEC §2.2): maps a measured value to a score by bands.
 *
 * - `lowerIsBetter` (times, bug rates): bounds are inclusive upper bounds, strictly ascending
 *   (≤ 60 → 100, ≤ 120 → 80, else 60).
 * - `higherIsBetter` (rates, attainment): bounds are inclusive lower bounds, strictly descending
 *   (≥ 1.2 → 120, ≥ 1.0 → 100, else 0).
 *
 * Bands are listed best first and their scores never rise down the list; every band but the
 * last has a `bound`, the last is open. With `unit: 'duration'` bounds are minutes or date-fns
 * `Duration` objects and values are milliseconds.
 */
export const tierTableSchema = /* @__PURE__ */ z.strictObject({
  /** Whether lower or higher measured values are better. */
  direction: z.enum(['lowerIsBetter', 'higherIsBetter']),
  /** The bands, best first; at least one. */
  bands: z.array(tierBandSchema).check(z.minLength(1, { error: 'a tier table needs at least one band' })),
  /**
   * Linear scores between band anchors instead of steps: a value inside band i (0 < i < last) is
   * scored on the line from (bound of band i − 1, its score) to (bound of band i, its score);
   * the first band and the open last band keep their step score.
   * @defaultValue `false`
   */
  interpolate: z.optional(z.boolean()),
  /**
   * `'duration'`: bounds are minutes or `Duration` objects, values are milliseconds.
   * `'number'`: bounds and values are plain decimals in the same unit.
   * @defaultValue `'number'`
   */
  unit: z.optional(z.enum(['number', 'duration'])),
});

/** A tier table as written by a user (inferred from {@link tierTableSchema}). */
export type TierTable = z.input<typeof tierTableSchema>;
/** One band of a {@link TierTable}. */
export type TierBand = z.input<typeof tierBandSchema>;

/** Input of `tierScore`. */
export const tierScoreInputSchema = /* @__PURE__ */ z.strictObject({
  /** The tier table. */
  table: tierTableSchema,
  /** The measured value (in a duration table: milliseconds, ≥ 0). */
  value: decimalSchema,
  /**
   * Rounding policy; the score is rounded to `scoreDecimals` with `mode`.
   * @defaultValue `{ mode: 'halfUp', scoreDecimals: 2, coefficientDecimals: 4 }`
   */
  rounding: z.optional(roundingSchema),
});

/** Input of `tierScore` (inferred from {@link tierScoreInputSchema}). */
export type TierScoreInput = z.input<typeof tierScoreInputSchema>;

/** Input of `applyRateTable`. */
export const rateTableInputSchema = /* @__PURE__ */ z.strictObject({
  /**
   * The rate table: a tier table whose band `score` is the rate (a decimal in [0, 1], e.g.
   * `"0.08"`) and whose bounds are amounts in major units (≥ 0). `higherIsBetter` with
   * descending lower bounds is an accelerator (rates rise with the amount); `lowerIsBetter`
   * with ascending upper bounds a decelerator. Step tables only (no `interpolate`, no duration unit).
   */
  table: tierTableSchema,
  /** The base the rates apply to, in major units (≥ 0), e.g. a month's sales `"62000.00"`. */
  amount: moneySchema,
  /** ISO 4217 currency of the amount and the bounds. */
  currency: currencySchema,
  /**
   * `marginal`: each slice of the amount at its own band's rate (like tax brackets).
   * `retroactive`: the whole amount at the rate of the band the amount reaches.
   */
  method: z.enum(['marginal', 'retroactive']),
  /**
   * Rounding policy: money is rounded to minor units with `mode`; the effective rate to
   * `coefficientDecimals`.
   * @defaultValue `{ mode: 'halfUp', scoreDecimals: 2, coefficientDecimals: 4 }`
   */
  rounding: z.optional(roundingSchema),
});

/** Input of `applyRateTable` (inferred from {@link rateTableInputSchema}). */
export type RateTableInput = z.input<typeof rateTableInputSchema>;

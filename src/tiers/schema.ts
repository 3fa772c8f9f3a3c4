import * as z from 'zod/mini';
import type { ErrorCode } from '../core/codes.js';
import { decimalProblem, isNonNegativeDecimal, type DecimalInput } from '../core/decimalInput.js';
import {
  codedIssue,
  currencySchema,
  decimalSchema,
  moneySchema,
  nonNegativeDecimalSchema,
  roundingSchema,
  shaped,
  type ZodSchema,
} from '../core/schema.js';
import type * as t from './types.js';

export type { DurationBound, RateTableInput, TierBand, TierScoreInput, TierTable } from './types.js';

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

/** Why one field of a duration bound is refused, with its code, or `undefined` when it is fine. */
function durationFieldProblem(key: string, field: unknown): [ErrorCode, string] | undefined {
  if (key === 'years' || key === 'months')
    return [
      'TIER_DURATION_NOT_FIXED',
      `${key} have no fixed length in milliseconds; write the bound in weeks, days, hours, minutes or seconds`,
    ];
  if (!(DURATION_FIELDS as readonly string[]).includes(key))
    return ['INVALID_INPUT', `"${key}" is not a duration field (use weeks, days, hours, minutes, seconds)`];
  const problem = decimalProblem(field);
  if (problem !== undefined) return ['INVALID_DECIMAL', problem];
  return isNonNegativeDecimal(field)
    ? undefined
    : ['NEGATIVE_VALUE', `${String(field)} is negative; a duration is zero or more`];
}

/** Reports each problem of a duration bound object with its own code (see {@link t.DurationBound}). */
function checkDurationBound(value: Record<string, unknown>, ctx: z.core.$RefinementCtx): void {
  const keys = Object.keys(value);
  if (keys.length === 0)
    ctx.addIssue(codedIssue('INVALID_INPUT', 'a duration bound needs at least one field, e.g. { hours: 1 }', value));
  for (const key of keys) {
    const problem = durationFieldProblem(key, value[key]);
    if (problem !== undefined) ctx.addIssue(codedIssue(problem[0], problem[1], value[key], [key]));
  }
}

/** A date-fns `Duration` object used as a tier bound, validated as described in {@link t.DurationBound}. */
export const durationBoundSchema: ZodSchema<t.DurationBound> = /* @__PURE__ */ z
  .record(z.string(), z.unknown())
  .check(z.superRefine(checkDurationBound));

/** A tier bound: a plain decimal (minutes in a duration table) or, in a duration table, a `Duration` object. */
export const tierBoundSchema: ZodSchema<DecimalInput | t.DurationBound> = /* @__PURE__ */ z
  .union([z.string(), z.number(), z.record(z.string(), z.unknown())], {
    error: 'expected a bound: a decimal, or a Duration object like { hours: 1 }',
  })
  .check(
    z.superRefine((value, ctx) => {
      if (typeof value === 'object') {
        checkDurationBound(value, ctx);
        return;
      }
      const problem = decimalProblem(value);
      if (problem !== undefined) ctx.addIssue(codedIssue('INVALID_DECIMAL', problem, value));
    }),
  );

/** One band of a tier table (see {@link t.TierBand}). */
export const tierBandSchema = /* @__PURE__ */ shaped<t.TierBand>()(
  z.strictObject({
    bound: z.optional(tierBoundSchema),
    score: decimalSchema,
    label: z.optional(z.string().check(z.maxLength(200))),
  }),
);

/** A tier table (SPEC §2.2; see {@link t.TierTable}). */
export const tierTableSchema = /* @__PURE__ */ shaped<t.TierTable>()(
  z.strictObject({
    direction: z.enum(['lowerIsBetter', 'higherIsBetter']),
    bands: z.array(tierBandSchema).check(z.minLength(1, { error: 'a tier table needs at least one band' })),
    interpolate: z.optional(z.boolean()),
    unit: z.optional(z.enum(['number', 'duration'])),
  }),
);

/** Input of `tierScore` (see {@link t.TierScoreInput}). */
export const tierScoreInputSchema = /* @__PURE__ */ shaped<t.TierScoreInput>()(
  z.strictObject({ table: tierTableSchema, value: decimalSchema, rounding: z.optional(roundingSchema) }),
);

/** Input of `applyRateTable` (see {@link t.RateTableInput}). */
export const rateTableInputSchema = /* @__PURE__ */ shaped<t.RateTableInput>()(
  z.strictObject({
    table: tierTableSchema,
    amount: moneySchema,
    currency: currencySchema,
    method: z.enum(['marginal', 'retroactive']),
    rounding: z.optional(roundingSchema),
  }),
);

const linearMap = /* @__PURE__ */ z.strictObject({
  kind: z.literal('linear'),
  slope: z.optional(nonNegativeDecimalSchema),
  intercept: z.optional(decimalSchema),
  floor: z.optional(decimalSchema),
  cap: z.optional(decimalSchema),
});
const tierMap = /* @__PURE__ */ z.strictObject({ kind: z.literal('tiers'), table: tierTableSchema });

/** A clamped linear map from a value to a coefficient (see {@link t.LinearMapInput}). */
export const linearMapSchema = /* @__PURE__ */ shaped<t.LinearMapInput>()(linearMap);

/** How a measured value becomes a coefficient: a linear map or a tier table (see {@link t.CoefficientMapInput}). */
export const coefficientMapSchema = /* @__PURE__ */ shaped<t.CoefficientMapInput>()(
  z.discriminatedUnion('kind', [linearMap, tierMap]),
);

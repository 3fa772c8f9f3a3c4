import * as z from 'zod/mini';
import { DECIMAL_TYPE_MESSAGE, decimalProblem } from '../core/decimalInput.js';
import { codedIssue, idSchema, instantSchema, isoDateSchema, roundingSchema, shaped } from '../core/schema.js';
import { tierTableSchema } from '../tiers/schema.js';
import type * as t from './types.js';

/** A decimal > 0 (else `OUT_OF_RANGE`); unlike the core's decimals, a missing one is `INVALID_DECIMAL`. */
const positiveDecimalSchema = /* @__PURE__ */ z.union([z.string(), z.number()], { error: DECIMAL_TYPE_MESSAGE }).check(
  z.superRefine((value, ctx) => {
    const problem = decimalProblem(value);
    if (problem !== undefined) ctx.addIssue(codedIssue('INVALID_DECIMAL', problem, value));
    else if (!(Number(value) > 0))
      ctx.addIssue(codedIssue('OUT_OF_RANGE', `${String(value)} must be greater than 0`, value));
  }),
);

/** A local wall-clock time `HH:mm` or `HH:mm:ss`, from `00:00` to `24:00` (end of day). */
const clockTimeSchema = /* @__PURE__ */ z
  .string({ error: 'expected a local clock time written HH:mm or HH:mm:ss' })
  .check(
    z.regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|24:00(?::00)?)$/, {
      error: 'a local clock time is written HH:mm or HH:mm:ss, from 00:00 to 24:00',
    }),
  );

/** Schema of a {@link t.WorkingInterval}. */
export const workingIntervalSchema = /* @__PURE__ */ shaped<t.WorkingInterval>()(
  z.strictObject({ start: clockTimeSchema, end: clockTimeSchema }),
);

const hours = /* @__PURE__ */ z.optional(z.array(workingIntervalSchema));
const week = /* @__PURE__ */ shaped<t.WorkWeek>()(
  z.strictObject({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours }),
);

/** Schema of a working calendar, {@link t.CalendarInput}. */
export const calendarSchema = /* @__PURE__ */ shaped<t.CalendarInput>()(
  z.strictObject({
    timeZone: z.optional(z.string()),
    week: z.optional(week),
    holidays: z.optional(z.array(isoDateSchema)),
    makeUpDays: z.optional(z.array(isoDateSchema)),
    makeUpHours: hours,
  }),
);

/** Schema of a {@link t.Pause}. */
export const pauseSchema = /* @__PURE__ */ shaped<t.Pause>()(
  z.strictObject({ start: instantSchema, end: instantSchema }),
);

/** Schema of the input of `businessDuration`, {@link t.BusinessDurationInput}. */
export const businessDurationInputSchema = /* @__PURE__ */ shaped<t.BusinessDurationInput>()(
  z.strictObject({
    start: instantSchema,
    end: instantSchema,
    calendar: z.optional(calendarSchema),
    pauses: z.optional(z.array(pauseSchema)),
    intervals: z.optional(z.boolean()),
  }),
);

/** Schema of one ticket, {@link t.TicketInput}: what the fast row reader checks a million times. */
export const ticketSchema = /* @__PURE__ */ shaped<t.TicketInput>()(
  z.strictObject({
    id: idSchema,
    unit: idSchema,
    opened: instantSchema,
    responded: z.optional(z.nullable(instantSchema)),
    resolved: z.optional(z.nullable(instantSchema)),
    pauses: z.optional(z.array(pauseSchema)),
    requester: z.optional(idSchema),
  }),
);

/** Schema of an elastic condition [弹性指标, seed 004], {@link t.ElasticConditionInput}. */
export const elasticConditionSchema = /* @__PURE__ */ shaped<t.ElasticConditionInput>()(
  z.strictObject({
    id: idSchema,
    when: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('ticketsAbove'), count: z.int().check(z.minimum(0)) }),
    ]),
    factor: positiveDecimalSchema,
  }),
);

/** Schema of one scored metric, {@link t.ResponseMetricInput}. */
export const responseMetricSchema = /* @__PURE__ */ shaped<t.ResponseMetricInput>()(
  z.strictObject({
    table: tierTableSchema,
    elastic: z.optional(z.array(elasticConditionSchema)),
    breachFromBand: z.optional(z.int().check(z.minimum(1))),
  }),
);

const scoreResponseTimesObject = /* @__PURE__ */ z.strictObject({
  asOf: instantSchema,
  calendar: z.optional(calendarSchema),
  tickets: z.array(ticketSchema),
  response: z.optional(responseMetricSchema),
  resolution: z.optional(responseMetricSchema),
  detail: z.optional(z.boolean()),
  rounding: z.optional(roundingSchema),
});

/** Schema of the input of `scoreResponseTimes`, {@link t.ScoreResponseTimesInput}. */
export const scoreResponseTimesInputSchema =
  /* @__PURE__ */ shaped<t.ScoreResponseTimesInput>()(scoreResponseTimesObject);

/** The input without its tickets, which the fast row reader reads on their own. */
export const responseTimesHeaderSchema = /* @__PURE__ */ z.omit(scoreResponseTimesObject, { tickets: true });

import * as z from 'zod/mini';
import { DECIMAL_TYPE_MESSAGE, decimalProblem, type DecimalInput } from '../core/decimalInput.js';
import { idSchema, instantSchema, isoDateSchema, roundingSchema } from '../core/schema.js';
import { tierTableSchema } from '../tiers/schema.js';

/** A decimal > 0 (`INVALID_DECIMAL`, or `OUT_OF_RANGE` when zero or negative). */
function positiveDecimalSchema() {
  return z.union([z.string(), z.number()], { error: DECIMAL_TYPE_MESSAGE }).check(
    z.superRefine((value, ctx) => {
      const problem = decimalProblem(value);
      if (problem !== undefined)
        ctx.addIssue({ code: 'custom', message: problem, input: value, params: { code: 'INVALID_DECIMAL' } });
      else if (!(Number(value) > 0))
        ctx.addIssue({
          code: 'custom',
          message: `${String(value)} must be greater than 0`,
          input: value,
          params: { code: 'OUT_OF_RANGE' },
        });
    }),
  ) as z.ZodMiniType<DecimalInput, DecimalInput>;
}

const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|24:00(?::00)?)$/;

/** A local wall-clock time `HH:mm` or `HH:mm:ss`, from `00:00` to `24:00` (end of day). */
export const clockTimeSchema = /* @__PURE__ */ z
  .string({ error: 'expected a local clock time written HH:mm or HH:mm:ss' })
  .check(z.regex(CLOCK_TIME, { error: 'a local clock time is written HH:mm or HH:mm:ss, from 00:00 to 24:00' }));

/** One working interval of a day, in local wall-clock time: `[start, end)`, e.g. 09:00–12:00. */
export const workingIntervalSchema = /* @__PURE__ */ z.strictObject({
  /** Local time the interval starts (inclusive), `HH:mm` or `HH:mm:ss`. */
  start: clockTimeSchema,
  /** Local time the interval ends (exclusive), after `start`; `24:00` is the end of the day. */
  end: clockTimeSchema,
});

const dayHours = /* @__PURE__ */ z.array(workingIntervalSchema);

/**
 * Weekly working hours by local weekday. A weekday left out (or given `[]`) is not worked.
 * Intervals of one day must not overlap (touching, like 12:00 and 12:00, is fine).
 */
export const workWeekSchema = /* @__PURE__ */ z.strictObject({
  mon: z.optional(dayHours),
  tue: z.optional(dayHours),
  wed: z.optional(dayHours),
  thu: z.optional(dayHours),
  fri: z.optional(dayHours),
  sat: z.optional(dayHours),
  sun: z.optional(dayHours),
});

/**
 * A working calendar (SPEC §2.3): an IANA time zone, weekly working hours, holidays and make-up
 * working days [调休], all in the calendar's local time.
 */
export const calendarSchema = /* @__PURE__ */ z.strictObject({
  /**
   * IANA time zone of the calendar's local times and dates (`"Asia/Shanghai"`).
   * @defaultValue `"UTC"`
   */
  timeZone: z.optional(z.string()),
  /**
   * Weekly working hours. When omitted every day is worked 00:00–24:00 (a 24×7 calendar).
   * @defaultValue every day `[{ start: "00:00", end: "24:00" }]`
   */
  week: z.optional(workWeekSchema),
  /**
   * Local dates (`YYYY-MM-DD`) on which nobody works, whatever the weekday (public holidays).
   * @defaultValue `[]`
   */
  holidays: z.optional(z.array(isoDateSchema)),
  /**
   * Local dates worked although their weekday is not (make-up working days [调休], e.g. a Saturday
   * worked to bridge a holiday). A date may not be both a holiday and a make-up day.
   * @defaultValue `[]`
   */
  makeUpDays: z.optional(z.array(isoDateSchema)),
  /**
   * Working hours on make-up days.
   * @defaultValue Monday's hours (or, if Monday is not worked, those of the first worked weekday)
   */
  makeUpHours: z.optional(dayHours),
});

/** Input type of a working calendar (inferred from {@link calendarSchema}). */
export type CalendarInput = z.input<typeof calendarSchema>;

/** A pause `[start, end)` (waiting on the customer, …): working time inside it does not count. */
export const pauseSchema = /* @__PURE__ */ z.strictObject({
  /** Instant the pause starts, ISO 8601 with offset. */
  start: instantSchema,
  /** Instant the pause ends, not before `start`. */
  end: instantSchema,
});

/** Input of {@link businessDuration}. */
export const businessDurationInputSchema = /* @__PURE__ */ z.strictObject({
  /** First instant, ISO 8601 with an offset (`2026-03-06T17:30:00+08:00`). */
  start: instantSchema,
  /** Last instant, not before `start` (`DATES_OUT_OF_ORDER` otherwise). */
  end: instantSchema,
  /**
   * The working calendar.
   * @defaultValue 24×7 in UTC
   */
  calendar: z.optional(calendarSchema),
  /**
   * Pauses whose working time is not counted; they may overlap each other and reach outside
   * `[start, end]`.
   * @defaultValue `[]`
   */
  pauses: z.optional(z.array(pauseSchema)),
  /**
   * Whether to list the counted intervals. Turn off when only the total is needed.
   * @defaultValue `true`
   */
  intervals: z.optional(z.boolean()),
});

/** Input of {@link businessDuration} (inferred from {@link businessDurationInputSchema}). */
export type BusinessDurationInput = z.input<typeof businessDurationInputSchema>;

// ── scoreResponseTimes ───────────────────────────────────────────────────────

/** One ticket: a request from the front line that a back-office unit must answer and resolve. */
export const ticketSchema = /* @__PURE__ */ z.strictObject({
  /** Unique ticket id. */
  id: idSchema,
  /** Id of the unit that owns the ticket (scores are given per unit). */
  unit: idSchema,
  /** Instant the ticket was opened, ISO 8601 with offset; not after `asOf`. */
  opened: instantSchema,
  /**
   * Instant of the first response; absent or `null` while unanswered (then a resolution counts as
   * the response, or the ticket is measured to `asOf`).
   * @defaultValue `null`
   */
  responded: z.optional(z.nullable(instantSchema)),
  /**
   * Instant the ticket was resolved; absent or `null` while open (measured to `asOf`).
   * @defaultValue `null`
   */
  resolved: z.optional(z.nullable(instantSchema)),
  /**
   * Pauses (waiting on the customer) whose working time counts for neither metric.
   * @defaultValue `[]`
   */
  pauses: z.optional(z.array(pauseSchema)),
});

/** Input type of one ticket (inferred from {@link ticketSchema}). */
export type TicketInput = z.input<typeof ticketSchema>;

/** A declared condition under which a metric's tier table is scaled [弹性指标, seed 004]. */
export const elasticConditionSchema = /* @__PURE__ */ z.strictObject({
  /** Name of the condition, reported in the result when it applies (e.g. `"demand-surge"`). */
  id: idSchema,
  /**
   * When it applies. `ticketsAbove`: the unit has more than `count` tickets in the period.
   */
  when: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('ticketsAbove'), count: z.int().check(z.minimum(0)) }),
  ]),
  /** Factor every bound of the table is multiplied by (> 0; 24 h → 48 h is `2`). */
  factor: positiveDecimalSchema(),
});

/** One scored metric: its tier table (a duration table), elastic conditions and breach rule. */
export const responseMetricSchema = /* @__PURE__ */ z.strictObject({
  /** A duration tier table (`unit: 'duration'`, `lowerIsBetter`): bounds in minutes or `Duration`s. */
  table: tierTableSchema,
  /**
   * Conditions that scale the table's bounds; the first that applies to a unit (in the order
   * given) is used, and named in the result.
   * @defaultValue `[]`
   */
  elastic: z.optional(z.array(elasticConditionSchema)),
  /**
   * Tickets in this band or a worse one are breaches (0 = the first band).
   * @defaultValue the last (open) band
   */
  breachFromBand: z.optional(z.int().check(z.minimum(1))),
});

/** Input of {@link scoreResponseTimes}. */
export const scoreResponseTimesInputSchema = /* @__PURE__ */ z.strictObject({
  /** End of the period: open tickets are measured up to this instant; later events are ignored. */
  asOf: instantSchema,
  /**
   * The working calendar the times are measured on.
   * @defaultValue 24×7 in UTC
   */
  calendar: z.optional(calendarSchema),
  /** The tickets; ids must be unique. */
  tickets: z.array(ticketSchema),
  /** Time to first response, opened → responded. At least one metric is required. */
  response: z.optional(responseMetricSchema),
  /** Time to resolution, opened → resolved. */
  resolution: z.optional(responseMetricSchema),
  /**
   * Whether to list every ticket's measures and scores (ordered by id).
   * @defaultValue `false`
   */
  detail: z.optional(z.boolean()),
  /**
   * Rounding of scores (`scoreDecimals`) and shares (`coefficientDecimals`).
   * @defaultValue half-up, scores 2 dp, shares 4 dp
   */
  rounding: z.optional(roundingSchema),
});

/** Input of {@link scoreResponseTimes} (inferred from {@link scoreResponseTimesInputSchema}). */
export type ScoreResponseTimesInput = z.input<typeof scoreResponseTimesInputSchema>;

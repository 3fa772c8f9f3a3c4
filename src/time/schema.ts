import { z } from 'zod';
import { instantSchema, isoDateSchema } from '../core/schema.js';

const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|24:00(?::00)?)$/;

/** A local wall-clock time `HH:mm` or `HH:mm:ss`, from `00:00` to `24:00` (end of day). */
export const clockTimeSchema = /* @__PURE__ */ z
  .string()
  .regex(CLOCK_TIME, { error: 'a local clock time is written HH:mm or HH:mm:ss, from 00:00 to 24:00' });

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
  mon: dayHours.optional(),
  tue: dayHours.optional(),
  wed: dayHours.optional(),
  thu: dayHours.optional(),
  fri: dayHours.optional(),
  sat: dayHours.optional(),
  sun: dayHours.optional(),
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
  timeZone: z.string().optional(),
  /**
   * Weekly working hours. When omitted every day is worked 00:00–24:00 (a 24×7 calendar).
   * @defaultValue every day `[{ start: "00:00", end: "24:00" }]`
   */
  week: workWeekSchema.optional(),
  /**
   * Local dates (`YYYY-MM-DD`) on which nobody works, whatever the weekday (public holidays).
   * @defaultValue `[]`
   */
  holidays: z.array(isoDateSchema).optional(),
  /**
   * Local dates worked although their weekday is not (make-up working days [调休], e.g. a Saturday
   * worked to bridge a holiday). A date may not be both a holiday and a make-up day.
   * @defaultValue `[]`
   */
  makeUpDays: z.array(isoDateSchema).optional(),
  /**
   * Working hours on make-up days.
   * @defaultValue Monday's hours (or, if Monday is not worked, those of the first worked weekday)
   */
  makeUpHours: dayHours.optional(),
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
  calendar: calendarSchema.optional(),
  /**
   * Pauses whose working time is not counted; they may overlap each other and reach outside
   * `[start, end]`.
   * @defaultValue `[]`
   */
  pauses: z.array(pauseSchema).optional(),
  /**
   * Whether to list the counted intervals. Turn off when only the total is needed.
   * @defaultValue `true`
   */
  intervals: z.boolean().optional(),
});

/** Input of {@link businessDuration} (inferred from {@link businessDurationInputSchema}). */
export type BusinessDurationInput = z.input<typeof businessDurationInputSchema>;

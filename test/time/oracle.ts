/**
 * An independent brute-force oracle for businessDuration, and fast-check arbitraries of
 * calendars and intervals shared by the time tests.
 *
 * The oracle walks minute by minute: for each minute it asks `Intl` (with `weekday`) for the local
 * date and time in the calendar's zone and counts the minute when that local reading lies in a
 * working interval of a working date. It shares no code with src/time (no offsets, no segments, no
 * timeline), so agreement is real evidence. Every boundary in the generated data is on a whole
 * minute, where stepping by minutes is exact.
 */
import fc from 'fast-check';
import type { CalendarInput } from '../../src/time/types.js';

const MINUTE = 60_000;
const WEEKDAY_KEYS: Record<string, keyof NonNullable<CalendarInput['week']>> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

interface LocalMinute {
  readonly date: string;
  readonly weekday: keyof NonNullable<CalendarInput['week']>;
  readonly minuteOfDay: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const readings = new Map<string, Map<number, LocalMinute>>();

/** The local reading of instant `t` in `timeZone`, straight from Intl (memoised per minute). */
export function localMinute(timeZone: string, t: number): LocalMinute {
  let cache = readings.get(timeZone);
  if (cache === undefined) readings.set(timeZone, (cache = new Map()));
  const key = t / MINUTE; // a small integer: fast Map keys
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(t)) parts[part.type] = part.value;
  const reading: LocalMinute = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAY_KEYS[parts.weekday!]!,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
  cache.set(key, reading);
  return reading;
}

const toMinutes = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The working intervals (in minutes of day) of a local date, read directly off the calendar input. */
function hoursOn(
  calendar: CalendarInput,
  date: string,
  weekday: keyof NonNullable<CalendarInput['week']>,
): [number, number][] {
  if ((calendar.holidays ?? []).includes(date)) return [];
  const week = calendar.week;
  const toPairs = (list: readonly { start: string; end: string }[] | undefined): [number, number][] =>
    (list ?? []).map((interval) => [toMinutes(interval.start), toMinutes(interval.end)]);
  if ((calendar.makeUpDays ?? []).includes(date)) {
    if (calendar.makeUpHours !== undefined) return toPairs(calendar.makeUpHours);
    if (week === undefined) return [[0, 1440]];
    for (const key of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const) {
      if ((week[key] ?? []).length > 0) return toPairs(week[key]);
    }
    return [];
  }
  if (week === undefined) return [[0, 1440]];
  return toPairs(week[weekday]);
}

/**
 * Working milliseconds in `[start, end)` (both on whole minutes) outside `pauses`, counted minute
 * by minute.
 */
export function oracleDuration(
  calendar: CalendarInput,
  start: number,
  end: number,
  pauses: readonly [number, number][] = [],
): number {
  const timeZone = calendar.timeZone ?? 'UTC';
  let minutes = 0;
  const byDate = new Map<string, [number, number][]>();
  for (let t = start; t < end; t += MINUTE) {
    let paused = false;
    for (const [from, to] of pauses) if (t >= from && t < to) paused = true;
    if (paused) continue;
    const local = localMinute(timeZone, t);
    let hours = byDate.get(local.date);
    if (hours === undefined) byDate.set(local.date, (hours = hoursOn(calendar, local.date, local.weekday)));
    if (hours.some(([from, to]) => local.minuteOfDay >= from && local.minuteOfDay < to)) minutes++;
  }
  return minutes * MINUTE;
}

/** Zones and a DST change (or none) each, as the centre of the generated windows. */
export const ZONE_WINDOWS: readonly { timeZone: string; centre: string }[] = [
  { timeZone: 'America/New_York', centre: '2026-03-08T07:00:00Z' }, // spring forward 02:00 → 03:00
  { timeZone: 'America/New_York', centre: '2026-11-01T06:00:00Z' }, // fall back 02:00 → 01:00
  { timeZone: 'Europe/London', centre: '2026-03-29T01:00:00Z' }, // 01:00 → 02:00
  { timeZone: 'Europe/London', centre: '2026-10-25T01:00:00Z' }, // 02:00 → 01:00
  { timeZone: 'Asia/Shanghai', centre: '2026-10-01T00:00:00Z' }, // no DST; National Day week
  { timeZone: 'Australia/Lord_Howe', centre: '2026-04-04T15:00:00Z' }, // 30-minute DST change
  { timeZone: 'America/St_Johns', centre: '2026-11-01T05:30:00Z' }, // −03:30 / −02:30
  { timeZone: 'Asia/Kolkata', centre: '2026-06-01T00:00:00Z' }, // +05:30
  { timeZone: 'UTC', centre: '2026-02-27T00:00:00Z' }, // month end
];

const DAY = 86_400_000;
const WINDOW_DAYS = 5;

const pad = (n: number): string => String(n).padStart(2, '0');
const clockText = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** One day's hours: 0–3 intervals on a 15-minute grid, ordered and not overlapping. */
export const dayHoursArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals: { start: string; end: string }[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      intervals.push({ start: clockText(sorted[i]! * 15), end: clockText(sorted[i + 1]! * 15) });
    return intervals;
  });

const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** A scenario: a zone window, a calendar in it, and minute-aligned instants inside the window. */
export const scenarioArb = fc
  .record({
    window: fc.constantFrom(...ZONE_WINDOWS),
    week: fc.option(
      fc.record(
        {
          mon: dayHoursArb,
          tue: dayHoursArb,
          wed: dayHoursArb,
          thu: dayHoursArb,
          fri: dayHoursArb,
          sat: dayHoursArb,
          sun: dayHoursArb,
        },
        { requiredKeys: [] },
      ),
      { nil: undefined, freq: 5 },
    ),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -WINDOW_DAYS, max: WINDOW_DAYS }), { maxLength: 3 }),
    makeUpOffsets: fc.uniqueArray(fc.integer({ min: -WINDOW_DAYS, max: WINDOW_DAYS }), { maxLength: 2 }),
    makeUpHours: fc.option(dayHoursArb, { nil: undefined }),
    // Minutes from the window's start (2·WINDOW_DAYS days long).
    points: fc.array(fc.integer({ min: 0, max: 2 * WINDOW_DAYS * 1440 }), { minLength: 3, maxLength: 3 }),
    pauses: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 * WINDOW_DAYS * 1440 }), fc.integer({ min: 0, max: 600 })), {
      maxLength: 3,
    }),
  })
  .map(({ window, week, holidayOffsets, makeUpOffsets, makeUpHours, points, pauses }) => {
    const centre = Date.parse(window.centre);
    const windowStart = centre - WINDOW_DAYS * DAY;
    const holidays = holidayOffsets.map((offset) => isoDate(centre + offset * DAY));
    const makeUpDays = makeUpOffsets
      .map((offset) => isoDate(centre + offset * DAY))
      .filter((date) => !holidays.includes(date));
    const calendar: CalendarInput = { timeZone: window.timeZone, holidays, makeUpDays };
    if (week !== undefined) calendar.week = week;
    if (makeUpHours !== undefined) calendar.makeUpHours = makeUpHours;
    const [a, b, c] = [...points].sort((x, y) => x - y).map((minutes) => windowStart + minutes * MINUTE) as [
      number,
      number,
      number,
    ];
    const pauseSpans = pauses.map(([from, length]): [number, number] => [
      windowStart + from * MINUTE,
      windowStart + (from + length) * MINUTE,
    ]);
    return { calendar, a, b, c, pauses: pauseSpans };
  });

/** An instant as ISO 8601 with a `Z` offset. */
export const iso = (t: number): string => new Date(t).toISOString();

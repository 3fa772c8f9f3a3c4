/**
 * The working-time engine behind `businessDuration` and `scoreResponseTimes`.
 *
 * An instant counts as working time when its local wall-clock reading (in the calendar's zone)
 * falls inside a working interval of its local date, and that date is a working date: its weekday
 * has hours and it is not a holiday, or it is a make-up day [调休]. So on a day the clocks go
 * forward the skipped local hour is simply absent, and on a day they go back a repeated working
 * hour counts twice: the result is always real elapsed time.
 *
 * A compiled calendar keeps a **timeline**: every working interval of every local day in a range,
 * as instants, with the working time accumulated before each. Working time up to an instant is
 * then a lookup, so a million tickets cost a million lookups, not a million walks over days.
 *
 * @module
 */
import type { IssueList, IssuePath } from '../core/errors.js';
import { daysFromCivil } from '../core/instant.js';
import type { CalendarInput, CountedInterval, WorkingInterval } from './types.js';
import { DAY_MS, formatInstant, offsetSegments, zoneClock, type ZoneClock } from './zone.js';

/** Weekday keys in the order of `Date#getUTCDay` (0 = Sunday). */
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Weekday keys Monday first, the order make-up hours fall back through. */
const MONDAY_FIRST = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Offsets lie within ±26 h of UTC (real zones: −12 h to +14 h); covers the margin of a local day. */
const ZONE_MARGIN_MS = 26 * 3_600_000;

/**
 * The longest span measured (100 years of 365.25 days): the timeline holds every working interval
 * of the span, so an instant in year 1 measured to year 9999 is refused (`OUT_OF_RANGE`) rather
 * than allowed to take minutes.
 */
export const MAX_SPAN_MS = 36_525 * DAY_MS;

/** Working intervals of instants `[start, end)` with accumulated working time, in order. */
interface Timeline {
  /** Instants for which the timeline is exact: `[coveredFrom, coveredTo]`. */
  readonly coveredFrom: number;
  readonly coveredTo: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Working ms before interval i (Σ of the earlier intervals' lengths). */
  readonly before: Float64Array;
  /** Zone offset during interval i, for formatting. */
  readonly offsets: Float64Array;
  /** Working ms of all intervals. */
  readonly total: number;
  /** UTC day (days since 1970-01-01) of `dayIndex[0]`. */
  readonly indexOrigin: number;
  /** Per UTC day of the covered span, the first interval ending after that day's 00:00 UTC. */
  readonly dayIndex: Int32Array;
}

/** A validated calendar ready for measuring. Holds its own timeline cache (not shared). */
export interface WorkingCalendar {
  readonly timeZone: string;
  readonly clock: ZoneClock;
  /** Working intervals per weekday (0 = Sunday) as flat `[start, end, start, end…]` ms of day. */
  readonly week: readonly (readonly number[])[];
  readonly makeUpHours: readonly number[];
  readonly holidays: ReadonlySet<number>;
  readonly makeUpDays: ReadonlySet<number>;
  timeline: Timeline | undefined;
}

/** Milliseconds into the day of a validated clock time `HH:mm[:ss]` (`24:00` → 86 400 000). */
function clockTimeMs(text: string): number {
  const seconds = text.length > 5 ? Number(text.slice(6, 8)) : 0;
  return ((Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))) * 60 + seconds) * 1000;
}

/** Days since 1970-01-01 of a validated ISO date `YYYY-MM-DD`. */
const epochDay = (date: string): number =>
  daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));

/** One day's intervals as `{ start, end, index }` in ms of day, each checked on its own (end after start). */
function readIntervals(intervals: readonly WorkingInterval[], path: IssuePath, issues: IssueList) {
  const spans: { start: number; end: number; index: number }[] = [];
  intervals.forEach((interval, index) => {
    const start = clockTimeMs(interval.start);
    const end = clockTimeMs(interval.end);
    if (start === DAY_MS)
      issues.add('INVALID_INPUT', [...path, index, 'start'], 'a working interval cannot start at 24:00');
    else if (end <= start)
      issues.add(
        'DATES_OUT_OF_ORDER',
        [...path, index, 'end'],
        `working interval ends at ${interval.end}, not after its start ${interval.start}`,
      );
    else spans.push({ start, end, index });
  });
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Checks one day's intervals (end after start, no overlap) and flattens them in time order. */
function dayIntervals(intervals: readonly WorkingInterval[], path: IssuePath, issues: IssueList): number[] {
  const spans = readIntervals(intervals, path, issues);
  const text = (index: number) => `${intervals[index]!.start}–${intervals[index]!.end}`;
  const flat: number[] = [];
  spans.forEach((span, i) => {
    const previous = spans[i - 1];
    if (previous !== undefined && span.start < previous.end)
      issues.add(
        'OVERLAPPING_INTERVALS',
        [...path, span.index],
        `working interval ${text(span.index)} overlaps ${text(previous.index)}`,
      );
    // Touching intervals (12:00–13:00, 13:00–14:00) are merged: the same working time.
    else if (previous !== undefined && span.start === flat[flat.length - 1]) flat[flat.length - 1] = span.end;
    else flat.push(span.start, span.end);
  });
  return flat;
}

/** The working hours per weekday (Monday first) and on make-up days. */
function weekHours(input: CalendarInput | undefined, path: IssuePath, issues: IssueList) {
  const week = input?.week;
  const byDay = MONDAY_FIRST.map((key) => {
    if (week === undefined) return [0, DAY_MS];
    const given = week[key];
    return given === undefined ? [] : dayIntervals(given, [...path, 'week', key], issues);
  });
  const makeUpHours =
    input?.makeUpHours === undefined
      ? (byDay.find((hours) => hours.length > 0) ?? [])
      : dayIntervals(input.makeUpHours, [...path, 'makeUpHours'], issues);
  return { week: WEEKDAYS.map((_, day) => byDay[(day + 6) % 7]!), makeUpHours };
}

/**
 * Validates a calendar input (time zone known to `Intl`, intervals ordered and not overlapping,
 * no date both holiday and make-up day), adding issues under `path`. Returns `undefined` when any
 * issue was found.
 */
export function compileCalendar(
  input: CalendarInput | undefined,
  path: IssuePath,
  issues: IssueList,
): WorkingCalendar | undefined {
  const before = issues.size;
  const zoneName = input?.timeZone ?? 'UTC';
  const clock = zoneClock(zoneName);
  if (clock === undefined)
    issues.add(
      'UNKNOWN_TIME_ZONE',
      [...path, 'timeZone'],
      `"${zoneName.slice(0, 60)}" is not an IANA time zone known to Intl`,
    );
  const { week, makeUpHours } = weekHours(input, path, issues);
  const holidays = new Set((input?.holidays ?? []).map(epochDay));
  const makeUpDays = new Set<number>();
  (input?.makeUpDays ?? []).forEach((date, index) => {
    const day = epochDay(date);
    if (holidays.has(day))
      issues.add(
        'CALENDAR_CONFLICT',
        [...path, 'makeUpDays', index],
        `${date} is listed both as a holiday and as a make-up working day`,
      );
    makeUpDays.add(day);
  });
  if (issues.size > before || clock === undefined) return undefined;
  return { timeZone: clock.timeZone, clock, week, makeUpHours, holidays, makeUpDays, timeline: undefined };
}

/** Working intervals (flat ms of day) of local day `day` (days since 1970-01-01). */
function hoursOfDay(calendar: WorkingCalendar, day: number): readonly number[] {
  if (calendar.holidays.has(day)) return [];
  if (calendar.makeUpDays.has(day)) return calendar.makeUpHours;
  return calendar.week[(((day + 4) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday (4)
}

/** The working intervals of local days `[firstDay, lastDay]` as instants, with their zone offsets. */
function collectIntervals(calendar: WorkingCalendar, firstDay: number, lastDay: number) {
  const starts: number[] = [];
  const ends: number[] = [];
  const offsets: number[] = [];
  const from = firstDay * DAY_MS - ZONE_MARGIN_MS;
  const to = (lastDay + 1) * DAY_MS + ZONE_MARGIN_MS;
  for (const segment of offsetSegments(calendar.clock, from, to)) {
    const { offset } = segment;
    const dayFrom = Math.max(firstDay, Math.floor((segment.start + offset) / DAY_MS));
    const dayTo = Math.min(lastDay, Math.floor((segment.end - 1 + offset) / DAY_MS));
    for (let day = dayFrom; day <= dayTo; day++) {
      const hours = hoursOfDay(calendar, day);
      const base = day * DAY_MS - offset;
      for (let i = 0; i < hours.length; i += 2) {
        const start = Math.max(segment.start, base + hours[i]!);
        const end = Math.min(segment.end, base + hours[i + 1]!);
        if (end <= start) continue;
        const last = starts.length - 1;
        // Merge with the previous interval when they touch under one offset (24×7 calendars).
        if (last >= 0 && ends[last] === start && offsets[last] === offset) ends[last] = end;
        else {
          starts.push(start);
          ends.push(end);
          offsets.push(offset);
        }
      }
    }
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends), offsets: Float64Array.from(offsets) };
}

/** Builds the timeline of local days `[firstDay, lastDay]`. */
function buildTimeline(calendar: WorkingCalendar, firstDay: number, lastDay: number): Timeline {
  const { starts, ends, offsets } = collectIntervals(calendar, firstDay, lastDay);
  const count = starts.length;
  const before = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    before[i] = total;
    total += ends[i]! - starts[i]!;
  }
  const coveredFrom = firstDay * DAY_MS + ZONE_MARGIN_MS;
  const coveredTo = (lastDay + 1) * DAY_MS - ZONE_MARGIN_MS;
  // A per-day index turns "which interval holds t" into a jump and a step or two, not a search.
  const indexOrigin = Math.floor(coveredFrom / DAY_MS);
  const dayIndex = new Int32Array(Math.max(0, Math.floor(coveredTo / DAY_MS) - indexOrigin + 1));
  for (let d = 0, next = 0; d < dayIndex.length; d++) {
    while (next < count && ends[next]! <= (indexOrigin + d) * DAY_MS) next++;
    dayIndex[d] = next;
  }
  return { coveredFrom, coveredTo, starts, ends, before, offsets, total, indexOrigin, dayIndex };
}

/** The timeline, built for `[from, to]` unless it already covers that span (every measure stays inside one). */
export function coverInstants(calendar: WorkingCalendar, from: number, to: number): Timeline {
  const timeline = calendar.timeline;
  if (timeline !== undefined && from >= timeline.coveredFrom && to <= timeline.coveredTo) return timeline;
  const firstDay = Math.floor((from - ZONE_MARGIN_MS) / DAY_MS) - 1;
  const lastDay = Math.floor((to + ZONE_MARGIN_MS) / DAY_MS) + 1;
  return (calendar.timeline = buildTimeline(calendar, firstDay, lastDay));
}

/** Working ms from the timeline's origin up to instant `t` (which must be covered). */
function workingUpTo(timeline: Timeline, t: number): number {
  const { ends, starts } = timeline;
  const count = starts.length;
  let i = timeline.dayIndex[Math.floor(t / DAY_MS) - timeline.indexOrigin]!;
  while (i < count && ends[i]! <= t) i++;
  if (i === count) return timeline.total;
  const start = starts[i]!;
  return t <= start ? timeline.before[i]! : timeline.before[i]! + (t - start);
}

/**
 * Working ms from the timeline's origin up to `t`, for hot loops: `t` must lie inside a span
 * already passed to {@link coverInstants}. Differences of two such readings are working times.
 */
export function workingReading(calendar: WorkingCalendar, t: number): number {
  return workingUpTo(calendar.timeline!, t);
}

/** Working milliseconds in `[start, end)` (`start ≤ end`). Covers the span first if needed. */
export function workingBetween(calendar: WorkingCalendar, start: number, end: number): number {
  const timeline = coverInstants(calendar, start, end);
  return workingUpTo(timeline, end) - workingUpTo(timeline, start);
}

/** Sorts and merges pauses (`[start, end)` pairs) clipped to `[from, to]`; empty ones are dropped. */
export function mergePauses(
  pauses: readonly (readonly [number, number])[],
  from: number,
  to: number,
): [number, number][] {
  const clipped = pauses
    .map(([start, end]): [number, number] => [Math.max(start, from), Math.min(end, to)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const pause of clipped) {
    const last = merged[merged.length - 1];
    if (last !== undefined && pause[0] <= last[1]) last[1] = Math.max(last[1], pause[1]);
    else merged.push(pause);
  }
  return merged;
}

/** The working ms inside merged pauses. */
export function pausedWorking(calendar: WorkingCalendar, merged: readonly (readonly [number, number])[]): number {
  let paused = 0;
  for (const [start, end] of merged) paused += workingBetween(calendar, start, end);
  return paused;
}

/** Index of the last interval starting at or before `t`, or −1. */
function intervalAt(starts: Float64Array, t: number): number {
  let low = -1;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= t) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The counted intervals of `[start, end)` without the merged pauses, in time order. */
export function countedIntervals(
  calendar: WorkingCalendar,
  start: number,
  end: number,
  merged: readonly (readonly [number, number])[],
): CountedInterval[] {
  const { starts, ends, offsets } = coverInstants(calendar, start, end);
  const result: CountedInterval[] = [];
  let pause = 0;
  for (let i = Math.max(0, intervalAt(starts, start)); i < starts.length && starts[i]! < end; i++) {
    const intervalEnd = Math.min(end, ends[i]!);
    for (let pieceStart = Math.max(start, starts[i]!); pieceStart < intervalEnd;) {
      while (pause < merged.length && merged[pause]![1] <= pieceStart) pause++;
      const next = merged[pause];
      if (next !== undefined && next[0] <= pieceStart) {
        pieceStart = Math.min(intervalEnd, next[1]);
        continue;
      }
      const pieceEnd = next !== undefined && next[0] < intervalEnd ? next[0] : intervalEnd;
      const milliseconds = pieceEnd - pieceStart;
      result.push({
        start: formatInstant(pieceStart, offsets[i]!),
        end: formatInstant(pieceEnd, offsets[i]!),
        milliseconds,
      });
      pieceStart = pieceEnd;
    }
  }
  return result;
}

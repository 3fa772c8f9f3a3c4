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
 * then one binary search, so a million tickets cost a million lookups, not a million walks over
 * days. The timeline grows when an instant outside it is asked for.
 *
 * @module
 */
import type { IssueList, IssuePath } from '../core/errors.js';
import type { CalendarInput } from './schema.js';
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
  /** First and last local day (days since 1970-01-01) whose intervals are all present. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Instants for which the timeline is exact: `[coveredFrom, coveredTo]`. */
  readonly coveredFrom: number;
  readonly coveredTo: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Working ms before interval i (Σ of the earlier intervals' lengths). */
  readonly before: Float64Array;
  /** Zone offset during interval i, for formatting. */
  readonly offsets: Float64Array;
  readonly count: number;
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
export function clockTimeMs(text: string): number {
  const hours = Number(text.slice(0, 2));
  const minutes = Number(text.slice(3, 5));
  const seconds = text.length > 5 ? Number(text.slice(6, 8)) : 0;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

/** Days since 1970-01-01 of a validated ISO date `YYYY-MM-DD`. */
export function epochDay(isoDate: string): number {
  const date = new Date(0);
  date.setUTCFullYear(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
  return Math.round(date.getTime() / DAY_MS);
}

/** Checks one day's intervals (end after start, no overlap) and flattens them in time order. */
function dayIntervals(
  intervals: readonly { start: string; end: string }[],
  path: IssuePath,
  issues: IssueList,
): number[] {
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
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const flat: number[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const previous = spans[i - 1];
    if (previous !== undefined && span.start < previous.end) {
      issues.add(
        'OVERLAPPING_INTERVALS',
        [...path, span.index],
        `working interval ${intervals[span.index]!.start}–${intervals[span.index]!.end} overlaps ${intervals[previous.index]!.start}–${intervals[previous.index]!.end}`,
      );
      continue;
    }
    // Touching intervals (12:00–13:00, 13:00–14:00) are merged: the same working time.
    if (previous !== undefined && span.start === flat[flat.length - 1]) flat[flat.length - 1] = span.end;
    else flat.push(span.start, span.end);
  }
  return flat;
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
  const allDay = [0, DAY_MS];
  const byKey = new Map<string, number[]>();
  for (const key of MONDAY_FIRST) {
    const given = input?.week === undefined ? undefined : input.week[key];
    byKey.set(
      key,
      input?.week === undefined
        ? allDay
        : given === undefined
          ? []
          : dayIntervals(given, [...path, 'week', key], issues),
    );
  }
  const week = WEEKDAYS.map((key) => byKey.get(key) ?? []);
  let makeUpHours: number[];
  if (input?.makeUpHours !== undefined) makeUpHours = dayIntervals(input.makeUpHours, [...path, 'makeUpHours'], issues);
  else makeUpHours = MONDAY_FIRST.map((key) => byKey.get(key) ?? []).find((hours) => hours.length > 0) ?? [];
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

/** Builds the timeline of local days `[firstDay, lastDay]`. */
function buildTimeline(calendar: WorkingCalendar, firstDay: number, lastDay: number): Timeline {
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
  const count = starts.length;
  const before = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    before[i] = sum;
    sum += ends[i]! - starts[i]!;
  }
  const coveredFrom = firstDay * DAY_MS + ZONE_MARGIN_MS;
  const coveredTo = (lastDay + 1) * DAY_MS - ZONE_MARGIN_MS;
  // A per-day index turns "which interval holds t" into a jump and a step or two, not a search.
  const indexOrigin = Math.floor(coveredFrom / DAY_MS);
  const dayIndex = new Int32Array(Math.max(0, Math.floor(coveredTo / DAY_MS) - indexOrigin + 1));
  let next = 0;
  for (let d = 0; d < dayIndex.length; d++) {
    const dayStart = (indexOrigin + d) * DAY_MS;
    while (next < count && ends[next]! <= dayStart) next++;
    dayIndex[d] = next;
  }
  return {
    firstDay,
    lastDay,
    coveredFrom,
    coveredTo,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    before,
    offsets: Float64Array.from(offsets),
    count,
    total: sum,
    indexOrigin,
    dayIndex,
  };
}

/**
 * Makes sure the timeline is exact for every instant in `[from, to]`, building or widening it
 * (the per-day working intervals are computed once per day and kept).
 */
export function coverInstants(calendar: WorkingCalendar, from: number, to: number): void {
  const timeline = calendar.timeline;
  if (timeline !== undefined && from >= timeline.coveredFrom && to <= timeline.coveredTo) return;
  let firstDay = Math.floor((from - ZONE_MARGIN_MS) / DAY_MS) - 1;
  let lastDay = Math.floor((to + ZONE_MARGIN_MS) / DAY_MS) + 1;
  if (timeline !== undefined) {
    // Grow generously so a stream of slightly later instants does not rebuild every time.
    const span = timeline.lastDay - timeline.firstDay + 1;
    if (firstDay < timeline.firstDay) firstDay = Math.min(firstDay, timeline.firstDay - span);
    else firstDay = timeline.firstDay;
    if (lastDay > timeline.lastDay) lastDay = Math.max(lastDay, timeline.lastDay + span);
    else lastDay = timeline.lastDay;
  }
  calendar.timeline = buildTimeline(calendar, firstDay, lastDay);
}

/** Index of the last interval starting at or before `t`, or −1. */
function intervalAt(timeline: Timeline, t: number): number {
  const starts = timeline.starts;
  let low = 0;
  let high = timeline.count - 1;
  if (high < 0 || starts[0]! > t) return -1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle]! <= t) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Working ms from the timeline's origin up to instant `t` (which must be covered). */
function workingUpTo(timeline: Timeline, t: number): number {
  const ends = timeline.ends;
  const count = timeline.count;
  let i = timeline.dayIndex[Math.floor(t / DAY_MS) - timeline.indexOrigin]!;
  while (i < count && ends[i]! <= t) i++;
  if (i === count) return timeline.total;
  const start = timeline.starts[i]!;
  return t <= start ? timeline.before[i]! : timeline.before[i]! + (t - start);
}

/**
 * Working ms from the timeline's origin up to `t`, for hot loops: `t` must lie inside a span
 * already passed to {@link coverInstants}. Differences of two such readings are working times.
 */
export function workingReading(calendar: WorkingCalendar, t: number): number {
  return workingUpTo(calendar.timeline!, t);
}

/**
 * Working milliseconds in `[start, end)` (`start ≤ end`). Covers the span first if needed.
 */
export function workingBetween(calendar: WorkingCalendar, start: number, end: number): number {
  let timeline = calendar.timeline;
  if (timeline === undefined || start < timeline.coveredFrom || end > timeline.coveredTo) {
    coverInstants(calendar, start, end);
    timeline = calendar.timeline!;
  }
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
    else merged.push([pause[0], pause[1]]);
  }
  return merged;
}

/** Working ms in `[start, end)` minus the working ms inside the (merged, clipped) pauses. */
export function workingExcludingPauses(
  calendar: WorkingCalendar,
  start: number,
  end: number,
  merged: readonly (readonly [number, number])[],
): number {
  let total = workingBetween(calendar, start, end);
  for (const [pauseStart, pauseEnd] of merged) total -= workingBetween(calendar, pauseStart, pauseEnd);
  return total;
}

/** One counted piece of working time, formatted in the calendar's local time. */
export interface CountedInterval {
  /** Local start with offset, e.g. `2026-03-09T09:00:00+08:00`. */
  readonly start: string;
  /** Local end with offset (exclusive). */
  readonly end: string;
  /** Its length in milliseconds. */
  readonly milliseconds: number;
}

/** The counted intervals of `[start, end)` without the merged pauses, in time order. */
export function countedIntervals(
  calendar: WorkingCalendar,
  start: number,
  end: number,
  merged: readonly (readonly [number, number])[],
): CountedInterval[] {
  coverInstants(calendar, start, end);
  const timeline = calendar.timeline!;
  const result: CountedInterval[] = [];
  let pause = 0;
  for (let i = Math.max(0, intervalAt(timeline, start)); i < timeline.count; i++) {
    let pieceStart = Math.max(start, timeline.starts[i]!);
    const intervalEnd = Math.min(end, timeline.ends[i]!);
    if (timeline.starts[i]! >= end) break;
    const offset = timeline.offsets[i]!;
    while (pieceStart < intervalEnd) {
      while (pause < merged.length && merged[pause]![1] <= pieceStart) pause++;
      const next = merged[pause];
      let pieceEnd = intervalEnd;
      if (next !== undefined && next[0] <= pieceStart) {
        pieceStart = Math.min(intervalEnd, next[1]);
        continue;
      }
      if (next !== undefined && next[0] < pieceEnd) pieceEnd = next[0];
      result.push({
        start: formatInstant(pieceStart, offset),
        end: formatInstant(pieceEnd, offset),
        milliseconds: pieceEnd - pieceStart,
      });
      pieceStart = pieceEnd;
    }
  }
  return result;
}

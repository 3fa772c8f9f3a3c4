/**
 * Time-zone arithmetic on top of `Intl` only (no date library, no host time zone): the UTC offset
 * of an IANA zone at an instant, the constant-offset segments of a span, and ISO 8601 formatting
 * with an offset. Nothing here reads `Date`'s local-time methods, so results do not depend on the
 * `TZ` of the machine.
 *
 * @module
 */
import { daysFromCivil } from '../core/instant.js';

/** Milliseconds in a day of 24 hours (a UTC day; local days may be 23 or 25 hours long). */
export const DAY_MS = 86_400_000;

/** A span of instants `[start, end)` during which the zone's UTC offset is `offset` ms. */
export interface OffsetSegment {
  readonly start: number;
  readonly end: number;
  readonly offset: number;
}

/** Reads UTC offsets of one IANA zone. */
export interface ZoneClock {
  /** The canonical zone name, as `Intl` resolved it. */
  readonly timeZone: string;
  /** The offset (local − UTC) in ms at instant `t`. */
  offsetAt(t: number): number;
}

const NUMERIC = 'numeric';
const FIELDS = {
  year: NUMERIC,
  month: NUMERIC,
  day: NUMERIC,
  hour: NUMERIC,
  minute: NUMERIC,
  second: NUMERIC,
} as const;

/**
 * A clock for `timeZone`, or `undefined` when `Intl` does not know the zone.
 *
 * The offset is read from `formatToParts` (proleptic Gregorian, 24-hour cycle) as the difference
 * between the local wall-clock reading taken as if it were UTC and the instant itself.
 */
export function zoneClock(timeZone: string): ZoneClock | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', era: 'short', ...FIELDS });
  } catch {
    return undefined;
  }
  const resolved = format.resolvedOptions().timeZone;
  if (resolved === 'UTC' || resolved === 'Etc/UTC' || resolved === 'Etc/GMT')
    return { timeZone: resolved, offsetAt: () => 0 };
  const offsetAt = (t: number): number => {
    const whole = Math.floor(t / 1000) * 1000;
    const field: Record<string, number> = {};
    let bc = false;
    for (const part of format.formatToParts(whole)) {
      if (part.type === 'era') bc = part.value.startsWith('B');
      else field[part.type] = Number(part.value);
    }
    const year = bc ? 1 - field.year! : field.year!;
    const day = daysFromCivil(year, field.month!, field.day!);
    return ((day * 24 + field.hour!) * 60 + field.minute!) * 60_000 + field.second! * 1000 - whole;
  };
  return { timeZone: resolved, offsetAt };
}

/** How far apart offsets are sampled when looking for transitions (no zone changes twice within it). */
const SAMPLE_MS = 6 * 3_600_000;

/** The first instant in `(low, high]` whose offset is not `offset` (given `offsetAt(high) !== offset`). */
function transition(clock: ZoneClock, low: number, high: number, offset: number): number {
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (clock.offsetAt(middle) === offset) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * The constant-offset segments covering `[from, to)`, in order. Offsets are sampled every 6 hours
 * and each change is located to the millisecond by bisection.
 */
export function offsetSegments(clock: ZoneClock, from: number, to: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let segmentStart = from;
  let offset = clock.offsetAt(from);
  for (let probe = from; probe < to;) {
    const next = Math.min(probe + SAMPLE_MS, to);
    if (clock.offsetAt(next) === offset) {
      probe = next;
      continue;
    }
    probe = transition(clock, probe, next, offset);
    segments.push({ start: segmentStart, end: probe, offset });
    segmentStart = probe;
    offset = clock.offsetAt(probe);
  }
  segments.push({ start: segmentStart, end: to, offset });
  return segments;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Formats instant `t` as ISO 8601 local time with its offset (`2026-03-06T17:30:00+08:00`). */
export function formatInstant(t: number, offset: number): string {
  if (offset % 60_000 !== 0) return new Date(t).toISOString().replace('.000Z', 'Z');
  const local = new Date(t + offset);
  const year = local.getUTCFullYear();
  const yearText = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : String(year);
  const ms = local.getUTCMilliseconds();
  const clock = `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}${ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`}`;
  const minutes = Math.abs(offset) / 60_000;
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
  return `${yearText}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}T${clock}${zone}`;
}

/**
 * Time-zone arithmetic on top of `Intl` only (no date library, no host time zone): the UTC offset
 * of an IANA zone at an instant, the constant-offset segments of a span, and ISO 8601 formatting
 * with an offset. Nothing here reads `Date`'s local-time methods, so results do not depend on the
 * `TZ` of the machine.
 *
 * @module
 */

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

/**
 * A clock for `timeZone`, or `undefined` when `Intl` does not know the zone.
 *
 * The offset is read from `formatToParts` (proleptic Gregorian, 24-hour cycle) as the difference
 * between the local wall-clock reading taken as if it were UTC and the instant itself.
 */
export function zoneClock(timeZone: string): ZoneClock | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  const resolved = format.resolvedOptions().timeZone;
  if (resolved === 'UTC' || resolved === 'Etc/UTC' || resolved === 'Etc/GMT') {
    return { timeZone: resolved, offsetAt: () => 0 };
  }
  return {
    timeZone: resolved,
    offsetAt(t: number): number {
      const whole = Math.floor(t / 1000) * 1000;
      let year = 0;
      let month = 1;
      let day = 1;
      let hour = 0;
      let minute = 0;
      let second = 0;
      let bc = false;
      for (const part of format.formatToParts(whole)) {
        switch (part.type) {
          case 'year':
            year = Number(part.value);
            break;
          case 'month':
            month = Number(part.value);
            break;
          case 'day':
            day = Number(part.value);
            break;
          case 'hour':
            hour = Number(part.value);
            break;
          case 'minute':
            minute = Number(part.value);
            break;
          case 'second':
            second = Number(part.value);
            break;
          case 'era':
            bc = part.value.startsWith('B');
            break;
          default:
        }
      }
      const local = utcFields(bc ? 1 - year : year, month, day, hour, minute, second);
      return local - whole;
    },
  };
}

/** `Date.UTC` without its two-digit-year quirk. */
function utcFields(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** How far apart offsets are sampled when looking for transitions (no zone changes twice within it). */
const SAMPLE_MS = 6 * 3_600_000;

/**
 * The constant-offset segments covering `[from, to)`, in order. Offsets are sampled every 6 hours
 * and each change is located to the millisecond by bisection.
 */
export function offsetSegments(clock: ZoneClock, from: number, to: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let segmentStart = from;
  let offset = clock.offsetAt(from);
  let probe = from;
  while (probe < to) {
    const next = Math.min(probe + SAMPLE_MS, to);
    const nextOffset = clock.offsetAt(next);
    if (nextOffset !== offset) {
      // Bisect: offsetAt(low) === offset, offsetAt(high) !== offset.
      let low = probe;
      let high = next;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (clock.offsetAt(middle) === offset) low = middle;
        else high = middle;
      }
      segments.push({ start: segmentStart, end: high, offset });
      segmentStart = high;
      offset = clock.offsetAt(high);
      probe = high;
      continue;
    }
    probe = next;
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

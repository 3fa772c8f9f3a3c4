/** Calendar dates and instants as the library reads them: strict ISO 8601 text, never `Date.parse`. */

/** `Date.UTC` without its two-digit-year quirk (years 0–99 would be read as 1900–1999). */
function utcDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millis = 0): Date {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, millis));
  date.setUTCFullYear(year, month, day);
  return date;
}

/** Days of each month in a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `text` is a real calendar date written `YYYY-MM-DD` (proleptic Gregorian). Read digit by
 * digit, without a regex or a `Date`: the row reader calls it for every dated row. Held to the
 * `Date` calendar by a property (test/core/dates.prop.test.ts).
 */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const [y0, y1, y2, y3] = [
    text.charCodeAt(0) - 48,
    text.charCodeAt(1) - 48,
    text.charCodeAt(2) - 48,
    text.charCodeAt(3) - 48,
  ];
  const [m0, m1, d0, d1] = [
    text.charCodeAt(5) - 48,
    text.charCodeAt(6) - 48,
    text.charCodeAt(8) - 48,
    text.charCodeAt(9) - 48,
  ];
  // `>>> 0` turns a code below '0' into a large number: one comparison tells a digit.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return false;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return false;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!);
}

/** Days since 1970-01-01 of a calendar date `YYYY-MM-DD` (validated): two dates' difference is their distance in days. */
export function epochDay(isoDate: string): number {
  const date = utcDate(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
  return Math.round(date.getTime() / 86_400_000);
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO 8601 instant with an explicit offset
 * (`2026-03-06T17:30:00+08:00`, `…Z`), or `undefined` when it is not one. Sub-millisecond digits
 * must be zero.
 */
export function parseInstant(text: string): number | undefined {
  const match = INSTANT.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '', offset = 'Z'] = match;
  if (!isIsoDate(`${y}-${mo}-${d}`)) return undefined;
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (/[1-9]/.test(frac.slice(3))) return undefined;
  const millis = Number(frac.slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 18 || om > 59) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const local = utcDate(Number(y), Number(mo) - 1, Number(d), hour, minute, second, millis).getTime();
  return local - offsetMinutes * 60_000;
}

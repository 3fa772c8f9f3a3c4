/** Calendar dates and instants as the library reads them: strict ISO 8601 text, never `Date.parse`. */

/** `Date.UTC` without its two-digit-year quirk (years 0–99 would be read as 1900–1999). */
function utcDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millis = 0): Date {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, millis));
  date.setUTCFullYear(year, month, day);
  return date;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = utcDate(year, month, 0).getUTCDate();
  return day <= days;
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

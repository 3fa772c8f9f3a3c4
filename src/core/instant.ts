/**
 * The fast reader of ISO 8601 instants, for million-row inputs (tickets) and the instant schema's
 * fast check: the same language as `parseInstant` in dates.ts, its slow twin (a property holds them
 * equal: test/core/instant.prop.test.ts), without a regular expression or a `Date`.
 *
 * @module
 */

const ZERO = 48;

/** Value of the two decimal digits at `from`, or −1 when either is not a digit. */
function twoDigits(text: string, from: number): number {
  const tens = text.charCodeAt(from) - ZERO;
  const ones = text.charCodeAt(from + 1) - ZERO;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** Days from 1970-01-01 to a proleptic Gregorian civil date (H. Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Milliseconds since the epoch of `YYYY-MM-DDTHH:mm[:ss[.f…]](Z|±hh:mm)` (fraction up to 9
 * digits, digits beyond the millisecond zero), or `NaN` when `text` is not such an instant.
 */
export function readInstant(text: string): number {
  const length = text.length;
  if (length < 17 || length > 35) return Number.NaN;
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58
  )
    return Number.NaN;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  if (century < 0 || yearOfCentury < 0) return Number.NaN;
  const year = century * 100 + yearOfCentury;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return Number.NaN;
  if (day > daysInMonth(year, month)) return Number.NaN;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(at) === 58) {
    second = twoDigits(text, at + 1);
    if (second < 0 || second > 59) return Number.NaN;
    at += 3;
    if (text.charCodeAt(at) === 46) {
      at++;
      const from = at;
      while (at < length && at - from < 10) {
        const digit = text.charCodeAt(at) - ZERO;
        if (digit < 0 || digit > 9) break;
        if (at - from < 3) millis = millis * 10 + digit;
        else if (digit !== 0) return Number.NaN; // below a millisecond
        at++;
      }
      const count = at - from;
      if (count === 0 || count > 9) return Number.NaN;
      if (count === 1) millis *= 100;
      else if (count === 2) millis *= 10;
    }
  }
  let offsetMinutes = 0;
  const sign = text.charCodeAt(at);
  if (sign === 90) {
    if (at + 1 !== length) return Number.NaN;
  } else if (sign === 43 || sign === 45) {
    if (at + 6 !== length || text.charCodeAt(at + 3) !== 58) return Number.NaN;
    const offsetHours = twoDigits(text, at + 1);
    const offsetMins = twoDigits(text, at + 4);
    if (offsetHours < 0 || offsetHours > 18 || offsetMins < 0 || offsetMins > 59) return Number.NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else return Number.NaN;
  const local = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis;
  return local - offsetMinutes * 60_000;
}

import { addDays, addMonths, addQuarters, addYears } from 'date-fns';
import { epochDay } from '../core/dates.js';

/**
 * Calendar-date arithmetic for periods and plan versions, on `YYYY-MM-DD` strings.
 *
 * date-fns works on the host's local calendar fields, so each date is read as local midnight,
 * moved with date-fns and written back as a calendar date: the result does not depend on the
 * host time zone (differenceInCalendarDays ignores DST offsets).
 */

/** The unit of a pay period. */
export type PeriodUnit = 'month' | 'quarter' | 'year';

/** Months in one period of `unit` (grade pay and target bonus are monthly amounts). */
export const MONTHS_IN: Readonly<Record<PeriodUnit, number>> = { month: 1, quarter: 3, year: 12 };

/** Local midnight of a validated `YYYY-MM-DD` (as date-fns' parseISO reads it; setFullYear keeps years below 100). */
function read(date: string): Date {
  const local = new Date(0);
  local.setFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  local.setHours(0, 0, 0, 0);
  return local;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The local calendar date of `date` as `YYYY-MM-DD` (as date-fns' formatISO writes it). */
function write(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** The inclusive last day of the period of `unit` that starts on `start` (start + 1 unit − 1 day). */
export function periodEnd(unit: PeriodUnit, start: string): string {
  const first = read(start);
  const next = unit === 'month' ? addMonths(first, 1) : unit === 'quarter' ? addQuarters(first, 1) : addYears(first, 1);
  return write(addDays(next, -1));
}

/** `date` moved by `days` calendar days. */
export function shiftDate(date: string, days: number): string {
  return write(addDays(read(date), days));
}

/** Calendar days from `start` to `end`, both inclusive (0 when end is before start). */
export function inclusiveDays(start: string, end: string): number {
  const days = epochDay(end) - epochDay(start) + 1;
  return days > 0 ? days : 0;
}

/** The later of two ISO dates (string order is date order for `YYYY-MM-DD`). */
export function laterDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two ISO dates. */
export function earlierDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Days of the inclusive range [start, end] that fall inside [from, to] (0 when they do not meet). */
export function overlapDays(start: string, end: string, from: string, to: string): number {
  const lo = laterDate(start, from);
  const hi = earlierDate(end, to);
  return hi < lo ? 0 : inclusiveDays(lo, hi);
}

/**
 * The day number (days since 1970-01-01) of an ISO date, computed from its fields with
 * `Date.UTC`: exact and host-zone free, for hot loops over many people.
 */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** Days of [start, end] inside [from, to], on day numbers (0 when they do not meet). */
export function overlapDayNumbers(start: number, end: number, from: number, to: number): number {
  const lo = start > from ? start : from;
  const hi = end < to ? end : to;
  return hi < lo ? 0 : hi - lo + 1;
}

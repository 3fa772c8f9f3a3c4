/**
 * Arbitraries for the time mechanism: instants written with various offsets, working calendars
 * (zones with and without DST, split working days, holidays, make-up days) and tickets.
 */
import fc from 'fast-check';
import type { BusinessDurationInput, CalendarInput, TicketInput } from '../../src/index.js';

const MINUTE = 60_000;
/** 2026-01-01T00:00Z in ms; instants fall within the year around it. */
export const BASE_MS = Date.UTC(2026, 0, 1);

/** An epoch-ms instant written ISO 8601 with the given offset in minutes ("+08:00", "-05:00", "Z"). */
export function instantText(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * MINUTE).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export const offsetArb = fc.constantFrom(0, 480, -300, -240, 330, 60);
/** Minutes into 2026 (and a little beyond), whole minutes or with seconds. */
export const minuteArb = fc.integer({ min: 0, max: 400 * 24 * 60 });
export const zoneArb = fc.constantFrom(
  'UTC',
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
);

const dayDate = fc
  .integer({ min: 0, max: 364 })
  .map((day) => new Date(BASE_MS + day * 86_400_000).toISOString().slice(0, 10));

/** A working calendar: zone, Mon–Fri split days (09–12, 13–18) or a 24×7 default, holidays and make-up days (disjoint). */
export const calendarArb: fc.Arbitrary<CalendarInput> = fc
  .record({
    timeZone: zoneArb,
    split: fc.boolean(),
    holidays: fc.uniqueArray(dayDate, { maxLength: 6 }),
    makeUpDays: fc.uniqueArray(dayDate, { maxLength: 3 }),
  })
  .map(({ timeZone, split, holidays, makeUpDays }) => {
    const hours = split
      ? [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '18:00' },
        ]
      : [{ start: '08:30', end: '17:30' }];
    const calendar: CalendarInput = {
      timeZone,
      week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
      holidays,
    };
    const makeUp = makeUpDays.filter((day) => !holidays.includes(day));
    return makeUp.length > 0 ? { ...calendar, makeUpDays: makeUp } : calendar;
  });

/** A valid businessDuration input (start ≤ end, pauses inside or not). */
export const businessDurationArb: fc.Arbitrary<BusinessDurationInput> = fc
  .record({
    a: minuteArb,
    span: fc.integer({ min: 0, max: 30 * 24 * 60 }),
    offsets: fc.tuple(offsetArb, offsetArb),
    calendar: fc.option(calendarArb, { nil: undefined }),
    pauses: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 * 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 })), {
      maxLength: 3,
    }),
  })
  .map(({ a, span, offsets, calendar, pauses }) => {
    const start = BASE_MS + a * MINUTE;
    const input: BusinessDurationInput = {
      start: instantText(start, offsets[0]),
      end: instantText(start + span * MINUTE, offsets[1]),
      pauses: pauses.map(([from, length]) => ({
        start: instantText(start + from * MINUTE, 0),
        end: instantText(start + (from + length) * MINUTE, 480),
      })),
      intervals: true,
    };
    return calendar === undefined ? input : { ...input, calendar };
  });

/** Tickets of units u0…u2 in March 2026: some answered, some resolved, some still open at asOf. */
export const ticketsArb: fc.Arbitrary<TicketInput[]> = fc
  .array(
    fc.record({
      unit: fc.integer({ min: 0, max: 2 }),
      opened: fc.integer({ min: 0, max: 30 * 24 * 60 }),
      respond: fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), { nil: null }),
      resolve: fc.option(fc.integer({ min: 0, max: 10 * 24 * 60 }), { nil: null }),
    }),
    { maxLength: 20 },
  )
  .map((rows) => {
    const march = Date.UTC(2026, 2, 1);
    return rows.map((row, i) => {
      const opened = march + row.opened * MINUTE;
      return {
        id: `t${String(i).padStart(3, '0')}`,
        unit: `u${row.unit}`,
        opened: instantText(opened, 480),
        responded: row.respond === null ? null : instantText(opened + row.respond * MINUTE, 0),
        resolved:
          row.resolve === null ? null : instantText(opened + (row.respond ?? 0) * MINUTE + row.resolve * MINUTE, 480),
      };
    });
  });

/** The seed-001 response table: ≤ 1 h → 100, ≤ 2 h → 80, else 60. */
export const responseTable = {
  direction: 'lowerIsBetter' as const,
  unit: 'duration' as const,
  bands: [{ bound: { hours: 1 }, score: 100 }, { bound: { hours: 2 }, score: 80 }, { score: 60 }],
};

/**
 * The period's calendar-date helpers read and write `YYYY-MM-DD` by hand and count days with
 * core's `epochDay`; their slow twin is date-fns' parseISO / formatISO / differenceInCalendarDays
 * (what they used before, and what the bundle budget for `runPeriod` could no longer hold).
 */
import { addDays, addMonths, addQuarters, addYears, differenceInCalendarDays, formatISO, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inclusiveDays, periodEnd, shiftDate } from '../../src/period/dates.js';
import { runs } from '../helpers.js';

const dateArb = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const write = (date: Date) => formatISO(date, { representation: 'date' });

describe('period dates equal date-fns’ parseISO / formatISO / differenceInCalendarDays', () => {
  it('shiftDate, periodEnd and inclusiveDays on any date of years 1–9999', () => {
    fc.assert(
      fc.property(
        dateArb,
        dateArb,
        fc.integer({ min: -800, max: 800 }),
        fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
        (a, b, n, unit) => {
          const target = write(addDays(parseISO(a), n));
          if (target.length === 10 && !target.startsWith('-')) expect(shiftDate(a, n)).toBe(target);
          const next =
            unit === 'month'
              ? addMonths(parseISO(a), 1)
              : unit === 'quarter'
                ? addQuarters(parseISO(a), 1)
                : addYears(parseISO(a), 1);
          const end = write(addDays(next, -1));
          if (end.length === 10) expect(periodEnd(unit, a)).toBe(end);
          const days = differenceInCalendarDays(parseISO(b), parseISO(a)) + 1;
          expect(inclusiveDays(a, b)).toBe(days > 0 ? days : 0);
        },
      ),
      { numRuns: runs(2000) },
    );
  });
});

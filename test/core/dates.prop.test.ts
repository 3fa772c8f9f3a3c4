import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/core/dates.js';
import { runs } from '../helpers.js';

/** The slow twin: the calendar of `Date` (proleptic Gregorian, years 0–99 not read as 19xx). */
function dateCalendar(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(2000, 0, 1));
  last.setUTCFullYear(year, month, 0);
  return day <= last.getUTCDate();
}

describe('isIsoDate (the date leaf of every row schema)', () => {
  it('agrees with the Date calendar on every YYYY-MM-DD text and near miss', () => {
    const dateText = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const nearMiss = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', ' ', '٣', 'a'), maxLength: 11 });
    fc.assert(
      fc.property(fc.oneof(dateText, nearMiss, fc.string({ maxLength: 11 })), (text) => {
        expect(isIsoDate(text)).toBe(dateCalendar(text));
      }),
      { numRuns: runs(5000) },
    );
  });
  it('knows the leap days of the Gregorian rule', () => {
    expect(['2024-02-29', '2000-02-29', '0000-02-29', '0004-02-29'].map(isIsoDate)).toEqual([true, true, true, true]);
    expect(['2026-02-29', '1900-02-29', '0100-02-29', '2026-04-31'].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDuration } from '../../src/index.js';
import { runs } from '../helpers.js';
import { iso, oracleDuration, scenarioArb } from './oracle.js';

describe('businessDuration against the minute-by-minute Intl oracle', () => {
  it('agrees on random intervals, calendars (holidays, make-up days) and zones with DST changes', () => {
    fc.assert(
      fc.property(scenarioArb, ({ calendar, a, c }) => {
        const result = businessDuration({ start: iso(a), end: iso(c), calendar, intervals: false });
        expect(result.milliseconds).toBe(oracleDuration(calendar, a, c));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('agrees with pauses too, and the listed intervals add up to the total', () => {
    fc.assert(
      fc.property(scenarioArb, ({ calendar, a, c, pauses }) => {
        const result = businessDuration({
          start: iso(a),
          end: iso(c),
          calendar,
          pauses: pauses.map(([start, end]) => ({ start: iso(start), end: iso(end) })),
        });
        expect(result.milliseconds).toBe(oracleDuration(calendar, a, c, pauses));
        expect(result.intervals!.reduce((sum, interval) => sum + interval.milliseconds, 0)).toBe(result.milliseconds);
        for (const interval of result.intervals!)
          expect(Date.parse(interval.end) - Date.parse(interval.start)).toBe(interval.milliseconds);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('businessDuration laws', () => {
  it('never exceeds the wall-clock duration', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 59_999 }), ({ calendar, a, c }, jitter) => {
        const result = businessDuration({ start: iso(a + jitter), end: iso(c + jitter), calendar, intervals: false });
        expect(result.milliseconds).toBeGreaterThanOrEqual(0);
        expect(result.milliseconds).toBeLessThanOrEqual(c - a);
        expect(result.wallClockMilliseconds).toBe(c - a);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('is additive over adjacent intervals: d(a, c) = d(a, b) + d(b, c)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 59_999 }), ({ calendar, a, b, c }, jitter) => {
        const d = (from: number, to: number) =>
          businessDuration({ start: iso(from), end: iso(to), calendar, intervals: false }).milliseconds;
        expect(d(a, c)).toBe(d(a, b + jitter > c ? b : b + jitter) + d(b + jitter > c ? b : b + jitter, c));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('pauses never increase it, and adding a pause never increases it further', () => {
    fc.assert(
      fc.property(scenarioArb, ({ calendar, a, c, pauses }) => {
        const asInput = (list: [number, number][]) =>
          list.map(([start, end]) => ({ start: iso(start), end: iso(end) }));
        let previous = businessDuration({ start: iso(a), end: iso(c), calendar, intervals: false }).milliseconds;
        for (let k = 1; k <= pauses.length; k++) {
          const next = businessDuration({
            start: iso(a),
            end: iso(c),
            calendar,
            pauses: asInput(pauses.slice(0, k)),
            intervals: false,
          }).milliseconds;
          expect(next).toBeLessThanOrEqual(previous);
          previous = next;
        }
      }),
      { numRuns: runs(1000) },
    );
  });

  it('does not depend on the order of the pauses or the offset the instants are written in', () => {
    fc.assert(
      fc.property(scenarioArb, ({ calendar, a, c, pauses }) => {
        const asInput = (list: [number, number][]) =>
          list.map(([start, end]) => ({ start: iso(start), end: iso(end) }));
        const forward = businessDuration({ start: iso(a), end: iso(c), calendar, pauses: asInput(pauses) });
        const shifted = (t: number) => iso(t - 5.5 * 3_600_000).replace(/\.\d{3}Z$/, '-05:30');
        const backward = businessDuration({
          start: shifted(a),
          end: shifted(c),
          calendar,
          pauses: asInput([...pauses].reverse()),
        });
        expect({ ...backward, trace: null }).toEqual({ ...forward, trace: null });
      }),
      { numRuns: runs(1000) },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { businessDuration, schemas } from '../../src/index.js';
import { expectError } from '../helpers.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const office = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const weekdays = { mon: office, tue: office, wed: office, thu: office, fri: office };

describe('businessDuration: worked examples', () => {
  it('Friday 17:30 → Monday 09:45 on a 09:00–12:00 / 13:00–18:00 week is 75 min (issue 3)', () => {
    // Friday 17:30–18:00 = 30 min; Saturday and Sunday not worked; Monday 09:00–09:45 = 45 min.
    const result = businessDuration({
      start: '2026-03-06T17:30:00+08:00',
      end: '2026-03-09T09:45:00+08:00',
      calendar: { timeZone: 'Asia/Shanghai', week: weekdays },
    });
    expect(result.milliseconds).toBe(75 * MINUTE);
    expect(result.wallClockMilliseconds).toBe((2 * 24 + 16) * HOUR + 15 * MINUTE);
    expect(result.intervals).toEqual([
      { start: '2026-03-06T17:30:00+08:00', end: '2026-03-06T18:00:00+08:00', milliseconds: 30 * MINUTE },
      { start: '2026-03-09T09:00:00+08:00', end: '2026-03-09T09:45:00+08:00', milliseconds: 45 * MINUTE },
    ]);
    expect(result.timeZone).toBe('Asia/Shanghai');
    expect(result.trace[0]!.rule).toBe('time.businessDuration');
  });

  it('the same instants written in UTC give the same result', () => {
    const result = businessDuration({
      start: '2026-03-06T09:30:00Z',
      end: '2026-03-09T01:45:00.000Z',
      calendar: { timeZone: 'Asia/Shanghai', week: weekdays },
      intervals: false,
    });
    expect(result.milliseconds).toBe(75 * MINUTE);
    expect(result.intervals).toBeNull();
  });

  it('lunch break and evenings are not counted within one day', () => {
    // 10:30–12:00 = 90 min, 13:00–15:15 = 135 min → 225 min.
    const result = businessDuration({
      start: '2026-03-10T10:30:00+08:00',
      end: '2026-03-10T15:15:00+08:00',
      calendar: { timeZone: 'Asia/Shanghai', week: weekdays },
    });
    expect(result.milliseconds).toBe(225 * MINUTE);
  });

  it('default calendar is 24×7 in UTC', () => {
    const result = businessDuration({ start: '2026-03-06T17:30:00+08:00', end: '2026-03-09T09:45:00+08:00' });
    expect(result.milliseconds).toBe(result.wallClockMilliseconds);
    expect(result.timeZone).toBe('UTC');
  });

  it('start = end is zero', () => {
    expect(businessDuration({ start: '2026-03-06T10:00:00+08:00', end: '2026-03-06T02:00:00Z' }).milliseconds).toBe(0);
  });

  it('skips holidays and works make-up days [调休] on make-up hours (Monday’s by default)', () => {
    const calendar = {
      timeZone: 'Asia/Shanghai',
      week: weekdays,
      holidays: ['2026-10-01'],
      makeUpDays: ['2026-10-10'],
    };
    // Wed 17:00–18:00 = 1 h; Thu 1 Oct holiday = 0; Fri 09:00–10:00 = 1 h → 2 h.
    expect(
      businessDuration({ start: '2026-09-30T17:00:00+08:00', end: '2026-10-02T10:00:00+08:00', calendar }).milliseconds,
    ).toBe(2 * HOUR);
    // Fri 17:00–18:00 = 1 h; Sat 10 Oct make-up day 3 h + 5 h = 8 h; Sun 0; Mon 09:00–10:00 = 1 h → 10 h.
    expect(
      businessDuration({ start: '2026-10-09T17:00:00+08:00', end: '2026-10-12T10:00:00+08:00', calendar }).milliseconds,
    ).toBe(10 * HOUR);
    // With explicit make-up hours 10:00–12:00 the Saturday gives 2 h → 4 h.
    const shortSaturday = { ...calendar, makeUpHours: [{ start: '10:00', end: '12:00' }] };
    expect(
      businessDuration({
        start: '2026-10-09T17:00:00+08:00',
        end: '2026-10-12T10:00:00+08:00',
        calendar: shortSaturday,
      }).milliseconds,
    ).toBe(4 * HOUR);
  });

  it('pauses remove only their working time, merged when they overlap', () => {
    const calendar = { timeZone: 'Asia/Shanghai', week: weekdays };
    // Working time Tue 09:00–18:00 = 8 h. Pauses 11:00–14:00 and 13:30–13:45 merge to 11:00–14:00,
    // whose working part is 11:00–12:00 + 13:00–14:00 = 2 h → 6 h.
    const result = businessDuration({
      start: '2026-03-10T09:00:00+08:00',
      end: '2026-03-10T18:00:00+08:00',
      calendar,
      pauses: [
        { start: '2026-03-10T13:30:00+08:00', end: '2026-03-10T13:45:00+08:00' },
        { start: '2026-03-10T11:00:00+08:00', end: '2026-03-10T14:00:00+08:00' },
      ],
    });
    expect(result.milliseconds).toBe(6 * HOUR);
    expect(result.pausedMilliseconds).toBe(2 * HOUR);
    expect(result.intervals!.map((interval) => [interval.start.slice(11, 16), interval.end.slice(11, 16)])).toEqual([
      ['09:00', '11:00'],
      ['14:00', '18:00'],
    ]);
  });
});

describe('businessDuration across DST changes', () => {
  it('America/New_York, spring forward (8 Mar 2026): the local day has 23 hours', () => {
    const day = businessDuration({
      start: '2026-03-08T00:00:00-05:00',
      end: '2026-03-09T00:00:00-04:00',
      calendar: { timeZone: 'America/New_York' },
    });
    expect(day.milliseconds).toBe(23 * HOUR);
    // Sunday hours 01:00–03:00: 01:00–02:00 EST exists, 02:00–03:00 is skipped by the clocks → 1 h.
    const night = businessDuration({
      start: '2026-03-08T00:00:00-05:00',
      end: '2026-03-09T00:00:00-04:00',
      calendar: { timeZone: 'America/New_York', week: { sun: [{ start: '01:00', end: '03:00' }] } },
    });
    expect(night.milliseconds).toBe(1 * HOUR);
    // Sunday 09:00–17:00 is 8 h of real time, read at −04:00 after the change.
    const office8 = businessDuration({
      start: '2026-03-08T00:00:00-05:00',
      end: '2026-03-09T00:00:00-04:00',
      calendar: { timeZone: 'America/New_York', week: { sun: [{ start: '09:00', end: '17:00' }] } },
    });
    expect(office8.intervals).toEqual([
      { start: '2026-03-08T09:00:00-04:00', end: '2026-03-08T17:00:00-04:00', milliseconds: 8 * HOUR },
    ]);
  });

  it('America/New_York, fall back (1 Nov 2026): 25 hours, and a repeated working hour counts twice', () => {
    const day = businessDuration({
      start: '2026-11-01T00:00:00-04:00',
      end: '2026-11-02T00:00:00-05:00',
      calendar: { timeZone: 'America/New_York' },
    });
    expect(day.milliseconds).toBe(25 * HOUR);
    // Sunday 01:00–03:00: 01:00–02:00 EDT, 01:00–02:00 EST again, 02:00–03:00 EST → 3 h.
    const night = businessDuration({
      start: '2026-11-01T00:00:00-04:00',
      end: '2026-11-02T00:00:00-05:00',
      calendar: { timeZone: 'America/New_York', week: { sun: [{ start: '01:00', end: '03:00' }] } },
    });
    expect(night.milliseconds).toBe(3 * HOUR);
    expect(night.intervals!.map((interval) => interval.start)).toEqual([
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
    ]);
  });

  it('Europe/London, 29 Mar and 25 Oct 2026: 23- and 25-hour days; office hours keep their local times', () => {
    expect(
      businessDuration({
        start: '2026-03-29T00:00:00Z',
        end: '2026-03-30T00:00:00+01:00',
        calendar: { timeZone: 'Europe/London' },
      }).milliseconds,
    ).toBe(23 * HOUR);
    expect(
      businessDuration({
        start: '2026-10-25T00:00:00+01:00',
        end: '2026-10-26T00:00:00Z',
        calendar: { timeZone: 'Europe/London' },
      }).milliseconds,
    ).toBe(25 * HOUR);
    const hours = [{ start: '09:00', end: '17:00' }];
    const calendar = {
      timeZone: 'Europe/London',
      week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
    };
    // Fri 27 Mar 16:00 GMT → Mon 30 Mar 10:00 BST: 1 h Friday + 1 h Monday = 2 h, over a wall-clock
    // span of 66 h − 1 h (the lost hour) = 65 h.
    const result = businessDuration({ start: '2026-03-27T16:00:00Z', end: '2026-03-30T10:00:00+01:00', calendar });
    expect(result.milliseconds).toBe(2 * HOUR);
    expect(result.wallClockMilliseconds).toBe(65 * HOUR);
    expect(result.intervals!.map((interval) => interval.start)).toEqual([
      '2026-03-27T16:00:00Z',
      '2026-03-30T09:00:00+01:00',
    ]);
  });
});

describe('businessDuration: bad input', () => {
  const base = { start: '2026-03-06T17:30:00+08:00', end: '2026-03-09T09:45:00+08:00' };

  it('unknown time zone → UNKNOWN_TIME_ZONE', () => {
    expectError(() => businessDuration({ ...base, calendar: { timeZone: 'Mars/Olympus_Mons' } }), 'UNKNOWN_TIME_ZONE', [
      'calendar',
      'timeZone',
    ]);
  });

  it('malformed instants → INVALID_INPUT', () => {
    expectError(() => businessDuration({ ...base, start: '2026-03-06 17:30' }), 'INVALID_INPUT', ['start']);
    expectError(() => businessDuration({ ...base, end: '2026-03-06T17:30:00' }), 'INVALID_INPUT', ['end']); // no offset
    expectError(() => businessDuration({ ...base, end: '2026-02-30T10:00:00Z' }), 'INVALID_INPUT', ['end']);
    expectError(() => businessDuration({ ...base, pauses: [{ start: 'yesterday', end: base.end }] }), 'INVALID_INPUT', [
      'pauses',
      0,
      'start',
    ]);
  });

  it('end before start → DATES_OUT_OF_ORDER, never a negative number', () => {
    expectError(() => businessDuration({ start: base.end, end: base.start }), 'DATES_OUT_OF_ORDER', ['end']);
    expectError(
      () => businessDuration({ ...base, pauses: [{ start: base.end, end: base.start }] }),
      'DATES_OUT_OF_ORDER',
      ['pauses', 0, 'end'],
    );
  });

  it('overlapping working intervals → OVERLAPPING_INTERVALS', () => {
    const week = {
      mon: [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
      ],
    };
    expectError(() => businessDuration({ ...base, calendar: { week } }), 'OVERLAPPING_INTERVALS', [
      'calendar',
      'week',
      'mon',
      1,
    ]);
  });

  it('unordered working interval bounds → DATES_OUT_OF_ORDER', () => {
    const week = { tue: [{ start: '18:00', end: '09:00' }] };
    expectError(() => businessDuration({ ...base, calendar: { week } }), 'DATES_OUT_OF_ORDER', [
      'calendar',
      'week',
      'tue',
      0,
      'end',
    ]);
    expectError(
      () => businessDuration({ ...base, calendar: { makeUpHours: [{ start: '10:00', end: '10:00' }] } }),
      'DATES_OUT_OF_ORDER',
      ['calendar', 'makeUpHours', 0, 'end'],
    );
  });

  it('a date both holiday and make-up day → CALENDAR_CONFLICT', () => {
    expectError(
      () => businessDuration({ ...base, calendar: { holidays: ['2026-10-01'], makeUpDays: ['2026-10-01'] } }),
      'CALENDAR_CONFLICT',
      ['calendar', 'makeUpDays', 0],
    );
  });

  it('bad clock times, dates and unknown fields → INVALID_INPUT', () => {
    expectError(
      () => businessDuration({ ...base, calendar: { week: { mon: [{ start: '9:00', end: '12:00' }] } } }),
      'INVALID_INPUT',
      ['calendar', 'week', 'mon', 0, 'start'],
    );
    expectError(
      () => businessDuration({ ...base, calendar: { week: { mon: [{ start: '24:00', end: '24:00' }] } } }),
      'INVALID_INPUT',
      ['calendar', 'week', 'mon', 0, 'start'],
    );
    expectError(() => businessDuration({ ...base, calendar: { holidays: ['2026-13-01'] } }), 'INVALID_INPUT', [
      'calendar',
      'holidays',
      0,
    ]);
    expectError(() => businessDuration({ ...base, calender: {} } as never), 'INVALID_INPUT');
    expectError(() => businessDuration({ ...base, calendar: { week: { monday: office } } } as never), 'INVALID_INPUT');
  });

  it('a span beyond 100 years → OUT_OF_RANGE; just under it is measured', () => {
    // 1900-01-01 → 2000-01-03: 36,524 days (24 leap days; 1900 is not one) + 2 = 36,526 > 36,525.
    expectError(
      () => businessDuration({ start: '1900-01-01T00:00:00Z', end: '2000-01-03T00:00:00Z' }),
      'OUT_OF_RANGE',
      ['end'],
    );
    // 1926-01-01 → 2026-01-01 is 100 years with 25 leap days (1928…2024) = 36,525 days: exactly the limit.
    expect(
      businessDuration({ start: '1926-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z', intervals: false }).milliseconds,
    ).toBe(36_525 * 24 * HOUR);
  });

  it('reports every calendar problem at once', () => {
    const error = expectError(
      () =>
        businessDuration({
          start: base.end,
          end: base.start,
          calendar: {
            timeZone: 'Nowhere/City',
            week: { mon: [{ start: '12:00', end: '09:00' }] },
            holidays: ['2026-10-01'],
            makeUpDays: ['2026-10-01'],
          },
        }),
      'DATES_OUT_OF_ORDER',
    );
    expect(error.code).toBe('INVALID_INPUT'); // mixed codes
    expect(error.issues.map((issue) => issue.code).sort()).toEqual([
      'CALENDAR_CONFLICT',
      'DATES_OUT_OF_ORDER',
      'DATES_OUT_OF_ORDER',
      'UNKNOWN_TIME_ZONE',
    ]);
  });

  it('the exported schema accepts the worked example', () => {
    expect(
      schemas.businessDuration.safeParse({ ...base, calendar: { timeZone: 'Asia/Shanghai', week: weekdays } }).success,
    ).toBe(true);
  });
});

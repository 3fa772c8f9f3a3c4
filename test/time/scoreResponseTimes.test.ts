import { describe, expect, it } from 'vitest';
import { scoreResponseTimes, type ScoreResponseTimesInput } from '../../src/index.js';
import { expectError } from '../helpers.js';

const office = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const shanghai = {
  timeZone: 'Asia/Shanghai',
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
};
// seed 001: response ≤ 1 h → 100, 1–2 h → 80, > 2 h → 60.
const seed001 = {
  direction: 'lowerIsBetter' as const,
  unit: 'duration' as const,
  bands: [
    { bound: { hours: 1 }, score: 100, label: '≤ 1 h' },
    { bound: 120, score: 80, label: '1–2 h' },
    { score: 60, label: '> 2 h' },
  ],
};

describe('scoreResponseTimes: worked example on a Shanghai office calendar', () => {
  const input: ScoreResponseTimesInput = {
    asOf: '2026-03-09T18:00:00+08:00',
    calendar: shanghai,
    detail: true,
    tickets: [
      // tech — the exact band edges of seed 001 (all on Monday 9 March, from 09:00):
      { id: 'T1', unit: 'tech', opened: '2026-03-09T09:00:00+08:00', responded: '2026-03-09T10:00:00+08:00' }, // 60 min → 100
      { id: 'T2', unit: 'tech', opened: '2026-03-09T09:00:00+08:00', responded: '2026-03-09T10:00:00.001+08:00' }, // 60 min 1 ms → 80
      { id: 'T3', unit: 'tech', opened: '2026-03-09T09:00:00+08:00', responded: '2026-03-09T11:00:00+08:00' }, // 120 min → 80
      { id: 'T4', unit: 'tech', opened: '2026-03-09T09:00:00+08:00', responded: '2026-03-09T11:00:00.001+08:00' }, // 120 min 1 ms → 60
      // finance:
      { id: 'F1', unit: 'finance', opened: '2026-03-09T09:30:00+08:00', responded: '2026-03-09T10:00:00+08:00' }, // 30 min → 100
      { id: 'F2', unit: 'finance', opened: '2026-03-06T17:30:00+08:00', responded: '2026-03-09T09:45:00+08:00' }, // Fri 17:30 → Mon 09:45: 75 min → 80
      { id: 'F3', unit: 'finance', opened: '2026-03-09T16:00:00+08:00' }, // open: 16:00 → asOf 18:00 = 120 min → 80
    ],
    response: { table: seed001 },
  };

  it('scores the band edges exactly: 60 min → 100, +1 ms → 80, 120 min → 80, +1 ms → 60', () => {
    const result = scoreResponseTimes(input);
    const scores = Object.fromEntries(result.tickets!.map((ticket) => [ticket.id, ticket.response!.score]));
    expect(scores).toEqual({
      T1: '100.00',
      T2: '80.00',
      T3: '80.00',
      T4: '60.00',
      F1: '100.00',
      F2: '80.00',
      F3: '80.00',
    });
    const f2 = result.tickets!.find((ticket) => ticket.id === 'F2')!;
    expect(f2.response!.milliseconds).toBe(75 * 60_000);
    expect(result.tickets!.map((ticket) => ticket.id)).toEqual(['F1', 'F2', 'F3', 'T1', 'T2', 'T3', 'T4']);
  });

  it('per unit: mean, counts per band, breaches, share within the first band, open tickets', () => {
    const result = scoreResponseTimes(input);
    expect(result.units.map((unit) => unit.unit)).toEqual(['finance', 'tech']);
    const [finance, tech] = result.units;
    // tech: (100 + 80 + 80 + 60) / 4 = 80; bands 1/2/1; one breach (the open last band); 1/4 in band 0.
    expect(tech!.response).toMatchObject({
      tickets: 4,
      open: 0,
      meanScore: '80.00',
      breaches: 1,
      withinFirstBand: '0.2500',
      condition: null,
    });
    expect(tech!.response!.bands.map((band) => band.count)).toEqual([1, 2, 1]);
    expect(tech!.response!.bands[2]).toEqual({ band: 2, label: '> 2 h', bound: null, score: '60.00', count: 1 });
    expect(tech!.response!.bands.map((band) => band.bound)).toEqual(['1 h', '120 min', null]);
    // finance: (100 + 80 + 80) / 3 = 86.666… → 86.67; F3 still open at asOf; 1/3 → 0.3333.
    expect(finance!.response).toMatchObject({
      tickets: 3,
      open: 1,
      meanScore: '86.67',
      breaches: 0,
      withinFirstBand: '0.3333',
    });
    expect(finance!.resolution).toBeNull();
    expect(result.timeZone).toBe('Asia/Shanghai');
  });

  it('without detail there is no per-ticket list', () => {
    expect(scoreResponseTimes({ ...input, detail: false }).tickets).toBeNull();
  });
});

describe('scoreResponseTimes: elastic targets [seed 004]', () => {
  // 24×7 UTC calendar; feasibility answer within 24 h → 100, else 0; more than 2 tickets in the
  // period → the bound doubles to 48 h.
  const tickets = (unit: string, count: number, hours: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `${unit}-${i}`,
      unit,
      opened: '2026-03-02T00:00:00Z',
      responded: new Date(Date.parse('2026-03-02T00:00:00Z') + hours * 3_600_000).toISOString(),
    }));
  const input: ScoreResponseTimesInput = {
    asOf: '2026-03-31T00:00:00Z',
    tickets: [...tickets('rd', 3, 30), ...tickets('ops', 2, 30)],
    response: {
      table: {
        direction: 'lowerIsBetter',
        unit: 'duration',
        bands: [{ bound: { hours: 24 }, score: 100 }, { score: 0 }],
      },
      elastic: [{ id: 'demand-surge', when: { kind: 'ticketsAbove', count: 2 }, factor: 2 }],
    },
  };

  it('scales the table for the unit that meets the condition, and names it', () => {
    const result = scoreResponseTimes(input);
    const [ops, rd] = result.units;
    // rd: 3 tickets > 2 → 48 h bound; 30 h ≤ 48 h → 100 each.
    expect(rd!.response).toMatchObject({
      meanScore: '100.00',
      breaches: 0,
      condition: { id: 'demand-surge', factor: '2' },
    });
    expect(rd!.response!.trace[0]!.rule).toBe('time.response.elastic');
    expect(rd!.response!.bands.map((band) => band.bound)).toEqual(['48 h', null]);
    expect(ops!.response!.bands.map((band) => band.bound)).toEqual(['24 h', null]);
    // ops: 2 tickets, not more than 2 → 24 h bound; 30 h > 24 h → 0 each, both breaches.
    expect(ops!.response).toMatchObject({ meanScore: '0.00', breaches: 2, withinFirstBand: '0.0000', condition: null });
  });

  it('the first condition that applies wins', () => {
    const result = scoreResponseTimes({
      ...input,
      response: {
        ...input.response!,
        elastic: [
          { id: 'huge-surge', when: { kind: 'ticketsAbove', count: 100 }, factor: 3 },
          { id: 'surge', when: { kind: 'ticketsAbove', count: 1 }, factor: '1.5' },
          { id: 'never-reached', when: { kind: 'ticketsAbove', count: 0 }, factor: 2 },
        ],
      },
    });
    // 30 h ≤ 36 h for both units.
    expect(result.units.map((unit) => [unit.unit, unit.response!.condition?.id, unit.response!.meanScore])).toEqual([
      ['ops', 'surge', '100.00'],
      ['rd', 'surge', '100.00'],
    ]);
  });
});

describe('scoreResponseTimes: resolution, pauses and asOf', () => {
  it('measures resolution separately, excludes pauses, and ignores events after asOf', () => {
    const result = scoreResponseTimes({
      asOf: '2026-03-10T18:00:00+08:00',
      calendar: shanghai,
      detail: true,
      tickets: [
        {
          id: 'A',
          unit: 'tech',
          opened: '2026-03-09T09:00:00+08:00',
          responded: '2026-03-09T09:30:00+08:00',
          resolved: '2026-03-10T11:00:00+08:00',
          // Waiting on the customer Mon 10:00 → Tue 10:00: working part 10:00–12:00 + 13:00–18:00 + 09:00–10:00 = 8 h.
          pauses: [{ start: '2026-03-09T10:00:00+08:00', end: '2026-03-10T10:00:00+08:00' }],
        },
        // Resolved only after asOf: open at asOf, measured 09:00 → 18:00 Tue = 8 h; no separate response.
        { id: 'B', unit: 'tech', opened: '2026-03-10T09:00:00+08:00', resolved: '2026-03-11T09:00:00+08:00' },
      ],
      response: { table: seed001 },
      resolution: {
        table: {
          direction: 'lowerIsBetter',
          unit: 'duration',
          bands: [{ bound: { hours: 8 }, score: 100 }, { score: 50 }],
        },
      },
    });
    const [a, b] = result.tickets!;
    // A resolution: Mon 09:00–12:00 + 13:00–18:00 + Tue 09:00–11:00 = 10 h, minus 8 h paused = 2 h → 100.
    expect(a!.resolution).toEqual({ milliseconds: 2 * 3_600_000, open: false, band: 0, label: null, score: '100.00' });
    expect(a!.response!.milliseconds).toBe(30 * 60_000);
    expect(b!.resolution).toMatchObject({ milliseconds: 8 * 3_600_000, open: true, score: '100.00' });
    expect(b!.response).toMatchObject({ milliseconds: 8 * 3_600_000, open: true, score: '60.00' });
    expect(result.units[0]!.resolution).toMatchObject({ open: 1, meanScore: '100.00' });
  });

  it('a resolution without a separate response counts as the response', () => {
    const result = scoreResponseTimes({
      asOf: '2026-03-10T18:00:00+08:00',
      calendar: shanghai,
      detail: true,
      tickets: [{ id: 'C', unit: 'tech', opened: '2026-03-10T09:00:00+08:00', resolved: '2026-03-10T09:50:00+08:00' }],
      response: { table: seed001 },
    });
    expect(result.tickets![0]!.response).toMatchObject({ milliseconds: 50 * 60_000, open: false, score: '100.00' });
  });
});

describe('scoreResponseTimes: interpolating tables', () => {
  it('scores each ticket on the line between anchors, rounds it, and averages the rounded scores', () => {
    const result = scoreResponseTimes({
      asOf: '2026-03-09T18:00:00Z',
      detail: true,
      tickets: [
        { id: 'A', unit: 'tech', opened: '2026-03-09T09:00:00Z', responded: '2026-03-09T10:30:00Z' }, // 90 min
        { id: 'B', unit: 'tech', opened: '2026-03-09T09:00:00Z', responded: '2026-03-09T10:40:00Z' }, // 100 min
      ],
      response: {
        table: {
          direction: 'lowerIsBetter',
          unit: 'duration',
          interpolate: true,
          bands: [{ bound: 60, score: 100 }, { bound: 120, score: 80 }, { score: 60 }],
        },
      },
    });
    // 90 min: 100 + (80 − 100)·(90 − 60)/(120 − 60) = 90.00; 100 min: 100 − 20·40/60 = 86.666… → 86.67.
    expect(result.tickets!.map((ticket) => ticket.response!.score)).toEqual(['90.00', '86.67']);
    // Mean of the rounded scores: (90.00 + 86.67) / 2 = 88.335 → 88.34 (half-up).
    expect(result.units[0]!.response!.meanScore).toBe('88.34');
    expect(result.units[0]!.response!.bands.map((band) => band.count)).toEqual([0, 2, 0]);
  });
});

describe('scoreResponseTimes: bad input', () => {
  const ticket = {
    id: 'T1',
    unit: 'tech',
    opened: '2026-03-09T09:00:00+08:00',
    responded: '2026-03-09T10:00:00+08:00',
  };
  const base: ScoreResponseTimesInput = {
    asOf: '2026-03-13T18:00:00+08:00',
    calendar: shanghai,
    tickets: [ticket],
    response: { table: seed001 },
  };

  it('unordered tier bounds → TIER_BOUNDS_NOT_ORDERED', () => {
    const table = { ...seed001, bands: [{ bound: 120, score: 100 }, { bound: 60, score: 80 }, { score: 60 }] };
    const error = expectError(() => scoreResponseTimes({ ...base, response: { table } }), 'TIER_BOUNDS_NOT_ORDERED');
    expect(error.issues[0]!.path.slice(0, 2)).toEqual(['response', 'table']);
  });

  it('a table that is not a lower-is-better duration table', () => {
    expectError(
      () =>
        scoreResponseTimes({
          ...base,
          response: { table: { ...seed001, unit: 'number', bands: [{ bound: 60, score: 100 }, { score: 0 }] } },
        }),
      'TIER_UNIT_MISMATCH',
      ['response', 'table', 'unit'],
    );
    expectError(
      () =>
        scoreResponseTimes({
          ...base,
          response: {
            table: { direction: 'higherIsBetter', unit: 'duration', bands: [{ bound: 60, score: 100 }, { score: 0 }] },
          },
        }),
      'INVALID_INPUT',
      ['response', 'table', 'direction'],
    );
  });

  it('end before start → DATES_OUT_OF_ORDER', () => {
    expectError(
      () => scoreResponseTimes({ ...base, tickets: [{ ...ticket, responded: '2026-03-09T08:00:00+08:00' }] }),
      'DATES_OUT_OF_ORDER',
      ['tickets', 0, 'responded'],
    );
    expectError(
      () => scoreResponseTimes({ ...base, tickets: [{ ...ticket, resolved: '2026-03-09T08:00:00+08:00' }] }),
      'DATES_OUT_OF_ORDER',
      ['tickets', 0, 'resolved'],
    );
    expectError(
      () =>
        scoreResponseTimes({ ...base, tickets: [{ ...ticket, opened: '2026-03-14T09:00:00+08:00', responded: null }] }),
      'DATES_OUT_OF_ORDER',
      ['tickets', 0, 'opened'],
    );
    expectError(
      () =>
        scoreResponseTimes({
          ...base,
          tickets: [{ ...ticket, pauses: [{ start: '2026-03-09T09:30:00+08:00', end: '2026-03-09T09:10:00+08:00' }] }],
        }),
      'DATES_OUT_OF_ORDER',
      ['tickets', 0, 'pauses', 0, 'end'],
    );
  });

  it('malformed instants → INVALID_INPUT with the ticket path', () => {
    expectError(
      () => scoreResponseTimes({ ...base, tickets: [ticket, { ...ticket, id: 'T2', opened: '2026-03-09 09:00' }] }),
      'INVALID_INPUT',
      ['tickets', 1, 'opened'],
    );
    expectError(() => scoreResponseTimes({ ...base, asOf: 'now' }), 'INVALID_INPUT', ['asOf']);
  });

  it('duplicate ticket ids → DUPLICATE_ID', () => {
    expectError(() => scoreResponseTimes({ ...base, tickets: [ticket, { ...ticket }] }), 'DUPLICATE_ID', [
      'tickets',
      1,
      'id',
    ]);
  });

  it('unknown time zone, overlapping intervals → UNKNOWN_TIME_ZONE, OVERLAPPING_INTERVALS', () => {
    expectError(() => scoreResponseTimes({ ...base, calendar: { timeZone: 'Asia/Beijing' } }), 'UNKNOWN_TIME_ZONE', [
      'calendar',
      'timeZone',
    ]);
    expectError(
      () =>
        scoreResponseTimes({
          ...base,
          calendar: {
            week: {
              mon: [
                { start: '09:00', end: '18:00' },
                { start: '13:00', end: '19:00' },
              ],
            },
          },
        }),
      'OVERLAPPING_INTERVALS',
      ['calendar', 'week', 'mon', 1],
    );
  });

  it('no metric, a breach band that does not exist, a factor of zero', () => {
    const { response: _response, ...noMetric } = base;
    expectError(() => scoreResponseTimes(noMetric), 'INVALID_INPUT', []);
    expectError(
      () => scoreResponseTimes({ ...base, response: { table: seed001, breachFromBand: 3 } }),
      'OUT_OF_RANGE',
      ['response', 'breachFromBand'],
    );
    expectError(
      () =>
        scoreResponseTimes({
          ...base,
          response: { table: seed001, elastic: [{ id: 'x', when: { kind: 'ticketsAbove', count: 1 }, factor: 0 }] },
        }),
      'OUT_OF_RANGE',
      ['response', 'elastic', 0, 'factor'],
    );
  });
});

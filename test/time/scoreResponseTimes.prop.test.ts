import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  businessDuration,
  scoreResponseTimes,
  tierScore,
  type ScoreResponseTimesInput,
  type TicketInput,
} from '../../src/index.js';
import { runs } from '../helpers.js';
import { iso } from './oracle.js';

const office = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const calendar = {
  timeZone: 'Asia/Shanghai',
  week: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [{ start: '10:00', end: '15:00' }] },
  holidays: ['2026-03-11'],
  makeUpDays: ['2026-03-15'],
};
const table = {
  direction: 'lowerIsBetter' as const,
  unit: 'duration' as const,
  bands: [
    { bound: { hours: 1 }, score: 100, label: 'fast' },
    { bound: 120, score: 80 },
    { bound: { hours: 8 }, score: '62.5' },
    { score: 0 },
  ],
};
const periodStart = Date.parse('2026-03-02T00:00:00+08:00');
const asOf = Date.parse('2026-03-20T00:00:00+08:00');

const ticketArb = fc
  .record({
    unit: fc.constantFrom('tech', 'finance', 'legal'),
    opened: fc.integer({ min: 0, max: (asOf - periodStart) / 1000 }),
    responseAfter: fc.option(fc.integer({ min: 0, max: 40 * 3600 }), { nil: undefined }),
    resolveAfter: fc.option(fc.integer({ min: 0, max: 200 * 3600 }), { nil: undefined }),
    pause: fc.option(fc.tuple(fc.integer({ min: -3600, max: 50 * 3600 }), fc.integer({ min: 0, max: 30 * 3600 })), {
      nil: undefined,
    }),
  })
  .map(({ unit, opened, responseAfter, resolveAfter, pause }) => {
    const open = periodStart + opened * 1000;
    const ticket: TicketInput = { id: '', unit, opened: iso(open) };
    if (responseAfter !== undefined) ticket.responded = iso(open + responseAfter * 1000);
    if (resolveAfter !== undefined) ticket.resolved = iso(open + resolveAfter * 1000);
    if (pause !== undefined)
      ticket.pauses = [{ start: iso(open + pause[0] * 1000), end: iso(open + (pause[0] + pause[1]) * 1000) }];
    return ticket;
  });
const ticketsArb = fc
  .array(ticketArb, { minLength: 1, maxLength: 25 })
  .map((tickets) => tickets.map((ticket, i) => ({ ...ticket, id: `T${String(i).padStart(3, '0')}` })));

const inputOf = (tickets: TicketInput[]): ScoreResponseTimesInput => ({
  asOf: iso(asOf),
  calendar,
  tickets,
  detail: true,
  response: { table, elastic: [{ id: 'busy', when: { kind: 'ticketsAbove', count: 8 }, factor: '1.5' }] },
  resolution: { table, breachFromBand: 2 },
});

describe('scoreResponseTimes properties', () => {
  it('each ticket is its businessDuration scored by tierScore on the unit’s (possibly scaled) table', () => {
    fc.assert(
      fc.property(ticketsArb, (tickets) => {
        const result = scoreResponseTimes(inputOf(tickets));
        const perUnit = new Map(result.units.map((unit) => [unit.unit, unit]));
        for (const detail of result.tickets!) {
          const ticket = tickets.find((t) => t.id === detail.id)!;
          for (const metric of ['response', 'resolution'] as const) {
            // Events after asOf are ignored; a resolution without a response (by asOf) answers the ticket.
            const known = (text: string | null | undefined) =>
              text === undefined || text === null || Date.parse(text) > asOf ? undefined : text;
            const event =
              metric === 'response' ? (known(ticket.responded) ?? known(ticket.resolved)) : known(ticket.resolved);
            const open = event === undefined;
            const end = open ? iso(asOf) : event;
            const expected = businessDuration({
              start: ticket.opened,
              end,
              calendar,
              pauses: ticket.pauses ?? [],
              intervals: false,
            }).milliseconds;
            const measure = detail[metric]!;
            expect(measure.milliseconds).toBe(expected);
            expect(measure.open).toBe(open);
            const condition = perUnit.get(ticket.unit)![metric]!.condition;
            const bands =
              condition === null
                ? table.bands
                : table.bands.map((band, b) =>
                    b === 0
                      ? { ...band, bound: { hours: 1.5 } }
                      : b === 1
                        ? { ...band, bound: 180 }
                        : b === 2
                          ? { ...band, bound: { hours: 12 } }
                          : band,
                  );
            expect(measure.score).toBe(tierScore({ table: { ...table, bands }, value: expected }).score);
          }
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('per unit: band counts add up, mean lies within the band scores, breaches and shares agree with the counts', () => {
    fc.assert(
      fc.property(ticketsArb, (tickets) => {
        const result = scoreResponseTimes(inputOf(tickets));
        for (const unit of result.units) {
          expect(unit.tickets).toBe(tickets.filter((t) => t.unit === unit.unit).length);
          for (const metric of ['response', 'resolution'] as const) {
            const summary = unit[metric]!;
            const counts = summary.bands.map((band) => band.count);
            expect(counts.reduce((a, b) => a + b, 0)).toBe(unit.tickets);
            expect(summary.breaches).toBe(counts.slice(metric === 'response' ? 3 : 2).reduce((a, b) => a + b, 0));
            // Exact mean in hundredths: Σ count·score·100 / n, half-up (BigInt, independent of the code).
            const sum = summary.bands.reduce(
              (acc, band) => acc + BigInt(band.count) * BigInt(band.score.replace('.', '')),
              0n,
            );
            const n = BigInt(unit.tickets);
            const mean = (2n * sum + n) / (2n * n);
            expect(summary.meanScore).toBe(`${mean / 100n}.${String(mean % 100n).padStart(2, '0')}`);
            const share = (2n * BigInt(counts[0]!) * 10_000n + n) / (2n * n);
            expect(summary.withinFirstBand).toBe(`${share / 10_000n}.${String(share % 10_000n).padStart(4, '0')}`);
            expect(summary.condition === null).toBe(metric === 'resolution' || unit.tickets <= 8);
          }
        }
      }),
      { numRuns: runs(1000) },
    );
  });

  it('does not depend on the order of the tickets, nor on whether rows are plain objects', () => {
    fc.assert(
      fc.property(ticketsArb, fc.integer(), (tickets, seed) => {
        const shuffled = [...tickets].sort(
          (a, b) => ((a.id.charCodeAt(3) * 31 + seed) % 7) - ((b.id.charCodeAt(3) * 31 + seed) % 7),
        );
        // Null-prototype rows fail the fast structural check and go through the full zod schema.
        const slow = tickets.map((ticket) => Object.assign<object, TicketInput>(Object.create(null) as object, ticket));
        const reference = scoreResponseTimes(inputOf(tickets));
        expect(scoreResponseTimes(inputOf(shuffled))).toEqual(reference);
        expect(scoreResponseTimes(inputOf(slow))).toEqual(reference);
      }),
      { numRuns: runs(300) },
    );
  });

  it('answering later never raises a ticket’s score', () => {
    fc.assert(
      fc.property(
        ticketArb,
        fc.integer({ min: 0, max: 20 * 3600 }),
        fc.integer({ min: 0, max: 20 * 3600 }),
        (ticket, first, extra) => {
          const opened = Date.parse(ticket.opened);
          const score = (after: number) =>
            Number(
              scoreResponseTimes({
                ...inputOf([{ ...ticket, id: 'T', responded: iso(Math.min(asOf, opened + after * 1000)) }]),
              }).tickets![0]!.response!.score,
            );
          expect(score(first + extra)).toBeLessThanOrEqual(score(first));
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

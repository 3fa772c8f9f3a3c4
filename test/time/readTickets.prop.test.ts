import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseInstant } from '../../src/core/dates.js';
import { IssueList } from '../../src/core/errors.js';
import { readTickets } from '../../src/time/responseTimes.js';
import { ticketSchema } from '../../src/time/schema.js';
import { runs } from '../helpers.js';

const valid = fc.constantFrom('2026-03-06T17:30:00+08:00', '2026-03-06T17:30Z', '2026-03-06T17:30:00.125-05:30');
const nearMiss = fc.constantFrom(
  '2026-02-29T17:30:00Z',
  '2026-03-06T24:00:00Z',
  '2026-03-06 17:30:00Z',
  '2026-03-06T17:30:00',
  '2026-03-06T17:30:00.0001Z',
  '',
  0,
  [],
  {},
);
/** Mostly valid instants, sometimes a near miss or another type. */
const instantish = fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: nearMiss, weight: 1 });
const eventish = fc.oneof({ arbitrary: instantish, weight: 3 }, fc.constantFrom(null, undefined));
const pauseArb = fc.record({ start: instantish, end: instantish });

/** Ticket rows near the schema: fields present or not, mostly valid, sometimes a near miss or a stray key. */
const rowArb = fc
  .tuple(
    fc.record(
      {
        id: fc.oneof({ arbitrary: fc.constantFrom('T1', 'T2'), weight: 12 }, fc.constantFrom('', 'x'.repeat(201), 7)),
        unit: fc.oneof({ arbitrary: fc.constant('tech'), weight: 12 }, fc.constant(null)),
        opened: instantish,
        responded: eventish,
        resolved: eventish,
        pauses: fc.oneof(
          { arbitrary: fc.array(pauseArb, { maxLength: 2 }), weight: 12 },
          fc.constantFrom(null, 'none'),
        ),
      },
      { requiredKeys: ['id', 'unit', 'opened'] },
    ),
    fc.nat(30),
  )
  .map(([row, stray]) => (stray === 0 ? { ...row, stray: true } : row));

describe('readTickets (the ticket check with instants read by the caller) agrees with ticketSchema', () => {
  it('accepts a list exactly when the schema accepts every row, and reads the instants parseInstant reads', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 4 }), (rows) => {
        const issues = new IssueList();
        const times = readTickets(rows, ['tickets'], issues);
        const parsed = z.array(ticketSchema).safeParse(rows);
        expect(times !== undefined, JSON.stringify(rows)).toBe(parsed.success);
        expect(issues.size === 0).toBe(parsed.success);
        if (times === undefined || !parsed.success) return;
        const instant = (text: string | null | undefined) => (text == null ? Number.NaN : parseInstant(text));
        parsed.data.forEach((ticket, i) => {
          expect(times.opened[i]).toBe(instant(ticket.opened));
          expect(times.responded[i]).toBe(instant(ticket.responded));
          expect(times.resolved[i]).toBe(instant(ticket.resolved));
          const pauses = (ticket.pauses ?? []).map((pause) => [instant(pause.start), instant(pause.end)]);
          expect(times.pauses[i] ?? []).toEqual(pauses);
        });
      }),
      { numRuns: runs(2000) },
    );
  });
});

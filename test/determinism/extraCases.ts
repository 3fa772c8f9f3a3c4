/** Case sources for mechanisms merged after the first cut of the determinism suite. */
import fc from 'fast-check';
import { businessDurationArb, calendarArb, responseTable, ticketsArb } from '../arbitraries/time.js';
import type { CaseSource } from './cases.js';

export const extraCaseSources: CaseSource[] = [
  // Time zones matter most here: the host's TZ must never leak into a business duration.
  { target: 'businessDuration', input: businessDurationArb, count: 16 },
  {
    target: 'scoreResponseTimes',
    input: fc.tuple(ticketsArb, fc.option(calendarArb, { nil: undefined })).map(([tickets, calendar]) => ({
      asOf: '2026-03-31T23:59:59+08:00',
      tickets,
      response: { table: responseTable, elastic: [{ id: 'surge', when: { kind: 'ticketsAbove' as const, count: 10 }, factor: 2 }] },
      resolution: { table: { ...responseTable, interpolate: true } },
      ...(calendar === undefined ? {} : { calendar }),
    })),
  },
];

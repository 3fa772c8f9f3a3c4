/**
 * Run by hostZone.test.ts in a child process with a given TZ: measures the worked examples and a
 * fixed sample of random scenarios, compares each with the oracle, and prints JSON.
 */
import fc from 'fast-check';
import { businessDuration } from '../../src/index.js';
import { iso, oracleDuration, scenarioArb } from './oracle.js';

const office = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const examples = [
  businessDuration({
    start: '2026-03-06T17:30:00+08:00',
    end: '2026-03-09T09:45:00+08:00',
    calendar: { timeZone: 'Asia/Shanghai', week: { mon: office, tue: office, wed: office, thu: office, fri: office } },
  }),
  businessDuration({
    start: '2026-11-01T00:00:00-04:00',
    end: '2026-11-02T00:00:00-05:00',
    calendar: { timeZone: 'America/New_York', week: { sun: [{ start: '01:00', end: '03:00' }] } },
  }),
  businessDuration({
    start: '2026-03-29T00:00:00Z',
    end: '2026-03-30T00:00:00+01:00',
    calendar: { timeZone: 'Europe/London' },
  }),
].map((result) => ({ milliseconds: result.milliseconds, intervals: result.intervals }));

let mismatches = 0;
const sample: number[] = [];
for (const { calendar, a, c, pauses } of fc.sample(scenarioArb, { seed: 20261123, numRuns: 400 })) {
  const measured = businessDuration({
    start: iso(a),
    end: iso(c),
    calendar,
    pauses: pauses.map(([start, end]) => ({ start: iso(start), end: iso(end) })),
    intervals: false,
  }).milliseconds;
  if (measured !== oracleDuration(calendar, a, c, pauses)) mismatches++;
  sample.push(measured);
}

console.log(
  JSON.stringify({
    hostZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    julyOffsetMinutes: new Date('2026-07-01T00:00:00Z').getTimezoneOffset(),
    examples,
    sample,
    mismatches,
  }),
);

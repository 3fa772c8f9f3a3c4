/**
 * Working-time measures and response-time scoring at the sizes issue 3 names: 1,000,000 tickets
 * over about 300 days on a Shanghai calendar with holidays and make-up days (target ≤ 3 s median).
 */
import { businessDuration, scoreResponseTimes, type ScoreResponseTimesInput, type TicketInput } from '../src/index.js';
import { benchSuite, prng } from './harness.js';

const office = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const calendar = {
  timeZone: 'Asia/Shanghai',
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
  // 2026 public holidays [法定节假日] and make-up working days [调休] (approximate schedule).
  holidays: [
    '2026-01-01',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-06',
    '2026-05-01',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-09-25',
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  makeUpDays: ['2026-02-14', '2026-02-28', '2026-05-09', '2026-09-26', '2026-10-10'],
};
const HOUR = 3_600_000;
const start = Date.parse('2026-01-01T00:00:00+08:00');
const shanghaiIso = (t: number) => new Date(t + 8 * HOUR).toISOString().replace('Z', '+08:00');

function makeTickets(count: number, seed: number): TicketInput[] {
  const random = prng(seed);
  const tickets: TicketInput[] = new Array<TicketInput>(count);
  for (let i = 0; i < count; i++) {
    const opened = start + Math.floor(random() * 300 * 24 * HOUR);
    const responded = opened + Math.floor(random() * 30 * HOUR);
    const resolved = responded + Math.floor(random() * 120 * HOUR);
    const ticket: TicketInput = {
      id: `T${String(i).padStart(7, '0')}`,
      unit: `unit-${String(Math.floor(random() * 40)).padStart(2, '0')}`,
      opened: shanghaiIso(opened),
      responded: random() < 0.97 ? shanghaiIso(responded) : null,
      resolved: random() < 0.9 ? shanghaiIso(resolved) : null,
    };
    if (random() < 0.05) ticket.pauses = [{ start: shanghaiIso(responded), end: shanghaiIso(responded + 20 * HOUR) }];
    tickets[i] = ticket;
  }
  return tickets;
}

function input(tickets: TicketInput[]): ScoreResponseTimesInput {
  return {
    asOf: '2026-12-31T23:59:59+08:00',
    calendar,
    tickets,
    response: {
      table: {
        direction: 'lowerIsBetter',
        unit: 'duration',
        bands: [{ bound: { hours: 1 }, score: 100 }, { bound: { hours: 2 }, score: 80 }, { score: 60 }],
      },
    },
    resolution: {
      table: {
        direction: 'lowerIsBetter',
        unit: 'duration',
        bands: [{ bound: { hours: 24 }, score: 100 }, { bound: { hours: 72 }, score: 80 }, { score: 0 }],
      },
      elastic: [{ id: 'demand-surge', when: { kind: 'ticketsAbove', count: 25_000 }, factor: 2 }],
    },
  };
}

export default async function run(): Promise<void> {
  const small = input(makeTickets(100_000, 7));
  const large = input(makeTickets(1_000_000, 11));
  await benchSuite(
    'time: businessDuration and scoreResponseTimes',
    [
      {
        name: 'businessDuration, one call (Fri 17:30 → Mon 09:45)',
        run: () => businessDuration({ start: '2026-03-06T17:30:00+08:00', end: '2026-03-09T09:45:00+08:00', calendar }),
        iterations: 200,
      },
      { name: 'scoreResponseTimes, 100k tickets', run: () => scoreResponseTimes(small), iterations: 5 },
      {
        name: 'scoreResponseTimes, 1M tickets, 2 metrics, holidays',
        run: () => scoreResponseTimes(large),
        iterations: 5,
      },
      {
        name: 'scoreResponseTimes, 1M tickets with per-ticket detail',
        run: () => scoreResponseTimes({ ...large, detail: true }),
        iterations: 3,
      },
    ],
    5,
  );
  // Wall-clock medians move with the machine's load (2 shared cores); the process CPU time of the
  // 1M call (main thread plus GC helpers) is a steadier figure, printed alongside.
  const cpu: number[] = [];
  for (let k = 0; k < 5; k++) {
    const before = process.cpuUsage();
    scoreResponseTimes(large);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  console.log(
    `| scoreResponseTimes, 1M tickets: process CPU time, median of 5 | ${(cpu[2]! / 1000).toFixed(2)} s | | 5 |`,
  );
}

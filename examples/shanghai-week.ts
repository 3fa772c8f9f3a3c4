/**
 * A week of back-office tickets on a Shanghai office calendar, scored per unit (issue 3).
 *
 * Mon 21 – Sat 26 September 2026, working hours 09:00–12:00 and 13:00–18:00. Friday 25 September
 * is a public holiday (Mid-Autumn Festival, 中秋节) and Saturday 26 September a make-up working day
 * [调休] — the dates are illustrative. Response times are scored with seed 001's tiers (≤ 1 h → 100,
 * 1–2 h → 80, > 2 h → 60); resolution with seed 004's targets (≤ 24 h → 100, ≤ 72 h → 80, else 40),
 * relaxed ×2 for a unit with more than 4 tickets in the week (弹性指标: 24 h → 48 h).
 *
 * Run: `npx tsx examples/shanghai-week.ts`
 */
import { businessDuration, scoreResponseTimes, type MetricSummary } from '../src/index.js';

const office = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const calendar = {
  timeZone: 'Asia/Shanghai',
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays: ['2026-09-25'],
  makeUpDays: ['2026-09-26'],
};
const at = (day: number, time: string) => `2026-09-${day}T${time}:00+08:00`;

const result = scoreResponseTimes({
  asOf: at(26, '18:00'),
  calendar,
  detail: true,
  tickets: [
    { id: 'T1', unit: 'tech', opened: at(21, '09:10'), responded: at(21, '09:50'), resolved: at(21, '17:10') },
    { id: 'T2', unit: 'tech', opened: at(24, '17:30'), responded: at(26, '09:15'), resolved: at(26, '11:30') },
    { id: 'T3', unit: 'tech', opened: at(22, '11:00'), responded: at(22, '14:30'), resolved: at(24, '11:00') },
    { id: 'T4', unit: 'tech', opened: at(23, '16:00'), responded: at(23, '17:30') },
    { id: 'T5', unit: 'tech', opened: at(21, '10:00'), responded: at(21, '11:00'), resolved: at(24, '15:00') },
    { id: 'F1', unit: 'finance', opened: at(25, '10:00'), responded: at(26, '09:30'), resolved: at(26, '10:00') },
    { id: 'F2', unit: 'finance', opened: at(21, '17:00'), responded: at(22, '10:30'), resolved: at(24, '17:00') },
    { id: 'F3', unit: 'finance', opened: at(22, '09:00'), responded: at(22, '11:00'), resolved: at(26, '12:00') },
  ],
  response: {
    table: {
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [
        { bound: { hours: 1 }, score: 100, label: '≤ 1 h' },
        { bound: { hours: 2 }, score: 80, label: '1–2 h' },
        { score: 60, label: '> 2 h' },
      ],
    },
  },
  resolution: {
    table: {
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [
        { bound: { hours: 24 }, score: 100, label: '≤ 24 h' },
        { bound: { hours: 72 }, score: 80, label: '≤ 72 h' },
        { score: 40, label: '> 72 h' },
      ],
    },
    elastic: [{ id: 'demand-surge', when: { kind: 'ticketsAbove', count: 4 }, factor: 2 }],
  },
});

const hours = (ms: number) => `${(ms / 3_600_000).toFixed(2)} h`;
console.log(`Working-time scores, ${result.timeZone}, as of ${result.asOf}`);
console.log('\nTickets (working time, pauses excluded; * = still open at asOf):');
for (const ticket of result.tickets!) {
  const r = ticket.response!;
  const s = ticket.resolution!;
  console.log(
    `  ${ticket.id.padEnd(3)} ${ticket.unit.padEnd(8)} response ${hours(r.milliseconds).padStart(8)}${r.open ? '*' : ' '} → ${r.score.padStart(6)}   resolution ${hours(s.milliseconds).padStart(8)}${s.open ? '*' : ' '} → ${s.score.padStart(6)}`,
  );
}

const cells = (metric: MetricSummary) =>
  `${metric.meanScore.padStart(6)} | ${metric.bands
    .map((band) => band.count)
    .join('/')
    .padEnd(
      6,
    )} | ${String(metric.breaches).padStart(8)} | ${metric.withinFirstBand.padEnd(10)} | ${metric.condition === null ? '—' : `${metric.condition.id} ×${metric.condition.factor}`}`;
console.log('\n| unit     | tickets | metric     |   mean | bands  | breaches | first band | elastic target');
console.log('|----------|---------|------------|--------|--------|----------|------------|---------------');
for (const unit of result.units) {
  console.log(`| ${unit.unit.padEnd(8)} | ${String(unit.tickets).padStart(7)} | response   | ${cells(unit.response!)}`);
  console.log(`| ${''.padEnd(8)} | ${''.padStart(7)} | resolution | ${cells(unit.resolution!)}`);
}

// Why T2 answered in 45 minutes: Thursday 17:30–18:00, the holiday skipped, Saturday worked.
const t2 = businessDuration({ start: at(24, '17:30'), end: at(26, '09:15'), calendar });
console.log(
  `\nT2 response counted: ${t2.intervals!.map((interval) => `${interval.start} → ${interval.end.slice(11, 16)}`).join(', ')} = ${t2.milliseconds / 60_000} min`,
);

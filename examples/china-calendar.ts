/**
 * China's working calendar without typing a holiday (issue 18): the official public holidays and
 * make-up working days [调休] of 2020–2026, read from the maintained `chinese-days` dataset
 * (a dev dependency of this example only; the library has none), as a `CalendarInput`. Then a few
 * tickets measured and scored across 中秋 and 国庆 2026.
 *
 * The State Council's 2026 notice: 中秋 Fri 25 – Sun 27 September; 国庆 Thu 1 – Wed 7 October,
 * with Sunday 20 September and Saturday 10 October worked in lieu. The dataset says it; we only
 * translate it: a weekday that is not worked is a holiday, a weekend day that is worked is a
 * make-up day.
 *
 * Run: `npx tsx examples/china-calendar.ts`
 */
import chineseDays from 'chinese-days';
import { businessDuration, scoreResponseTimes, type CalendarInput } from '../src/index.js';

/** Every date from `first` to `last` (inclusive), `YYYY-MM-DD`. */
function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let day = Date.parse(`${first}T00:00:00Z`); day <= Date.parse(`${last}T00:00:00Z`); day += 86_400_000)
    dates.push(new Date(day).toISOString().slice(0, 10));
  return dates;
}

/** The office calendar of mainland China for the years given, from the `chinese-days` dataset. */
function chinaCalendar(firstYear: number, lastYear: number): CalendarInput {
  const office = [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ];
  const holidays: string[] = [];
  const makeUpDays: string[] = [];
  for (const date of datesBetween(`${firstYear}-01-01`, `${lastYear}-12-31`)) {
    const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    const { work } = chineseDays.getDayDetail(date);
    if (!weekend && !work) holidays.push(date); // a weekday off: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆
    if (weekend && work) makeUpDays.push(date); // a Saturday or Sunday worked in lieu [调休]
  }
  return {
    timeZone: 'Asia/Shanghai',
    week: { mon: office, tue: office, wed: office, thu: office, fri: office },
    holidays,
    makeUpDays,
  };
}

const calendar = chinaCalendar(2020, 2026);
console.log("China's office calendar 2020–2026, from the chinese-days dataset:");
for (let year = 2020; year <= 2026; year++) {
  const inYear = (dates: string[] | undefined) => (dates ?? []).filter((date) => date.startsWith(`${year}`));
  console.log(
    `  ${year}: ${String(inYear(calendar.holidays).length).padStart(2)} weekday holidays, ${inYear(calendar.makeUpDays).length} make-up days (${inYear(calendar.makeUpDays).join(', ')})`,
  );
}

const at = (date: string, time: string) => `${date}T${time}:00+08:00`;
const tickets = [
  // Across 中秋 and the make-up Sunday 20 September: Fri 1 h + Sun 20 Sep 8 h + Mon 1 h = 10 h.
  { id: 'Q1', unit: 'it', opened: at('2026-09-18', '17:00'), resolved: at('2026-09-21', '10:00') },
  // Across 中秋 (Fri 25 – Sun 27): Thu 17:00–18:00 + Mon 09:00–09:30 = 1.5 h.
  { id: 'Q2', unit: 'it', opened: at('2026-09-24', '17:00'), responded: at('2026-09-28', '09:30') },
  // Across 国庆 (1–7 October): Wed 30 Sep 1 h + Thu 8 Oct 8 h + Fri 9 Oct 1 h = 10 h.
  { id: 'Q3', unit: 'hr', opened: at('2026-09-30', '17:00'), resolved: at('2026-10-09', '10:00') },
  // On the make-up Saturday 10 October (Monday's hours): 09:30–11:30 = 2 h.
  { id: 'Q4', unit: 'hr', opened: at('2026-10-10', '09:30'), resolved: at('2026-10-10', '11:30') },
  // Opened on a holiday (2 October): nothing counts until Thu 8 October 09:00; responded 10:00 = 1 h.
  { id: 'Q5', unit: 'hr', opened: at('2026-10-02', '10:00'), responded: at('2026-10-08', '10:00') },
];

const result = scoreResponseTimes({
  asOf: at('2026-10-16', '18:00'),
  calendar,
  detail: true,
  tickets,
  response: {
    table: {
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [
        { bound: { hours: 2 }, score: 100, label: '≤ 2 h' },
        { score: 60, label: '> 2 h' },
      ],
    },
  },
  resolution: {
    table: {
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [
        { bound: { hours: 8 }, score: 100, label: '≤ 1 working day' },
        { score: 80, label: '> 1 working day' },
      ],
    },
  },
});

const hours = (ms: number) => `${(ms / 3_600_000).toFixed(2)} h`;
console.log('\nTickets across 中秋 and 国庆 2026 (working time, Asia/Shanghai):');
for (const ticket of result.tickets!) {
  const measure = ticket.resolution?.open === false ? ticket.resolution : ticket.response!;
  const metric = measure === ticket.resolution ? 'resolution' : 'response';
  console.log(`  ${ticket.id} ${ticket.unit} ${metric} ${hours(measure.milliseconds)} → ${measure.score}`);
}

const q3 = businessDuration({ start: tickets[2]!.opened, end: tickets[2]!.resolved!, calendar });
console.log(
  `\nQ3 counted: ${q3.intervals!.map((interval) => `${interval.start} → ${interval.end.slice(11, 16)}`).join(', ')}`,
);
for (const date of ['2026-09-20', '2026-10-01', '2026-10-10'])
  console.log(
    `${date}: ${calendar.holidays!.includes(date) ? 'holiday' : calendar.makeUpDays!.includes(date) ? 'make-up working day' : 'ordinary day'}`,
  );

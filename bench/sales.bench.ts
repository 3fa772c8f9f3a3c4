/**
 * The period run with commissions computed from sales (issue 19 §4, §7): the 100,000-person demo
 * company of bench/period.bench.ts (2,000,000 tickets, 500,000 ratings, 1,000,000 revenue facts,
 * the quarter split by seed 001's 5G plan change) whose front line's commission is computed from
 * 1,000,000 sales instead of gross rows — 10 % of them in USD or HKD, converted at weekly rates —
 * with seed 001's rate table and base modifier. Target (issue 19, "Must show"): ≤ 20 s median end
 * to end, ≤ 4 GB peak memory.
 *
 * `node --expose-gc --max-old-space-size=8192 --import tsx bench/run.ts sales`
 * (PERIOD_BENCH_PEOPLE scales everything down, e.g. 20000).
 *
 * Also times the sales on their own (the same people and sales, no tickets, ratings or facts), so
 * the report can say what the sales add.
 */
import { demoScenario, runPeriod, type RunPeriodInput, type RunPeriodResult, type SaleInput } from '../src/index.js';
import { benchSuite, formatMs, prng } from './harness.js';

/** Seed 001's rate table (marginal) and base modifier ("每提高5%解决率, 提成基数增加8%"). */
const COMMISSIONS = {
  method: 'marginal',
  rateTable: {
    direction: 'higherIsBetter',
    bands: [{ bound: 300_000, score: '0.12' }, { bound: 100_000, score: '0.10' }, { score: '0.08' }],
  },
  modifierTable: {
    direction: 'higherIsBetter',
    bands: [{ bound: '0.95', score: '1.16' }, { bound: '0.90', score: '1.08' }, { score: '1' }],
  },
} as const;

/** The quarter's weeks: a USD and an HKD rate each Wednesday from 1 April (CNY per unit). */
function weeklyRates(): NonNullable<RunPeriodInput['data']>['exchangeRates'] {
  const rates = [];
  for (let week = 0; week < 13; week++) {
    const date = new Date(Date.UTC(2026, 3, 1 + 7 * week)).toISOString().slice(0, 10);
    rates.push({ currency: 'USD', date, rate: (7.1 + week / 1000).toFixed(4) });
    rates.push({ currency: 'HKD', date, rate: (0.91 + week / 10_000).toFixed(4) });
  }
  return rates;
}

/** `count` sales of the front line over the quarter, 5 % in USD and 5 % in HKD, and a measure per person. */
function salesOf(scenario: RunPeriodInput, count: number) {
  const random = prng(19);
  const front = new Set(scenario.org.departments.filter((d) => d.side === 'front').map((d) => d.id));
  const people = scenario.org.people.filter(
    (p) => front.has(p.department) && p.start === undefined && p.end === undefined,
  );
  const sales: SaleInput[] = [];
  for (let i = 0; i < count; i++) {
    const person = people[Math.floor(random() * people.length)]!.id;
    const fen = 1000 + Math.floor(random() * 2_000_000);
    const month = Math.floor(random() * 3);
    const date = `2026-0${4 + month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const which = random();
    const currency = which < 0.05 ? 'USD' : which < 0.1 ? 'HKD' : undefined;
    const minor = currency === 'USD' ? Math.floor(fen / 7) : currency === 'HKD' ? Math.floor(fen * 1.1) : fen;
    const amount = `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
    sales.push({ id: `S${i + 1}`, person, amount, date, ...(currency === undefined ? {} : { currency }) });
  }
  const commissionMeasures = people.map((p) => ({ person: p.id, measure: (0.85 + random() * 0.15).toFixed(4) }));
  return { sales, commissionMeasures };
}

/** The demo scenario at `people` with its gross commission rows replaced by `count` sales. */
export function salesScenario(people: number, count: number, withTickets: boolean): RunPeriodInput {
  const scale = people / 100_000;
  const scenario = demoScenario({
    people,
    tickets: withTickets ? Math.round(2_000_000 * scale) : 0,
    ratings: withTickets ? Math.round(500_000 * scale) : 0,
    revenueFacts: withTickets ? Math.round(1_000_000 * scale) : 0,
  });
  for (const version of scenario.plan.versions) version.commissions = structuredClone(COMMISSIONS) as never;
  const { sales, commissionMeasures } = salesOf(scenario, count);
  scenario.data = { ...scenario.data, commissions: [], sales, commissionMeasures, exchangeRates: weeklyRates() };
  return scenario;
}

export default async function salesBench(): Promise<void> {
  const people = Number(process.env.PERIOD_BENCH_PEOPLE ?? 100_000);
  const count = Math.round(1_000_000 * (people / 100_000));
  let started = performance.now();
  // Only the scenario being measured is alive: a second one would be a gigabyte more for the collector to mark.
  let scenario: RunPeriodInput | undefined = salesScenario(people, count, true);
  const foreign = scenario.data!.sales!.filter((sale) => sale.currency !== undefined).length;
  console.log(
    `generated ${people} people, ${count} sales (${foreign} in USD or HKD), ${scenario.data!.tickets!.length} tickets, ${scenario.data!.ratings!.length} ratings, ${scenario.data!.revenueFacts!.length} revenue facts in ${formatMs(performance.now() - started)}`,
  );
  started = performance.now();
  const first = describe(runPeriod(scenario));
  console.log(`first run ${formatMs(performance.now() - started)}; ${first}`);
  let alone: RunPeriodInput | undefined;
  const withoutMechanisms = () => {
    scenario = undefined;
    return (alone ??= salesScenario(people, count, false));
  };
  await benchSuite(
    `period run with commissions from ${count} sales, ${people} people`,
    [
      {
        name: `runPeriod end to end (every mechanism, sales converted, ${people} statements with traces)`,
        run: () => runPeriod(scenario!),
        collectBefore: true,
      },
      {
        name: '  the same people and sales without tickets, ratings or facts',
        run: () => runPeriod(withoutMechanisms()),
        collectBefore: true,
      },
      {
        name: '  the same without trace',
        run: () => runPeriod({ ...withoutMechanisms(), trace: false }),
        collectBefore: true,
      },
    ],
    3,
  );
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

/** What a run gives: its checks, the gross commission and what it converted. */
function describe(result: RunPeriodResult): string {
  const held = result.checks.filter((c) => c.holds).length;
  const converted = (result.conversions ?? []).map((c) => `${c.rows} ${c.section} in ${c.currency}`).join(', ');
  return `checks ${held}/${result.checks.length} hold; gross commission ${result.totals.grossCommission}; converted ${converted}`;
}

/**
 * The whole period run at scale (issue 8): 100,000 people (60 % front line) with 2,000,000
 * tickets, 500,000 ratings and 1,000,000 revenue facts, every landed mechanism on, the quarter
 * split by seed 001's 5G plan change. Target: ≤ 20 s median end to end, ≤ 4 GB peak memory.
 * `npx tsx bench/run.ts period` (PERIOD_BENCH_PEOPLE scales everything down, e.g. 20000).
 *
 * Also times each mechanism on the same data, so the report can say which part dominates.
 */
import { demoScenario, runPeriod, scoreRatings, scoreResponseTimes, creditFacts } from '../src/index.js';
import { jsonChunks } from '../src/cli/format.js';
import { benchSuite, formatMs } from './harness.js';

export default async function periodBench(): Promise<void> {
  const people = Number(process.env.PERIOD_BENCH_PEOPLE ?? 100_000);
  const scale = people / 100_000;
  let started = performance.now();
  const scenario = demoScenario({
    people,
    tickets: Math.round(2_000_000 * scale),
    ratings: Math.round(500_000 * scale),
    revenueFacts: Math.round(1_000_000 * scale),
  });
  const data = scenario.data!;
  console.log(
    `generated ${people} people, ${data.tickets!.length} tickets, ${data.ratings!.length} ratings, ${data.revenueFacts!.length} revenue facts, ${data.commissions!.length} commission rows in ${formatMs(performance.now() - started)}`,
  );
  const version = scenario.plan.versions[0]!;
  started = performance.now();
  const result = runPeriod(scenario);
  console.log(
    `first run ${formatMs(performance.now() - started)}; checks ${result.checks.filter((c) => c.holds).length}/${result.checks.length} hold; review queue ${result.reviewQueue.length}`,
  );
  await benchSuite(
    `period run, ${people} people (60 % front line)`,
    [
      { name: 'runPeriod end to end (validate, every mechanism, statements, checks)', run: () => runPeriod(scenario) },
      {
        name: '  of which: scoreResponseTimes on the tickets',
        run: () =>
          scoreResponseTimes({ asOf: '2026-07-01T00:00:00Z', tickets: data.tickets!, ...version.responseTimes! }),
      },
      {
        name: '  of which: scoreRatings on the ratings',
        run: () => scoreRatings({ plan: version.ratings!.settings, ratings: data.ratings! }),
      },
      {
        name: '  of which: creditFacts on the revenue facts',
        run: () =>
          creditFacts({ currency: 'CNY', dimensions: version.interlock!.dimensions!, facts: data.revenueFacts! }),
      },
      {
        name: 'JSON of the result in chunks (as the CLI writes it; one string would exceed V8’s limit)',
        run: () => {
          let n = 0;
          for (const chunk of jsonChunks(result)) n += chunk.length;
          return n;
        },
      },
    ],
    3,
  );
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

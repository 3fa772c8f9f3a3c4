/**
 * The whole period run at scale (issue 8): 100,000 people, 60 % front line, with the period data
 * the landed mechanisms consume. Target: ≤ 20 s median end to end, ≤ 4 GB peak memory.
 * `npx tsx bench/run.ts period`
 */
import { demoScenario, runPeriod } from '../src/index.js';
import { benchSuite, formatMs } from './harness.js';

export default async function periodBench(): Promise<void> {
  const people = Number(process.env.PERIOD_BENCH_PEOPLE ?? 100_000);
  let started = performance.now();
  // 10 commission rows per front-line person: 600,000 rows for 60,000 front-line people.
  const scenario = demoScenario({ people, commissionsPerFrontPerson: 10 });
  console.log(`generated ${people} people, ${scenario.data?.commissions?.length ?? 0} commission rows in ${formatMs(performance.now() - started)}`);
  started = performance.now();
  const text = JSON.stringify(scenario);
  console.log(`scenario JSON: ${(text.length / 1e6).toFixed(1)} MB, stringified in ${formatMs(performance.now() - started)}`);
  let output = '';
  await benchSuite(
    `period run, ${people} people (60 % front line)`,
    [
      { name: 'JSON.parse the scenario', run: () => JSON.parse(text) },
      { name: 'runPeriod (validate + run + check)', run: () => runPeriod(scenario) },
      { name: 'end to end: parse + runPeriod + JSON.stringify', run: () => (output = JSON.stringify(runPeriod(JSON.parse(text) as typeof scenario))) },
    ],
    3,
  );
  console.log(`result JSON: ${(output.length / 1e6).toFixed(1)} MB; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

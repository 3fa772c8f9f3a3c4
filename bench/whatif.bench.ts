/**
 * What-ifs and corrections on the demo company (issue 11 names no size; this uses the demo's
 * 5,000 people, and 100,000 with WHATIF_BENCH_PEOPLE=100000). Each timing includes the period
 * runs it needs: compareRuns from a scenario runs twice, correctPeriod replays the paid inputs
 * and re-runs the corrected ones. `npx tsx bench/run.ts whatif`
 */
import { compareRuns, correctPeriod, demoScenario, runPeriod, type RunPeriodInput } from '../src/index.js';
import { benchSuite } from './harness.js';

export default async function whatIfBench(): Promise<void> {
  const people = Number(process.env.WHATIF_BENCH_PEOPLE ?? 5000);
  const scenario = demoScenario({ people });
  const base = runPeriod(scenario);
  const saved = JSON.parse(JSON.stringify(base)) as typeof base;
  const proposedPlan: RunPeriodInput['plan'] = {
    ...scenario.plan,
    versions: scenario.plan.versions.map((version) => ({
      ...version,
      grades: version.grades.map((grade) => ({ ...grade, targetBonus: '2000.00' })),
    })),
  };
  const proposed = runPeriod({ ...scenario, plan: proposedPlan });
  // Late data: every 50th commission row refunded.
  const commissions = scenario.data!.commissions!;
  const corrected: RunPeriodInput = {
    ...scenario,
    data: {
      ...scenario.data,
      commissions: [
        ...commissions,
        ...commissions
          .filter((_, i) => i % 50 === 0)
          .map((row) => ({ ...row, id: `${row.id}-refund`, amount: `-${String(row.amount).replace('-', '')}` })),
      ],
    },
  };
  await benchSuite(
    `what-if, ${people} people`,
    [
      { name: 'compareRuns, two results (every person changes)', run: () => compareRuns({ base, proposed }) },
      { name: 'compareRuns, a result with itself', run: () => compareRuns({ base, proposed: saved }) },
      { name: 'compareRuns, scenario + proposed plan (2 runs)', run: () => compareRuns({ scenario, proposedPlan }) },
      {
        name: 'correctPeriod, 2 % of sales refunded (replay + re-run)',
        run: () => correctPeriod({ paid: { scenario, result: saved }, corrected }),
      },
    ],
    5,
  );
}

/**
 * What-if: seed 001's support pool at 10 %, 12 % and 15 % of front-line commission, on the demo
 * company (1,000 people). The rate moves money from the front line to the back office; the
 * company's total pay does not change.
 */
import { demoScenario, runPeriod, type RunPeriodInput } from '../src/index.js';

const base = demoScenario({ people: 1000 });

function atRate(rate: string): RunPeriodInput {
  return {
    ...base,
    plan: {
      ...base.plan,
      versions: base.plan.versions.map((version) => ({ ...version, pool: { ...version.pool!, rate } })),
    },
  };
}

console.log('rate   pool          Σ net commission   Σ pool awards   Σ statements');
for (const rate of ['0.10', '0.12', '0.15']) {
  const { totals } = runPeriod(atRate(rate));
  console.log(
    `${rate}   ${totals.pool.padStart(11)}   ${totals.netCommission.padStart(16)}   ${totals.poolAwards.padStart(13)}   ${totals.statements.padStart(13)}`,
  );
}

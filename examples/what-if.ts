/**
 * What-ifs and corrections on the demo company (seed 001's broadcast network, Q2 2026).
 *
 * 1. What if the 5G push — support pool 10 % → 15 % of front-line commissions — had started with
 *    the quarter instead of on 1 May? `compareRuns` runs the quarter under both plans and shows
 *    who gains, who loses and how the pool's awards spread.
 *    The live plan carves 10 % in April and 15 % from 1 May (prorated by segment); the
 *    proposal carves 15 % of the whole quarter, so the pool grows and the front line's net
 *    commission shrinks by the same amount.
 * 2. The quarter has been paid; then a sale is refunded and a promotion turns out to be
 *    backdated. Under the demo's clawbackPolicy "net" the refund shrinks the seller's carve base,
 *    so the back office's pool awards shrink too. `correctPeriod` gives the correction lines — arrears and recoveries — so that
 *    what was paid plus the corrections equals the re-run exactly, under the plan as paid.
 * 3. One rating review overturns a flag (seed 003 异常评分复核): rating R0039, a 10 for E159's
 *    response speed, was flagged as an outlier and left out of the paid run; the review keeps
 *    it, E159's peripheral score falls, and the pool (same size) is re-shared among the back
 *    office: E159 gives back, everyone else gets arrears.
 *
 * Copy it and point it at your own scenario. Run: `npx tsx examples/what-if.ts`.
 */
import { compareRuns, correctPeriod, demoScenario, runPeriod, type RunPeriodInput } from '../src/index.js';

const scenario = demoScenario({ people: 200 });

// ── 1. the 10 % vs 15 % pool what-if ─────────────────────────────────────────
// The proposal: the 5G push version in force from the first day of the quarter.
const proposedPlan: RunPeriodInput['plan'] = {
  ...scenario.plan,
  versions: scenario.plan.versions
    .filter((version) => version.id !== 'base-2026')
    .map((version) => ({ ...version, effective: '2026-01-01' })),
};
const whatIf = compareRuns({ scenario, proposedPlan });
console.log('1. What if the 5G push (support pool 10 % → 15 %) had started on 1 April?');
console.log(`   plan version at the quarter start: ${whatIf.versions.base} → ${whatIf.versions.proposed}`);
for (const total of whatIf.totals.filter((t) => ['pool', 'poolAwards', 'netCommission', 'statements'].includes(t.name)))
  console.log(
    `   ${total.name.padEnd(16)} ${String(total.base).padStart(12)} → ${String(total.proposed).padStart(12)}  (${total.delta})`,
  );
for (const [side, pool] of [
  ['10 %', whatIf.pool.base],
  ['15 %', whatIf.pool.proposed],
] as const)
  console.log(
    `   pool at ${side}: ${pool.pool}, ${pool.recipients} recipients, min ${pool.min ?? '—'}, median ${pool.median ?? '—'}, max ${pool.max ?? '—'}, Gini ${pool.gini ?? '—'}`,
  );
console.log(
  `   gainers ${whatIf.counts.gainers}, losers ${whatIf.counts.losers}, unchanged ${whatIf.counts.unchanged} of ${whatIf.counts.people}`,
);

// ── 2. a correction after the quarter was paid ───────────────────────────────
const paid = runPeriod(scenario);
const refunded = scenario.data!.commissions!.find((row) => row.id === 'E001-C2')!;
const corrected: RunPeriodInput = {
  ...scenario,
  org: {
    ...scenario.org,
    // E121's promotion P4 → P5 was approved late, with effect from before the quarter.
    people: scenario.org.people.map((person) => (person.id === 'E121' ? { ...person, grade: 'P5' } : person)),
  },
  data: {
    ...scenario.data,
    // The customer of sale E001-C2 got a refund after the quarter was paid: a clawback row.
    commissions: [
      ...scenario.data!.commissions!,
      { id: 'E001-C2-refund', person: 'E001', amount: `-${String(refunded.amount)}`, date: '2026-06-28' },
    ],
  },
};
const correction = correctPeriod({ paid: { scenario, result: paid }, corrected });
console.log('');
console.log('2. Corrections after a refund and a backdated promotion (re-run under the plan as paid)');
console.log(`   refunded sale E001-C2: ${String(refunded.amount)}`);
for (const change of correction.inputChanges)
  console.log(`   input ${change.path}: ${JSON.stringify(change.base)} → ${JSON.stringify(change.proposed)}`);
for (const person of correction.people) {
  console.log(
    `   ${person.person}: paid ${person.paid}, arrears ${person.arrears}, recoveries ${person.recoveries}, re-run ${person.rerun}`,
  );
  for (const line of person.lines)
    console.log(
      `      ${line.kind.padEnd(18)} ${line.paid.padStart(10)} → ${line.rerun.padStart(10)}  ${line.type} ${line.amount}`,
    );
}
const t = correction.totals;
console.log(`   paid ${t.paid} + arrears ${t.arrears} + recoveries ${t.recoveries} = re-run ${t.rerun}`);

// ── 3. a correction after one rating review overturns a flag ─────────────────
const flagged = scenario.data!.ratings!.find((rating) => rating.id === 'R0039')!;
const reviewed: RunPeriodInput = {
  ...scenario,
  data: {
    ...scenario.data,
    reviewDecisions: [
      {
        action: 'keep',
        rating: flagged.id,
        reviewer: 'HR-01',
        note: 'confirmed with the rater: the ticket sat for two days',
      },
    ],
  },
};
const review = correctPeriod({ paid: { scenario, result: paid }, corrected: reviewed });
/** The support score a person's pool award was weighted by, read from the award's trace. */
const scoreOf = (result: typeof paid, person: string) =>
  result.statements
    .find((s) => s.person === person)!
    .lines.find((line) => line.kind === 'poolAward')!
    .trace.find((step) => step.rule === 'pool.weight')!.inputs['score'];
console.log('');
console.log(
  `3. A rating review keeps flagged rating ${flagged.id} (${flagged.rater} gave ${flagged.ratee} ${flagged.score} for ${flagged.dimension})`,
);
console.log(
  `   ${flagged.ratee}'s peripheral score: ${scoreOf(paid, flagged.ratee)} → ${scoreOf(review.rerun, flagged.ratee)}`,
);
for (const person of review.people.filter((p) => p.person === flagged.ratee))
  for (const line of person.lines)
    console.log(
      `   ${person.person} ${line.kind} ${line.version.padEnd(10)} ${line.paid.padStart(10)} → ${line.rerun.padStart(10)}  ${line.type} ${line.amount}`,
    );
const r = review.totals;
console.log(
  `   ${review.people.length} people corrected; paid ${r.paid} + arrears ${r.arrears} + recoveries ${r.recoveries} = re-run ${r.rerun}`,
);

/**
 * Tier tables an analyst would copy: seed 001's response-time tiers, and a sales team's
 * commission under a marginal and a retroactive accelerator.
 * Run: `npx tsx examples/tier-tables.ts`.
 */
import { applyRateTable, tierScore, type TierTable } from '../src/index.js';

// Seed 001: response ≤ 1 h → 100, 1–2 h → 80, > 2 h → 60.
const response: TierTable = {
  direction: 'lowerIsBetter',
  unit: 'duration',
  bands: [
    { bound: { hours: 1 }, score: 100, label: '≤ 1 h' },
    { bound: { hours: 2 }, score: 80, label: '1–2 h' },
    { score: 60, label: '> 2 h' },
  ],
};

console.log('Response time                step   interpolated');
for (const [name, ms] of [
  ['60 min', 3_600_000],
  ['60 min 0.001 s', 3_600_001],
  ['100 min', 6_000_000],
  ['120 min', 7_200_000],
  ['120 min 1 ms', 7_200_001],
] as const) {
  const step = tierScore({ table: response, value: ms });
  const line = tierScore({ table: { ...response, interpolate: true }, value: ms });
  console.log(
    `  ${name.padEnd(16)} ${String(step.label).padEnd(6)} ${step.score.padStart(7)}   ${line.score.padStart(7)}`,
  );
}

// Commission: 0–10,000 at 5 %, 10,000–50,000 at 8 %, above 50,000 at 10 %.
const accelerator: TierTable = {
  direction: 'higherIsBetter',
  bands: [
    { bound: 50000, score: '0.10', label: '≥ 50k' },
    { bound: 10000, score: '0.08', label: '10k–50k' },
    { score: '0.05', label: '< 10k' },
  ],
};

console.log('\nSales (CNY)     marginal   retroactive');
for (const [seller, sales] of [
  ['chen', '8000.00'],
  ['liu', '30000.00'],
  ['zhou', '62000.00'],
] as const) {
  const marginal = applyRateTable({ table: accelerator, amount: sales, currency: 'CNY', method: 'marginal' });
  const retroactive = applyRateTable({ table: accelerator, amount: sales, currency: 'CNY', method: 'retroactive' });
  console.log(
    `  ${seller.padEnd(5)} ${sales.padStart(9)} ${marginal.amount.padStart(10)} ${retroactive.amount.padStart(12)}`,
  );
}

const zhou = applyRateTable({ table: accelerator, amount: '62000.00', currency: 'CNY', method: 'marginal' });
console.log('\nzhou, marginal, slice by slice:');
for (const slice of zhou.slices)
  console.log(
    `  ${slice.from.padStart(9)} – ${slice.to.padStart(9)} at ${slice.rate.padEnd(4)} → ${slice.amount.padStart(8)}`,
  );
console.log(`  total ${zhou.amount}, effective rate ${zhou.effectiveRate}`);

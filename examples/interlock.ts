/**
 * Indicator interlock [指标互锁 / 业绩双算, seed 003]: `npx tsx examples/interlock.ts`.
 *
 * A new 5G business sold by three regions across three product lines. Every sale is credited in
 * full to its region AND its product line, so "region = Σ its product lines" and "product line =
 * Σ its regions" both hold and nobody can call the sale someone else's business. Then the 5G
 * revenue indicator is owned jointly by sales (0.5), product (0.3) and delivery (0.2).
 */
import { creditFacts, settleInterlock, type RevenueFact } from '../src/index.js';

const regions = ['East', 'West', 'South'];
const products = ['5G', 'Broadband', 'Cloud'];
// Revenue in yuan, region × product line.
const matrix: Record<string, Record<string, string>> = {
  East: { '5G': '100.00', Broadband: '50.00', Cloud: '30.00' },
  West: { '5G': '70.00', Broadband: '20.00', Cloud: '40.00' },
  South: { '5G': '60.00', Broadband: '80.00', Cloud: '10.00' },
};
const facts: RevenueFact[] = [];
for (const region of regions) {
  for (const product of products) {
    facts.push({
      id: `${region}-${product}`,
      amount: matrix[region]?.[product] ?? '0',
      date: '2026-03-15',
      members: { region, product },
    });
  }
}

const credits = creditFacts({
  currency: 'CNY',
  dimensions: [
    { id: 'region', members: regions.map((id) => ({ id })) },
    { id: 'product', members: products.map((id) => ({ id, ...(id === '5G' ? { target: '200.00' } : {}) })) },
  ],
  facts,
});

const credit = (dimension: string, member: string) =>
  credits.dimensions.find((d) => d.id === dimension)?.members.find((m) => m.id === member)?.amount ?? '?';
console.log('Revenue credited (CNY), region × product line:');
console.log(`${''.padEnd(8)}${products.map((p) => p.padStart(11)).join('')}${'region'.padStart(11)}`);
for (const region of regions) {
  console.log(
    `${region.padEnd(8)}${products.map((p) => (matrix[region]?.[p] ?? '').padStart(11)).join('')}${credit('region', region).padStart(11)}`,
  );
}
console.log(
  `${'product'.padEnd(8)}${products.map((p) => credit('product', p).padStart(11)).join('')}${credits.total.padStart(11)}`,
);
for (const dimension of credits.dimensions) {
  console.log(`dimension ${dimension.id}: credited ${dimension.credited}, conserved ${String(dimension.conserved)}`);
}
console.log(
  `facts total ${credits.total}, credited ${credits.credited}, double-count factor ${credits.factor ?? 'n/a'}`,
);

const settlement = settleInterlock({
  currency: 'CNY',
  credits,
  indicators: [
    {
      id: '5G-revenue',
      target: '200.00',
      actual: { dimension: 'product', member: '5G' },
      parties: [
        { id: 'sales', weight: '0.5' },
        { id: 'product', weight: '0.3' },
        { id: 'delivery', weight: '0.2' },
      ],
      scoreTable: {
        direction: 'higherIsBetter',
        bands: [
          { bound: '1', score: 100, label: 'target met' },
          { bound: '0.8', score: 80, label: 'close' },
          { bound: '0.6', score: 60, label: 'behind' },
          { score: 0, label: 'severe miss' },
        ],
      },
      reward: { threshold: '1', amount: '9000.00' },
      severeMiss: { threshold: '0.7', deduction: '3000.00' },
    },
  ],
});
for (const indicator of settlement.indicators) {
  console.log(
    `indicator ${indicator.id}: actual ${indicator.actual} / target ${indicator.target} = achievement ${indicator.achievement}, score ${indicator.score}; reward ${indicator.reward}, deduction ${indicator.deduction}, review ${String(indicator.review)}`,
  );
  for (const party of indicator.parties) {
    console.log(
      `  ${party.id.padEnd(9)} weight ${party.weight}  score ${party.score}  reward ${party.reward.padStart(8)}  deduction ${party.deduction}  net ${party.net}`,
    );
  }
}
console.log(`warnings: ${settlement.warnings.length}`);

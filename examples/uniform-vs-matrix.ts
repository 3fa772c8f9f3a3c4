/**
 * Uniform company coefficient vs relevance matrix in a bad year (seed 003, SPEC §3.1).
 *
 * The company reached 80 % of its profit target, so its coefficient is 0.8 (seed 000's rule:
 * 80 % completion → 0.8). The uniform method ["无差别公司系数", "大锅饭"] multiplies every
 * department's own coefficient by 0.8; the matrix lets the company result weigh on each
 * department by its relevance: strong 25 %, medium 12 %, weak 3 %.
 *
 * Run: `npx tsx examples/uniform-vs-matrix.ts`
 */
import { linkCoefficients } from '../src/index.js';

const result = linkCoefficients({
  // The plan's ratios, inside seed 003's ranges (strong 20–30 %, medium 10–15 %, weak 0–5 %).
  levels: { strong: '0.25', medium: '0.12', weak: '0.03' },
  // Profit: 8.0 m against a 10.0 m target → achievement 0.8 → coefficient 0.8.
  companyKpis: [{ id: 'profit', actual: '8000000', target: '10000000' }],
  departments: [
    { id: 'sales', coefficient: '0.85', relevance: { profit: 'strong' } },
    { id: 'production', coefficient: '0.9', relevance: { profit: 'strong' } },
    { id: 'marketing', coefficient: '0.95', relevance: { profit: 'medium' } },
    { id: 'hr', coefficient: '1.0', relevance: { profit: 'weak' } },
    { id: 'finance', coefficient: '1.05', relevance: { profit: 'weak' } },
  ],
});

const profit = result.companyKpis[0];
console.log(`Company profit: achievement ${profit?.achievement} → company coefficient C = ${profit?.coefficient}\n`);
console.log('| department | relevance | r | own D | uniform D·C | matrix B | B − uniform |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const d of result.departments) {
  const link = d.links[0];
  console.log(
    `| ${d.id} | ${link?.level ?? '—'} | ${d.ratioSum} | ${d.own} | ${d.uniform} | ${d.blended} | ${d.difference} |`,
  );
}
console.log('\nB = (1 − r)·D + r·C. Under the uniform method every department loses 20 % of its own result,');
console.log('whatever its part in profit; under the matrix the company result weighs most on the departments');
console.log('that drive it (sales, production) and barely on those that support it (hr, finance).');
console.log("\nHow each department's result was derived:");
for (const d of result.departments)
  console.log(`  ${d.id}: ${d.trace[0]?.formula} with ${JSON.stringify(d.trace[0]?.inputs)} → ${d.blended}`);

/**
 * Seed 001's back-office support pool [后端支撑奖励池]: the customer-service front line earns
 * commission (base × a modifier for its complaint resolution rate, through a rate table); 12 % of
 * it becomes the pool; the pool is shared among the technical back office by support-effectiveness
 * score [支撑效能评分] with an eligibility floor of 60. Then the same period at 10 % and 15 %
 * (the 5G push raised the rate from 10 % to 15 %) side by side.
 *
 * Run: `npx tsx examples/support-pool.ts`
 */
import { allocatePool, carvePool, computeCommissions, type TierTable } from '../src/index.js';

// seed 001: "用户投诉解决率每提高5%，提成基数增加8%" — each +5 % resolution rate → +8 % base.
const modifierTable: TierTable = {
  direction: 'higherIsBetter',
  bands: [
    { bound: '0.95', score: '1.16', label: 'resolution ≥ 95 %' },
    { bound: '0.90', score: '1.08', label: 'resolution ≥ 90 %' },
    { score: '1', label: 'resolution < 90 %' },
  ],
};
// Retroactive accelerator: 12 % on the whole base from 200,000 yuan, else 10 %.
const rateTable: TierTable = {
  direction: 'higherIsBetter',
  bands: [{ bound: 200000, score: '0.12' }, { score: '0.10' }],
};

const frontLine = computeCommissions({
  currency: 'CNY',
  method: 'retroactive',
  rateTable,
  modifierTable,
  people: [
    { id: 'cs-chen', base: '250000.00', measure: '0.88' },
    { id: 'cs-liu', base: '192901.23', measure: '0.92' },
    { id: 'cs-zhou', base: '158045.95', measure: '0.96' },
  ],
});

const backOffice = [
  { id: 'tech-li', score: 80 },
  { id: 'tech-wang', score: 90 },
  { id: 'tech-zhao', score: 50 },
];

const pad = (text: string, width: number) => text.padStart(width);
const commissions = frontLine.people.map((row) => ({ id: row.id, amount: row.commission }));

function period(rate: string) {
  const carve = carvePool({ currency: 'CNY', rate, commissions });
  const shared = allocatePool({ pool: carve.pool, currency: 'CNY', floor: 60, recipients: backOffice });
  return { carve, shared };
}

console.log('Front line: commission = rate table (retroactive) × (base × resolution modifier)');
console.log(
  `${'person'.padEnd(10)} ${pad('base', 11)} ${pad('resolution', 10)} ${pad('modifier', 8)} ${pad('adjusted', 11)} ${pad('commission', 10)}`,
);
for (const row of frontLine.people)
  console.log(
    `${row.id.padEnd(10)} ${pad(row.base, 11)} ${pad(row.measure ?? '', 10)} ${pad(row.modifier, 8)} ${pad(row.adjustedBase, 11)} ${pad(row.commission, 10)}`,
  );
console.log(`${'total'.padEnd(10)} ${pad(frontLine.base, 11)} ${''.padStart(31)} ${pad(frontLine.commission, 10)}`);

const { carve, shared } = period('0.12');
console.log(`\nCarve at 12 %: pool = round(0.12 × ${carve.gross}) = ${carve.pool}`);
console.log(`${'person'.padEnd(10)} ${pad('gross', 10)} ${pad('contribution', 12)} ${pad('net', 10)}`);
for (const row of carve.contributions)
  console.log(`${row.id.padEnd(10)} ${pad(row.gross, 10)} ${pad(row.contribution, 12)} ${pad(row.net, 10)}`);
console.log(`Σ net ${carve.net} + pool ${carve.pool} = Σ gross ${carve.gross}`);

console.log('\nShared among the technical back office (floor 60, linear in score):');
console.log(
  `${'person'.padEnd(10)} ${pad('score', 6)} ${pad('eligible', 8)} ${pad('weight', 6)} ${pad('award', 9)} ${pad('share', 8)}`,
);
for (const row of shared.awards)
  console.log(
    `${row.id.padEnd(10)} ${pad(row.score, 6)} ${pad(String(row.eligible), 8)} ${pad(row.weight, 6)} ${pad(row.award, 9)} ${pad(`${(Number(row.share) * 100).toFixed(2)} %`, 8)}`,
  );
console.log(`Σ awards ${shared.awarded} + unallocated ${shared.unallocated} = pool ${shared.pool}`);

const rates = ['0.10', '0.12', '0.15'];
const periods = rates.map((rate) => period(rate));
console.log('\nThe same period at 10 %, 12 % and 15 % (the 5G push, seed 001):');
console.log(`${''.padEnd(12)} ${rates.map((rate) => pad(`${Number(rate) * 100} %`, 10)).join(' ')}`);
console.log(`${'pool'.padEnd(12)} ${periods.map((p) => pad(p.carve.pool, 10)).join(' ')}`);
for (const person of [...frontLine.people.map((row) => row.id)])
  console.log(
    `${`${person} net`.padEnd(12)} ${periods.map((p) => pad(p.carve.contributions.find((row) => row.id === person)?.net ?? '', 10)).join(' ')}`,
  );
for (const person of backOffice.map((row) => row.id).sort())
  console.log(
    `${person.padEnd(12)} ${periods.map((p) => pad(p.shared.awards.find((row) => row.id === person)?.award ?? '', 10)).join(' ')}`,
  );

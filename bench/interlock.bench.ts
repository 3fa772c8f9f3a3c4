/**
 * Interlock benchmarks (issue 6): crediting 1,000,000 revenue facts over 3 dimensions
 * (target ≤ 3 s median), with every fact credited in full, and with 10 % of the facts split
 * 60/40 between two regions and ids in random order (so duplicate ids are found by hashing).
 */
import { creditFacts, type CreditFactsInput, type RevenueFact } from '../src/index.js';
import { benchSuite, prng } from './harness.js';

const REGIONS = ['East', 'North', 'South', 'West', 'Central'];
const PRODUCTS = ['5G', 'Broadband', 'Cloud', 'IoT'];
const CHANNELS = ['Direct', 'Partner', 'Online'];

function scenario(count: number, splitRate: number, shuffled: boolean): CreditFactsInput {
  const random = prng(20260323);
  // Ids in random order (as from an unsorted export) are drawn first and each id string is
  // created with its row, as JSON.parse would lay them out; duplicates must then be found by
  // hashing, not by an ascending scan.
  const order = Array.from({ length: count }, (_, i) => i);
  if (shuffled) {
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i] as number;
      order[i] = order[j] as number;
      order[j] = swap;
    }
  }
  const facts = new Array<RevenueFact>(count);
  for (let i = 0; i < count; i++) {
    const fen = Math.floor(random() * 10_000_000);
    const region = REGIONS[Math.floor(random() * REGIONS.length)] as string;
    const members: RevenueFact['members'] = {
      region:
        random() < splitRate
          ? [
              { id: region, share: '0.6' },
              { id: region === 'East' ? 'West' : 'East', share: '0.4' },
            ]
          : region,
      product: PRODUCTS[Math.floor(random() * PRODUCTS.length)] as string,
      channel: CHANNELS[Math.floor(random() * CHANNELS.length)] as string,
    };
    facts[i] = {
      id: `F${String(order[i]).padStart(8, '0')}`,
      amount: `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`,
      date: `2026-03-${String(1 + Math.floor(random() * 31)).padStart(2, '0')}`,
      members,
    };
  }
  return {
    currency: 'CNY',
    dimensions: [
      { id: 'region', members: REGIONS.map((id) => ({ id, target: '1000000000.00' })) },
      { id: 'product', members: PRODUCTS.map((id) => ({ id })) },
      { id: 'channel', members: CHANNELS.map((id) => ({ id, start: '2026-03-01', end: '2026-03-31' })) },
    ],
    facts,
  };
}

export default async function run(): Promise<void> {
  const full = scenario(1_000_000, 0, false);
  const split = scenario(1_000_000, 0.1, true);
  await benchSuite(
    'interlock: creditFacts, 1,000,000 facts × 3 dimensions (issue 6 target ≤ 3 s)',
    [
      { name: 'creditFacts 1M, full credit, ids ascending', run: () => creditFacts(full) },
      { name: 'creditFacts 1M, 10 % split 60/40, ids shuffled', run: () => creditFacts(split) },
    ],
    5,
  );
}

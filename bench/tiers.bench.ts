/**
 * Tier tables: scoring 1,000,000 millisecond durations on a compiled table (seed 001's response
 * tiers, steps and interpolated), and applying a marginal (and a retroactive) commission rate
 * table to 1,000,000 amounts in minor units.
 */
import { benchSuite, prng } from './harness.js';
import { applyRates, commissionOf, rateBrackets } from '../src/tiers/rateTable.js';
import { compileTierTable, scoreOfNumber } from '../src/tiers/tierScore.js';
import type { TierTable } from '../src/tiers/schema.js';

const N = 1_000_000;

export default async function run(): Promise<void> {
  const random = prng(3);
  const durations = new Float64Array(N);
  for (let i = 0; i < N; i++) durations[i] = Math.floor(random() * 4 * 3_600_000); // 0–4 h in ms
  const amounts = new Array<bigint>(N);
  for (let i = 0; i < N; i++) amounts[i] = BigInt(Math.floor(random() * 10_000_000)); // 0–100,000.00 CNY in fen

  const response: TierTable = {
    direction: 'lowerIsBetter',
    unit: 'duration',
    bands: [{ bound: { hours: 1 }, score: 100 }, { bound: { hours: 2 }, score: 80 }, { score: 60 }],
  };
  const steps = compileTierTable(response, ['table']);
  const interpolated = compileTierTable({ ...response, interpolate: true }, ['table']);
  const accelerator: TierTable = {
    direction: 'higherIsBetter',
    bands: [{ bound: 50000, score: '0.10' }, { bound: 10000, score: '0.08' }, { score: '0.05' }],
  };
  const rates = compileTierTable(accelerator, ['table']);
  const brackets = rateBrackets(rates, 2);

  let sink = 0;
  let money = 0n;
  await benchSuite(
    `tiers — ${N.toLocaleString('en')} values`,
    [
      {
        name: 'scoreOfNumber, step table (1M ms durations)',
        run: () => {
          for (let i = 0; i < N; i++) sink += scoreOfNumber(steps, durations[i] as number).band;
        },
      },
      {
        name: 'scoreOfNumber, interpolated table (1M ms durations)',
        run: () => {
          for (let i = 0; i < N; i++) sink += scoreOfNumber(interpolated, durations[i] as number).band;
        },
      },
      {
        name: 'commissionOf, marginal rate table (1M amounts)',
        run: () => {
          for (let i = 0; i < N; i++)
            money += commissionOf(rates, brackets, amounts[i] as bigint, 'marginal', 'halfUp');
        },
      },
      {
        name: 'commissionOf, retroactive rate table (1M amounts)',
        run: () => {
          for (let i = 0; i < N; i++)
            money += commissionOf(rates, brackets, amounts[i] as bigint, 'retroactive', 'halfUp');
        },
      },
      {
        name: 'applyRates with slices, marginal (1M amounts)',
        run: () => {
          for (let i = 0; i < N; i++)
            money += applyRates(rates, amounts[i] as bigint, 2, 'marginal', 'halfUp', brackets).commission;
        },
      },
    ],
    5,
  );
  if (sink < 0 || money < 0n) console.log('unreachable');
}

/**
 * The cases the determinism tests run in several processes and builds: for every public function
 * on the package root, inputs sampled from the shared arbitraries with fixed seeds (so every
 * process sees the same inputs), plus a few bad inputs (errors must be deterministic too).
 * Functions not (yet) exported are skipped, so the list grows as mechanisms land.
 */
import fc from 'fast-check';
import { creditScenarioArb, indicatorsArb } from '../arbitraries/interlock.js';
import { moneyCase, sharesArb, tierTableArb } from '../arbitraries/index.js';
import { extraCaseSources } from './extraCases.js';

export interface DeterminismCase {
  readonly name: string;
  readonly target: string;
  readonly input: unknown;
}

/** A case source: the target function and an arbitrary of its inputs. */
export interface CaseSource {
  readonly target: string;
  readonly input: fc.Arbitrary<unknown>;
  readonly count?: number;
}

const sources: CaseSource[] = [
  { target: 'allocate', input: fc.tuple(moneyCase(), sharesArb(30)).map(([money, shares]) => ({ total: money.total, currency: money.currency, shares, whenNoWeight: 'unallocated' })) },
  { target: 'tierScore', input: fc.tuple(tierTableArb(), fc.integer({ min: -200_000, max: 200_000 })).map(([table, value]) => ({ table, value: (value / 100).toFixed(2) })) },
  {
    target: 'applyRateTable',
    input: fc
      .tuple(tierTableArb({ interpolate: false, boundMin: 0, scoreScale: 4 }).filter((table) => table.bands.every((band) => Number(band.score) <= 1)), fc.integer({ min: 0, max: 10 ** 9 }), fc.constantFrom('marginal', 'retroactive'))
      .map(([table, fen, method]) => ({ table, amount: (fen / 100).toFixed(2), currency: 'CNY', method })),
  },
  { target: 'creditFacts', input: creditScenarioArb },
  { target: 'settleInterlock', input: indicatorsArb.map((indicators) => ({ currency: 'CNY', indicators })) },
  ...extraCaseSources,
];

/** Bad inputs: the error (code, issues, messages) must be the same everywhere too. */
const badCases: DeterminismCase[] = [
  { name: 'bad-allocate', target: 'allocate', input: { total: '1.001', currency: 'CNY', shares: [{ id: 'a', weight: 'NaN' }, { id: 'a', weight: -1 }] } },
  { name: 'bad-tierScore', target: 'tierScore', input: { table: { direction: 'lowerIsBetter', bands: [{ bound: 2, score: 1 }, { bound: 1, score: 2 }] }, value: '1e3' } },
];

/** Every case whose target `api` exports, `perTarget` samples each, with fixed seeds. */
export function determinismCases(api: Record<string, unknown>, perTarget = 8): DeterminismCase[] {
  const cases: DeterminismCase[] = [];
  sources.forEach((source, s) => {
    if (typeof api[source.target] !== 'function') return;
    const inputs = fc.sample(source.input, { seed: 9000 + s, numRuns: source.count ?? perTarget });
    inputs.forEach((input, i) => cases.push({ name: `${source.target}#${i}`, target: source.target, input }));
  });
  for (const bad of badCases) if (typeof api[bad.target] === 'function') cases.push(bad);
  return cases;
}

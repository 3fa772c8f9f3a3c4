/**
 * The cases the determinism tests run in several processes and builds: for every public function
 * on the package root, inputs sampled from the shared arbitraries with fixed seeds (so every
 * process sees the same inputs), plus a few bad inputs (errors must be deterministic too).
 * Functions not (yet) exported are skipped, so the list grows as mechanisms land.
 */
import fc from 'fast-check';
import { inputSources as sources } from '../arbitraries/inputs.js';
import { fullScenarioArb } from '../arbitraries/scenario.js';

export interface DeterminismCase {
  readonly name: string;
  readonly target: string;
  readonly input: unknown;
}

/** Bad inputs: the error (code, issues, messages) must be the same everywhere too. */
const badCases: DeterminismCase[] = [
  {
    name: 'bad-allocate',
    target: 'allocate',
    input: {
      total: '1.001',
      currency: 'CNY',
      shares: [
        { id: 'a', weight: 'NaN' },
        { id: 'a', weight: -1 },
      ],
    },
  },
  {
    name: 'bad-tierScore',
    target: 'tierScore',
    input: {
      table: {
        direction: 'lowerIsBetter',
        bands: [
          { bound: 2, score: 1 },
          { bound: 1, score: 2 },
        ],
      },
      value: '1e3',
    },
  },
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
  // Whole scenarios with every mechanism section: tickets on calendars in Lord Howe, New York,
  // London, Kolkata, Shanghai; ratings with RACI; interlock credits; linkage; scorecards; pools.
  if (typeof api.runPeriod === 'function')
    fc.sample(fullScenarioArb, { seed: 9100, numRuns: perTarget }).forEach((input, i) =>
      cases.push({ name: `runPeriod-whole#${i}`, target: 'runPeriod', input }),
    );
  // The demo company wires every mechanism (tickets on a Beijing calendar included): the
  // strongest single check that the host's time zone never leaks into pay.
  const demo = api.demoScenario as ((input: { people: number }) => unknown) | undefined;
  if (typeof demo === 'function' && typeof api.runPeriod === 'function')
    cases.push({ name: 'demo-60', target: 'runPeriod', input: demo({ people: 60 }) });
  return cases;
}

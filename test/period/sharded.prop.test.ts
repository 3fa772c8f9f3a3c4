/**
 * Issue 20 §2, "Must show": for random scenarios and random partitions of their departments into
 * shards, the sharded run's result is byte-identical to the whole run's (statements, pools,
 * checks, ledger, every key).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  demoScenario,
  runPeriod,
  runPeriodSharded,
  runShard,
  shardPeriod,
  SynergyPayError,
  type RunPeriodInput as LibraryInput,
} from '../../src/index.js';

import { scenarioArb, wholeScenarioArb, type RunPeriodInput } from '../arbitraries/scenario.js';
import { collectionWatch, expectError, handOverWatched, runs } from '../helpers.js';
import { scenarioArbitrary } from './arbitraries.js';
import { loadCorpus } from '../corpus/load.js';

const scenarios: fc.Arbitrary<RunPeriodInput> = fc.oneof(
  scenarioArb,
  scenarioArbitrary as unknown as fc.Arbitrary<RunPeriodInput>,
  wholeScenarioArb({ maxPeople: 10 }),
);

/** A message as a worker or a job queue would receive it: through node:v8's serializer (structured clone). */
const viaBytes = <T>(message: T): T => deserialize(serialize(message)) as T;

function outcome(run: () => unknown): string {
  try {
    return JSON.stringify(run());
  } catch (error) {
    if (error instanceof SynergyPayError) return 'error';
    throw error;
  }
}

/** What the test varies besides the scenario: trace, ledger rows, draws on every k-th person, blocked findings. */
interface Twist {
  readonly trace: boolean;
  readonly ledgerRows: boolean;
  readonly drawEvery: number;
  readonly block: boolean;
}

const twistArb: fc.Arbitrary<Twist> = fc.record({
  trace: fc.boolean(),
  ledgerRows: fc.boolean(),
  drawEvery: fc.constantFrom(0, 1, 2, 3),
  block: fc.boolean(),
});

/** The scenario with the twist (a copy). */
function twisted(scenario: RunPeriodInput, twist: Twist): LibraryInput {
  const copy = {
    ...structuredClone(scenario),
    trace: twist.trace,
    ledgerRows: twist.ledgerRows,
  } as unknown as LibraryInput;
  if (twist.drawEvery > 0) {
    const every = copy.org.people.filter((_, i) => i % twist.drawEvery === 0);
    copy.data = {
      ...copy.data,
      draws: every.map((person, k) => ({
        person: person.id,
        kind: k % 2 === 1 ? 'guarantee' : 'recoverable',
        monthlyAmount: String(1000 + 700 * k),
      })),
      drawBalances: every
        .filter((_, k) => k % 3 === 0)
        .map((person, k) => ({ person: person.id, balance: String(300 * k) })),
    };
    copy.plan = { ...copy.plan, draws: { recoveryShare: '0.5', onLeaving: 'recover' } };
  }
  if (twist.block)
    copy.plan = { ...copy.plan, plausibility: { block: ['negativeNet'], coefficient: { min: '0.95', max: '1.05' } } };
  return copy;
}

describe('runPeriodSharded', () => {
  it('gives runPeriod’s result, byte for byte, for any partition of the departments into shards', () => {
    fc.assert(
      fc.property(scenarios, twistArb, fc.array(fc.nat({ max: 4 }), { maxLength: 40 }), (generated, twist, cut) => {
        const scenario = twisted(generated, twist);
        // A random partition: department d in shard cut[d] (some shards may be empty).
        const shards = Array.from({ length: 5 }, (_, k) => ({
          departments: scenario.org.departments
            .filter((_, d) => (cut[d] ?? 0) === k)
            .map((department) => department.id),
          people: 0,
        }));
        const whole = outcome(() => runPeriod(scenario));
        const sharded = outcome(() => runPeriodSharded(scenario, { shards }, viaBytes));
        expect(sharded).toBe(whole);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('runPeriodSharded where a person and a department share an id', () => {
  it('refuses it in both runs, at the person’s id (a case the property found: the shards once disagreed)', () => {
    const scenario = {
      plan: {
        id: 'arb',
        currency: 'CNY',
        rounding: { mode: 'halfUp' },
        versions: [{ id: 'v1', effective: '2026-01-01', grades: [{ id: 'G0', basePay: '0.00' }] }],
      },
      period: { unit: 'quarter', start: '2026-04-01' },
      org: {
        departments: [
          { id: 'd0', side: 'front' },
          { id: 'd1', side: 'front' },
        ],
        people: [{ id: 'd1', department: 'd0', grade: 'G0', basePay: '0.00' }],
      },
      data: { departmentCoefficients: [{ department: 'd1', coefficient: '0' }] },
    } as LibraryInput;
    const shards = [
      { departments: ['d1'], people: 0 },
      { departments: ['d0'], people: 0 },
    ];
    expectError(() => runPeriod(scenario), 'DUPLICATE_ID', ['org', 'people', 0, 'id']);
    expectError(() => runPeriodSharded(scenario, { shards }, viaBytes), 'DUPLICATE_ID', ['org', 'people', 0, 'id']);
  });
});

describe('shardPeriod lets go of the rows its shared mechanisms read', () => {
  it('the tickets, ratings and revenue facts can be collected once the shards are planned; the result is runPeriod’s', async () => {
    const watch = collectionWatch();
    const run = handOverWatched(
      watch,
      () => demoScenario({ people: 80, seed: 4 }),
      (scenario) => shardPeriod(scenario, 3),
    );
    await watch.expectCollected();
    const shards = run.tasks.map((task) => runShard(viaBytes(task)));
    const shares = run.pools(shards.map((shard) => viaBytes(shard.poolInputs)));
    const streams = shards.map((shard, k) => shard.finish(viaBytes(shares[k]!)));
    const iterators = streams.map((stream) => stream.statements[Symbol.iterator]());
    const statements = Array.from(run.order, (k) => iterators[k]!.next().value as unknown);
    const summary = run.summary(streams.map((stream) => viaBytes(stream.summary())));
    const { statements: whole, ...wholeSummary } = runPeriod(demoScenario({ people: 80, seed: 4 }));
    // Compared as booleans: a difference would print two large results.
    expect(JSON.stringify(statements) === JSON.stringify(whole), 'the statements differ').toBe(true);
    expect(JSON.stringify(summary) === JSON.stringify(wholeSummary), 'the summaries differ').toBe(true);
  });
});

describe('runPeriodSharded on the example scenarios and the demo company', () => {
  const dir = join(import.meta.dirname, '../../examples/scenarios');
  const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
  const demo = demoScenario({ people: 240, seed: 7 });
  const cases: [string, LibraryInput][] = [
    ...files.map((file): [string, LibraryInput] => [
      file,
      JSON.parse(readFileSync(join(dir, file), 'utf8')) as LibraryInput,
    ]),
    ['demo 240', demo],
  ];
  it.each(cases)('%s: every number of shards, with and without trace and ledger rows', (_, scenario) => {
    for (const trace of [true, false])
      for (const ledgerRows of [false, true]) {
        const input = { ...scenario, trace, ledgerRows };
        const whole = JSON.stringify(runPeriod(input));
        for (const shards of [1, 2, 3, 5, 64])
          expect(JSON.stringify(runPeriodSharded(input, shards, shards === 3 ? viaBytes : undefined))).toBe(whole);
      }
  });
});

describe('runPeriodSharded on bad input', () => {
  const cases = loadCorpus().filter((entry) => entry.target === 'runPeriod');
  it.each(cases.map((entry) => [entry.file, entry] as const))('%s: refused with the same code', (_, entry) => {
    let code: string | undefined;
    try {
      runPeriodSharded(entry.input as LibraryInput, 3);
    } catch (error) {
      if (!(error instanceof SynergyPayError)) throw error;
      code = error.code;
    }
    expect(code).toBe(entry.expect.code);
  });
});

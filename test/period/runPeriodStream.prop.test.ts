/**
 * Issue 20 §1, "Must show": the streamed statements, collected, equal `runPeriod`'s statements —
 * byte for byte — and the summary equals the rest of `runPeriod`'s result; where `runPeriod`
 * throws, the stream throws the same error (the input's from `runPeriodStream` itself, the
 * end-of-period checks' from the `next()` that ends the statements and from every `summary()`).
 *
 * `runPeriod` collects the stream (one code path), so the property is about the stream's own
 * ways to go wrong: statements read in several loops (`break`, then a new loop), `summary()`
 * before the statements are all read, two streams of one scenario read in turn (no state shared
 * between runs), and the checks that run only when the last statement is out. The scenarios come
 * from the shared arbitraries, with draws and guarantees, plausibility blocks, a declared pay
 * total (right or wrong) and, now and then, a bad grade added. That the collected run equals the
 * run before streaming is the corpus's (`test/corpus`, golden results) and the other period
 * properties'.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  runPeriod,
  runPeriodStream,
  SynergyPayError,
  type PayStatement,
  type RunPeriodInput as LibraryInput,
  type RunPeriodResult,
} from '../../src/index.js';
import { scenarioArb, wholeScenarioArb, type RunPeriodInput } from '../arbitraries/scenario.js';
import { runs } from '../helpers.js';
import { scenarioArbitrary } from './arbitraries.js';

/** What a run gave: its statements and its summary as JSON, or its error. */
type Outcome =
  | { readonly statements: string; readonly summary: string }
  | { readonly error: { readonly name: string; readonly message: string; readonly issues: unknown } };

/** The error as the comparison sees it: class, message and issues. */
function failure(error: unknown): Outcome {
  if (!(error instanceof SynergyPayError)) throw error;
  return { error: { name: error.name, message: error.message, issues: error.issues } };
}

/** `runPeriod`'s outcome: its statements, and the rest of its result in its own key order. */
function collected(scenario: RunPeriodInput): Outcome {
  let result: RunPeriodResult;
  try {
    result = runPeriod(scenario as LibraryInput);
  } catch (error) {
    return failure(error);
  }
  const { statements, ...summary } = result;
  return { statements: JSON.stringify(statements), summary: JSON.stringify(summary) };
}

/** How the test reads a stream: how many statements the first loop takes before its `break` (at least one), and whether `summary()` comes first. */
interface Reading {
  readonly firstLoop: number;
  readonly summaryFirst: boolean;
}

/** The stream's outcome, read as `reading` says. */
function streamed(scenario: RunPeriodInput, reading: Reading): Outcome {
  try {
    const run = runPeriodStream(scenario as LibraryInput);
    if (reading.summaryFirst) {
      const summary = run.summary();
      // The summary ran the statements to their end: none is left to read.
      expect([...run.statements]).toEqual([]);
      return { statements: 'drained', summary: JSON.stringify(summary) };
    }
    const statements: PayStatement[] = [];
    for (const statement of run.statements) {
      statements.push(statement);
      if (statements.length >= reading.firstLoop) break;
    }
    // `break` did not end the run: a new loop goes on from the next statement.
    for (const statement of run.statements) statements.push(statement);
    const summary = run.summary();
    expect(run.summary()).toBe(summary);
    expect([...run.statements]).toEqual([]);
    return { statements: JSON.stringify(statements), summary: JSON.stringify(summary) };
  } catch (error) {
    return failure(error);
  }
}

/** Two streams of one scenario read in turn, a statement each: both give `runPeriod`'s statements. */
function interleaved(scenario: RunPeriodInput): string[] | Outcome {
  try {
    const runs = [runPeriodStream(scenario as LibraryInput), runPeriodStream(scenario as LibraryInput)];
    const got: PayStatement[][] = [[], []];
    for (;;) {
      const steps = runs.map((run) => run.statements.next());
      steps.forEach((step, k) => {
        if (step.done !== true) got[k]!.push(step.value);
      });
      if (steps.every((step) => step.done === true)) break;
    }
    return got.map((statements) => JSON.stringify(statements));
  } catch (error) {
    return failure(error);
  }
}

const BLOCKABLE = ['negativeNet', 'noDaysEmployed', 'coefficientOutOfRange', 'commissionNotCarved'] as const;

/** What the test adds to a generated scenario. */
interface Twist {
  /** Every `drawEvery`-th person gets a draw or a guarantee, every other one an opening balance; 0: none. */
  readonly drawEvery: number;
  readonly guarantee: boolean;
  /** Codes the plan blocks, and a plausible coefficient range. */
  readonly block: readonly (typeof BLOCKABLE)[number][];
  readonly range: { readonly min: string; readonly max: string } | null;
  /** A declared pay total: the run's own, or an amount (likely wrong), or none. */
  readonly payTotal: 'right' | number | null;
  /** The first person's grade replaced by one no version has (an input error). */
  readonly badGrade: boolean;
}

const twistArb: fc.Arbitrary<Twist> = fc.record({
  drawEvery: fc.constantFrom(0, 0, 1, 2, 3),
  guarantee: fc.boolean(),
  block: fc.oneof(fc.constant([]), fc.subarray([...BLOCKABLE])),
  range: fc.option(fc.constantFrom({ min: '0.95', max: '1.05' }, { min: '0', max: '10' }, { min: '1', max: '1.2' }), {
    nil: null,
  }),
  payTotal: fc.option(
    fc.oneof({ weight: 3, arbitrary: fc.constant('right' as const) }, fc.integer({ min: 0, max: 10_000_000 })),
    { nil: null },
  ),
  badGrade: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

/** The scenario with the twist applied (a copy: the generated value is not changed). */
function twisted(scenario: RunPeriodInput, twist: Twist): RunPeriodInput {
  const copy = structuredClone(scenario) as unknown as LibraryInput;
  const { people } = copy.org;
  if (twist.drawEvery > 0) {
    const every = people.filter((_, i) => i % twist.drawEvery === 0);
    copy.data = {
      ...copy.data,
      draws: every.map((person, k) => ({
        person: person.id,
        kind: twist.guarantee && k % 2 === 1 ? 'guarantee' : 'recoverable',
        monthlyAmount: String(1000 + 700 * k),
      })),
      drawBalances: every
        .filter((_, k) => k % 2 === 0)
        .map((person, k) => ({ person: person.id, balance: String(300 * k) })),
    };
    copy.plan = { ...copy.plan, draws: { recoveryShare: '0.5', onLeaving: 'recover' } };
  }
  if (twist.block.length > 0 || twist.range !== null)
    copy.plan = {
      ...copy.plan,
      plausibility: { block: [...twist.block], ...(twist.range === null ? {} : { coefficient: twist.range }) },
    };
  if (twist.payTotal !== null) {
    let declared = String(twist.payTotal);
    if (twist.payTotal === 'right') {
      const plain = collected(copy as unknown as RunPeriodInput);
      if ('error' in plain) return copy as unknown as RunPeriodInput;
      declared = (JSON.parse(plain.summary) as RunPeriodResult).totals.statements;
    }
    copy.controls = { ...copy.controls, payTotal: declared };
  }
  if (twist.badGrade && people.length > 0) people[0] = { ...people[0]!, grade: 'no-such-grade' };
  return copy as unknown as RunPeriodInput;
}

const scenarios: fc.Arbitrary<RunPeriodInput> = fc.oneof(
  scenarioArb,
  scenarioArbitrary as unknown as fc.Arbitrary<RunPeriodInput>,
  wholeScenarioArb({ maxPeople: 10 }),
);

const readingArb: fc.Arbitrary<Reading> = fc.record({
  firstLoop: fc.nat({ max: 12 }),
  summaryFirst: fc.boolean().chain((first) => (first ? fc.boolean() : fc.constant(false))),
});

describe('runPeriodStream (issue 20 §1)', () => {
  it('property: the streamed statements, collected, equal runPeriod’s byte for byte; the summary is the rest of its result; errors are the same', () => {
    const seen = { statements: 0, errors: new Map<string, number>() };
    fc.assert(
      fc.property(scenarios, twistArb, readingArb, (generated, twist, reading) => {
        const scenario = twisted(generated, twist);
        const whole = collected(scenario);
        const stream = streamed(scenario, reading);
        if ('error' in whole) {
          const code = (whole.error.issues as { code: string }[])[0]!.code;
          seen.errors.set(code, (seen.errors.get(code) ?? 0) + 1);
          expect(stream).toEqual(whole);
          return;
        }
        seen.statements += (JSON.parse(whole.statements) as unknown[]).length;
        expect('error' in stream ? stream : stream.summary).toBe(whole.summary);
        if (!reading.summaryFirst) expect((stream as { statements: string }).statements).toBe(whole.statements);
      }),
      { numRuns: runs(600) },
    );
    // The generated runs reach both sides of the property, and the errors of the stream's end.
    expect(seen.statements).toBeGreaterThan(400);
    for (const code of ['IMPLAUSIBLE_RESULT', 'RECONCILIATION_FAILED', 'UNKNOWN_REFERENCE'])
      expect(seen.errors.get(code) ?? 0, code).toBeGreaterThan(10);
  });

  it('property: two streams of one scenario read in turn each give runPeriod’s statements (runs share no state)', () => {
    fc.assert(
      fc.property(scenarios, twistArb, (generated, twist) => {
        const scenario = twisted(generated, { ...twist, badGrade: false });
        const whole = collected(scenario);
        const both = interleaved(scenario);
        if ('error' in whole) expect(both).toEqual(whole);
        else expect(both).toEqual([whole.statements, whole.statements]);
      }),
      { numRuns: runs(300) },
    );
  });
});

/**
 * Mutation fuzz of whole scenarios (issue 9 §4): a valid scenario with every mechanism section
 * (`fullScenarioArb`: ratings with RACI, tickets on calendars, linkage, credit facts and
 * indicators, scorecards, pools) with one hostile spot — a leaf replaced by NaN, Infinity, 2^53,
 * "1e5", blank text, null, the wrong type, an unknown time zone, an impossible date or clock time;
 * a key deleted or added; an array row duplicated. `runPeriod` must return a clean plain-JSON
 * result or throw the library's error with catalogue codes and scenario paths — never a
 * TypeError from a mechanism deep inside, never a failed reconciliation (other than a declared
 * control total the mutation broke), never a polluted prototype. A failure writes the shrunk
 * (mutated) scenario to a file to replay with `synergy-pay run`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyCoefficients, linkCoefficients, runPeriod, SynergyPayError } from '../../src/index.js';
import { fullScenarioArb } from '../arbitraries/scenario.js';
import { expectError, runs } from '../helpers.js';
import { assertScenarios } from '../properties/replay.js';
import { checkOutcome, mutate, mutationArb, paths, type Mutation } from './mutate.js';

/** Hostile values that mean something in a scenario's sections. */
const scenarioHostile: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  'Mars/Olympus',
  '24:00',
  '25:00',
  '2026-13-01',
  0,
  '0',
  -0,
  1e-7,
  '0.000000001',
  'front',
  'P',
  { hours: -1 },
  { months: 1 },
  [{}],
);
const wholeMutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  mutationArb,
  scenarioHostile.map((value): Mutation => ({ kind: 'replace', value })),
);

describe('mutation fuzz of whole scenarios: one hostile spot never breaks runPeriod', () => {
  // About 8 ms a run: 1,000 runs in CI; a fifth of FUZZ_RUNS in the soak (20,000 at 100,000, ~3 minutes).
  it(`a hostile spot anywhere in a whole scenario gives a clean result or a catalogue error (${Math.max(1000, Math.ceil(runs(1000) / 5))} runs)`, () => {
    assertScenarios(
      'whole-mutation',
      fullScenarioArb
        .chain((scenario) => fc.tuple(fc.constant(scenario), fc.constantFrom(...paths(scenario)), wholeMutationArb))
        .map(([scenario, path, mutation]) => ({
          scenario: mutate(scenario, path, mutation),
          path,
          mutation,
        })),
      ({ scenario, mutation }) => {
        const run = () => {
          try {
            return runPeriod(scenario as Parameters<typeof runPeriod>[0]);
          } catch (error) {
            // A failed reconciliation is never an acceptable answer, even to bad input — except a
            // declared control total [控制总数] that no longer matches the mutated data (its documented refusal).
            if (
              error instanceof SynergyPayError &&
              error.code === 'RECONCILIATION_FAILED' &&
              !error.issues.every((issue) => issue.path[0] === 'controls')
            )
              throw new Error(error.message, { cause: error });
            throw error;
          }
        };
        const problems = checkOutcome(run, 2, mutation.kind === 'replace' ? mutation.value : undefined);
        expect(problems).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
      Math.max(1000, Math.ceil(runs(1000) / 5)),
      ({ scenario }) => scenario,
    );
  });
});

describe('bugs found by the whole-scenario mutation fuzz, fixed', () => {
  // Was a bug: compileCoefficientMap returns a placeholder `{ kind: 'tiers', table: undefined }`
  // when the tier table has a problem, and kpiCoefficient applied it before the caller threw the
  // issues, so a TypeError escaped linkCoefficients, companyCoefficients and runPeriod.
  const table = {
    direction: 'higherIsBetter' as const,
    bands: [{ bound: '1.2', score: '1.2' }, { score: '1' }, { bound: '0.8', score: '0.8' }, { score: '0.5' }],
  };
  const expectTierError = (call: () => unknown, path: (string | number)[]) =>
    expectError(call, 'TIER_BOUND_MISSING', path);

  it('linkCoefficients with an achievement map missing a bound gives TIER_BOUND_MISSING, not a TypeError', () => {
    expectTierError(
      () =>
        linkCoefficients({
          levels: { strong: '0.25' },
          companyKpis: [{ id: 'k', actual: '90', target: '100' }],
          achievementMap: { kind: 'tiers', table },
          departments: [{ id: 'd', coefficient: '1', relevance: { k: 'strong' } }],
        }),
      ['achievementMap', 'table', 'bands', 1, 'bound'],
    );
  });

  it('companyCoefficients with a map missing a bound gives TIER_BOUND_MISSING, not a TypeError', () => {
    expectTierError(
      () => companyCoefficients({ kpis: [{ id: 'k', actual: '90', target: '100' }], map: { kind: 'tiers', table } }),
      ['map', 'table', 'bands', 1, 'bound'],
    );
  });
});

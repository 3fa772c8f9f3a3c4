import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoScenario, runPeriod } from '../../src/index.js';
import { expectError, runs } from '../helpers.js';

/** The demo runs at size n: every person has a statement and every check holds. */
function runsAt(people: number): void {
  const result = runPeriod(demoScenario({ people }));
  expect(result.statements).toHaveLength(people);
  expect(result.checks.every((check) => check.holds)).toBe(true);
}

describe('demoScenario at every size (issue 17)', () => {
  it('runs for every company of 1 to 40 people (where small companies used to fail)', () => {
    for (let people = 1; people <= 40; people++) runsAt(people);
  });

  it('runs for any size up to 2,000 people, any front-line share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 100 }), (people, share) => {
        const result = runPeriod(demoScenario({ people, frontShare: share / 100 }));
        expect(result.statements).toHaveLength(people);
      }),
      { numRuns: runs(25) },
    );
  });

  it('10 people, 35 % front line: the only back-tech-network person joins in May, so the department shares no indicator', () => {
    const result = runPeriod(demoScenario({ people: 10, frontShare: 0.35 }));
    expect(result.statements).toHaveLength(10);
  });

  it('refuses a size beyond the largest it builds with a clear error, not a stack trace', () => {
    expectError(() => demoScenario({ people: 1_000_001 }), 'INVALID_INPUT', ['people']);
  });
});

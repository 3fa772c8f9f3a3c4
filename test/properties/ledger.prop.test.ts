/**
 * The input ledger (issue 17) on generated whole scenarios — every mechanism section at once
 * (`wholeScenarioArb`): every data row's path is in exactly one of the used rows and the
 * exclusions (complete, no duplicates), the counts agree with the lists, every ledger check
 * holds, and `trace: false` gives the same counts and exclusions without the used rows.
 */
import { describe, expect, it } from 'vitest';
import { runPeriod, type RunPeriodInput as PublicInput, type RunPeriodResult } from '../../src/index.js';
import { wholeScenarioArb, type RunPeriodInput } from '../arbitraries/scenario.js';
import { runs } from '../helpers.js';
import { assertScenarios } from './replay.js';

const run = (scenario: RunPeriodInput, trace: boolean): RunPeriodResult =>
  runPeriod({ ...(scenario as PublicInput), trace, ledgerRows: trace });

/** Every row path of the scenario's data lists, in ledger order. */
function rowPaths(scenario: RunPeriodInput, result: RunPeriodResult): string[] {
  const data = (scenario.data ?? {}) as Record<string, unknown[] | undefined>;
  return result.ledger.flatMap(({ section }) => (data[section] ?? []).map((_, i) => `$.data.${section}[${i}]`));
}

describe('the input ledger over whole scenarios', () => {
  it('every data row is used or excluded, exactly once; the same counts and exclusions with trace: false', () => {
    assertScenarios(
      'ledger',
      wholeScenarioArb({ maxPeople: 6, maxRows: 8 }),
      (scenario) => {
        const loud = run(scenario, true);
        const data = (scenario.data ?? {}) as Record<string, unknown[] | undefined>;
        const present = Object.keys(data).filter((key) => Array.isArray(data[key]));
        expect(loud.ledger.map((s) => s.section).sort()).toEqual(present.sort());
        const used = loud.ledger.flatMap((s) =>
          s.uses!.flatMap((use) => use.rows.map((i) => `$.data.${s.section}[${i}]`)),
        );
        const excluded = loud.exclusions.map((exclusion) => exclusion.path);
        const accounted = [...used, ...excluded];
        expect(new Set(accounted).size).toBe(accounted.length);
        expect([...accounted].sort()).toEqual(rowPaths(scenario, loud).sort());
        for (const s of loud.ledger) {
          expect(s.used).toBe(s.uses!.reduce((n, use) => n + use.rows.length, 0));
          for (const use of s.uses!) {
            expect(use.ids).toHaveLength(use.rows.length);
            expect(use.rows).toEqual([...use.rows].sort((a, b) => a - b));
          }
          expect(s.excluded).toBe(loud.exclusions.filter((exclusion) => exclusion.section === s.section).length);
          expect(s.rows).toBe(s.used + s.excluded);
        }
        expect(loud.checks.filter((check) => check.id.startsWith('ledger.'))).toHaveLength(loud.ledger.length);
        const quiet = run(scenario, false);
        expect(quiet.exclusions).toEqual(loud.exclusions);
        expect(quiet.ledger).toEqual(loud.ledger.map((s) => ({ ...s, uses: null })));
      },
      runs(300),
    );
  });
});

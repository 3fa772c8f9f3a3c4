/**
 * Fuzz of the period run and the CLI (issue 9 §4) with structurally valid but adversarial
 * scenarios: extreme sizes and amounts (beyond 2^53 minor units), zero pools, all-zero
 * coefficients, one-person departments, empty periods (nobody employed, nobody at all),
 * month-end and leap-day periods, version changes inside the period. No crash, and every
 * reconciliation holds (see `reconcile.ts`). A failure prints the shrunk scenario as a file to
 * replay with `synergy-pay run`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import {
  adversarialScenarioArb,
  demoTwistArb,
  largeScenario,
  scenarioArb,
  type RunPeriodInput,
} from '../arbitraries/scenario.js';
import { runs } from '../helpers.js';
import { reconciliationProblems, type RunPeriodResult } from '../properties/reconcile.js';
import { assertScenarios } from '../properties/replay.js';

// The period run and the CLI are reached dynamically, so this suite compiles (and skips) on a
// branch where they have not landed yet.
const exported = api as unknown as Record<string, unknown>;
const runPeriodExport = exported.runPeriod as ((input: RunPeriodInput) => RunPeriodResult) | undefined;
const runPeriod = (input: RunPeriodInput): RunPeriodResult =>
  (runPeriodExport as (input: RunPeriodInput) => RunPeriodResult)(input);
const demoScenario = exported.demoScenario as
  ((input: { people?: number; seed?: number }) => RunPeriodInput) | undefined;
const SynergyPayError = api.SynergyPayError;
const cliPath = '../../src/cli/main.js';
interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly progress: boolean;
  readonly readBytes: (path: string) => Uint8Array;
  readonly writeTextAtomically: (path: string, text: string) => void;
}
const main = (
  runPeriodExport === undefined
    ? undefined
    : ((await import(/* @vite-ignore */ cliPath)) as { main: (argv: string[], io: CliIo) => number }).main
) as (argv: string[], io: CliIo) => number;

/** An in-memory CLI: files from `files`, output collected. */
function memoryIo(
  files: Record<string, string>,
): CliIo & { stdout: () => string; stderr: () => string; written: Map<string, string> } {
  let out = '';
  let err = '';
  const written = new Map<string, string>();
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    progress: false,
    readBytes: (path) => {
      const text = files[path];
      if (text === undefined)
        throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
    writeTextAtomically: (path, text) => void written.set(path, text),
    stdout: () => out,
    stderr: () => err,
    written,
  };
}

describe.skipIf(runPeriodExport === undefined)(
  'runPeriod fuzz: adversarial scenarios never crash and always reconcile',
  () => {
    it('adversarial scenarios (extreme amounts, empty periods, zero coefficients, one-person units, version changes)', () => {
      assertScenarios(
        'runPeriod-adversarial',
        adversarialScenarioArb,
        (scenario) => {
          const result = runPeriod(scenario);
          expect(reconciliationProblems(scenario, result)).toEqual([]);
        },
        runs(1000),
      );
    });

    it('the demo company made hostile (zero or full pool, zero scores and coefficients, nobody employed, tiny headcounts) reconciles', () => {
      assertScenarios(
        'runPeriod-demo-twisted',
        demoTwistArb(demoScenario as (input: { people?: number; seed?: number }) => RunPeriodInput),
        (scenario) => {
          let result;
          try {
            result = runPeriod(scenario);
          } catch (error) {
            // Known limitation of demoScenario itself (reported): some small companies it builds
            // leave an interlock party department with nobody employed in a segment. Skip those.
            if (error instanceof SynergyPayError && /nobody in it is employed/.test(error.message)) {
              fc.pre(false);
              return;
            }
            throw error;
          }
          expect(reconciliationProblems(scenario, result)).toEqual([]);
        },
        // Each run is a whole 35–60 person company with every mechanism (~50 ms): 100 runs in CI,
        // a tenth of FUZZ_RUNS in a soak (10,000 at FUZZ_RUNS=100000, about 9 minutes).
        Math.max(100, Math.ceil(runs(1000) / 10)),
      );
    });

    it('ordinary scenarios reconcile too (the arbitrary a developer reuses)', () => {
      assertScenarios(
        'runPeriod-ordinary',
        scenarioArb,
        (scenario) => {
          expect(reconciliationProblems(scenario, runPeriod(scenario))).toEqual([]);
        },
        runs(1000),
      );
    });

    it('a 2,000-person quarter with joiners, leavers and a prorated version change reconciles', () => {
      const scenario = largeScenario(2_000, 25);
      expect(reconciliationProblems(scenario, runPeriod(scenario))).toEqual([]);
    });

    it('a period with nobody employed gives statements of zero and no pool', () => {
      const scenario: RunPeriodInput = {
        plan: {
          id: 'empty',
          currency: 'CNY',
          versions: [
            { id: 'v1', effective: '2026-01-01', grades: [{ id: 'G', basePay: '8000.00', targetBonus: '2000.00' }] },
          ],
        },
        period: { unit: 'month', start: '2026-03-01' },
        // Joined after the month, left before it.
        org: {
          departments: [{ id: 'd', side: 'back' }],
          people: [
            { id: 'late', department: 'd', grade: 'G', start: '2026-04-01' },
            { id: 'gone', department: 'd', grade: 'G', end: '2026-02-28' },
          ],
        },
      };
      const result = runPeriod(scenario);
      expect(reconciliationProblems(scenario, result)).toEqual([]);
      // 0 employed days of 31: base 8000.00 × 0 / 31 = 0 for both.
      expect(result.statements.map((statement) => statement.total)).toEqual(['0.00', '0.00']);
    });
  },
);

describe.skipIf(runPeriodExport === undefined)('CLI fuzz: `synergy-pay run` on generated scenario files', () => {
  it('exits 0 and prints exactly runPeriod’s result as JSON for valid scenarios', () => {
    assertScenarios(
      'cli-run',
      adversarialScenarioArb,
      (scenario) => {
        const io = memoryIo({ 'scenario.json': JSON.stringify(scenario) });
        const code = main(['run', 'scenario.json', '--format', 'json'], io);
        expect(io.stderr()).not.toMatch(/unexpected error|TypeError|at .*\.ts:/);
        expect(code).toBe(0);
        expect(JSON.parse(io.stdout())).toEqual(JSON.parse(JSON.stringify(runPeriod(scenario))));
      },
      runs(1000),
    );
  });

  it('exits 2 with a path-bearing message, never 1 or a stack, on hostile files', () => {
    const hostileText = fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '\uFEFF{}',
        '{',
        'null',
        '[]',
        '42',
        '"scenario"',
        '{"plan":',
        `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
        '{"__proto__":{"polluted":true}}',
      ),
      fc.string({ maxLength: 40 }),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      // A valid scenario with one field replaced by a hostile JSON value.
      fc
        .tuple(
          scenarioArb,
          fc.constantFrom('plan', 'period', 'org', 'data'),
          fc.constantFrom<unknown>(null, 1, 'x', [], {}, { $number: 'NaN' }),
        )
        .map(([scenario, key, value]) => JSON.stringify({ ...scenario, [key]: value })),
    );
    fc.assert(
      fc.property(hostileText, (text) => {
        const io = memoryIo({ 'bad.json': text });
        const code = main(['run', 'bad.json'], io);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (code === 0) return; // Some generated JSON may be a valid (empty) scenario.
        expect(code, io.stderr()).toBe(2);
        expect(io.stderr()).not.toMatch(/unexpected error|TypeError|\n\s+at /);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('explains every person of a generated scenario (exit 0)', () => {
    assertScenarios(
      'cli-explain',
      scenarioArb.filter((scenario) => scenario.org.people.length > 0),
      (scenario) => {
        const person = scenario.org.people[scenario.org.people.length - 1]?.id as string;
        const io = memoryIo({ 's.json': JSON.stringify(scenario) });
        expect(main(['explain', 's.json', person], io), io.stderr()).toBe(0);
        expect(io.stdout()).toContain(person);
      },
      runs(1000),
    );
  });
});

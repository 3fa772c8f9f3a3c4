import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'vitest';
import { SynergyPayError } from '../src/core/errors.js';
import type { ErrorCode } from '../src/core/codes.js';
import type { RunPeriodInput } from '../src/index.js';

/**
 * Runs `run`, expects a {@link SynergyPayError} with `code`, and (when given) an issue at `path`
 * carrying that code. Returns the error for further checks.
 */
export function expectError(run: () => unknown, code: ErrorCode, path?: readonly (string | number)[]): SynergyPayError {
  const error = refusalOf(run, `expected ${code} to be thrown`);
  const codes = error.issues.map((issue) => issue.code);
  expect(codes, error.message).toContain(code);
  if (path !== undefined) {
    expect(
      error.issues.some((issue) => issue.code === code && JSON.stringify(issue.path) === JSON.stringify(path)),
      `no ${code} issue at ${JSON.stringify(path)}: ${JSON.stringify(error.issues)}`,
    ).toBe(true);
  }
  return error;
}

/** The library's refusal of `work`: it must throw a {@link SynergyPayError}, which is returned. */
export function refusalOf(work: () => unknown, message?: string): SynergyPayError {
  let caught: unknown;
  try {
    work();
  } catch (error) {
    caught = error;
  }
  expect(caught, message).toBeInstanceOf(SynergyPayError);
  return caught as SynergyPayError;
}

/** Number of fast-check runs: at least `base`, more when FUZZ_RUNS is set. */
export function runs(base = 1000): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? Math.max(base, fromEnv) : base;
}

/**
 * A period result with its input ledger made independent of the input order: the ledger's paths
 * (`$.data.ratings[12]`), row indices and order follow the input order by design — the only part
 * of the result that does — so determinism properties compare what each used row fed (by id) and
 * the exclusions without their paths, sorted.
 */
export function orderFreeLedger(result: { ledger: readonly object[]; exclusions: readonly object[] }): unknown {
  const unpathed = (rows: readonly object[]) =>
    rows.map(({ path: _path, ...row }: { path?: string }) => JSON.stringify(row)).sort();
  type Uses = { uses?: readonly { into: string; ids: readonly string[] }[] | null };
  return {
    ...result,
    ledger: result.ledger.map(({ uses, ...section }: Uses) => ({
      ...section,
      uses: uses ? uses.flatMap(({ into, ids }) => ids.map((id) => JSON.stringify([into, id]))).sort() : null,
    })),
    exclusions: unpathed(result.exclusions),
  };
}

/** V8's full collection (`gc`), exposed for the test. */
export function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Watches objects for garbage collection: `watch` each, let go of every reference, then
 * `expectCollected` forces collections (V8's `gc`, exposed for the test) until each has been
 * collected, and fails the test when one is still held — by the code under test.
 */
export function collectionWatch(): { watch: (object: object) => void; expectCollected: () => Promise<void> } {
  let watched = 0;
  let collected = 0;
  const registry = new FinalizationRegistry<number>(() => {
    collected++;
  });
  const gc = fullCollection();
  return {
    watch: (object) => {
      registry.register(object, watched++);
    },
    expectCollected: async () => {
      for (let i = 0; i < 20 && collected < watched; i++) {
        gc();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(collected, 'objects still held').toBe(watched);
    },
  };
}

/**
 * Makes a scenario (`make`), watches its tickets, ratings and revenue facts (each list not empty)
 * and hands it to `use` inside a frame of its own: only what `use` returns is kept, so the rows
 * can be collected unless `use`'s result holds them.
 */
export function handOverWatched<T>(
  watch: ReturnType<typeof collectionWatch>,
  make: () => RunPeriodInput,
  use: (scenario: RunPeriodInput) => T,
): T {
  const scenario = make();
  const { tickets, ratings, revenueFacts } = scenario.data!;
  expect([tickets!.length, ratings!.length, revenueFacts!.length].every((n) => n > 0)).toBe(true);
  for (const row of [...tickets!, ...ratings!, ...revenueFacts!]) watch.watch(row);
  return use(scenario);
}

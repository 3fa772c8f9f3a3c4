/**
 * Property runner for whole scenarios: like `fc.assert`, but a failure writes the shrunk
 * counterexample to a scenario file and prints it with the command that replays it:
 *
 *     counterexample written to /tmp/synergy-pay-counterexample-….json
 *     replay: synergy-pay run /tmp/synergy-pay-counterexample-….json --format json
 *     (or: npx tsx src/cli/bin.ts run …; fast-check: { seed: …, path: "…" })
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** JSON with bigints as strings (scenarios hold none, but a property's extra values might). */
const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner), 2);

/**
 * Checks `predicate` on scenarios from `scenarios` (`numRuns` runs); on failure throws an error
 * carrying the shrunk scenario JSON, the file it was written to and the replay command. When the
 * generated value is more than a scenario (a scenario with shuffle seeds, say), `scenarioOf`
 * picks the scenario out of it for the file; the whole value is printed too.
 */
export function assertScenarios<S>(
  name: string,
  scenarios: fc.Arbitrary<S>,
  predicate: (scenario: S) => void,
  numRuns: number,
  scenarioOf?: (value: S) => unknown,
): void {
  const details = fc.check(fc.property(scenarios, predicate), { numRuns });
  if (!details.failed) return;
  const value = details.counterexample?.[0] as S;
  const scenario = scenarioOf === undefined || details.counterexample === null ? value : scenarioOf(value);
  const file = join(tmpdir(), `synergy-pay-counterexample-${name.replace(/[^a-z0-9]+/gi, '-')}-${details.seed}.json`);
  const text = toJson(scenario);
  writeFileSync(file, `${text}\n`);
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    [
      `${name}: failed after ${details.numRuns} runs (${details.numShrinks} shrinks): ${cause.slice(0, 2000)}`,
      `counterexample written to ${file}`,
      `replay: synergy-pay run ${file} --format json   (in the repo: npx tsx src/cli/bin.ts run ${file} --format json)`,
      `fast-check: { seed: ${details.seed}, path: "${details.counterexamplePath}" }`,
      ...(scenarioOf === undefined ? [] : [`generated value besides the scenario: ${toJson(value).slice(0, 2000)}`]),
      'scenario:',
      text.length > 20_000 ? `${text.slice(0, 20_000)}\n… (truncated; full text in the file)` : text,
    ].join('\n'),
  );
}

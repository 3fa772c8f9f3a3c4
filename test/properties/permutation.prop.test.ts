/**
 * Determinism under permutation (SPEC §1.4, §5), across every public function at once: a valid
 * input with every list shuffled and every object's keys in reverse order gives byte-identical
 * JSON, and the result is clean plain JSON. Lists whose order means something (a tier table's
 * `bands`) are kept in place — see `orderedKeys` in the arbitraries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { inputSources } from '../arbitraries/inputs.js';
import { shuffleDeep } from '../arbitraries/index.js';
import { orderFreeLedger, runs } from '../helpers.js';
import { hygieneProblems } from './hygiene.js';

const callable = api as unknown as Record<string, (input: unknown) => unknown>;
const sources = inputSources.filter((source) => typeof callable[source.target] === 'function');

/**
 * A result with every period result in it (`runPeriod`'s, a correction's re-run) holding its input
 * ledger without paths: the ledger names rows where the input has them, by design.
 */
function ledgersOrderFree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ledgersOrderFree);
  if (value === null || typeof value !== 'object') return value;
  const record = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, ledgersOrderFree(item)]));
  return 'ledger' in record && 'exclusions' in record
    ? orderFreeLedger(record as { ledger: object[]; exclusions: object[] })
    : record;
}

/** The result as JSON, or the error's code and issues as JSON (errors must be deterministic too). */
function outcome(target: string, input: unknown): string {
  try {
    return JSON.stringify(ledgersOrderFree((callable[target] as (input: unknown) => unknown)(input)));
  } catch (error) {
    if (!(error instanceof api.SynergyPayError)) throw error;
    return `error ${error.code} ${JSON.stringify(error.issues)}`;
  }
}

describe('every public function: permuted input, byte-identical output', () => {
  it.each(sources.map((source) => [source.target, source] as const))('%s', (_target, source) => {
    fc.assert(
      fc.property(source.input, fc.array(fc.nat(), { minLength: 1, maxLength: 16 }), (input, seeds) => {
        const expected = outcome(source.target, input);
        expect(expected.startsWith('error'), `valid input refused: ${expected.slice(0, 300)}`).toBe(false);
        expect(hygieneProblems(JSON.parse(expected), 2)).toEqual([]);
        expect(outcome(source.target, shuffleDeep(input, seeds))).toBe(expected);
      }),
      { numRuns: runs(1000) },
    );
  });
});

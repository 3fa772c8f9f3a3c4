/**
 * Mutation fuzz (issue 9 §3–4): take a valid input of every public function, make one spot
 * hostile — a leaf replaced by NaN, Infinity, 2^53, "1e5", "1,234", blank or padded text, null,
 * the wrong type, an object with an own `__proto__`; a key deleted or added; an array row
 * duplicated — and call the function. It must either return a clean plain-JSON result or throw
 * the library's error with catalogue codes and array paths: never a TypeError, a hang, a NaN in
 * the output, or a polluted prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { inputSources } from '../arbitraries/inputs.js';
import { runs } from '../helpers.js';
import { checkOutcome, mutate, mutationArb, paths, type Path } from './mutate.js';

const callable = api as unknown as Record<string, (input: unknown) => unknown>;
const sources = inputSources.filter((source) => typeof callable[source.target] === 'function');

describe('mutation fuzz: one hostile spot in a valid input never breaks a public function', () => {
  it.each(sources.map((source) => [source.target, source] as const))('%s', (_target, source) => {
    const fn = callable[source.target] as (input: unknown) => unknown;
    fc.assert(
      fc.property(
        source.input.chain((input) => {
          const all = paths(input);
          return fc.tuple(
            fc.constant(input),
            all.length === 0 ? fc.constant<Path>([]) : fc.constantFrom(...all),
            mutationArb,
          );
        }),
        ([input, path, mutation]) => {
          const mutated =
            path.length === 0 ? (mutation.kind === 'replace' ? mutation.value : input) : mutate(input, path, mutation);
          const problems = checkOutcome(() => fn(mutated), 2, mutation.kind === 'replace' ? mutation.value : undefined);
          expect(problems, `${source.target} with ${mutation.kind} at ${JSON.stringify(path)}`).toEqual([]);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('a hostile whole input (not an object at all) gives INVALID_INPUT', () => {
    for (const source of sources)
      for (const value of [null, undefined, 42, 'x', [], [{}], true])
        expect(
          checkOutcome(() => (callable[source.target] as (input: unknown) => unknown)(value)),
          source.target,
        ).toEqual([]);
  });
});

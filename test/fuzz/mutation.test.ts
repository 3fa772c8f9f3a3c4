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
import { hygieneProblems } from '../properties/hygiene.js';

const callable = api as unknown as Record<string, (input: unknown) => unknown>;
const sources = inputSources.filter((source) => typeof callable[source.target] === 'function');

const hostile: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  Number.NaN,
  Infinity,
  -Infinity,
  2 ** 53,
  -1,
  -0.0001,
  1e21,
  '1e5',
  '1,234',
  '',
  ' ',
  ' 1 ',
  'NaN',
  'Infinity',
  '0x10',
  '-',
  '.',
  '1.',
  '１２',
  null,
  true,
  {},
  [],
  [[]],
  'x'.repeat(100_000),
  '2026-02-30',
  '2026-03-02T25:00:00Z',
  JSON.parse('{"__proto__":{"polluted":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
);

type Path = (string | number)[];

/** Every path inside a JSON value (containers and leaves), root excluded. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((inner, i) => (out.push([...prefix, i]), paths(inner, [...prefix, i], out)));
  else if (value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value)) (out.push([...prefix, key]), paths(inner, [...prefix, key], out));
  return out;
}

type Mutation = { kind: 'replace'; value: unknown } | { kind: 'delete' } | { kind: 'addKey' } | { kind: 'duplicate' };

/** A deep copy of `input` with one mutation at `path`. */
function mutate(input: unknown, path: Path, mutation: Mutation): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (mutation.kind === 'replace') parent[last] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (mutation.kind === 'addKey') {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>).unexpected = 1;
    else parent[last] = { unexpected: target };
  } else if (Array.isArray(parent)) parent.push(structuredClone(parent[last]));
  else parent[last] = [parent[last], parent[last]];
  return copy;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: hostile.map((value): Mutation => ({ kind: 'replace', value })) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'delete' }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'addKey' }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'duplicate' }) },
);

/** What a call may do: return clean JSON, or throw SynergyPayError with catalogue codes. */
export function checkOutcome(call: () => unknown, digitsGuess = 2, echoed?: unknown): string[] {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (!(error instanceof api.SynergyPayError)) return [`threw ${(error as Error)?.constructor?.name}: ${String((error as Error)?.message ?? error).slice(0, 300)}`];
    const problems: string[] = [];
    if (!(error.code in api.errorCatalogue)) problems.push(`code ${error.code} not in the catalogue`);
    if (error.issues.length === 0) problems.push('no issues');
    for (const issue of error.issues) {
      if (!(issue.code in api.errorCatalogue)) problems.push(`issue code ${issue.code} not in the catalogue`);
      if (!Array.isArray(issue.path) || issue.path.some((step) => typeof step !== 'string' && typeof step !== 'number')) problems.push(`bad path ${String(issue.path)}`);
      if (typeof issue.message !== 'string' || issue.message.length === 0 || /undefined is not|Cannot read|is not a function/.test(issue.message)) problems.push(`bad message ${issue.message}`);
    }
    return problems;
  }
  // Money digits differ by currency: here only the JSON hygiene (no NaN, no undefined, plain
  // objects). A hostile text accepted as an id ("NaN" is a valid id) may be echoed back as given.
  return hygieneProblems(result, digitsGuess, [], echoed);
}

describe('mutation fuzz: one hostile spot in a valid input never breaks a public function', () => {
  it.each(sources.map((source) => [source.target, source] as const))('%s', (_target, source) => {
    const fn = callable[source.target] as (input: unknown) => unknown;
    fc.assert(
      fc.property(
        source.input.chain((input) => {
          const all = paths(input);
          return fc.tuple(fc.constant(input), all.length === 0 ? fc.constant<Path>([]) : fc.constantFrom(...all), mutationArb);
        }),
        ([input, path, mutation]) => {
          const mutated = path.length === 0 ? (mutation.kind === 'replace' ? mutation.value : input) : mutate(input, path, mutation);
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
        expect(checkOutcome(() => (callable[source.target] as (input: unknown) => unknown)(value)), source.target).toEqual([]);
  });
});

/**
 * The mutation fuzz's tools (issue 9 §3–4), shared by `mutation.test.ts` (every public function)
 * and `wholeScenario.mutation.test.ts` (whole period scenarios): hostile values, the paths of a
 * JSON value, one mutation at a path, and the check that a call either returns clean plain JSON
 * or throws the library's error with catalogue codes and array paths.
 */
import fc from 'fast-check';
import * as api from '../../src/index.js';
import { hygieneProblems } from '../properties/hygiene.js';

export const hostile: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
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

export type Path = (string | number)[];

/** Every path inside a JSON value (containers and leaves), root excluded. */
export function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value))
    value.forEach((inner, i) => {
      out.push([...prefix, i]);
      paths(inner, [...prefix, i], out);
    });
  else if (value !== null && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      out.push([...prefix, key]);
      paths(inner, [...prefix, key], out);
    }
  return out;
}

export type Mutation =
  { kind: 'replace'; value: unknown } | { kind: 'delete' } | { kind: 'addKey' } | { kind: 'duplicate' };

/** A deep copy of `input` with one mutation at `path`. */
export function mutate(input: unknown, path: Path, mutation: Mutation): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (mutation.kind === 'replace') parent[last] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the fuzz removes the key at a generated path on purpose, to build a hostile input
    else delete parent[last];
  } else if (mutation.kind === 'addKey') {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      (target as Record<string, unknown>).unexpected = 1;
    else parent[last] = { unexpected: target };
  } else if (Array.isArray(parent)) parent.push(structuredClone(parent[last]));
  else parent[last] = [parent[last], parent[last]];
  return copy;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
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
    if (!(error instanceof api.SynergyPayError)) {
      // Anything may be thrown (null, a string, a plain object), so nothing about it is assumed.
      const thrown = error as { constructor?: { name?: string }; message?: unknown } | null | undefined;
      return [`threw ${String(thrown?.constructor?.name)}: ${String(thrown?.message ?? error).slice(0, 300)}`];
    }
    const problems: string[] = [];
    if (!(error.code in api.errorCatalogue)) problems.push(`code ${error.code} not in the catalogue`);
    if (error.issues.length === 0) problems.push('no issues');
    for (const issue of error.issues) {
      if (!(issue.code in api.errorCatalogue)) problems.push(`issue code ${issue.code} not in the catalogue`);
      if (!Array.isArray(issue.path) || issue.path.some((step) => typeof step !== 'string' && typeof step !== 'number'))
        problems.push(`bad path ${String(issue.path)}`);
      if (
        typeof issue.message !== 'string' ||
        issue.message.length === 0 ||
        /undefined is not|Cannot read|is not a function/.test(issue.message)
      )
        problems.push(`bad message ${issue.message}`);
    }
    return problems;
  }
  // Money digits differ by currency: here only the JSON hygiene (no NaN, no undefined, plain
  // objects). A hostile text accepted as an id ("NaN" is a valid id) may be echoed back as given.
  return hygieneProblems(result, digitsGuess, [], echoed);
}

import { SynergyPayError, type Issue, type IssuePath } from '../core/errors.js';

/**
 * Calls a mechanism's public function and, when it refuses its input, re-throws the error with
 * every issue's path translated into the scenario (`["tickets", 5, "opened"]` →
 * `["data", "tickets", 5, "opened"]`), so a scenario file's user sees where to look.
 */
export function withScenarioPaths<T>(run: () => T, translate: (path: IssuePath, issue: Issue) => IssuePath): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SynergyPayError)
      throw new SynergyPayError(error.issues.map((issue) => ({ ...issue, path: translate(issue.path, issue) })));
    throw error;
  }
}

/**
 * A path translator for inputs built from scenario parts: the first key of the mechanism's path
 * is looked up in `roots` (e.g. `{ tickets: ["data", "tickets"], response: ["plan", "versions", 0,
 * "responseTimes", "response"] }`); unknown keys go under `fallback`.
 */
export function rootPaths(
  roots: Readonly<Record<string, IssuePath>>,
  fallback: IssuePath,
): (path: IssuePath) => IssuePath {
  return (path) => {
    const [head, ...rest] = path;
    const root = typeof head === 'string' && Object.hasOwn(roots, head) ? roots[head] : undefined;
    return root === undefined ? [...fallback, ...path] : [...root, ...rest];
  };
}

/** Arrays whose order carries meaning (a tier table's bands are listed best first). */
const ORDERED_ARRAYS = new Set(['bands']);

/**
 * A text that is equal for two plan settings exactly when they mean the same thing, whatever the
 * order of their rows or keys: rows are sorted by their own canonical text (bands keep their
 * order). Segments whose settings have the same key share one run of a mechanism.
 */
export function canonicalKey(value: unknown, key = ''): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonicalKey(item));
    if (!ORDERED_ARRAYS.has(key)) items.sort();
    return `[${items.join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalKey((value as Record<string, unknown>)[k], k)}`).join(',')}}`;
  }
  // A setting left out: JSON.stringify would give undefined (though typed string).
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

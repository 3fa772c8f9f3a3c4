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
    if (error instanceof SynergyPayError) throw new SynergyPayError(error.issues.map((issue) => ({ ...issue, path: translate(issue.path, issue) })));
    throw error;
  }
}

/**
 * A path translator for inputs built from scenario parts: the first key of the mechanism's path
 * is looked up in `roots` (e.g. `{ tickets: ["data", "tickets"], response: ["plan", "versions", 0,
 * "responseTimes", "response"] }`); unknown keys go under `fallback`.
 */
export function rootPaths(roots: Readonly<Record<string, IssuePath>>, fallback: IssuePath): (path: IssuePath) => IssuePath {
  return (path) => {
    const [head, ...rest] = path;
    const root = typeof head === 'string' && Object.hasOwn(roots, head) ? roots[head] : undefined;
    return root === undefined ? [...fallback, ...path] : [...root, ...rest];
  };
}

/** Problems the user can fix: how the CLI reports refused input (exit code 2) and tells a bug from it. */
import { formatPath, SynergyPayError } from '../index.js';

/** Exit code for bad input or bad arguments. */
export const EXIT_BAD_INPUT = 2;

/** A problem the user can fix; printed without a stack, exit code 2. */
export class InputProblem extends Error {}

/**
 * Whether a library error reports a bug rather than bad input: a `RECONCILIATION_FAILED` that is
 * not about a declared control total (`controls.…` in its path) means one of the run's own
 * conservation checks failed. It is not the user's to fix: exit 1, "please report it". A control
 * total that does not reconcile is refused input like any other (exit 2).
 */
export function isInternalFailure(error: SynergyPayError): boolean {
  return error.issues.some((issue) => issue.code === 'RECONCILIATION_FAILED' && !issue.path.includes('controls'));
}

/** Where an issue is in a scenario folder (its file, line and column), for issues of a folder scenario. */
export type Locate = (path: readonly (string | number)[]) => string | undefined;

/**
 * Calls the library; its refusals become {@link InputProblem}s listing every issue of `what` with
 * its JSON path, or with `locate`, its file, line and column in a scenario folder.
 */
export function library<T>(what: string, call: () => T, locate?: Locate): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof SynergyPayError && !isInternalFailure(error))
      throw new InputProblem(describeProblems(what, error, locate));
    throw error;
  }
}

const MAX_LISTED = 50;

/** Every issue of an error on its own line: JSON path (or, with `locate`, file, line and column), code, message. */
export function describeProblems(file: string, error: SynergyPayError, locate?: Locate): string {
  const count = error.issues.length;
  const lines = [`synergy-pay: ${file} has ${count} problem${count === 1 ? '' : 's'} (${error.code}):`];
  for (const issue of error.issues.slice(0, MAX_LISTED))
    lines.push(`  ${locate?.(issue.path) ?? jsonPath(issue.path)}  ${issue.code}  ${issue.message}`);
  if (count > MAX_LISTED) lines.push(`  … and ${count - MAX_LISTED} more`);
  return lines.join('\n');
}

/** `$.plan.versions[1].effective` (`$` for the root). */
export function jsonPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '$';
  const text = formatPath(path);
  return text.startsWith('[') ? `$${text}` : `$.${text}`;
}

/** The error code of a failed file operation (`ENOENT`, …), else its message. */
export function ioError(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

import type * as z from 'zod/mini';
import { type ErrorCode } from './codes.js';
import { DECIMAL_TYPE_MESSAGE } from './decimalInput.js';

/** A path to a field inside a function's input, e.g. `["shares", 3, "weight"]`. */
export type IssuePath = readonly (string | number)[];

/** One problem found in an input. */
export interface Issue {
  /** The stable code of this problem (see the error catalogue). */
  readonly code: ErrorCode;
  /** Where in the input the problem is: keys and array indexes from the root. */
  readonly path: IssuePath;
  /** What is wrong, in words. */
  readonly message: string;
}

/**
 * The one error class synergy-pay throws for bad input.
 *
 * `code` is stable and documented in the error catalogue; `issues` lists every problem with the
 * path of the bad field. When all issues share a code the error carries it, otherwise
 * `INVALID_INPUT`.
 *
 * @example
 * ```ts
 * import { allocate, SynergyPayError } from 'synergy-pay';
 * try {
 *   allocate({ total: '10.00', currency: 'CNY', shares: [{ id: 'a', weight: 'x' }] });
 * } catch (error) {
 *   if (error instanceof SynergyPayError) console.log(error.code, error.issues[0]?.path);
 * }
 * ```
 */
export class SynergyPayError extends Error {
  /** The stable code (see the error catalogue). */
  readonly code: ErrorCode;
  /** Every problem found, each with the path of the bad field. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    const first = issues[0];
    const code: ErrorCode =
      first !== undefined && issues.every((issue) => issue.code === first.code) ? first.code : 'INVALID_INPUT';
    const summary = issues
      .slice(0, 5)
      .map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
      .join('; ');
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    super(`${code}: ${summary}${more}`);
    this.name = 'SynergyPayError';
    this.code = code;
    this.issues = issues;
  }

  /** A plain-data copy, safe to serialise as JSON. */
  toJSON(): { name: string; code: ErrorCode; message: string; issues: Issue[] } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues.map((i) => ({ ...i })) };
  }
}

/**
 * Renders a path as `shares[3].weight` (`(root)` for the empty path).
 *
 * @example
 * ```ts
 * import { formatPath } from 'synergy-pay';
 * formatPath(['shares', 3, 'weight']); // 'shares[3].weight'
 * ```
 */
export function formatPath(path: IssuePath): string {
  if (path.length === 0) return '(root)';
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text === '' ? key : `.${key}`;
  return text;
}

/** Orders issue paths key by key: indexes as numbers, names as strings, a prefix first. */
export function comparePaths(a: IssuePath, b: IssuePath): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** Throws a {@link SynergyPayError} with one issue. */
export function fail(code: ErrorCode, path: IssuePath, message: string): never {
  throw new SynergyPayError([{ code, path, message }]);
}

/** Collects issues and throws them together, so a user sees every problem at once. */
export class IssueList {
  readonly items: Issue[] = [];
  add(code: ErrorCode, path: IssuePath, message: string): void {
    this.items.push({ code, path, message });
  }
  get size(): number {
    return this.items.length;
  }
  /** Throws if any issue was added. */
  throwIfAny(): void {
    if (this.items.length > 0) throw new SynergyPayError(this.items);
  }
}

/** Converts a zod error into the library's error; custom checks may name their code in `params.code`. */
export function fromZodError(error: z.core.$ZodError): SynergyPayError {
  return new SynergyPayError(
    error.issues.map((issue) => {
      const params = (issue as { params?: { code?: ErrorCode } }).params;
      const decimalType = issue.code === 'invalid_union' && issue.message === DECIMAL_TYPE_MESSAGE;
      return {
        code: params?.code ?? (decimalType ? 'INVALID_DECIMAL' : 'INVALID_INPUT'),
        path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
        message: issue.message,
      };
    }),
  );
}

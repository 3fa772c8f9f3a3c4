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
 * The brand every {@link SynergyPayError} carries, in the global symbol registry so that the
 * ESM and the CommonJS builds (two copies of the class in one process) share it.
 */
const errorBrand = Symbol.for('synergy-pay.error');

/**
 * The one error class synergy-pay throws for bad input.
 *
 * `code` is stable and documented in the error catalogue; `issues` lists every problem with the
 * path of the bad field. When all issues share a code the error carries it, otherwise
 * `INVALID_INPUT`.
 *
 * Each error carries a brand on `Symbol.for('synergy-pay.error')`, and `instanceof
 * SynergyPayError` checks that brand: an error thrown by the CommonJS build is recognised by code
 * that imported the ESM build, and the other way round (the dual-package hazard).
 * {@link isSynergyPayError} (also `SynergyPayError.is`) is the same test as a type guard.
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
    // Not enumerable: JSON, spreads and deep-equality checks see the same fields as before.
    Object.defineProperty(this, errorBrand, { value: true });
  }

  /**
   * Whether `value` is a synergy-pay error, from whichever build of the library threw it; the
   * same test as {@link isSynergyPayError}.
   *
   * @param value - Anything, typically what a `catch` caught.
   * @returns `true` if `value` carries the synergy-pay error brand.
   */
  static is(value: unknown): value is SynergyPayError {
    return isSynergyPayError(value);
  }

  /**
   * `value instanceof SynergyPayError` is true for an error from any build of the library (the
   * brand); for a subclass, `value instanceof Subclass` keeps the ordinary prototype check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // `this` is the class right of `instanceof`. Only this class's prototype extends Error's
    // directly; a subclass falls back to the prototype chain. (Naming the class here would make
    // bundlers rename it, and `error.constructor.name` would read `_SynergyPayError`.)
    if (Object.getPrototypeOf(this.prototype) !== Error.prototype) {
      return Function.prototype[Symbol.hasInstance].call(this, value);
    }
    return isSynergyPayError(value);
  }

  /** A plain-data copy, safe to serialise as JSON. */
  toJSON(): { name: string; code: ErrorCode; message: string; issues: Issue[] } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues.map((i) => ({ ...i })) };
  }
}

/**
 * Tells whether a value is a {@link SynergyPayError}, whichever build of synergy-pay threw it.
 *
 * A process can load both builds of the library: one dependency `require`s it (CommonJS),
 * another `import`s it (ESM), and each build has its own copy of the class. This test reads the
 * brand on `Symbol.for('synergy-pay.error')`, which both copies share, instead of comparing
 * classes. `instanceof SynergyPayError` does the same; `SynergyPayError.is` is this function.
 *
 * @param value - Anything, typically what a `catch` caught.
 * @returns `true` if `value` is a synergy-pay error (then `code` and `issues` are typed).
 *
 * @example
 * ```ts
 * import { allocate, isSynergyPayError } from 'synergy-pay';
 * try {
 *   allocate({ total: '10.00', currency: 'CNY', shares: [{ id: 'a', weight: -1 }] });
 * } catch (error) {
 *   if (isSynergyPayError(error)) console.log(error.code); // 'NEGATIVE_VALUE'
 * }
 * ```
 */
export function isSynergyPayError(value: unknown): value is SynergyPayError {
  return typeof value === 'object' && value !== null && (value as { [errorBrand]?: unknown })[errorBrand] === true;
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

import { IssueList } from '../core/errors.js';

/**
 * Refuses an own `__proto__` key in a record field of raw input (e.g. from `JSON.parse`). zod's
 * `z.record` drops such a key silently, which would lose a row; we refuse it instead.
 *
 * `fields` lists, for each record field, how to reach it: a path of keys where `'*'` means
 * "every element of this array". Returns the issues found (none for well-formed input).
 */
export function refuseProtoKeys(input: unknown, fields: readonly (readonly string[])[]): IssueList {
  const issues = new IssueList();
  const visit = (value: unknown, rest: readonly string[], path: (string | number)[]): void => {
    if (value === null || typeof value !== 'object') return;
    if (rest.length === 0) {
      if (!Array.isArray(value) && Object.hasOwn(value, '__proto__'))
        issues.add('INVALID_INPUT', [...path, '__proto__'], '"__proto__" cannot be used as a key');
      return;
    }
    const [head, ...tail] = rest as [string, ...string[]];
    if (head === '*') {
      if (Array.isArray(value))
        value.forEach((item, i) => {
          visit(item, tail, [...path, i]);
        });
      return;
    }
    if (Object.hasOwn(value, head)) visit((value as Record<string, unknown>)[head], tail, [...path, head]);
  };
  for (const field of fields) visit(input, field, []);
  return issues;
}

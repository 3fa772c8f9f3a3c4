import type * as z from 'zod/mini';
import { fromZodError, type IssueList, type IssuePath } from './errors.js';

type ZodIssue = z.core.$ZodRawIssue;

const plural = (n: number | bigint, unit: string) => `${n} ${unit}${n === 1 || n === 1n ? '' : 's'}`;

/** A value's kind in words, for messages ("a string", "null", "an array"). */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * English messages for zod's issues. `zod/mini` ships no messages (they would cost every bundle
 * the locale), so the library words its own, per parse, without touching zod's global config.
 */
function messageOf(issue: ZodIssue): string | undefined {
  const size = (origin: string, n: number | bigint) =>
    origin === 'string' ? plural(n, 'character') : origin === 'array' ? plural(n, 'item') : String(n);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `expected ${issue.expected}, got ${kindOf(issue.input)}`;
    case 'too_small':
      return `expected at least ${size(issue.origin, issue.minimum)}`;
    case 'too_big':
      return `expected at most ${size(issue.origin, issue.maximum)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      return `not in the expected format (${issue.format})`;
    case 'invalid_union':
      return 'matches none of the allowed forms';
    case 'invalid_key':
      return 'invalid key';
    default:
      return undefined;
  }
}

/** Parses `input` with `schema`, throwing the library's error (never zod's) on failure. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: messageOf });
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

/**
 * Adds a `DUPLICATE_ID` issue for every row whose `id` repeats an earlier row's.
 * Returns the map from id to first index.
 */
export function indexById<T extends { readonly id: string }>(
  rows: readonly T[],
  path: IssuePath,
  issues: IssueList,
  key: (row: T) => string = (row) => row.id,
): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const id = key(rows[i]!);
    const first = index.get(id);
    if (first === undefined) index.set(id, i);
    else
      issues.add(
        'DUPLICATE_ID',
        [...path, i, 'id'],
        `id "${id}" is already used at ${String(path.at(-1) ?? '')}[${first}]`,
      );
  }
  return index;
}

import type { z } from 'zod';
import { fromZodError, type IssueList, type IssuePath } from './errors.js';

/** Parses `input` with `schema`, throwing the library's error (never zod's) on failure. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
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
    const id = key(rows[i] as T);
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

/** Compares strings by UTF-16 code units: the library's one id order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { IssueList } from '../core/errors.js';
import { readRows } from '../core/rows.js';
import type { ZodSchema } from '../core/schema.js';
import { parseInput } from '../core/validate.js';
import type { RatingsRun } from './analyse.js';
import { ratingSchema } from './schema.js';
import { inputPaths } from './settings.js';
import type { RatingInput, ReviewRatingsInput, ScoreRatingsInput } from './types.js';

/**
 * Validates the input of a public ratings function into a run whose issues are raised at the
 * input's own paths. The ratings go through the fast row reader; when it accepts every row, the
 * rest of the input takes the schema alone. Any doubt parses the whole input with the schema, so
 * that its issues come in the schema's order.
 */
export function parseRatings<I extends ReviewRatingsInput | ScoreRatingsInput>(
  schema: ZodSchema<I>,
  input: I,
): RatingsRun & { readonly plan: I['plan'] } {
  const given = input as unknown;
  const rows = typeof given === 'object' && given !== null && !Array.isArray(given) ? input.ratings : undefined;
  const issues = new IssueList();
  const ratings = Array.isArray(rows) ? (readRows(ratingSchema, rows, ['ratings'], issues) as RatingInput[]) : [];
  const parsed =
    Array.isArray(rows) && issues.size === 0
      ? { ...parseInput(schema, { ...input, ratings: [] }), ratings }
      : parseInput(schema, input);
  const { plan, decisions = [], parties, tasks } = parsed;
  return { plan, ratings: parsed.ratings, decisions, parties, tasks, at: inputPaths };
}

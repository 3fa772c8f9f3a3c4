import type * as z from 'zod/mini';
import { DECIMAL_PATTERN, MAX_DECIMAL_LENGTH } from '../core/decimalInput.js';
import { parseInput } from '../core/validate.js';
import type { RatingInput } from './schema.js';

const MAX_ID = 200;

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_ID;
}

function isDecimal(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
  return typeof value === 'string' && value.length <= MAX_DECIMAL_LENGTH && DECIMAL_PATTERN.test(value);
}

/** Whether `value` is a rating row that `ratingSchema` accepts unchanged. */
export function isPlainRating(value: unknown): value is RatingInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  const row = value as Record<string, unknown>;
  let keys = 0;
  for (const key in row) {
    keys++;
    switch (key) {
      case 'id':
      case 'rater':
      case 'ratee':
      case 'dimension':
      case 'score':
        break;
      case 'period':
      case 'task':
        if (row[key] !== undefined && !isId(row[key])) return false;
        break;
      default:
        return false;
    }
  }
  if (keys !== Object.keys(row).length) return false;
  return isId(row.id) && isId(row.rater) && isId(row.ratee) && isId(row.dimension) && isDecimal(row.score);
}

/** Every index (holes included) holds a plain rating. */
function allPlain(rows: readonly unknown[]): boolean {
  for (let i = 0; i < rows.length; i++) if (!isPlainRating(rows[i])) return false;
  return true;
}

/**
 * Parses `{ ratings, … }` with `schema`; rows that all pass {@link isPlainRating} are taken as
 * they are, the rest of the input is parsed by zod. Falls back to a full zod parse otherwise.
 */
export function parseRatingsInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const ratings = (input as { ratings?: unknown }).ratings;
    if (Array.isArray(ratings) && allPlain(ratings)) {
      const rest = parseInput(schema, { ...input, ratings: [] }) as z.output<S> & { ratings: unknown };
      return { ...rest, ratings };
    }
  }
  return parseInput(schema, input);
}

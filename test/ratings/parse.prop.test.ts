import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compileCheck } from '../../src/core/rows.js';
import { ratingSchema } from '../../src/ratings/schema.js';
import { reviewRatings } from '../../src/index.js';
import { runs } from '../helpers.js';

// The fast check of a rating row is the core row reader's, compiled from ratingSchema.
const isPlainRating = compileCheck(ratingSchema)!;

// Values near the edges of what ratingSchema accepts: ids of 0, 1, 200, 201 characters; decimals
// that are and are not plain; extra and missing keys; wrong types.
const idLike = fc.oneof(
  fc.constantFrom('', 'a', 'x'.repeat(200), 'x'.repeat(201), 'sales-a'),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(1, null, undefined, ['a'], {}),
);
const decimalLike = fc.oneof(
  fc.constantFrom('85', '-1', '0.5', '1e5', ' 1', '', '1,000', '+1', '.5', '01', '1.', '9'.repeat(61), '-0'),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 53), null, true, undefined),
);
const rowLike = fc
  .record(
    {
      id: idLike,
      rater: idLike,
      ratee: idLike,
      dimension: idLike,
      score: decimalLike,
      period: idLike,
      task: idLike,
      extra: fc.constant(1),
    },
    { requiredKeys: [] },
  )
  .map((row) => row as unknown);
const validId = fc.string({ minLength: 1, maxLength: 200 });
const validRow = fc.record(
  {
    id: validId,
    rater: validId,
    ratee: validId,
    dimension: validId,
    score: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom('85', '0.5', '-3.25', '100.00')),
    period: fc.option(validId, { nil: undefined }),
    task: validId,
  },
  { requiredKeys: ['id', 'rater', 'ratee', 'dimension', 'score'] },
);
/** A valid row with one field replaced by an edge value (often invalid). */
const nearlyValidRow = fc
  .tuple(
    validRow,
    fc.constantFrom('id', 'rater', 'ratee', 'dimension', 'score', 'period', 'task', 'extra'),
    fc.oneof(idLike, decimalLike),
  )
  .map(([row, key, value]) => ({ ...row, [key]: value }));
const anyRow = fc.oneof(validRow, nearlyValidRow, rowLike, fc.anything());

describe('the fast rating check accepts only what ratingSchema accepts, unchanged', () => {
  it('isPlainRating(x) ⇒ ratingSchema accepts x and returns an equal row', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyRow, (row) => {
        if (!isPlainRating(row)) return;
        accepted++;
        const parsed = ratingSchema.safeParse(row);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(row);
      }),
      { numRuns: runs(2000) },
    );
    expect(accepted).toBeGreaterThan(200);
  });

  it('valid rows take the fast path, and every row gets the same answer either way', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 4 }), (rows) => {
        const viaZod = z.array(ratingSchema).safeParse(rows).success;
        let outcome: string;
        try {
          outcome = `ok ${reviewRatings({ ratings: rows as never }).counts.ratings}`;
        } catch (error) {
          outcome = (error as { code?: string }).code ?? 'other';
        }
        // the schema refuses exactly when reviewRatings refuses at the parsing stage
        if (!viaZod) expect(outcome).toMatch(/^(INVALID_INPUT|INVALID_DECIMAL)$/);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('a plain valid row passes the fast check', () => {
    expect(isPlainRating({ id: 'a', rater: 'b', ratee: 'c', dimension: 'd', score: '85.5', period: '2026-Q1' })).toBe(
      true,
    );
    expect(isPlainRating({ id: 'a', rater: 'b', ratee: 'c', dimension: 'd', score: 85, task: undefined })).toBe(true);
    expect(isPlainRating({ id: 'a', rater: 'b', ratee: 'c', dimension: 'd', score: '1e2' })).toBe(false);
    expect(
      isPlainRating(
        Object.assign(Object.create({ inherited: 1 }), { id: 'a', rater: 'b', ratee: 'c', dimension: 'd', score: 1 }),
      ),
    ).toBe(false);
  });

  it('a sparse ratings array is refused by zod, not skipped', () => {
    const ratings = [{ id: 'a', rater: 'b', ratee: 'c', dimension: 'd', score: 1 }];
    ratings.length = 2;
    expect(() => reviewRatings({ ratings })).toThrow(/INVALID_INPUT/);
  });
});

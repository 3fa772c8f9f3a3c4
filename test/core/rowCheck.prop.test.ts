import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compileCheck } from '../../src/core/rows.js';
import { decimalSchema, idSchema, isoDateSchema } from '../../src/core/schema.js';
import { runs } from '../helpers.js';

/** Strict objects read by the unrolled check (part, row: at most one optional field) and by the key loop (eight, nine), unions, records, optionals. */
const part = z.strictObject({ id: idSchema, share: decimalSchema });
const wide = (n: number) =>
  z.strictObject(Object.fromEntries(Array.from({ length: n }, (_, k) => [`f${k}`, z.optional(idSchema)])));
const schemas = {
  part,
  union: z.union([idSchema, z.array(part).check(z.minLength(1))]),
  record: z.record(idSchema, z.union([idSchema, z.array(part)])),
  row: z.strictObject({
    id: idSchema,
    date: isoDateSchema,
    amount: z.nullable(decimalSchema),
    tags: z.optional(z.array(idSchema)),
  }),
  eight: wide(8),
  nine: wide(9),
};

/** Values near those shapes: the right keys with good or bad values, a key too many or missing, no prototype. */
const key = fc.constantFrom('id', 'share', 'date', 'amount', 'tags', 'f0', 'f3', 'f7', 'f8', 'x', '');
const leaf = fc.oneof(
  fc.constantFrom('a', 'bb', '', '2026-02-28', '2026-02-30', '1.5', '-0', '1e3', 7, -2.5, null, undefined),
  fc.string({ maxLength: 3 }),
);
const near: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    tie('object'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.record({ id: leaf, share: leaf }, { requiredKeys: [] }),
    fc.record({ id: leaf, date: leaf, amount: leaf, tags: fc.array(leaf, { maxLength: 2 }) }, { requiredKeys: ['id'] }),
    // Rows built from good leaves: without them an accepted row is too rare for 2,000 runs to be sure of one.
    fc.record(
      {
        id: fc.constantFrom('a', 'bb'),
        date: fc.constantFrom('2024-02-29', '2026-02-28'),
        amount: fc.constantFrom('1.5', '-0', 7, null),
        tags: fc.array(fc.constantFrom('a', 'bb'), { maxLength: 2 }),
      },
      { requiredKeys: ['id', 'date', 'amount'] },
    ),
  ),
  object: fc.dictionary(key, tie('value'), { maxKeys: 9, noNullPrototype: false }),
})).value;

describe("the row reader's fast check (core/rows.ts compileCheck)", () => {
  it('accepts a value only when its schema accepts it unchanged', () => {
    const accepted: Record<string, number> = {};
    for (const [name, schema] of Object.entries(schemas)) {
      const check = compileCheck(schema)!;
      expect(check, name).toBeDefined();
      fc.assert(
        fc.property(fc.oneof(near, fc.anything()), (value) => {
          if (!check(value)) return;
          accepted[name] = (accepted[name] ?? 0) + 1;
          const parsed = schema.safeParse(value);
          expect(parsed.success, name).toBe(true);
          expect(parsed.data, name).toEqual(value);
        }),
        { numRuns: runs(2000) },
      );
    }
    // The generator reaches values each check accepts (else the property would hold vacuously).
    expect(Object.keys(accepted).sort()).toEqual(Object.keys(schemas).sort());
  });

  it('accepts well-formed rows, with or without a prototype, and refuses a key too many', () => {
    const row = { id: 'r1', date: '2024-02-29', amount: '1.50', tags: ['a'] };
    const check = compileCheck(schemas.row)!;
    expect(check(row)).toBe(true);
    expect(check(Object.assign(Object.create(null) as object, row))).toBe(true);
    expect(check({ ...row, tags: undefined })).toBe(true);
    expect(check({ id: 'r1', date: '2024-02-29', amount: null })).toBe(true);
    expect(check({ ...row, extra: 1 })).toBe(false);
    expect(check({ id: 'r1', date: '2024-02-29' })).toBe(false); // amount is required (nullable, not optional)
    expect(compileCheck(schemas.nine)!({ f8: 'x' })).toBe(true);
    expect(compileCheck(schemas.nine)!({ f8: 'x', f9: 'y' })).toBe(false);
    expect(compileCheck(schemas.union)!([])).toBe(false);
  });
});

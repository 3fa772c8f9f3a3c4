import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compileCheck } from '../../src/core/rows.js';
import { instantSchema } from '../../src/core/schema.js';

const row = z.strictObject({
  at: instantSchema,
  maybe: z.optional(z.nullable(instantSchema)),
  list: z.optional(z.array(z.strictObject({ at: instantSchema }))),
});
const leaves = new Map([[instantSchema, (value: unknown) => typeof value === 'string']]);

describe('compileCheck with replaced leaves', () => {
  it('judges each listed leaf, however deep, by its replacement and everything else as before', () => {
    const plain = compileCheck(row)!;
    const trusting = compileCheck(row, leaves)!;
    const bad = { at: 'soon', maybe: null, list: [{ at: 'later' }] };
    expect(plain(bad)).toBe(false);
    expect(trusting(bad)).toBe(true);
    expect(trusting({ at: 1 })).toBe(false);
    expect(trusting({ at: 'soon', list: [{ at: 'later', extra: 1 }] })).toBe(false);
    expect(trusting({ at: 'soon', other: 1 })).toBe(false);
  });

  it('compiles once per map and leaves the plain check untouched', () => {
    expect(compileCheck(row, leaves)).toBe(compileCheck(row, leaves));
    expect(compileCheck(row)).not.toBe(compileCheck(row, leaves));
    expect(compileCheck(row)!({ at: '2026-03-06T17:30:00Z' })).toBe(true);
    expect(compileCheck(row)!({ at: 'soon' })).toBe(false);
  });
});

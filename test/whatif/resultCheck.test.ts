import { describe, expect, it } from 'vitest';
import { compareRuns, demoScenario, runPeriod } from '../../src/index.js';
import { compileCheck } from '../../src/core/rows.js';
import { runResultSchema } from '../../src/whatif/schema.js';
import { expectError } from '../helpers.js';

/** compareRuns reads two saved results through the row reader's fast check of runResultSchema (a loose object). */
describe('the fast check of a saved result', () => {
  const saved = JSON.parse(JSON.stringify(runPeriod(demoScenario({ people: 40 })))) as Record<string, unknown>;
  const check = compileCheck(runResultSchema)!;

  it('accepts a result as runPeriod returns it and as JSON reads it back, which the schema accepts with the same content', () => {
    expect(check).toBeDefined();
    expect(check(saved)).toBe(true);
    const parsed = runResultSchema.safeParse(saved);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(saved);
  });

  it('doubts a result the schema refuses, so compareRuns reports it at its path as before', () => {
    const statements = saved['statements'] as Record<string, unknown>[];
    const broken = { ...saved, statements: [{ ...statements[0], total: 12 }, ...statements.slice(1)] };
    expect(check(broken)).toBe(false);
    expectError(() => compareRuns({ base: saved as never, proposed: broken as never }), 'INVALID_INPUT', [
      'proposed',
      'statements',
      0,
      'total',
    ]);
    const badTotals = { ...saved, totals: { ...(saved['totals'] as object), 'not a name': '1.00' } };
    expect(check(badTotals)).toBe(false);
  });

  it('gives the same comparison whether or not the results took the fast path', () => {
    const proposed = JSON.parse(JSON.stringify(saved)) as Record<string, unknown>;
    const fast = compareRuns({ base: saved as never, proposed: proposed as never });
    // An object with a prototype of its own is no plain row: the check doubts it, zod reads it.
    const unusual = Object.assign(Object.create({}) as object, proposed);
    expect(check(unusual)).toBe(false);
    expect(runResultSchema.safeParse(unusual).success).toBe(true);
    expect(compareRuns({ base: saved as never, proposed: unusual as never })).toEqual(fast);
  });
});

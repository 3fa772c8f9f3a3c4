import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { allocateInputSchema, allocateShareSchema } from '../../src/core/allocate.js';
import { SynergyPayError } from '../../src/core/errors.js';
import { compileCheck, parseWithRows } from '../../src/core/rows.js';
import { parseInput } from '../../src/core/validate.js';
import {
  allocatePoolInputSchema,
  carvePoolInputSchema,
  clawbackSchema,
  commissionRowSchema,
  poolRecipientSchema,
  poolUnitSchema,
} from '../../src/pool/schema.js';
import { runs } from '../helpers.js';

/** Field values of every kind a row may hold, well-formed or not. */
const valueArb = fc.oneof(
  fc.constantFrom<unknown>('1', '0', '-0', '-0.00', '1.5', '01', '1e3', ' 1', '', 'x', 'CNY', 'USD', '2026-02-29'),
  fc.constantFrom<unknown>('2026-03-01', 'a'.repeat(201), null, undefined, true, [], {}, Number.NaN, 2 ** 53),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 4 }),
);
const keys = ['id', 'amount', 'currency', 'clawbacks', 'score', 'fte', 'start', 'end', 'cap', 'unit', 'weight', 'rate'];
const rowArb = fc.oneof(
  fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__', 'constructor'), valueArb, { maxKeys: 5 }),
  fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), amount: valueArb, score: valueArb, weight: valueArb }),
  fc.record({
    id: valueArb,
    clawbacks: fc.array(fc.record({ id: fc.constant('s'), amount: valueArb }), { maxLength: 2 }),
  }),
  fc.constantFrom<unknown>(null, 1, 'a', [], Object.create(null)),
);
const rowSchemas = [allocateShareSchema, commissionRowSchema, clawbackSchema, poolRecipientSchema, poolUnitSchema];

/** The schema's outcome for `input`: its value, or the issues it throws. */
function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof SynergyPayError) return { issues: error.issues };
    throw error;
  }
}

describe('the row reader (core/rows.ts) agrees with the schemas it is compiled from', () => {
  it('compileCheck: a row it passes, the schema accepts and returns unchanged', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rowSchemas), rowArb, (schema, row) => {
        const check = compileCheck(schema);
        expect(check).toBeDefined();
        if (check?.(row) !== true) return;
        const parsed = schema.safeParse(row);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(row);
      }),
      { numRuns: runs(5000) },
    );
  });

  it('parseWithRows = the full schema: same value, or the same issues in the same order', () => {
    const inputs: [z.ZodMiniType, string, Record<string, unknown>][] = [
      [allocateInputSchema, 'shares', { total: '1.00', currency: 'CNY' }],
      [carvePoolInputSchema, 'commissions', { currency: 'CNY', rate: '0.1' }],
      [allocatePoolInputSchema, 'recipients', { pool: '1.00', currency: 'CNY' }],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...inputs),
        fc.array(rowArb, { maxLength: 4 }),
        valueArb,
        ([schema, key, header], rows, extra) => {
          const input = { ...header, [key]: rows, ...(extra === undefined ? {} : { currency: extra }) };
          expect(outcome(() => parseWithRows(schema, input, key))).toStrictEqual(
            outcome(() => parseInput(schema, input)),
          );
        },
      ),
      { numRuns: runs(3000) },
    );
  });
});

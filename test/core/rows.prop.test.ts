import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { compileCheck, parseWithRows, readRows } from '../../src/core/rows.js';
import { IssueList } from '../../src/core/errors.js';
import { schemas } from '../../src/index.js';
import { allocateShareSchema } from '../../src/core/allocate.js';
import { allocateInputSchema } from '../../src/core/allocate.js';
import { SynergyPayError } from '../../src/core/errors.js';
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

type Def = { type: string; shape?: Record<string, z.ZodMiniType>; [key: string]: unknown };
const defOf = (schema: z.ZodMiniType): Def => schema._zod.def as unknown as Def;

/** Every strict object schema reachable from the public input schemas, once each. */
function objectSchemas(): z.ZodMiniType[] {
  const seen = new Set<z.ZodMiniType>();
  const found: z.ZodMiniType[] = [];
  const visit = (schema: unknown): void => {
    if (schema === null || typeof schema !== 'object' || !('_zod' in schema)) return;
    const s = schema as z.ZodMiniType;
    if (seen.has(s)) return;
    seen.add(s);
    const def = defOf(s);
    if (def.type === 'object') found.push(s);
    for (const key of ['innerType', 'element', 'keyType', 'valueType', 'in', 'out', 'left', 'right']) visit(def[key]);
    for (const option of (def['options'] as unknown[] | undefined) ?? []) visit(option);
    for (const field of Object.values(def.shape ?? {})) visit(field);
  };
  Object.values(schemas).forEach(visit);
  return found;
}

/** Values that sit on the edges of the leaf schemas: decimals, ids, dates, instants, currencies. */
const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '',
    'a',
    'x'.repeat(201),
    '12.50',
    '-0',
    '-3',
    '1e5',
    ' 1',
    '0.1',
    'CNY',
    'cny',
    'JPY',
    '2026-02-30',
    '2026-03-01',
  ),
  fc.constantFrom(
    '2026-03-06T17:30:00+08:00',
    '2026-03-06T17:30:00',
    'strong',
    'halfUp',
    'lowerIsBetter',
    'front',
    'back',
    'one',
  ),
  fc.constantFrom(0, -1, 1, 1.5, 12, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, true, false, null, undefined),
  fc.constant([]),
  fc.constant({}),
);

/** An object with some of the schema's keys (and sometimes a stray one), each an edge value. */
function rowArb(schema: z.ZodMiniType): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(defOf(schema).shape ?? {});
  return fc
    .tuple(
      fc.subarray([...keys, 'extra']),
      fc.array(edgeValue, { minLength: keys.length + 1, maxLength: keys.length + 1 }),
    )
    .map(([chosen, values]) => Object.fromEntries(chosen.map((key, k) => [key, values[k]])));
}

describe('the fast row check (core/rows.ts) never accepts what the schema refuses', () => {
  const objects = objectSchemas();

  it('finds the object schemas of the public inputs, and compiles a fast check for most', () => {
    const compiled = objects.filter((schema) => compileCheck(schema) !== undefined);
    expect(objects.length).toBeGreaterThan(40);
    expect(compiled.length).toBeGreaterThan(objects.length / 2);
  });

  it('for every object schema: a row the fast check accepts, the schema accepts and returns unchanged', () => {
    for (const schema of objects) {
      const check = compileCheck(schema);
      if (check === undefined) continue;
      fc.assert(
        fc.property(rowArb(schema), (row) => {
          if (!check(row)) return;
          const parsed = schema.safeParse(row);
          expect(parsed.success, JSON.stringify(row)).toBe(true);
          expect(parsed.data).toEqual(row);
        }),
        { numRuns: runs(100) },
      );
    }
  });

  it('accepts the ordinary rows the hot paths read (no silent slow path for valid data)', () => {
    const check = compileCheck(allocateShareSchema)!;
    expect(check({ id: 'a', weight: '0.3333' })).toBe(true);
    expect(check({ id: 'a', weight: 2, cap: '10.00' })).toBe(true);
    expect(check({ id: 'a', weight: '-1' })).toBe(false);
    expect(check({ id: 'a', weight: '1', other: 1 })).toBe(false);
  });

  it('readRows reports a doubted row at its own path with the schema’s code, and keeps the good ones', () => {
    const issues = new IssueList();
    const rows = readRows(
      allocateShareSchema as unknown as z.ZodMiniType<{ id: string }>,
      [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 'x' },
      ],
      ['shares'],
      issues,
    );
    expect(rows[0]).toEqual({ id: 'a', weight: 1 });
    expect(rows[1]).toBeUndefined();
    expect(issues.items.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_DECIMAL', ['shares', 1, 'weight']],
    ]);
  });
});

/** Field values of every kind a row may hold, well-formed or not. */
const anyValue = fc.oneof(
  fc.constantFrom<unknown>('1', '0', '-0', '-0.00', '1.5', '01', '1e3', ' 1', '', 'x', 'CNY', 'USD', '2026-02-29'),
  fc.constantFrom<unknown>('2026-03-01', 'a'.repeat(201), null, undefined, true, [], {}, Number.NaN, 2 ** 53),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 4 }),
);
const keys = ['id', 'amount', 'currency', 'clawbacks', 'score', 'fte', 'start', 'end', 'cap', 'unit', 'weight', 'rate'];
const anyRow = fc.oneof(
  fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__', 'constructor'), anyValue, { maxKeys: 5 }),
  fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), amount: anyValue, score: anyValue, weight: anyValue }),
  fc.record({
    id: anyValue,
    clawbacks: fc.array(fc.record({ id: fc.constant('s'), amount: anyValue }), { maxLength: 2 }),
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

describe('the row reader on the pool and allocate rows, and parseWithRows', () => {
  it('compileCheck: a row it passes, the schema accepts and returns unchanged', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rowSchemas), anyRow, (schema, row) => {
        const check = compileCheck(schema);
        expect(check).toBeDefined();
        if (check?.(row) !== true) return;
        const parsed = schema.safeParse(row);
        expect(parsed.success).toBe(true);
        // A row without a prototype is accepted too (rowCheck.prop.test.ts); zod returns it as a plain object.
        const plain = Object.getPrototypeOf(row) === null ? { ...(row as object) } : row;
        expect(parsed.data).toStrictEqual(plain);
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
        fc.array(anyRow, { maxLength: 4 }),
        anyValue,
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

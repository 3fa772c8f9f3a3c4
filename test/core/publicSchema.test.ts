import * as z from 'zod/mini';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type AllocateInput,
  allocateInputSchema,
  jsonSchemaOf,
  type Schema,
  scenarioJsonSchema,
  schemas,
} from '../../src/index.js';
import { allocateInputSchema as internalAllocateSchema } from '../../src/core/allocate.js';

describe('the public schemas', () => {
  it('are the zod schemas the functions validate with, typed by the named interfaces', () => {
    expect(allocateInputSchema).toBe(internalAllocateSchema);
    expect(schemas.allocate).toBe(internalAllocateSchema);
    expectTypeOf(allocateInputSchema).toEqualTypeOf<Schema<AllocateInput, AllocateInput>>();
    expectTypeOf<z.input<typeof allocateInputSchema>>().toEqualTypeOf<AllocateInput>();
    expectTypeOf<z.output<typeof schemas.allocate>>().toEqualTypeOf<AllocateInput>();
  });

  it('parse and safeParse, with the issues at the bad field', () => {
    const good = { total: '10.00', currency: 'CNY', shares: [{ id: 'a', weight: 1 }] };
    expect(allocateInputSchema.parse(good)).toEqual(good);
    const bad = allocateInputSchema.safeParse({ ...good, shares: [{ id: 'a', weight: '1e5' }] });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues.map((issue) => issue.path)).toEqual([['shares', 0, 'weight']]);
    const standard = allocateInputSchema['~standard'];
    expect(standard.version).toBe(1);
    expect(standard.validate(good)).toEqual({ value: good });
  });

  it('jsonSchemaOf describes decimals by their pattern, and the scenario schema is that of runPeriod', () => {
    const json = jsonSchemaOf(schemas.allocate) as { properties: Record<string, { anyOf?: { pattern?: string }[] }> };
    expect(json.properties['total']?.anyOf?.[0]?.pattern).toMatch(/^\^/);
    const { $id: _id, title: _title, description: _description, ...scenario } = scenarioJsonSchema();
    expect(scenario).toEqual(jsonSchemaOf(schemas.runPeriod));
  });
});

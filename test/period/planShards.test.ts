/**
 * Phase 0 of the sharded run (issue 20 §2): departments to shards, balanced by people.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoScenario } from '../../src/index.js';
import { planShards } from '../../src/period/planShards.js';
import { runs } from '../helpers.js';

const org = {
  departments: [{ id: 'sales' }, { id: 'tech' }, { id: 'hr' }],
  people: [{ department: 'sales' }, { department: 'sales' }, { department: 'tech' }, { department: 'hr' }],
};

describe('planShards', () => {
  it('puts the largest department first onto the least loaded shard (the TSDoc example)', () => {
    expect(planShards(org, 2)).toEqual({
      shards: [
        { departments: ['sales'], people: 2 },
        { departments: ['tech', 'hr'], people: 2 },
      ],
    });
  });

  it('makes no more shards than departments, and at least one', () => {
    expect(planShards(org, 5).shards.map((shard) => shard.departments)).toEqual([['sales'], ['tech'], ['hr']]);
    expect(planShards(org, 0).shards).toEqual([{ departments: ['sales', 'tech', 'hr'], people: 4 }]);
    expect(planShards({ departments: [], people: [] }, 3).shards).toEqual([{ departments: [], people: 0 }]);
  });

  it("balances the demo company's 10 departments over 2 shards within one department of the mean", () => {
    const { org: demo } = demoScenario({ people: 1000 });
    const plan = planShards(demo, 2);
    const largest = Math.max(...demo.departments.map((d) => demo.people.filter((p) => p.department === d.id).length));
    expect(plan.shards.reduce((n, shard) => n + shard.people, 0)).toBe(1000);
    for (const shard of plan.shards) expect(shard.people).toBeLessThanOrEqual(500 + largest);
  });

  it('every department in exactly one shard, people counted, the greedy bound held (property)', () => {
    const orgArb = fc.array(fc.nat(6), { maxLength: 40 }).chain((people) =>
      fc.record({
        departments: fc.constant(Array.from({ length: 1 + Math.max(-1, ...people) }, (_, d) => ({ id: `d${d}` }))),
        people: fc.constant(people.map((d) => ({ department: `d${d}` }))),
        shards: fc.integer({ min: 1, max: 6 }),
      }),
    );
    fc.assert(
      fc.property(orgArb, ({ departments, people, shards }) => {
        const plan = planShards({ departments, people }, shards);
        const placed = plan.shards.flatMap((shard) => shard.departments);
        expect([...placed].sort()).toEqual(departments.map((d) => d.id).sort());
        expect(plan.shards.length).toBe(Math.max(1, Math.min(shards, departments.length)));
        const size = (id: string) => people.filter((p) => p.department === id).length;
        for (const shard of plan.shards)
          expect(shard.people).toBe(shard.departments.reduce((n, id) => n + size(id), 0));
        const largest = Math.max(0, ...departments.map((d) => size(d.id)));
        const mean = people.length / plan.shards.length;
        for (const shard of plan.shards) expect(shard.people).toBeLessThanOrEqual(mean + largest);
        expect(planShards({ departments, people }, shards)).toEqual(plan);
      }),
      { numRuns: runs(300) },
    );
  });
});

import type { ShardPlan } from './types.js';

/**
 * Phase 0 of the sharded run (issue 20 §2; docs/scale.md, "Phases"): which departments each
 * shard runs.
 */

/** What the plan reads of a scenario: the departments and each person's department. */
export interface ShardedOrg {
  readonly departments: readonly { readonly id: string }[];
  readonly people: readonly { readonly department: string }[];
}

/**
 * Partitions the departments into at most `shards` shards balanced by people: departments
 * largest first (ties: the org's order) each onto the shard with the fewest people so far (ties:
 * the lower shard). A department is never split; there are no more shards than departments (at
 * least one). Deterministic: the same org and count give the same plan. The largest shard has at
 * most the mean plus the largest department's people (the greedy bound).
 *
 * @example
 * ```ts
 * import { planShards } from 'synergy-pay';
 * const plan = planShards(
 *   { departments: [{ id: 'sales' }, { id: 'tech' }, { id: 'hr' }], people: [{ department: 'sales' }, { department: 'sales' }, { department: 'tech' }, { department: 'hr' }] },
 *   2,
 * );
 * // plan.shards: [{ departments: ['sales'], people: 2 }, { departments: ['tech', 'hr'], people: 2 }]
 * ```
 */
export function planShards(org: ShardedOrg, shards: number): ShardPlan {
  const index = new Map(org.departments.map((department, d) => [department.id, d]));
  const headcount = new Array<number>(org.departments.length).fill(0);
  for (const person of org.people) {
    const d = index.get(person.department);
    if (d !== undefined) headcount[d]!++;
  }
  const count = Math.max(1, Math.min(Math.floor(shards), org.departments.length));
  const load = new Array<number>(count).fill(0);
  const members: number[][] = Array.from({ length: count }, () => []);
  const order = headcount.map((_, d) => d).sort((a, b) => headcount[b]! - headcount[a]! || a - b);
  for (const d of order) {
    let least = 0;
    for (let s = 1; s < count; s++) if (load[s]! < load[least]!) least = s;
    members[least]!.push(d);
    load[least]! += headcount[d]!;
  }
  return {
    shards: members.map((departments, s) => ({
      departments: departments.sort((a, b) => a - b).map((d) => org.departments[d]!.id),
      people: load[s]!,
    })),
  };
}

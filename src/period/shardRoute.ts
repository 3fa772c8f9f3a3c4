import { SynergyPayError, type Issue, type IssuePath } from '../core/errors.js';
import { heldText } from '../core/held.js';
import type { ShardPlan } from './types.js';
import type { Scenario, ScenarioData } from './scenarioInput.js';

/**
 * Phase 1 of a sharded run (issue 20 §2; docs/scale.md, "Phases"): every data row goes to the
 * shard that owns its subject — a person's rows to their department's shard, a department's to
 * its own — and each shard's scenario is the plan, the period, its departments and people, its
 * rows and the lists every shard reads whole (company KPIs, exchange rates). The lists whose
 * mechanisms read rows of every department (tickets, ratings, review decisions, revenue facts)
 * stay with the coordinator, which runs those mechanisms once and shares their runs.
 */

/** A data list of the scenario. */
export type DataList = keyof ScenarioData;

/** Lists whose rows belong to one person (`person`). */
const BY_PERSON = [
  'commissions',
  'deductions',
  'draws',
  'drawBalances',
  'sales',
  'commissionMeasures',
  'measures',
  'measureHistory',
  'heldCommissions',
] as const satisfies readonly DataList[];

/** Lists whose rows belong to a department (`department`), or to a person or a department (`subject`). */
const BY_DEPARTMENT = ['departmentCoefficients', 'componentScores'] as const satisfies readonly DataList[];
const BY_SUBJECT = ['pointEntries', 'supportScores'] as const satisfies readonly DataList[];

/** Lists every shard reads whole. */
export const BROADCAST = ['companyKpis', 'exchangeRates'] as const satisfies readonly DataList[];

/** Lists the coordinator's mechanisms read whole: never routed to a shard. */
export const CROSS = ['tickets', 'ratings', 'reviewDecisions', 'revenueFacts'] as const satisfies readonly DataList[];

/** One shard's scenario and where its rows came from. */
export interface ShardScenario {
  readonly scenario: Scenario;
  /** Each routed list: the index in the whole scenario of the shard's row i. */
  readonly rows: ReadonlyMap<DataList, readonly number[]>;
  /** The whole org's index of the shard's person i and department i. */
  readonly people: readonly number[];
  readonly departments: readonly number[];
}

/**
 * The shards' scenarios: the plan's departments, their people in org order, and each routed row
 * in input order (a row whose subject the org does not know goes to the first shard, which
 * refuses it at its path in the whole scenario).
 */
export function routeScenario(scenario: Scenario, plan: ShardPlan): ShardScenario[] {
  const { departments, people } = scenario.org;
  const shardOfDepartment = new Map<string, number>();
  plan.shards.forEach((shard, k) => {
    for (const id of shard.departments) shardOfDepartment.set(id, k);
  });
  const shardOfPerson = new Map<string, number>();
  for (const person of people) {
    const k = shardOfDepartment.get(person.department);
    if (k !== undefined && !shardOfPerson.has(person.id)) shardOfPerson.set(person.id, k);
  }
  const count = plan.shards.length;
  const indexes = <T>(list: readonly T[], shardOf: (item: T) => number | undefined): number[][] => {
    const out: number[][] = Array.from({ length: count }, () => []);
    list.forEach((item, i) => out[shardOf(item) ?? 0]!.push(i));
    return out;
  };
  const departmentRows = indexes(departments, (department) => shardOfDepartment.get(department.id));
  const peopleRows = indexes(people, (person) => shardOfDepartment.get(person.department));
  const data = (scenario.data ?? {}) as Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
  const subjectShard = (id: unknown) =>
    typeof id === 'string' ? (shardOfPerson.get(id) ?? shardOfDepartment.get(id)) : undefined;
  const routed = new Map<DataList, number[][]>();
  for (const list of BY_PERSON)
    if (data[list] !== undefined)
      routed.set(
        list,
        indexes(data[list], (row) => subjectShard(row.person)),
      );
  // A department's row goes to its department's shard, even where a person has the same id.
  for (const list of BY_DEPARTMENT)
    if (data[list] !== undefined)
      routed.set(
        list,
        indexes(data[list], (row) =>
          typeof row.department === 'string' ? shardOfDepartment.get(row.department) : undefined,
        ),
      );
  for (const list of BY_SUBJECT)
    if (data[list] !== undefined)
      routed.set(
        list,
        indexes(data[list], (row) => subjectShard(row.subject)),
      );
  return plan.shards.map((__, k) => {
    const shardData: Record<string, unknown> = {};
    const rows = new Map<DataList, readonly number[]>();
    for (const [list, byShard] of routed) {
      shardData[list] = byShard[k]!.map((i) => data[list]![i]);
      rows.set(list, byShard[k]!);
    }
    for (const list of BROADCAST) if (data[list] !== undefined) shardData[list] = data[list];
    const { controls: _controls, data: _data, org: _org, ...rest } = scenario;
    return {
      scenario: {
        ...rest,
        org: {
          departments: departmentRows[k]!.map((d) => departments[d]!),
          people: peopleRows[k]!.map((p) => people[p]!),
        },
        data: shardData,
      },
      rows,
      people: peopleRows[k]!,
      departments: departmentRows[k]!,
    };
  });
}

/** A path of a shard's scenario as a path of the whole scenario (its row indexes mapped back). */
export function wholePath(shard: ShardScenario, path: IssuePath): IssuePath {
  const [root, list, index, ...rest] = path;
  if (typeof index !== 'number' || list === undefined) return path;
  if (root === 'data') {
    const rows = shard.rows.get(list as DataList);
    return rows === undefined ? path : [root, list, rows[index] ?? index, ...rest];
  }
  if (root === 'org' && list === 'people') return [root, list, shard.people[index] ?? index, ...rest];
  if (root === 'org' && list === 'departments') return [root, list, shard.departments[index] ?? index, ...rest];
  return path;
}

/** Runs `work` on a shard, its errors' paths those of the whole scenario. */
export function inShard<T>(shard: ShardScenario, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    const issues: Issue[] = error.issues.map((issue) => ({ ...issue, path: wholePath(shard, issue.path) }));
    throw new SynergyPayError(issues);
  }
}

/** The index in the whole scenario of a `$.data.<list>[i]` path of a shard (the input ledger's). */
export function wholeRowPath(shard: ShardScenario, path: string): { readonly path: string; readonly index: number } {
  const match = /^\$\.data\.(\w+)\[(\d+)\]$/.exec(path);
  if (match === null) return { path, index: -1 };
  const rows = shard.rows.get(match[1] as DataList);
  const index = rows?.[Number(match[2])] ?? Number(match[2]);
  return { path: heldText(`$.data.${match[1]}[${index}]`), index };
}

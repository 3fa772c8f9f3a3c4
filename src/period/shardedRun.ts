import type { DecimalInput } from '../core/decimalInput.js';
import { compareIds, orderIds } from '../core/ids.js';
import { IssueList } from '../core/errors.js';
import { minorDigits } from '../core/currency.js';
import { checksStage } from './checksStage.js';
import { periodContext, segmentContext, type PeriodContext } from './context.js';
import { checkInputControls } from './controls.js';
import { dataStage, type PeriodData } from './dataStage.js';
import { holdsCheck } from './holdsStage.js';
import { interlockSummary } from './interlockStage.js';
import { LEDGER_SECTIONS, takeSections, type TakenSections } from './ledgerStage.js';
import { orgStage, type Organisation } from './orgStage.js';
import { planShards } from './planShards.js';
import { throwIfBlocked } from './plausibility.js';
import { poolSplit, sliceSplit, type PoolInputs, type PoolSplit } from './poolStage.js';
import { buildReviewQueue } from './reviewQueue.js';
import { summaryHead, withStatements } from './runPeriod.js';
import { checkMechanismRows, parseScenario, type ScenarioData } from './scenarioInput.js';
import { crossRuns, emptyRuns, poolSegment, type MechanismRuns, type SegmentStage } from './segmentStage.js';
import { mergeConversions, mergeDepartments, mergeDraws, mergeFigures, mergeHolds, mergeLedger } from './shardMerge.js';
import { BROADCAST, CROSS, routeScenario, type ShardScenario } from './shardRoute.js';
import {
  runShard,
  type ShardPoolInputsData,
  type ShardPoolShareData,
  type ShardSummaryData,
  type ShardTaskData,
} from './shardRun.js';
import { periodTotals } from './statementsStage.js';
import type {
  PayStatement,
  RunPeriodInput,
  RunPeriodResult,
  RunPeriodSummary,
  ShardedPeriod,
  ShardPlan,
} from './types.js';

/**
 * The coordinator of a period run in shards by department (issue 20 §2; docs/scale.md, "The run
 * in shards"): it checks the whole scenario's org and references, runs once the mechanisms that
 * read rows of every department (response times, ratings, the interlock) and routes every other
 * row to the shard of its subject (phases 0–1); it carves and shares the support pool over every
 * shard's contributors and recipients (phase 3); it merges the shards' summaries into the
 * company-level result (phase 5). The shards (`shardRun.ts`) run their departments and people as
 * a period run does. The result is `runPeriod`'s, byte for byte.
 */

/** The coordinator's part of the run: the whole scenario checked, the shared mechanism runs. */
interface Coordinator {
  readonly context: PeriodContext;
  readonly org: Organisation;
  readonly runs: MechanismRuns;
  readonly controls: ReturnType<typeof checkInputControls>;
  /** The ledger's sections of the lists the coordinator's mechanisms read (their rows then let go). */
  readonly crossLedger: TakenSections;
}

/** The scenario's data, only the lists named. */
function pick(data: ScenarioData, lists: readonly string[]): ScenarioData {
  const out: Record<string, unknown> = {};
  for (const list of lists) {
    const rows = (data as Record<string, unknown>)[list];
    if (rows !== undefined) out[list] = rows;
  }
  return out;
}

/** Phase 0: the whole scenario checked, and the runs every shard shares. */
function coordinate(input: RunPeriodInput): Coordinator {
  const scenario = parseScenario(input);
  const context = periodContext(scenario);
  const controls = checkInputControls(context);
  checkMechanismRows(scenario, context.resolved.segmentVersions);
  const issues = new IssueList();
  const org = orgStage(context, issues);
  const cross: PeriodContext = { ...context, data: pick(context.data, [...CROSS, ...BROADCAST]) };
  dataStage(cross, org, issues);
  issues.throwIfAny();
  const runs = emptyRuns();
  context.resolved.segments.forEach((_, s) => {
    crossRuns(segmentContext(cross, s), org, runs);
  });
  // The lists the coordinator's mechanisms read are its own sections of the ledger: taken now, so
  // that their rows are let go — out of the coordinator's own parsed data, never the caller's
  // input (the shards' rows are routed from the other lists).
  const crossLedger = takeSections(
    { context, org, periodData: undefined as unknown as PeriodData, segments: [], runs },
    CROSS,
  );
  return { context, org, runs, controls, crossLedger };
}

/** The runs as the shards read them: the ratings without their per-row outcomes (the coordinator's ledger reads those). */
function shardRuns(runs: MechanismRuns, shard: ShardScenario): MechanismRuns {
  const own = new Set<string>();
  for (const department of shard.scenario.org.departments) own.add(department.id);
  for (const person of shard.scenario.org.people) own.add(person.id);
  // A shard reads the ratings of its own ratees only (its departments' and people's scores and flags).
  const ratings = new Map(
    [...runs.ratings].map(([key, run]) => [
      key,
      {
        scores: run.scores.filter((score) => own.has(score.ratee)),
        flags: run.flags.filter((flag) => own.has(flag.ratee)),
        rows: undefined!,
      },
    ]),
  );
  const ownKeys = <T>(map: ReadonlyMap<string, T>) => new Map([...map].filter(([id]) => own.has(id)));
  const personTimes = new Map([...runs.personTimes].map(([key, times]) => [key, ownKeys(times)]));
  const supportReceived = new Map([...runs.supportReceived].map(([key, scores]) => [key, ownKeys(scores)]));
  return { ...runs, ratings, personTimes, supportReceived };
}

/**
 * Plans a period run in shards by department and coordinates it: the whole scenario checked, the
 * mechanisms that read rows of every department run once (response times, ratings, the
 * interlock), and one task per shard with its rows. The shards ({@link runShard}) can run in
 * worker threads, processes or a job queue: every message is structured-clonable data. The
 * statements of the shards, merged by person id, and `summary(…)` are {@link runPeriod}'s result,
 * byte for byte.
 *
 * @param input - a scenario, as for {@link runPeriod}.
 * @param shards - how many shards (balanced by people, see {@link planShards}), or the departments of each.
 * @returns the plan, the shards' tasks, `pools(…)` (phase 3) and `summary(…)` (phase 5).
 * @throws {@link SynergyPayError} the errors of {@link runPeriod} about the scenario as a whole
 *   (org, plan references, controls, the shared mechanisms' rows); a shard throws those of its
 *   own rows, and `summary` those of the end-of-period checks.
 *
 * @example
 * ```ts
 * import { demoScenario, runShard, shardPeriod } from 'synergy-pay';
 * const scenario = demoScenario({ people: 200 });
 * const run = shardPeriod(scenario, 4);
 * const shards = run.tasks.map((task) => runShard(task));
 * const shares = run.pools(shards.map((shard) => shard.poolInputs));
 * const streams = shards.map((shard, k) => shard.finish(shares[k]!));
 * // write each stream's statements (in person id order), then:
 * const summary = run.summary(streams.map((stream) => stream.summary()));
 * ```
 */
export function shardPeriod(input: RunPeriodInput, shards: number | ShardPlan): ShardedPeriod {
  const coordinator = coordinate(input);
  const { context } = coordinator;
  const { org } = context.scenario;
  const plan = typeof shards === 'number' ? planShards(org, shards) : shards;
  const routed = routeScenario(context.scenario, plan);
  const tasks = routed.map((shard, k): ShardTaskData => ({
    ...shard,
    shard: k,
    departmentIds: shard.departments.map((d) => org.departments[d]!.id),
    headcount: shard.people.length,
    runs: shardRuns(coordinator.runs, shard),
  }));
  let pools: (PoolSplit | undefined)[] | undefined;
  return {
    plan,
    tasks,
    order: statementOrder(org.people, routed),
    pools: (inputs) => {
      const { whole, slices } = sharePools(coordinator, inputs as readonly ShardPoolInputsData[], routed.length);
      pools = whole;
      return slices.map((segments, k): ShardPoolShareData => ({ shard: k, segments }));
    },
    summary: (summaries) => {
      const byShard = [...(summaries as readonly ShardSummaryData[])].sort((a, b) => a.shard - b.shard);
      return mergeSummaries(coordinator, routed, pools ?? [], byShard);
    },
  };
}

/** The shard of each person, people in id order (the order of the statements). */
function statementOrder(people: readonly { readonly id: string }[], routed: readonly ShardScenario[]): Int32Array {
  const shardOf = new Int32Array(people.length);
  routed.forEach((shard, k) => {
    for (const p of shard.people) shardOf[p] = k;
  });
  return Int32Array.from(orderIds(people.map((person) => person.id)), (p) => shardOf[p]!);
}

/** Phase 3: each segment's pool carved and shared over every shard's contributors and recipients, and each shard's rows of it. */
function sharePools(
  { context }: Coordinator,
  inputs: readonly ShardPoolInputsData[],
  shards: number,
): { whole: (PoolSplit | undefined)[]; slices: (PoolSplit | null)[][] } {
  const slices: (PoolSplit | null)[][] = Array.from({ length: shards }, () => []);
  const whole = context.resolved.segments.map((_, s) => {
    const segment = segmentContext(context, s);
    const pool = segment.version.pool;
    if (pool === undefined) {
      for (const list of slices) list.push(null);
      return undefined;
    }
    const gathered = gatherPool(inputs, s, shards);
    const split = poolSplit(segment, pool, gathered.inputs);
    gathered.positions.forEach(({ contributors, recipients }, k) =>
      slices[k]!.push(sliceSplit(split, contributors, recipients)),
    );
    return split;
  });
  return { whole, slices };
}

/** Where a shard's contributors and recipients are among every shard's. */
interface ShardPositions {
  readonly contributors: number[];
  readonly recipients: number[];
}

/** Every shard's pool inputs of a segment, in the whole org's order, and where each shard's rows went. */
function gatherPool(
  shards: readonly ShardPoolInputsData[],
  s: number,
  count: number,
): { inputs: PoolInputs; positions: ShardPositions[] } {
  const carve: { p: number; k: number; shard: number; inputs: PoolInputs }[] = [];
  const recipients: { p: number; k: number; shard: number; inputs: PoolInputs }[] = [];
  const uncarved: number[] = [];
  for (const { shard, segments } of shards) {
    const inputs = segments[s]!;
    inputs.carve.people.forEach((p, k) => carve.push({ p, k, shard, inputs }));
    inputs.recipients.people.forEach((p, k) => recipients.push({ p, k, shard, inputs }));
    for (const p of inputs.carve.uncarved) uncarved.push(p);
  }
  carve.sort((a, b) => a.p - b.p);
  recipients.sort((a, b) => a.p - b.p);
  const positions: ShardPositions[] = Array.from({ length: count }, () => ({ contributors: [], recipients: [] }));
  carve.forEach(({ shard }, at) => positions[shard]!.contributors.push(at));
  recipients.forEach(({ shard }, at) => positions[shard]!.recipients.push(at));
  const clawbacks = new Map(
    carve.flatMap(({ k, inputs }, at) => {
      const rows = inputs.carve.clawbacks.get(k);
      return rows === undefined ? [] : [[at, rows] as const];
    }),
  );
  return {
    inputs: {
      carve: {
        people: carve.map(({ p }) => p),
        amounts: carve.map(({ k, inputs }) => inputs.carve.amounts[k]!),
        clawbacks,
        uncarved: uncarved.sort((a, b) => a - b),
      },
      recipients: {
        rows: recipients.map(({ k, inputs }) => inputs.recipients.rows[k]!),
        people: recipients.map(({ p }) => p),
        choices: recipients.map(({ k, inputs }) => inputs.recipients.choices[k]!),
        ...gatherUnits(shards.map(({ segments }) => segments[s]!.recipients)),
      },
    },
    positions,
  };
}

/** A two-level pool's units from every shard (each department's in its own shard), in org order; nothing for one level. */
function gatherUnits(recipients: readonly PoolInputs['recipients'][]) {
  const gathered: { d: number; unit: { id: string; score: DecimalInput } }[] = [];
  for (const { units, departments } of recipients)
    units?.forEach((unit, u) => gathered.push({ d: departments![u]!, unit }));
  if (recipients.every(({ units }) => units === undefined)) return {};
  gathered.sort((a, b) => a.d - b.d);
  return { units: gathered.map(({ unit }) => unit), departments: gathered.map(({ d }) => d) };
}

/**
 * Runs a period in shards by department in one process, as {@link runPeriod} would in one piece:
 * {@link shardPeriod}, each shard's {@link runShard}, the statements merged by person id. Every
 * message between the coordinator and a shard goes through `send` (by default as it is; a test
 * passes a structured clone).
 *
 * @param input - a scenario, as for {@link runPeriod}.
 * @param shards - how many shards, or the departments of each.
 * @param send - how a message travels (the identity by default).
 * @returns `runPeriod`'s result, byte for byte.
 * @throws {@link SynergyPayError} the errors of {@link runPeriod} (which of several problems is
 *   reported first may differ: each shard checks its own rows).
 *
 * @example
 * ```ts
 * import { demoScenario, runPeriodSharded } from 'synergy-pay';
 * const scenario = demoScenario({ people: 200 });
 * const result = runPeriodSharded(scenario, 4); // JSON.stringify(result) === JSON.stringify(runPeriod(scenario))
 * ```
 */
export function runPeriodSharded(
  input: RunPeriodInput,
  shards: number | ShardPlan,
  send: <T>(message: T) => T = (message) => message,
): RunPeriodResult {
  const run = shardPeriod(input, shards);
  const runners = run.tasks.map((task) => runShard(send(task)));
  const shares = run.pools(runners.map((runner) => send(runner.poolInputs)));
  const streams = runners.map((runner, k) => runner.finish(send(shares[k]!)));
  const statements: PayStatement[] = [];
  mergeById(
    streams.map((stream) => stream.statements),
    (statement) => statements.push(statement),
  );
  return withStatements(run.summary(streams.map((stream) => send(stream.summary()))), statements);
}

/** Statements of several streams, each in person id order, given in person id order (one held per stream). */
export function mergeById(streams: readonly Iterator<PayStatement>[], emit: (statement: PayStatement) => void): void {
  const heads = streams.map((stream) => stream.next());
  for (;;) {
    let best = -1;
    heads.forEach((head, k) => {
      if (
        head.done !== true &&
        (best < 0 || compareIds(head.value.person, (heads[best]!.value as PayStatement).person) < 0)
      )
        best = k;
    });
    if (best < 0) return;
    emit(heads[best]!.value as PayStatement);
    heads[best] = streams[best]!.next();
  }
}

/** The company-level result from the coordinator's figures and the shards' (phase 5). */
function mergeSummaries(
  coordinator: Coordinator,
  routed: readonly ShardScenario[],
  pools: readonly (PoolSplit | undefined)[],
  summaries: readonly ShardSummaryData[],
): RunPeriodSummary {
  const { context, runs } = coordinator;
  const { resolved, digits } = context;
  const plausible = summaries.flatMap((summary) => summary.plausible);
  throwIfBlocked(context, plausible);
  const { ledger, exclusions, holds, draws, figures, checks } = mergedChecks(coordinator, routed, pools, summaries);
  return {
    ...summaryHead(resolved),
    pools: pools.flatMap((pool, s) =>
      pool === undefined ? [] : [poolSegment(segmentContext(context, s), pool.figures)],
    ),
    departments: mergeDepartments(summaries.map((summary) => summary.departments)),
    reviewQueue: buildReviewQueue(runs.ratings, runs.interlock, plausible),
    interlock: runs.interlock.size === 0 ? null : interlockSummary(runs.interlock),
    totals: periodTotals(figures.totals, figures.rendered.sum, digits),
    conversions: mergeConversions(
      summaries.map((summary) => summary.conversions),
      (currency) => minorDigits(currency, []),
      digits,
    ),
    holds,
    draws,
    ledger,
    exclusions,
    checks,
    trace: resolved.trace,
  };
}

/** The merged ledger, holds, draws and statement figures, and the reconciliation checks over them. */
function mergedChecks(
  { context, runs, controls, crossLedger }: Coordinator,
  routed: readonly ShardScenario[],
  pools: readonly (PoolSplit | undefined)[],
  summaries: readonly ShardSummaryData[],
) {
  const { digits } = context;
  const shardLedgers = summaries.map(({ shard, ledger }) => ({ shard: routed[shard]!, ledger }));
  const { ledger, exclusions, checks: ledgerChecks } = mergeLedger(LEDGER_SECTIONS, crossLedger, shardLedgers);
  const holds = mergeHolds(
    summaries.map((summary) => summary.holds),
    digits,
  );
  const draws = mergeDraws(
    summaries.map((summary) => summary.figures.draws),
    digits,
  );
  const pool = { pool: 0n, unallocated: 0n };
  for (const split of pools) {
    pool.pool += split?.figures.pool ?? 0n;
    pool.unallocated += split?.figures.unallocated ?? 0n;
  }
  const figures = mergeFigures(
    summaries.map((summary) => summary.figures),
    pool,
    draws,
  );
  // What each segment paid of the interlock, over every shard (all the checks read of the segments).
  const segments = context.resolved.segments.map((_, s) => ({
    interlockPaid: summaries.reduce(
      (paid, { interlockPaid }) => ({
        reward: paid.reward + interlockPaid[s]!.reward,
        deduction: paid.deduction + interlockPaid[s]!.deduction,
      }),
      { reward: 0n, deduction: 0n },
    ),
  })) as unknown as SegmentStage[];
  const checks = checksStage(context, {
    statements: figures,
    segments,
    interlockRuns: runs.interlock,
    controls,
    ledger: holds === null ? ledgerChecks : [...ledgerChecks, holdsCheck(holds, digits)],
  });
  return { ledger, exclusions, holds, draws, figures, checks };
}

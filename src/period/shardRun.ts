import { periodContext, segmentContext, type PeriodContext } from './context.js';
import type { PeriodData } from './dataStage.js';
import { departmentsStage } from './departmentsStage.js';
import type { DrawData } from './drawsStage.js';
import { periodHolds } from './holdsStage.js';
import type { InterlockShare } from './interlockStage.js';
import { ledgerStage, type Ledger } from './ledgerStage.js';
import type { Organisation, PayRates } from './orgStage.js';
import { plausibilityItems } from './plausibility.js';
import { commissionNotCarvedItems, poolInputs, poolViews, type PoolInputs, type PoolSplit } from './poolStage.js';
import {
  completeSegment,
  segmentMechanisms,
  type MechanismRuns,
  type PendingSegment,
  type SegmentStage,
} from './segmentStage.js';
import { inShard, wholePath, type ShardScenario } from './shardRoute.js';
import { readStages } from './runPeriod.js';
import { statementsStage, type StatementsFigures } from './statementsStage.js';
import type { TargetsRun } from './targetsStage.js';
import type {
  CurrencyConversion,
  DepartmentResult,
  PayStatement,
  PeriodHolds,
  ReviewItem,
  RunShardStream,
  ShardPoolInputs,
  ShardPoolShare,
  ShardRunner,
  ShardSummary,
  ShardTask,
} from './types.js';

/**
 * A shard of a sharded period run (issue 20 §2; docs/scale.md, "Phases"): phases 2 and 4, a pure
 * function of the shard's task (its rows, the shared mechanism runs) and the pool's share the
 * coordinator sends back. Every message in and out is structured-clonable data — no function, no
 * class instance — so that it can cross a worker thread, a process or a job queue.
 */

/** What the coordinator sends a shard: its scenario and rows' origins, and the shared mechanism runs. */
export interface ShardTaskData extends ShardTask, ShardScenario {
  readonly runs: MechanismRuns;
}

/** A shard's pool inputs per segment, people as indexes of the whole org (`null`: no pool in the segment). */
export interface ShardPoolInputsData extends ShardPoolInputs {
  readonly segments: (PoolInputs | null)[];
}

/** The coordinator's answer to a shard's pool inputs. */
export interface ShardPoolShareData extends ShardPoolShare {
  readonly segments: (PoolSplit | null)[];
}

/** What a shard adds to the company-level result, once its statements are out. */
export interface ShardSummaryData extends ShardSummary {
  readonly figures: Omit<StatementsFigures, 'findings'>;
  readonly plausible: ReviewItem[];
  readonly departments: DepartmentResult[];
  readonly ledger: Ledger;
  readonly holds: PeriodHolds | null;
  readonly conversions: CurrencyConversion[] | null;
  readonly interlockPaid: InterlockShare[];
}

/** A shard after phase 2. */
interface ShardState {
  readonly task: ShardTaskData;
  readonly context: PeriodContext;
  readonly org: Organisation;
  readonly periodData: PeriodData;
  readonly draws: DrawData | null;
  readonly targets: TargetsRun;
  readonly payRates: PayRates;
  readonly pending: PendingSegment[];
  readonly pools: (PoolInputs | undefined)[];
}

/**
 * Runs one shard of a sharded period run: phase 2 at once — its org and rows read and checked,
 * every segment's mechanisms up to the support pool, whose inputs (`poolInputs`) go to the
 * coordinator — and phase 4 when `finish` is given the coordinator's share of the pool: the
 * shard's statements in person id order, then its summary.
 *
 * @param task - one of the coordinator's tasks ({@link shardPeriod}), as sent (a structured clone is fine).
 * @returns the pool inputs to send to the coordinator, and `finish(share)`.
 * @throws {@link SynergyPayError} the errors of {@link runPeriod} about the shard's rows, at their paths in the whole scenario.
 *
 * @example
 * ```ts
 * import { demoScenario, runShard, shardPeriod } from 'synergy-pay';
 * const scenario = demoScenario({ people: 200 });
 * const run = shardPeriod(scenario, 2); // the coordinator
 * const shards = run.tasks.map((task) => runShard(task)); // each could be in a worker
 * const shares = run.pools(shards.map((shard) => shard.poolInputs));
 * const streams = shards.map((shard, k) => shard.finish(shares[k]!));
 * const statements = streams.map((stream) => [...stream.statements]); // each in person id order
 * const summary = run.summary(streams.map((stream) => stream.summary()));
 * ```
 */
export function runShard(task: ShardTask): ShardRunner {
  const state = startShard(task as ShardTaskData);
  const inputs: ShardPoolInputsData = {
    shard: task.shard,
    segments: state.pools.map((pool) => (pool === undefined ? null : globalInputs(state.task, pool))),
  };
  return { poolInputs: inputs, finish: (share) => finishShard(state, share as ShardPoolShareData) };
}

/** Phase 2: the shard's org and data read, and its segments' mechanisms up to the pool. */
function startShard(task: ShardTaskData): ShardState {
  return inShard(task, () => {
    const context: PeriodContext = { ...periodContext(task.scenario), shard: true };
    const { org, periodData, draws, targets, payRates } = readStages(context);
    const pending: PendingSegment[] = [];
    const pools: (PoolInputs | undefined)[] = [];
    context.resolved.segments.forEach((_, s) => {
      const segment = segmentContext(context, s);
      const stage = segmentMechanisms(segment, org, periodData, task.runs, targets);
      pending.push(stage);
      const pool = segment.version.pool;
      pools.push(pool === undefined ? undefined : poolInputs(segment, pool, stage.poolPeople!));
    });
    return { task, context, org, periodData, draws, targets, payRates, pending, pools };
  });
}

/** A shard's pool inputs with its people as indexes of the whole org and its rows' paths in the whole scenario. */
function globalInputs(task: ShardTaskData, inputs: PoolInputs): PoolInputs {
  const whole = (p: number) => task.people[p]!;
  const clawbacks = new Map(
    [...inputs.carve.clawbacks].map(([k, rows]) => [k, rows.map((row) => ({ ...row, at: wholePath(task, row.at) }))]),
  );
  return {
    carve: {
      people: inputs.carve.people.map(whole),
      amounts: inputs.carve.amounts,
      clawbacks,
      uncarved: inputs.carve.uncarved.map(whole),
    },
    recipients: {
      ...inputs.recipients,
      people: inputs.recipients.people.map(whole),
      ...(inputs.recipients.departments === undefined
        ? {}
        : { departments: inputs.recipients.departments.map((d) => task.departments[d]!) }),
    },
  };
}

/** Phase 4: the shard's statements (a stream), then its summary. */
function finishShard(state: ShardState, share: ShardPoolShareData): RunShardStream {
  const segments = state.pending.map((pending, s) => {
    const split = share.segments[s];
    const inputs = state.pools[s];
    const context = segmentContext(state.context, s);
    const pool = context.version.pool;
    const result =
      split === null || split === undefined || inputs === undefined || pool === undefined
        ? undefined
        : poolViews(context, pool, inputs, split);
    return completeSegment(context, pending, result);
  });
  const { context, org, periodData, payRates, draws, targets } = state;
  const generator = statementsStage(context, org.work, periodData, payRates, segments, draws, targets);
  let summary: ShardSummaryData | undefined;
  const next = (): IteratorResult<PayStatement, undefined> => {
    if (summary !== undefined) return { done: true, value: undefined };
    const step = inShard(state.task, () => generator.next());
    if (step.done !== true) return step;
    summary = shardSummary(state, segments, step.value);
    return { done: true, value: undefined };
  };
  const statements: IterableIterator<PayStatement> = { next, [Symbol.iterator]: () => statements };
  return {
    statements,
    summary: () => {
      while (summary === undefined) next();
      return summary;
    },
  };
}

/** A shard's partial company-level figures once its statements are out. */
function shardSummary(state: ShardState, segments: SegmentStage[], figures: StatementsFigures): ShardSummaryData {
  return inShard(state.task, () => {
    const { context, org, periodData, task } = state;
    const { findings, ...sums } = figures;
    return {
      shard: task.shard,
      statements: figures.rendered.count,
      figures: sums,
      plausible: [...plausibilityItems(context, findings, segments), ...commissionNotCarvedItems(context, segments)],
      departments: departmentsStage(context, org.work, segments),
      ledger: ledgerStage({ context, org, periodData, segments, runs: task.runs }),
      holds: periodHolds(periodData.holds, context.digits),
      conversions: periodData.converted,
      interlockPaid: segments.map((segment) => segment.interlockPaid),
    };
  });
}

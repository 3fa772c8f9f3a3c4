import { compareIds } from '../core/ids.js';
import { IssueList } from '../core/errors.js';
import { minorDigits } from '../core/currency.js';
import { checksStage } from './checksStage.js';
import { periodContext, segmentContext, type PeriodContext } from './context.js';
import { checkInputControls } from './controls.js';
import { dataStage, type PeriodData } from './dataStage.js';
import { departmentsStage } from './departmentsStage.js';
import { readDraws, type DrawData } from './drawsStage.js';
import { holdsCheck, periodHolds } from './holdsStage.js';
import { interlockSummary } from './interlockStage.js';
import { LEDGER_SECTIONS, ledgerStage } from './ledgerStage.js';
import { orgStage, readPayRates, type Organisation, type PayRates } from './orgStage.js';
import { planShards, type ShardPlan } from './planShards.js';
import { plausibilityItems, throwIfBlocked } from './plausibility.js';
import {
  commissionNotCarvedItems,
  poolFigures,
  poolInputs,
  type PoolInputs,
  type PoolStageResult,
} from './poolStage.js';
import { buildReviewQueue } from './reviewQueue.js';
import { checkMechanismRows, parseScenario, type Scenario, type ScenarioData } from './scenarioInput.js';
import {
  completeSegment,
  crossRuns,
  emptyRuns,
  poolSegment,
  segmentMechanisms,
  type MechanismRuns,
  type PendingSegment,
  type SegmentStage,
} from './segmentStage.js';
import { mergeConversions, mergeDepartments, mergeDraws, mergeFigures, mergeHolds, mergeLedger } from './shardMerge.js';
import { BROADCAST, CROSS, inShard, routeScenario, wholePath, type ShardScenario } from './shardRoute.js';
import { periodTotals, statementsStage, type StatementsFigures } from './statementsStage.js';
import { targetsStage, type TargetsRun } from './targetsStage.js';
import { summaryHead, withStatements } from './runPeriod.js';
import type { PayStatement, ReviewItem, RunPeriodInput, RunPeriodResult, RunPeriodSummary } from './types.js';

/**
 * A period run in shards by department (issue 20 §2; docs/scale.md, "The run in shards"): the
 * coordinator checks the whole scenario's org and references, runs the mechanisms that read rows
 * of every department once (response times, ratings, the interlock), and routes every other row to
 * the shard of its subject; each shard runs its departments and people as a period run does, the
 * support pool's carve and share done by the coordinator over every shard's contributors and
 * recipients; the statements are merged by person id and the company-level result from the
 * shards' partial figures. The result is `runPeriod`'s, byte for byte.
 */

/** The coordinator's part of the run: the whole scenario checked, the shared mechanism runs. */
interface Coordinator {
  readonly context: PeriodContext;
  readonly org: Organisation;
  readonly runs: MechanismRuns;
  readonly controls: ReturnType<typeof checkInputControls>;
}

/** A shard after phase 2: its stages up to the pool, and what the pool reads of its people per segment. */
interface ShardState {
  readonly shard: ShardScenario;
  readonly context: PeriodContext;
  readonly org: Organisation;
  readonly periodData: PeriodData;
  readonly draws: DrawData | null;
  readonly targets: TargetsRun;
  readonly payRates: PayRates;
  readonly pending: PendingSegment[];
  readonly pools: (PoolInputs | undefined)[];
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

/** Phase 0 and the coordinator's phase 3 inputs: the whole scenario checked, the shared runs. */
function coordinate(scenario: Scenario): Coordinator {
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
  return { context, org, runs, controls };
}

/** Phase 2 of one shard: its org and data read, and its segments' mechanisms up to the pool. */
function startShard(shard: ShardScenario, runs: MechanismRuns): ShardState {
  return inShard(shard, () => {
    const context: PeriodContext = { ...periodContext(shard.scenario), shard: true };
    const issues = new IssueList();
    const org = orgStage(context, issues);
    const periodData = dataStage(context, org, issues);
    const draws = readDraws(context, org, issues);
    const targets = targetsStage(context, org, issues);
    issues.throwIfAny();
    const payRates = readPayRates(context, issues);
    issues.throwIfAny();
    const pending: PendingSegment[] = [];
    const pools: (PoolInputs | undefined)[] = [];
    context.resolved.segments.forEach((_, s) => {
      const segment = segmentContext(context, s);
      const stage = segmentMechanisms(segment, org, periodData, runs, targets);
      pending.push(stage);
      const pool = segment.version.pool;
      pools.push(pool === undefined ? undefined : poolInputs(segment, pool, stage.poolPeople!));
    });
    return { shard, context, org, periodData, draws, targets, payRates, pending, pools };
  });
}

/** Every shard's pool inputs of a segment, in the whole org's order. */
function gatherPool(shards: readonly ShardState[], s: number): PoolInputs {
  const carve: {
    p: number;
    amount: bigint;
    clawbacks: PoolInputs['carve']['clawbacks'] extends Map<number, infer C> ? C : never;
  }[] = [];
  const uncarved: number[] = [];
  const recipients: { p: number; k: number; inputs: PoolInputs }[] = [];
  for (const state of shards) {
    const inputs = state.pools[s]!;
    const global = state.shard.people;
    inputs.carve.people.forEach((p, k) => {
      const clawbacks = (inputs.carve.clawbacks.get(k) ?? []).map((clawback) => ({
        ...clawback,
        at: wholePath(state.shard, clawback.at),
      }));
      carve.push({ p: global[p]!, amount: inputs.carve.amounts[k]!, clawbacks });
    });
    for (const p of inputs.carve.uncarved) uncarved.push(global[p]!);
    inputs.recipients.people.forEach((p, k) => recipients.push({ p: global[p]!, k, inputs }));
  }
  carve.sort((a, b) => a.p - b.p);
  recipients.sort((a, b) => a.p - b.p);
  const clawbacks = new Map(
    carve.flatMap((row, k) => (row.clawbacks.length === 0 ? [] : [[k, row.clawbacks] as const])),
  );
  return {
    carve: {
      people: carve.map((row) => row.p),
      amounts: carve.map((row) => row.amount),
      clawbacks,
      uncarved: uncarved.sort((a, b) => a - b),
    },
    recipients: {
      rows: recipients.map(({ k, inputs }) => inputs.recipients.rows[k]!),
      people: recipients.map(({ p }) => p),
      choices: recipients.map(({ k, inputs }) => inputs.recipients.choices[k]!),
    },
  };
}

/** The whole pool's figures as one shard's statements read them: its people's contributions and awards. */
function poolSlice(whole: PoolStageResult, state: ShardState, s: number): PoolStageResult {
  const global = state.shard.people;
  const inputs = state.pools[s]!;
  return {
    ...whole,
    contribution: global.map((g) => whole.contribution[g]!),
    contributionTrace: (p) => whole.contributionTrace(global[p]!),
    award: global.map((g) => whole.award[g]),
    awardLine: (p) => whole.awardLine(global[p]!),
    choices: inputs.recipients.choices,
    uncarved: inputs.carve.uncarved,
  };
}

/** A shard's statements and, once they are out, its partial company-level figures. */
interface ShardRun {
  readonly state: ShardState;
  readonly segments: SegmentStage[];
  readonly statements: Generator<PayStatement, StatementsFigures, undefined>;
}

/** What one shard adds to the company-level result. */
interface ShardSummary {
  readonly figures: StatementsFigures;
  readonly plausible: ReviewItem[];
  readonly departments: ReturnType<typeof departmentsStage>;
  readonly ledger: ReturnType<typeof ledgerStage>;
  readonly holds: ReturnType<typeof periodHolds>;
  readonly state: ShardState;
  readonly segments: SegmentStage[];
}

/** Phase 4 of a shard: the pool's figures in, its statements out (a generator). */
function finishShard(state: ShardState, pools: readonly (PoolStageResult | undefined)[]): ShardRun {
  const segments = state.pending.map((pending, s) => {
    const pool = pools[s];
    return completeSegment(
      segmentContext(state.context, s),
      pending,
      pool === undefined ? undefined : poolSlice(pool, state, s),
    );
  });
  const { context, org, periodData, payRates, draws, targets } = state;
  const statements = statementsStage(context, org.work, periodData, payRates, segments, draws, targets);
  return { state, segments, statements };
}

/** A shard's partial company-level figures once its statements are out. */
function shardSummary(run: ShardRun, figures: StatementsFigures, runs: MechanismRuns): ShardSummary {
  const { state, segments } = run;
  return inShard(state.shard, () => {
    const { context, org, periodData } = state;
    const plausible = [
      ...plausibilityItems(context, figures.findings, segments),
      ...commissionNotCarvedItems(context, segments),
    ];
    return {
      figures,
      plausible,
      departments: departmentsStage(context, org.work, segments),
      ledger: ledgerStage({ context, org, periodData, segments, runs }),
      holds: periodHolds(periodData.holds, context.digits),
      state,
      segments,
    };
  });
}

/**
 * Runs a period in shards by department in one process, as {@link runPeriod} would in one piece
 * (internal; issue 20 §2): `shards` shards balanced by people ({@link planShards}), or the
 * departments of each shard as given (a department in no shard goes to the first).
 */
export function runPeriodSharded(input: RunPeriodInput, shards: number | ShardPlan): RunPeriodResult {
  const scenario = parseScenario(input);
  const coordinator = coordinate(scenario);
  const { context, runs } = coordinator;
  const plan = typeof shards === 'number' ? planShards(scenario.org, shards) : shards;
  const states = routeScenario(scenario, plan).map((shard) => startShard(shard, runs));
  const pools = context.resolved.segments.map((_, s) => {
    const segment = segmentContext(context, s);
    const pool = segment.version.pool;
    return pool === undefined ? undefined : poolFigures(segment, pool, gatherPool(states, s));
  });
  const shardRuns = states.map((state) => finishShard(state, pools));
  const statements: PayStatement[] = [];
  const summaries = mergeStatements(shardRuns, runs, (statement) => statements.push(statement));
  return withStatements(mergeSummaries(coordinator, pools, summaries), statements);
}

/** The shards' statements in person id order (a k-way merge: one statement per shard held), then their summaries. */
function mergeStatements(
  shardRuns: readonly ShardRun[],
  runs: MechanismRuns,
  emit: (statement: PayStatement) => void,
): ShardSummary[] {
  const summaries: (ShardSummary | undefined)[] = shardRuns.map(() => undefined);
  const heads: (PayStatement | undefined)[] = shardRuns.map(() => undefined);
  const advance = (k: number) => {
    const run = shardRuns[k]!;
    const step = inShard(run.state.shard, () => run.statements.next());
    if (step.done === true) {
      heads[k] = undefined;
      summaries[k] = shardSummary(run, step.value, runs);
    } else heads[k] = step.value;
  };
  shardRuns.forEach((_, k) => {
    advance(k);
  });
  for (;;) {
    let best = -1;
    heads.forEach((head, k) => {
      if (head !== undefined && (best < 0 || compareIds(head.person, heads[best]!.person) < 0)) best = k;
    });
    if (best < 0) break;
    emit(heads[best]!);
    advance(best);
  }
  return summaries as ShardSummary[];
}

/** The company-level result from the coordinator's figures and the shards' (phase 5). */
function mergeSummaries(
  coordinator: Coordinator,
  pools: readonly (PoolStageResult | undefined)[],
  summaries: readonly ShardSummary[],
): RunPeriodSummary {
  const { context, runs } = coordinator;
  const { resolved, digits } = context;
  const plausible = summaries.flatMap((summary) => summary.plausible);
  throwIfBlocked(context, plausible);
  const { ledger, exclusions, holds, draws, figures, checks } = mergedChecks(coordinator, pools, summaries);
  return {
    ...summaryHead(resolved),
    pools: pools.flatMap((pool, s) => (pool === undefined ? [] : [poolSegment(segmentContext(context, s), pool)])),
    departments: mergeDepartments(summaries.map((summary) => summary.departments)),
    reviewQueue: buildReviewQueue(runs.ratings, runs.interlock, plausible),
    interlock: runs.interlock.size === 0 ? null : interlockSummary(runs.interlock),
    totals: periodTotals(figures.totals, figures.rendered.sum, digits),
    conversions: mergeConversions(
      summaries.map((summary) => summary.state.periodData.converted),
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
  { context, org, runs, controls }: Coordinator,
  pools: readonly (PoolStageResult | undefined)[],
  summaries: readonly ShardSummary[],
) {
  const { digits } = context;
  // The lists the coordinator's mechanisms read are its own sections of the ledger.
  const crossLedger = ledgerStage({
    context: { ...context, data: pick(context.data, CROSS) },
    org,
    periodData: undefined as unknown as PeriodData,
    segments: [],
    runs,
  });
  const shardLedgers = summaries.map(({ state, ledger }) => ({ shard: state.shard, ledger }));
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
  for (const figures of pools) {
    pool.pool += figures?.pool ?? 0n;
    pool.unallocated += figures?.unallocated ?? 0n;
  }
  const figures = mergeFigures(
    summaries.map((summary) => summary.figures),
    pool,
    draws,
  );
  // What each segment paid of the interlock, over every shard (all the checks read of the segments).
  const segments = context.resolved.segments.map((_, s) => ({
    interlockPaid: summaries.reduce(
      (paid, { segments: stages }) => ({
        reward: paid.reward + stages[s]!.interlockPaid.reward,
        deduction: paid.deduction + stages[s]!.interlockPaid.deduction,
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

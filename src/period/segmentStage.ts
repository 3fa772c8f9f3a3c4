import { Dec, decimalFraction } from '../core/decimal.js';
import { formatMinor } from '../core/money.js';
import type { TraceStep } from '../core/trace.js';
import type { RateeScore, RatingsScores } from '../ratings/types.js';
import type { ScoredSubject } from '../scorecard/types.js';
import type { ResponseTimesResult, UnitResponseTimes } from '../time/types.js';
import type { SegmentContext } from './context.js';
import type { PeriodData } from './dataStage.js';
import { interlockStage, shareInterlock, type InterlockRun, type InterlockShare } from './interlockStage.js';
import { linkageStage } from './linkageStage.js';
import type { Organisation } from './orgStage.js';
import { poolScoreChooser, type PoolScoreChoice, type PoolScoreSources } from './poolScore.js';
import { poolStage, type PoolAwardLine, type PoolPeople, type PoolSplit, type PoolStageResult } from './poolStage.js';
import type { RatingRowsScores } from '../ratings/scoreRatings.js';
import { ratingsStage } from './ratingsStage.js';
import { canonicalKey } from './repath.js';
import { scorecardStage, supportReceived, type LeafScores } from './scorecardStage.js';
import { personTimeStage, timeStage } from './timeStage.js';
import type { PersonTimes } from './poolScore.js';
import type { TargetsRun } from './targetsStage.js';
import type { DepartmentLinkage, PoolSegment, StatementTargets } from './types.js';

/**
 * The runs of the mechanisms that measure the whole period, by the canonical key of their
 * settings: segments with the same settings share one run. Kept in first-run order.
 */
export interface MechanismRuns {
  readonly responseTimes: Map<string, ResponseTimesResult>;
  readonly ratings: Map<string, RatingRowsScores>;
  readonly interlock: Map<string, InterlockRun>;
  /** Per person: their assigned tickets' scores (read under `pool.scoreFrom: "supportCard"`). */
  readonly personTimes: Map<string, Map<string, PersonTimes>>;
  /** Per department: the support it received (a scorecard's `supportReceived` leaf). */
  readonly supportReceived: Map<string, ReadonlyMap<string, string>>;
}

/** No mechanism run yet. */
export function emptyRuns(): MechanismRuns {
  return {
    responseTimes: new Map(),
    ratings: new Map(),
    interlock: new Map(),
    personTimes: new Map(),
    supportReceived: new Map(),
  };
}

/** What the mechanisms give one segment before the per-person pass. */
export interface SegmentStage {
  readonly segment: number;
  /** Per department: the coefficient applied to target bonuses, as printed. */
  readonly coefficient: string[];
  readonly coefficientFraction: [bigint, bigint][];
  readonly departmentTrace: TraceStep[][];
  /** Per person: the pool contribution carved from their commission, or `null` without a pool. */
  readonly contribution: bigint[] | null;
  /** Person p's contribution trace, built when their statement asks for it; `null` without a pool. */
  readonly contributionTrace: ((person: number) => TraceStep[]) | null;
  /** Per person: the pool award (`undefined` for non-recipients), or `null` without a pool. */
  readonly award: (bigint | undefined)[] | null;
  /** Person p's award line (trace; score, f and basis), built when their statement asks for it; `null` without a pool. */
  readonly awardLine: ((person: number) => PoolAwardLine | undefined) | null;
  /** Each pool recipient's score choice (empty without a pool). */
  readonly scoreChoices: readonly PoolScoreChoice[];
  /** People whose commission the pool paid in full, uncarved (`nonContributorCommissions: "payInFull"`); empty without a pool. */
  readonly uncarved: readonly number[];
  readonly pool: bigint;
  readonly awarded: bigint;
  readonly unallocated: bigint;
  /** The segment's support pool as the result reports it, or `null` without a pool. */
  readonly poolSegment: PoolSegment | null;
  /** Σ interlock rewards and deductions paid in the segment (zero without an interlock). */
  readonly interlockPaid: InterlockShare;
  /** Per department: linkage figures, or `null` without linkage. */
  readonly linkage: DepartmentLinkage[] | null;
  /** Response-time scores by department id, or `null` when not scored. */
  readonly responseTimes: Map<string, UnitResponseTimes> | null;
  /** Per department: the composed scorecard, or `null` without one. */
  readonly scorecards: (ScoredSubject | null)[] | null;
  /** Per department: the own coefficient D used (the scorecard's, else the data's). */
  readonly own: string[];
  /** The ratings run, or `null`. */
  readonly ratings: RatingsScores | null;
  /** The last rating score row of each ratee. */
  readonly rateeScores: Map<string, RateeScore>;
}

/** A person's target score under the segment's version, by id (`undefined` without a `targets` section). */
function targetScoreOf(
  org: Organisation,
  scored: readonly (StatementTargets | undefined)[] | undefined,
): ((person: string) => string | null) | undefined {
  if (scored === undefined) return undefined;
  return (person) => scored[org.personIndex.get(person)!]?.score ?? null;
}

/** Runs `compute` once per distinct setting: the first segment with the setting runs it, later ones reuse the result. */
function runOnce<T>(runs: Map<string, T>, settings: unknown, compute: () => T): T {
  const key = canonicalKey(settings);
  let run = runs.get(key);
  if (run === undefined) {
    run = compute();
    runs.set(key, run);
  }
  return run;
}

/**
 * The segment stage: what each mechanism of the segment's plan version contributes, computed
 * before the per-person pass. In order: response times and ratings (scored once per distinct
 * setting for the whole period), the interlock (settled once per setting; this segment's share
 * of the days is appended to the people's statement lines), the department scorecards (their
 * coefficient replaces the data's own D), the relevance-matrix linkage (blends D with the
 * company KPIs into the coefficient applied to target bonuses) and the support pool (carved
 * from the front line, shared by the back office). Inputs come from the earlier stages (`org`,
 * `periodData`); mechanism runs are cached in `runs`. Returns the department coefficients with
 * their trace, the pool's per-person contributions and awards, and what the result reports of
 * each mechanism.
 */
export function segmentStage(
  context: SegmentContext,
  org: Organisation,
  periodData: PeriodData,
  runs: MechanismRuns,
  targets: TargetsRun,
): SegmentStage {
  const pending = segmentMechanisms(context, org, periodData, runs, targets);
  const { pool } = context.version;
  return completeSegment(
    context,
    pending,
    pool === undefined ? undefined : poolStage(context, pool, pending.poolPeople!),
  );
}

/** A segment's figures before its support pool is shared: everything but the pool, and what the pool reads of its people. */
export interface PendingSegment extends Omit<SegmentStage, PoolFields> {
  /** The pool's people (sides, commission rows, score choices), or `undefined` without a pool. */
  readonly poolPeople: PoolPeople | undefined;
}

/** The fields of a segment stage that the support pool fills in. */
type PoolFields =
  | 'contribution'
  | 'contributionTrace'
  | 'award'
  | 'awardLine'
  | 'scoreChoices'
  | 'uncarved'
  | 'pool'
  | 'awarded'
  | 'unallocated'
  | 'poolSegment';

/**
 * The segment's mechanisms up to the support pool: response times, ratings, the interlock, the
 * department coefficients (scorecards, linkage), and the pool's people with their score choices.
 */
export function segmentMechanisms(
  context: SegmentContext,
  org: Organisation,
  periodData: PeriodData,
  runs: MechanismRuns,
  targets: TargetsRun,
): PendingSegment {
  const { version } = context;
  // Tiered response times per department [seed 001, seed 004].
  const settingsOfTimes = version.responseTimes;
  const responseTimes =
    settingsOfTimes === undefined
      ? undefined
      : runOnce(runs.responseTimes, settingsOfTimes, () => timeStage(context, settingsOfTimes));
  const ratings = ratingsRun(context, org, runs);
  const { interlock, interlockPaid } = interlockRun(context, org, runs);
  const unitTimes = new Map<string, UnitResponseTimes>();
  for (const unit of responseTimes?.units ?? []) unitTimes.set(unit.unit, unit);
  const rateeScores = new Map<string, RateeScore>();
  for (const row of ratings?.scores ?? []) rateeScores.set(row.ratee, row); // ordered by ratee, then period: the last label wins
  const ratingScore = (id: string): string | undefined => {
    const row = rateeScores.get(id);
    return row?.status === 'scored' && row.score !== null ? row.score : undefined;
  };
  const leafScores = {
    componentScore: periodData.componentScore,
    ratingScore,
    unitTimes,
    interlock,
    supportReceived: () => received(context, runs, unitTimes),
  };
  const coefficients = departmentCoefficients(context, periodData, leafScores);
  const personTimes =
    settingsOfTimes !== undefined && version.pool?.scoreFrom === 'supportCard'
      ? runOnce(runs.personTimes, settingsOfTimes, () => personTimeStage(context, settingsOfTimes))
      : undefined;
  const poolPeople = poolPeopleOf(context, org, periodData, {
    rateeScores,
    ratings,
    unitTimes: responseTimes === undefined ? undefined : unitTimes,
    personTimes,
    targetScore: targetScoreOf(org, targets.get(context.versionIndex)),
  });
  return {
    ...coefficients,
    coefficientFraction: coefficients.coefficient.map((value) => decimalFraction(new Dec(value))),
    interlockPaid,
    segment: context.s,
    responseTimes: responseTimes === undefined ? null : unitTimes,
    ratings: ratings ?? null,
    rateeScores,
    poolPeople,
  };
}

/** The segment stage once its pool (if any) is shared. */
export function completeSegment(
  context: SegmentContext,
  pending: PendingSegment,
  pool: PoolStageResult | undefined,
): SegmentStage {
  const { poolPeople: _, ...stage } = pending;
  return {
    ...stage,
    contribution: pool?.contribution ?? null,
    contributionTrace: pool?.contributionTrace ?? null,
    award: pool?.award ?? null,
    awardLine: pool?.awardLine ?? null,
    scoreChoices: pool?.choices ?? [],
    uncarved: pool?.uncarved ?? [],
    pool: pool?.pool ?? 0n,
    awarded: pool?.awarded ?? 0n,
    unallocated: pool?.unallocated ?? 0n,
    poolSegment: pool === undefined ? null : poolSegment(context, pool),
  };
}

/** Peripheral ratings with outlier review [seed 003], scored once per distinct setting for the period. */
function ratingsRun(context: SegmentContext, org: Organisation, runs: MechanismRuns): RatingRowsScores | undefined {
  const settings = context.version.ratings;
  if (settings === undefined) return undefined;
  // ratingsStage takes one input object, not (context, settings): adapted here.
  return runOnce(runs.ratings, settings, () => {
    const { departments, people } = context.scenario.org;
    return ratingsStage({
      settings,
      path: [...context.versionPath, 'ratings'],
      ratings: context.data.ratings ?? [],
      decisions: context.data.reviewDecisions ?? [],
      // Raters and ratees: every department, then every person, with their side.
      parties: [
        ...departments.map((department) => ({ id: department.id, side: department.side })),
        ...people.map((person, p) => ({ id: person.id, side: departments[org.work[p]!.department]!.side })),
      ],
      rounding: context.rounding,
      // Only a department's score reaches the result (its `departments[].rating`), with its trace.
      traced: (ratee) => org.departmentIndex.has(ratee),
    });
  });
}

/**
 * Interlocked indicators [指标互锁, seed 003]: settled once per distinct setting for the period;
 * in a split period each segment pays its share of the days. The interlock stage takes input
 * objects, not (context, settings): adapted here.
 */
function interlockRun(
  context: SegmentContext,
  org: Organisation,
  runs: MechanismRuns,
): { interlock: InterlockRun | undefined; interlockPaid: InterlockShare } {
  const settings = context.version.interlock;
  if (settings === undefined) return { interlock: undefined, interlockPaid: { reward: 0n, deduction: 0n } };
  const { resolved, rounding, s } = context;
  const interlock = settledInterlock(context, runs, settings);
  let daysBefore = 0;
  for (let t = 0; t < s; t++) daysBefore += resolved.segments[t]!.days;
  const interlockPaid = shareInterlock({
    run: interlock,
    versionIndex: context.versionIndex,
    segment: context.segment,
    segmentIndex: s,
    daysBefore,
    periodDays: BigInt(resolved.period.days),
    rounding,
    digits: context.digits,
    personIndex: org.personIndex,
    departmentIndex: org.departmentIndex,
    work: org.work,
  });
  return { interlock, interlockPaid };
}

/** The interlock settled once per distinct setting for the period. */
function settledInterlock(
  context: SegmentContext,
  runs: MechanismRuns,
  settings: NonNullable<SegmentContext['version']['interlock']>,
): InterlockRun {
  return runOnce(runs.interlock, settings, () =>
    interlockStage({
      interlock: settings,
      path: [...context.versionPath, 'interlock'],
      currency: context.currency,
      facts: context.data.revenueFacts ?? [],
      rounding: context.rounding,
    }),
  );
}

/**
 * The runs of the segment's mechanisms that read rows of every department — response times
 * (and each person's, for a support card), ratings, the interlock's credits and settlement —
 * added to `runs`: what the coordinator of a sharded run computes and shares with every shard,
 * whose segment stages then find them there (issue 20 §2).
 */
export function crossRuns(context: SegmentContext, org: Organisation, runs: MechanismRuns): void {
  ticketRuns(context, runs);
  ratingsRun(context, org, runs);
  if (context.version.interlock !== undefined) settledInterlock(context, runs, context.version.interlock);
}

/**
 * The runs of the segment's mechanisms that read the tickets — response times, each person's
 * (for a support card), the support each department received (for a scorecard that maps it) —
 * added to `runs`, where the segment stage finds them: the period run computes them for every
 * segment first, so that the tickets (the largest list) can be let go before the other mechanisms
 * run (issue 20).
 */
export function ticketRuns(context: SegmentContext, runs: MechanismRuns): void {
  const { version } = context;
  const times = version.responseTimes;
  if (times !== undefined) {
    runOnce(runs.responseTimes, times, () => timeStage(context, times));
    if (version.pool?.scoreFrom === 'supportCard')
      runOnce(runs.personTimes, times, () => personTimeStage(context, times));
  }
  const cards = version.scorecard === undefined ? [] : [version.scorecard].flat();
  if (cards.some((card) => Object.values(card.sources ?? {}).includes('supportReceived'))) {
    const unitTimes = new Map<string, UnitResponseTimes>();
    const run = times === undefined ? undefined : runs.responseTimes.get(canonicalKey(times));
    for (const unit of run?.units ?? []) unitTimes.set(unit.unit, unit);
    received(context, runs, unitTimes);
  }
}

/** The support each department received, once per distinct response-time setting (the tickets are the period's). */
function received(
  context: SegmentContext,
  runs: MechanismRuns,
  unitTimes: ReadonlyMap<string, UnitResponseTimes>,
): ReadonlyMap<string, string> {
  return runOnce(runs.supportReceived, context.version.responseTimes ?? null, () =>
    supportReceived(context, unitTimes),
  );
}

/** Per department: the own coefficient D, the coefficient applied to target bonuses, their trace, and the mechanisms behind them. */
type DepartmentCoefficients = Pick<SegmentStage, 'own' | 'coefficient' | 'departmentTrace' | 'scorecards' | 'linkage'>;

/**
 * Each department's coefficient: the data's own D, replaced by the scorecard's coefficient when
 * the card maps one (seed 001), then blended with the company KPIs by the relevance matrix
 * (seed 003).
 */
function departmentCoefficients(
  context: SegmentContext,
  periodData: PeriodData,
  leafScores: LeafScores,
): DepartmentCoefficients {
  const { version, rounding } = context;
  const own = periodData.ownCoefficients.slice();
  const coefficient = periodData.ownCoefficients.slice();
  const departmentTrace = periodData.ownTrace.map((step) => [step]);
  const scorecards = version.scorecard === undefined ? null : scorecardStage(context, version.scorecard, leafScores);
  scorecards?.forEach((subject, d) => {
    if (subject !== null && subject.coefficient !== null) {
      own[d] = new Dec(subject.coefficient).toFixed(rounding.coefficientDecimals);
      coefficient[d] = own[d]!;
      departmentTrace[d]!.push(...subject.trace);
    }
  });
  const linked = version.linkage === undefined ? null : linkageStage(context, version.linkage, own);
  const linkage = linked?.map((row, d): DepartmentLinkage => {
    coefficient[d] = new Dec(row.blended).toFixed(rounding.coefficientDecimals);
    departmentTrace[d]!.push(...row.trace);
    const { exempt, ratioSum, blended, uniform, difference, links } = row;
    return { exempt, ratioSum, blended, uniform, difference, links };
  });
  return { own, coefficient, departmentTrace, scorecards, linkage: linkage ?? null };
}

/**
 * What seed 001's support pool reads of the segment's people: their sides, their commission rows,
 * and each one's support score — from `scoreFrom` (a rating or a response score) when the plan
 * says so, else (or when that source has none) the data's support score of the person or their
 * department; each recipient's choice, with the reason for a fallback, goes on their award line.
 * `undefined` without a pool.
 */
function poolPeopleOf(
  context: SegmentContext,
  org: Organisation,
  periodData: PeriodData,
  sources: Omit<PoolScoreSources, 'supportScore'>,
): PoolPeople | undefined {
  if (context.version.pool === undefined) return undefined;
  const { departments, people } = context.scenario.org;
  const choose = poolScoreChooser(context, { ...sources, supportScore: periodData.supportScore });
  const score = (p: number) => choose(people[p]!.id, people[p]!.department);
  const unitScore = (department: string) => choose(department, department);
  const sides = org.work.map((w) => departments[w.department]!.side);
  return { sides, rows: periodData.poolRows![context.s]!, score, unitScore };
}

/** The segment's support pool as the result reports it. */
export function poolSegment({ segment, digits }: SegmentContext, pool: PoolSplit['figures']): PoolSegment {
  return {
    version: segment.version,
    rate: pool.rate,
    contributors: pool.contributors,
    recipients: pool.recipients,
    gross: formatMinor(pool.gross, digits),
    pool: formatMinor(pool.pool, digits),
    awarded: formatMinor(pool.awarded, digits),
    unallocated: formatMinor(pool.unallocated, digits),
    trace: pool.trace,
    ...(pool.units === null ? {} : { units: pool.units }),
  };
}

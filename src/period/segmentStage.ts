import { Dec, decimalFraction } from '../core/decimal.js';
import type { DecimalInput } from '../core/decimalInput.js';
import { formatMinor } from '../core/money.js';
import type { TraceStep } from '../core/trace.js';
import type { RateeScore, RatingsScores } from '../ratings/types.js';
import type { ScoredSubject } from '../scorecard/types.js';
import type { ResponseTimesResult, UnitResponseTimes } from '../time/types.js';
import type { PeriodData } from './dataStage.js';
import { shiftDate } from './dates.js';
import { interlockStage, shareInterlock, type InterlockRun, type InterlockShare } from './interlockStage.js';
import { linkageStage } from './linkageStage.js';
import type { Organisation } from './orgStage.js';
import { poolStage } from './poolStage.js';
import { ratingsStage } from './ratingsStage.js';
import { canonicalKey } from './repath.js';
import type { ResolvedPlanVersions } from './resolvePlan.js';
import type { Scenario } from './scenarioInput.js';
import { scorecardStage } from './scorecardStage.js';
import { timeStage } from './timeStage.js';
import type { DepartmentLinkage, PoolSegment } from './types.js';

/** The period-wide inputs every segment's mechanisms read, built once per run by {@link segmentInputs}. */
export interface SegmentInputs {
  readonly scenario: Scenario;
  readonly resolved: ResolvedPlanVersions;
  readonly org: Organisation;
  readonly periodData: PeriodData;
  readonly digits: number;
  /** Whether per-person trace steps are wanted (`trace` in the scenario). */
  readonly withTrace: boolean;
  /** The instant open tickets are measured up to: the scenario's `asOf`, else the day after the period. */
  readonly asOf: string;
  /** Raters and ratees: every department, then every person, with their side. */
  readonly parties: { id: string; side: 'front' | 'middle' | 'back' }[];
}

/** Gathers the period-wide inputs of the segment stages from the earlier stages' results. */
export function segmentInputs(
  scenario: Scenario,
  resolved: ResolvedPlanVersions,
  org: Organisation,
  periodData: PeriodData,
  digits: number,
): SegmentInputs {
  const { departments, people } = scenario.org;
  return {
    scenario,
    resolved,
    org,
    periodData,
    digits,
    withTrace: scenario.trace !== false,
    asOf: scenario.asOf ?? `${shiftDate(resolved.period.end, 1)}T00:00:00Z`,
    parties: [
      ...departments.map((department) => ({ id: department.id, side: department.side })),
      ...people.map((person, p) => ({ id: person.id, side: departments[org.work[p]!.department]!.side })),
    ],
  };
}

/**
 * The runs of the mechanisms that measure the whole period, by the canonical key of their
 * settings: segments with the same settings share one run. Kept in first-run order.
 */
export interface MechanismRuns {
  readonly responseTimes: Map<string, ResponseTimesResult>;
  readonly ratings: Map<string, RatingsScores>;
  readonly interlock: Map<string, InterlockRun>;
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
  readonly contributionTrace: TraceStep[][] | null;
  /** Per person: the pool award (`undefined` for non-recipients), or `null` without a pool. */
  readonly award: (bigint | undefined)[] | null;
  readonly awardTrace: TraceStep[][] | null;
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
  readonly scorecards: ScoredSubject[] | null;
  /** Per department: the own coefficient D used (the scorecard's, else the data's). */
  readonly own: string[];
  /** The ratings run, or `null`. */
  readonly ratings: RatingsScores | null;
  /** The last rating score row of each ratee. */
  readonly rateeScores: Map<string, RateeScore>;
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
 * The segment stage: what each mechanism of segment `s`'s plan version contributes, computed
 * before the per-person pass. In order: response times and ratings (scored once per distinct
 * setting for the whole period), the interlock (settled once per setting; this segment's share
 * of the days is appended to the people's statement lines), the department scorecards (their
 * coefficient replaces the data's own D), the relevance-matrix linkage (blends D with the
 * company KPIs into the coefficient applied to target bonuses) and the support pool (carved
 * from the front line, shared by the back office). Inputs come from the earlier stages
 * (`inputs`); mechanism runs are cached in `runs`. Returns the department coefficients with
 * their trace, the pool's per-person contributions and awards, and what the result reports of
 * each mechanism.
 */
export function segmentStage(inputs: SegmentInputs, runs: MechanismRuns, s: number): SegmentStage {
  const { scenario, resolved, org, periodData, digits } = inputs;
  const { rounding } = resolved;
  const { departments, people } = scenario.org;
  const data = scenario.data ?? {};
  const version = resolved.segmentVersions[s]!;
  const versionIndex = scenario.plan.versions.indexOf(version);
  const segment = resolved.segments[s]!;
  const path = (section: string) => ['plan', 'versions', versionIndex, section];
  const coefficient = periodData.ownCoefficients.slice();
  const departmentTrace = periodData.ownTrace.map((step) => [step]);
  // Tiered response times per department [seed 001, seed 004].
  const settingsOfTimes = version.responseTimes;
  const responseTimes =
    settingsOfTimes === undefined
      ? undefined
      : runOnce(runs.responseTimes, settingsOfTimes, () =>
          timeStage({
            settings: settingsOfTimes,
            path: path('responseTimes'),
            asOf: inputs.asOf,
            periodStart: resolved.period.start,
            tickets: data.tickets ?? [],
            rounding,
          }),
        );
  // Peripheral ratings with outlier review [seed 003].
  const settingsOfRatings = version.ratings;
  const ratings =
    settingsOfRatings === undefined
      ? undefined
      : runOnce(runs.ratings, settingsOfRatings, () =>
          ratingsStage({
            settings: settingsOfRatings,
            path: path('ratings'),
            ratings: data.ratings ?? [],
            decisions: data.reviewDecisions ?? [],
            parties: inputs.parties,
            rounding,
          }),
        );
  // Interlocked indicators [指标互锁, seed 003]: settled once per distinct setting for the
  // period; in a split period each segment pays its share of the days.
  let interlock: InterlockRun | undefined;
  let interlockPaid: InterlockShare = { reward: 0n, deduction: 0n };
  const settingsOfInterlock = version.interlock;
  if (settingsOfInterlock !== undefined) {
    interlock = runOnce(runs.interlock, settingsOfInterlock, () =>
      interlockStage({
        interlock: settingsOfInterlock,
        path: path('interlock'),
        currency: scenario.plan.currency,
        facts: data.revenueFacts ?? [],
        rounding,
      }),
    );
    let daysBefore = 0;
    for (let t = 0; t < s; t++) daysBefore += resolved.segments[t]!.days;
    const periodDays = BigInt(resolved.period.days);
    interlockPaid = shareInterlock({
      run: interlock,
      versionIndex,
      segment,
      segmentIndex: s,
      daysBefore,
      periodDays,
      rounding,
      digits,
      personIndex: org.personIndex,
      departmentIndex: org.departmentIndex,
      work: org.work,
    });
  }
  const unitTimes = new Map<string, UnitResponseTimes>();
  for (const unit of responseTimes?.units ?? []) unitTimes.set(unit.unit, unit);
  const rateeScores = new Map<string, RateeScore>();
  for (const row of ratings?.scores ?? []) rateeScores.set(row.ratee, row); // ordered by ratee, then period: the last label wins
  const ratingScore = (id: string): string | undefined => {
    const row = rateeScores.get(id);
    return row?.status === 'scored' && row.score !== null ? row.score : undefined;
  };
  const responseScore = (department: string): string | undefined => {
    const unit = unitTimes.get(department);
    return unit?.response?.meanScore ?? unit?.resolution?.meanScore;
  };
  // Department scorecards (seed 001): the card's coefficient becomes the department's own D.
  const own = periodData.ownCoefficients.slice();
  let scorecards: ScoredSubject[] | null = null;
  if (version.scorecard !== undefined) {
    scorecards = scorecardStage({
      card: version.scorecard,
      cardPath: path('scorecard'),
      departments,
      pointEntries: data.pointEntries ?? [],
      rounding,
      componentScore: periodData.componentScore,
      ratingScore,
      unitTimes,
      interlock,
    });
    scorecards.forEach((subject, d) => {
      if (subject.coefficient !== null) {
        own[d] = new Dec(subject.coefficient).toFixed(rounding.coefficientDecimals);
        coefficient[d] = own[d]!;
        departmentTrace[d]!.push(...subject.trace);
      }
    });
  }
  // Seed 003's relevance matrix: each department's coefficient blended with the company KPIs.
  let linkage: DepartmentLinkage[] | null = null;
  if (version.linkage !== undefined) {
    const rows = linkageStage({
      linkage: version.linkage,
      linkagePath: path('linkage'),
      kpiResults: data.companyKpis ?? [],
      departments,
      own,
      rounding,
    });
    linkage = rows.map((row, d) => {
      coefficient[d] = new Dec(row.blended).toFixed(rounding.coefficientDecimals);
      departmentTrace[d]!.push(...row.trace);
      return {
        exempt: row.exempt,
        ratioSum: row.ratioSum,
        blended: row.blended,
        uniform: row.uniform,
        difference: row.difference,
        links: row.links,
      };
    });
  }
  const scoreFrom = version.pool?.scoreFrom ?? 'supportScores';
  const { supportScore } = periodData;
  const poolScore = (p: number): DecimalInput | undefined => {
    const person = people[p]!;
    const fromSource =
      scoreFrom === 'ratings'
        ? (ratingScore(person.id) ?? ratingScore(person.department))
        : scoreFrom === 'responseTimes'
          ? responseScore(person.department)
          : undefined;
    return fromSource ?? supportScore.get(person.id) ?? supportScore.get(person.department);
  };
  // Seed 001's support pool: carved from the front line, shared by the back office.
  const pool =
    version.pool === undefined
      ? undefined
      : poolStage({
          pool: version.pool,
          poolPath: path('pool'),
          currency: scenario.plan.currency,
          digits,
          rounding,
          segment,
          people: people.map((person, p) => ({
            id: person.id,
            side: departments[org.work[p]!.department]!.side,
            start: person.start,
            end: person.end,
          })),
          rows: periodData.poolRows![s]!,
          trace: inputs.withTrace,
          score: poolScore,
        });
  return {
    coefficient,
    coefficientFraction: coefficient.map((value) => decimalFraction(new Dec(value))),
    departmentTrace,
    contribution: pool?.contribution ?? null,
    contributionTrace: pool?.contributionTrace ?? null,
    award: pool?.award ?? null,
    awardTrace: pool?.awardTrace ?? null,
    pool: pool?.pool ?? 0n,
    awarded: pool?.awarded ?? 0n,
    unallocated: pool?.unallocated ?? 0n,
    poolSegment:
      pool === undefined
        ? null
        : {
            version: segment.version,
            rate: pool.rate,
            contributors: pool.contributors,
            recipients: pool.recipients,
            gross: formatMinor(pool.gross, digits),
            pool: formatMinor(pool.pool, digits),
            awarded: formatMinor(pool.awarded, digits),
            unallocated: formatMinor(pool.unallocated, digits),
            trace: pool.trace,
          },
    interlockPaid,
    segment: s,
    linkage,
    own,
    scorecards,
    responseTimes: responseTimes === undefined ? null : unitTimes,
    ratings: ratings ?? null,
    rateeScores,
  };
}

/**
 * The mechanism sections of a whole scenario (SPEC §3, §4): the plan-version sections `pool`,
 * `linkage`, `scorecard`, `responseTimes`, `ratings`, `interlock` and the period data they read
 * (`commissions` rates, `supportScores`, `companyKpis`, `componentScores`, `pointEntries`,
 * `tickets`, `ratings`, `reviewDecisions`, `revenueFacts`), generated as *shapes* of plain
 * numbers (so fast-check shrinks them well) and resolved against an org by {@link addSections}.
 * Every reference is to a generated person, department, dimension, KPI or indicator; every set
 * of weights sums to exactly 1; every dated row falls inside the period.
 *
 * Used through `wholeScenarioArb` in `scenario.ts`; the pieces are exported for tests that need
 * one section's shape.
 */
import fc from 'fast-check';
import { decimalText } from './index.js';
import { moneyText } from './oracle.js';
import { calendarArb, instantText, offsetArb } from './time.js';

/** The mechanism sections a scenario can carry (plan-version keys, `tickets` for `responseTimes`). */
export const SECTION_NAMES = ['pool', 'linkage', 'scorecard', 'tickets', 'ratings', 'interlock'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

const MINUTE = 60_000;
const DAY = 86_400_000;
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `k` 4-dp shares summing to exactly 1, from cut points (any length ≥ k − 1; extra cuts unused). */
export function sharesFromCuts(cuts: readonly number[], k: number): string[] {
  const points = [
    0,
    ...cuts
      .slice(0, Math.max(0, k - 1))
      .map((cut) => cut % 10_001)
      .sort((a, b) => a - b),
    10_000,
  ];
  return points.slice(1).map((point, j) => decimalText(BigInt(point - (points[j] as number)), 4));
}

/** Unique values of `indexes` modulo `size`, in first-seen order. */
function uniqueMod(indexes: readonly number[], size: number): number[] {
  const seen = new Set<number>();
  for (const index of indexes) seen.add(index % size);
  return [...seen];
}

/** `arb` in about `present` (0–1) of the cases, else `null` (shrinks towards `null`). */
export function maybe<T>(arb: fc.Arbitrary<T>, present: number): fc.Arbitrary<T | null> {
  const on = Math.round(present * 100);
  return fc.oneof({ weight: 100 - on, arbitrary: fc.constant(null) }, { weight: on, arbitrary: arb });
}

const cutsArb = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 4, maxLength: 4 });
const side = fc.constantFrom('front' as const, 'middle' as const, 'back' as const);

// ── shapes ──────────────────────────────────────────────────────────────────

/** Seed 001's support pool: rate, clawback policy, weighting, floor, basis, score source, support scores. */
export const poolShapeArb = fc.record({
  rate: fc.oneof(
    fc.constantFrom('0.10', '0.12', '0.15'),
    fc.integer({ min: 0, max: 10_000 }).map((n) => decimalText(BigInt(n), 4)),
    fc.constantFrom('0', '1'),
  ),
  /** The second version's rate (seed 001's 5G push: 10 % → 15 %), or the same. */
  rateLater: maybe(fc.constantFrom('0.15', '0.2', '0'), 0.5),
  policy: fc.constantFrom('net' as const, 'reverse' as const),
  contributors: maybe(fc.uniqueArray(side, { minLength: 1, maxLength: 2 }), 0.25),
  recipients: maybe(fc.uniqueArray(side, { minLength: 1, maxLength: 2 }), 0.25),
  weighting: fc.constantFrom('linear' as const, 'power' as const, 'elasticity' as const),
  floor: maybe(fc.integer({ min: 0, max: 80 }), 0.5),
  basis: maybe(fc.constantFrom('days' as const, 'one' as const, 'fte' as const), 0.5),
  weightDecimals: maybe(fc.integer({ min: 0, max: 8 }), 0.25),
  /** The most one person takes from a segment's pool, in whole units (valid in every currency). */
  cap: maybe(fc.integer({ min: 0, max: 50_000 }), 0.6),
  /** Two levels: the recipients' departments first (every department has a fallback support score). */
  units: fc.boolean(),
  scoreFrom: maybe(fc.constantFrom('supportScores' as const, 'ratings' as const, 'responseTimes' as const), 0.7),
  /** Commission rows of people the pool does not carve from (their default, `refuse`, would refuse most scenarios). */
  nonContributors: fc.constantFrom('payInFull' as const, 'carve' as const),
  /** Per department (by index): its fallback support score in hundredths. */
  departmentScores: fc.array(fc.integer({ min: 0, max: 12_000 }), { minLength: 1, maxLength: 8 }),
  /** Personal support scores: { person index, hundredths }. */
  personScores: fc.array(fc.record({ person: fc.nat(), score: fc.integer({ min: 0, max: 12_000 }) }), { maxLength: 8 }),
  /** The rate a clawed-back sale was first carved at (needed under `reverse`). */
  clawbackRate: fc.constantFrom('0.10', '0.12', '0.15', '0'),
});

/** Seed 003's relevance matrix: levels, KPIs with targets and results, relevance rows. */
export const linkageShapeArb = fc.record({
  stars: fc.boolean(),
  levels: fc.tuple(fc.integer({ min: 20, max: 30 }), fc.integer({ min: 10, max: 15 }), fc.integer({ min: 0, max: 5 })),
  kpis: fc.array(
    fc.record({
      target: fc.integer({ min: 1, max: 10 ** 7 }),
      /** The KPI's own map (a clamped linear one), sometimes. */
      ownMap: maybe(
        fc.record({ floor: fc.integer({ min: 0, max: 80 }), cap: fc.integer({ min: 100, max: 150 }) }),
        0.25,
      ),
      /** The period's result: an actual (in thousandths of the target), a coefficient (4 dp), or none (actual 0). */
      result: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.integer({ min: 0, max: 2000 }).map((permille) => ({ kind: 'actual' as const, permille })),
        },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: 20_000 }).map((n) => ({ kind: 'coefficient' as const, n })) },
        { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  achievementMap: maybe(
    fc.oneof(
      fc.record({
        kind: fc.constant('linear' as const),
        floor: fc.integer({ min: 0, max: 80 }),
        cap: fc.integer({ min: 100, max: 150 }),
      }),
      fc.constant({ kind: 'tiers' as const, floor: 0, cap: 0 }),
    ),
    0.5,
  ),
  uniformKpi: fc.nat(),
  rows: fc.array(
    fc.record({
      department: fc.nat(),
      relevance: fc.array(maybe(fc.integer({ min: 0, max: 2 }), 0.6), { minLength: 3, maxLength: 3 }),
      exempt: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
});

const LEAF_SOURCES = ['data', 'ratings', 'responseTimes', 'resolutionTimes', 'points', 'interlock'] as const;

/** A department scorecard (seed 001) whose leaves read data, ratings, ticket times, points or the interlock. */
export const scorecardShapeArb = (rows = 12) =>
  fc.record({
    sources: fc.array(fc.constantFrom(...LEAF_SOURCES), { minLength: 1, maxLength: 4 }),
    nested: fc.boolean(),
    cuts: cutsArb,
    innerCuts: cutsArb,
    missing: fc.constantFrom('neutral' as const, 'reweight' as const),
    neutralScore: fc.integer({ min: 0, max: 100 }),
    coefficient: maybe(fc.constantFrom('linear' as const, 'tiers' as const), 0.7),
    /** Scores of `data` leaves: { department, leaf, hundredths }. */
    scores: fc.array(fc.record({ department: fc.nat(), leaf: fc.nat(), score: fc.integer({ min: 0, max: 12_000 }) }), {
      maxLength: rows,
    }),
    /** Collaboration-points ledger rows [台账] (some rejected: no evidence, self-approved). */
    entries: fc.array(
      fc.record({
        subject: fc.nat(),
        subjectIsPerson: fc.boolean(),
        type: maybe(fc.constantFrom('riskAvoided', 'betterTerms', 'negligentLoss'), 0.6),
        points: fc.integer({ min: -30, max: 30 }),
        evidence: fc.boolean(),
        approved: fc.constantFrom('other', 'self', 'none'),
        day: fc.nat(),
      }),
      { maxLength: Math.ceil(rows * 0.8) },
    ),
  });

/** A duration tier table for response or resolution times, with elastic targets. */
const metricShapeArb = fc.record({
  bounds: fc.uniqueArray(fc.integer({ min: 1, max: 5 * 24 * 60 }), { maxLength: 3 }),
  scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
  interpolate: fc.boolean(),
  durationObjects: fc.boolean(),
  elastic: fc.array(fc.record({ count: fc.integer({ min: 0, max: 12 }), factor: fc.constantFrom('2', '0.5', '1.5') }), {
    maxLength: 2,
  }),
  breachFromBand: maybe(fc.nat(), 0.5),
});

/** Tickets with a working calendar (time zones, holidays, make-up days) and tier tables [seed 001, seed 004]. */
export const ticketsShapeArb = (rows = 24) =>
  fc.record({
    calendar: maybe(calendarArb, 0.75),
    metrics: fc.constantFrom('response' as const, 'resolution' as const, 'both' as const),
    response: metricShapeArb,
    resolution: metricShapeArb,
    rows: fc.array(
      fc.record({
        unit: fc.nat(),
        /** Minutes into the period the ticket was opened. */
        opened: fc.nat(),
        offset: offsetArb,
        respond: maybe(fc.integer({ min: 0, max: 24 * 60 }), 0.8),
        resolve: maybe(fc.integer({ min: 0, max: 3 * 24 * 60 }), 0.8),
        pauses: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.integer({ min: 0, max: 24 * 60 })), {
          maxLength: 2,
        }),
      }),
      { maxLength: rows },
    ),
  });

/** Peripheral ratings [周边绩效]: groups of raters per (ratee, dimension), outliers, RACI tasks, review decisions. */
export const ratingsShapeArb = (rows = 6) =>
  fc.record({
    dimensions: fc.integer({ min: 1, max: 4 }),
    cuts: cutsArb,
    extremes: maybe(fc.record({ low: fc.integer({ min: 0, max: 30 }), high: fc.integer({ min: 90, max: 100 }) }), 0.75),
    modifiedZ: maybe(
      fc.record({ minGroupSize: fc.integer({ min: 2, max: 6 }), threshold: fc.constantFrom('3.5', '2', '1') }),
      0.5,
    ),
    leaveOneOut: maybe(
      fc.record({ minGroupSize: fc.integer({ min: 2, max: 4 }), delta: fc.integer({ min: 10, max: 50 }) }),
      0.5,
    ),
    minRaters: maybe(fc.integer({ min: 1, max: 4 }), 0.5),
    includePending: fc.boolean(),
    leniency: maybe(fc.integer({ min: 1, max: 3 }), 0.25),
    periods: fc.boolean(),
    /** RACI key tasks: each a list of (party, role); the first is made A and the second R. */
    tasks: maybe(
      fc.record({
        tasks: fc.array(
          fc.array(fc.record({ party: fc.nat(), role: fc.constantFrom('R' as const, 'C' as const, 'I' as const) }), {
            minLength: 2,
            maxLength: 6,
          }),
          { minLength: 1, maxLength: 3 },
        ),
        untasked: fc.constantFrom('reject' as const, 'accept' as const),
      }),
      0.33,
    ),
    /** Rating groups: one ratee on one dimension by several raters, scores around a centre, some outliers. */
    groups: fc.array(
      fc.record({
        ratee: fc.nat(),
        /** Whether the ratee is a department (else any party). */
        rateeIsDepartment: fc.boolean(),
        /** The dimension rated, or every dimension (so a ratee can reach the minimum raters everywhere). */
        dimension: maybe(fc.nat(), 0.25),
        period: fc.nat(),
        task: maybe(fc.nat(), 0.6),
        raters: fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        centre: fc.integer({ min: 30, max: 95 }),
        spread: fc.integer({ min: 0, max: 12 }),
        outliers: fc.array(
          fc.record({
            at: fc.nat(),
            score: fc.oneof(
              fc.constantFrom(0, 5, 10, 20, 100),
              fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
            ),
          }),
          { maxLength: 2 },
        ),
      }),
      { maxLength: rows },
    ),
    /** Decisions on absolute-extreme ratings (which are flagged whatever the group). */
    decisions: fc.array(
      fc.record({
        at: fc.nat(),
        action: fc.constantFrom('keep' as const, 'drop' as const, 'adjust' as const),
        score: fc.integer({ min: 0, max: 100 }),
      }),
      { maxLength: 3 },
    ),
  });

/** Double crediting and interlocked indicators [指标互锁 / 业绩双算]: dimensions with windows, facts with splits, indicators. */
export const interlockShapeArb = (rows = 20) =>
  fc.record({
    dimensions: maybe(
      fc.array(
        fc.array(
          fc.record({
            window: maybe(fc.tuple(fc.nat(), fc.nat()), 0.33),
            target: maybe(fc.bigInt({ min: 1n, max: 10n ** 9n }), 0.5),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      0.85,
    ),
    facts: fc.array(
      fc.record({
        amount: fc.oneof(
          { weight: 5, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 8n }) },
          { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 6n), max: 0n }) },
        ),
        day: fc.nat(),
        /** Per dimension: a member index (credited in full) or a split among several. */
        members: fc.array(
          fc.oneof(
            { weight: 3, arbitrary: fc.nat().map((m) => ({ member: m })) },
            {
              weight: 1,
              arbitrary: fc.record({ split: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), cuts: cutsArb }),
            },
          ),
          {
            minLength: 3,
            maxLength: 3,
          },
        ),
      }),
      { maxLength: rows },
    ),
    indicators: fc.array(
      fc.record({
        target: fc.integer({ min: 1, max: 10 ** 7 }),
        /** A decimal actual (in thousandths of the target) or a dimension member's credit. */
        actual: fc.oneof(
          fc.integer({ min: 0, max: 2000 }).map((permille) => ({ permille })),
          fc.record({ dimension: fc.nat(), member: fc.nat() }),
        ),
        parties: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        cuts: cutsArb,
        reward: maybe(
          fc.record({ at: fc.integer({ min: 80, max: 120 }), amount: fc.bigInt({ min: 0n, max: 10n ** 9n }) }),
          0.75,
        ),
        severeMiss: maybe(
          fc.record({ at: fc.integer({ min: 0, max: 80 }), deduction: fc.bigInt({ min: 0n, max: 10n ** 8n }) }),
          0.75,
        ),
        reviewBelow: maybe(fc.integer({ min: 50, max: 100 }), 0.5),
      }),
      { maxLength: 4 },
    ),
  });

/** Shapes of every section (each `null` when the section is off). */
type ShapeOf<A> = A extends fc.Arbitrary<infer T> ? T : A extends (rows?: number) => fc.Arbitrary<infer T> ? T : never;
export interface SectionShapes {
  pool: ShapeOf<typeof poolShapeArb> | null;
  linkage: ShapeOf<typeof linkageShapeArb> | null;
  scorecard: ShapeOf<typeof scorecardShapeArb> | null;
  tickets: ShapeOf<typeof ticketsShapeArb> | null;
  ratings: ShapeOf<typeof ratingsShapeArb> | null;
  interlock: ShapeOf<typeof interlockShapeArb> | null;
}

/** Hostile-but-valid twists applied across sections (issue 9 §4's edge shapes). */
export interface SectionEdges {
  /** Every score zero: support scores, ratings, component scores, points, neutral score. */
  readonly zeroScores: boolean;
  /** The pool's floor above every score: nobody eligible, the whole pool unallocated. */
  readonly floorAboveAll: boolean;
  /** The data lists the sections read left empty (plan sections kept). */
  readonly emptyData: boolean;
}

// ── resolving shapes against an org ─────────────────────────────────────────

/** The org and period a section is resolved against. */
export interface SectionContext {
  readonly digits: number;
  readonly periodStart: string;
  /** Days in the period. */
  readonly periodDays: number;
  readonly departments: readonly { id: string; side: 'front' | 'middle' | 'back' }[];
  readonly people: readonly { id: string; department: string; start?: string; end?: string }[];
}

/** What the sections add: a plan-version section per mechanism and period-data lists. */
export interface BuiltSections {
  readonly plan: Record<string, unknown>;
  /** The pool section of later versions (a changed rate), when it differs. */
  readonly laterPool: Record<string, unknown> | null;
  readonly data: Record<string, unknown[]>;
  /** Negative commission rows get this `rate` (the rate first carved at, for `reverse`). */
  readonly clawbackRate: string | null;
}

/** Resolves the section shapes against the org: ids, references, weights, dates. */
export function addSections(shapes: SectionShapes, edges: SectionEdges, context: SectionContext): BuiltSections {
  const plan: Record<string, unknown> = {};
  const data: Record<string, unknown[]> = {};
  const { departments, people, digits } = context;
  const parties = [
    ...people.map((person) => ({
      id: person.id,
      side: departments.find((d) => d.id === person.department)?.side ?? 'back',
    })),
    ...departments,
  ];
  const startMs = Date.parse(`${context.periodStart}T00:00:00Z`);
  const dateIn = (n: number) => dayText(startMs + (n % context.periodDays) * DAY);
  const score = (hundredths: number) => (edges.zeroScores ? '0' : decimalText(BigInt(hundredths), 2));
  const empty = edges.emptyData;
  let laterPool: Record<string, unknown> | null = null;
  let clawbackRate: string | null = null;

  // ── pool ──
  if (shapes.pool !== null) {
    const s = shapes.pool;
    const elasticity = s.weighting === 'elasticity';
    // Elasticity is undefined at a zero score: its floor keeps zero scores out (above 0).
    const floor = edges.floorAboveAll ? 121 : elasticity ? Math.max(1, s.floor ?? 1) : s.floor;
    const pool: Record<string, unknown> = {
      rate: s.rate,
      clawbackPolicy: s.policy,
      weighting:
        s.weighting === 'linear'
          ? { kind: 'linear' }
          : s.weighting === 'power'
            ? { kind: 'power', exponent: '1.5' }
            : { kind: 'elasticity', scoreChange: '0.10', awardChange: '0.15' },
      ...(floor === null ? {} : { floor }),
      ...(s.contributors === null ? {} : { contributors: s.contributors }),
      ...(s.recipients === null ? {} : { recipients: s.recipients }),
      ...(s.basis === null ? {} : { basis: s.basis }),
      ...(s.weightDecimals === null ? {} : { weightDecimals: s.weightDecimals }),
      ...(s.cap === null ? {} : { cap: String(s.cap) }),
      ...(s.units ? { units: 'department' } : {}),
      ...(s.scoreFrom === null ? {} : { scoreFrom: s.scoreFrom }),
      nonContributorCommissions: s.nonContributors,
    };
    plan.pool = pool;
    if (s.rateLater !== null) laterPool = { ...pool, rate: s.rateLater };
    if (s.policy === 'reverse') clawbackRate = s.clawbackRate;
    // Every department has a fallback score, so every recipient has one (UNKNOWN_REFERENCE otherwise).
    const personScores =
      people.length === 0
        ? []
        : uniqueBy(
            s.personScores.map((row) => ({
              subject: (people[row.person % people.length] as { id: string }).id,
              score: score(row.score),
            })),
            (row) => row.subject,
          );
    data.supportScores = [
      ...departments.map((department, d) => ({
        subject: department.id,
        score: score(s.departmentScores[d % s.departmentScores.length] as number),
      })),
      ...personScores,
    ];
  }

  // ── linkage ──
  if (shapes.linkage !== null) {
    const s = shapes.linkage;
    const names = s.stars ? ['3', '2', '1'] : ['strong', 'medium', 'weak'];
    const levels = Object.fromEntries(names.map((name, i) => [name, decimalText(BigInt(s.levels[i] as number), 2)]));
    const kpis = s.kpis.map((kpi, k) => ({ id: `kpi${k}`, ...kpi }));
    const tiers = {
      kind: 'tiers',
      table: {
        direction: 'higherIsBetter',
        bands: [
          { bound: '1.2', score: '1.2' },
          { bound: '1', score: '1' },
          { bound: '0.8', score: '0.8' },
          { score: '0.5' },
        ],
      },
    };
    const map = s.achievementMap;
    const rows = uniqueBy(
      departments.length === 0
        ? []
        : s.rows.map((row) => ({
            ...row,
            id: (departments[row.department % departments.length] as { id: string }).id,
          })),
      (row) => row.id,
    );
    plan.linkage = {
      levels,
      ...(map === null
        ? {}
        : {
            achievementMap:
              map.kind === 'tiers'
                ? tiers
                : { kind: 'linear', floor: decimalText(BigInt(map.floor), 2), cap: decimalText(BigInt(map.cap), 2) },
          }),
      ...(kpis.length > 1 || s.uniformKpi % 2 === 0 ? { uniformKpi: `kpi${s.uniformKpi % kpis.length}` } : {}),
      companyKpis: kpis.map((kpi) => ({
        id: kpi.id,
        target: String(kpi.target),
        ...(kpi.ownMap === null
          ? {}
          : {
              map: {
                kind: 'linear',
                floor: decimalText(BigInt(kpi.ownMap.floor), 2),
                cap: decimalText(BigInt(kpi.ownMap.cap), 2),
              },
            }),
      })),
      departments: rows.map((row) => {
        const relevance = Object.fromEntries(
          row.relevance
            .slice(0, kpis.length)
            .flatMap((level, k) =>
              level === null ? [] : [[`kpi${k}`, s.stars ? 3 - level : (names[level] as string)]],
            ),
        );
        return {
          id: row.id,
          ...(Object.keys(relevance).length === 0 ? {} : { relevance }),
          ...(row.exempt ? { exempt: true } : {}),
        };
      }),
    };
    // Every KPI of the plan needs a result (runPeriod refuses a missing one rather than reading 0):
    // 'none' and empty data lists become an explicit actual of 0, a real if terrible year.
    data.companyKpis = kpis.map((kpi): Record<string, string> =>
      empty || kpi.result.kind === 'none'
        ? { id: kpi.id, actual: '0' }
        : kpi.result.kind === 'actual'
          ? { id: kpi.id, actual: decimalText(BigInt(kpi.target) * BigInt(kpi.result.permille), 3) }
          : { id: kpi.id, coefficient: decimalText(BigInt(kpi.result.n), 4) },
    );
  }

  // ── tickets (responseTimes) ──
  if (shapes.tickets !== null && departments.length > 0) {
    const s = shapes.tickets;
    const metric = (m: typeof s.response) => {
      const bounds = [...m.bounds].sort((a, b) => a - b);
      const scores = [...m.scores].sort((a, b) => b - a);
      const bands = scores.slice(0, bounds.length + 1).map((value, i) => {
        if (i >= bounds.length) return { score: value };
        const minutes = bounds[i] as number;
        const bound = !m.durationObjects ? minutes : minutes % 60 === 0 ? { hours: minutes / 60 } : { minutes };
        return { bound, score: value };
      });
      const table = {
        direction: 'lowerIsBetter',
        unit: 'duration',
        ...(m.interpolate ? { interpolate: true } : {}),
        bands,
      };
      const elastic = m.elastic.map((condition, e) => ({
        id: `surge${e}`,
        when: { kind: 'ticketsAbove', count: condition.count },
        factor: condition.factor,
      }));
      const breach =
        m.breachFromBand === null || bands.length < 2
          ? {}
          : { breachFromBand: 1 + (m.breachFromBand % (bands.length - 1)) };
      return { table, ...(elastic.length === 0 ? {} : { elastic }), ...breach };
    };
    plan.responseTimes = {
      ...(s.calendar === null ? {} : { calendar: s.calendar }),
      ...(s.metrics === 'resolution' ? {} : { response: metric(s.response) }),
      ...(s.metrics === 'response' ? {} : { resolution: metric(s.resolution) }),
    };
    const periodMinutes = context.periodDays * 24 * 60;
    // The period starts at midnight in the calendar's zone, up to 14 hours after midnight UTC
    // (UTC−14 does not exist; UTC−12 is the latest): tickets open after it, never before.
    const LATEST_MIDNIGHT = 14 * 60;
    data.tickets = empty
      ? []
      : s.rows.map((row, t) => {
          // A ticket still open (unanswered or unresolved) is measured to asOf: it is opened in the
          // period's last 5 days, so measuring it stays cheap in a year-long period.
          const open = row.respond === null || row.resolve === null;
          const opened = open
            ? startMs + (periodMinutes - 1 - (row.opened % (5 * 24 * 60))) * MINUTE
            : startMs + (LATEST_MIDNIGHT + (row.opened % (periodMinutes - LATEST_MIDNIGHT))) * MINUTE;
          const responded = row.respond === null ? null : opened + row.respond * MINUTE;
          const resolved = row.resolve === null ? null : (responded ?? opened) + row.resolve * MINUTE;
          return {
            id: `t${String(t).padStart(3, '0')}`,
            unit: (departments[row.unit % departments.length] as { id: string }).id,
            opened: instantText(opened, row.offset),
            ...(responded === null ? {} : { responded: instantText(responded, 0) }),
            ...(resolved === null && t % 2 === 0
              ? {}
              : { resolved: resolved === null ? null : instantText(resolved, row.offset) }),
            ...(row.pauses.length === 0
              ? {}
              : {
                  pauses: row.pauses.map(([from, length]) => ({
                    start: instantText(opened + from * MINUTE, 480),
                    end: instantText(opened + (from + length) * MINUTE, 0),
                  })),
                }),
          };
        });
  }

  // ── ratings ──
  if (shapes.ratings !== null && parties.length > 0) {
    const s = shapes.ratings;
    const dimensionIds = Array.from({ length: s.dimensions }, (_, d) => `dim${d}`);
    const weights = sharesFromCuts(s.cuts, s.dimensions);
    const sideOf = new Map(parties.map((party) => [party.id, party.side]));
    const tasks =
      s.tasks === null
        ? null
        : s.tasks.tasks
            .map((assignments, t) => {
              const chosen = uniqueMod(
                assignments.map((a) => a.party),
                parties.length,
              );
              return {
                id: `task${t}`,
                assignments: chosen.map((p, j) => ({
                  party: (parties[p] as { id: string }).id,
                  role: j === 0 ? 'A' : j === 1 ? 'R' : (assignments[j] as { role: string }).role,
                })),
              };
            })
            .filter((task) => task.assignments.length >= 2);
    const settings = {
      dimensions: dimensionIds.map((id, d) => ({ id, weight: weights[d] as string })),
      ...(s.extremes === null ? {} : { extremes: { low: s.extremes.low, high: s.extremes.high } }),
      ...(s.modifiedZ === null ? {} : { modifiedZ: s.modifiedZ }),
      ...(s.leaveOneOut === null ? {} : { leaveOneOut: s.leaveOneOut }),
      ...(s.minRaters === null ? {} : { minRaters: s.minRaters }),
      ...(s.includePending ? { includePending: true } : {}),
      ...(s.leniency === null ? {} : { leniency: { minRatees: s.leniency } }),
      ...(tasks === null || tasks.length === 0 || s.tasks === null ? {} : { untaskedRatings: s.tasks.untasked }),
    };
    plan.ratings = { settings, ...(tasks === null || tasks.length === 0 ? {} : { tasks }) };
    const ratings: {
      id: string;
      rater: string;
      ratee: string;
      dimension: string;
      score: number;
      period?: string;
      task?: string;
    }[] = [];
    const seen = new Set<string>();
    for (const group of s.groups) {
      const ratee = (
        group.rateeIsDepartment && departments.length > 0
          ? (departments[group.ratee % departments.length] as { id: string })
          : (parties[group.ratee % parties.length] as { id: string })
      ).id;
      const rated =
        group.dimension === null ? dimensionIds : [dimensionIds[group.dimension % dimensionIds.length] as string];
      const period = s.periods ? `P${group.period % 2}` : undefined;
      const task =
        tasks === null || tasks.length === 0 || group.task === null
          ? undefined
          : (tasks[group.task % tasks.length] as { id: string }).id;
      rated.forEach((dimension, k) => {
        uniqueMod(group.raters, parties.length).forEach((r, j) => {
          const rater = (parties[r] as { id: string }).id;
          const key = `${rater}\u0000${ratee}\u0000${dimension}\u0000${period ?? ''}`;
          if (seen.has(key)) return;
          seen.add(key);
          const outlier = k === 0 ? group.outliers.find((o) => o.at % group.raters.length === j) : undefined;
          const offset = group.spread === 0 ? 0 : ((j * 7 + k * 3) % (2 * group.spread + 1)) - group.spread;
          const value = edges.zeroScores ? 0 : (outlier?.score ?? Math.min(100, Math.max(0, group.centre + offset)));
          ratings.push({
            id: `q${String(ratings.length).padStart(3, '0')}`,
            rater,
            ratee,
            dimension,
            score: value,
            ...(period === undefined ? {} : { period }),
            ...(task === undefined ? {} : { task }),
          });
        });
      });
    }
    // Decisions only on ratings surely flagged: absolute extremes that are not rejected (self-rating, RACI).
    const roles = new Map((tasks ?? []).map((task) => [task.id, new Set(task.assignments.map((a) => a.party))]));
    const rejected = (rating: (typeof ratings)[number]) => {
      if (rating.rater === rating.ratee) return true;
      if (tasks === null || tasks.length === 0) return false;
      if (rating.task === undefined) return s.tasks?.untasked === 'reject';
      const on = roles.get(rating.task) as Set<string>;
      return (
        !on.has(rating.rater) ||
        sideOf.get(rating.rater) !== 'front' ||
        !on.has(rating.ratee) ||
        sideOf.get(rating.ratee) === 'front'
      );
    };
    const extreme = (rating: (typeof ratings)[number]) =>
      s.extremes !== null && (rating.score <= s.extremes.low || rating.score >= s.extremes.high);
    const decidable = ratings.filter((rating) => extreme(rating) && !rejected(rating));
    const decisions =
      decidable.length === 0
        ? []
        : uniqueBy(
            s.decisions.map((decision) => ({
              ...decision,
              rating: (decidable[decision.at % decidable.length] as { id: string }).id,
            })),
            (decision) => decision.rating,
          );
    data.ratings = empty ? [] : ratings;
    data.reviewDecisions = empty
      ? []
      : decisions.map((decision) => ({
          action: decision.action,
          rating: decision.rating,
          reviewer: 'hr-reviewer',
          note: `${decision.action} after review (seed 003 异常评分复核)`,
          ...(decision.action === 'adjust' ? { score: decision.score } : {}),
        }));
  }

  // ── interlock ──
  if (shapes.interlock !== null) {
    const s = shapes.interlock;
    const dimensions =
      s.dimensions === null
        ? null
        : s.dimensions.map((members, d) => ({
            id: `dim${d}`,
            members: members.map((member, m) => {
              const window =
                member.window === null ? null : [dateIn(member.window[0]), dateIn(member.window[1])].sort();
              return {
                id: `m${m}`,
                ...(member.target === null ? {} : { target: moneyText(member.target, digits) }),
                ...(window === null ? {} : { start: window[0], end: window[1] }),
              };
            }),
          }));
    // A department party needs someone employed in every segment: one employed all period.
    const wholePeriod = new Set(
      people
        .filter((person) => person.start === undefined && person.end === undefined)
        .map((person) => person.department),
    );
    const candidates = [
      ...people.map((person) => person.id),
      ...departments.filter((department) => wholePeriod.has(department.id)).map((department) => department.id),
    ];
    const indicators =
      candidates.length === 0
        ? []
        : s.indicators.map((indicator, k) => {
            const ids = uniqueMod(indicator.parties, candidates.length).map((p) => candidates[p] as string);
            const partyWeights = sharesFromCuts(indicator.cuts, ids.length);
            const reference = 'dimension' in indicator.actual && dimensions !== null ? indicator.actual : null;
            let actual: unknown;
            if (reference !== null && dimensions !== null) {
              const dimension = dimensions[reference.dimension % dimensions.length] as (typeof dimensions)[number];
              actual = {
                dimension: dimension.id,
                member: (dimension.members[reference.member % dimension.members.length] as { id: string }).id,
              };
            } else
              actual = decimalText(
                BigInt(indicator.target) * BigInt('permille' in indicator.actual ? indicator.actual.permille : 1000),
                3,
              );
            const rewardAt = indicator.reward?.at ?? 100;
            return {
              id: `k${k}`,
              target: String(indicator.target),
              actual,
              parties: ids.map((id, j) => ({ id, weight: partyWeights[j] as string })),
              scoreTable: {
                direction: 'higherIsBetter',
                bands: [
                  { bound: '1.2', score: 120 },
                  { bound: '1', score: 100 },
                  { bound: '0.8', score: '80.5' },
                  { score: 0 },
                ],
              },
              ...(indicator.reward === null
                ? {}
                : {
                    reward: {
                      threshold: decimalText(BigInt(rewardAt), 2),
                      amount: moneyText(indicator.reward.amount, digits),
                    },
                  }),
              ...(indicator.severeMiss === null
                ? {}
                : {
                    severeMiss: {
                      threshold: decimalText(BigInt(Math.min(rewardAt, indicator.severeMiss.at)), 2),
                      deduction: moneyText(indicator.severeMiss.deduction, digits),
                    },
                  }),
              ...(indicator.reviewBelow === null ? {} : { reviewBelow: decimalText(BigInt(indicator.reviewBelow), 2) }),
            };
          });
    plan.interlock = {
      ...(dimensions === null ? {} : { dimensions }),
      ...(indicators.length === 0 ? {} : { indicators }),
    };
    if (dimensions !== null)
      data.revenueFacts = empty
        ? []
        : s.facts.map((fact, f) => ({
            id: `f${String(f).padStart(3, '0')}`,
            amount: moneyText(fact.amount, digits),
            date: dateIn(fact.day),
            members: Object.fromEntries(
              dimensions.map((dimension, d) => {
                const choice = fact.members[d % fact.members.length] as (typeof fact.members)[number];
                const size = dimension.members.length;
                if ('member' in choice) return [dimension.id, `m${choice.member % size}`];
                const ids = uniqueMod(choice.split, size);
                const shares = sharesFromCuts(choice.cuts, ids.length);
                return [dimension.id, ids.map((m, j) => ({ id: `m${m}`, share: shares[j] as string }))];
              }),
            ),
          }));
  }

  // ── scorecard ──
  if (shapes.scorecard !== null && departments.length > 0) {
    const s = shapes.scorecard;
    const reweight = s.missing === 'reweight';
    // Under reweight the first leaf is a data leaf with a positive weight and a score for every
    // department, so no department is left without any score (MISSING_COMPONENT otherwise).
    const sources = s.sources.map((source, i) => (reweight && i === 0 ? 'data' : source));
    const leafIds = sources.map((_, i) => `leaf${i}`);
    const positiveFirst = (shares: string[]): string[] => {
      if (shares[0] !== '0' || shares.length < 2) return shares;
      const largest = shares.reduce((best, share, i) => (Number(share) > Number(shares[best]) ? i : best), 1);
      const units = shares.map((share) => Math.round(Number(share) * 10_000));
      units[0] = 1;
      units[largest] = (units[largest] as number) - 1;
      return units.map((unit) => decimalText(BigInt(unit), 4));
    };
    let components: unknown[];
    if (s.nested && leafIds.length >= 3) {
      const outer = positiveFirst(sharesFromCuts(s.cuts, 2));
      const innerIds = leafIds.slice(1);
      const inner = sharesFromCuts(s.innerCuts, innerIds.length);
      components = [
        { id: leafIds[0], weight: outer[0] },
        { id: 'support', weight: outer[1], components: innerIds.map((id, j) => ({ id, weight: inner[j] })) },
      ];
    } else {
      const shares = positiveFirst(sharesFromCuts(s.cuts, leafIds.length));
      components = leafIds.map((id, i) => ({ id, weight: shares[i] }));
    }
    const usesPoints = sources.includes('points');
    plan.scorecard = {
      components,
      missing: s.missing,
      neutralScore: edges.zeroScores ? 0 : s.neutralScore,
      ...(s.coefficient === null
        ? {}
        : {
            coefficient:
              s.coefficient === 'linear'
                ? { kind: 'linear', slope: '0.01', cap: '1.5' }
                : {
                    kind: 'tiers',
                    table: {
                      direction: 'higherIsBetter',
                      bands: [
                        { bound: 90, score: '1.2' },
                        { bound: 80, score: '1' },
                        { bound: 60, score: '0.8' },
                        { score: '0.5' },
                      ],
                    },
                  },
          }),
      sources: Object.fromEntries(leafIds.map((id, i) => [id, sources[i]])),
      ...(usesPoints
        ? {
            points: {
              catalogue: [
                { id: 'riskAvoided', points: 10 },
                { id: 'betterTerms', points: 5 },
                { id: 'negligentLoss', points: -20 },
              ],
              scoring: { kind: 'linear', intercept: 80, floor: 0, cap: 100 },
            },
          }
        : {}),
    };
    const dataLeaves = leafIds.filter((_, i) => sources[i] === 'data');
    const scores =
      dataLeaves.length === 0
        ? []
        : s.scores.map((row) => ({
            department: (departments[row.department % departments.length] as { id: string }).id,
            component: dataLeaves[row.leaf % dataLeaves.length] as string,
            score: score(row.score),
          }));
    const required = reweight
      ? departments.map((department, d) => ({
          department: department.id,
          component: leafIds[0] as string,
          score: score(6000 + ((d * 1237) % 4000)),
        }))
      : [];
    data.componentScores = uniqueBy(
      [...required, ...(empty ? [] : scores)],
      (row) => `${row.department}\u0000${row.component}`,
    );
    if (usesPoints)
      data.pointEntries = empty
        ? []
        : s.entries.map((entry, e) => {
            const subject =
              entry.subjectIsPerson && people.length > 0
                ? (people[entry.subject % people.length] as { id: string }).id
                : (departments[entry.subject % departments.length] as { id: string }).id;
            return {
              id: `e${String(e).padStart(3, '0')}`,
              subject,
              ...(entry.type === null ? { points: edges.zeroScores ? 0 : entry.points } : { type: entry.type }),
              reason: 'seed 000 risk contribution',
              evidence: entry.evidence ? 'memo-7' : null,
              proposer: 'lead',
              approver: entry.approved === 'other' ? 'cfo' : entry.approved === 'self' ? 'lead' : null,
              date: dateIn(entry.day),
            };
          });
  }
  return { plan, laterPool, data, clawbackRate };
}

function uniqueBy<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const k = key(row);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Whole period-run scenarios for `runPeriod` and the CLI (SPEC §4): `scenarioArb` gives ordinary
 * valid scenarios; `adversarialScenarioArb` gives structurally valid but hostile ones — extreme
 * sizes and amounts, zero pools, all-zero coefficients, one-person departments, empty periods
 * (nobody employed, nobody at all), month-end and leap-day periods, version changes inside the
 * period, JPY and KWD. Both are plain JSON: write one to a file and run `synergy-pay run file.json`.
 */
import fc from 'fast-check';
import { currencies, decimalText } from './index.js';
import { minorOf, moneyText } from './oracle.js';
import {
  addSections,
  maybe,
  interlockShapeArb,
  linkageShapeArb,
  poolShapeArb,
  ratingsShapeArb,
  scorecardShapeArb,
  SECTION_NAMES,
  ticketsShapeArb,
  type SectionEdges,
  type SectionName,
  type SectionShapes,
} from './sections.js';

export { SECTION_NAMES, type SectionName } from './sections.js';

/**
 * The scenario shape `runPeriod` takes (a scenario file's JSON), written structurally so these
 * arbitraries compile whatever mechanisms the period run has wired; `runPeriod` validates it.
 */
export interface RunPeriodInput {
  $schema?: string;
  plan: {
    id: string;
    currency: string;
    rounding?: { mode?: 'halfUp' | 'halfEven'; scoreDecimals?: number; coefficientDecimals?: number };
    onVersionChange?: 'report' | 'prorate';
    versions: {
      id: string;
      effective: string;
      until?: string;
      note?: string;
      grades: { id: string; basePay: string | number; targetBonus?: string | number }[];
      pool?: { rate?: string | number; [key: string]: unknown };
      interlock?: unknown;
      [mechanism: string]: unknown;
    }[];
  };
  period: { unit: 'month' | 'quarter' | 'year'; start: string };
  asOf?: string;
  trace?: boolean;
  controls?: Record<string, unknown>;
  org: {
    departments: { id: string; name?: string; side: 'front' | 'middle' | 'back' }[];
    people: {
      id: string;
      name?: string;
      department: string;
      grade: string;
      basePay?: string | number;
      targetBonus?: string | number;
      start?: string;
      end?: string;
    }[];
  };
  data?: {
    departmentCoefficients?: { department: string; coefficient: string | number }[];
    commissions?: { id: string; person: string; amount: string | number; date?: string }[];
    deductions?: { id: string; person: string; amount: string | number; reason: string; date?: string }[];
    supportScores?: { subject: string; score: string | number }[];
    [rows: string]: unknown;
  };
}

const DAY = 86_400_000;
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Knobs of a scenario; every field has an ordinary and an extreme range. */
interface Shape {
  readonly currency: (typeof currencies)[number];
  readonly unit: 'month' | 'quarter' | 'year';
  readonly start: string;
  readonly change: 'none' | 'report' | 'prorate';
  readonly halfEven: boolean;
  readonly grades: readonly { base: bigint; target: bigint | null }[];
  readonly departments: readonly { side: 'front' | 'middle' | 'back'; coefficient: number | null }[];
  readonly people: readonly {
    department: number;
    grade: number;
    startOffset: number | null;
    length: number | null;
    base: bigint | null;
  }[];
  readonly commissions: readonly { person: number; amount: bigint; day: number }[];
  readonly deductions: readonly { person: number; amount: bigint; day: number }[];
}

/** Period starts that stress date arithmetic: month ends, leap days, fiscal years from April. */
const startArb = fc.constantFrom(
  '2026-04-01',
  '2026-01-31',
  '2028-02-29',
  '2026-03-31',
  '2026-11-30',
  '2027-04-01',
  '2026-12-01',
);

function build(shape: Shape): RunPeriodInput {
  const { currency, digits } = shape.currency;
  const periodStart = Date.parse(`${shape.start}T00:00:00Z`);
  const grades = shape.grades.map((grade, i) => ({
    id: `G${i}`,
    basePay: moneyText(grade.base, digits),
    ...(grade.target === null ? {} : { targetBonus: moneyText(grade.target, digits) }),
  }));
  const versions: RunPeriodInput['plan']['versions'] = [
    { id: 'v1', effective: '2020-01-01', note: 'in force before every generated period', grades },
  ];
  // A change 20 days in: inside every month, quarter and year.
  if (shape.change !== 'none')
    versions.push({
      id: 'v2',
      effective: dayText(periodStart + 20 * DAY),
      grades: grades.map((grade, i) => ({
        ...grade,
        basePay: moneyText((shape.grades[i] as { base: bigint }).base + 100n, digits),
      })),
    });
  const people = shape.people.map((person, i) => {
    const start = person.startOffset === null ? undefined : dayText(periodStart + person.startOffset * DAY);
    const end =
      start === undefined || person.length === null
        ? undefined
        : dayText(Date.parse(`${start}T00:00:00Z`) + person.length * DAY);
    return {
      id: `p${String(i).padStart(4, '0')}`,
      department: `d${person.department % shape.departments.length}`,
      grade: `G${person.grade % grades.length}`,
      ...(start === undefined ? {} : { start }),
      ...(end === undefined ? {} : { end }),
      ...(person.base === null ? {} : { basePay: moneyText(person.base, digits) }),
    };
  });
  const personAt = (n: number) => (people[n % people.length] as { id: string }).id;
  // Dated rows fall inside the shortest period (a month: 28 days at least).
  const dateAt = (day: number) => dayText(periodStart + (day % 28) * DAY);
  return {
    plan: {
      id: 'fuzz',
      currency,
      rounding: { mode: shape.halfEven ? 'halfEven' : 'halfUp' },
      ...(shape.change === 'prorate' ? { onVersionChange: 'prorate' as const } : {}),
      versions,
    },
    period: { unit: shape.unit, start: shape.start },
    org: { departments: shape.departments.map((department, i) => ({ id: `d${i}`, side: department.side })), people },
    data: {
      departmentCoefficients: shape.departments.flatMap((department, i) =>
        department.coefficient === null
          ? []
          : [{ department: `d${i}`, coefficient: decimalText(BigInt(department.coefficient), 4) }],
      ),
      commissions:
        people.length === 0
          ? []
          : shape.commissions.map((row, i) => ({
              id: `c${i}`,
              person: personAt(row.person),
              amount: moneyText(row.amount, digits),
              date: dateAt(row.day),
            })),
      deductions:
        people.length === 0
          ? []
          : shape.deductions.map((row, i) => ({
              id: `x${i}`,
              person: personAt(row.person),
              amount: moneyText(row.amount, digits),
              reason: 'attendance (seed 001 扣减项)',
              date: dateAt(row.day),
            })),
    },
  };
}

const money = (max: bigint) => fc.bigInt({ min: 0n, max });

/** Ordinary valid scenarios: 1–4 departments, up to 12 people, a quarter or a month. */
export const scenarioArb: fc.Arbitrary<RunPeriodInput> = fc
  .record({
    currency: fc.constantFrom(...currencies),
    unit: fc.constantFrom('month' as const, 'quarter' as const),
    start: fc.constantFrom('2026-04-01', '2026-07-01'),
    change: fc.constantFrom('none' as const, 'report' as const, 'prorate' as const),
    halfEven: fc.boolean(),
    grades: fc.array(fc.record({ base: money(10n ** 7n), target: fc.option(money(10n ** 6n), { nil: null }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    departments: fc.array(
      fc.record({
        side: fc.constantFrom('front' as const, 'middle' as const, 'back' as const),
        coefficient: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    people: fc.array(
      fc.record({
        department: fc.nat(),
        grade: fc.nat(),
        startOffset: fc.option(fc.integer({ min: -60, max: 100 }), { nil: null }),
        length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
        base: fc.option(money(10n ** 7n), { nil: null }),
      }),
      { maxLength: 12 },
    ),
    commissions: fc.array(
      fc.record({ person: fc.nat(), amount: fc.bigInt({ min: -(10n ** 6n), max: 10n ** 8n }), day: fc.nat() }),
      { maxLength: 15 },
    ),
    deductions: fc.array(fc.record({ person: fc.nat(), amount: money(10n ** 5n), day: fc.nat() }), { maxLength: 6 }),
  })
  .map(build);

/** Hostile but valid scenarios (see the module comment). */
export const adversarialScenarioArb: fc.Arbitrary<RunPeriodInput> = fc
  .record({
    currency: fc.constantFrom(...currencies),
    unit: fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
    start: startArb,
    change: fc.constantFrom('none' as const, 'report' as const, 'prorate' as const),
    halfEven: fc.boolean(),
    // Extreme amounts: zero everywhere, or beyond 2^53 minor units.
    grades: fc.array(
      fc.record({
        base: fc.oneof(fc.constant(0n), money(10n ** 7n), money(2n ** 62n)),
        target: fc.option(fc.oneof(fc.constant(0n), money(2n ** 60n)), { nil: null }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    // All-zero coefficients, huge coefficients, one department for everyone or one per person.
    departments: fc.oneof(
      fc.array(
        fc.record({
          side: fc.constantFrom('front' as const, 'middle' as const, 'back' as const),
          coefficient: fc.constant(0),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      fc.array(
        fc.record({
          side: fc.constantFrom('front' as const, 'middle' as const, 'back' as const),
          coefficient: fc.option(fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 10 ** 9 })), {
            nil: null,
          }),
        }),
        { minLength: 1, maxLength: 40 },
      ),
    ),
    people: fc.oneof(
      { weight: 1, arbitrary: fc.constant([]) }, // nobody at all
      {
        weight: 8,
        arbitrary: fc.array(
          fc.record({
            department: fc.nat(),
            grade: fc.nat(),
            // Joined after the period, left before it, one-day employment, or the whole period.
            startOffset: fc.option(fc.oneof(fc.integer({ min: -400, max: 400 }), fc.constantFrom(0, -1, 366)), {
              nil: null,
            }),
            length: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 800 })), { nil: null }),
            base: fc.option(fc.oneof(fc.constant(0n), money(2n ** 62n)), { nil: null }),
          }),
          { maxLength: 60, size: 'medium' },
        ),
      },
    ),
    commissions: fc.array(
      fc.record({
        person: fc.nat(),
        amount: fc.oneof(fc.constant(0n), fc.bigInt({ min: -(2n ** 60n), max: 2n ** 62n })),
        day: fc.nat(),
      }),
      { maxLength: 60, size: 'medium' },
    ),
    deductions: fc.array(
      fc.record({ person: fc.nat(), amount: fc.oneof(fc.constant(0n), money(2n ** 62n)), day: fc.nat() }),
      { maxLength: 10 },
    ),
  })
  .map(build);

/** A scenario of `people` employees (for size tests): one grade, `departments` departments. */
export function largeScenario(people: number, departments = 10): RunPeriodInput {
  return build({
    currency: currencies[0],
    unit: 'quarter',
    start: '2026-04-01',
    change: 'prorate',
    halfEven: false,
    grades: [{ base: 880_000n, target: 200_000n }],
    departments: Array.from({ length: departments }, (_, i) => ({
      side: (['front', 'middle', 'back'] as const)[i % 3] as 'front',
      coefficient: 9_000 + i * 100,
    })),
    people: Array.from({ length: people }, (_, i) => ({
      department: i,
      grade: 0,
      startOffset: i % 7 === 0 ? (i % 91) - 10 : null,
      length: i % 7 === 0 ? 60 : null,
      base: null,
    })),
    commissions: Array.from({ length: Math.ceil(people / 2) }, (_, i) => ({
      person: i * 3,
      amount: BigInt(100_000 + ((i * 7919) % 50_000)),
      day: i,
    })),
    deductions: Array.from({ length: Math.ceil(people / 20) }, (_, i) => ({
      person: i * 11,
      amount: BigInt(5_000 + i),
      day: i,
    })),
  });
}

/** Hostile knobs applied to the demo company (every mechanism wired: pool, linkage, scorecard, ratings, tickets, interlock). */
interface DemoTwist {
  readonly people: number;
  readonly seed: number;
  readonly zeroPool: boolean;
  readonly fullPool: boolean;
  readonly zeroScores: boolean;
  readonly zeroCoefficients: boolean;
  readonly nobodyEmployed: boolean;
  readonly noCommissions: boolean;
  readonly unit: 'quarter' | 'year';
}

/**
 * The demo company (`demoScenario`, every mechanism wired) made hostile: a pool rate of 0 or 1,
 * every support score 0, every department coefficient 0, nobody employed in the period, no
 * commissions, small headcounts, a year instead of the quarter.
 */
export function demoTwistArb(
  demoScenario: (input: { people?: number; seed?: number }) => RunPeriodInput,
): fc.Arbitrary<RunPeriodInput> {
  return fc
    .record<DemoTwist>({
      // demoScenario gives an invalid scenario below ~35 people (duplicate ratings, interlock parties
      // without people: reported); the generic arbitrary covers tiny and one-person units.
      people: fc.integer({ min: 35, max: 60 }),
      seed: fc.integer({ min: 1, max: 10_000 }),
      zeroPool: fc.boolean(),
      fullPool: fc.boolean(),
      zeroScores: fc.boolean(),
      zeroCoefficients: fc.boolean(),
      nobodyEmployed: fc.boolean(),
      noCommissions: fc.boolean(),
      unit: fc.constantFrom('quarter' as const, 'year' as const),
    })
    .map((twist) => {
      const scenario = structuredClone(demoScenario({ people: twist.people, seed: twist.seed }));
      const rate = twist.zeroPool ? '0' : twist.fullPool ? '1' : undefined;
      if (rate !== undefined)
        for (const version of scenario.plan.versions) if (version.pool !== undefined) version.pool.rate = rate;
      const data = scenario.data ?? {};
      if (twist.zeroScores && data.supportScores !== undefined) for (const row of data.supportScores) row.score = '0';
      if (twist.zeroCoefficients && data.departmentCoefficients !== undefined)
        for (const row of data.departmentCoefficients) row.coefficient = '0';
      if (twist.noCommissions) data.commissions = [];
      if (twist.nobodyEmployed) {
        for (const person of scenario.org.people) {
          person.start = '2031-01-01';
          delete person.end;
        }
        // runPeriod refuses an interlock party department with nobody employed (INVALID_INPUT).
        for (const version of scenario.plan.versions) delete version.interlock;
      }
      if (twist.unit === 'year') scenario.period = { unit: 'year', start: scenario.period.start };
      scenario.data = data;
      return scenario;
    });
}

// ── whole scenarios: every mechanism section ────────────────────────────────

/**
 * Whether a section is generated: `true` always, `false` never, `'sometimes'` in about half the
 * scenarios.
 */
export type SectionChoice = boolean | 'sometimes';

/**
 * Options of {@link wholeScenarioArb}. Every field is optional.
 *
 * @example
 * ```ts
 * // Ratings and tickets only, at most 6 people, no hostile edge shapes:
 * wholeScenarioArb({ sections: { ratings: true, tickets: true }, only: true, maxPeople: 6, edges: false });
 * ```
 */
export interface WholeScenarioOptions {
  /**
   * Which mechanism sections to generate (`tickets` is the plan's `responseTimes` with
   * `data.tickets`). Sections not named take `only ? false : true`.
   * @defaultValue every section `true`
   */
  readonly sections?: Partial<Record<SectionName, SectionChoice>>;
  /** Sections not named in `sections` are off (instead of on). @defaultValue `false` */
  readonly only?: boolean;
  /** Most people in the org (≥ 0). @defaultValue `12` */
  readonly maxPeople?: number;
  /** Most departments (≥ 1). @defaultValue `4` */
  readonly maxDepartments?: number;
  /**
   * Size of the data lists: tickets, revenue facts and commission rows up to `maxRows`, ratings in
   * up to `maxRows / 4` groups of up to 10 raters, component scores and point entries up to
   * `maxRows / 2`.
   * @defaultValue `24`
   */
  readonly maxRows?: number;
  /**
   * Whether edge shapes appear with some probability (about one scenario in six each): tiny
   * (0–9 minor units) and large (up to 10^13 minor units) amounts, one-person departments, one
   * department for everyone, every score zero, the pool's floor above every score (nobody
   * eligible: the whole pool unallocated), empty data lists under the plan's sections, a pool
   * rate of 0 or 1.
   * @defaultValue `true`
   */
  readonly edges?: boolean;
  /** Plan versions changing inside the period (reported or prorated). @defaultValue `true` */
  readonly versionChanges?: boolean;
  /**
   * Whether the scenario declares control totals [控制总数] that match its data: headcount,
   * commission rows and gross, deduction rows and total, ticket, rating and revenue-fact counts
   * (never `payTotal`, which only a run knows).
   * @defaultValue `'sometimes'`
   */
  readonly controls?: SectionChoice;
}

/** The knobs of a whole scenario: the base (org, grades, commissions) and the section shapes. */
interface WholeShape {
  readonly base: Shape;
  readonly magnitude: 'tiny' | 'ordinary' | 'large';
  readonly layout: 'random' | 'onePerUnit' | 'oneUnit';
  /** The first department is made front line and the second back office (so the pool has both sides). */
  readonly bothSides: boolean;
  readonly edges: SectionEdges;
  readonly laterDrop: SectionName | null;
  readonly asOfOffset: number | null;
  /** Which control totals the scenario declares (each matching its data), or none. */
  readonly controls: {
    readonly people: boolean;
    readonly commissions: boolean;
    readonly deductions: boolean;
    readonly lists: boolean;
  } | null;
  /** Rounding points other than the defaults (scores 2 dp, coefficients 4 dp). */
  readonly roundingPoints: { readonly score: number; readonly coefficient: number } | null;
  readonly sections: SectionShapes;
}

const PLAN_KEY: Record<SectionName, string> = {
  pool: 'pool',
  linkage: 'linkage',
  scorecard: 'scorecard',
  tickets: 'responseTimes',
  ratings: 'ratings',
  interlock: 'interlock',
};

/** Days in a period starting on the first of a month. */
function periodDaysOf(unit: 'month' | 'quarter' | 'year', start: string): number {
  const [year, month] = start.split('-').map(Number) as [number, number];
  const months = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  return (Date.UTC(year, month - 1 + months, 1) - Date.UTC(year, month - 1, 1)) / DAY;
}

function buildWhole(shape: WholeShape): RunPeriodInput {
  const scale = (minor: bigint): bigint =>
    shape.magnitude === 'tiny' ? minor % 10n : shape.magnitude === 'large' ? minor * 1_000_000n : minor;
  const base: Shape = {
    ...shape.base,
    grades: shape.base.grades.map((grade) => ({
      base: scale(grade.base),
      target: grade.target === null ? null : scale(grade.target),
    })),
    departments: (shape.layout === 'onePerUnit'
      ? Array.from(
          { length: Math.max(1, shape.base.people.length) },
          (_, i) => shape.base.departments[i % shape.base.departments.length] as Shape['departments'][number],
        )
      : shape.layout === 'oneUnit'
        ? shape.base.departments.slice(0, 1)
        : shape.base.departments
    ).map((department, d) =>
      shape.bothSides && d < 2 ? { ...department, side: d === 0 ? ('front' as const) : ('back' as const) } : department,
    ),
    // With both sides, the first person works in the front-line department and the second in the back office.
    people: shape.base.people.map((person, i) => ({
      ...person,
      department: shape.layout === 'onePerUnit' || (shape.bothSides && i < 2) ? i : person.department,
      base: person.base === null ? null : scale(person.base),
    })),
    commissions: shape.base.commissions.map((row) => ({ ...row, amount: scale(row.amount) })),
    deductions: shape.base.deductions.map((row) => ({ ...row, amount: scale(row.amount) })),
  };
  const scenario = build(base);
  const built = addSections(shape.sections, shape.edges, {
    digits: base.currency.digits,
    periodStart: base.start,
    periodDays: periodDaysOf(base.unit, base.start),
    departments: scenario.org.departments,
    people: scenario.org.people,
  });
  scenario.plan.id = 'whole';
  if (shape.roundingPoints !== null)
    scenario.plan.rounding = {
      ...scenario.plan.rounding,
      scoreDecimals: shape.roundingPoints.score,
      coefficientDecimals: shape.roundingPoints.coefficient,
    };
  scenario.plan.versions = scenario.plan.versions.map((version, v) => {
    let sections = { ...built.plan };
    if (v > 0) {
      if (built.laterPool !== null && sections.pool !== undefined) sections.pool = built.laterPool;
      if (shape.laterDrop !== null) {
        const { [PLAN_KEY[shape.laterDrop]]: _dropped, ...kept } = sections;
        sections = kept;
      }
    }
    return { ...version, ...sections };
  });
  const data = scenario.data ?? {};
  if (built.clawbackRate !== null)
    data.commissions = (data.commissions ?? []).map((row) =>
      String(row.amount).startsWith('-') ? { ...row, rate: built.clawbackRate as string } : row,
    );
  Object.assign(data, built.data);
  scenario.data = data;
  if (shape.controls !== null) {
    const digits = base.currency.digits;
    const sum = (rows: readonly { amount: string | number }[]) =>
      moneyText(
        rows.reduce((acc, row) => acc + minorOf(String(row.amount), digits), 0n),
        digits,
      );
    const controls: Record<string, unknown> = {};
    if (shape.controls.people) controls.people = scenario.org.people.length;
    if (shape.controls.commissions)
      controls.commissions = { rows: (data.commissions ?? []).length, gross: sum(data.commissions ?? []) };
    if (shape.controls.deductions)
      controls.deductions = { rows: (data.deductions ?? []).length, total: sum(data.deductions ?? []) };
    if (shape.controls.lists)
      for (const key of ['tickets', 'ratings', 'revenueFacts'] as const) {
        const rows = data[key];
        if (Array.isArray(rows)) controls[key] = rows.length;
      }
    scenario.controls = controls;
  }
  // Open tickets are measured to asOf: the period's last second in UTC or in Honolulu, or the default (next day, 00:00 UTC).
  if (shape.asOfOffset !== null) {
    const end = Date.parse(`${base.start}T00:00:00Z`) + periodDaysOf(base.unit, base.start) * DAY;
    scenario.asOf = `${dayText(end - DAY)}T23:59:59${shape.asOfOffset === 0 ? 'Z' : '-10:00'}`;
  }
  return scenario;
}

/**
 * Valid whole scenarios with every mechanism section (issue 9 §1): an org of up to `maxPeople`
 * people in up to `maxDepartments` departments on all three sides, grades, commissions (with
 * clawbacks) and deductions, plus — each referencing the generated people, departments,
 * dimensions, KPIs and indicators consistently —
 *
 * - `pool`: seed 001's support pool (rate 10/12/15 % or any, 0 or 1; `net` or `reverse`
 *   clawbacks with their original rate; linear, power or elasticity weighting; floors; basis;
 *   score source) and support scores for every department (so every recipient has one);
 * - `linkage`: seed 003's relevance matrix (levels in the article's ranges or as stars, 1–3 KPIs
 *   with targets, own maps, achievement maps; Σ r ≤ 0.9 ≤ 1), KPI results as actuals,
 *   coefficients or missing;
 * - `scorecard`: leaves read from data, ratings, response/resolution times, collaboration points
 *   or the interlock, possibly nested, weights of each level summing to 1, `neutral` or
 *   `reweight`, a linear or tier coefficient map;
 * - `tickets`: a working calendar (time zones with and without DST, split days, holidays,
 *   make-up days), duration tier tables (minutes or `Duration` objects, interpolated, elastic
 *   targets, breach bands), tickets opened inside the period with offsets, some open, paused;
 * - `ratings`: 1–4 dimensions with weights summing to 1, groups of up to 10 raters per (ratee,
 *   dimension) — big enough for the modified z-score and leave-one-out tests — with outliers and
 *   absolute extremes, RACI tasks (exactly one A, at least one R), period labels, leniency, and
 *   review decisions (keep, drop, adjust) on ratings that are surely flagged;
 * - `interlock`: 1–3 crediting dimensions with members' windows and targets, revenue facts
 *   (returns too) credited in full or split with shares summing to 1, and up to 4 indicators
 *   owned by people or departments (weights summing to 1) with decimal actuals or references to
 *   a member's credit, rewards, severe misses and review thresholds.
 *
 * A second plan version sometimes takes effect 20 days into the period (reported or prorated),
 * with the same sections, a changed pool rate, or one section dropped; the rounding points
 * sometimes differ from the defaults (scores 0–4 dp, coefficients 2–6 dp); control totals that
 * match the data are sometimes declared (see {@link WholeScenarioOptions.controls}). Edge shapes appear with
 * some probability (see {@link WholeScenarioOptions.edges}). Plain JSON: write one to a file and
 * replay it with `synergy-pay run file.json`.
 */
export function wholeScenarioArb(options: WholeScenarioOptions = {}): fc.Arbitrary<RunPeriodInput> {
  const maxPeople = options.maxPeople ?? 12;
  const maxDepartments = Math.max(1, options.maxDepartments ?? 4);
  const maxRows = options.maxRows ?? 24;
  const edges = options.edges ?? true;
  const choice = (name: SectionName): SectionChoice => options.sections?.[name] ?? !options.only;
  const section = <T>(name: SectionName, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => {
    const chosen = choice(name);
    return chosen === true ? arb : chosen === false ? fc.constant(null) : maybe(arb, 0.5);
  };
  const edge = (weight: number) =>
    edges
      ? fc.boolean().chain((on) => (on ? fc.nat(weight - 1).map((n) => n === 0) : fc.constant(false)))
      : fc.constant(false);
  const baseArb: fc.Arbitrary<Shape> = fc.record({
    currency: fc.constantFrom(...currencies),
    unit: fc.constantFrom('month' as const, 'quarter' as const, 'quarter' as const, 'year' as const),
    start: fc.constantFrom('2026-04-01', '2026-07-01', '2026-01-01', '2026-10-01'),
    change:
      options.versionChanges === false
        ? fc.constant('none' as const)
        : fc.constantFrom('none' as const, 'report' as const, 'prorate' as const),
    halfEven: fc.boolean(),
    grades: fc.array(fc.record({ base: money(10n ** 7n), target: fc.option(money(10n ** 6n), { nil: null }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    departments: fc.array(
      fc.record({
        side: fc.constantFrom('front' as const, 'middle' as const, 'back' as const),
        coefficient: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
      }),
      { minLength: Math.min(2, maxDepartments), maxLength: maxDepartments },
    ),
    people: fc.array(
      fc.record({
        department: fc.nat(),
        grade: fc.nat(),
        // Mostly employed all period; some joiners and leavers.
        startOffset: maybe(fc.integer({ min: -60, max: 100 }), 0.3),
        length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
        base: maybe(money(10n ** 7n), 0.25),
      }),
      { maxLength: maxPeople },
    ),
    commissions: fc.array(
      fc.record({
        person: fc.nat(),
        amount: fc.oneof(
          { weight: 6, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 8n }) },
          { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 6n), max: 0n }) },
        ),
        day: fc.nat(),
      }),
      { maxLength: maxRows },
    ),
    deductions: fc.array(fc.record({ person: fc.nat(), amount: money(10n ** 5n), day: fc.nat() }), {
      maxLength: Math.ceil(maxRows / 4),
    }),
  });
  return fc
    .record<WholeShape>({
      base: baseArb,
      magnitude: edges
        ? fc.oneof(
            { weight: 1, arbitrary: fc.constant('tiny' as const) },
            { weight: 6, arbitrary: fc.constant('ordinary' as const) },
            { weight: 1, arbitrary: fc.constant('large' as const) },
          )
        : fc.constant('ordinary' as const),
      layout: edges
        ? fc.oneof(
            { weight: 6, arbitrary: fc.constant('random' as const) },
            { weight: 1, arbitrary: fc.constant('onePerUnit' as const) },
            { weight: 1, arbitrary: fc.constant('oneUnit' as const) },
          )
        : fc.constant('random' as const),
      bothSides: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      edges: fc.record({ zeroScores: edge(6), floorAboveAll: edge(6), emptyData: edge(8) }),
      laterDrop: maybe(fc.constantFrom(...SECTION_NAMES), 0.25),
      asOfOffset: maybe(fc.constantFrom(0, -600), 0.33),
      controls: (() => {
        const choice = options.controls ?? 'sometimes';
        const arb = fc.record({
          people: fc.boolean(),
          commissions: fc.boolean(),
          deductions: fc.boolean(),
          lists: fc.boolean(),
        });
        return choice === true ? arb : choice === false ? fc.constant(null) : maybe(arb, 0.5);
      })(),
      roundingPoints: maybe(
        fc.record({ score: fc.integer({ min: 0, max: 4 }), coefficient: fc.integer({ min: 2, max: 6 }) }),
        0.25,
      ),
      sections: fc.record<SectionShapes>({
        pool: section('pool', poolShapeArb),
        linkage: section('linkage', linkageShapeArb),
        scorecard: section('scorecard', scorecardShapeArb(Math.ceil(maxRows / 2))),
        tickets: section('tickets', ticketsShapeArb(maxRows)),
        ratings: section('ratings', ratingsShapeArb(Math.max(1, Math.ceil(maxRows / 4)))),
        interlock: section('interlock', interlockShapeArb(maxRows)),
      }),
    })
    .map(buildWhole);
}

/** {@link wholeScenarioArb} with its defaults: every section, up to 12 people, edge shapes sometimes. */
export const fullScenarioArb: fc.Arbitrary<RunPeriodInput> = wholeScenarioArb();

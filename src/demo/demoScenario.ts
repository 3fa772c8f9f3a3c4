import * as z from 'zod/mini';
import { shaped, type ZodSchema } from '../core/schema.js';
import { parseInput } from '../core/validate.js';
import type {
  PeriodDataInput,
  PersonInput,
  PlanInterlockInput,
  PlanRatingsInput,
  PlanResponseTimesInput,
  PlanVersionInput,
  RunPeriodInput,
} from '../period/types.js';
import type { DemoScenarioInput } from './types.js';

/**
 * The built-in demo company, in the spirit of seed 001's provincial broadcast network
 * ("某省级广电网络公司 … 5000余名员工 … 一线运维、客服部门占比60%,后端技术、财务部门占比40%"):
 * a deterministic synthetic scenario for one quarter, so `synergy-pay demo`, the README's quick
 * start and the benchmark all run the same company.
 */

/** Input of {@link demoScenario}. */
export const demoScenarioInputSchema: ZodSchema<DemoScenarioInput> = /* @__PURE__ */ shaped<DemoScenarioInput>()(
  z.strictObject({
    people: z.optional(z.int().check(z.minimum(1), z.maximum(1_000_000))),
    frontShare: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
    commissionsPerFrontPerson: z.optional(z.int().check(z.minimum(0), z.maximum(100))),
    tickets: z.optional(z.int().check(z.minimum(0), z.maximum(50_000_000))),
    ratings: z.optional(z.int().check(z.minimum(0), z.maximum(50_000_000))),
    revenueFacts: z.optional(z.int().check(z.minimum(0), z.maximum(50_000_000))),
    seed: z.optional(z.int().check(z.minimum(0), z.maximum(2 ** 31 - 1))),
  }),
);

/** The rows of one list of the period data. */
type Rows<K extends keyof PeriodDataInput> = NonNullable<PeriodDataInput[K]>;

/** The demo's random numbers in [0, 1), and whole numbers in [0, n). */
interface Draw {
  (): number;
  pick: (n: number) => number;
}

/** A small deterministic generator (mulberry32); the demo must be the same on every machine. */
function generator(seed: number): Draw {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.assign(random, { pick: (n: number) => Math.floor(random() * n) });
}

/**
 * Departments of the demo company: front line (customer service, operations, sales) and back
 * office, with their share of the headcount and their result for the quarter (front line a little
 * below plan, technology above).
 */
const DEPARTMENTS = [
  { id: 'front-service-east', name: '客服中心(东区)', side: 'front', weight: 3, coefficient: '0.95' },
  { id: 'front-service-west', name: '客服中心(西区)', side: 'front', weight: 2, coefficient: '0.9' },
  { id: 'front-ops-5g', name: '一线运维(5G)', side: 'front', weight: 3, coefficient: '1.08' },
  { id: 'front-ops-broadband', name: '一线运维(宽带)', side: 'front', weight: 2, coefficient: '0.92' },
  { id: 'front-sales-enterprise', name: '政企销售', side: 'front', weight: 2, coefficient: '1.0' },
  { id: 'back-tech-network', name: '网络技术部', side: 'back', weight: 4, coefficient: '1.05' },
  { id: 'back-tech-platform', name: '平台技术部', side: 'back', weight: 3, coefficient: '1.02' },
  { id: 'back-finance', name: '财务部', side: 'back', weight: 2, coefficient: '1.0' },
  { id: 'back-hr', name: '人力资源部', side: 'back', weight: 1, coefficient: '0.98' },
  { id: 'back-legal', name: '法务部', side: 'back', weight: 1, coefficient: '1.0' },
] as const;

const GRADES = [
  { id: 'P1', basePay: '4500.00', targetBonus: '900.00' },
  { id: 'P2', basePay: '5200.00', targetBonus: '1100.00' },
  { id: 'P3', basePay: '6000.00', targetBonus: '1400.00' },
  { id: 'P4', basePay: '7200.00', targetBonus: '1800.00' },
  { id: 'P5', basePay: '8800.00', targetBonus: '2400.00' },
  { id: 'P6', basePay: '11000.00', targetBonus: '3200.00' },
  { id: 'P7', basePay: '14500.00', targetBonus: '4500.00' },
];

/**
 * Seed 001's pool: front-line commission carved at the version's rate; shared among the back
 * office by support score with "+10 % score → +15 % award" elasticity and a floor of 60;
 * clawbacks of refunded sales netted within the person.
 */
const POOL = {
  clawbackPolicy: 'net',
  scoreFrom: 'ratings',
  weighting: { kind: 'elasticity', scoreChange: '0.10', awardChange: '0.15' },
  floor: 60,
} as const;

/**
 * Seed 003's relevance matrix instead of one company coefficient for everyone ["大锅饭"]: the
 * front line is strongly tied to 5G subscriptions, the network technicians to 5G and profit, the
 * support functions only weakly to profit.
 */
const LINKAGE = {
  levels: { strong: '0.25', medium: '0.12', weak: '0.03' },
  uniformKpi: 'profit',
  companyKpis: [
    { id: 'profit', target: '1000000000' },
    { id: '5g-subscribers', target: '100000' },
  ],
  departments: [
    { id: 'front-service-east', relevance: { '5g-subscribers': 'medium' } },
    { id: 'front-service-west', relevance: { '5g-subscribers': 'medium' } },
    { id: 'front-ops-5g', relevance: { '5g-subscribers': 'strong' } },
    { id: 'front-ops-broadband', relevance: { profit: 'medium' } },
    { id: 'front-sales-enterprise', relevance: { profit: 'strong' } },
    { id: 'back-tech-network', relevance: { '5g-subscribers': 'medium', profit: 'weak' } },
    { id: 'back-tech-platform', relevance: { '5g-subscribers': 'weak', profit: 'weak' } },
    { id: 'back-finance', relevance: { profit: 'weak' } },
    { id: 'back-hr', relevance: { profit: 'weak' } },
    { id: 'back-legal', exempt: true },
  ],
};

/** Seed 001's response tiers (≤ 1 h → 100, ≤ 2 h → 80, else 60) on a Beijing working calendar. */
const WORKING_HOURS = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const RESPONSE_TIMES: PlanResponseTimesInput = {
  calendar: {
    timeZone: 'Asia/Shanghai',
    week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, WORKING_HOURS])),
    holidays: ['2026-05-01', '2026-05-04', '2026-05-05', '2026-06-19'],
    makeUpDays: ['2026-05-09'],
  },
  response: {
    table: {
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [{ bound: { hours: 1 }, score: 100 }, { bound: { hours: 2 }, score: 80 }, { score: 60 }],
    },
  },
  resolution: {
    table: {
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [{ bound: { hours: 24 }, score: 100 }, { bound: { hours: 72 }, score: 80 }, { score: 60 }],
    },
    // seed 004: under a demand surge the 24 h target relaxes to 48 h
    elastic: [{ id: 'demand-surge', when: { kind: 'ticketsAbove', count: 20000 }, factor: 2 }],
  },
};

/** Seed 003's peripheral ratings: four dimensions, outliers to review, at least three raters. */
const RATINGS: PlanRatingsInput = {
  settings: {
    dimensions: [
      { id: 'responseSpeed', weight: '0.3' },
      { id: 'solution', weight: '0.3' },
      { id: 'cooperation', weight: '0.2' },
      { id: 'completeness', weight: '0.2' },
    ],
    extremes: { low: 20, high: 100 },
  },
};

/** Seed 003's interlock: revenue credited by region and by product line; 5G revenue owned jointly. */
function interlock(expectedRevenue: number, staffed: ReadonlySet<string>): PlanInterlockInput {
  // Average fact ≈ 10,050 yuan; a third of it is 5G. The target is set a little below that: a good 5G quarter.
  const target = Math.max(1, Math.round(((expectedRevenue * 10_050) / 3) * 0.97));
  const parties = staffedParties(staffed);
  if (parties.length === 0) return {};
  return {
    dimensions: [
      { id: 'region', members: [{ id: 'east' }, { id: 'west' }, { id: 'north' }, { id: 'south' }] },
      { id: 'product', members: [{ id: '5g' }, { id: 'broadband' }, { id: 'iptv' }] },
    ],
    indicators: [
      {
        id: '5g-revenue',
        target: String(target),
        actual: { dimension: 'product', member: '5g' },
        parties,
        scoreTable: {
          direction: 'higherIsBetter',
          bands: [{ bound: '1', score: 100 }, { bound: '0.9', score: 80 }, { score: 60 }],
        },
        reward: { threshold: '1', amount: '300000.00' },
        severeMiss: { threshold: '0.7', deduction: '100000.00' },
      },
    ],
  };
}

/** 5G revenue's owners, 50/30/20 (seed 003); in a small company, only the departments with people, re-weighted. */
const FIVE_G_OWNERS = [
  { id: 'front-ops-5g', points: 50 },
  { id: 'front-sales-enterprise', points: 30 },
  { id: 'back-tech-network', points: 20 },
];

/** The owners that have people, their weights in hundredths summing to exactly 1 (the first takes the rest). */
function staffedParties(staffed: ReadonlySet<string>): { id: string; weight: string }[] {
  const owners = FIVE_G_OWNERS.filter((owner) => staffed.has(owner.id));
  const total = owners.reduce((sum, owner) => sum + owner.points, 0);
  const hundredths = owners.map((owner) => Math.round((owner.points * 100) / total));
  hundredths[0] = 100 - hundredths.slice(1).reduce((sum, h) => sum + h, 0);
  return owners.map((owner, i) => ({ id: owner.id, weight: (hundredths[i]! / 100).toString() }));
}

/**
 * Builds the demo scenario: Q2 2026 of a broadcast network (by default 5,000 people, 60 % front
 * line), with seed 001's 5G plan change on 1 May splitting the quarter (prorated by days), monthly
 * commission rows for the front line, department coefficients and a few attendance deductions.
 * Pure and deterministic: the same input gives the same scenario.
 *
 * @param input - `people` (default 5000), `frontShare` (0.6), `commissionsPerFrontPerson` (3), `seed` (2026).
 * @returns A scenario for `runPeriod` (and the CLI).
 * @throws {@link SynergyPayError} `INVALID_INPUT` for out-of-range options.
 * @example
 * ```ts
 * import { demoScenario, runPeriod } from 'synergy-pay';
 * const result = runPeriod(demoScenario({ people: 50 }));
 * // result.statements.length === 50
 * ```
 */
export function demoScenario(input: DemoScenarioInput = {}): RunPeriodInput {
  const source = demoRowSource(input);
  const org = demoPeople(source.people());
  const data = {
    tickets: [...source.tickets()],
    ratings: [...source.ratings()],
    revenueFacts: [...source.revenueFacts()],
  };
  const scenario = source.frame(org.staffed);
  scenario.org.people = org.people;
  scenario.data = { ...scenario.data, ...org.lists, ...data, supportScores: org.lists.supportScores };
  return scenario;
}

/** The demo company's large lists, row by row, and the rest of it: see {@link demoRowSource}. */
export interface DemoRowSource {
  readonly headcount: number;
  /** Each person in id order, with their support score, commission rows and deduction (draws them). */
  readonly people: () => Generator<DemoPersonRows>;
  /** The tickets (draws them: after the people). */
  readonly tickets: () => Generator<Rows<'tickets'>[number]>;
  /** The ratings (draws them: after the tickets). */
  readonly ratings: () => Generator<Rows<'ratings'>[number]>;
  /** The revenue facts (draws them: after the ratings). */
  readonly revenueFacts: () => Generator<Rows<'revenueFacts'>[number]>;
  /**
   * The rest of the scenario — plan, period, departments, coefficients, KPIs — with empty lists
   * of people, commissions, deductions, tickets, ratings, revenue facts and support scores;
   * `staffed`: the departments with someone employed for the whole quarter.
   */
  readonly frame: (staffed: ReadonlySet<string>) => RunPeriodInput & { org: { people: PersonInput[] } };
}

/** One person of the demo and their rows. */
export interface DemoPersonRows {
  readonly person: PersonInput;
  readonly supportScore: Rows<'supportScores'>[number] | undefined;
  readonly commissions: Rows<'commissions'>;
  readonly deduction: Rows<'deductions'>[number] | undefined;
}

/**
 * The demo company of {@link demoScenario}, its large lists given one row at a time (internal:
 * `bench/bigFolder.ts` writes a million-person demo as files without holding it). The rows come
 * from one random sequence, drawn in this order: people (with their commissions and deductions),
 * tickets, ratings, revenue facts — each generator must be read to its end before the next is
 * started. `demoScenario` is these rows collected.
 */
export function demoRowSource(input: DemoScenarioInput = {}): DemoRowSource {
  const options = parseInput(demoScenarioInputSchema, input);
  const headcount = options.people ?? 5000;
  const frontCount = Math.round(headcount * (options.frontShare ?? 0.6));
  const draw = generator(options.seed ?? 2026);
  const factCount = options.revenueFacts ?? headcount * 10;
  return {
    headcount,
    people: () => demoPersonRows(draw, headcount, frontCount, options.commissionsPerFrontPerson ?? 3),
    tickets: () => demoTicketRows(draw, options.tickets ?? headcount * 20),
    ratings: () => demoRatingRows(draw, headcount, frontCount, options.ratings ?? headcount * 5),
    revenueFacts: () => demoRevenueFactRows(draw, factCount),
    frame: (staffed) => demoFrame(factCount, headcount, staffed),
  };
}

/** The people's lists, collected; and the departments with someone employed in every plan segment. */
function demoPeople(rows: Iterable<DemoPersonRows>) {
  const people: PersonInput[] = [];
  const lists = {
    commissions: [] as Rows<'commissions'>,
    deductions: [] as Rows<'deductions'>,
    supportScores: [] as Rows<'supportScores'>,
  };
  // A department shares the interlock only when someone in it is employed in every plan segment:
  // joiners start in May (not employed in April's segment), leavers end in June (in both).
  const staffed = new Set<string>();
  for (const { person, supportScore, commissions, deduction } of rows) {
    people.push(person);
    if (person.start === undefined) staffed.add(person.department);
    if (supportScore !== undefined) lists.supportScores.push(supportScore);
    lists.commissions.push(...commissions);
    if (deduction !== undefined) lists.deductions.push(deduction);
  }
  return { people, lists, staffed };
}

/** The scenario but its large lists: the plan (two versions), the period, the departments and their results. */
function demoFrame(factCount: number, headcount: number, staffed: ReadonlySet<string>) {
  const expectedRevenue = (factCount / Math.max(1, headcount)) * headcount;
  const mechanisms = { grades: GRADES, linkage: LINKAGE, responseTimes: RESPONSE_TIMES, ratings: RATINGS };
  const version = (id: string, effective: string, note: string, rate: string): PlanVersionInput => {
    const shared = interlock(expectedRevenue, staffed);
    return { id, effective, note, ...mechanisms, interlock: shared, pool: { ...POOL, rate } };
  };
  return {
    plan: {
      id: 'broadcast-network',
      currency: 'CNY',
      onVersionChange: 'prorate',
      versions: [
        version('base-2026', '2026-01-01', 'support pool 10 % of front-line commissions', '0.10'),
        version(
          '5g-push',
          '2026-05-01',
          'seed 001 "5G业务拓展": support pool 10 % → 15 %; 5G volume weight 20 % → 40 %',
          '0.15',
        ),
      ],
    },
    period: { unit: 'quarter', start: '2026-04-01' },
    asOf: '2026-07-01T00:00:00+08:00',
    org: { departments: DEPARTMENTS.map(({ id, name, side }) => ({ id, name, side })), people: [] as PersonInput[] },
    data: {
      departmentCoefficients: DEPARTMENTS.map(({ id, coefficient }) => ({ department: id, coefficient })),
      // A bad year for profit (88 % of target), a good one for 5G (112 %).
      companyKpis: [
        { id: 'profit', actual: '880000000' },
        { id: '5g-subscribers', actual: '112000' },
      ],
      commissions: [],
      deductions: [],
      tickets: [],
      ratings: [],
      revenueFacts: [],
      supportScores: [],
    },
  } satisfies RunPeriodInput;
}

/** A department of the front line (or the back office) picked at random, each as likely as its weight. */
function weightedPick(draw: Draw, front: boolean): () => string {
  const departments = DEPARTMENTS.filter((d) => (d.side === 'front') === front);
  const total = departments.reduce((sum, d) => sum + d.weight, 0);
  return () => {
    let r = draw() * total;
    for (const d of departments) {
      r -= d.weight;
      if (r < 0) return d.id;
    }
    return departments[departments.length - 1]!.id;
  };
}

const MONTHS = ['2026-04-', '2026-05-', '2026-06-'];
const day = (n: number) => String(n).padStart(2, '0');
/** Minor units (fen) as yuan: `123456` → `"1234.56"`. */
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${day(Math.abs(fen) % 100)}`;

/** The id of the demo's person `i` (0-based) in a company of `headcount`: `E0001`. */
const personId = (i: number, headcount: number) => `E${String(i + 1).padStart(String(headcount).length, '0')}`;

/**
 * The people, front line first, each with a grade and a few joiners and leavers; the back office's
 * support scores; the front line's monthly commission rows; a few attendance deductions.
 */
function* demoPersonRows(
  draw: Draw,
  headcount: number,
  frontCount: number,
  perFront: number,
): Generator<DemoPersonRows> {
  const [pickFront, pickBack] = [weightedPick(draw, true), weightedPick(draw, false)];
  for (let i = 0; i < headcount; i++) {
    const id = personId(i, headcount);
    const isFront = i < frontCount;
    const department = isFront ? pickFront() : pickBack();
    const level = Math.floor(draw() * draw() * GRADES.length * (isFront ? 0.8 : 1.2));
    const person: PersonInput = { id, department, grade: GRADES[Math.min(GRADES.length - 1, level)]!.id };
    const joinerOrLeaver = draw();
    if (joinerOrLeaver < 0.02) person.start = `2026-05-${day(1 + draw.pick(28))}`;
    else if (joinerOrLeaver < 0.035) person.end = `2026-06-${day(1 + draw.pick(28))}`;
    // Support-effectiveness score [支撑效能评分] of each back-office person: 55–100, some below the floor.
    const supportScore = isFront ? undefined : { subject: id, score: (55 + draw.pick(4501) / 100).toFixed(2) };
    // Monthly commission rows in yuan and fen; about 1 in 50 is a clawback of a refunded sale.
    const commissions: Rows<'commissions'> = [];
    for (let k = 0; isFront && k < perFront; k++) {
      const fen = draw() < 0.02 ? -(50_000 + draw.pick(200_000)) : 100_000 + draw.pick(1_500_000);
      commissions.push({
        id: `${id}-C${k + 1}`,
        person: id,
        amount: yuan(fen),
        date: `${MONTHS[k % 3]}${day(1 + draw.pick(28))}`,
      });
    }
    const deduction =
      draw() < 0.05
        ? {
            id: `${id}-D1`,
            person: id,
            amount: `${50 * (1 + draw.pick(6))}.00`,
            reason: draw() < 0.5 ? '迟到 (late)' : '早退 (left early)',
            date: `2026-0${4 + draw.pick(3)}-${day(1 + draw.pick(28))}`,
          }
        : undefined;
    yield { person, supportScore, commissions, deduction };
  }
}

/**
 * Tickets: front-line requests to the back office, opened on working hours in Beijing time; about
 * 1 in 40 still open at the end of the quarter.
 */
function* demoTicketRows(draw: Draw, count: number): Generator<Rows<'tickets'>[number]> {
  const units = DEPARTMENTS.filter((d) => d.side !== 'front').map((d) => d.id);
  const width = String(count).length;
  const quarterStart = Date.UTC(2026, 3, 1) - 8 * 3_600_000; // 2026-04-01T00:00+08:00
  const instant = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
  for (let t = 0; t < count; t++) {
    const opened = quarterStart + draw.pick(91) * 86_400_000 + (9 * 60 + draw.pick(540)) * 60_000;
    const minutes = draw() < 0.7 ? 5 + draw.pick(55) : draw() < 0.7 ? 60 + draw.pick(60) : 120 + draw.pick(600);
    const open = draw() < 0.025;
    yield {
      id: `T${String(t + 1).padStart(width, '0')}`,
      unit: units[draw.pick(units.length)]!,
      opened: instant(opened),
      ...(open
        ? {}
        : {
            responded: instant(opened + minutes * 60_000),
            resolved: instant(opened + (minutes + 30 + draw.pick(2880)) * 60_000),
          }),
    };
  }
}

/**
 * Ratings [周边绩效]: front-line people rate back-office people on four dimensions; a few extreme
 * scores go to review. Each rater rates one ratee on one dimension at most once: the ratings walk
 * raters × ratees × dimensions, skipping a triple already given (only a small company comes back to one).
 */
function* demoRatingRows(
  draw: Draw,
  headcount: number,
  frontCount: number,
  wanted: number,
): Generator<Rows<'ratings'>[number]> {
  const rateeCount = headcount - frontCount;
  const count = rateeCount === 0 || frontCount === 0 ? 0 : wanted;
  const dimensions = ['responseSpeed', 'solution', 'cooperation', 'completeness'];
  const width = String(count).length;
  // The triples given, kept only when the walk can come back to one (a large company's never does).
  const given = mayRepeatRatings(count, rateeCount, frontCount) ? new Set<string>() : undefined;
  for (let r = 0; r < count; r++) {
    const round = Math.floor(r / rateeCount);
    const rater = personId((round * 7919 + (r % rateeCount) * 31) % frontCount, headcount);
    const [ratee, dimension] = [personId(frontCount + (r % rateeCount), headcount), dimensions[round % 4]!];
    const key = `${rater}\u0000${ratee}\u0000${dimension}`;
    if (given?.has(key) === true) continue;
    given?.add(key);
    const extreme = draw() < 0.01;
    const score = extreme ? (draw() < 0.5 ? 10 : 100) : 70 + draw.pick(26);
    yield { id: `R${String(r + 1).padStart(width, '0')}`, rater, ratee, dimension, score };
  }
}

/**
 * Whether the walk of {@link demoRatingRows} can give a (rater, ratee, dimension) twice: two
 * ratings of one ratee on one dimension are d rounds apart, d a multiple of 4, and have the same
 * rater exactly when d × 7919 is a multiple of the front line's size.
 */
function mayRepeatRatings(count: number, rateeCount: number, frontCount: number): boolean {
  const lastRound = Math.floor((count - 1) / rateeCount);
  for (let d = 4; d <= lastRound; d += 4) if ((d * 7919) % frontCount === 0) return true;
  return false;
}

/** Revenue facts [业绩双算]: each sale credited in full to its region and its product line. */
function* demoRevenueFactRows(draw: Draw, count: number): Generator<Rows<'revenueFacts'>[number]> {
  const regions = ['east', 'west', 'north', 'south'];
  const products = ['5g', 'broadband', 'iptv'];
  const width = String(count).length;
  for (let f = 0; f < count; f++)
    yield {
      id: `F${String(f + 1).padStart(width, '0')}`,
      amount: yuan(5_000 + draw.pick(2_000_000)),
      date: `${MONTHS[draw.pick(3)]}${day(1 + draw.pick(28))}`,
      members: { region: regions[draw.pick(4)]!, product: products[draw.pick(3)]! },
    };
}

import * as z from 'zod/mini';
import { parseInput } from '../core/validate.js';
import type { RunPeriodInput } from '../period/types.js';

/**
 * The built-in demo company, in the spirit of seed 001's provincial broadcast network
 * ("某省级广电网络公司 … 5000余名员工 … 一线运维、客服部门占比60%,后端技术、财务部门占比40%"):
 * a deterministic synthetic scenario for one quarter, so `synergy-pay demo`, the README's quick
 * start and the benchmark all run the same company.
 */

/** Input of {@link demoScenario}. */
export const demoScenarioInputSchema = /* @__PURE__ */ z.strictObject({
  /** Headcount. @defaultValue `5000` */
  people: z.optional(z.int().check(z.minimum(1)).check(z.maximum(1_000_000))),
  /** Share of people on the front line. @defaultValue `0.6` (seed 001) */
  frontShare: z.optional(z.number().check(z.minimum(0)).check(z.maximum(1))),
  /** Commission rows per front-line person in the quarter. @defaultValue `3` (one a month) */
  commissionsPerFrontPerson: z.optional(z.int().check(z.minimum(0)).check(z.maximum(100))),
  /** Tickets from the front line to the back office in the quarter. @defaultValue 20 per person */
  tickets: z.optional(z.int().check(z.minimum(0)).check(z.maximum(50_000_000))),
  /** Peripheral ratings of back-office people by front-line people. @defaultValue 5 per person */
  ratings: z.optional(z.int().check(z.minimum(0)).check(z.maximum(50_000_000))),
  /** Revenue facts credited by region and product line. @defaultValue 10 per person */
  revenueFacts: z.optional(z.int().check(z.minimum(0)).check(z.maximum(50_000_000))),
  /** Seed of the generator: the same seed gives the same company. @defaultValue `2026` */
  seed: z.optional(
    z
      .int()
      .check(z.minimum(0))
      .check(z.maximum(2 ** 31 - 1)),
  ),
});

/** Input of {@link demoScenario} (inferred from `demoScenarioInputSchema`). */
export type DemoScenarioInput = z.input<typeof demoScenarioInputSchema>;

/** A small deterministic generator (mulberry32); the demo must be the same on every machine. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Departments of the demo company: front line (customer service, operations, sales) and back office. */
export const DEMO_DEPARTMENTS = [
  { id: 'front-service-east', name: '客服中心(东区)', side: 'front', weight: 3 },
  { id: 'front-service-west', name: '客服中心(西区)', side: 'front', weight: 2 },
  { id: 'front-ops-5g', name: '一线运维(5G)', side: 'front', weight: 3 },
  { id: 'front-ops-broadband', name: '一线运维(宽带)', side: 'front', weight: 2 },
  { id: 'front-sales-enterprise', name: '政企销售', side: 'front', weight: 2 },
  { id: 'back-tech-network', name: '网络技术部', side: 'back', weight: 4 },
  { id: 'back-tech-platform', name: '平台技术部', side: 'back', weight: 3 },
  { id: 'back-finance', name: '财务部', side: 'back', weight: 2 },
  { id: 'back-hr', name: '人力资源部', side: 'back', weight: 1 },
  { id: 'back-legal', name: '法务部', side: 'back', weight: 1 },
] as const;

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
type PlanVersionInput = RunPeriodInput['plan']['versions'][number];

const RESPONSE_TIMES: NonNullable<PlanVersionInput['responseTimes']> = {
  calendar: {
    timeZone: 'Asia/Shanghai',
    week: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [
        day,
        [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '18:00' },
        ],
      ]),
    ),
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
const RATINGS: NonNullable<PlanVersionInput['ratings']> = {
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
function interlock(expectedRevenue: number): NonNullable<PlanVersionInput['interlock']> {
  // Average fact ≈ 10,050 yuan; a third of it is 5G. The target is set a little below that: a good 5G quarter.
  const target = Math.max(1, Math.round(((expectedRevenue * 10_050) / 3) * 0.97));
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
        parties: [
          { id: 'front-ops-5g', weight: '0.5' },
          { id: 'front-sales-enterprise', weight: '0.3' },
          { id: 'back-tech-network', weight: '0.2' },
        ],
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

function instant(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

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
 * Builds the demo scenario: Q2 2026 of a broadcast network (by default 5,000 people, 60 % front
 * line), with seed 001's 5G plan change on 1 May splitting the quarter (prorated by days), monthly commission
 * rows for the front line, department coefficients and a few attendance deductions. Pure and
 * deterministic: the same input gives the same scenario.
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
  const options = parseInput(demoScenarioInputSchema, input);
  const headcount = options.people ?? 5000;
  const frontShare = options.frontShare ?? 0.6;
  const perFront = options.commissionsPerFrontPerson ?? 3;
  const random = generator(options.seed ?? 2026);
  const pick = (n: number) => Math.floor(random() * n);

  const front = DEMO_DEPARTMENTS.filter((d) => d.side === 'front');
  const back = DEMO_DEPARTMENTS.filter((d) => d.side !== 'front');
  const weighted = (list: readonly (typeof DEMO_DEPARTMENTS)[number][]) => {
    const total = list.reduce((sum, d) => sum + d.weight, 0);
    return () => {
      let r = random() * total;
      for (const d of list) {
        r -= d.weight;
        if (r < 0) return d.id;
      }
      return list[list.length - 1]!.id;
    };
  };
  const pickFront = weighted(front);
  const pickBack = weighted(back);
  const frontCount = Math.round(headcount * frontShare);
  const width = String(headcount).length;

  const people: RunPeriodInput['org']['people'] = [];
  const supportScores: NonNullable<NonNullable<RunPeriodInput['data']>['supportScores']> = [];
  const commissions: NonNullable<NonNullable<RunPeriodInput['data']>['commissions']> = [];
  const deductions: NonNullable<NonNullable<RunPeriodInput['data']>['deductions']> = [];
  const months = ['2026-04-', '2026-05-', '2026-06-'];
  const two = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; i < headcount; i++) {
    const id = `E${String(i + 1).padStart(width, '0')}`;
    const isFront = i < frontCount;
    const department = isFront ? pickFront() : pickBack();
    const grade =
      GRADES[Math.min(GRADES.length - 1, Math.floor(random() * random() * GRADES.length * (isFront ? 0.8 : 1.2)))]!.id;
    const person: RunPeriodInput['org']['people'][number] = { id, department, grade };
    const joinerOrLeaver = random();
    if (joinerOrLeaver < 0.02) person.start = `2026-05-${String(1 + pick(28)).padStart(2, '0')}`;
    else if (joinerOrLeaver < 0.035) person.end = `2026-06-${String(1 + pick(28)).padStart(2, '0')}`;
    people.push(person);
    // Support-effectiveness score [支撑效能评分] of each back-office person: 55–100, some below the floor.
    if (!isFront) supportScores.push({ subject: id, score: (55 + pick(4501) / 100).toFixed(2) });
    if (isFront) {
      for (let k = 0; k < perFront; k++) {
        // Monthly commission rows in yuan and fen; about 1 in 50 is a clawback of a refunded sale.
        const clawback = random() < 0.02;
        const fen = clawback ? -(50_000 + pick(200_000)) : 100_000 + pick(1_500_000);
        const sign = fen < 0 ? '-' : '';
        const abs = Math.abs(fen);
        commissions.push({
          id: `${id}-C${k + 1}`,
          person: id,
          amount: `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`,
          date: `${months[k % 3]}${String(1 + pick(28)).padStart(2, '0')}`,
        });
      }
    }
    if (random() < 0.05)
      deductions.push({
        id: `${id}-D1`,
        person: id,
        amount: `${50 * (1 + pick(6))}.00`,
        reason: random() < 0.5 ? '迟到 (late)' : '早退 (left early)',
        date: `2026-0${4 + pick(3)}-${String(1 + pick(28)).padStart(2, '0')}`,
      });
  }

  // Tickets: front-line requests to the back office, opened on working hours in Beijing time;
  // about 1 in 40 still open at the end of the quarter.
  const backDepartments = back.map((d) => d.id);
  const ticketCount = options.tickets ?? headcount * 20;
  const tickets: NonNullable<NonNullable<RunPeriodInput['data']>['tickets']> = new Array(ticketCount);
  const ticketWidth = String(ticketCount).length;
  const quarterStart = Date.UTC(2026, 3, 1) - 8 * 3_600_000; // 2026-04-01T00:00+08:00
  for (let t = 0; t < ticketCount; t++) {
    const opened = quarterStart + pick(91) * 86_400_000 + (9 * 60 + pick(540)) * 60_000;
    const respondMinutes = random() < 0.7 ? 5 + pick(55) : random() < 0.7 ? 60 + pick(60) : 120 + pick(600);
    const open = random() < 0.025;
    tickets[t] = {
      id: `T${String(t + 1).padStart(ticketWidth, '0')}`,
      unit: backDepartments[pick(backDepartments.length)]!,
      opened: instant(opened),
      ...(open
        ? {}
        : {
            responded: instant(opened + respondMinutes * 60_000),
            resolved: instant(opened + (respondMinutes + 30 + pick(2880)) * 60_000),
          }),
    };
  }

  // Ratings [周边绩效]: front-line people rate back-office people on four dimensions; a few
  // extreme scores go to review.
  const backPeople = people.slice(frontCount).map((person) => person.id);
  const ratingCount = backPeople.length === 0 || frontCount === 0 ? 0 : (options.ratings ?? headcount * 5);
  const ratings: NonNullable<NonNullable<RunPeriodInput['data']>['ratings']> = new Array(ratingCount);
  const dimensions = ['responseSpeed', 'solution', 'cooperation', 'completeness'];
  const ratingWidth = String(ratingCount).length;
  for (let r = 0; r < ratingCount; r++) {
    // Each rater rates one ratee on one dimension at most once: walk raters × ratees × dimensions.
    const ratee = backPeople[r % backPeople.length]!;
    const round = Math.floor(r / backPeople.length);
    const rater = people[(round * 7919 + (r % backPeople.length) * 31) % frontCount]!.id;
    const extreme = random() < 0.01;
    ratings[r] = {
      id: `R${String(r + 1).padStart(ratingWidth, '0')}`,
      rater,
      ratee,
      dimension: dimensions[round % 4]!,
      score: extreme ? (random() < 0.5 ? 10 : 100) : 70 + pick(26),
    };
  }

  // Revenue facts [业绩双算]: each sale credited in full to its region and its product line.
  const regions = ['east', 'west', 'north', 'south'];
  const products = ['5g', 'broadband', 'iptv'];
  const factCount = options.revenueFacts ?? headcount * 10;
  const revenueFacts: NonNullable<NonNullable<RunPeriodInput['data']>['revenueFacts']> = new Array(factCount);
  const factWidth = String(factCount).length;
  for (let f = 0; f < factCount; f++) {
    const fen = 5_000 + pick(2_000_000);
    revenueFacts[f] = {
      id: `F${String(f + 1).padStart(factWidth, '0')}`,
      amount: `${Math.floor(fen / 100)}.${two(fen % 100)}`,
      date: `${months[pick(3)]}${two(1 + pick(28))}`,
      members: { region: regions[pick(4)]!, product: products[pick(3)]! },
    };
  }
  const revenuePerPerson = factCount / Math.max(1, headcount);

  // Department results for the quarter: front line a little below plan, technology above.
  const coefficients: Record<string, string> = {
    'front-service-east': '0.95',
    'front-service-west': '0.9',
    'front-ops-5g': '1.08',
    'front-ops-broadband': '0.92',
    'front-sales-enterprise': '1.0',
    'back-tech-network': '1.05',
    'back-tech-platform': '1.02',
    'back-finance': '1.0',
    'back-hr': '0.98',
    'back-legal': '1.0',
  };

  return {
    plan: {
      id: 'broadcast-network',
      currency: 'CNY',
      onVersionChange: 'prorate',
      versions: [
        {
          id: 'base-2026',
          effective: '2026-01-01',
          note: 'support pool 10 % of front-line commissions',
          grades: GRADES,
          linkage: LINKAGE,
          responseTimes: RESPONSE_TIMES,
          ratings: RATINGS,
          interlock: interlock(revenuePerPerson * headcount),
          pool: { ...POOL, rate: '0.10' },
        },
        {
          id: '5g-push',
          effective: '2026-05-01',
          note: 'seed 001 "5G业务拓展": support pool 10 % → 15 %; 5G volume weight 20 % → 40 %',
          grades: GRADES,
          linkage: LINKAGE,
          responseTimes: RESPONSE_TIMES,
          ratings: RATINGS,
          interlock: interlock(revenuePerPerson * headcount),
          pool: { ...POOL, rate: '0.15' },
        },
      ],
    },
    period: { unit: 'quarter', start: '2026-04-01' },
    asOf: '2026-07-01T00:00:00+08:00',
    org: {
      departments: DEMO_DEPARTMENTS.map((d) => ({ id: d.id, name: d.name, side: d.side })),
      people,
    },
    data: {
      departmentCoefficients: Object.entries(coefficients).map(([department, coefficient]) => ({
        department,
        coefficient,
      })),
      // A bad year for profit (88 % of target), a good one for 5G (112 %).
      companyKpis: [
        { id: 'profit', actual: '880000000' },
        { id: '5g-subscribers', actual: '112000' },
      ],
      commissions,
      deductions,
      tickets,
      ratings,
      revenueFacts,
      supportScores,
    },
  };
}

import { z } from 'zod';
import { parseInput } from '../core/validate.js';
import type { RunPeriodInput } from './runPeriod.js';

/**
 * The built-in demo company, in the spirit of seed 001's provincial broadcast network
 * ("某省级广电网络公司 … 5000余名员工 … 一线运维、客服部门占比60%,后端技术、财务部门占比40%"):
 * a deterministic synthetic scenario for one quarter, so `synergy-pay demo`, the README's quick
 * start and the benchmark all run the same company.
 */

/** Input of {@link demoScenario}. */
export const demoScenarioInputSchema = /* @__PURE__ */ z.strictObject({
  /** Headcount. @defaultValue `5000` */
  people: z.int().min(1).max(1_000_000).optional(),
  /** Share of people on the front line. @defaultValue `0.6` (seed 001) */
  frontShare: z.number().min(0).max(1).optional(),
  /** Commission rows per front-line person in the quarter. @defaultValue `3` (one a month) */
  commissionsPerFrontPerson: z.int().min(0).max(100).optional(),
  /** Seed of the generator: the same seed gives the same company. @defaultValue `2026` */
  seed: z.int().min(0).max(2 ** 31 - 1).optional(),
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
 * line), with seed 001's 5G plan change on 1 May reported inside the quarter, monthly commission
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
  const commissions: NonNullable<NonNullable<RunPeriodInput['data']>['commissions']> = [];
  const deductions: NonNullable<NonNullable<RunPeriodInput['data']>['deductions']> = [];
  const months = ['2026-04-', '2026-05-', '2026-06-'];
  for (let i = 0; i < headcount; i++) {
    const id = `E${String(i + 1).padStart(width, '0')}`;
    const isFront = i < frontCount;
    const department = isFront ? pickFront() : pickBack();
    const grade = GRADES[Math.min(GRADES.length - 1, Math.floor(random() * random() * GRADES.length * (isFront ? 0.8 : 1.2)))]!.id;
    const person: RunPeriodInput['org']['people'][number] = { id, department, grade };
    const joinerOrLeaver = random();
    if (joinerOrLeaver < 0.02) person.start = `2026-05-${String(1 + pick(28)).padStart(2, '0')}`;
    else if (joinerOrLeaver < 0.035) person.end = `2026-06-${String(1 + pick(28)).padStart(2, '0')}`;
    people.push(person);
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
      deductions.push({ id: `${id}-D1`, person: id, amount: `${50 * (1 + pick(6))}.00`, reason: random() < 0.5 ? '迟到 (late)' : '早退 (left early)', date: `2026-0${4 + pick(3)}-${String(1 + pick(28)).padStart(2, '0')}` });
  }

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
      onVersionChange: 'report',
      versions: [
        { id: 'base-2026', effective: '2026-01-01', note: 'support pool 10 % of front-line commissions', grades: GRADES },
        {
          id: '5g-push',
          effective: '2026-05-01',
          note: 'seed 001 "5G业务拓展": support pool 10 % → 15 %; 5G volume weight 20 % → 40 %',
          grades: GRADES,
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
      departmentCoefficients: Object.entries(coefficients).map(([department, coefficient]) => ({ department, coefficient })),
      commissions,
      deductions,
    },
  };
}

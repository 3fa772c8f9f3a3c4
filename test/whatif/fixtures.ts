/**
 * Hand-computed what-if fixtures (March 2026, 31 days, one month, CNY). Every figure used by
 * the tests is derived in the comments here and in the tests, not copied from output.
 */
import type { RunPeriodInput, RunResultInput } from '../../src/index.js';

type Plan = RunPeriodInput['plan'];

/** The live plan: P3 6000.00 / 1500.00, P5 8000.00 / 2000.00, P6 9000.00 / 2400.00 a month. */
export const livePlan = (): Plan => ({
  id: 'service',
  currency: 'CNY',
  versions: [
    {
      id: 'v1',
      effective: '2026-01-01',
      note: 'support pool 10 %',
      grades: [
        { id: 'P3', basePay: '6000.00', targetBonus: '1500.00' },
        { id: 'P5', basePay: '8000.00', targetBonus: '2000.00' },
        { id: 'P6', basePay: '9000.00', targetBonus: '2400.00' },
      ],
    },
  ],
});

/**
 * Base scenario. sales D = 0.9, tech D = 1.1.
 *   li   (sales, P3): 6000.00 + 1500.00 × 0.9 = 1350.00 + commission 3000.00          = 10350.00
 *   wang (tech,  P5): 8000.00 + 2000.00 × 1.1 = 2200.00 − deduction 50.00             = 10150.00
 *   zhao (tech,  P5): 8000.00 + 2200.00                                               = 10200.00
 *   Σ = 30700.00
 */
export const baseScenario = (): RunPeriodInput => ({
  plan: livePlan(),
  period: { unit: 'month', start: '2026-03-01' },
  org: {
    departments: [
      { id: 'sales', side: 'front' },
      { id: 'tech', side: 'back' },
    ],
    people: [
      { id: 'li', department: 'sales', grade: 'P3' },
      { id: 'wang', department: 'tech', grade: 'P5' },
      { id: 'zhao', department: 'tech', grade: 'P5' },
    ],
  },
  data: {
    departmentCoefficients: [
      { department: 'sales', coefficient: '0.9' },
      { department: 'tech', coefficient: '1.1' },
    ],
    commissions: [{ id: 's1', person: 'li', amount: '3000.00', date: '2026-03-10' }],
    deductions: [{ id: 'late-wang', person: 'wang', amount: '50.00', reason: 'late', date: '2026-03-05' }],
  },
});

/**
 * The proposed plan: P3 base 6000.00 → 6200.00, P5 target 2000.00 → 2500.00 (same version id).
 *   li   6200.00 + 1350.00 + 3000.00            = 10550.00  (+200.00)
 *   wang 8000.00 + 2500.00 × 1.1 = 2750.00 − 50 = 10700.00  (+550.00)
 *   zhao 8000.00 + 2750.00                      = 10750.00  (+550.00)
 *   Σ = 32000.00 (+1300.00)
 */
export const proposedPlan = (): Plan => {
  const plan = livePlan();
  const grades = plan.versions[0]!.grades;
  grades[0] = { ...grades[0]!, basePay: '6200.00' };
  grades[1] = { ...grades[1]!, targetBonus: '2500.00' };
  return plan;
};

/**
 * The corrected scenario, after the period was paid:
 *   - li's sale was partly refunded: a clawback row r1 of −500.00 → commission 3000.00 → 2500.00;
 *   - wang's lateness was overturned on review: deduction late-wang removed → +50.00;
 *   - zhao's promotion to P6 was backdated to before March: base 8000.00 → 9000.00 (+1000.00),
 *     bonus 2400.00 × 1.1 = 2640.00 instead of 2200.00 (+440.00).
 *   paid 30700.00 + arrears (50.00 + 1000.00 + 440.00 = 1490.00) + recoveries (−500.00) = 31690.00.
 */
export const correctedScenario = (): RunPeriodInput => {
  const scenario = baseScenario();
  scenario.org.people[2] = { ...scenario.org.people[2]!, grade: 'P6' };
  scenario.data = {
    ...scenario.data,
    commissions: [
      ...(scenario.data?.commissions ?? []),
      { id: 'r1', person: 'li', amount: '-500.00', date: '2026-03-20' },
    ],
    deductions: [],
  };
  return scenario;
};

/** A saved result built by hand: statements whose only lines are pool awards (for the spread). */
export function awardsResult(awards: readonly string[], pool: string): RunResultInput {
  return {
    plan: 'pool',
    currency: 'CNY',
    period: { unit: 'month', start: '2026-03-01', end: '2026-03-31', days: 31 },
    version: 'v1',
    departments: [{ id: 'tech', coefficient: '1.0000' }],
    statements: awards.map((amount, i) => ({
      person: `p${i}`,
      department: 'tech',
      lines: [{ kind: 'poolAward', label: 'Support-pool award', version: 'v1', amount, trace: [] }],
      total: amount,
    })),
    totals: { pool, poolAwards: pool, statements: pool },
  };
}

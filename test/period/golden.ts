import type { PlanPoolInput, RunPeriodInput } from '../../src/index.js';

/**
 * Golden scenario, computed by hand. Q2 2026 = 1 April … 30 June = 30 + 31 + 30 = 91 days; a
 * quarter is 3 months. Grade amounts are monthly.
 */
export const golden = (): RunPeriodInput => ({
  plan: {
    id: 'golden',
    currency: 'CNY',
    versions: [
      {
        id: 'v1',
        effective: '2026-01-01',
        grades: [
          { id: 'P3', basePay: '6000.00', targetBonus: '1500.00' },
          { id: 'P5', basePay: '8000.00', targetBonus: '2000.00' },
        ],
      },
    ],
  },
  period: { unit: 'quarter', start: '2026-04-01' },
  org: {
    departments: [
      { id: 'sales', side: 'front' },
      { id: 'tech', side: 'back' },
    ],
    people: [
      { id: 'zhao', department: 'tech', grade: 'P5', start: '2026-05-16' },
      { id: 'li', department: 'sales', grade: 'P3' },
      { id: 'wang', department: 'tech', grade: 'P5' },
    ],
  },
  data: {
    departmentCoefficients: [
      { department: 'sales', coefficient: '0.9' },
      { department: 'tech', coefficient: 1.05 },
    ],
    commissions: [
      { id: 'c1', person: 'li', amount: '30000.00', date: '2026-04-20' },
      { id: 'c2', person: 'li', amount: '-1250.50', date: '2026-06-02' },
    ],
    deductions: [{ id: 'd1', person: 'wang', amount: '200.00', reason: 'late 3 times' }],
  },
});

/**
 * The golden quarter (wang in tech all 91 days, zhao in tech from 16 May: 46 days) with response
 * times, ratings and a pool: wang rated by three raters (85.00), zhao by three of whom one (r6,
 * 30 against 90 and 92) is flagged and pending, so only two count: too few raters. The tickets of
 * tech take 30 min (100), 90 min (80) and 3 h (60): mean 80. Tickets are listed out of id order.
 */
export const supportedGolden = (pool: Partial<PlanPoolInput> = {}): RunPeriodInput => {
  const scenario = golden();
  const version = scenario.plan.versions[0]!;
  return {
    ...scenario,
    plan: {
      ...scenario.plan,
      versions: [
        {
          ...version,
          responseTimes: {
            response: {
              table: {
                direction: 'lowerIsBetter',
                unit: 'duration',
                bands: [{ bound: { hours: 1 }, score: 100 }, { bound: { hours: 2 }, score: 80 }, { score: 60 }],
              },
            },
          },
          ratings: { settings: { dimensions: [{ id: 'speed', weight: 1 }] } },
          pool: { rate: '0.12', clawbackPolicy: 'net', ...pool },
        },
      ],
    },
    data: {
      ...scenario.data,
      tickets: [
        { id: 't3', unit: 'tech', opened: '2026-05-02T09:00:00Z', responded: '2026-05-02T12:00:00Z' },
        { id: 't1', unit: 'tech', opened: '2026-04-10T09:00:00Z', responded: '2026-04-10T09:30:00Z' },
        { id: 't2', unit: 'tech', opened: '2026-04-11T09:00:00Z', responded: '2026-04-11T10:30:00Z' },
      ],
      ratings: [
        { id: 'r1', rater: 'li', ratee: 'wang', dimension: 'speed', score: 90 },
        { id: 'r2', rater: 'sales', ratee: 'wang', dimension: 'speed', score: 80 },
        { id: 'r3', rater: 'zhao', ratee: 'wang', dimension: 'speed', score: 85 },
        { id: 'r4', rater: 'li', ratee: 'zhao', dimension: 'speed', score: 90 },
        { id: 'r5', rater: 'sales', ratee: 'zhao', dimension: 'speed', score: 92 },
        { id: 'r6', rater: 'wang', ratee: 'zhao', dimension: 'speed', score: 30 },
      ],
      supportScores: [{ subject: 'tech', score: 80 }],
    },
  };
};

import type { RunPeriodInput } from '../../src/index.js';

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

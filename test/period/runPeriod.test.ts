import { describe, expect, it } from 'vitest';
import { runPeriod, type RunPeriodInput } from '../../src/index.js';
import { expectError } from '../helpers.js';
import { golden } from './golden.js';

const amounts = (statement: { lines: { kind: string; amount: string }[] }) => statement.lines.map((line) => [line.kind, line.amount]);

describe('runPeriod golden scenario', () => {
  const result = runPeriod(golden());

  it('orders statements by person id', () => {
    expect(result.statements.map((s) => s.person)).toEqual(['li', 'wang', 'zhao']);
  });

  it('li (sales, P3, full quarter): 18000.00 + 4050.00 + 28749.50 = 50799.50', () => {
    // base  = 6000.00 × 3 × 91/91 = 18000.00
    // bonus = (1500.00 × 3) × 0.9000 = 4500.00 × 0.9 = 4050.00
    // commission = 30000.00 − 1250.50 = 28749.50 (no pool: contribution 0)
    const li = result.statements[0]!;
    expect(amounts(li)).toEqual([
      ['basePay', '18000.00'],
      ['performanceBonus', '4050.00'],
      ['commission', '28749.50'],
    ]);
    expect(li.total).toBe('50799.50');
    expect(li.coefficient).toBe('0.9000');
    expect(li.employedDays).toBe(91);
  });

  it('wang (tech, P5): 24000.00 + 6300.00 − 200.00 = 30100.00', () => {
    // base = 8000.00 × 3 = 24000.00; bonus = 6000.00 × 1.05 = 6300.00; deduction 200.00
    const wang = result.statements[1]!;
    expect(amounts(wang)).toEqual([
      ['basePay', '24000.00'],
      ['performanceBonus', '6300.00'],
      ['deduction', '-200.00'],
    ]);
    expect(wang.lines[2]!.label).toBe('Deduction: late 3 times');
    expect(wang.total).toBe('30100.00');
  });

  it('zhao (joined 16 May: 16 + 30 = 46 days): 12131.87 + 3184.62 = 15316.49', () => {
    // base   = 24000.00 × 46 / 91 = 1,104,000 / 91 = 12131.8681… → 12131.87
    // target =  6000.00 × 46 / 91 =   276,000 / 91 =  3032.9670… →  3032.97
    // bonus  =  3032.97 × 1.05 = 3184.6185 → 3184.62 (half-up)
    const zhao = result.statements[2]!;
    expect(zhao.employedDays).toBe(46);
    expect(amounts(zhao)).toEqual([
      ['basePay', '12131.87'],
      ['performanceBonus', '3184.62'],
    ]);
    expect(zhao.lines[1]!.trace.map((step) => step.result)).toEqual(['3032.97', '1.0500', '3184.62']);
    expect(zhao.total).toBe('15316.49');
  });

  it('totals reconcile: 54131.87 + 13534.62 + 28749.50 − 200.00 = 96215.99', () => {
    // Σ base  = 18000.00 + 24000.00 + 12131.87 = 54131.87
    // Σ bonus =  4050.00 +  6300.00 +  3184.62 = 13534.62
    expect(result.totals).toEqual({
      basePay: '54131.87',
      performanceBonus: '13534.62',
      grossCommission: '28749.50',
      poolContribution: '0.00',
      netCommission: '28749.50',
      pool: '0.00',
      poolAwards: '0.00',
      unallocated: '0.00',
      deductions: '200.00',
      statements: '96215.99',
    });
    expect(result.checks.every((check) => check.holds)).toBe(true);
    expect(result.departments.map((d) => [d.id, d.headcount, d.coefficient])).toEqual([
      ['sales', 1, '0.9000'],
      ['tech', 2, '1.0500'],
    ]);
  });
});

describe('runPeriod with a plan change inside the period', () => {
  const withChange = (onVersionChange: 'report' | 'prorate'): RunPeriodInput => {
    const scenario = golden();
    return {
      ...scenario,
      plan: {
        ...scenario.plan,
        onVersionChange,
        versions: [
          ...scenario.plan.versions,
          // seed 001's 5G push takes effect on 1 May (here: a raise of the P5 grade).
          {
            id: '5g-push',
            effective: '2026-05-01',
            grades: [
              { id: 'P3', basePay: '6000.00', targetBonus: '1500.00' },
              { id: 'P5', basePay: '8800.00', targetBonus: '2000.00' },
            ],
          },
        ],
      },
      data: { ...scenario.data, deductions: [{ id: 'd1', person: 'wang', amount: '200.00', reason: 'late 3 times', date: '2026-05-05' }] },
    };
  };

  it('reports the change and runs the quarter on v1', () => {
    const result = runPeriod(withChange('report'));
    expect(result.treatment).toBe('reported');
    expect(result.changes).toEqual([{ version: '5g-push', effective: '2026-05-01', note: null }]);
    expect(result.statements[1]!.total).toBe('30100.00');
  });

  it('splits and prorates: wang base 7912.09 (v1, 30/91) + 17696.70 (5g-push, 61/91)', () => {
    // v1:      8000.00 × 3 × 30 / 91 =   720,000 / 91 =  7912.0879… →  7912.09
    // 5g-push: 8800.00 × 3 × 61 / 91 = 1,610,400 / 91 = 17696.7032… → 17696.70
    // target:  6000.00 × 30 / 91 = 1978.0219… → 1978.02, × 1.05 = 2076.921 → 2076.92
    //          6000.00 × 61 / 91 = 4021.9780… → 4021.98, × 1.05 = 4223.079 → 4223.08
    // total = 7912.09 + 17696.70 + 2076.92 + 4223.08 − 200.00 = 31708.79
    const result = runPeriod(withChange('prorate'));
    expect(result.treatment).toBe('prorated');
    const wang = result.statements[1]!;
    expect(wang.lines.map((line) => [line.kind, line.version, line.amount])).toEqual([
      ['basePay', '5g-push', '17696.70'],
      ['basePay', 'v1', '7912.09'],
      ['performanceBonus', '5g-push', '4223.08'],
      ['performanceBonus', 'v1', '2076.92'],
      ['deduction', '5g-push', '-200.00'],
    ]);
    expect(wang.total).toBe('31708.79');
    // li's commissions fall one in each segment: 30000.00 (20 April, v1) and −1250.50 (2 June, 5g-push).
    expect(result.statements[0]!.lines.filter((l) => l.kind === 'commission').map((l) => [l.version, l.amount])).toEqual([
      ['5g-push', '-1250.50'],
      ['v1', '30000.00'],
    ]);
  });

  it('needs a date on every money row when the period is split', () => {
    const scenario = withChange('prorate');
    expectError(() => runPeriod({ ...scenario, data: { ...scenario.data, commissions: [{ id: 'c1', person: 'li', amount: '1.00' }] } }), 'INVALID_INPUT', ['data', 'commissions', 0, 'date']);
  });
});

describe('runPeriod errors', () => {
  const base = golden();
  it('UNKNOWN_REFERENCE: department, grade, commission person, coefficient department', () => {
    expectError(() => runPeriod({ ...base, org: { ...base.org, people: [{ id: 'x', department: 'nope', grade: 'P5' }] } }), 'UNKNOWN_REFERENCE', ['org', 'people', 0, 'department']);
    expectError(() => runPeriod({ ...base, org: { ...base.org, people: [{ id: 'x', department: 'tech', grade: 'P9' }] } }), 'UNKNOWN_REFERENCE', ['org', 'people', 0, 'grade']);
    expectError(() => runPeriod({ ...base, data: { commissions: [{ id: 'c', person: 'ghost', amount: 1 }] } }), 'UNKNOWN_REFERENCE', ['data', 'commissions', 0, 'person']);
    expectError(() => runPeriod({ ...base, data: { departmentCoefficients: [{ department: 'hr', coefficient: 1 }] } }), 'UNKNOWN_REFERENCE', ['data', 'departmentCoefficients', 0, 'department']);
  });
  it('DUPLICATE_ID: people, departments, commissions', () => {
    expectError(() => runPeriod({ ...base, org: { ...base.org, people: [...base.org.people, { id: 'li', department: 'tech', grade: 'P5' }] } }), 'DUPLICATE_ID', ['org', 'people', 3, 'id']);
    expectError(() => runPeriod({ ...base, org: { ...base.org, departments: [...base.org.departments, { id: 'tech', side: 'front' }] } }), 'DUPLICATE_ID', ['org', 'departments', 2, 'id']);
    expectError(
      () => runPeriod({ ...base, data: { commissions: [{ id: 'c', person: 'li', amount: 1 }, { id: 'c', person: 'li', amount: 2 }] } }),
      'DUPLICATE_ID',
      ['data', 'commissions', 1, 'id'],
    );
  });
  it('OUT_OF_RANGE: a commission dated outside the period; DATES_OUT_OF_ORDER: employment ending before it starts', () => {
    expectError(() => runPeriod({ ...base, data: { commissions: [{ id: 'c', person: 'li', amount: 1, date: '2026-07-01' }] } }), 'OUT_OF_RANGE', ['data', 'commissions', 0, 'date']);
    expectError(
      () => runPeriod({ ...base, org: { ...base.org, people: [{ id: 'x', department: 'tech', grade: 'P5', start: '2026-05-01', end: '2026-04-01' }] } }),
      'DATES_OUT_OF_ORDER',
      ['org', 'people', 0, 'end'],
    );
  });
  it('INVALID_AMOUNT, INVALID_DECIMAL, NEGATIVE_VALUE, INVALID_INPUT', () => {
    expectError(() => runPeriod({ ...base, data: { commissions: [{ id: 'c', person: 'li', amount: '1.005' }] } }), 'INVALID_AMOUNT', ['data', 'commissions', 0, 'amount']);
    expectError(() => runPeriod({ ...base, data: { commissions: [{ id: 'c', person: 'li', amount: '1e5' }] } }), 'INVALID_DECIMAL', ['data', 'commissions', 0, 'amount']);
    expectError(() => runPeriod({ ...base, data: { deductions: [{ id: 'd', person: 'li', amount: '-5', reason: 'x' }] } }), 'NEGATIVE_VALUE', ['data', 'deductions', 0, 'amount']);
    expectError(() => runPeriod({ ...base, extra: 1 } as never), 'INVALID_INPUT');
  });
  it('collects every problem at once', () => {
    const error = expectError(
      () =>
        runPeriod({
          ...base,
          data: {
            commissions: [
              { id: 'c1', person: 'ghost', amount: 1 },
              { id: 'c2', person: 'li', amount: '0.001' },
            ],
          },
        }),
      'UNKNOWN_REFERENCE',
      ['data', 'commissions', 0, 'person'],
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues.map((issue) => issue.code).sort()).toEqual(['INVALID_AMOUNT', 'UNKNOWN_REFERENCE']);
  });
});

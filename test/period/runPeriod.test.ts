import { describe, expect, it } from 'vitest';
import { runPeriod, type RunPeriodInput } from '../../src/index.js';
import { expectError } from '../helpers.js';
import { golden, supportedGolden } from './golden.js';

const amounts = (statement: { lines: { kind: string; amount: string }[] }) =>
  statement.lines.map((line) => [line.kind, line.amount]);

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
      data: {
        ...scenario.data,
        deductions: [{ id: 'd1', person: 'wang', amount: '200.00', reason: 'late 3 times', date: '2026-05-05' }],
      },
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
      ['basePay', 'v1', '7912.09'],
      ['basePay', '5g-push', '17696.70'],
      ['performanceBonus', 'v1', '2076.92'],
      ['performanceBonus', '5g-push', '4223.08'],
      ['deduction', '5g-push', '-200.00'],
    ]);
    expect(wang.total).toBe('31708.79');
    // li's commissions fall one in each segment: 30000.00 (20 April, v1) and −1250.50 (2 June, 5g-push).
    expect(
      result.statements[0]!.lines.filter((l) => l.kind === 'commission').map((l) => [l.version, l.amount]),
    ).toEqual([
      ['v1', '30000.00'],
      ['5g-push', '-1250.50'],
    ]);
  });

  it('pays nobody from the pool of a segment before they joined, whatever the basis', () => {
    // zhao joins 16 May: with basis "one", wang takes April's whole pool (10 % of 30000.00 = 3000.00).
    for (const basis of ['one', 'fte', 'days'] as const) {
      const scenario = withChange('prorate');
      const pool = { rate: '0.1', clawbackPolicy: 'reverse' as const, basis };
      scenario.plan.versions = scenario.plan.versions.map((version) => ({ ...version, pool }));
      scenario.data = {
        ...scenario.data,
        commissions: [{ id: 'c1', person: 'li', amount: '30000.00', date: '2026-04-20' }],
        supportScores: [{ subject: 'tech', score: 80 }],
      };
      const result = runPeriod(scenario);
      const awards = result.statements.flatMap((s) =>
        s.lines.filter((l) => l.kind === 'poolAward' && l.version === 'v1').map((l) => [s.person, l.amount]),
      );
      expect(awards, basis).toEqual([
        ['wang', '3000.00'],
        ['zhao', '0.00'],
      ]);
    }
  });

  it('needs a date on every money row when the period is split', () => {
    const scenario = withChange('prorate');
    expectError(
      () =>
        runPeriod({
          ...scenario,
          data: { ...scenario.data, commissions: [{ id: 'c1', person: 'li', amount: '1.00' }] },
        }),
      'INVALID_INPUT',
      ['data', 'commissions', 0, 'date'],
    );
  });
});

describe('runPeriod errors', () => {
  const base = golden();
  it('UNKNOWN_REFERENCE: department, grade, commission person, coefficient department', () => {
    expectError(
      () => runPeriod({ ...base, org: { ...base.org, people: [{ id: 'x', department: 'nope', grade: 'P5' }] } }),
      'UNKNOWN_REFERENCE',
      ['org', 'people', 0, 'department'],
    );
    expectError(
      () => runPeriod({ ...base, org: { ...base.org, people: [{ id: 'x', department: 'tech', grade: 'P9' }] } }),
      'UNKNOWN_REFERENCE',
      ['org', 'people', 0, 'grade'],
    );
    expectError(
      () => runPeriod({ ...base, data: { commissions: [{ id: 'c', person: 'ghost', amount: 1 }] } }),
      'UNKNOWN_REFERENCE',
      ['data', 'commissions', 0, 'person'],
    );
    expectError(
      () => runPeriod({ ...base, data: { departmentCoefficients: [{ department: 'hr', coefficient: 1 }] } }),
      'UNKNOWN_REFERENCE',
      ['data', 'departmentCoefficients', 0, 'department'],
    );
  });
  it('DUPLICATE_ID: people, departments, commissions', () => {
    expectError(
      () =>
        runPeriod({
          ...base,
          org: { ...base.org, people: [...base.org.people, { id: 'li', department: 'tech', grade: 'P5' }] },
        }),
      'DUPLICATE_ID',
      ['org', 'people', 3, 'id'],
    );
    expectError(
      () =>
        runPeriod({
          ...base,
          org: { ...base.org, departments: [...base.org.departments, { id: 'tech', side: 'front' }] },
        }),
      'DUPLICATE_ID',
      ['org', 'departments', 2, 'id'],
    );
    expectError(
      () =>
        runPeriod({
          ...base,
          data: {
            commissions: [
              { id: 'c', person: 'li', amount: 1 },
              { id: 'c', person: 'li', amount: 2 },
            ],
          },
        }),
      'DUPLICATE_ID',
      ['data', 'commissions', 1, 'id'],
    );
  });
  it('DUPLICATE_ID: a person whose id is also a department’s (a subject or party id must name one of them)', () => {
    const error = expectError(
      () =>
        runPeriod({
          ...base,
          org: { ...base.org, people: [...base.org.people, { id: 'tech', department: 'tech', grade: 'P5' }] },
        }),
      'DUPLICATE_ID',
      ['org', 'people', 3, 'id'],
    );
    expect(error.issues[0]!.message).toBe(
      'person id "tech" is already used at departments[1] (a rater, ratee, subject or party id names one person or one department)',
    );
  });
  it('OUT_OF_RANGE: a commission dated outside the period; DATES_OUT_OF_ORDER: employment ending before it starts', () => {
    expectError(
      () => runPeriod({ ...base, data: { commissions: [{ id: 'c', person: 'li', amount: 1, date: '2026-07-01' }] } }),
      'OUT_OF_RANGE',
      ['data', 'commissions', 0, 'date'],
    );
    expectError(
      () =>
        runPeriod({
          ...base,
          org: {
            ...base.org,
            people: [{ id: 'x', department: 'tech', grade: 'P5', start: '2026-05-01', end: '2026-04-01' }],
          },
        }),
      'DATES_OUT_OF_ORDER',
      ['org', 'people', 0, 'end'],
    );
  });
  it('INVALID_AMOUNT, INVALID_DECIMAL, NEGATIVE_VALUE, INVALID_INPUT', () => {
    expectError(
      () => runPeriod({ ...base, data: { commissions: [{ id: 'c', person: 'li', amount: '1.005' }] } }),
      'INVALID_AMOUNT',
      ['data', 'commissions', 0, 'amount'],
    );
    expectError(
      () => runPeriod({ ...base, data: { commissions: [{ id: 'c', person: 'li', amount: '1e5' }] } }),
      'INVALID_DECIMAL',
      ['data', 'commissions', 0, 'amount'],
    );
    expectError(
      () => runPeriod({ ...base, data: { deductions: [{ id: 'd', person: 'li', amount: '-5', reason: 'x' }] } }),
      'NEGATIVE_VALUE',
      ['data', 'deductions', 0, 'amount'],
    );
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

describe('runPeriod with the support pool (seed 001)', () => {
  const withPool = (): RunPeriodInput => {
    const scenario = golden();
    const [version] = scenario.plan.versions;
    return {
      ...scenario,
      plan: { ...scenario.plan, versions: [{ ...version!, pool: { rate: '0.12', clawbackPolicy: 'net' } }] },
      data: {
        ...scenario.data,
        supportScores: [
          { subject: 'wang', score: 90 },
          { subject: 'tech', score: 80 },
        ],
      },
    };
  };

  it('carves 12 % of li’s commission and shares it between wang and zhao by score × days employed', () => {
    // li: gross = 30000.00 − 1250.50 (clawback netted) = 28749.50
    // pool = round(0.12 × 28749.50) = 3449.94; li's contribution = 3449.94; net = 25299.56
    // weights: wang 90 × 91 days = 8190; zhao 80 (tech's score) × 46 days = 3680; W = 11870
    // wang = ⌊344994 × 8190 / 11870⌋ = ⌊238037.14⌋ = 238037 fen; zhao = ⌊344994 × 3680 / 11870⌋ = ⌊106957.03⌋ = 106957
    // 238037 + 106957 = 344994: no leftover. wang 2380.37, zhao 1069.57
    const result = runPeriod(withPool());
    expect(result.mechanisms).toEqual(['pool']);
    expect(result.pools.map((p) => [p.version, p.rate, p.gross, p.pool, p.awarded, p.unallocated])).toEqual([
      ['v1', '0.12', '28749.50', '3449.94', '3449.94', '0.00'],
    ]);
    const [li, wang, zhao] = result.statements;
    expect(li!.lines.find((l) => l.kind === 'commission')!.amount).toBe('25299.56');
    expect(li!.total).toBe('47349.56'); // 18000.00 + 4050.00 + 25299.56
    expect(wang!.lines.find((l) => l.kind === 'poolAward')!.amount).toBe('2380.37');
    expect(wang!.total).toBe('32480.37'); // 24000.00 + 6300.00 + 2380.37 − 200.00
    expect(zhao!.lines.find((l) => l.kind === 'poolAward')!.amount).toBe('1069.57');
    expect(zhao!.total).toBe('16386.06'); // 12131.87 + 3184.62 + 1069.57
    // The pool moves money from the front line to the back office; the total is unchanged.
    expect(result.totals.statements).toBe('96215.99');
    expect(result.totals.pool).toBe('3449.94');
    expect(result.totals.poolContribution).toBe('3449.94');
    expect(result.checks.every((c) => c.holds)).toBe(true);
  });

  it('needs a support score for every recipient, and a declared clawback policy', () => {
    const scenario = withPool();
    expectError(
      () => runPeriod({ ...scenario, data: { ...scenario.data, supportScores: [{ subject: 'wang', score: 90 }] } }),
      'UNKNOWN_REFERENCE',
      ['data', 'supportScores'],
    );
    expectError(
      () => runPeriod({ ...scenario, data: { ...scenario.data, supportScores: [{ subject: 'ghost', score: 90 }] } }),
      'UNKNOWN_REFERENCE',
      ['data', 'supportScores', 0, 'subject'],
    );
    const version = scenario.plan.versions[0]!;
    expectError(
      () => runPeriod({ ...scenario, plan: { ...scenario.plan, versions: [{ ...version, pool: { rate: '0.12' } }] } }),
      'INVALID_INPUT',
      ['plan', 'versions', 0, 'pool', 'clawbackPolicy'],
    );
    expectError(
      () =>
        runPeriod({
          ...scenario,
          plan: { ...scenario.plan, versions: [{ ...version, pool: { rate: '1.5', clawbackPolicy: 'net' } }] },
        }),
      'OUT_OF_RANGE',
      ['plan', 'versions', 0, 'pool', 'rate'],
    );
  });
});

describe('runPeriod with the relevance matrix (seed 003, SPEC §3.1)', () => {
  const withLinkage = (): RunPeriodInput => {
    const scenario = golden();
    const [version] = scenario.plan.versions;
    return {
      ...scenario,
      plan: {
        ...scenario.plan,
        versions: [
          {
            ...version!,
            linkage: {
              levels: { strong: '0.25', medium: '0.12', weak: '0.03' },
              companyKpis: [{ id: 'profit', target: '1000' }],
              departments: [
                { id: 'sales', relevance: { profit: 'strong' } },
                { id: 'tech', relevance: { profit: 'weak' } },
              ],
            },
          },
        ],
      },
      data: { ...scenario.data, companyKpis: [{ id: 'profit', actual: '800' }] },
    };
  };

  it('blends each department with the company coefficient and reports the uniform figure', () => {
    // C = 800 / 1000 = 0.8
    // sales: B = 0.75 × 0.9 + 0.25 × 0.8 = 0.675 + 0.2 = 0.875; uniform 0.9 × 0.8 = 0.72
    // tech:  B = 0.97 × 1.05 + 0.03 × 0.8 = 1.0185 + 0.024 = 1.0425; uniform 1.05 × 0.8 = 0.84
    const result = runPeriod(withLinkage());
    expect(result.mechanisms).toEqual(['linkage']);
    expect(result.departments.map((d) => [d.id, d.ownCoefficient, d.coefficient, d.linkage?.uniform])).toEqual([
      ['sales', '0.9000', '0.8750', '0.72'],
      ['tech', '1.0500', '1.0425', '0.84'],
    ]);
    // li: 4500.00 × 0.875 = 3937.50; wang: 6000.00 × 1.0425 = 6255.00; zhao: 3032.97 × 1.0425 = 3161.871… → 3161.87
    expect(result.statements.map((s) => s.lines.find((l) => l.kind === 'performanceBonus')!.amount)).toEqual([
      '3937.50',
      '6255.00',
      '3161.87',
    ]);
    expect(result.statements[0]!.coefficient).toBe('0.8750');
  });

  it('refuses an unknown KPI in the data and an unknown department in the matrix', () => {
    const scenario = withLinkage();
    expectError(
      () => runPeriod({ ...scenario, data: { ...scenario.data, companyKpis: [{ id: 'revenue', actual: 1 }] } }),
      'UNKNOWN_REFERENCE',
      ['data', 'companyKpis', 0, 'id'],
    );
    const version = scenario.plan.versions[0]!;
    expectError(
      () =>
        runPeriod({
          ...scenario,
          plan: {
            ...scenario.plan,
            versions: [
              {
                ...version,
                linkage: { ...version.linkage!, departments: [{ id: 'hr', relevance: { profit: 'weak' } }] },
              },
            ],
          },
        }),
      'UNKNOWN_REFERENCE',
      ['plan', 'versions', 0, 'linkage', 'departments', 0, 'id'],
    );
  });

  it('refuses a KPI of the plan with no result this period instead of reading its actual as 0', () => {
    // Read as 0 under the linear map, profit would give C = 0 and sales B = 0.75 × 0.9 = 0.675.
    const scenario = withLinkage();
    const error = expectError(
      () => runPeriod({ ...scenario, data: { ...scenario.data, companyKpis: [] } }),
      'INVALID_INPUT',
      ['data', 'companyKpis'],
    );
    expect(error.issues.map((issue) => issue.message).join(' ')).toMatch(/"profit"/);
    expectError(() => runPeriod({ ...scenario, data: { ...scenario.data, companyKpis: undefined } }), 'INVALID_INPUT', [
      'data',
      'companyKpis',
    ]);
    // A row for the KPI with neither an actual nor a coefficient is no result either.
    expectError(
      () => runPeriod({ ...scenario, data: { ...scenario.data, companyKpis: [{ id: 'profit' }] } }),
      'INVALID_INPUT',
      ['data', 'companyKpis', 0],
    );
  });

  it('translates the mechanism’s own errors into scenario paths', () => {
    const scenario = withLinkage();
    const version = scenario.plan.versions[0]!;
    // Σ r = 0.7 + 0.5 > 1 for sales.
    const error = expectError(
      () =>
        runPeriod({
          ...scenario,
          plan: {
            ...scenario.plan,
            versions: [
              {
                ...version,
                linkage: {
                  ...version.linkage!,
                  levels: { strong: '0.7', weak: '0.5' },
                  uniformKpi: 'profit',
                  companyKpis: [
                    { id: 'profit', target: '1000' },
                    { id: 'cash', target: '10' },
                  ],
                  departments: [{ id: 'sales', relevance: { profit: 'strong', cash: 'weak' } }],
                },
              },
            ],
          },
          data: {
            ...scenario.data,
            companyKpis: [
              { id: 'profit', actual: '800' },
              { id: 'cash', actual: '9' },
            ],
          },
        }),
      'RELEVANCE_OVER_ONE',
    );
    expect(error.issues[0]!.path.slice(0, 5)).toEqual(['plan', 'versions', 0, 'linkage', 'departments']);
  });
});

describe('runPeriod with response times and ratings feeding the pool', () => {
  // The golden quarter with response times, ratings and a pool read from the response scores.
  const base = (): RunPeriodInput => supportedGolden({ scoreFrom: 'responseTimes' });

  it('shares the pool by the department’s mean response score (30 min → 100, 90 min → 80, 3 h → 60: mean 80)', () => {
    // weights: wang 80 × 91 = 7280, zhao 80 × 46 = 3680, W = 10960; pool 344994 fen
    // wang ⌊344994 × 7280 / 10960⌋ = ⌊229156.598⌋; zhao ⌊344994 × 3680 / 10960⌋ = ⌊115837.401⌋; Σ = 344993
    // one fen left over → the larger remainder (wang, .598): wang 2291.57, zhao 1158.37
    const result = runPeriod(base());
    expect(result.mechanisms).toEqual(['pool', 'ratings', 'responseTimes']);
    const tech = result.departments.find((d) => d.id === 'tech')!;
    expect(tech.responseTimes!.response!.meanScore).toBe('80.00');
    expect(result.statements.map((s) => s.lines.find((l) => l.kind === 'poolAward')?.amount ?? null)).toEqual([
      null,
      '2291.57',
      '1158.37',
    ]);
    expect(result.checks.every((c) => c.holds)).toBe(true);
  });

  it('puts the flagged rating in the review queue and excludes it until reviewed', () => {
    // zhao's ratings [90, 92, 30]: leave-one-out, |30 − median(90, 92)| = 61 ≥ 40 → flagged, pending
    const result = runPeriod(base());
    expect(result.reviewQueue.map((item) => [item.kind, item.code, item.id, item.subjects])).toEqual([
      ['rating', 'flaggedRating', 'r6', ['zhao']],
    ]);
    expect(result.reviewQueue[0]!.reason).toContain('leaveOneOut');
  });

  it('uses peripheral scores for the pool when asked: wang 85 (his ratings), zhao 80 (too few raters → tech’s support score)', () => {
    // wang: (90 + 80 + 85) / 3 = 85.00; zhao: 2 counted raters < 3 → insufficientRaters → data score for tech, 80
    // weights: wang 85 × 91 = 7735, zhao 80 × 46 = 3680, W = 11415
    // wang: 344994 × 7735 = 2,668,528,590; ÷ 11415 = 233773 rem 9,795 (.858)
    // zhao: 344994 × 3680 = 1,269,577,920; ÷ 11415 = 111220 rem 1,620 (.142); Σ floors = 344993
    // leftover 1 → wang (.858 > .142): wang 2337.74, zhao 1112.20
    const scenario = base();
    const version = scenario.plan.versions[0]!;
    const result = runPeriod({
      ...scenario,
      plan: { ...scenario.plan, versions: [{ ...version, pool: { ...version.pool!, scoreFrom: 'ratings' } }] },
    });
    expect(result.statements.map((s) => s.lines.find((l) => l.kind === 'poolAward')?.amount ?? null)).toEqual([
      null,
      '2337.74',
      '1112.20',
    ]);
  });

  it('a keep decision clears the queue and counts the rating', () => {
    const scenario = base();
    const result = runPeriod({
      ...scenario,
      data: {
        ...scenario.data,
        reviewDecisions: [{ action: 'keep', rating: 'r6', reviewer: 'hr-chen', note: 'confirmed with the rater' }],
      },
    });
    expect(result.reviewQueue).toEqual([]);
  });

  it('refuses a ticket from the previous year with OUT_OF_RANGE at its path (issue 17): it is not this period’s', () => {
    const scenario = base();
    const lastYear = { id: 't0', unit: 'tech', opened: '2025-04-10T09:00:00Z', responded: '2025-04-10T11:00:00Z' };
    const error = expectError(
      () => runPeriod({ ...scenario, data: { ...scenario.data, tickets: [...scenario.data!.tickets!, lastYear] } }),
      'OUT_OF_RANGE',
      ['data', 'tickets', 3, 'opened'],
    );
    expect(error.issues).toHaveLength(1);
    // The period starts at midnight in the calendar's zone: 23:30 UTC on 31 March is 1 April in Beijing.
    const beijing = base();
    const version = beijing.plan.versions[0]!;
    const early = { id: 't0', unit: 'tech', opened: '2026-03-31T23:30:00Z', responded: '2026-04-01T00:10:00Z' };
    expect(() =>
      runPeriod({
        ...beijing,
        plan: {
          ...beijing.plan,
          versions: [
            { ...version, responseTimes: { ...version.responseTimes, calendar: { timeZone: 'Asia/Shanghai' } } },
          ],
        },
        data: { ...beijing.data, tickets: [...beijing.data!.tickets!, early] },
      }),
    ).not.toThrow();
    expectError(
      () => runPeriod({ ...scenario, data: { ...scenario.data, tickets: [...scenario.data!.tickets!, early] } }),
      'OUT_OF_RANGE',
      ['data', 'tickets', 3, 'opened'],
    );
  });

  it('refuses tickets of unknown departments and ratings by unknown parties, with scenario paths', () => {
    const scenario = base();
    expectError(
      () =>
        runPeriod({
          ...scenario,
          data: { ...scenario.data, tickets: [{ id: 't', unit: 'nowhere', opened: '2026-04-10T09:00:00Z' }] },
        }),
      'UNKNOWN_REFERENCE',
      ['data', 'tickets', 0, 'unit'],
    );
    expectError(
      () =>
        runPeriod({
          ...scenario,
          data: {
            ...scenario.data,
            ratings: [{ id: 'r', rater: 'ghost', ratee: 'wang', dimension: 'speed', score: 1 }],
          },
        }),
      'UNKNOWN_REFERENCE',
      ['data', 'ratings', 0, 'rater'],
    );
    // A mechanism's own error, re-pathed: a ticket responded before it was opened.
    const error = expectError(
      () =>
        runPeriod({
          ...scenario,
          data: {
            ...scenario.data,
            tickets: [{ id: 't', unit: 'tech', opened: '2026-04-10T09:00:00Z', responded: '2026-04-10T08:00:00Z' }],
          },
        }),
      'DATES_OUT_OF_ORDER',
    );
    expect(error.issues[0]!.path.slice(0, 3)).toEqual(['data', 'tickets', 0]);
  });
});

describe('runPeriod with double crediting and an interlocked indicator (seed 003)', () => {
  const withInterlock = (actualEast: string): RunPeriodInput => {
    const scenario = golden();
    const [version] = scenario.plan.versions;
    const facts = [
      { id: 'f1', amount: '100.00', date: '2026-04-03', members: { region: 'east', product: '5g' } },
      { id: 'f2', amount: '50.00', date: '2026-05-03', members: { region: 'east', product: 'broadband' } },
      { id: 'f3', amount: actualEast, date: '2026-06-03', members: { region: 'west', product: '5g' } },
    ];
    return {
      ...scenario,
      plan: {
        ...scenario.plan,
        versions: [
          {
            ...version!,
            interlock: {
              dimensions: [
                { id: 'region', members: [{ id: 'east' }, { id: 'west' }] },
                { id: 'product', members: [{ id: '5g' }, { id: 'broadband' }] },
              ],
              indicators: [
                {
                  id: '5g-revenue',
                  target: '200',
                  actual: { dimension: 'product', member: '5g' },
                  parties: [
                    { id: 'li', weight: '0.5' },
                    { id: 'tech', weight: '0.5' },
                  ],
                  scoreTable: {
                    direction: 'higherIsBetter',
                    bands: [{ bound: '1', score: 100 }, { bound: '0.7', score: 60 }, { score: 0 }],
                  },
                  reward: { threshold: '1', amount: '900.00' },
                  severeMiss: { threshold: '0.5', deduction: '300.00' },
                },
              ],
            },
          },
        ],
      },
      data: { ...scenario.data, revenueFacts: facts },
    };
  };

  it('credits every fact in full to each dimension and pays the shared reward, the department part by days', () => {
    // region: east 150, west 70; product: 5g 170, broadband 50; each dimension 220, credited 440, factor 2
    // 5g-revenue: 170 / 200 = 0.85 → no reward (threshold 1), no severe miss (0.5)
    const quiet = runPeriod(withInterlock('70.00'));
    expect(
      quiet.interlock![0]!.dimensions.map((d) => [d.id, d.credited, d.members.map((m) => [m.id, m.amount])]),
    ).toEqual([
      [
        'product',
        '220.00',
        [
          ['5g', '170.00'],
          ['broadband', '50.00'],
        ],
      ],
      [
        'region',
        '220.00',
        [
          ['east', '150.00'],
          ['west', '70.00'],
        ],
      ],
    ]);
    expect([quiet.interlock![0]!.credited, quiet.interlock![0]!.factor]).toEqual(['440.00', '2.0000']);
    expect(quiet.statements.flatMap((s) => s.lines.filter((l) => l.kind.startsWith('interlock')))).toEqual([]);

    // With west's 5G sale at 130.00: 5g = 230 → 230 / 200 = 1.15 ≥ 1 → reward 900.00 split 0.5 / 0.5
    // li 450.00; tech 450.00 shared by days: wang 91, zhao 46 (of 137)
    //   wang ⌊45000 × 91 / 137⌋ = ⌊29890.51⌋, zhao ⌊45000 × 46 / 137⌋ = ⌊15109.49⌋; leftover 1 → wang: 298.91, 151.09
    const paid = runPeriod(withInterlock('130.00'));
    const reward = (person: number) => paid.statements[person]!.lines.find((l) => l.kind === 'interlockReward')?.amount;
    expect([reward(0), reward(1), reward(2)]).toEqual(['450.00', '298.91', '151.09']);
    expect(paid.checks.map((c) => [c.id, c.holds])).toEqual([
      ['statementLines', true],
      ['statementTotals', true],
      ['commissionCarve', true],
      ['poolAllocation', true],
      ['interlockRewards', true],
      ['interlockDeductions', true],
      ['dimensionTotals', true],
      ['ledger.departmentCoefficients', true],
      ['ledger.commissions', true],
      ['ledger.deductions', true],
      ['ledger.revenueFacts', true],
    ]);
    expect(paid.totals.statements).toBe('97115.99'); // 96215.99 + 900.00
  });

  it('on a severe miss splits the deduction and queues the joint review', () => {
    // 5g = 100 + 0 = 100 → 100 / 200 = 0.5, not below 0.5; with west 5G at −10.00: 90 / 200 = 0.45 < 0.5 → severe miss
    // deduction 300.00: li 150.00; tech 150.00 → wang ⌊15000 × 91/137⌋ = ⌊9963.50⌋, zhao ⌊5036.50⌋ → tie on remainder .50…
    const result = runPeriod(withInterlock('-10.00'));
    const deduction = (person: number) =>
      result.statements[person]!.lines.find((l) => l.kind === 'interlockDeduction')?.amount;
    expect(deduction(0)).toBe('-150.00');
    expect(
      BigInt(deduction(1)!.replace('.', '').replace('-', '')) + BigInt(deduction(2)!.replace('.', '').replace('-', '')),
    ).toBe(15000n);
    expect(result.reviewQueue.map((item) => [item.kind, item.code, item.id, item.subjects])).toEqual([
      ['severeMiss', 'severeMiss', '5g-revenue', ['li', 'tech']],
    ]);
  });

  it('refuses an unknown party', () => {
    const scenario = withInterlock('70.00');
    const version = scenario.plan.versions[0]!;
    const indicator = version.interlock!.indicators![0]!;
    expectError(
      () =>
        runPeriod({
          ...scenario,
          plan: {
            ...scenario.plan,
            versions: [
              {
                ...version,
                interlock: {
                  ...version.interlock!,
                  indicators: [{ ...indicator, parties: [{ id: 'ghost', weight: 1 }] }],
                },
              },
            ],
          },
        }),
      'UNKNOWN_REFERENCE',
      ['plan', 'versions', 0, 'interlock', 'indicators', 0, 'parties', 0, 'id'],
    );
  });
});

describe('runPeriod validates every mechanism row list once', () => {
  it('refuses bad tickets even when the plan does not score response times', () => {
    const scenario = golden();
    expectError(
      () =>
        runPeriod({
          ...scenario,
          data: { ...scenario.data, tickets: [{ id: 't', unit: 'tech', opened: 'yesterday' }] },
        }),
      'INVALID_INPUT',
      ['data', 'tickets', 0, 'opened'],
    );
  });
  it('reports a malformed row read by a mechanism at its scenario path', () => {
    const scenario = golden();
    const version = scenario.plan.versions[0]!;
    const scored: RunPeriodInput = {
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
                  bands: [{ bound: 60, score: 100 }, { score: 60 }],
                },
              },
            },
          },
        ],
      },
    };
    expectError(() => runPeriod({ ...scored, data: { tickets: [42 as never] } }), 'INVALID_INPUT', [
      'data',
      'tickets',
      0,
    ]);
    expectError(
      () => runPeriod({ ...scored, data: { tickets: [{ id: 't', unit: 'tech', opened: 'soon' }] } }),
      'INVALID_INPUT',
      ['data', 'tickets', 0, 'opened'],
    );
  });
});

describe('runPeriod with department scorecards (seed 001) and collaboration points (seed 000, 003)', () => {
  const withScorecard = (): RunPeriodInput => {
    const scenario = golden();
    const [version] = scenario.plan.versions;
    return {
      ...scenario,
      plan: {
        ...scenario.plan,
        versions: [
          {
            ...version!,
            scorecard: {
              components: [
                { id: 'functional', weight: '0.4' },
                { id: 'support', weight: '0.3' },
                { id: 'company', weight: '0.3' },
              ],
              sources: { support: 'points' },
              coefficient: { kind: 'linear', slope: '0.01' },
              points: { scoring: { kind: 'linear', intercept: 80, cap: 100 } },
            },
          },
        ],
      },
      data: {
        ...scenario.data,
        componentScores: [
          { department: 'tech', component: 'functional', score: 90 },
          { department: 'tech', component: 'company', score: 80 },
          { department: 'sales', component: 'functional', score: 70 },
          { department: 'sales', component: 'company', score: 80 },
        ],
        pointEntries: [
          {
            id: 'p1',
            subject: 'tech',
            points: 10,
            reason: 'major risk avoided',
            evidence: 'INC-7',
            proposer: 'li',
            approver: 'cfo',
            date: '2026-05-02',
          },
          {
            id: 'p2',
            subject: 'sales',
            points: -20,
            reason: 'loss by negligence',
            evidence: 'AUD-3',
            proposer: 'wang',
            approver: 'cfo',
            date: '2026-06-02',
          },
          {
            id: 'p3',
            subject: 'sales',
            points: 5,
            reason: 'better terms won',
            proposer: 'li',
            approver: 'cfo',
            date: '2026-06-03',
          },
        ],
      },
    };
  };

  it('composes each department’s card and uses its coefficient as D', () => {
    // points → score 80 + net: tech 80 + 10 = 90; sales 80 − 20 = 60 (p3 has no evidence: rejected)
    // tech  = 0.4 × 90 + 0.3 × 90 + 0.3 × 80 = 36 + 27 + 24 = 87.00 → coefficient 0.87
    // sales = 0.4 × 70 + 0.3 × 60 + 0.3 × 80 = 28 + 18 + 24 = 70.00 → coefficient 0.70
    const result = runPeriod(withScorecard());
    expect(result.mechanisms).toEqual(['scorecard']);
    expect(result.departments.map((d) => [d.id, d.scorecard?.score, d.ownCoefficient, d.coefficient])).toEqual([
      ['sales', '70', '0.7000', '0.7000'], // composeScore prints scores without trailing zeros
      ['tech', '87', '0.8700', '0.8700'],
    ]);
    // li 4500.00 × 0.70 = 3150.00; wang 6000.00 × 0.87 = 5220.00; zhao 3032.97 × 0.87 = 2638.6839 → 2638.68
    expect(result.statements.map((s) => s.lines.find((l) => l.kind === 'performanceBonus')!.amount)).toEqual([
      '3150.00',
      '5220.00',
      '2638.68',
    ]);
  });

  it('refuses component scores and point entries about unknown subjects', () => {
    const scenario = withScorecard();
    expectError(
      () =>
        runPeriod({
          ...scenario,
          data: { ...scenario.data, componentScores: [{ department: 'hr', component: 'functional', score: 1 }] },
        }),
      'UNKNOWN_REFERENCE',
      ['data', 'componentScores', 0, 'department'],
    );
    expectError(
      () =>
        runPeriod({
          ...scenario,
          data: {
            ...scenario.data,
            pointEntries: [
              {
                id: 'p',
                subject: 'ghost',
                points: 1,
                reason: 'x',
                evidence: 'e',
                proposer: 'li',
                approver: 'cfo',
                date: '2026-05-02',
              },
            ],
          },
        }),
      'UNKNOWN_REFERENCE',
      ['data', 'pointEntries', 0, 'subject'],
    );
  });
});

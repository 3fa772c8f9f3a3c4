import { describe, expect, it } from 'vitest';
import { companyCoefficients, linkCoefficients, SynergyPayError } from '../../src/index.js';
import { expectError } from '../helpers.js';

const levels = { strong: '0.25', medium: '0.12', weak: '0.03' };
const byId = <T extends { id: string }>(rows: T[], id: string): T => {
  const row = rows.find((r) => r.id === id);
  if (row === undefined) throw new Error(`no row ${id}`);
  return row;
};

describe('linkCoefficients: SPEC §3.1 worked example', () => {
  const result = linkCoefficients({
    levels,
    companyKpis: [{ id: 'profit', coefficient: '0.8' }],
    departments: [
      { id: 'sales', coefficient: '0.9', relevance: { profit: 'strong' } },
      { id: 'finance', coefficient: '1.0', relevance: { profit: 'weak' } },
    ],
  });
  it('Sales: 0.75·0.9 + 0.25·0.8 = 0.675 + 0.2 = 0.875; uniform 0.9·0.8 = 0.72', () => {
    const sales = byId(result.departments, 'sales');
    expect(sales.blended).toBe('0.875');
    expect(sales.uniform).toBe('0.72');
    expect(sales.difference).toBe('0.155');
    expect(sales.ratioSum).toBe('0.25');
  });
  it('Finance: 0.97·1.0 + 0.03·0.8 = 0.97 + 0.024 = 0.994; uniform 1.0·0.8 = 0.80', () => {
    const finance = byId(result.departments, 'finance');
    expect(finance.blended).toBe('0.994');
    expect(finance.uniform).toBe('0.8');
    expect(finance.difference).toBe('0.194');
  });
  it('orders departments by id and traces the blend', () => {
    expect(result.departments.map((d) => d.id)).toEqual(['finance', 'sales']);
    const sales = byId(result.departments, 'sales');
    expect(sales.trace.map((s) => s.rule)).toEqual(['linkage.blend', 'linkage.uniform', 'linkage.difference']);
    expect(sales.trace[0]?.inputs).toMatchObject({ D: '0.9', ratioSum: '0.25', terms: '0.25·0.8' });
  });
});

describe('linkCoefficients: levels, stars, exemption, several KPIs', () => {
  it('numeric stars work, directly or through the seed-003 alias (3 ↔ strong, 1 ↔ weak)', () => {
    const stars = linkCoefficients({
      levels: { '3': '0.25', '2': '0.12', '1': '0.03' },
      companyKpis: [{ id: 'profit', coefficient: '0.8' }],
      departments: [{ id: 'sales', coefficient: '0.9', relevance: { profit: 3 } }],
    });
    expect(stars.departments[0]?.blended).toBe('0.875');
    const alias = linkCoefficients({
      levels,
      companyKpis: [{ id: 'profit', coefficient: '0.8' }],
      departments: [{ id: 'finance', coefficient: 1, relevance: { profit: 1 } }],
    });
    expect(alias.departments[0]?.blended).toBe('0.994');
    expect(alias.departments[0]?.links[0]).toEqual({ kpi: 'profit', level: '1', ratio: '0.03', coefficient: '0.8' });
  });

  it('an exempt department keeps its own coefficient (ratio 0) but still shows the uniform figure', () => {
    const result = linkCoefficients({
      levels,
      companyKpis: [{ id: 'profit', coefficient: '0.8' }],
      departments: [{ id: 'legal', coefficient: '0.95', relevance: { profit: 'weak' }, exempt: true }],
    });
    const legal = result.departments[0];
    expect(legal).toMatchObject({ blended: '0.95', uniform: '0.76', difference: '0.19', ratioSum: '0', exempt: true });
    expect(legal?.trace[0]?.rule).toBe('linkage.exempt');
  });

  it('takes company coefficients from achievement, with a clamped linear map', () => {
    const result = linkCoefficients({
      levels: { strong: '0.25', high: '0.15' },
      companyKpis: [
        { id: 'profit', coefficient: '0.8' },
        { id: 'nps', actual: '88', target: '80' },
      ],
      departments: [{ id: 'service', coefficient: '0.9', relevance: { profit: 'strong', nps: 'high' } }],
      uniformKpi: 'profit',
    });
    // nps: 88 / 80 = 1.1 → coefficient 1.1; B = 0.6·0.9 + 0.25·0.8 + 0.15·1.1 = 0.54 + 0.2 + 0.165 = 0.905
    expect(result.companyKpis).toMatchObject([
      { id: 'nps', achievement: '1.1', coefficient: '1.1' },
      { id: 'profit', achievement: null, coefficient: '0.8' },
    ]);
    expect(result.departments[0]).toMatchObject({ blended: '0.905', uniform: '0.72', ratioSum: '0.4' });
  });

  it('rounds B at the coefficient point (4 dp half-up): 0.8·0.7777 + 0.2·0.8 = 0.78216 → 0.7822', () => {
    const result = linkCoefficients({
      levels: { strong: '0.2' },
      companyKpis: [{ id: 'profit', coefficient: '0.8' }],
      departments: [{ id: 'ops', coefficient: '0.7777', relevance: { profit: 'strong' } }],
    });
    // uniform 0.7777·0.8 = 0.62216 → 0.6222; difference 0.16
    expect(result.departments[0]).toMatchObject({ blended: '0.7822', uniform: '0.6222', difference: '0.16' });
  });
});

describe('linkCoefficients rounds a given D or C at the coefficient point, as runPeriod does', () => {
  it('D 0.90005 is used as 0.9001: B = 0.75·0.9001 + 0.25·0.8 = 0.875075 → 0.8751', () => {
    const result = linkCoefficients({
      levels: { strong: '0.25' },
      companyKpis: [{ id: 'profit', coefficient: '0.8' }],
      departments: [{ id: 'sales', coefficient: '0.90005', relevance: { profit: 'strong' } }],
    });
    expect(result.departments[0]).toMatchObject({ own: '0.9001', blended: '0.8751', uniform: '0.7201' });
  });

  it('C 0.80005 is used as 0.8001 (half-even: 0.8), and the trace shows the figure given', () => {
    const input = {
      levels: { strong: '0.25' },
      companyKpis: [{ id: 'profit', coefficient: '0.80005' }],
      departments: [{ id: 'sales', coefficient: '0.9', relevance: { profit: 'strong' } }],
    };
    const halfUp = linkCoefficients(input);
    expect(halfUp.companyKpis[0]).toMatchObject({
      coefficient: '0.8001',
      trace: [{ rule: 'linkage.companyCoefficient', inputs: { given: '0.80005', kpi: 'profit' }, result: '0.8001' }],
    });
    // B = 0.75·0.9 + 0.25·0.8001 = 0.675 + 0.200025 = 0.875025 → 0.875
    expect(halfUp.departments[0]!.blended).toBe('0.875');
    expect(linkCoefficients({ ...input, rounding: { mode: 'halfEven' } }).companyKpis[0]!.coefficient).toBe('0.8');
  });
});

describe('companyCoefficients: achievement through a clamped linear map', () => {
  it('seed 000: 80 % completion gives 0.8 with the default map', () => {
    expect(companyCoefficients({ kpis: [{ id: 'profit', actual: '800', target: '1000' }] }).kpis[0]).toMatchObject({
      achievement: '0.8',
      coefficient: '0.8',
    });
  });
  it('clamps to floor and cap, and applies slope and intercept', () => {
    const map = { kind: 'linear' as const, slope: '2', intercept: '-1', floor: '0.5', cap: '1.5' };
    const { kpis } = companyCoefficients({
      kpis: [
        { id: 'a', actual: 60, target: 100 }, // 2·0.6 − 1 = 0.2 → floor 0.5
        { id: 'b', actual: 90, target: 100 }, // 2·0.9 − 1 = 0.8
        { id: 'c', actual: 150, target: 100 }, // 2·1.5 − 1 = 2 → cap 1.5
        { id: 'd', actual: 2, target: 3, map: { kind: 'linear' } }, // 0.66666… → 0.6667
      ],
      map,
    });
    expect(kpis.map((k) => [k.id, k.achievement, k.coefficient])).toEqual([
      ['a', '0.6', '0.5'],
      ['b', '0.9', '0.8'],
      ['c', '1.5', '1.5'],
      ['d', '0.6667', '0.6667'],
    ]);
  });
});

// Bad inputs are deliberately off-type: the library must refuse them at run time too.
const link = (input: unknown) => () => linkCoefficients(input as Parameters<typeof linkCoefficients>[0]);
const base = {
  levels,
  companyKpis: [{ id: 'profit', coefficient: '0.8' }],
  departments: [{ id: 'sales', coefficient: '0.9', relevance: { profit: 'strong' } }],
};

describe('linkCoefficients and companyCoefficients refuse bad input', () => {
  it('INVALID_INPUT: unknown field, coefficient and actual together, several KPIs without uniformKpi', () => {
    expectError(link({ ...base, depts: [] }), 'INVALID_INPUT');
    expectError(
      link({ ...base, companyKpis: [{ id: 'profit', coefficient: '0.8', actual: 1, target: 1 }] }),
      'INVALID_INPUT',
      ['companyKpis', 0],
    );
    expectError(link({ ...base, companyKpis: [{ id: 'profit', actual: 1 }] }), 'INVALID_INPUT', ['companyKpis', 0]);
    expectError(link({ ...base, companyKpis: [...base.companyKpis, { id: 'nps', coefficient: 1 }] }), 'INVALID_INPUT', [
      'uniformKpi',
    ]);
  });
  it('INVALID_DECIMAL: a coefficient written "0,8"', () => {
    expectError(link({ ...base, companyKpis: [{ id: 'profit', coefficient: '0,8' }] }), 'INVALID_DECIMAL', [
      'companyKpis',
      0,
      'coefficient',
    ]);
  });
  it('NEGATIVE_VALUE: a negative own coefficient or level ratio', () => {
    expectError(link({ ...base, departments: [{ id: 'sales', coefficient: '-0.9' }] }), 'NEGATIVE_VALUE', [
      'departments',
      0,
      'coefficient',
    ]);
    expectError(link({ ...base, levels: { strong: '-0.25' } }), 'NEGATIVE_VALUE', ['levels', 'strong']);
  });
  it('OUT_OF_RANGE: a level ratio above 1; a map floor above its cap', () => {
    expectError(link({ ...base, levels: { strong: '1.25' } }), 'OUT_OF_RANGE', ['levels', 'strong']);
    expectError(
      link({
        ...base,
        companyKpis: [{ id: 'profit', actual: 1, target: 1 }],
        achievementMap: { kind: 'linear', floor: 2, cap: 1 },
      }),
      'OUT_OF_RANGE',
      ['achievementMap', 'floor'],
    );
  });
  it('DUPLICATE_ID: two departments named sales; two KPIs named profit', () => {
    expectError(
      link({ ...base, departments: [...base.departments, { id: 'sales', coefficient: 1 }] }),
      'DUPLICATE_ID',
      ['departments', 1, 'id'],
    );
    expectError(
      link({ ...base, companyKpis: [...base.companyKpis, { id: 'profit', coefficient: 1 }], uniformKpi: 'profit' }),
      'DUPLICATE_ID',
      ['companyKpis', 1, 'id'],
    );
  });
  it('DUPLICATE_ID and INVALID_INPUT in companyCoefficients: a KPI twice; an unknown field', () => {
    expectError(
      () =>
        companyCoefficients({
          kpis: [
            { id: 'p', actual: 1, target: 1 },
            { id: 'p', actual: 1, target: 1 },
          ],
        }),
      'DUPLICATE_ID',
      ['kpis', 1, 'id'],
    );
    expectError(
      () => companyCoefficients({ kpis: [{ id: 'p', actual: 1, target: 1, weight: 1 } as never] }),
      'INVALID_INPUT',
      ['kpis', 0],
    );
  });
  it('UNKNOWN_REFERENCE: an unknown KPI id, an unknown level, an unknown uniformKpi', () => {
    expectError(
      link({ ...base, departments: [{ id: 'sales', coefficient: 1, relevance: { revenue: 'strong' } }] }),
      'UNKNOWN_REFERENCE',
      ['departments', 0, 'relevance', 'revenue'],
    );
    expectError(
      link({ ...base, departments: [{ id: 'sales', coefficient: 1, relevance: { profit: 'huge' } }] }),
      'UNKNOWN_REFERENCE',
      ['departments', 0, 'relevance', 'profit'],
    );
    expectError(link({ ...base, uniformKpi: 'revenue' }), 'UNKNOWN_REFERENCE', ['uniformKpi']);
  });
  it('RELEVANCE_OVER_ONE: Σr = 0.6 + 0.5 > 1, with the excess in the message', () => {
    const error = expectError(
      link({
        levels: { strong: '0.6', medium: '0.5' },
        companyKpis: [
          { id: 'profit', coefficient: 1 },
          { id: 'revenue', coefficient: 1 },
        ],
        uniformKpi: 'profit',
        departments: [{ id: 'sales', coefficient: 1, relevance: { profit: 'strong', revenue: 'medium' } }],
      }),
      'RELEVANCE_OVER_ONE',
      ['departments', 0, 'relevance'],
    );
    expect(error.issues[0]?.message).toContain('1.1, 0.1 above 1');
  });
  it('NON_POSITIVE_TARGET: a zero or negative target', () => {
    expectError(link({ ...base, companyKpis: [{ id: 'profit', actual: 1, target: 0 }] }), 'NON_POSITIVE_TARGET', [
      'companyKpis',
      0,
      'target',
    ]);
    expectError(() => companyCoefficients({ kpis: [{ id: 'p', actual: 1, target: '-5' }] }), 'NON_POSITIVE_TARGET', [
      'kpis',
      0,
      'target',
    ]);
  });
  it('INVALID_INPUT: an own __proto__ key in a record (zod would drop it silently)', () => {
    expectError(
      link({
        ...base,
        departments: [{ id: 'sales', coefficient: 1, relevance: JSON.parse('{"__proto__":"strong"}') }],
      }),
      'INVALID_INPUT',
      ['departments', 0, 'relevance', '__proto__'],
    );
    expectError(link({ ...base, levels: JSON.parse('{"strong":"0.25","__proto__":"0.1"}') }), 'INVALID_INPUT', [
      'levels',
      '__proto__',
    ]);
  });
  it('a KPI called "constructor" is data, not a prototype property', () => {
    const result = linkCoefficients({
      levels,
      companyKpis: [{ id: 'constructor', coefficient: '0.8' }],
      departments: [{ id: 'sales', coefficient: '0.9', relevance: { constructor: 'strong' } }],
    });
    expect(result.departments[0]?.blended).toBe('0.875');
  });
  it('reports every problem at once', () => {
    let caught: unknown;
    try {
      link({
        ...base,
        departments: [
          { id: 'a', coefficient: 1, relevance: { x: 'strong' } },
          { id: 'a', coefficient: 1 },
        ],
      })();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SynergyPayError);
    const error = caught as SynergyPayError;
    expect(error.code).toBe('INVALID_INPUT'); // mixed codes
    expect(error.issues.map((i) => i.code).sort()).toEqual(['DUPLICATE_ID', 'UNKNOWN_REFERENCE']);
  });
});

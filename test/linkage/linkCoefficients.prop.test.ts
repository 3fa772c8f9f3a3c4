import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkCoefficients, runPeriod } from '../../src/index.js';
import { runs } from '../helpers.js';

// ── independent oracle: exact fractions over 10^k, written here ──────────────────────────────
/** A decimal string as an integer count of 10^-8 (every figure below has ≤ 8 dp). */
const e8 = (text: string): bigint => {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole = '0', frac = ''] = body.split('.');
  const n = BigInt(whole + frac.padEnd(8, '0'));
  return negative ? -n : n;
};

/** Coefficients in [0, 2] with up to 4 decimals. */
const coefficientArb = fc.integer({ min: 0, max: 20000 }).map((n) => (n / 10000).toFixed(4));
/** Ratios in [0, 0.3] with up to 4 decimals (seed 003's strong band tops at 30 %). */
const ratioArb = fc.integer({ min: 0, max: 3000 }).map((n) => (n / 10000).toFixed(4));

/** A plan: up to 3 company KPIs, one level per KPI ratio, and departments linking to some KPIs. */
const scenarioArb = fc
  .record({
    kpis: fc.array(coefficientArb, { minLength: 1, maxLength: 3 }),
    departments: fc.array(
      fc.record({
        own: coefficientArb,
        ratios: fc.array(fc.option(ratioArb, { nil: null }), { minLength: 3, maxLength: 3 }),
      }),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
  })
  .map(({ kpis, departments }) => ({
    kpis,
    departments: departments.map((d) => ({ own: d.own, ratios: d.ratios.slice(0, kpis.length) })),
  }));

type Scenario = { kpis: string[]; departments: { own: string; ratios: (string | null)[] }[] };

function run(s: Scenario, order?: number[]) {
  const levels: Record<string, string> = {};
  const departments = s.departments.map((d, i) => {
    const relevance: Record<string, string> = {};
    d.ratios.forEach((ratio, k) => {
      if (ratio === null) return;
      levels[`d${i}k${k}`] = ratio;
      relevance[`k${k}`] = `d${i}k${k}`;
    });
    return { id: `d${i}`, coefficient: d.own, relevance };
  });
  const rows = order === undefined ? departments : order.map((i) => departments[i] as (typeof departments)[number]);
  return linkCoefficients({
    levels,
    companyKpis: s.kpis.map((c, k) => ({ id: `k${k}`, coefficient: c })),
    departments: rows,
    uniformKpi: 'k0',
  });
}

describe('linkCoefficients properties', () => {
  it('B equals the oracle round((1 − Σr)·D + Σ r·C) and lies between D and the linked company coefficients', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = run(s);
        s.departments.forEach((d, i) => {
          const row = result.departments.find((r) => r.id === `d${i}`);
          const D = e8(d.own);
          let sumR = 0n;
          let exact = 0n; // scaled 10^-16
          const linked: bigint[] = [D];
          d.ratios.forEach((ratio, k) => {
            if (ratio === null) return;
            const r = e8(ratio);
            const C = e8(s.kpis[k] as string);
            sumR += r;
            exact += r * C;
            linked.push(C);
          });
          exact += (100000000n - sumR) * D;
          // exact is scaled 10^-16; to 4 dp half-up: ⌊(exact + 0.5·10^12) / 10^12⌋
          const b4 = (exact + 500000000000n) / 1000000000000n;
          expect(e8(row?.blended as string)).toBe(b4 * 10000n);
          const low = linked.reduce((a, b) => (a < b ? a : b));
          const high = linked.reduce((a, b) => (a > b ? a : b));
          expect(e8(row?.blended as string) >= low && e8(row?.blended as string) <= high).toBe(true);
          // uniform D·C₀ rounded to 4 dp
          const uniform = (D * e8(s.kpis[0] as string) + 500000000000n) / 1000000000000n;
          expect(e8(row?.uniform as string)).toBe(uniform * 10000n);
        });
      }),
      { numRuns: runs(1000) },
    );
  });

  it('raising any input coefficient (own or company) never lowers any B', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.integer({ min: 1, max: 5000 }), (s, pick, raise) => {
        const before = run(s);
        const slots = s.kpis.length + s.departments.length;
        const slot = pick % slots;
        const bump = (text: string) => (Number(e8(text)) / 1e8 + raise / 10000).toFixed(4);
        const raised: Scenario =
          slot < s.kpis.length
            ? { ...s, kpis: s.kpis.map((c, k) => (k === slot ? bump(c) : c)) }
            : {
                ...s,
                departments: s.departments.map((d, i) => (i === slot - s.kpis.length ? { ...d, own: bump(d.own) } : d)),
              };
        const after = run(raised);
        before.departments.forEach((row, i) => {
          expect(e8(after.departments[i]?.blended as string) >= e8(row.blended)).toBe(true);
        });
      }),
      { numRuns: runs(1000) },
    );
  });

  it('r = 0 for every KPI gives B = D', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const zero: Scenario = {
          ...s,
          departments: s.departments.map((d) => ({ ...d, ratios: d.ratios.map((r) => (r === null ? null : '0')) })),
        };
        const result = run(zero);
        zero.departments.forEach((d, i) => {
          expect(e8(result.departments.find((r) => r.id === `d${i}`)?.blended as string)).toBe(e8(d.own));
        });
      }),
      { numRuns: runs(1000) },
    );
  });

  it('the result is byte-identical whatever the order of the departments', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) =>
          fc.tuple(fc.constant(s), fc.shuffledSubarray([...s.departments.keys()], { minLength: s.departments.length })),
        ),
        ([s, order]) => {
          expect(JSON.stringify(run(s, order))).toBe(JSON.stringify(run(s)));
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

// ── linkCoefficients and the period run agree on given coefficients of any precision ─────────
/** Coefficients in [0, 2] with up to 6 decimals: more than the coefficient point keeps. */
const fineCoefficientArb = fc.integer({ min: 0, max: 2_000_000 }).map((n) => String(n / 1_000_000));

describe('linkCoefficients and runPeriod', () => {
  it('give the same company and department coefficients on the same inputs, D and C given to any precision', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ own: fineCoefficientArb, ratio: fc.option(ratioArb, { nil: null }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fineCoefficientArb,
        fc.constantFrom<'halfUp' | 'halfEven'>('halfUp', 'halfEven'),
        fc.integer({ min: 0, max: 6 }),
        (departments, c, mode, coefficientDecimals) => {
          const levels: Record<string, string> = {};
          const relevance = (d: (typeof departments)[number], i: number) =>
            d.ratio === null ? {} : { profit: `l${i}` };
          departments.forEach((d, i) => {
            if (d.ratio !== null) levels[`l${i}`] = d.ratio;
          });
          const rounding = { mode, coefficientDecimals };
          const direct = linkCoefficients({
            levels,
            companyKpis: [{ id: 'profit', coefficient: c }],
            departments: departments.map((d, i) => ({ id: `d${i}`, coefficient: d.own, relevance: relevance(d, i) })),
            rounding,
          });
          const run = runPeriod({
            plan: {
              id: 'p',
              currency: 'CNY',
              rounding,
              versions: [
                {
                  id: 'v1',
                  effective: '2026-01-01',
                  grades: [{ id: 'G', basePay: '1000.00', targetBonus: '1000.00' }],
                  linkage: {
                    levels,
                    companyKpis: [{ id: 'profit' }],
                    departments: departments.map((d, i) => ({ id: `d${i}`, relevance: relevance(d, i) })),
                  },
                },
              ],
            },
            period: { unit: 'month', start: '2026-03-01' },
            org: {
              departments: departments.map((_, i) => ({ id: `d${i}`, side: 'back' as const })),
              people: departments.map((_, i) => ({ id: `p${i}`, department: `d${i}`, grade: 'G' })),
            },
            data: {
              departmentCoefficients: departments.map((d, i) => ({ department: `d${i}`, coefficient: d.own })),
              companyKpis: [{ id: 'profit', coefficient: c }],
            },
          });
          for (const linked of direct.departments) {
            const department = run.departments.find((row) => row.id === linked.id)!;
            // The run prints D with every coefficient decimal ("0.90"), the function canonically ("0.9").
            expect(e8(department.ownCoefficient), `D of ${linked.id}`).toBe(e8(linked.own));
            expect(department.linkage?.blended, `B of ${linked.id}`).toBe(linked.blended);
            expect(department.linkage?.uniform, `uniform of ${linked.id}`).toBe(linked.uniform);
            expect(department.linkage?.links).toEqual(linked.links);
          }
        },
      ),
      { numRuns: runs(500) },
    );
  });
});

/**
 * Composition (SPEC §3.1, §3.2, §3.6): where one public function feeds another, the pipeline
 * must give what the two steps give by hand. The linked blend must also equal the oracle
 * B = round((1 − Σr)·D + Σ r·C, 4) with C the rounded company coefficient (rounding at each
 * declared point, in BigInt fractions), and the uniform figure round(D·C_u, 4).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyCoefficients, creditFacts, linkCoefficients, settleInterlock } from '../../src/index.js';
import { runs } from '../helpers.js';
import { fraction, roundFraction, same, type Fraction } from '../arbitraries/index.js';
import { achievementTable, creditScenarioArb } from '../arbitraries/interlock.js';
import { linkCoefficientsArb } from '../arbitraries/scorecard.js';

const modeArb = fc.constantFrom('halfUp' as const, 'halfEven' as const);
const add = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const mul = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });

describe('pipelines agree with their steps', () => {
  it('settleInterlock with actual = { dimension, member } of a creditFacts result equals settling on that member’s credited amount', () => {
    fc.assert(
      fc.property(
        creditScenarioArb,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (scenario, d, m, targetFen) => {
          const credits = creditFacts(scenario);
          const dimension = credits.dimensions[d % credits.dimensions.length];
          fc.pre(dimension !== undefined && dimension.members.length > 0);
          const member = dimension.members[m % dimension.members.length] as (typeof dimension.members)[number];
          const indicator = (actual: string | { dimension: string; member: string }) => ({
            id: 'revenue',
            target: (targetFen / 100).toFixed(2),
            actual,
            parties: [
              { id: 'sales', weight: '0.5' },
              { id: 'product', weight: '0.3' },
              { id: 'delivery', weight: '0.2' },
            ],
            scoreTable: achievementTable,
            reward: { threshold: '1', amount: '30000.00' },
            severeMiss: { threshold: '0.7', deduction: '6000.00' },
          });
          const viaCredits = settleInterlock({
            currency: 'CNY',
            credits,
            indicators: [indicator({ dimension: dimension.id, member: member.id })],
          });
          const byHand = settleInterlock({ currency: 'CNY', indicators: [indicator(member.amount)] });
          const strip = (result: typeof viaCredits) =>
            result.indicators.map(({ actualSource: _source, trace: _trace, ...rest }) => ({
              ...rest,
              parties: rest.parties.map(({ trace: _t, ...party }) => party),
            }));
          expect(strip(viaCredits)).toEqual(strip(byHand));
          expect(viaCredits.indicators[0]?.actualSource).toEqual({ dimension: dimension.id, member: member.id });
          expect(viaCredits.totals).toEqual(byHand.totals);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('linkCoefficients on actual/target equals linkCoefficients on the coefficients companyCoefficients derives with the same map', () => {
    fc.assert(
      fc.property(linkCoefficientsArb, modeArb, (input, mode) => {
        const map = { kind: 'linear' as const, slope: 1, floor: '0.5', cap: '1.2' };
        const derived = input.companyKpis.filter((kpi) => kpi.actual !== undefined);
        const company =
          derived.length === 0
            ? []
            : companyCoefficients({
                kpis: derived.map((kpi) => ({
                  id: kpi.id,
                  actual: kpi.actual as string,
                  target: kpi.target as string,
                })),
                map,
                rounding: { mode },
              }).kpis;
        const coefficientOf = new Map(company.map((kpi) => [kpi.id, kpi.coefficient]));
        const direct = linkCoefficients({ ...input, achievementMap: map, rounding: { mode } });
        const twoStep = linkCoefficients({
          ...input,
          rounding: { mode },
          companyKpis: input.companyKpis.map((kpi) =>
            kpi.actual === undefined ? kpi : { id: kpi.id, coefficient: coefficientOf.get(kpi.id) },
          ),
        });
        expect(twoStep.departments.map((d) => [d.id, d.blended, d.uniform])).toEqual(
          direct.departments.map((d) => [d.id, d.blended, d.uniform]),
        );
        // And each blend is the oracle: B = round((1 − Σr)·D + Σ r·C, 4), uniform = round(D·C_u, 4).
        const c = new Map(direct.companyKpis.map((kpi) => [kpi.id, fraction(kpi.coefficient)]));
        const ratio: Record<string, Fraction> = {
          strong: fraction('0.25'),
          medium: fraction('0.12'),
          weak: fraction('0.03'),
        };
        for (const department of direct.departments) {
          const source = input.departments.find(
            (row) => row.id === department.id,
          ) as (typeof input.departments)[number];
          const own = roundFraction(fraction(source.coefficient), 4, mode);
          const uniform = roundFraction(mul(own, c.get(direct.uniformKpi) as Fraction), 4, mode);
          expect(same(fraction(department.uniform), uniform), `${department.id} uniform ${department.uniform}`).toBe(
            true,
          );
          if (source.exempt === true) continue;
          let rest: Fraction = { n: 1n, d: 1n };
          let linked: Fraction = { n: 0n, d: 1n };
          for (const [kpi, level] of Object.entries(source.relevance ?? {})) {
            const r = ratio[level as string] as Fraction;
            rest = add(rest, { n: -r.n, d: r.d });
            linked = add(linked, mul(r, c.get(kpi) as Fraction));
          }
          const blended = roundFraction(add(mul(rest, own), linked), 4, mode);
          expect(
            same(fraction(department.blended), blended),
            `${department.id} blended ${department.blended} vs ${blended.n}/10^4`,
          ).toBe(true);
        }
      }),
      { numRuns: runs(1000) },
    );
  });
});

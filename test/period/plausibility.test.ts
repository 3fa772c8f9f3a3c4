import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPeriod, type RunPeriodInput, type RunPeriodResult } from '../../src/index.js';
import { expectError, runs } from '../helpers.js';
import { scenarioArbitrary } from './arbitraries.js';
import { golden } from './golden.js';

const plausibility = (result: RunPeriodResult) =>
  result.reviewQueue
    .filter((item) => item.kind === 'plausibility')
    .map(({ code, id, subjects }) => [code, id, subjects]);

/** The result without its review queue: the figures. */
const figures = ({ reviewQueue: _queue, ...rest }: RunPeriodResult) => rest;

/**
 * The golden scenario with something implausible in it: zhao joins after the period (Q2 2026)
 * yet has a commission row and a deduction row; wang's deductions exceed his pay.
 */
const odd = (): RunPeriodInput => {
  const scenario = golden();
  scenario.org.people[0] = { ...scenario.org.people[0]!, start: '2026-08-01' };
  scenario.data!.commissions!.push({ id: 'c9', person: 'zhao', amount: '10.00', date: '2026-04-20' });
  scenario.data!.deductions!.push(
    { id: 'd9', person: 'zhao', amount: '30.00', reason: 'laptop' },
    { id: 'd8', person: 'wang', amount: '40000.00', reason: 'advance' },
  );
  return scenario;
};

describe('plausibility items in the review queue', () => {
  it('the golden scenario has none', () => {
    expect(runPeriod(golden()).reviewQueue).toEqual([]);
  });

  it('negativeNet: a statement total below zero, with the total in the reason', () => {
    // wang: 24000.00 base + 6300.00 bonus (2000.00 × 3 × 1.05) − 200.00 − 40000.00 = −9900.00
    const result = runPeriod(odd());
    expect(result.statements.find((s) => s.person === 'wang')!.total).toBe('-9900.00');
    const item = result.reviewQueue.find((i) => i.code === 'negativeNet' && i.id === 'wang')!;
    expect(item).toEqual({
      kind: 'plausibility',
      code: 'negativeNet',
      id: 'wang',
      subjects: ['wang'],
      reason: 'statement total -9900.00 CNY below zero: net pay is negative',
    });
  });

  it('noDaysEmployed: a person employed 0 days with commission and deduction rows, named by id', () => {
    const result = runPeriod(odd());
    const zhao = result.statements.find((s) => s.person === 'zhao')!;
    expect(zhao.employedDays).toBe(0);
    expect(result.reviewQueue.find((i) => i.code === 'noDaysEmployed')).toEqual({
      kind: 'plausibility',
      code: 'noDaysEmployed',
      id: 'zhao',
      subjects: ['zhao'],
      reason:
        'employed 0 of 91 days (2026-04-01…2026-06-30), yet 1 commission row (c9) and 1 deduction row (d9) attached',
    });
    // zhao's total is 10.00 − 30.00 = −20.00: both items, ordered by code, then id.
    expect(plausibility(result)).toEqual([
      ['negativeNet', 'wang', ['wang']],
      ['negativeNet', 'zhao', ['zhao']],
      ['noDaysEmployed', 'zhao', ['zhao']],
    ]);
  });

  it('noDaysEmployed: not raised for a person employed 0 days without rows, nor for one employed with rows', () => {
    const scenario = golden();
    scenario.org.people[0] = { ...scenario.org.people[0]!, start: '2026-08-01' };
    expect(runPeriod(scenario).statements.find((s) => s.person === 'zhao')!.employedDays).toBe(0);
    expect(runPeriod(scenario).reviewQueue).toEqual([]);
  });

  it('noDaysEmployed: lists the first five row ids and counts the rest', () => {
    const scenario = golden();
    scenario.org.people[0] = { ...scenario.org.people[0]!, start: '2026-08-01' };
    for (let i = 1; i <= 7; i++)
      scenario.data!.commissions!.push({ id: `z${i}`, person: 'zhao', amount: '1.00', date: '2026-04-20' });
    const item = runPeriod(scenario).reviewQueue.find((i) => i.code === 'noDaysEmployed')!;
    expect(item.reason).toBe(
      'employed 0 of 91 days (2026-04-01…2026-06-30), yet 7 commission rows (z1, z2, z3, z4, z5, … 2 more) attached',
    );
  });

  it("coefficientOutOfRange: a department coefficient outside the plan's declared range, bounds included", () => {
    // sales 0.9000, tech 1.0500
    const withRange = (min: string | number, max: string | number) => {
      const scenario = golden();
      scenario.plan.plausibility = { coefficient: { min, max } };
      return runPeriod(scenario);
    };
    expect(plausibility(withRange('0.95', '1.5'))).toEqual([['coefficientOutOfRange', 'sales', ['sales']]]);
    expect(withRange('0.95', '1.5').reviewQueue[0]!.reason).toBe(
      "coefficient 0.9000 outside the plan's plausible range 0.95…1.5",
    );
    expect(plausibility(withRange(0.5, 1))).toEqual([['coefficientOutOfRange', 'tech', ['tech']]]);
    expect(plausibility(withRange('0.9', '1.05'))).toEqual([]);
    expect(plausibility(withRange(2, 3)).map(([, id]) => id)).toEqual(['sales', 'tech']);
  });

  it('coefficientOutOfRange: names each segment of a prorated period', () => {
    const scenario = golden();
    scenario.plan.onVersionChange = 'prorate';
    scenario.plan.versions.push({ ...scenario.plan.versions[0]!, id: 'v2', effective: '2026-05-01' });
    scenario.plan.plausibility = { coefficient: { min: '1', max: '2' } };
    scenario.data!.deductions![0] = { ...scenario.data!.deductions![0]!, date: '2026-05-10' };
    expect(runPeriod(scenario).reviewQueue).toEqual([
      {
        kind: 'plausibility',
        code: 'coefficientOutOfRange',
        id: 'sales',
        subjects: ['sales'],
        reason:
          "coefficient 0.9000 (segment v1, 2026-04-01…2026-04-30), 0.9000 (segment v2, 2026-05-01…2026-06-30) outside the plan's plausible range 1…2",
      },
    ]);
  });

  it('refuses a malformed range', () => {
    const scenario = golden();
    (scenario.plan as { plausibility: unknown }).plausibility = { coefficient: { min: 'low', max: '2' } };
    expectError(() => runPeriod(scenario), 'INVALID_DECIMAL', ['plan', 'plausibility', 'coefficient', 'min']);
    (scenario.plan as { plausibility: unknown }).plausibility = { coefficient: { min: 1 }, extra: true };
    expectError(() => runPeriod(scenario), 'INVALID_INPUT');
  });

  it('does not change a figure of the run', () => {
    const scenario = odd();
    const plain = runPeriod(scenario);
    scenario.plan.plausibility = { coefficient: { min: 2, max: 3 } };
    const checked = runPeriod(scenario);
    expect(checked.reviewQueue.length).toBeGreaterThan(plain.reviewQueue.length);
    expect(figures(checked)).toEqual(figures(plain));
    expect(checked.checks.every((c) => c.holds)).toBe(true);
  });

  it('property: a declared range changes only the review queue; negativeNet lists exactly the negative totals', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const plain = runPeriod(scenario);
        const checked = runPeriod({
          ...scenario,
          plan: { ...scenario.plan, plausibility: { coefficient: { min: 2, max: 3 } } },
        });
        expect(figures(checked)).toEqual(figures(plain));
        const negative = plain.statements.filter((s) => s.total.startsWith('-')).map((s) => s.person);
        expect(plain.reviewQueue.filter((i) => i.code === 'negativeNet').map((i) => i.id)).toEqual(negative);
        const out = checked.reviewQueue.filter((i) => i.code === 'coefficientOutOfRange').map((i) => i.id);
        expect(new Set(out).size).toBe(out.length);
        const key = (i: { kind: string; code: string; id: string }) => [i.kind, i.code, i.id];
        const sorted = [...checked.reviewQueue].sort((a, b) => {
          const [x, y] = [key(a).join('\u0000'), key(b).join('\u0000')];
          return x < y ? -1 : x > y ? 1 : 0;
        });
        expect(checked.reviewQueue).toEqual(sorted);
      }),
      { numRuns: runs(200) },
    );
  });
});

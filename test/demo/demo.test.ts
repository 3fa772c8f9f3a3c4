import { describe, expect, it } from 'vitest';
import { demoScenario, runPeriod } from '../../src/index.js';
import { expectError } from '../helpers.js';
import { minorOf } from '../period/arbitraries.js';

describe('the demo company end to end', () => {
  const scenario = demoScenario();
  const result = runPeriod(scenario);

  it('has about 5,000 people, 60 % front line, over one quarter split by the 5G change', () => {
    expect(result.statements.length).toBe(5000);
    expect(result.statements.filter((s) => s.side === 'front').length).toBe(3000);
    expect(result.period).toEqual({ unit: 'quarter', start: '2026-04-01', end: '2026-06-30', days: 91 });
    expect(result.treatment).toBe('prorated');
    expect(result.changes.map((c) => c.version)).toEqual(['5g-push']);
    // Seed 001: the support pool is 10 % of front-line commission before 1 May and 15 % after.
    expect(result.pools.map((pool) => [pool.version, pool.rate, pool.contributors, pool.recipients])).toEqual([
      ['base-2026', '0.10', 3000, 2000],
      ['5g-push', '0.15', 3000, 2000],
    ]);
  });

  it('passes every reconciliation check, and each re-derived here from the inputs and the statements', () => {
    expect(result.checks.length).toBeGreaterThanOrEqual(4);
    for (const check of result.checks) expect(check.holds, `${check.id}: ${check.left} vs ${check.right}`).toBe(true);
    const m = (amount: string) => minorOf(amount, 2);
    const sums = new Map<string, bigint>();
    let statements = 0n;
    for (const statement of result.statements) {
      let lines = 0n;
      for (const line of statement.lines) {
        lines += m(line.amount);
        sums.set(line.kind, (sums.get(line.kind) ?? 0n) + m(line.amount));
      }
      expect(m(statement.total)).toBe(lines);
      statements += lines;
    }
    const gross = scenario.data!.commissions!.reduce((sum, row) => sum + m(String(row.amount)), 0n);
    const deductions = scenario.data!.deductions!.reduce((sum, row) => sum + m(String(row.amount)), 0n);
    const pool = m(result.totals.pool);
    const unallocated = m(result.totals.unallocated);
    expect((sums.get('commission') ?? 0n) + pool).toBe(gross);
    expect((sums.get('poolAward') ?? 0n) + unallocated).toBe(pool);
    expect(-(sums.get('deduction') ?? 0n)).toBe(deductions);
    const interlockRewards = sums.get('interlockReward') ?? 0n;
    const interlockDeductions = -(sums.get('interlockDeduction') ?? 0n);
    expect(statements).toBe(
      (sums.get('basePay') ?? 0n) +
        (sums.get('performanceBonus') ?? 0n) +
        interlockRewards +
        (sums.get('commission') ?? 0n) +
        pool -
        unallocated -
        deductions -
        interlockDeductions,
    );
    // The interlock: every dimension credits the facts' total, taken from the input; the 5G reward
    // (300,000.00, achievement ≥ 1) reaches the statements in full across both segments.
    const facts = scenario.data!.revenueFacts!.reduce((sum, fact) => sum + m(String(fact.amount)), 0n);
    for (const run of result.interlock!) {
      expect(m(run.total!)).toBe(facts);
      for (const dimension of run.dimensions) expect(m(dimension.credited)).toBe(facts);
    }
    const settled = result.interlock!.flatMap((run) => run.indicators);
    expect(settled.map((indicator) => [indicator.id, indicator.rewarded])).toEqual([['5g-revenue', true]]);
    expect(interlockRewards).toBe(m(settled[0]!.reward));
    expect(m(result.totals.statements)).toBe(statements);
    expect(m(result.totals.grossCommission)).toBe(gross);
  });

  it('is deterministic: the same options give the same scenario, another seed another company', () => {
    expect(JSON.stringify(demoScenario())).toBe(JSON.stringify(scenario));
    expect(JSON.stringify(demoScenario({ seed: 7 }))).not.toBe(JSON.stringify(scenario));
  });

  it('refuses bad options', () => {
    expectError(() => demoScenario({ people: 0 }), 'INVALID_INPUT', ['people']);
  });
});

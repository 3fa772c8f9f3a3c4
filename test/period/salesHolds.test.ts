/**
 * Holds on commissions computed from sales (issue 19 §6 with §4): under `plan.holdUntilCollected`
 * a sale not collected by the period's end has its part of the person's commission held — the
 * commission computed on every sale (it counts for the rate bands when made), split over the
 * sales by amount — and released, as earned, in the period its customer pays.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPeriod, traceInputWords, type RunPeriodInput } from '../../src/index.js';
import { expectError, runs } from '../helpers.js';

const example = (): RunPeriodInput => {
  const scenario = JSON.parse(readFileSync('examples/scenarios/sales-commissions.json', 'utf8')) as RunPeriodInput;
  scenario.plan.holdUntilCollected = true;
  scenario.data!.sales![0]!.collected = '2026-04-25';
  scenario.data!.sales![1]!.collected = null;
  return scenario;
};
const commissionLine = (result: ReturnType<typeof runPeriod>) =>
  result.statements.find((s) => s.person === 'a')!.lines.find((l) => l.kind === 'commission')!;

describe('holds on commissions computed from sales', () => {
  it('s2 (100,000 of a 250,000 base) unpaid: 32,400.00 × 100/250 = 12,960.00 held, 19,440.00 paid less 10 %', () => {
    const result = runPeriod(example());
    expect(result.holds!.held).toEqual([
      { id: 's2', person: 'a', amount: '12960.00', earned: '2026-04-20', version: 'v1', collected: null },
    ]);
    expect(result.holds!.totals).toMatchObject({ newlyHeld: '12960.00', closing: '12960.00' });
    expect(result.totals.grossCommission).toBe('19440.00');
    expect(result.totals.pool).toBe('1944.00');
    const line = commissionLine(result);
    expect(line.amount).toBe('17496.00');
    const held = line.trace.find((s) => s.rule === 'statement.salesHeld')!;
    expect(held).toMatchObject({ result: '12960.00', inputs: { commission: '32400.00', base: '250000.00' } });
    for (const input of Object.keys(held.inputs)) expect(traceInputWords(held.rule, input)).not.toBeNull();
    expect(result.checks.every((check) => check.holds)).toBe(true);
  });

  it('the rate is the one earned on the whole base: both collected later gives the same 32,400.00, all held', () => {
    const scenario = example();
    scenario.data!.sales![0]!.collected = null;
    const result = runPeriod(scenario);
    expect(result.holds!.totals.newlyHeld).toBe('32400.00');
    expect(result.totals.grossCommission).toBe('0.00');
  });

  it('released in May, as earned (12,960.00), carved by May’s pool', () => {
    const april = runPeriod(example());
    const may = example();
    may.period = { unit: 'month', start: '2026-05-01' };
    may.data!.sales = [];
    may.data!.heldCommissions = april.holds!.held.map((row) => ({ ...row, collected: '2026-05-10' }));
    const result = runPeriod(may);
    expect(result.holds!.released.map((row) => [row.id, row.amount])).toEqual([['s2', '12960.00']]);
    expect(result.totals.grossCommission).toBe('12960.00');
    expect(result.holds!.totals.closing).toBe('0.00');
  });

  it('a held sale id that is also a sale of the period is refused (it would be paid twice)', () => {
    const scenario = example();
    scenario.data!.heldCommissions = [
      { id: 's1', person: 'a', amount: '10.00', earned: '2026-03-01', version: 'v1', collected: null },
    ];
    expectError(() => runPeriod(scenario), 'HOLD_ALREADY_RELEASED', ['data', 'heldCommissions', 0, 'id']);
  });

  it('under holds, a sale may not share a commission row’s id (a hold is known by its id)', () => {
    const scenario = example();
    scenario.data!.commissions = [{ id: 's2', person: 'a', amount: '10.00', collected: null }];
    expectError(() => runPeriod(scenario), 'DUPLICATE_ID', ['data', 'sales', 1, 'id']);
  });

  it('a person employed no day of the period with sales is queued for review (noDaysEmployed)', () => {
    const scenario = example();
    scenario.org.people[0]!.end = '2026-03-20';
    const item = runPeriod(scenario).reviewQueue.find((row) => row.code === 'noDaysEmployed');
    expect(item?.reason).toContain('2 sale rows (s1, s2)');
  });

  it('property: paid + held = the commission computed on every sale, whatever is collected', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 0, max: 9_000_000 }), unpaid: fc.boolean() }), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const scenario = example();
          scenario.data!.sales = rows.map((row, i) => ({
            id: `s${i}`,
            person: 'a',
            amount: (row.amount / 100).toFixed(2),
            date: '2026-04-10',
            collected: row.unpaid ? null : '2026-04-30',
          }));
          const open = { ...scenario, plan: { ...scenario.plan, holdUntilCollected: false } };
          const all = runPeriod(open).totals.grossCommission;
          const result = runPeriod(scenario);
          const paid = Math.round(Number(result.totals.grossCommission) * 100);
          const held = Math.round(Number(result.holds!.totals.newlyHeld) * 100);
          expect(paid + held).toBe(Math.round(Number(all) * 100));
          expect(result.holds!.held.every((row) => Number(row.amount) >= 0)).toBe(true);
          expect(result.holds!.held.map((row) => row.id)).toEqual(
            rows.flatMap((row, i) => (row.unpaid ? [`s${i}`] : [])).sort(),
          );
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

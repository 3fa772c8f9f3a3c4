/**
 * Commissions inside the run (issue 19 §4): a plan version's `commissions` section computes each
 * person's commission from their `data.sales` (rate table, marginal or retroactive, and seed
 * 001's base modifier from `data.commissionMeasures`); the pool carves it like a gross row and
 * the statement traces it from the sales to the yuan.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCommissions, runPeriod, traceInputWords, type RunPeriodInput } from '../../src/index.js';
import { expectError } from '../helpers.js';

const EXAMPLE = 'examples/scenarios/sales-commissions.json';
const example = (): RunPeriodInput => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as RunPeriodInput;
const commissionOf = (input: RunPeriodInput, person: string) =>
  runPeriod(input)
    .statements.find((s) => s.person === person)!
    .lines.find((l) => l.kind === 'commission')!;

describe('commissions computed from sales', () => {
  it('a’s sales 150,000 + 100,000, resolution 0.92 → × 1.08 = 270,000 at the reached 12 % = 32,400.00, less 10 % carved', () => {
    const result = runPeriod(example());
    expect(result.totals.grossCommission).toBe('32400.00');
    expect(result.totals.pool).toBe('3240.00');
    const line = commissionOf(example(), 'a');
    expect(line.amount).toBe('29160.00');
    expect(line.trace.map((s) => s.rule)).toEqual([
      'statement.sales',
      'pool.modifier',
      'pool.adjustedBase',
      'pool.commission.retroactive',
      'statement.grossCommission',
      'pool.net',
      'statement.netCommission',
    ]);
    expect(line.trace[0]).toMatchObject({ inputs: { sales: '2 (s1, s2)' }, result: '250000.00' });
    for (const step of line.trace)
      for (const input of Object.keys(step.inputs))
        expect(traceInputWords(step.rule, input), `${step.rule} ${input}`).not.toBeNull();
  });

  it('equals computeCommissions on the same bases (the differential)', () => {
    const scenario = example();
    const settings = scenario.plan.versions[0]!.commissions!;
    const direct = computeCommissions({
      currency: 'CNY',
      ...settings,
      people: [{ id: 'a', base: '250000.00', measure: '0.92' }],
    });
    expect(runPeriod(scenario).totals.grossCommission).toBe(direct.people[0]!.commission);
  });

  it('marginal: each slice at its band’s rate', () => {
    const scenario = example();
    scenario.plan.versions[0]!.commissions!.method = 'marginal';
    // higherIsBetter bands: ≥ 200,000 at 12 %, below at 10 %: 200,000 × 0.10 + 70,000 × 0.12 = 28,400.00
    expect(runPeriod(scenario).totals.grossCommission).toBe('28400.00');
  });

  it('gross rows still count beside computed ones', () => {
    const scenario = example();
    scenario.data!.commissions = [{ id: 'c1', person: 'a', amount: '600.00', date: '2026-04-10' }];
    expect(runPeriod(scenario).totals.grossCommission).toBe('33000.00');
  });

  it('sales are not read by a plan without a commissions section', () => {
    const scenario = example();
    delete scenario.plan.versions[0]!.commissions;
    expect(runPeriod(scenario).totals.grossCommission).toBe('0.00');
  });
});

describe('commissions from sales: bad input', () => {
  it('a sale for an unknown person → UNKNOWN_REFERENCE', () => {
    const scenario = example();
    scenario.data!.sales![0]!.person = 'nobody';
    expectError(() => runPeriod(scenario), 'UNKNOWN_REFERENCE', ['data', 'sales', 0, 'person']);
  });
  it('a repeated sale id → DUPLICATE_ID at the second', () => {
    const scenario = example();
    scenario.data!.sales![1]!.id = 's1';
    expectError(() => runPeriod(scenario), 'DUPLICATE_ID', ['data', 'sales', 1, 'id']);
  });
  it('a sale outside the period → OUT_OF_RANGE', () => {
    const scenario = example();
    scenario.data!.sales![1]!.date = '2026-05-01';
    expectError(() => runPeriod(scenario), 'OUT_OF_RANGE', ['data', 'sales', 1, 'date']);
  });
  it('a negative sale → NEGATIVE_VALUE', () => {
    const scenario = example();
    scenario.data!.sales![1]!.amount = '-1.00';
    expectError(() => runPeriod(scenario), 'NEGATIVE_VALUE', ['data', 'sales', 1, 'amount']);
  });
  it('no measure for a person with a modifier table → INVALID_INPUT naming the person', () => {
    const scenario = example();
    scenario.data!.commissionMeasures = [];
    const error = expectError(() => runPeriod(scenario), 'INVALID_INPUT', ['data', 'commissionMeasures']);
    expect(error.issues[0]!.message).toMatch(/^a: /);
  });
  it('a rate above 1 in the plan’s rate table → OUT_OF_RANGE under the version’s commissions', () => {
    const scenario = example();
    scenario.plan.versions[0]!.commissions!.rateTable.bands[0]!.score = '1.2';
    const error = expectError(() => runPeriod(scenario), 'OUT_OF_RANGE');
    expect(error.issues[0]!.path.slice(0, 5)).toEqual(['plan', 'versions', 0, 'commissions', 'rateTable']);
  });
});

import { describe, expect, it } from 'vitest';
import { carvePool, computeCommissions, type CommissionsInput, type TierTable } from '../../src/index.js';
import { expectError } from '../helpers.js';

// Seed 001: each +5 % complaint resolution rate → +8 % commission base (from 90 %).
const modifierTable: TierTable = {
  direction: 'higherIsBetter',
  bands: [
    { bound: '0.95', score: '1.16', label: '≥ 95 %' },
    { bound: '0.90', score: '1.08', label: '≥ 90 %' },
    { score: '1', label: '< 90 %' },
  ],
};
const rateTable: TierTable = {
  direction: 'higherIsBetter',
  bands: [{ bound: 200000, score: '0.12' }, { score: '0.10' }],
};
const seed001: CommissionsInput = {
  currency: 'CNY',
  method: 'retroactive',
  rateTable,
  modifierTable,
  people: [
    { id: 'cs-a', base: '250000.00', measure: '0.88' },
    { id: 'cs-b', base: '192901.23', measure: '0.92' },
    { id: 'cs-c', base: '158045.95', measure: '0.96' },
  ],
};
const call = (input: unknown) => () => computeCommissions(input as CommissionsInput);

describe('computeCommissions', () => {
  it('seed 001: modifier by resolution rate, then the rate table → 30,000.00, 25,000.00, 18,333.33', () => {
    // a: 0.88 < 0.90 → × 1 → 250,000.00 ≥ 200,000 → × 0.12 = 30,000.00
    // b: 0.92 → × 1.08: 192,901.23 × 1.08 = 208,333.3284 → 208,333.33 → × 0.12 = 24,999.9996 → 25,000.00
    // c: 0.96 → × 1.16: 158,045.95 × 1.16 = 183,333.302 → 183,333.30 < 200,000 → × 0.10 = 18,333.33
    const result = computeCommissions(seed001);
    expect(result.people.map((row) => [row.id, row.modifier, row.adjustedBase, row.commission])).toEqual([
      ['cs-a', '1', '250000.00', '30000.00'],
      ['cs-b', '1.08', '208333.33', '25000.00'],
      ['cs-c', '1.16', '183333.30', '18333.33'],
    ]);
    expect(result.commission).toBe('73333.33');
    // …and 12 % of them is seed 001's pool of 8,800.00.
    const carve = carvePool({
      currency: 'CNY',
      rate: '0.12',
      commissions: result.people.map((row) => ({ id: row.id, amount: row.commission })),
    });
    expect(carve.pool).toBe('8800.00');
    expect(result.people[1]?.trace.map((step) => step.rule)).toEqual([
      'pool.modifier',
      'pool.adjustedBase',
      'pool.commission.retroactive',
    ]);
  });

  it('marginal: each slice at its own rate; slices add up to the commission', () => {
    // 250,000.00 marginal: 200,000 × 0.10 + 50,000 × 0.12 = 20,000 + 6,000 = 26,000.00
    const result = computeCommissions({
      currency: 'CNY',
      method: 'marginal',
      rateTable,
      people: [{ id: 'a', base: '250000.00' }],
    });
    const row = result.people[0];
    expect(row?.commission).toBe('26000.00');
    expect(row?.slices.map((slice) => [slice.from, slice.to, slice.rate, slice.commission])).toEqual([
      ['0.00', '200000.00', '0.10', '20000.00'],
      ['200000.00', '250000.00', '0.12', '6000.00'],
    ]);
  });

  it('caps a commission and says so', () => {
    const result = computeCommissions({
      currency: 'CNY',
      method: 'retroactive',
      rateTable,
      people: [{ id: 'a', base: '250000.00', cap: '28000' }],
    });
    expect([result.people[0]?.uncapped, result.people[0]?.commission, result.people[0]?.capped]).toEqual([
      '30000.00',
      '28000.00',
      true,
    ]);
  });

  it('refuses bad input', () => {
    expectError(
      call({
        ...seed001,
        rateTable: { direction: 'higherIsBetter', bands: [{ bound: 1, score: '1.5' }, { score: '0.1' }] },
      }),
      'OUT_OF_RANGE',
      ['rateTable', 'bands', 0, 'score'],
    );
    expectError(call({ ...seed001, people: [{ id: 'a', base: '-1', measure: 1 }] }), 'NEGATIVE_VALUE', [
      'people',
      0,
      'base',
    ]);
    expectError(call({ ...seed001, people: [{ id: 'a', base: '1', measure: 1, cap: -5 }] }), 'NEGATIVE_VALUE', [
      'people',
      0,
      'cap',
    ]);
    expectError(
      call({ ...seed001, people: [{ id: 'a', base: '1', measure: 1, currency: 'USD' }] }),
      'CURRENCY_MISMATCH',
      ['people', 0, 'currency'],
    );
    expectError(
      call({
        ...seed001,
        people: [
          { id: 'a', base: '1', measure: 1 },
          { id: 'a', base: '2', measure: 1 },
        ],
      }),
      'DUPLICATE_ID',
      ['people', 1, 'id'],
    );
    expectError(call({ ...seed001, people: [{ id: 'a', base: '1' }] }), 'INVALID_INPUT', ['people', 0, 'measure']);
    expectError(call({ ...seed001, people: [{ id: 'a', base: '1.001', measure: 1 }] }), 'INVALID_AMOUNT', [
      'people',
      0,
      'base',
    ]);
    expectError(
      call({
        ...seed001,
        modifierTable: { direction: 'higherIsBetter', bands: [{ bound: 1, score: '-1' }, { score: '-2' }] },
      }),
      'NEGATIVE_VALUE',
      ['modifierTable', 'bands', 0, 'score'],
    );
  });
});

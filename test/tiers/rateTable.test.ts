import { describe, expect, it } from 'vitest';
import { applyRateTable, type TierTable } from '../../src/index.js';
import { expectError } from '../helpers.js';

/** Brackets 0–10,000 at 5 %, 10,000–50,000 at 8 %, above 50,000 at 10 % (rates rise with the amount). */
const accelerator: TierTable = {
  direction: 'higherIsBetter',
  bands: [
    { bound: 50000, score: '0.10', label: '≥ 50k' },
    { bound: '10000', score: '0.08', label: '10k–50k' },
    { score: '0.05', label: '< 10k' },
  ],
};

const apply = (
  amount: string | number,
  method: 'marginal' | 'retroactive',
  table: TierTable = accelerator,
  currency = 'CNY',
) => applyRateTable({ table, amount, currency, method });

describe('applyRateTable: marginal vs retroactive (hand-computed)', () => {
  it('62,000.00: marginal 500 + 3,200 + 1,200 = 4,900.00; retroactive 62,000 × 10 % = 6,200.00', () => {
    const marginal = apply('62000.00', 'marginal');
    expect(marginal.amount).toBe('4900.00');
    expect(marginal.slices).toEqual([
      { band: 2, label: '< 10k', rate: '0.05', from: '0.00', to: '10000.00', base: '10000.00', amount: '500.00' },
      {
        band: 1,
        label: '10k–50k',
        rate: '0.08',
        from: '10000.00',
        to: '50000.00',
        base: '40000.00',
        amount: '3200.00',
      },
      { band: 0, label: '≥ 50k', rate: '0.10', from: '50000.00', to: '62000.00', base: '12000.00', amount: '1200.00' },
    ]);
    // 4,900 / 62,000 = 0.0790322… → 0.0790
    expect(marginal.effectiveRate).toBe('0.0790');
    const retroactive = apply('62000.00', 'retroactive');
    expect(retroactive.amount).toBe('6200.00');
    expect(retroactive.effectiveRate).toBe('0.1000');
    expect(retroactive.slices).toHaveLength(1);
    expect(retroactive.slices[0]).toMatchObject({
      band: 0,
      from: '0.00',
      to: '62000.00',
      base: '62000.00',
      amount: '6200.00',
    });
  });

  it('30,000.00: marginal 500 + 1,600 = 2,100.00 (7 %); retroactive 2,400.00 (8 %)', () => {
    expect(apply(30000, 'marginal').amount).toBe('2100.00');
    expect(apply(30000, 'marginal').effectiveRate).toBe('0.0700');
    expect(apply(30000, 'retroactive').amount).toBe('2400.00');
  });

  it('bounds are inclusive lower bounds: exactly 10,000 reaches 8 % retroactively; marginal is continuous there', () => {
    expect(apply('9999.99', 'retroactive').amount).toBe('500.00'); // 9,999.99 × 5 % = 499.9995 → 500.00
    expect(apply('10000.00', 'retroactive').amount).toBe('800.00');
    expect(apply('9999.99', 'marginal').amount).toBe('500.00');
    expect(apply('10000.00', 'marginal').amount).toBe('500.00');
    expect(apply('10000.01', 'marginal').amount).toBe('500.00'); // 500 + 0.0008 → 500.00
    expect(apply('50000.00', 'marginal').amount).toBe('3700.00');
    expect(apply('50000.00', 'retroactive').amount).toBe('5000.00');
  });

  it('a zero amount earns nothing and has no effective rate', () => {
    const result = apply(0, 'marginal');
    expect(result).toMatchObject({ amount: '0.00', effectiveRate: null, slices: [] });
    expect(apply(0, 'retroactive').amount).toBe('0.00');
  });

  it('rounds the exact commission once with the policy mode: 0.10 × 5 % = 0.5 fen', () => {
    expect(apply('0.10', 'marginal').amount).toBe('0.01');
    expect(
      applyRateTable({
        table: accelerator,
        amount: '0.10',
        currency: 'CNY',
        method: 'marginal',
        rounding: { mode: 'halfEven' },
      }).amount,
    ).toBe('0.00');
    expect(
      applyRateTable({
        table: accelerator,
        amount: '0.30',
        currency: 'CNY',
        method: 'retroactive',
        rounding: { mode: 'halfEven' },
      }).amount,
    ).toBe('0.02'); // 1.5 fen → 2
  });

  it('slices add up to the commission: half-fen slices are not each rounded up', () => {
    // Two brackets at 5 %: 0.10 CNY each → 0.5 fen + 0.5 fen = 1 fen, not 2.
    const flat: TierTable = {
      direction: 'higherIsBetter',
      bands: [{ bound: '0.10', score: '0.05' }, { score: '0.05' }],
    };
    const result = apply('0.20', 'marginal', flat);
    expect(result.amount).toBe('0.01');
    expect(result.slices.map((slice) => slice.amount)).toEqual(['0.01', '0.00']);
  });

  it('works in currencies without minor units (JPY) and with three (KWD)', () => {
    expect(apply(62000, 'marginal', accelerator, 'JPY').amount).toBe('4900');
    expect(apply('62000.125', 'marginal', accelerator, 'KWD').amount).toBe('4900.013'); // + 0.125 × 10 % = 0.0125 → 0.013
  });

  it('a lowerIsBetter table is a decelerator: ≤ 10,000 at 10 %, ≤ 50,000 at 8 %, above at 5 %', () => {
    const decelerator: TierTable = {
      direction: 'lowerIsBetter',
      bands: [{ bound: 10000, score: '0.10' }, { bound: 50000, score: '0.08' }, { score: '0.05' }],
    };
    expect(apply(62000, 'marginal', decelerator).amount).toBe('4800.00'); // 1,000 + 3,200 + 600
    expect(apply(62000, 'retroactive', decelerator).amount).toBe('3100.00'); // 62,000 × 5 %
    expect(apply(10000, 'retroactive', decelerator).amount).toBe('1000.00'); // inclusive upper bound
    expect(apply('10000.01', 'retroactive', decelerator).amount).toBe('800.00'); // 10,000.01 × 8 % = 800.0008
  });

  it('traces every slice and the rounding', () => {
    const { trace } = apply('62000.00', 'marginal');
    expect(trace.map((step) => step.rule)).toEqual([
      'tiers.rateSlice',
      'tiers.rateSlice',
      'tiers.rateSlice',
      'tiers.marginal',
      'tiers.effectiveRate',
    ]);
    expect(trace[1]?.result).toBe('3200');
    expect(trace[3]?.inputs.exact).toBe('4900');
  });
});

describe('applyRateTable: bad input', () => {
  it('INVALID_INPUT for interpolate on a rate table, or an unknown method', () => {
    expectError(() => apply(1, 'marginal', { ...accelerator, interpolate: true }), 'INVALID_INPUT', [
      'table',
      'interpolate',
    ]);
    expectError(
      () => applyRateTable({ table: accelerator, amount: 1, currency: 'CNY', method: 'flat' as 'marginal' }),
      'INVALID_INPUT',
      ['method'],
    );
  });
  it('TIER_UNIT_MISMATCH for a duration table', () => {
    expectError(
      () =>
        apply(1, 'marginal', {
          direction: 'higherIsBetter',
          unit: 'duration',
          bands: [{ bound: 60, score: '0.1' }, { score: '0.05' }],
        }),
      'TIER_UNIT_MISMATCH',
      ['table', 'unit'],
    );
  });
  it('NEGATIVE_VALUE for a negative rate, bound or amount', () => {
    expectError(
      () => apply(1, 'marginal', { direction: 'lowerIsBetter', bands: [{ bound: 5, score: '0' }, { score: '-0.01' }] }),
      'NEGATIVE_VALUE',
      ['table', 'bands', 1, 'score'],
    );
    expectError(
      () =>
        apply(1, 'marginal', {
          direction: 'higherIsBetter',
          bands: [{ bound: 5, score: '0.1' }, { bound: -5, score: '0.05' }, { score: 0 }],
        }),
      'NEGATIVE_VALUE',
      ['table', 'bands', 1, 'bound'],
    );
    expectError(() => apply('-0.01', 'marginal'), 'NEGATIVE_VALUE', ['amount']);
  });
  it('OUT_OF_RANGE for a rate above 1', () => {
    expectError(
      () => apply(1, 'marginal', { direction: 'higherIsBetter', bands: [{ bound: 5, score: 8 }, { score: '0.05' }] }),
      'OUT_OF_RANGE',
      ['table', 'bands', 0, 'score'],
    );
  });
  it('INVALID_AMOUNT for a bound or amount finer than the currency’s minor unit', () => {
    expectError(
      () =>
        apply(1, 'marginal', {
          direction: 'higherIsBetter',
          bands: [{ bound: '100.005', score: '0.1' }, { score: '0.05' }],
        }),
      'INVALID_AMOUNT',
      ['table', 'bands', 0, 'bound'],
    );
    expectError(() => apply('1.5', 'marginal', accelerator, 'JPY'), 'INVALID_AMOUNT', ['amount']);
  });
  it('UNKNOWN_CURRENCY and INVALID_DECIMAL', () => {
    expectError(() => apply(1, 'marginal', accelerator, 'XYZ'), 'UNKNOWN_CURRENCY', ['currency']);
    expectError(() => apply('1e3', 'marginal'), 'INVALID_DECIMAL', ['amount']);
  });
  it('the table codes of tierScore apply to rate tables too', () => {
    expectError(
      () =>
        apply(1, 'marginal', {
          direction: 'higherIsBetter',
          bands: [{ bound: 10000, score: '0.05' }, { score: '0.08' }],
        }),
      'TIER_SCORES_NOT_MONOTONE',
      ['table', 'bands', 1, 'score'],
    );
    expectError(
      () =>
        apply(1, 'marginal', {
          direction: 'higherIsBetter',
          bands: [{ bound: 10000, score: '0.1' }, { bound: 50000, score: '0.08' }, { score: 0 }],
        }),
      'TIER_BOUNDS_NOT_ORDERED',
    );
  });
});

/** The worked examples of docs/tiers.md, number by number. */
import { describe, expect, it } from 'vitest';
import { Dec, multiplyMinor } from '../../src/core/decimal.js';
import { applyRateTable, tierScore, type TierTable } from '../../src/index.js';

describe('docs/tiers.md worked examples', () => {
  const response: TierTable = {
    direction: 'lowerIsBetter',
    unit: 'duration',
    bands: [
      { bound: { hours: 1 }, score: 100, label: '≤ 1 h' },
      { bound: { hours: 2 }, score: 80, label: '1–2 h' },
      { score: 60, label: '> 2 h' },
    ],
  };

  it('example 1: seed 001 response tiers, step and interpolated', () => {
    // [ms, band, step, interpolated] — the guide's table, hand-computed there.
    const rows: [number, number, string, string][] = [
      [1_800_000, 0, '100.00', '100.00'],
      [3_600_000, 0, '100.00', '100.00'],
      [3_600_001, 1, '80.00', '100.00'],
      [5_400_000, 1, '80.00', '90.00'],
      [6_000_000, 1, '80.00', '86.67'],
      [7_200_000, 1, '80.00', '80.00'],
      [7_200_001, 2, '60.00', '60.00'],
    ];
    for (const [value, band, step, interpolated] of rows) {
      const result = tierScore({ table: response, value });
      expect([result.band, result.score]).toEqual([band, step]);
      expect(tierScore({ table: { ...response, interpolate: true }, value }).score).toBe(interpolated);
    }
  });

  it('example 2: the commission accelerator on 62,000.00 CNY', () => {
    const accelerator: TierTable = {
      direction: 'higherIsBetter',
      bands: [{ bound: 50000, score: '0.10' }, { bound: 10000, score: '0.08' }, { score: '0.05' }],
    };
    const marginal = applyRateTable({ table: accelerator, amount: '62000.00', currency: 'CNY', method: 'marginal' });
    expect(marginal.slices.map((slice) => [slice.base, slice.amount])).toEqual([
      ['10000.00', '500.00'],
      ['40000.00', '3200.00'],
      ['12000.00', '1200.00'],
    ]);
    expect(marginal.amount).toBe('4900.00');
    expect(marginal.effectiveRate).toBe('0.0790');
    expect(
      applyRateTable({ table: accelerator, amount: '62000.00', currency: 'CNY', method: 'retroactive' }).amount,
    ).toBe('6200.00');
    expect(
      applyRateTable({ table: accelerator, amount: '9999.99', currency: 'CNY', method: 'retroactive' }).amount,
    ).toBe('500.00');
    expect(
      applyRateTable({ table: accelerator, amount: '10000.00', currency: 'CNY', method: 'retroactive' }).amount,
    ).toBe('800.00');
  });

  it('example 3: the seed 001 commission base modifier', () => {
    const baseModifier: TierTable = {
      direction: 'higherIsBetter',
      bands: [
        { bound: '1.00', score: '1.24' },
        { bound: '0.95', score: '1.16' },
        { bound: '0.90', score: '1.08' },
        { score: '1.00' },
      ],
    };
    expect(tierScore({ table: baseModifier, value: '0.93' }).score).toBe('1.08');
    const at95 = tierScore({ table: baseModifier, value: '0.95' }).score;
    expect(at95).toBe('1.16');
    expect(multiplyMinor(1_000_000n, new Dec(at95), 'halfUp')).toBe(1_160_000n);
  });
});

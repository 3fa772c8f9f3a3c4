import { describe, expect, it } from 'vitest';
import { Dec, multiplyMinor } from '../../src/core/decimal.js';
import { tierScore, type TierTable } from '../../src/index.js';
import { scaleTierTable } from '../../src/tiers/scaleTierTable.js';
import { compileTierTable, scoreOfNumber } from '../../src/tiers/tierScore.js';
import { expectError } from '../helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Interpolation anchors: every bound carries its own band's score. A value in an interior band i
 * lies on the line from (b₍ᵢ₋₁₎, s₍ᵢ₋₁₎) to (bᵢ, sᵢ); the first band and the open last band keep
 * their step score.
 */
describe('interpolate: linear scores between band anchors (hand-computed)', () => {
  // Seed 001 table, interpolated: anchors (60 min, 100) and (120 min, 80).
  const response: TierTable = {
    direction: 'lowerIsBetter',
    unit: 'duration',
    interpolate: true,
    bands: [{ bound: { hours: 1 }, score: 100 }, { bound: { hours: 2 }, score: 80 }, { score: 60 }],
  };
  const cases: [string, number, string][] = [
    ['30 min: first band, flat', 30 * MINUTE, '100.00'],
    ['60 min: anchor of band 0', HOUR, '100.00'],
    ['60 min 1 ms: 100 − 20 × 1/3,600,000 = 99.9999944… → 100.00', HOUR + 1, '100.00'],
    ['75 min: 100 − 20 × 15/60 = 95', 75 * MINUTE, '95.00'],
    ['90 min: 100 − 20 × 30/60 = 90', 90 * MINUTE, '90.00'],
    ['100 min: 100 − 20 × 40/60 = 86.666… → 86.67', 100 * MINUTE, '86.67'],
    ['110 min: 100 − 20 × 50/60 = 83.333… → 83.33', 110 * MINUTE, '83.33'],
    ['120 min: anchor of band 1', 2 * HOUR, '80.00'],
    ['120 min 1 ms: the open last band keeps its step', 2 * HOUR + 1, '60.00'],
  ];
  for (const [name, value, score] of cases) {
    it(name, () => {
      expect(tierScore({ table: response, value }).score).toBe(score);
      expect(scoreOfNumber(compileTierTable(response, ['table']), value).score.toFixed(2)).toBe(score);
    });
  }

  it('higherIsBetter: ≥ 1.2 → 120, ≥ 1.0 → 100, ≥ 0.8 → 80, else 0', () => {
    const attainment: TierTable = {
      direction: 'higherIsBetter',
      interpolate: true,
      bands: [{ bound: '1.2', score: 120 }, { bound: '1.0', score: 100 }, { bound: '0.8', score: 80 }, { score: 0 }],
    };
    const score = (value: string) => tierScore({ table: attainment, value }).score;
    expect(score('1.5')).toBe('120.00'); // first band, flat
    expect(score('1.2')).toBe('120.00');
    expect(score('1.1')).toBe('110.00'); // 120 + (100 − 120)(1.1 − 1.2)/(1.0 − 1.2) = 120 − 10
    expect(score('1.0')).toBe('100.00');
    expect(score('0.85')).toBe('85.00'); // 100 + (80 − 100)(0.85 − 1.0)/(0.8 − 1.0) = 100 − 15
    expect(score('0.8')).toBe('80.00');
    expect(score('0.79')).toBe('0.00'); // open band: step
  });

  it('rounds the exact line value once: 99.985 is 99.99 half-up and 99.98 half-even', () => {
    // Anchors (0, 100) and (1000, 0): v = 0.15 → 100 − 100 × 0.15/1000 = 99.985 exactly.
    const table: TierTable = {
      direction: 'lowerIsBetter',
      interpolate: true,
      bands: [{ bound: 0, score: 100 }, { bound: 1000, score: 0 }, { score: 0 }],
    };
    expect(tierScore({ table, value: '0.15' }).score).toBe('99.99');
    expect(tierScore({ table, value: '0.15', rounding: { mode: 'halfEven' } }).score).toBe('99.98');
    expect(tierScore({ table, value: '0.15', rounding: { scoreDecimals: 3 } }).score).toBe('99.985');
  });

  it('rounds exact halves of integer values by the mode on both paths: 1 − v/8 at v = 1 is 0.875, at v = 3 is 0.625', () => {
    const table: TierTable = {
      direction: 'lowerIsBetter',
      interpolate: true,
      bands: [{ bound: 0, score: 1 }, { bound: 8, score: 0 }, { score: 0 }],
    };
    const halfEven = compileTierTable(table, ['table'], { mode: 'halfEven', scoreDecimals: 2, coefficientDecimals: 4 });
    const halfUp = compileTierTable(table, ['table']);
    expect(scoreOfNumber(halfEven, 1).score.toFixed(2)).toBe('0.88'); // 87.5 → odd 87 rounds up to even 88
    expect(scoreOfNumber(halfEven, 3).score.toFixed(2)).toBe('0.62'); // 62.5 → even 62 stays
    expect(scoreOfNumber(halfUp, 1).score.toFixed(2)).toBe('0.88');
    expect(scoreOfNumber(halfUp, 3).score.toFixed(2)).toBe('0.63');
    expect(tierScore({ table, value: 3, rounding: { mode: 'halfEven' } }).score).toBe('0.62');
    expect(tierScore({ table, value: 3 }).score).toBe('0.63');
  });

  it('a two-band table has no interior band, so interpolate changes nothing', () => {
    const table: TierTable = {
      direction: 'lowerIsBetter',
      interpolate: true,
      bands: [{ bound: 10, score: 100 }, { score: 0 }],
    };
    expect(tierScore({ table, value: 5 }).score).toBe('100.00');
    expect(tierScore({ table, value: 11 }).score).toBe('0.00');
  });

  it('traces the anchors it used', () => {
    const step = tierScore({ table: response, value: 90 * MINUTE }).trace[1];
    expect(step?.rule).toBe('tiers.interpolate');
    expect(step?.inputs).toMatchObject({ b0: '3600000', b1: '7200000', s0: '100', s1: '80', v: '5400000' });
  });
});

describe('seed 001: "每提高 5 % 解决率, 提成基数增加 8 %" as a tier table', () => {
  // Resolution rate from the 85 % baseline (seed 001: 85 % → 95 %); each full 5 points adds 8 %
  // to the commission base (additively: 1.08, 1.16, 1.24).
  const baseModifier: TierTable = {
    direction: 'higherIsBetter',
    bands: [
      { bound: '1.00', score: '1.24', label: '+15 pts' },
      { bound: '0.95', score: '1.16', label: '+10 pts' },
      { bound: '0.90', score: '1.08', label: '+5 pts' },
      { score: '1.00', label: 'baseline' },
    ],
  };
  const multiplier = (rate: string) => tierScore({ table: baseModifier, value: rate }).score;

  it('steps at every full 5 points above 85 %', () => {
    expect(multiplier('0.85')).toBe('1.00');
    expect(multiplier('0.8999')).toBe('1.00');
    expect(multiplier('0.90')).toBe('1.08');
    expect(multiplier('0.93')).toBe('1.08');
    expect(multiplier('0.95')).toBe('1.16');
    expect(multiplier('1')).toBe('1.24');
  });

  it('85 % → 95 % raises a 10,000.00 commission base to 11,600.00', () => {
    const base = 1_000_000n; // fen
    expect(multiplyMinor(base, new Dec(multiplier('0.85')), 'halfUp')).toBe(1_000_000n);
    expect(multiplyMinor(base, new Dec(multiplier('0.95')), 'halfUp')).toBe(1_160_000n); // 10,000 × 1.16
  });
});

describe('scaleTierTable: elastic targets (seed 004: 24 h → 48 h under surging demand)', () => {
  const feasibility: TierTable = {
    direction: 'lowerIsBetter',
    unit: 'duration',
    bands: [{ bound: { hours: 24 }, score: 100 }, { bound: 2880, score: 60 }, { score: 0 }],
  };

  it('multiplies Duration and minute bounds exactly and keeps everything else', () => {
    const relaxed = scaleTierTable(feasibility, 2);
    expect(relaxed).toEqual({
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [{ bound: { hours: '48' }, score: 100 }, { bound: '5760', score: 60 }, { score: 0 }],
    });
    expect(feasibility.bands[0]?.bound).toEqual({ hours: 24 }); // input untouched
    expect(tierScore({ table: feasibility, value: 30 * HOUR }).score).toBe('60.00');
    expect(tierScore({ table: relaxed, value: 30 * HOUR }).score).toBe('100.00');
    expect(tierScore({ table: relaxed, value: 48 * HOUR }).score).toBe('100.00');
    expect(tierScore({ table: relaxed, value: 48 * HOUR + 1 }).score).toBe('60.00');
  });

  it('scales by decimal factors exactly: 0.1 × 3 is 0.3, not 0.30000000000000004', () => {
    const table: TierTable = { direction: 'higherIsBetter', bands: [{ bound: '0.1', score: 1 }, { score: 0 }] };
    expect(scaleTierTable(table, 3).bands[0]?.bound).toBe('0.3');
    expect(scaleTierTable(table, '1.5').bands[0]?.bound).toBe('0.15');
  });

  it('refuses a factor that is not a decimal > 0, and an invalid table', () => {
    expectError(() => scaleTierTable(feasibility, 0), 'OUT_OF_RANGE', ['factor']);
    expectError(() => scaleTierTable(feasibility, '-2'), 'OUT_OF_RANGE', ['factor']);
    expectError(() => scaleTierTable(feasibility, 'two'), 'INVALID_DECIMAL', ['factor']);
    expectError(
      () => scaleTierTable({ direction: 'lowerIsBetter', bands: [{ score: 1 }, { score: 0 }] }, 2),
      'TIER_BOUND_MISSING',
      ['table', 'bands', 0, 'bound'],
    );
  });
});

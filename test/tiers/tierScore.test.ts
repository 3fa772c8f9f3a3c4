import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { tierScore, type TierTable } from '../../src/index.js';
import { compileTierTable, scoreOf, scoreOfNumber } from '../../src/tiers/tierScore.js';
import { expectError } from '../helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Seed 001: response ≤ 1 h → 100, 1–2 h → 80, > 2 h → 60, written with Duration bounds. */
const responseTable: TierTable = {
  direction: 'lowerIsBetter',
  unit: 'duration',
  bands: [
    { bound: { hours: 1 }, score: 100, label: '≤ 1 h' },
    { bound: { hours: 2 }, score: 80, label: '1–2 h' },
    { score: 60, label: '> 2 h' },
  ],
};

/** The same table with bounds in minutes. */
const responseTableMinutes: TierTable = {
  direction: 'lowerIsBetter',
  unit: 'duration',
  bands: [{ bound: 60, score: 100 }, { bound: '120', score: 80 }, { score: 60 }],
};

/** Attainment table: ≥ 1.2 → 120, ≥ 1.0 → 100, else 0. */
const attainmentTable: TierTable = {
  direction: 'higherIsBetter',
  bands: [{ bound: '1.2', score: 120 }, { bound: '1.0', score: 100 }, { score: 0 }],
};

describe('tierScore: seed 001 boundaries (lowerIsBetter, Duration bounds)', () => {
  const cases: [string, number, string, number][] = [
    ['0 ms', 0, '100.00', 0],
    ['59 min 59.999 s', HOUR - 1, '100.00', 0],
    ['exactly 60 min', HOUR, '100.00', 0],
    ['60 min 0.001 s', HOUR + 1, '80.00', 1],
    ['90 min', 90 * MINUTE, '80.00', 1],
    ['exactly 120 min', 2 * HOUR, '80.00', 1],
    ['120 min 1 ms', 2 * HOUR + 1, '60.00', 2],
    ['four hours', 4 * HOUR, '60.00', 2],
  ];
  for (const [name, value, score, band] of cases) {
    it(`${name} → ${score}`, () => {
      const result = tierScore({ table: responseTable, value });
      expect(result.score).toBe(score);
      expect(result.band).toBe(band);
      expect(tierScore({ table: responseTableMinutes, value: String(value) }).score).toBe(score);
      // The compiled fast path agrees with the public function.
      const compiled = compileTierTable(responseTable, ['table']);
      expect(scoreOfNumber(compiled, value).score.toFixed(2)).toBe(score);
      expect(scoreOf(compiled, new Dec(value)).band).toBe(band);
    });
  }

  it('reports the label and a trace naming the band and its bound', () => {
    const result = tierScore({ table: responseTable, value: HOUR + 1 });
    expect(result.label).toBe('1–2 h');
    expect(result.trace[0]?.rule).toBe('tiers.band');
    expect(result.trace[0]?.inputs.bound).toBe('7200000 ms (2 h)');
    expect(result.trace.at(-1)?.result).toBe('80.00');
  });

  it('reads mixed Duration fields: { hours: 1, minutes: 30 } is 90 minutes', () => {
    const table: TierTable = {
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [{ bound: { hours: 1, minutes: 30 }, score: 1 }, { score: 0 }],
    };
    expect(tierScore({ table, value: 90 * MINUTE }).score).toBe('1.00');
    expect(tierScore({ table, value: 90 * MINUTE + 1 }).score).toBe('0.00');
  });

  it('treats a day as 24 h and a week as 7 days of measured time', () => {
    const table: TierTable = {
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [{ bound: { days: 1 }, score: 3 }, { bound: { weeks: 1 }, score: 2 }, { score: 1 }],
    };
    expect(tierScore({ table, value: 24 * HOUR }).band).toBe(0);
    expect(tierScore({ table, value: 24 * HOUR + 1 }).band).toBe(1);
    expect(tierScore({ table, value: 7 * 24 * HOUR }).band).toBe(1);
    expect(tierScore({ table, value: 7 * 24 * HOUR + 1 }).band).toBe(2);
  });
});

describe('tierScore: higherIsBetter (inclusive lower bounds)', () => {
  it('1.2 → 120, 1.19999 → 100, 1.0 → 100, 0.9999 → 0', () => {
    expect(tierScore({ table: attainmentTable, value: '1.5' }).score).toBe('120.00');
    expect(tierScore({ table: attainmentTable, value: '1.2' }).score).toBe('120.00');
    expect(tierScore({ table: attainmentTable, value: '1.19999' }).score).toBe('100.00');
    expect(tierScore({ table: attainmentTable, value: 1 }).score).toBe('100.00');
    expect(tierScore({ table: attainmentTable, value: '0.9999' }).score).toBe('0.00');
    expect(tierScore({ table: attainmentTable, value: '-3' }).band).toBe(2);
  });

  it('a one-band table scores every value the same', () => {
    expect(tierScore({ table: { direction: 'higherIsBetter', bands: [{ score: 7 }] }, value: 123 }).score).toBe('7.00');
  });

  it('rounds scores with the policy (half-even keeps 12.345 at 12.34, half-up gives 12.35)', () => {
    const table: TierTable = { direction: 'higherIsBetter', bands: [{ score: '12.345' }] };
    expect(tierScore({ table, value: 0 }).score).toBe('12.35');
    expect(tierScore({ table, value: 0, rounding: { mode: 'halfEven' } }).score).toBe('12.34');
    expect(tierScore({ table, value: 0, rounding: { scoreDecimals: 0 } }).score).toBe('12');
  });
});

describe('tierScore: bad input', () => {
  const bands = (list: TierTable['bands']): TierTable => ({ direction: 'lowerIsBetter', bands: list });

  it('TIER_BOUND_MISSING when a band other than the last has no bound', () => {
    expectError(
      () => tierScore({ table: bands([{ score: 100 }, { bound: 5, score: 80 }, { score: 60 }]), value: 1 }),
      'TIER_BOUND_MISSING',
      ['table', 'bands', 0, 'bound'],
    );
  });
  it('TIER_LAST_BAND_BOUNDED when the last band has a bound', () => {
    expectError(
      () =>
        tierScore({
          table: bands([
            { bound: 1, score: 100 },
            { bound: 2, score: 80 },
          ]),
          value: 1,
        }),
      'TIER_LAST_BAND_BOUNDED',
      ['table', 'bands', 1, 'bound'],
    );
  });
  it('TIER_BOUNDS_NOT_ORDERED for descending or repeated bounds in a lowerIsBetter table', () => {
    expectError(
      () =>
        tierScore({ table: bands([{ bound: 120, score: 100 }, { bound: 60, score: 80 }, { score: 60 }]), value: 1 }),
      'TIER_BOUNDS_NOT_ORDERED',
      ['table', 'bands', 1, 'bound'],
    );
    expectError(
      () =>
        tierScore({ table: bands([{ bound: 60, score: 100 }, { bound: '60.0', score: 80 }, { score: 60 }]), value: 1 }),
      'TIER_BOUNDS_NOT_ORDERED',
      ['table', 'bands', 1, 'bound'],
    );
  });
  it('TIER_BOUNDS_NOT_ORDERED for ascending bounds in a higherIsBetter table', () => {
    expectError(
      () =>
        tierScore({
          table: {
            direction: 'higherIsBetter',
            bands: [{ bound: 1, score: 100 }, { bound: '1.2', score: 80 }, { score: 0 }],
          },
          value: 1,
        }),
      'TIER_BOUNDS_NOT_ORDERED',
      ['table', 'bands', 1, 'bound'],
    );
  });
  it('TIER_BOUNDS_NOT_ORDERED for Duration bounds out of order ({ hours: 2 } before 90 minutes)', () => {
    expectError(
      () =>
        tierScore({
          table: {
            direction: 'lowerIsBetter',
            unit: 'duration',
            bands: [{ bound: { hours: 2 }, score: 100 }, { bound: 90, score: 80 }, { score: 60 }],
          },
          value: 1,
        }),
      'TIER_BOUNDS_NOT_ORDERED',
      ['table', 'bands', 1, 'bound'],
    );
  });
  it('TIER_SCORES_NOT_MONOTONE when a worse band scores more than a better one', () => {
    expectError(
      () =>
        tierScore({ table: bands([{ bound: 60, score: 80 }, { bound: 120, score: 100 }, { score: 60 }]), value: 1 }),
      'TIER_SCORES_NOT_MONOTONE',
      ['table', 'bands', 1, 'score'],
    );
    expectError(
      () =>
        tierScore({
          table: { direction: 'higherIsBetter', bands: [{ bound: 1, score: 100 }, { score: '100.01' }] },
          value: 1,
        }),
      'TIER_SCORES_NOT_MONOTONE',
      ['table', 'bands', 1, 'score'],
    );
  });
  it('TIER_DURATION_NOT_FIXED for months or years in a Duration bound', () => {
    const monthly = {
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [{ bound: { months: 1 }, score: 100 }, { score: 60 }],
    };
    expectError(() => tierScore({ table: monthly as unknown as TierTable, value: 1 }), 'TIER_DURATION_NOT_FIXED', [
      'table',
      'bands',
      0,
      'bound',
      'months',
    ]);
    const yearly = {
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [{ bound: { years: 1, hours: 1 }, score: 100 }, { score: 60 }],
    };
    expectError(() => tierScore({ table: yearly as unknown as TierTable, value: 1 }), 'TIER_DURATION_NOT_FIXED', [
      'table',
      'bands',
      0,
      'bound',
      'years',
    ]);
  });
  it('TIER_UNIT_MISMATCH for a Duration bound in a table without unit "duration"', () => {
    expectError(
      () => tierScore({ table: bands([{ bound: { hours: 1 }, score: 100 }, { score: 60 }]), value: 1 }),
      'TIER_UNIT_MISMATCH',
      ['table', 'bands', 0, 'bound'],
    );
  });
  it('INVALID_DECIMAL for a bound, score or value that is not a plain decimal', () => {
    expectError(
      () => tierScore({ table: bands([{ bound: '1e3', score: 100 }, { score: 60 }]), value: 1 }),
      'INVALID_DECIMAL',
      ['table', 'bands', 0, 'bound'],
    );
    expectError(
      () => tierScore({ table: bands([{ bound: 1, score: Number.NaN }, { score: 60 }]), value: 1 }),
      'INVALID_DECIMAL',
      ['table', 'bands', 0, 'score'],
    );
    expectError(() => tierScore({ table: bands([{ score: 60 }]), value: '1,000' }), 'INVALID_DECIMAL', ['value']);
    const table = {
      direction: 'lowerIsBetter',
      unit: 'duration',
      bands: [{ bound: { hours: 'one' }, score: 100 }, { score: 60 }],
    };
    expectError(() => tierScore({ table: table as unknown as TierTable, value: 1 }), 'INVALID_DECIMAL', [
      'table',
      'bands',
      0,
      'bound',
      'hours',
    ]);
  });
  it('NEGATIVE_VALUE for a negative duration bound or measured duration', () => {
    expectError(
      () =>
        tierScore({
          table: {
            direction: 'lowerIsBetter',
            unit: 'duration',
            bands: [{ bound: { minutes: -5 }, score: 1 }, { score: 0 }],
          },
          value: 1,
        }),
      'NEGATIVE_VALUE',
      ['table', 'bands', 0, 'bound', 'minutes'],
    );
    expectError(
      () =>
        tierScore({
          table: { direction: 'lowerIsBetter', unit: 'duration', bands: [{ bound: -5, score: 1 }, { score: 0 }] },
          value: 1,
        }),
      'NEGATIVE_VALUE',
      ['table', 'bands', 0, 'bound'],
    );
    expectError(() => tierScore({ table: responseTable, value: -1 }), 'NEGATIVE_VALUE', ['value']);
  });
  it('INVALID_INPUT for unknown fields, an empty table, an empty Duration or a wrong direction', () => {
    expectError(
      () => tierScore({ table: { ...responseTable, bandz: [] } as unknown as TierTable, value: 1 }),
      'INVALID_INPUT',
      ['table'],
    );
    expectError(() => tierScore({ table: bands([]), value: 1 }), 'INVALID_INPUT', ['table', 'bands']);
    expectError(
      () =>
        tierScore({
          table: { direction: 'lowerIsBetter', unit: 'duration', bands: [{ bound: {}, score: 1 }, { score: 0 }] },
          value: 1,
        }),
      'INVALID_INPUT',
      ['table', 'bands', 0, 'bound'],
    );
    expectError(
      () => tierScore({ table: { direction: 'up', bands: [{ score: 1 }] } as unknown as TierTable, value: 1 }),
      'INVALID_INPUT',
      ['table', 'direction'],
    );
  });
  it('reports every problem of a table at once', () => {
    const error = expectError(
      () =>
        tierScore({
          table: bands([
            { bound: 5, score: 1 },
            { bound: 4, score: 2 },
            { bound: 9, score: 0 },
          ]),
          value: 1,
        }),
      'TIER_BOUNDS_NOT_ORDERED',
    );
    expect(error.code).toBe('INVALID_INPUT'); // mixed codes: the error carries INVALID_INPUT, each issue its own code
    expect(error.issues.map((issue) => issue.code).sort()).toEqual([
      'TIER_BOUNDS_NOT_ORDERED',
      'TIER_LAST_BAND_BOUNDED',
      'TIER_SCORES_NOT_MONOTONE',
    ]);
  });
  it('compileTierTable reports issues under the caller’s path', () => {
    expectError(
      () =>
        compileTierTable({ direction: 'lowerIsBetter', bands: [{ score: 1 }, { score: 0 }] }, [
          'metrics',
          'response',
          'table',
        ]),
      'TIER_BOUND_MISSING',
      ['metrics', 'response', 'table', 'bands', 0, 'bound'],
    );
  });
});

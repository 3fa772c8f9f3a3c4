import { describe, expect, it } from 'vitest';
import { creditFacts, settleInterlock, type InterlockIndicator, type SettleInterlockInput } from '../../src/index.js';
import { expectError } from '../helpers.js';

const table: InterlockIndicator['scoreTable'] = {
  direction: 'higherIsBetter',
  bands: [{ bound: '1.2', score: 120 }, { bound: '1', score: 100 }, { bound: '0.8', score: 80 }, { score: 0 }],
};
const indicator: InterlockIndicator = {
  id: 'new-business',
  target: '1000000',
  actual: '1050000',
  parties: [
    { id: 'sales', weight: '0.5' },
    { id: 'product', weight: '0.3' },
    { id: 'delivery', weight: '0.2' },
  ],
  scoreTable: table,
  reward: { threshold: '1', amount: '30000.00' },
  severeMiss: { threshold: '0.7', deduction: '6000.00' },
};
const base: SettleInterlockInput = { currency: 'CNY', indicators: [indicator] };
const call = (input: unknown) => () => settleInterlock(input as SettleInterlockInput);
const byParty = (result: ReturnType<typeof settleInterlock>, i = 0) =>
  Object.fromEntries(
    result.indicators[i]!.parties.map((p) => [p.id, [p.score, p.reward, p.deduction, p.net, p.review]]),
  );

describe('settleInterlock (issue 6, SPEC §3.2)', () => {
  it('shares the reward by weight when the target is met (seed 003: sales 0.5, product 0.3, delivery 0.2)', () => {
    const result = settleInterlock(base);
    // a = 1,050,000 / 1,000,000 = 1.05 → band "≥ 1" → 100; 30,000 × 0.5 / 0.3 / 0.2 = 15,000 / 9,000 / 6,000.
    expect(result.indicators[0]).toMatchObject({
      achievement: '1.0500',
      score: '100.00',
      band: 1,
      rewarded: true,
      severeMiss: false,
      review: false,
      reward: '30000.00',
      deduction: '0.00',
    });
    expect(byParty(result)).toEqual({
      delivery: ['100.00', '6000.00', '0.00', '6000.00', false],
      product: ['100.00', '9000.00', '0.00', '9000.00', false],
      sales: ['100.00', '15000.00', '0.00', '15000.00', false],
    });
    expect(result.totals).toEqual({ reward: '30000.00', deduction: '0.00', net: '30000.00', conserved: true });
    // Every figure is traced: the sales part explains itself, the indicator shows its band.
    const sales = result.indicators[0]!.parties.find((p) => p.id === 'sales')!;
    expect(sales.trace.map((step) => [step.rule, step.result])).toEqual([
      ['interlock.rewardShare', '15000.00'],
      ['interlock.deductionShare', '0.00'],
      ['interlock.net', '15000.00'],
    ]);
    expect(result.indicators[0]!.trace.map((step) => step.rule)).toEqual([
      'interlock.achievement',
      'tiers.band',
      'tiers.score',
      'interlock.reward',
      'interlock.deduction',
      'interlock.review',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('pays nothing between the thresholds and flags nobody', () => {
    // a = 0.75: not ≥ 1, not < 0.7 → score 0 (below 0.8), no reward, no deduction, no review.
    const result = settleInterlock({ ...base, indicators: [{ ...indicator, actual: '750000' }] });
    expect(result.indicators[0]).toMatchObject({
      achievement: '0.7500',
      score: '0.00',
      rewarded: false,
      severeMiss: false,
      review: false,
      reward: '0.00',
      deduction: '0.00',
    });
  });

  it('splits the deduction by the same weights and flags every party for the joint review on a severe miss', () => {
    // a = 0.69 < 0.7 → 6,000 × 0.5 / 0.3 / 0.2 = 3,000 / 1,800 / 1,200 deducted.
    const result = settleInterlock({ ...base, indicators: [{ ...indicator, actual: '690000' }] });
    expect(result.indicators[0]).toMatchObject({
      achievement: '0.6900',
      severeMiss: true,
      review: true,
      deduction: '6000.00',
    });
    expect(byParty(result)).toEqual({
      delivery: ['0.00', '0.00', '1200.00', '-1200.00', true],
      product: ['0.00', '0.00', '1800.00', '-1800.00', true],
      sales: ['0.00', '0.00', '3000.00', '-3000.00', true],
    });
    expect(result.parties.map((p) => p.reviews)).toEqual([['new-business'], ['new-business'], ['new-business']]);
    expect(result.totals).toMatchObject({ deduction: '6000.00', net: '-6000.00', conserved: true });
  });

  it('compares the rounded achievement with the thresholds (0.69995 rounds to 0.7000: not severe)', () => {
    const result = settleInterlock({ ...base, indicators: [{ ...indicator, actual: '699950' }] });
    expect(result.indicators[0]).toMatchObject({ achievement: '0.7000', severeMiss: false });
  });

  it('reviewBelow extends the joint review to any miss (seed 003: 未达成 → 三方复盘) without a deduction', () => {
    const result = settleInterlock({ ...base, indicators: [{ ...indicator, actual: '900000', reviewBelow: '1' }] });
    expect(result.indicators[0]).toMatchObject({
      achievement: '0.9000',
      score: '80.00',
      review: true,
      severeMiss: false,
      deduction: '0.00',
    });
  });

  it('reads the actual from a creditFacts member', () => {
    const credits = creditFacts({
      currency: 'CNY',
      dimensions: [{ id: 'product', members: [{ id: '5G' }] }],
      facts: [
        { id: 'a', amount: '600000.00', date: '2026-03-01', members: { product: '5G' } },
        { id: 'b', amount: '650000.00', date: '2026-03-02', members: { product: '5G' } },
      ],
    });
    const result = settleInterlock({
      ...base,
      credits,
      indicators: [{ ...indicator, actual: { dimension: 'product', member: '5G' } }],
    });
    // 1,250,000 / 1,000,000 = 1.25 → band "≥ 1.2" → 120.
    expect(result.indicators[0]).toMatchObject({
      actual: '1250000.00',
      actualSource: { dimension: 'product', member: '5G' },
      achievement: '1.2500',
      score: '120.00',
      band: 0,
    });
    expect(result.indicators[0]!.trace[0]).toMatchObject({ rule: 'interlock.achievement', result: '1.2500' });
  });

  it('sums each party over indicators and warns beyond three indicators', () => {
    const indicators = ['a', 'b', 'c', 'd'].map((id) => ({ ...indicator, id }));
    const result = settleInterlock({ ...base, indicators });
    expect(result.warnings.map((w) => w.code)).toEqual(['tooManyIndicators']);
    expect(result.parties.find((p) => p.id === 'sales')).toMatchObject({
      reward: '60000.00',
      net: '60000.00',
      indicators: ['a', 'b', 'c', 'd'],
    });
    expect(settleInterlock({ ...base, indicators: indicators.slice(0, 3) }).warnings).toEqual([]);
  });

  it('splits odd fen by the largest remainder: 0.05 by 0.5 / 0.3 / 0.2', () => {
    // 5 fen: exact 2.5 / 1.5 / 1.0 → floors 2 / 1 / 1, one fen left; remainders 0.5 (sales) and 0.5 (product)
    // tie → the smaller weight, product, gets it: sales 0.02, product 0.02, delivery 0.01.
    const result = settleInterlock({
      ...base,
      indicators: [{ ...indicator, reward: { threshold: '1', amount: '0.05' } }],
    });
    expect(byParty(result)).toMatchObject({
      sales: ['100.00', '0.02', '0.00', '0.02', false],
      product: ['100.00', '0.02', '0.00', '0.02', false],
      delivery: ['100.00', '0.01', '0.00', '0.01', false],
    });
  });
});

describe('settleInterlock refuses bad input', () => {
  it('WEIGHTS_DO_NOT_SUM: weights summing to 0.9', () => {
    expectError(
      call({
        ...base,
        indicators: [
          {
            ...indicator,
            parties: [
              { id: 'a', weight: '0.6' },
              { id: 'b', weight: '0.3' },
            ],
          },
        ],
      }),
      'WEIGHTS_DO_NOT_SUM',
      ['indicators', 0, 'parties'],
    );
  });
  it('DUPLICATE_ID: a party twice, an indicator twice', () => {
    expectError(
      call({
        ...base,
        indicators: [
          {
            ...indicator,
            parties: [
              { id: 'a', weight: '0.5' },
              { id: 'a', weight: '0.5' },
            ],
          },
        ],
      }),
      'DUPLICATE_ID',
      ['indicators', 0, 'parties', 1, 'id'],
    );
    expectError(call({ ...base, indicators: [indicator, indicator] }), 'DUPLICATE_ID', ['indicators', 1, 'id']);
  });
  it('UNKNOWN_REFERENCE: an actual pointing to a member the credits lack, or no credits at all', () => {
    const credits = { currency: 'CNY', dimensions: [{ id: 'product', members: [{ id: '5G', amount: '1.00' }] }] };
    expectError(
      call({ ...base, credits, indicators: [{ ...indicator, actual: { dimension: 'product', member: '6G' } }] }),
      'UNKNOWN_REFERENCE',
      ['indicators', 0, 'actual'],
    );
    expectError(
      call({ ...base, indicators: [{ ...indicator, actual: { dimension: 'product', member: '5G' } }] }),
      'UNKNOWN_REFERENCE',
      ['indicators', 0, 'actual'],
    );
  });
  it('CURRENCY_MISMATCH: credits in another currency', () => {
    const credits = { currency: 'USD', dimensions: [] };
    expectError(call({ ...base, credits }), 'CURRENCY_MISMATCH', ['credits', 'currency']);
  });
  it('OUT_OF_RANGE: a zero target, a severe-miss threshold above the reward threshold', () => {
    expectError(call({ ...base, indicators: [{ ...indicator, target: '0' }] }), 'OUT_OF_RANGE', [
      'indicators',
      0,
      'target',
    ]);
    expectError(
      call({ ...base, indicators: [{ ...indicator, severeMiss: { threshold: '1.1', deduction: '1' } }] }),
      'OUT_OF_RANGE',
      ['indicators', 0, 'severeMiss', 'threshold'],
    );
  });
  it('INVALID_INPUT: a lowerIsBetter score table, a missing table; NEGATIVE_VALUE, INVALID_AMOUNT, INVALID_DECIMAL', () => {
    expectError(
      call({
        ...base,
        indicators: [
          {
            ...indicator,
            scoreTable: { ...table, direction: 'lowerIsBetter', bands: [{ bound: 1, score: 100 }, { score: 0 }] },
          },
        ],
      }),
      'INVALID_INPUT',
      ['indicators', 0, 'scoreTable'],
    );
    const { scoreTable: _dropped, ...noTable } = indicator;
    expectError(call({ ...base, indicators: [noTable] }), 'INVALID_INPUT', ['indicators', 0, 'scoreTable']);
    expectError(
      call({ ...base, indicators: [{ ...indicator, reward: { threshold: '1', amount: '-5' } }] }),
      'NEGATIVE_VALUE',
      ['indicators', 0, 'reward', 'amount'],
    );
    expectError(
      call({ ...base, indicators: [{ ...indicator, reward: { threshold: '1', amount: '5.001' } }] }),
      'INVALID_AMOUNT',
      ['indicators', 0, 'reward', 'amount'],
    );
    expectError(call({ ...base, indicators: [{ ...indicator, actual: 'lots' }] }), 'INVALID_DECIMAL');
    expectError(call({ ...base, indicators: [] }), 'INVALID_INPUT', ['indicators']);
    expectError(call({ ...base, indicator }), 'INVALID_INPUT');
  });
  it('the tier table codes: bounds out of order', () => {
    const bad = {
      direction: 'higherIsBetter',
      bands: [{ bound: '0.8', score: 80 }, { bound: '1', score: 100 }, { score: 0 }],
    };
    const error = expectError(
      call({ ...base, indicators: [{ ...indicator, scoreTable: bad }] }),
      'TIER_BOUNDS_NOT_ORDERED',
    );
    expect(error.issues.every((issue) => issue.path.slice(0, 3).join('/') === 'indicators/0/scoreTable')).toBe(true);
  });
});

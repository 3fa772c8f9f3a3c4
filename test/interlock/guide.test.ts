/** The worked example of docs/interlock.md, number by number (derivations in the guide). */
import { describe, expect, it } from 'vitest';
import { creditFacts, settleInterlock, type CreditFactsInput, type InterlockIndicator } from '../../src/index.js';

const input: CreditFactsInput = {
  currency: 'CNY',
  dimensions: [
    { id: 'region', members: [{ id: 'East' }, { id: 'West' }] },
    { id: 'product', members: [{ id: '5G' }, { id: 'Broadband' }] },
  ],
  facts: [
    { id: 'f1', amount: '100.00', date: '2026-03-02', members: { region: 'East', product: '5G' } },
    { id: 'f2', amount: '50.00', date: '2026-03-03', members: { region: 'East', product: 'Broadband' } },
    { id: 'f3', amount: '70.00', date: '2026-03-04', members: { region: 'West', product: '5G' } },
  ],
};
const credit = (result: ReturnType<typeof creditFacts>, dimension: string, member: string) =>
  result.dimensions.find((d) => d.id === dimension)?.members.find((m) => m.id === member)?.amount;

const indicator = (target: string): InterlockIndicator => ({
  id: '5G-revenue',
  target,
  actual: { dimension: 'product', member: '5G' },
  parties: [
    { id: 'sales', weight: '0.5' },
    { id: 'product', weight: '0.3' },
    { id: 'delivery', weight: '0.2' },
  ],
  scoreTable: {
    direction: 'higherIsBetter',
    bands: [{ bound: '1', score: 100 }, { bound: '0.8', score: 80 }, { bound: '0.6', score: 60 }, { score: 0 }],
  },
  reward: { threshold: '1', amount: '1000.01' },
  severeMiss: { threshold: '0.7', deduction: '333.33' },
});
const parts = (result: ReturnType<typeof settleInterlock>, field: 'reward' | 'deduction') =>
  Object.fromEntries(result.indicators[0]!.parties.map((p) => [p.id, p[field]]));

describe('docs/interlock.md worked example', () => {
  it('double credits three facts', () => {
    const result = creditFacts(input);
    expect([credit(result, 'region', 'East'), credit(result, 'region', 'West')]).toEqual(['150.00', '70.00']);
    expect([credit(result, 'product', '5G'), credit(result, 'product', 'Broadband')]).toEqual(['170.00', '50.00']);
    expect(result.dimensions.map((d) => d.credited)).toEqual(['220.00', '220.00']);
    expect([result.total, result.credited, result.factor]).toEqual(['220.00', '440.00', '2.0000']);
  });

  it('splits 0.05 East 0.6 / West 0.4 into 3 and 2 fen', () => {
    const f4 = {
      id: 'f4',
      amount: '0.05',
      date: '2026-03-05',
      members: {
        region: [
          { id: 'East', share: '0.6' },
          { id: 'West', share: '0.4' },
        ],
        product: '5G',
      },
    };
    const result = creditFacts({ ...input, facts: [...input.facts, f4] });
    expect([credit(result, 'region', 'East'), credit(result, 'region', 'West'), result.total]).toEqual([
      '150.03',
      '70.02',
      '220.05',
    ]);
  });

  it('excludes West before its window opens, explicitly', () => {
    const result = creditFacts({
      ...input,
      dimensions: [
        { id: 'region', members: [{ id: 'East' }, { id: 'West', start: '2026-03-05' }] },
        input.dimensions[1]!,
      ],
    });
    const region = result.dimensions.find((d) => d.id === 'region')!;
    expect([region.credited, region.excluded, region.conserved]).toEqual(['150.00', '70.00', true]);
    expect(result.exclusions).toEqual([
      {
        fact: 'f3',
        dimension: 'region',
        member: 'West',
        date: '2026-03-04',
        amount: '70.00',
        reason: 'beforeStart',
        start: '2026-03-05',
        end: null,
      },
    ]);
    expect([result.credited, result.factor]).toEqual(['370.00', '1.6818']);
  });

  it('settles the 5G indicator at three targets', () => {
    const credits = creditFacts(input);
    const close = settleInterlock({ currency: 'CNY', credits, indicators: [indicator('200.00')] });
    expect(close.indicators[0]).toMatchObject({
      achievement: '0.8500',
      score: '80.00',
      reward: '0.00',
      deduction: '0.00',
      review: false,
    });

    const met = settleInterlock({ currency: 'CNY', credits, indicators: [indicator('150.00')] });
    expect(met.indicators[0]).toMatchObject({
      achievement: '1.1333',
      score: '100.00',
      reward: '1000.01',
      rewarded: true,
      review: false,
    });
    expect(parts(met, 'reward')).toEqual({ sales: '500.01', product: '300.00', delivery: '200.00' });

    const missed = settleInterlock({ currency: 'CNY', credits, indicators: [indicator('300.00')] });
    expect(missed.indicators[0]).toMatchObject({
      achievement: '0.5667',
      score: '0.00',
      reward: '0.00',
      deduction: '333.33',
      severeMiss: true,
      review: true,
    });
    expect(parts(missed, 'deduction')).toEqual({ sales: '166.66', product: '100.00', delivery: '66.67' });
    expect(missed.indicators[0]!.parties.every((p) => p.review)).toBe(true);
    expect(missed.parties.map((p) => [p.id, p.net, p.reviews])).toEqual([
      ['delivery', '-66.67', ['5G-revenue']],
      ['product', '-100.00', ['5G-revenue']],
      ['sales', '-166.66', ['5G-revenue']],
    ]);
  });
});

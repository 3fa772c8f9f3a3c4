import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/index.js';
import { expectError } from '../helpers.js';

const amounts = (result: ReturnType<typeof allocate>) => result.parts.map((part) => part.amount);

describe('allocate: worked examples', () => {
  it('splits 5 fen by [3, 7] as [2, 3]: the exact tie (1.5 / 3.5) goes to the smaller weight', () => {
    expect(
      amounts(
        allocate({
          total: '0.05',
          currency: 'CNY',
          shares: [
            { id: 'a', weight: 3 },
            { id: 'b', weight: 7 },
          ],
        }),
      ),
    ).toEqual(['0.02', '0.03']);
    // The same with the ids swapped: the rule looks at weights, not at names or input order.
    expect(
      amounts(
        allocate({
          total: '0.05',
          currency: 'CNY',
          shares: [
            { id: 'b', weight: 3 },
            { id: 'a', weight: 7 },
          ],
        }),
      ),
    ).toEqual(['0.03', '0.02']);
  });

  it('splits 1003 by [49, 51] as [491, 512]: exact shares 491.47 and 511.53, the larger remainder wins', () => {
    expect(
      amounts(
        allocate({
          total: 1003,
          currency: 'JPY',
          shares: [
            { id: 'a', weight: 49 },
            { id: 'b', weight: 51 },
          ],
        }),
      ),
    ).toEqual(['491', '512']);
  });

  it("shares seed 001's 8,800.00 pool by scores 90 and 80 as 4,658.82 and 4,141.18", () => {
    // 880000 × 90 / 170 = 465882.35…, 880000 × 80 / 170 = 414117.64…: floors 465882 + 414117 = 879999,
    // the one leftover fen goes to the larger remainder (.64 > .35).
    const result = allocate({
      total: '8800.00',
      currency: 'CNY',
      shares: [
        { id: 'wang', weight: 90 },
        { id: 'li', weight: 80 },
      ],
    });
    expect(result.parts).toEqual([
      { id: 'li', weight: '80', amount: '4141.18', capped: false },
      { id: 'wang', weight: '90', amount: '4658.82', capped: false },
    ]);
    expect(result.unallocated).toBe('0.00');
  });

  it('gives three equal shares of 100.00 as 33.34, 33.33, 33.33 (ties: id ascending)', () => {
    expect(
      amounts(allocate({ total: '100', currency: 'CNY', shares: ['c', 'a', 'b'].map((id) => ({ id, weight: 1 })) })),
    ).toEqual(['33.34', '33.33', '33.33']);
  });

  it('splits negative totals by magnitude and negates', () => {
    expect(
      amounts(
        allocate({
          total: '-0.05',
          currency: 'CNY',
          shares: [
            { id: 'a', weight: 3 },
            { id: 'b', weight: 7 },
          ],
        }),
      ),
    ).toEqual(['-0.02', '-0.03']);
  });

  it('gives zero weight zero', () => {
    expect(
      amounts(
        allocate({
          total: '1.00',
          currency: 'CNY',
          shares: [
            { id: 'a', weight: 0 },
            { id: 'b', weight: '0.5' },
          ],
        }),
      ),
    ).toEqual(['0.00', '1.00']);
  });

  it('uses the currency minor digits: JPY 0, KWD 3', () => {
    const jpy = allocate({
      total: 1200,
      currency: 'JPY',
      shares: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 2 },
      ],
    });
    expect(amounts(jpy)).toEqual(['400', '800']);
    const kwd = allocate({
      total: '1.250',
      currency: 'KWD',
      shares: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 1 },
      ],
    });
    expect(amounts(kwd)).toEqual(['0.625', '0.625']);
    expect(kwd.total).toBe('1.250');
  });

  it('splits 2^60 yen three ways without losing a unit (dinero.js loses 64 with numbers)', () => {
    const total = 2n ** 60n; // 1152921504606846976 = 3 × 384307168202282325 + 1
    const result = allocate({
      total: total.toString(),
      currency: 'JPY',
      shares: ['a', 'b', 'c'].map((id) => ({ id, weight: 1 })),
    });
    expect(amounts(result)).toEqual(['384307168202282326', '384307168202282325', '384307168202282325']);
  });

  it('accepts weights with many decimals, exactly', () => {
    // Weights 1/3 written to 30 decimals and 2/3: the ratio is exactly 1 : 2 − 10⁻³⁰, so 3.00 → 1.00 / 2.00.
    const third = `0.${'3'.repeat(30)}`;
    const twoThirds = `0.${'6'.repeat(30)}`;
    expect(
      amounts(
        allocate({
          total: '3.00',
          currency: 'CNY',
          shares: [
            { id: 'a', weight: third },
            { id: 'b', weight: twoThirds },
          ],
        }),
      ),
    ).toEqual(['1.00', '2.00']);
  });
});

describe('allocate: caps', () => {
  it('fixes a part at its cap and re-splits the excess among the others', () => {
    // 100 by [1, 1, 2] → 25, 25, 50; c capped at 30 → the other 70 split 1 : 1 → 35, 35.
    const result = allocate({
      total: '100',
      currency: 'CNY',
      shares: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 1 },
        { id: 'c', weight: 2, cap: 30 },
      ],
    });
    expect(result.parts.map((p) => [p.amount, p.capped])).toEqual([
      ['35.00', false],
      ['35.00', false],
      ['30.00', true],
    ]);
    expect(result.unallocated).toBe('0.00');
  });

  it('repeats until stable: a cap that binds only after the first re-split', () => {
    // Round 1: 25, 25, 50 → c capped at 30. Round 2: 70 by [1, 1] → 35, 35 → b capped at 34.
    // Round 3: 36 to a alone. Total 36 + 34 + 30 = 100.
    const result = allocate({
      total: '100',
      currency: 'CNY',
      shares: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 1, cap: 34 },
        { id: 'c', weight: 2, cap: 30 },
      ],
    });
    expect(amounts(result)).toEqual(['36.00', '34.00', '30.00']);
    expect(result.trace.filter((step) => step.rule === 'allocate.cap')).toHaveLength(2);
  });

  it('puts what no one can take on the unallocated line', () => {
    const result = allocate({
      total: '100',
      currency: 'CNY',
      shares: [
        { id: 'a', weight: 1, cap: 10 },
        { id: 'b', weight: 1, cap: 20 },
      ],
    });
    expect(amounts(result)).toEqual(['10.00', '20.00']);
    expect(result.unallocated).toBe('70.00');
  });

  it('caps negative totals by magnitude', () => {
    const result = allocate({
      total: '-100',
      currency: 'CNY',
      shares: [
        { id: 'a', weight: 1, cap: 10 },
        { id: 'b', weight: 1 },
      ],
    });
    expect(amounts(result)).toEqual(['-10.00', '-90.00']);
    expect(result.unallocated).toBe('0.00');
  });
});

describe('allocate: all-zero weights', () => {
  it('is an error by default', () => {
    expectError(
      () => allocate({ total: '1', currency: 'CNY', shares: [{ id: 'a', weight: 0 }] }),
      'NO_POSITIVE_WEIGHT',
      ['shares'],
    );
    expectError(() => allocate({ total: '1', currency: 'CNY', shares: [] }), 'NO_POSITIVE_WEIGHT', ['shares']);
  });
  it('goes to unallocated on request', () => {
    const result = allocate({
      total: '1',
      currency: 'CNY',
      shares: [{ id: 'a', weight: 0 }],
      whenNoWeight: 'unallocated',
    });
    expect(amounts(result)).toEqual(['0.00']);
    expect(result.unallocated).toBe('1.00');
  });
  it('a zero total with zero weights is simply zero', () => {
    expect(amounts(allocate({ total: 0, currency: 'CNY', shares: [{ id: 'a', weight: 0 }] }))).toEqual(['0.00']);
  });
});

describe('allocate: output', () => {
  it('orders parts by id and is byte-identical whatever the input order', () => {
    const shares = [
      { id: 'z', weight: '1.5' },
      { id: 'a', weight: '2' },
      { id: 'm', weight: '0.25' },
    ];
    const forward = JSON.stringify(allocate({ total: '10.01', currency: 'CNY', shares }));
    const backward = JSON.stringify(allocate({ total: '10.01', currency: 'CNY', shares: [...shares].reverse() }));
    expect(forward).toBe(backward);
    expect(JSON.parse(forward).parts.map((p: { id: string }) => p.id)).toEqual(['a', 'm', 'z']);
  });
  it('explains itself in trace steps', () => {
    const result = allocate({
      total: '0.05',
      currency: 'CNY',
      shares: [
        { id: 'a', weight: 3 },
        { id: 'b', weight: 7 },
      ],
    });
    expect(result.trace[0]).toMatchObject({ rule: 'allocate.largestRemainder', inputs: { M: '5', W: '10', k: '1' } });
    expect(result.trace.at(-1)).toMatchObject({ rule: 'allocate.unallocated', result: '0.00' });
  });
});

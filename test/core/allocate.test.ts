import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/index.js';

const amounts = (result: ReturnType<typeof allocate>) => result.parts.map((part) => part.amount);

describe('allocate examples', () => {
  it('splits 5 fen by [3, 7] as [2, 3]: the exact tie goes to the smaller weight', () => {
    expect(amounts(allocate({ total: '0.05', currency: 'CNY', shares: [{ id: 'a', weight: 3 }, { id: 'b', weight: 7 }] }))).toEqual(['0.02', '0.03']);
  });
  it('splits 1003 by [49, 51] as [491, 512]', () => {
    expect(amounts(allocate({ total: 1003, currency: 'JPY', shares: [{ id: 'a', weight: 49 }, { id: 'b', weight: 51 }] }))).toEqual(['491', '512']);
  });
});

import { describe, expect, it } from 'vitest';
import { carvePool, type CarvePoolInput } from '../../src/index.js';
import { expectError } from '../helpers.js';

const seed001 = (rate: string): CarvePoolInput => ({
  currency: 'CNY',
  rate,
  commissions: [
    { id: 'cs-a', amount: '30000.00' },
    { id: 'cs-b', amount: '25000.00' },
    { id: 'cs-c', amount: '18333.33' },
  ],
});
const call = (input: unknown) => () => carvePool(input as CarvePoolInput);

describe('carvePool: seed 001 worked example (issue 7 "must show")', () => {
  it('carves 12 % of 30,000.00 + 25,000.00 + 18,333.33 into a pool of 8,800.00', () => {
    // Σ gross = 73,333.33; 0.12 × 73,333.33 = 8,799.9996 → half-up to 8,800.00.
    const result = carvePool(seed001('0.12'));
    expect(result.gross).toBe('73333.33');
    expect(result.pool).toBe('8800.00');
    expect(result.carved).toBe('8800.00');
    expect(result.reversed).toBe('0.00');
    // 880,000 fen over 3,000,000 : 2,500,000 : 1,833,333 fen (W = 7,333,333):
    //   exact 360,000.016…, 300,000.013…, 219,999.970… → floors 360,000 + 300,000 + 219,999 = 879,999;
    //   the one leftover fen goes to the largest remainder (cs-c, 0.970…) → 220,000.
    expect(result.contributions.map((row) => [row.id, row.contribution, row.net])).toEqual([
      ['cs-a', '3600.00', '26400.00'],
      ['cs-b', '3000.00', '22000.00'],
      ['cs-c', '2200.00', '16133.33'],
    ]);
    expect(result.net).toBe('64533.33'); // 73,333.33 − 8,800.00
    expect(result.contributions.every((row) => row.rate === '0.12')).toBe(true);
  });

  it('gives 7,333.33 at 10 % and 11,000.00 at 15 % (the 5G push, seed 001)', () => {
    // 0.10 × 73,333.33 = 7,333.333 → 7,333.33; 0.15 × 73,333.33 = 10,999.9995 → 11,000.00.
    expect(carvePool(seed001('0.10')).pool).toBe('7333.33');
    expect(carvePool(seed001('0.15')).pool).toBe('11000.00');
  });

  it('rounds the pool with the plan mode: half-even keeps 0.5 fen on the even side', () => {
    // 0.5 × 0.05 = 0.025 → half-up 0.03, half-even 0.02.
    const input: CarvePoolInput = { currency: 'CNY', rate: '0.5', commissions: [{ id: 'a', amount: '0.05' }] };
    expect(carvePool(input).pool).toBe('0.03');
    expect(carvePool({ ...input, rounding: { mode: 'halfEven' } }).pool).toBe('0.02');
  });

  it('carves nothing at a rate of 0 and everything at a rate of 1', () => {
    expect(carvePool(seed001('0')).pool).toBe('0.00');
    const all = carvePool(seed001('1'));
    expect([all.pool, all.net]).toEqual(['73333.33', '0.00']);
  });

  it('orders rows by id whatever the input order, byte for byte', () => {
    const input = seed001('0.12');
    const reversed = { ...input, commissions: [...input.commissions].reverse() };
    expect(JSON.stringify(carvePool(reversed))).toBe(JSON.stringify(carvePool(input)));
  });

  it('works in yen (0 minor digits) and beyond 2^53 fen', () => {
    expect(carvePool({ currency: 'JPY', rate: '0.12', commissions: [{ id: 'a', amount: 1001 }] }).pool).toBe('120'); // 120.12 → 120
    const big = carvePool({
      currency: 'CNY',
      rate: '0.1',
      commissions: [
        { id: 'a', amount: '123456789012345678.90' },
        { id: 'b', amount: '0.10' },
      ],
    });
    // 0.1 × 123,456,789,012,345,679.00 = 12,345,678,901,234,567.90
    expect(big.pool).toBe('12345678901234567.90');
    expect(big.contributions.map((row) => row.contribution)).toEqual(['12345678901234567.89', '0.01']);
  });
});

describe('carvePool: negative commission by declared policy', () => {
  const rows = [
    { id: 'a', amount: '1000.00' },
    { id: 'b', amount: '300.00', clawbacks: [{ id: 'sale-9', amount: '-500.00', rate: '0.10' }] },
  ];

  it('"net": b nets to −200.00, contributes nothing and keeps the debt', () => {
    const result = carvePool({ currency: 'CNY', rate: '0.12', clawbackPolicy: 'net', commissions: rows });
    // base: a 1000.00, b max(300 − 500, 0) = 0 → pool 0.12 × 1000.00 = 120.00, all from a.
    expect(result.pool).toBe('120.00');
    const b = result.contributions[1];
    expect([b?.gross, b?.base, b?.contribution, b?.net, b?.reversals]).toEqual([
      '-200.00',
      '0.00',
      '0.00',
      '-200.00',
      [],
    ]);
    expect(result.gross).toBe('800.00');
    expect(result.net).toBe('680.00'); // 680.00 + 120.00 = 800.00
  });

  it('"reverse": b carves on its 300.00 and gives back 10 % of the 500.00 clawed back', () => {
    const result = carvePool({ currency: 'CNY', rate: '0.12', clawbackPolicy: 'reverse', commissions: rows });
    // carved = 0.12 × 1300.00 = 156.00 (a 120.00, b 36.00); reversal = 0.10 × −500.00 = −50.00.
    expect(result.carved).toBe('156.00');
    expect(result.reversed).toBe('-50.00');
    expect(result.pool).toBe('106.00');
    const b = result.contributions[1];
    expect(b?.share).toBe('36.00');
    expect(b?.reversals).toEqual([{ sale: 'sale-9', rate: '0.10', base: '-500.00', amount: '-50.00' }]);
    expect(b?.contribution).toBe('-14.00');
    expect(b?.net).toBe('-186.00'); // −200.00 − (−14.00)
    expect(result.net).toBe('694.00'); // 880.00 − 186.00; 694.00 + 106.00 = 800.00
    // b's trace: one step with every figure of the row, and the two relations it states hold.
    expect(b?.trace).toEqual([
      {
        rule: 'pool.net',
        formula: expect.stringMatching(/^net = gross − contribution; contribution = share \+ Σ reversals/),
        inputs: { base: '300.00', contribution: '-14.00', gross: '-200.00', reversals: '1', share: '36.00' },
        result: '-186.00',
      },
    ]);
  });

  it('refuses negative commission without a declared policy', () => {
    expectError(call({ currency: 'CNY', rate: '0.12', commissions: rows }), 'INVALID_INPUT', ['clawbackPolicy']);
    expectError(call({ currency: 'CNY', rate: '0.12', commissions: [{ id: 'a', amount: '-1.00' }] }), 'INVALID_INPUT', [
      'clawbackPolicy',
    ]);
  });
});

describe('carvePool refuses bad input with a code and the path', () => {
  const ok = seed001('0.12');
  it('OUT_OF_RANGE: a rate outside [0, 1]', () => {
    expectError(call({ ...ok, rate: '1.2' }), 'OUT_OF_RANGE', ['rate']);
    expectError(call({ ...ok, rate: '-0.1' }), 'OUT_OF_RANGE', ['rate']);
    expectError(
      call({
        currency: 'CNY',
        rate: '0.1',
        clawbackPolicy: 'reverse',
        commissions: [{ id: 'a', amount: '1', clawbacks: [{ id: 's', amount: '-1', rate: '2' }] }],
      }),
      'OUT_OF_RANGE',
      ['commissions', 0, 'clawbacks', 0, 'rate'],
    );
  });
  it('OUT_OF_RANGE: a positive clawback', () => {
    expectError(
      call({
        currency: 'CNY',
        rate: '0.1',
        clawbackPolicy: 'net',
        commissions: [{ id: 'a', amount: '1', clawbacks: [{ id: 's', amount: '5' }] }],
      }),
      'OUT_OF_RANGE',
      ['commissions', 0, 'clawbacks', 0, 'amount'],
    );
  });
  it('DUPLICATE_ID: the same person twice', () => {
    expectError(call({ ...ok, commissions: [...ok.commissions, { id: 'cs-a', amount: '1.00' }] }), 'DUPLICATE_ID', [
      'commissions',
      3,
      'id',
    ]);
  });
  it('CURRENCY_MISMATCH: a row in another currency', () => {
    expectError(call({ ...ok, commissions: [{ id: 'a', amount: '1.00', currency: 'USD' }] }), 'CURRENCY_MISMATCH', [
      'commissions',
      0,
      'currency',
    ]);
  });
  it('NEGATIVE_VALUE: a negative amount under "reverse"', () => {
    expectError(
      call({ ...ok, clawbackPolicy: 'reverse', commissions: [{ id: 'a', amount: '-1.00' }] }),
      'NEGATIVE_VALUE',
      ['commissions', 0, 'amount'],
    );
  });
  it('INVALID_INPUT: a clawback without its rate under "reverse"; unknown fields', () => {
    expectError(
      call({
        ...ok,
        clawbackPolicy: 'reverse',
        commissions: [{ id: 'a', amount: '1.00', clawbacks: [{ id: 's', amount: '-1.00' }] }],
      }),
      'INVALID_INPUT',
      ['commissions', 0, 'clawbacks', 0, 'rate'],
    );
    expectError(call({ ...ok, commissions: [{ id: 'a', amount: '1.00', amont: 1 }] }), 'INVALID_INPUT');
    expectError(call({ ...ok, rat: 1 }), 'INVALID_INPUT');
  });
  it('INVALID_DECIMAL and INVALID_AMOUNT: amounts that are not plain decimals or have too many decimals', () => {
    expectError(call({ ...ok, commissions: [{ id: 'a', amount: '1,000.00' }] }), 'INVALID_DECIMAL', [
      'commissions',
      0,
      'amount',
    ]);
    expectError(call({ ...ok, commissions: [{ id: 'a', amount: Number.NaN }] }), 'INVALID_DECIMAL', [
      'commissions',
      0,
      'amount',
    ]);
    expectError(call({ ...ok, commissions: [{ id: 'a', amount: '1.005' }] }), 'INVALID_AMOUNT', [
      'commissions',
      0,
      'amount',
    ]);
  });
  it('UNKNOWN_CURRENCY', () => {
    expectError(call({ ...ok, currency: 'XYZ' }), 'UNKNOWN_CURRENCY', ['currency']);
  });
});

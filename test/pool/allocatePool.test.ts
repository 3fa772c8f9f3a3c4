import { describe, expect, it } from 'vitest';
import { allocatePool, elasticityExponent, type AllocatePoolInput } from '../../src/index.js';
import { expectError } from '../helpers.js';

const call = (input: unknown) => () => allocatePool(input as AllocatePoolInput);
const awards = (result: ReturnType<typeof allocatePool>) =>
  Object.fromEntries(result.awards.map((row) => [row.id, row.award]));

describe('allocatePool: seed 001 worked example (issue 7 "must show")', () => {
  it('shares 8,800.00 among scores 90, 80, 50 with floor 60 → 4,658.82, 4,141.18, 0.00', () => {
    // 50 < 60: not eligible. W = 90 + 80 = 170; exact 465,882.35… and 414,117.64… fen;
    // floors 465,882 + 414,117 = 879,999; the leftover fen goes to the larger remainder (li, .647).
    const result = allocatePool({
      pool: '8800.00',
      currency: 'CNY',
      floor: 60,
      recipients: [
        { id: 'tech-wang', score: 90 },
        { id: 'tech-li', score: 80 },
        { id: 'tech-zhao', score: 50 },
      ],
    });
    expect(awards(result)).toEqual({ 'tech-wang': '4658.82', 'tech-li': '4141.18', 'tech-zhao': '0.00' });
    expect(result.awarded).toBe('8800.00');
    expect(result.unallocated).toBe('0.00');
    const zhao = result.awards.find((row) => row.id === 'tech-zhao');
    expect([zhao?.eligible, zhao?.weight, zhao?.share]).toEqual([false, '0', '0.0000000000']);
    // share = award / pool: 4658.82 / 8800 = 0.52941136…
    expect(result.awards.find((row) => row.id === 'tech-wang')?.share).toBe('0.5294113636');
    expect(result.awards.map((row) => row.id)).toEqual(['tech-li', 'tech-wang', 'tech-zhao']);
    expect(result.awards[0]?.trace.map((step) => step.rule)).toEqual(['pool.weight', 'pool.award']);
  });
});

describe('allocatePool: f(score)', () => {
  it('elasticity: "+10 % score → +15 % award" is the exponent ln 1.15 / ln 1.10 = 1.4664 (4 dp)', () => {
    // ln 1.15 = 0.139761942…, ln 1.10 = 0.095310179… → 1.466390501…
    const { exponent, exact } = elasticityExponent({ scoreChange: '0.10', awardChange: '0.15' });
    expect(exponent).toBe('1.4664');
    expect(exact.startsWith('1.4663905016')).toBe(true);
    expect(
      elasticityExponent({ scoreChange: '0.10', awardChange: '0.15', rounding: { coefficientDecimals: 6 } }).exponent,
    ).toBe('1.466391');
  });

  it('elasticity weights are s^1.4664 rounded to 6 dp, and the split is exact on them', () => {
    const result = allocatePool({
      pool: '8800.00',
      currency: 'CNY',
      weighting: { kind: 'elasticity', scoreChange: '0.10', awardChange: '0.15' },
      recipients: [
        { id: 'a', score: 90 },
        { id: 'b', score: 80 },
      ],
    });
    expect(result.weighting).toEqual({ kind: 'elasticity', exponent: '1.4664' });
    const [a, b] = result.awards;
    // Independent float check of the weights (rounding at 6 dp is far coarser than float error).
    expect(Math.abs(Number(a?.weight) - 90 ** 1.4664)).toBeLessThan(1e-6);
    expect(Math.abs(Number(b?.weight) - 80 ** 1.4664)).toBeLessThan(1e-6);
    // BigInt oracle on the weights as printed.
    const wa = BigInt((a?.weight as string).replace('.', ''));
    const wb = BigInt((b?.weight as string).replace('.', ''));
    const floorA = (880_000n * wa) / (wa + wb);
    const floorB = (880_000n * wb) / (wa + wb);
    const leftover = 880_000n - floorA - floorB;
    const remA = (880_000n * wa) % (wa + wb);
    const remB = (880_000n * wb) % (wa + wb);
    const fenA = floorA + (leftover === 1n && remA > remB ? 1n : 0n);
    expect(BigInt((a?.award as string).replace('.', ''))).toBe(fenA);
    expect(result.awarded).toBe('8800.00');
    // The elasticity holds on the weights: (90/80)^e ≈ a/b; a 10 % better score earns ≈ 15 % more.
    expect(Number(a?.award) / Number(b?.award)).toBeCloseTo((90 / 80) ** 1.4664, 4);
  });

  it('power 2: weights 8100 and 6400 → 4,915.86 and 3,884.14', () => {
    // 880,000 × 8100 / 14,500 = 491,586.21 fen; × 6400 / 14,500 = 388,413.79 → leftover to the second.
    const result = allocatePool({
      pool: '8800.00',
      currency: 'CNY',
      weighting: { kind: 'power', exponent: 2 },
      recipients: [
        { id: 'a', score: 90 },
        { id: 'b', score: 80 },
      ],
    });
    expect(awards(result)).toEqual({ a: '4915.86', b: '3884.14' });
    expect(result.awards.map((row) => row.weight)).toEqual(['8100', '6400']);
  });

  it("rounds f(score) with the plan's mode: f = 82.5 at 0 weight decimals is 83 half-up, 82 half-even", () => {
    const input = { pool: '100.00', currency: 'CNY', weightDecimals: 0, recipients: [{ id: 'a', score: '82.5' }] };
    expect(allocatePool(input).awards[0]?.weight).toBe('83');
    expect(allocatePool({ ...input, rounding: { mode: 'halfEven' } }).awards[0]?.weight).toBe('82');
  });

  it('rounds scores to the score decimals before use (87.455 → 87.46)', () => {
    const result = allocatePool({ pool: '100.00', currency: 'CNY', recipients: [{ id: 'a', score: '87.455' }] });
    expect(result.awards[0]?.score).toBe('87.46');
  });
});

describe('allocatePool: basis', () => {
  it('FTE: a half-time person weighs half', () => {
    // weights 80 × 1, 80 × 0.5 → 666.666… and 333.333… → 666.67 and 333.33.
    const result = allocatePool({
      pool: '1000.00',
      currency: 'CNY',
      basis: 'fte',
      recipients: [
        { id: 'a', score: 80 },
        { id: 'b', score: 80, fte: '0.5' },
      ],
    });
    expect(awards(result)).toEqual({ a: '666.67', b: '333.33' });
    expect(result.awards.map((row) => row.basis)).toEqual(['1', '0.5']);
    // "1.000" and "-0.0" are within [0, 1]; "1.0001" is not.
    expect(
      allocatePool({
        pool: '1.00',
        currency: 'CNY',
        basis: 'fte',
        recipients: [
          { id: 'a', score: 1, fte: '1.000' },
          { id: 'b', score: 1, fte: '-0.0' },
        ],
      }).awards.map((row) => row.award),
    ).toEqual(['1.00', '0.00']);
    expectError(
      call({ pool: '1.00', currency: 'CNY', basis: 'fte', recipients: [{ id: 'a', score: 1, fte: '1.0001' }] }),
      'OUT_OF_RANGE',
      ['recipients', 0, 'fte'],
    );
  });

  it('days: joiners and leavers are prorated by days employed within the period', () => {
    // Q1 2026 = 31 + 28 + 31 = 90 days. a all quarter 90; b joined 1 Feb: 28 + 31 = 59;
    // c left 15 Jan: 15; d joins 2 Apr: 0. Weights (score 100): 9000, 5900, 1500, 0 of 16,400:
    // 1640.00 × 9000/16400 = 900.00, × 5900/16400 = 590.00, × 1500/16400 = 150.00.
    const result = allocatePool({
      pool: '1640.00',
      currency: 'CNY',
      basis: 'days',
      period: { start: '2026-01-01', end: '2026-03-31' },
      recipients: [
        { id: 'a', score: 100 },
        { id: 'b', score: 100, start: '2026-02-01' },
        { id: 'c', score: 100, end: '2026-01-15' },
        { id: 'd', score: 100, start: '2026-04-02' },
      ],
    });
    expect(result.awards.map((row) => [row.id, row.basis, row.award])).toEqual([
      ['a', '90', '900.00'],
      ['b', '59', '590.00'],
      ['c', '15', '150.00'],
      ['d', '0', '0.00'],
    ]);
  });
});

describe('allocatePool: nobody takes from the pool of a period they were not employed in', () => {
  // April 2026; b joined 16 May, c left 31 March: with any basis, both take nothing.
  const recipients = [
    { id: 'a', score: 80 },
    { id: 'b', score: 80, start: '2026-05-16' },
    { id: 'c', score: 80, end: '2026-03-31', fte: '0.5' },
    { id: 'd', score: 80, start: '2026-04-30', fte: '0.5' },
  ];
  const period = { start: '2026-04-01', end: '2026-04-30' };
  it('basis "one": a (1) and d (1) share 1000.00; b and c take 0.00', () => {
    const result = allocatePool({ pool: '1000.00', currency: 'CNY', basis: 'one', period, recipients });
    expect(result.awards.map((row) => [row.id, row.basis, row.award])).toEqual([
      ['a', '1', '500.00'],
      ['b', '0', '0.00'],
      ['c', '0', '0.00'],
      ['d', '1', '500.00'],
    ]);
  });
  it('basis "fte": a (1) and d (0.5) share 1000.00 two to one; b and c take 0.00', () => {
    const result = allocatePool({ pool: '1000.00', currency: 'CNY', basis: 'fte', period, recipients });
    expect(result.awards.map((row) => [row.id, row.basis, row.award])).toEqual([
      ['a', '1', '666.67'],
      ['b', '0', '0.00'],
      ['c', '0', '0.00'],
      ['d', '0.5', '333.33'],
    ]);
  });
  it('without a period, start and end are not read for basis "one"', () => {
    expect(allocatePool({ pool: '1000.00', currency: 'CNY', recipients }).awards.map((row) => row.award)).toEqual([
      '250.00',
      '250.00',
      '250.00',
      '250.00',
    ]);
  });
  it('DATES_OUT_OF_ORDER for an employment that ends before it starts, whatever the basis', () => {
    expectError(
      call({
        pool: '1.00',
        currency: 'CNY',
        basis: 'one',
        period,
        recipients: [{ id: 'a', score: 1, start: '2026-04-10', end: '2026-04-09' }],
      }),
      'DATES_OUT_OF_ORDER',
      ['recipients', 0, 'end'],
    );
  });
});

describe('allocatePool: caps, unallocated and two levels', () => {
  it('re-splits what a cap cuts off; reports what nobody can take', () => {
    // exact 500, 250, 250; a capped at 100.00; 900.00 re-split 25 : 25 → 450.00 each.
    const capped = allocatePool({
      pool: '1000.00',
      currency: 'CNY',
      recipients: [
        { id: 'a', score: 50, cap: 100 },
        { id: 'b', score: 25 },
        { id: 'c', score: 25 },
      ],
    });
    expect(awards(capped)).toEqual({ a: '100.00', b: '450.00', c: '450.00' });
    expect(capped.awards[0]?.capped).toBe(true);
    const all = allocatePool({
      pool: '1000.00',
      currency: 'CNY',
      recipients: [
        { id: 'a', score: 50, cap: 100 },
        { id: 'b', score: 25, cap: '100.00' },
      ],
    });
    expect([all.awarded, all.unallocated]).toEqual(['200.00', '800.00']);
  });

  it('shares a zero pool as zeros', () => {
    const result = allocatePool({ pool: 0, currency: 'CNY', recipients: [{ id: 'a', score: 80 }] });
    expect([result.awards[0]?.award, result.awards[0]?.share, result.unallocated]).toEqual([
      '0.00',
      '0.0000000000',
      '0.00',
    ]);
  });

  it('puts the whole pool on unallocated when nobody reaches the floor', () => {
    const result = allocatePool({ pool: '500.00', currency: 'CNY', floor: 90, recipients: [{ id: 'a', score: 80 }] });
    expect([result.awarded, result.unallocated]).toEqual(['0.00', '500.00']);
  });

  it('two levels: units by score × eligible headcount, then people within each unit', () => {
    // Floor 60: d (50) is not eligible, so fin's headcount is 1. Unit weights 90 × 2 = 180 and
    // 60 × 1 = 60 → it 750.00, fin 250.00. Within it: 75,000 fen by 90 : 70 = 42,187.5 and
    // 32,812.5 — an exact tie of remainders, so the odd fen goes to the smaller weight (b).
    const result = allocatePool({
      pool: '1000.00',
      currency: 'CNY',
      floor: 60,
      units: [
        { id: 'it', score: 90 },
        { id: 'fin', score: 60 },
      ],
      recipients: [
        { id: 'a', score: 90, unit: 'it' },
        { id: 'b', score: 70, unit: 'it' },
        { id: 'c', score: 80, unit: 'fin' },
        { id: 'd', score: 50, unit: 'fin' },
      ],
    });
    expect(result.units?.map((unit) => [unit.id, unit.headcount, unit.weight, unit.amount, unit.awarded])).toEqual([
      ['fin', 1, '60', '250.00', '250.00'],
      ['it', 2, '180', '750.00', '750.00'],
    ]);
    expect(awards(result)).toEqual({ a: '421.87', b: '328.13', c: '250.00', d: '0.00' });
    expect(result.unallocated).toBe('0.00');
  });
});

describe('allocatePool refuses bad input with a code and the path', () => {
  const ok: AllocatePoolInput = { pool: '100.00', currency: 'CNY', recipients: [{ id: 'a', score: 90 }] };
  const elastic = { kind: 'elasticity', scoreChange: '0.10', awardChange: '0.15' } as const;
  it('NEGATIVE_VALUE: a negative score, cap or pool', () => {
    expectError(call({ ...ok, recipients: [{ id: 'a', score: -1 }] }), 'NEGATIVE_VALUE', ['recipients', 0, 'score']);
    expectError(call({ ...ok, recipients: [{ id: 'a', score: 1, cap: '-0.01' }] }), 'NEGATIVE_VALUE', [
      'recipients',
      0,
      'cap',
    ]);
    expectError(call({ ...ok, pool: '-1.00' }), 'NEGATIVE_VALUE', ['pool']);
  });
  it('DUPLICATE_ID: the same person twice, the same unit twice', () => {
    expectError(
      call({
        ...ok,
        recipients: [
          { id: 'a', score: 1 },
          { id: 'a', score: 2 },
        ],
      }),
      'DUPLICATE_ID',
      ['recipients', 1, 'id'],
    );
    expectError(
      call({
        ...ok,
        units: [
          { id: 'u', score: 1 },
          { id: 'u', score: 1 },
        ],
        recipients: [{ id: 'a', score: 1, unit: 'u' }],
      }),
      'DUPLICATE_ID',
      ['units', 1, 'id'],
    );
  });
  it('OUT_OF_RANGE: elasticity on a zero score; changes at or below −1; FTE above 1', () => {
    expectError(call({ ...ok, weighting: elastic, recipients: [{ id: 'a', score: 0 }] }), 'OUT_OF_RANGE', [
      'recipients',
      0,
      'score',
    ]);
    expectError(call({ ...ok, weighting: { ...elastic, scoreChange: 0 } }), 'OUT_OF_RANGE', [
      'weighting',
      'scoreChange',
    ]);
    expectError(call({ ...ok, weighting: { ...elastic, awardChange: -1 } }), 'OUT_OF_RANGE', [
      'weighting',
      'awardChange',
    ]);
    expectError(call({ ...ok, basis: 'fte', recipients: [{ id: 'a', score: 1, fte: '1.5' }] }), 'OUT_OF_RANGE', [
      'recipients',
      0,
      'fte',
    ]);
    expectError(() => elasticityExponent({ scoreChange: '-1', awardChange: '0.1' }), 'OUT_OF_RANGE', ['scoreChange']);
  });
  it('OUT_OF_RANGE: an exponent beyond ±100 (a power, or an elasticity rule that makes one)', () => {
    expectError(call({ ...ok, weighting: { kind: 'power', exponent: '100.0001' } }), 'OUT_OF_RANGE', [
      'weighting',
      'exponent',
    ]);
    // e = ln 1.15 / ln 1.000000001 ≈ 1.4 · 10^8: refused at once, not computed for minutes.
    expectError(call({ ...ok, weighting: { ...elastic, scoreChange: '0.000000001' } }), 'OUT_OF_RANGE', ['weighting']);
    expectError(call({ ...ok, weighting: { ...elastic, awardChange: '-0.999999' } }), 'OUT_OF_RANGE', ['weighting']);
    expect(() => allocatePool({ ...ok, weighting: { kind: 'power', exponent: 100 } })).not.toThrow();
  });
  it('a zero score below the floor is simply not eligible, even with elasticity', () => {
    const result = allocatePool({
      ...ok,
      floor: 60,
      weighting: elastic,
      recipients: [
        { id: 'a', score: 0 },
        { id: 'b', score: 70 },
      ],
    });
    expect(awards(result)).toEqual({ a: '0.00', b: '100.00' });
  });
  it('UNKNOWN_REFERENCE and INVALID_INPUT: units', () => {
    expectError(
      call({ ...ok, units: [{ id: 'u', score: 1 }], recipients: [{ id: 'a', score: 1, unit: 'x' }] }),
      'UNKNOWN_REFERENCE',
      ['recipients', 0, 'unit'],
    );
    expectError(call({ ...ok, units: [{ id: 'u', score: 1 }], recipients: [{ id: 'a', score: 1 }] }), 'INVALID_INPUT', [
      'recipients',
      0,
      'unit',
    ]);
  });
  it('INVALID_INPUT and DATES_OUT_OF_ORDER: days without a period; dates backwards', () => {
    expectError(call({ ...ok, basis: 'days' }), 'INVALID_INPUT', ['period']);
    expectError(
      call({ ...ok, basis: 'days', period: { start: '2026-02-01', end: '2026-01-01' } }),
      'DATES_OUT_OF_ORDER',
      ['period', 'end'],
    );
    expectError(
      call({
        ...ok,
        basis: 'days',
        period: { start: '2026-01-01', end: '2026-03-31' },
        recipients: [{ id: 'a', score: 1, start: '2026-02-01', end: '2026-01-31' }],
      }),
      'DATES_OUT_OF_ORDER',
      ['recipients', 0, 'end'],
    );
    expectError(call({ ...ok, basis: 'days', period: { start: '2026-02-30', end: '2026-03-31' } }), 'INVALID_INPUT', [
      'period',
      'start',
    ]);
  });
  it('INVALID_DECIMAL, INVALID_AMOUNT, UNKNOWN_CURRENCY, INVALID_INPUT (shape)', () => {
    expectError(call({ ...ok, recipients: [{ id: 'a', score: '9O' }] }), 'INVALID_DECIMAL', ['recipients', 0, 'score']);
    expectError(call({ ...ok, pool: '1.005' }), 'INVALID_AMOUNT', ['pool']);
    expectError(call({ ...ok, recipients: [{ id: 'a', score: 1, cap: '1.005' }] }), 'INVALID_AMOUNT', [
      'recipients',
      0,
      'cap',
    ]);
    expectError(call({ ...ok, currency: 'cny' }), 'UNKNOWN_CURRENCY', ['currency']);
    expectError(call({ ...ok, recipients: [{ id: 'a', scroe: 1 }] }), 'INVALID_INPUT');
    expectError(call({ ...ok, weighting: { kind: 'log' } }), 'INVALID_INPUT', ['weighting', 'kind']);
  });
});

describe('allocatePool: per-person traces shared between rows', () => {
  it("every row's trace states its own score, basis, weight, cap and award, though steps are shared", () => {
    // Days basis in a 30-day month: joiners and leavers give several bases for the same score,
    // and one cap binds, so rows with the same score differ in basis, weight and cap.
    const result = allocatePool({
      pool: '1000.00',
      currency: 'CNY',
      basis: 'days',
      period: { start: '2026-11-01', end: '2026-11-30' },
      recipients: [
        { id: 'a', score: 80 },
        { id: 'b', score: 80, start: '2026-11-16' },
        { id: 'c', score: 80, cap: '10.00' },
        { id: 'd', score: 70, end: '2026-11-15' },
        { id: 'e', score: 70 },
      ],
    });
    for (const row of result.awards) {
      const [weightStep, awardStep] = row.trace;
      expect(weightStep?.inputs).toMatchObject({ basis: row.basis, score: row.score });
      expect(weightStep?.result).toBe(row.weight);
      expect(awardStep?.inputs).toMatchObject({ weight: row.weight, capped: String(row.capped), amount: '1000.00' });
      expect(awardStep?.result).toBe(row.award);
    }
    // Hand check: bases a 30, b 15, c 30, d 15, e 30; weights 80·30 = 2400, 1200, 2400, 1050, 2100.
    expect(result.awards.map((row) => `${row.id}:${row.basis}:${row.weight}`)).toEqual([
      'a:30:2400',
      'b:15:1200',
      'c:30:2400',
      'd:15:1050',
      'e:30:2100',
    ]);
    expect(result.awards.find((row) => row.id === 'c')).toMatchObject({ award: '10.00', capped: true });
    // a and c share score and basis: one weight step, frozen so no row can change another's.
    const [a, , c] = result.awards;
    expect(a?.trace[0]).toBe(c?.trace[0]);
    expect(Object.isFrozen(a?.trace[0]) && Object.isFrozen(a?.trace[0]?.inputs)).toBe(true);
    expect(a?.trace[1]?.inputs).not.toBe(c?.trace[1]?.inputs); // capped differs
    expect(Object.isFrozen(a?.trace)).toBe(true);
  });
});

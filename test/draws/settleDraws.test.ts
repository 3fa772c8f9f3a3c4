/**
 * Draws and guarantees (issue 19 §5): worked examples, the balance identity as a property, the
 * policy options and bad input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleDraws, type DrawPersonInput, type SettleDrawsInput } from '../../src/index.js';
import { expectError, runs } from '../helpers.js';

const fen = (text: string): bigint => BigInt(text.replace('.', ''));
const yuan = (minor: bigint): string => {
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};
const settle = (people: DrawPersonInput[], policy?: SettleDrawsInput['policy']) =>
  settleDraws({ currency: 'CNY', people, ...(policy === undefined ? {} : { policy }) }).people;

describe('settleDraws: worked examples', () => {
  it('a recoverable draw of 5,000.00 against 3,000.00 earned advances 2,000.00, owed back', () => {
    const [li] = settle([{ id: 'li', earned: '3000.00', draw: { kind: 'recoverable', amount: '5000.00' } }]);
    expect(li).toMatchObject({
      kind: 'recoverable',
      advanced: '2000.00',
      toppedUp: '0.00',
      recovered: '0.00',
      openingBalance: '0.00',
      closingBalance: '2000.00',
      paid: '5000.00',
    });
    expect(li!.trace.map((s) => s.rule)).toEqual(['draws.advance', 'draws.recover', 'draws.balance']);
  });

  it('earnings of 9,000.00 above a 5,000.00 draw repay an opening balance of 2,500.00 in full', () => {
    const [wu] = settle([
      { id: 'wu', earned: '9000.00', draw: { kind: 'recoverable', amount: '5000.00' }, openingBalance: '2500.00' },
    ]);
    expect(wu).toMatchObject({ recovered: '2500.00', closingBalance: '0.00', paid: '6500.00' });
  });

  it('a recovery share of 0.5 and a cap of 1,000.00 limit the recovery', () => {
    const person = {
      id: 'wu',
      earned: '9000.00',
      draw: { kind: 'recoverable' as const, amount: '5000.00' },
      openingBalance: '5000.00',
    };
    expect(settle([person], { recoveryShare: '0.5' })[0]).toMatchObject({
      recovered: '2000.00',
      closingBalance: '3000.00',
    });
    expect(settle([person], { recoveryShare: '0.5', maxRecovery: '1000.00' })[0]).toMatchObject({
      recovered: '1000.00',
      closingBalance: '4000.00',
      paid: '8000.00',
    });
    // 0.333 × 4,000.00 = 1,332.00 exactly; 0.3333 × 4,000.01 = 1,333.203333 → 1,333.20 (half-up)
    expect(settle([{ ...person, earned: '9000.01' }], { recoveryShare: '0.3333' })[0]!.recovered).toBe('1333.20');
  });

  it('a guarantee tops pay up to 5,000.00 and is never recovered', () => {
    const [zhou] = settle([{ id: 'zhou', earned: '1200.00', draw: { kind: 'guarantee', amount: '5000.00' } }]);
    expect(zhou).toMatchObject({ toppedUp: '3800.00', advanced: '0.00', closingBalance: '0.00', paid: '5000.00' });
  });

  it('a balance without a draw this period is recovered from any earnings', () => {
    const [chen] = settle([{ id: 'chen', earned: '700.00', openingBalance: '1000.00' }]);
    expect(chen).toMatchObject({ kind: null, recovered: '700.00', closingBalance: '300.00', paid: '0.00' });
  });

  it('a leaver repays the rest from final pay (never below zero) or has it written off', () => {
    const leaver = { id: 'he', earned: '0.00', otherPay: '1500.00', openingBalance: '4000.00', leaving: true };
    expect(settle([leaver])[0]).toMatchObject({ recovered: '1500.00', writtenOff: '0.00', closingBalance: '2500.00' });
    expect(settle([leaver], { onLeaving: 'writeOff' })[0]).toMatchObject({
      recovered: '0.00',
      writtenOff: '4000.00',
      closingBalance: '0.00',
    });
  });

  it('orders people by id and totals every figure', () => {
    const result = settleDraws({
      currency: 'CNY',
      people: [
        { id: 'b', earned: '100.00', draw: { kind: 'recoverable', amount: '300.00' } },
        { id: 'a', earned: '900.00', openingBalance: '50.00' },
      ],
    });
    expect(result.people.map((p) => p.id)).toEqual(['a', 'b']);
    expect(result.totals).toEqual({
      openingBalance: '50.00',
      advanced: '200.00',
      toppedUp: '0.00',
      recovered: '50.00',
      writtenOff: '0.00',
      closingBalance: '200.00',
      earned: '1000.00',
      paid: '1150.00',
    });
  });
});

const personArb = fc.record({
  earned: fc.integer({ min: -500_00, max: 50_000_00 }),
  draw: fc.option(
    fc.record({
      kind: fc.constantFrom('recoverable' as const, 'guarantee' as const),
      amount: fc.integer({ min: 0, max: 20_000_00 }),
    }),
    { nil: undefined },
  ),
  opening: fc.integer({ min: 0, max: 30_000_00 }),
  otherPay: fc.integer({ min: -1_000_00, max: 20_000_00 }),
  leaving: fc.boolean(),
});
const policyArb = fc.record({
  recoveryShare: fc.option(
    fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 10_000).toFixed(4)),
    { nil: undefined },
  ),
  maxRecovery: fc.option(
    fc.integer({ min: 0, max: 10_000_00 }).map((n) => yuan(BigInt(n))),
    { nil: undefined },
  ),
  onLeaving: fc.option(fc.constantFrom('recover' as const, 'writeOff' as const), { nil: undefined }),
});

describe('settleDraws: properties', () => {
  it('Σ paid = Σ earned + Σ topped up + Σ closing − Σ opening + Σ written off; balances never negative; recovery within its caps', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 12 }), policyArb, (people, policy) => {
        const input: DrawPersonInput[] = people.map((p, i) => ({
          id: `p${i}`,
          earned: yuan(BigInt(p.earned)),
          otherPay: yuan(BigInt(p.otherPay)),
          openingBalance: yuan(BigInt(p.opening)),
          leaving: p.leaving,
          ...(p.draw === undefined ? {} : { draw: { kind: p.draw.kind, amount: yuan(BigInt(p.draw.amount)) } }),
        }));
        const { people: out, totals } = settleDraws({ currency: 'CNY', people: input, policy });
        expect(fen(totals.paid)).toBe(
          fen(totals.earned) +
            fen(totals.toppedUp) +
            fen(totals.closingBalance) -
            fen(totals.openingBalance) +
            fen(totals.writtenOff),
        );
        for (const s of out) {
          expect(fen(s.closingBalance)).toBeGreaterThanOrEqual(0n);
          expect(fen(s.recovered)).toBeLessThanOrEqual(fen(s.openingBalance) + fen(s.advanced));
          const p = people[Number(s.id.slice(1))]!;
          if (!p.leaving && policy.maxRecovery !== undefined)
            expect(fen(s.recovered)).toBeLessThanOrEqual(fen(policy.maxRecovery));
          // pay never falls below the draw or guarantee because of a recovery
          if (p.draw !== undefined && !p.leaving)
            expect(fen(s.paid)).toBeGreaterThanOrEqual(
              BigInt(Math.min(p.draw.amount, Math.max(p.earned, p.draw.amount))),
            );
          // a leaver ends owing nothing, unless (under "recover") the final pay was all taken
          const final = fen(s.paid) + BigInt(p.otherPay);
          if (p.leaving && policy.onLeaving === 'writeOff') expect(fen(s.closingBalance)).toBe(0n);
          if (p.leaving && policy.onLeaving !== 'writeOff' && fen(s.closingBalance) > 0n)
            expect(final).toBeLessThanOrEqual(0n);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('settleDraws: bad input', () => {
  const ok = { id: 'a', earned: '1.00' };
  it('a negative draw → NEGATIVE_VALUE at its path', () => {
    expectError(() => settle([{ ...ok, draw: { kind: 'recoverable', amount: '-1.00' } }]), 'NEGATIVE_VALUE', [
      'people',
      0,
      'draw',
      'amount',
    ]);
  });
  it('a negative opening balance → NEGATIVE_VALUE', () => {
    expectError(() => settle([{ ...ok, openingBalance: '-5.00' }]), 'NEGATIVE_VALUE', ['people', 0, 'openingBalance']);
  });
  it('a recovery share above 1 → OUT_OF_RANGE', () => {
    expectError(() => settle([ok], { recoveryShare: '1.01' }), 'OUT_OF_RANGE', ['policy', 'recoveryShare']);
  });
  it('a person twice → DUPLICATE_ID', () => {
    expectError(() => settle([ok, ok]), 'DUPLICATE_ID', ['people', 1, 'id']);
  });
  it('fen beyond the currency → INVALID_AMOUNT', () => {
    expectError(() => settle([{ ...ok, earned: '1.001' }]), 'INVALID_AMOUNT', ['people', 0, 'earned']);
  });
  it('an unknown kind → INVALID_INPUT', () => {
    expectError(() => settle([{ ...ok, draw: { kind: 'loan' as 'guarantee', amount: '1.00' } }]), 'INVALID_INPUT', [
      'people',
      0,
      'draw',
      'kind',
    ]);
  });
});

/**
 * Arbitraries for the commission pool (SPEC §3.5, seed 001): front-line commissions to carve
 * (with clawbacks netted), and back-office recipients to share the pool among — linear, power
 * or constant-elasticity weighting, FTE or days basis, floors, caps, and two-level units.
 */
import fc from 'fast-check';
import type { AllocatePoolInput, CarvePoolInput } from '../../src/index.js';
import { decimalText } from './index.js';
import { moneyText } from './oracle.js';

/** A carve at 10 %, 12 % or 15 % (the articles' rates) or any 4-dp rate, clawbacks netted. */
export const carvePoolArb: fc.Arbitrary<CarvePoolInput> = fc
  .record({
    rate: fc.oneof(
      fc.constantFrom('0.10', '0.12', '0.15'),
      fc.integer({ min: 0, max: 10_000 }).map((n) => decimalText(BigInt(n), 4)),
    ),
    amounts: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 9n }) },
        { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 6n), max: 0n }) },
      ),
      { maxLength: 30 },
    ),
  })
  .map(({ rate, amounts }) => ({
    currency: 'CNY',
    rate,
    commissions: amounts.map((amount, i) => ({ id: `fl${i}`, amount: moneyText(amount, 2) })),
    clawbackPolicy: 'net' as const,
  }));

/** Recipients in units u0…u2 with scores 0–120, FTE, caps; one- or two-level. */
export const allocatePoolArb: fc.Arbitrary<AllocatePoolInput> = fc
  .record({
    pool: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10n ** 10n })),
    weighting: fc.constantFrom<AllocatePoolInput['weighting']>(
      { kind: 'linear' },
      { kind: 'power', exponent: '1.5' },
      { kind: 'elasticity', scoreChange: '0.10', awardChange: '0.15' },
    ),
    basis: fc.constantFrom('one' as const, 'fte' as const, 'days' as const),
    floor: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
    twoLevel: fc.boolean(),
    recipients: fc.array(
      fc.record({
        score: fc.integer({ min: 1, max: 12_000 }),
        fte: fc.integer({ min: 0, max: 100 }),
        unit: fc.integer({ min: 0, max: 2 }),
        cap: fc.option(fc.bigInt({ min: 0n, max: 10n ** 8n }), { nil: undefined, freq: 4 }),
        joined: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ pool, weighting, basis, floor, twoLevel, recipients }) => ({
    pool: moneyText(pool, 2),
    currency: 'CNY',
    weighting,
    basis,
    ...(floor === undefined ? {} : { floor }),
    ...(basis === 'days' ? { period: { start: '2026-04-01', end: '2026-06-30' } } : {}),
    ...(twoLevel ? { units: [0, 1, 2].map((u) => ({ id: `u${u}`, score: 80 + u * 10 })) } : {}),
    recipients: recipients.map((row, i) => ({
      id: `bo${i}`,
      score: decimalText(BigInt(row.score), 2),
      ...(basis === 'fte' ? { fte: decimalText(BigInt(row.fte), 2) } : {}),
      ...(twoLevel ? { unit: `u${row.unit}` } : {}),
      ...(row.cap === undefined ? {} : { cap: moneyText(row.cap, 2) }),
      ...(row.joined === undefined || basis !== 'days'
        ? {}
        : { start: `2026-04-${String(1 + (row.joined % 30)).padStart(2, '0')}` }),
    })),
  }));

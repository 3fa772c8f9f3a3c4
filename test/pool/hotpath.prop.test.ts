import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateScaled } from '../../src/core/allocate.js';
import { allocatePool, carvePool, SynergyPayError } from '../../src/index.js';
import { runs } from '../helpers.js';
import { splitByWeights } from '../../src/core/largestRemainder.js';

/** The pool's fast paths must agree with the core's reference implementations. */
describe('pool hot paths agree with the core', () => {
  it('rows of any shape give a result or a SynergyPayError, never a crash (fast check vs schema)', () => {
    const valueArb = fc.oneof(
      fc.constant('1.00'),
      fc.constant(-2),
      fc.constant('x'),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant('USD'),
      fc.constant('CNY'),
      fc.constant([]),
    );
    const rowArb = fc.record(
      {
        id: fc.oneof(fc.constant('a'), fc.constant(''), fc.constant(1)),
        amount: valueArb,
        currency: valueArb,
        extra: valueArb,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(rowArb, (row) => {
        const outcome = (run: () => unknown) => {
          try {
            run();
            return 'ok';
          } catch (error) {
            return error instanceof SynergyPayError ? error.code : 'crash';
          }
        };
        const carve = outcome(() =>
          carvePool({ currency: 'CNY', rate: '0.1', clawbackPolicy: 'net', commissions: [row as never] }),
        );
        expect(carve).not.toBe('crash');
        const share = outcome(() =>
          allocatePool({
            pool: '1.00',
            currency: 'CNY',
            recipients: [{ id: 'a', score: row.amount, cap: row.currency } as never],
          }),
        );
        expect(share).not.toBe('crash');
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('splitByWeights (carve on plain numbers) = the core allocation', () => {
  it('gives the same parts as allocateScaled, beyond 2^53 products too', () => {
    const weightArb = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 44 }));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 }),
        fc.array(weightArb, { minLength: 40, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ids, raw, fraction) => {
          const weights = Float64Array.from(ids.map((_, i) => raw[i] as number));
          const sum = weights.reduce((a, b) => a + b, 0);
          fc.pre(sum > 0 && sum <= 2 ** 49);
          const total = Math.floor(sum * fraction);
          const fast = splitByWeights(total, weights, ids);
          const core = allocateScaled(
            BigInt(total),
            { kind: 'bigint', values: Array.from(weights, (w) => BigInt(w)) },
            ids,
          );
          expect(fast).toBeDefined();
          expect(Array.from(fast?.parts ?? [], (part) => BigInt(part))).toEqual(
            Array.from(core?.parts ?? [], (part) => BigInt(part)),
          );
          // The round it reports is the core's only round (no caps): leftover units and shares.
          const round = core?.rounds[0];
          if (round === undefined) expect(fast?.leftover).toBe(0);
          else
            expect([fast?.leftover, fast?.positive, BigInt(fast?.weightSum ?? -1), core?.rounds.length]).toEqual([
              round.leftover,
              round.shares,
              round.weightSum,
              1,
            ]);
        },
      ),
      { numRuns: runs(2000) },
    );
  });
});

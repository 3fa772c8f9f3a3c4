/**
 * The pool's share across shards (issue 20 §2; docs/scale.md, "Support pool: share"): for random
 * recipients — caps, two levels, linear, power and elasticity weighting, days or FTE — and a
 * random partition of them into 1–5 shards, the exchange (Σ weights, floors, leftover candidates
 * and the threshold, caps re-split, units) gives the same awards, capped flags, unallocated
 * amount and rounds as the single-process `sharePool`, and the award rows, unit rows and trace
 * rendered from it are byte-identical. Every message goes through a JSON round trip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rescale } from '../../src/core/fixed.js';
import { awardRows, readShare, shareTrace, unitRows, type Share } from '../../src/pool/allocatePool.js';
import {
  splitAcrossShards,
  splitShard,
  splitUnitsAcrossShards,
  type SplitTransport,
} from '../../src/pool/shardedSplit.js';
import type { AllocatePoolInput } from '../../src/pool/types.js';
import { allocatePoolArb } from '../arbitraries/pool.js';
import { runs } from '../helpers.js';

/** Every message as it would cross a process boundary: JSON text and back (a BigInt would throw). */
const json: SplitTransport = (message) => JSON.parse(JSON.stringify(message)) as typeof message;

/** The single-process share, as `allocatePool` computes it (its issues thrown). */
function shareOf(input: AllocatePoolInput): { share: Share; digits: number } {
  const { share, digits } = readShare(input);
  return { share, digits };
}

/** The rows of each shard (global indexes), from a shard number per row. */
function partition(shardOf: readonly number[], n: number, shards: number): number[][] {
  const rows: number[][] = Array.from({ length: shards }, () => []);
  for (let i = 0; i < n; i++) rows[shardOf[i]! % shards]!.push(i);
  return rows;
}

/** The share with the sharded figures put back in row order. */
function shardedShare(share: Share, rows: number[][]): Share {
  const n = share.weights.length;
  const awards = new Array<bigint>(n).fill(0n);
  const capped = new Uint8Array(n);
  const caps = (indexes: number[]) => share.caps && indexes.map((i) => share.caps![i]);
  if (share.units === undefined) {
    const shards = rows.map((indexes) =>
      splitShard(
        indexes.map((i) => share.weights[i]!),
        indexes.map((i) => share.ids[i]!),
        caps(indexes),
      ),
    );
    const split = splitAcrossShards(share.pool, shards, json);
    rows.forEach((indexes, s) => {
      indexes.forEach((i, k) => {
        awards[i] = split.parts[s]![k]!;
        capped[i] = split.capped[s]![k]!;
      });
    });
    return { ...share, awards, capped, unallocated: split.unallocated, rounds: split.rounds };
  }
  const { scoreDecimals } = share.terms.policy;
  const split = splitUnitsAcrossShards(
    share.pool,
    share.terms.units!.map((unit) => unit.id),
    share.units.map((unit) => rescale(unit.score, scoreDecimals)),
    rows.map((indexes) => ({
      weights: indexes.map((i) => share.weights[i]!),
      ids: indexes.map((i) => share.ids[i]!),
      caps: caps(indexes),
      unit: indexes.map((i) => share.unit![i]!),
    })),
    json,
  );
  rows.forEach((indexes, s) => {
    indexes.forEach((i, k) => {
      awards[i] = split.awards[s]![k]!;
      capped[i] = split.capped[s]![k]!;
    });
  });
  const units = share.units.map((unit, u) => {
    const { weight, headcount, amount, left, split: didSplit } = split.units[u]!;
    return { ...unit, weight, headcount, amount, left, split: didSplit };
  });
  return { ...share, awards, capped, unallocated: split.unallocated, rounds: split.rounds, units };
}

/**
 * Recipients built for ties and binding caps: few distinct scores (equal remainders, decided by
 * weight and then id), small pools, caps from a short list (rounds where the caps take all that
 * is left), ids that are not in input order.
 */
const tiedPoolArb: fc.Arbitrary<AllocatePoolInput> = fc
  .record({
    pool: fc.integer({ min: 0, max: 40 }),
    twoLevel: fc.boolean(),
    recipients: fc.uniqueArray(
      fc.record({
        score: fc.constantFrom(0, 1, 2),
        unit: fc.integer({ min: 0, max: 1 }),
        cap: fc.option(fc.constantFrom(0, 1, 2, 5), { nil: undefined, freq: 2 }),
        id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'),
      }),
      { maxLength: 12, selector: (row) => row.id },
    ),
  })
  .map(({ pool, twoLevel, recipients }) => ({
    pool: `0.${String(pool).padStart(2, '0')}`,
    currency: 'CNY',
    ...(twoLevel
      ? {
          units: [
            { id: 'u0', score: 1 },
            { id: 'u1', score: 2 },
          ],
        }
      : {}),
    recipients: recipients.map((row) => ({
      id: row.id,
      score: row.score,
      ...(twoLevel ? { unit: `u${row.unit}` } : {}),
      ...(row.cap === undefined ? {} : { cap: `0.0${row.cap}` }),
    })),
  }));

const text = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

describe('the pool share across shards equals the single-process share', () => {
  it('for random recipients (caps, two levels, ties) and random partitions into 1–5 shards', () => {
    const arb = fc.oneof(allocatePoolArb, tiedPoolArb).chain((input) =>
      fc.record({
        input: fc.constant(input),
        shards: fc.integer({ min: 1, max: 5 }),
        shardOf: fc.array(fc.nat(4), { minLength: input.recipients.length, maxLength: input.recipients.length }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ input, shards, shardOf }) => {
        const { share, digits } = shareOf(input);
        const sharded = shardedShare(share, partition(shardOf, share.weights.length, shards));
        expect(Array.from(sharded.awards, String)).toEqual(Array.from(share.awards, String));
        expect(Array.from(sharded.capped)).toEqual(Array.from(share.capped));
        expect(sharded.unallocated).toBe(share.unallocated);
        expect(text(sharded.rounds)).toBe(text(share.rounds));
        expect(text(sharded.units)).toBe(text(share.units));
        expect(JSON.stringify(awardRows(sharded, digits, true))).toBe(JSON.stringify(awardRows(share, digits, true)));
        expect(JSON.stringify(unitRows(sharded, digits))).toBe(JSON.stringify(unitRows(share, digits)));
        expect(JSON.stringify(shareTrace(sharded, digits))).toBe(JSON.stringify(shareTrace(share, digits)));
      }),
      { numRuns: runs(500) },
    );
  });

  it('caps re-split over several rounds, the leftover units going to shares in different shards', () => {
    // 10.00 among five equal weights with caps 1.00 and 1.50 on two of them, in three shards.
    const input: AllocatePoolInput = {
      pool: '10.00',
      currency: 'CNY',
      recipients: [
        { id: 'a', score: 1, cap: '1.00' },
        { id: 'b', score: 1, cap: '1.50' },
        { id: 'c', score: 1 },
        { id: 'd', score: 1 },
        { id: 'e', score: 1 },
      ],
    };
    const { share } = shareOf(input);
    const sharded = shardedShare(share, [[0, 3], [1], [2, 4]]);
    expect(Array.from(sharded.awards, String)).toEqual(['100', '150', '250', '250', '250']);
    expect(sharded.rounds.map((round) => [round.amount, round.newlyCapped])).toEqual([
      [1000n, 2],
      [750n, 0],
    ]);
    expect(Array.from(sharded.awards, String)).toEqual(Array.from(share.awards, String));
  });

  it('the threshold gives the leftover units by remainder, then smaller weight, then id, across shards', () => {
    // 1 fen among three equal shares: the first id in code-unit order wins, whichever shard holds it.
    const shards = [splitShard([1], ['z']), splitShard([1], ['m']), splitShard([1], ['b'])];
    const split = splitAcrossShards(1n, shards, json);
    expect(split.parts).toEqual([[0n], [0n], [1n]]);
    expect(split.rounds).toEqual([{ amount: 1n, weightSum: 3n, shares: 3, leftover: 1, newlyCapped: 0 }]);
  });
});

import { type RemainderRound, splitAmounts } from '../core/largestRemainder.js';
import type { Amount } from '../core/money.js';

/**
 * The pool's largest-remainder split when the recipients are spread over shards (issue 20 §2;
 * docs/scale.md, "Support pool: share"): the same parts, caps, unallocated amount and rounds as
 * `largestRemainder` on all the recipients at once, while each shard sees only its own rows and
 * the coordinator only sums, the leftover candidates and the caps fixed. Every message between a
 * shard and the coordinator is plain JSON (integers as decimal strings).
 *
 * A round: each shard sends Σ weights of its active shares ({@link SplitWeights}); the coordinator
 * sends M and W ({@link SplitRound}); each shard sends Σ ⌊M·wᵢ/W⌋ ({@link SplitFloors}); the
 * coordinator sends k = M − Σ floors; each shard sends its best min(k, active) candidates
 * ({@link SplitCandidate}: remainder, weight, id); the coordinator sends back the k-th best of all
 * of them, the threshold: the ranking is a total order (larger remainder, then smaller weight,
 * then id in code-unit order; ids are unique), so each shard adds one unit to exactly its shares
 * ranked at or before it. Then each shard fixes its shares above their cap ({@link SplitCaps});
 * if any shard fixed one, M drops by the caps and the rest is re-split in a new round.
 */

/** A shard's shares of one split and its working figures (kept by the shard, never sent). */
export interface SplitShard {
  readonly ids: readonly string[];
  readonly weights: readonly bigint[];
  readonly caps: readonly (bigint | undefined)[] | undefined;
  /** Indexes of the shares still taking part: positive weight, not fixed at a cap. */
  active: number[];
  readonly parts: bigint[];
  readonly remainders: bigint[];
  /** 1 where the share was fixed at its cap. */
  readonly capped: Uint8Array;
}

/** Shard → coordinator at the start of a round: Σ weights of its active shares and how many. */
export interface SplitWeights {
  readonly weightSum: string;
  readonly active: number;
}

/** Coordinator → shards: the amount split in the round (M) and Σ weights of every active share (W). */
export interface SplitRound {
  readonly amount: string;
  readonly weightSum: string;
}

/** Shard → coordinator: Σ ⌊M·wᵢ/W⌋ over its active shares. */
export interface SplitFloors {
  readonly floors: string;
}

/** A share competing for a leftover unit: its remainder M·wᵢ mod W, its weight and id. */
export interface SplitCandidate {
  readonly remainder: string;
  readonly weight: string;
  readonly id: string;
}

/** Shard → coordinator after the leftover units: Σ caps of the shares it fixed and how many. */
export interface SplitCaps {
  readonly fixed: string;
  readonly count: number;
}

/** The outcome of a split across shards: per shard its parts and capped flags, as `largestRemainder` gives them. */
export interface ShardedSplit {
  readonly parts: bigint[][];
  readonly capped: Uint8Array[];
  readonly unallocated: bigint;
  readonly rounds: RemainderRound[];
}

/** How messages travel between the coordinator and a shard (the identity in one process; a JSON round trip in tests). */
export type SplitTransport = <T>(message: T) => T;

/** A shard's side of a split over its rows (weights ≥ 0 as integers; caps in minor units). */
export function splitShard(
  weights: readonly Amount[],
  ids: readonly string[],
  caps?: readonly (bigint | undefined)[],
): SplitShard {
  const values = weights.map((weight) => BigInt(weight));
  const active: number[] = [];
  values.forEach((weight, i) => {
    if (weight > 0n) active.push(i);
  });
  return {
    ids,
    weights: values,
    caps,
    active,
    parts: values.map(() => 0n),
    remainders: values.map(() => 0n),
    capped: new Uint8Array(values.length),
  };
}

/** Σ weights of the shard's active shares (the first message of a round). */
export function shardWeights(shard: SplitShard): SplitWeights {
  let sum = 0n;
  for (const i of shard.active) sum += shard.weights[i]!;
  return { weightSum: String(sum), active: shard.active.length };
}

/** A new round after caps were fixed somewhere: the shard's active parts start again from zero. */
export function shardResplit(shard: SplitShard): SplitWeights {
  for (const i of shard.active) shard.parts[i] = 0n;
  return shardWeights(shard);
}

/** Each active share's floor ⌊M·wᵢ/W⌋ and remainder; their Σ. */
export function shardFloors(shard: SplitShard, round: SplitRound): SplitFloors {
  const amount = BigInt(round.amount);
  const weightSum = BigInt(round.weightSum);
  let floors = 0n;
  for (const i of shard.active) {
    const product = amount * shard.weights[i]!;
    const quotient = product / weightSum;
    shard.parts[i] = quotient;
    shard.remainders[i] = product - quotient * weightSum;
    floors += quotient;
  }
  return { floors: String(floors) };
}

/** Whether candidate `a` ranks before `b`: larger remainder, then smaller weight, then id (code units). */
export function ranksBefore(a: SplitCandidate, b: SplitCandidate): boolean {
  const ra = BigInt(a.remainder);
  const rb = BigInt(b.remainder);
  if (ra !== rb) return ra > rb;
  const wa = BigInt(a.weight);
  const wb = BigInt(b.weight);
  if (wa !== wb) return wa < wb;
  return a.id < b.id;
}

function compareCandidates(a: SplitCandidate, b: SplitCandidate): number {
  return ranksBefore(a, b) ? -1 : ranksBefore(b, a) ? 1 : 0;
}

function candidateOf(shard: SplitShard, i: number): SplitCandidate {
  return { remainder: String(shard.remainders[i]!), weight: String(shard.weights[i]!), id: shard.ids[i]! };
}

/** The shard's best min(k, active) shares for the k leftover units, best first. */
export function shardCandidates(shard: SplitShard, leftover: number): SplitCandidate[] {
  const all = shard.active.map((i) => candidateOf(shard, i)).sort(compareCandidates);
  return all.slice(0, Math.min(leftover, all.length));
}

/** One unit to each active share ranked at or before the threshold (the k-th best of all shards). */
export function shardTopUp(shard: SplitShard, threshold: SplitCandidate): void {
  for (const i of shard.active) {
    const candidate = candidateOf(shard, i);
    if (candidate.id === threshold.id || ranksBefore(candidate, threshold)) shard.parts[i] = shard.parts[i]! + 1n;
  }
}

/** Fixes the shard's shares above their cap (they leave the active set); Σ of those caps. */
export function shardCaps(shard: SplitShard): SplitCaps {
  const { caps } = shard;
  if (caps === undefined) return { fixed: '0', count: 0 };
  let fixed = 0n;
  let count = 0;
  shard.active = shard.active.filter((i) => {
    const cap = caps[i];
    if (cap === undefined || shard.parts[i]! <= cap) return true;
    shard.parts[i] = cap;
    shard.capped[i] = 1;
    fixed += cap;
    count++;
    return false;
  });
  return { fixed: String(fixed), count };
}

/** The coordinator's threshold: the k-th best of every shard's candidates. */
export function leftoverThreshold(candidates: readonly SplitCandidate[][], leftover: number): SplitCandidate {
  const all = candidates.flat().sort(compareCandidates);
  return all[leftover - 1]!;
}

/**
 * Runs the split of `total` (≥ 0, minor units) over the shards, the coordinator's side of every
 * round, each message passed through `send`. Same parts, capped flags, unallocated amount and
 * rounds as `largestRemainder` over all the shards' rows in one list.
 */
export function splitAcrossShards(total: bigint, shards: readonly SplitShard[], send: SplitTransport): ShardedSplit {
  let amount = total;
  const rounds: RemainderRound[] = [];
  for (let round = 0; ; round++) {
    const sums = shards.map((shard) => send(round === 0 ? shardWeights(shard) : shardResplit(shard)));
    const shares = sums.reduce((n, sum) => n + sum.active, 0);
    if (shares === 0 || amount === 0n) break;
    const weightSum = sums.reduce((sum, message) => sum + BigInt(message.weightSum), 0n);
    const terms = send<SplitRound>({ amount: String(amount), weightSum: String(weightSum) });
    const floors = shards.reduce((sum, shard) => sum + BigInt(send(shardFloors(shard, terms)).floors), 0n);
    const leftover = Number(amount - floors);
    if (leftover > 0) {
      const threshold = send(
        leftoverThreshold(
          shards.map((shard) => send(shardCandidates(shard, leftover))),
          leftover,
        ),
      );
      for (const shard of shards) shardTopUp(shard, threshold);
    }
    const fixed = shards.map((shard) => send(shardCaps(shard)));
    const newlyCapped = fixed.reduce((n, message) => n + message.count, 0);
    rounds.push({ amount, weightSum, shares, leftover, newlyCapped });
    if (newlyCapped === 0) return outcome(shards, 0n, rounds);
    amount -= fixed.reduce((sum, message) => sum + BigInt(message.fixed), 0n);
  }
  return outcome(shards, amount, rounds);
}

function outcome(shards: readonly SplitShard[], unallocated: bigint, rounds: RemainderRound[]): ShardedSplit {
  return {
    parts: shards.map((shard) => shard.parts),
    capped: shards.map((shard) => shard.capped),
    unallocated,
    rounds,
  };
}

/** Shard → coordinator for a two-level pool: per unit, Σ weights of its members here and how many have a positive weight. */
export interface UnitWeights {
  readonly weightSum: string;
  readonly positive: number;
}

/** A shard's rows of a two-level pool: weights, ids, caps and each row's unit index. */
export interface UnitShardRows {
  readonly weights: readonly Amount[];
  readonly ids: readonly string[];
  readonly caps: readonly (bigint | undefined)[] | undefined;
  readonly unit: readonly number[];
}

/** The shard's per-unit figures (the first message of a two-level split). */
export function shardUnitWeights(rows: UnitShardRows, units: number): UnitWeights[] {
  const sums = Array.from({ length: units }, () => ({ weightSum: 0n, positive: 0 }));
  rows.weights.forEach((weight, i) => {
    const sum = sums[rows.unit[i]!]!;
    sum.weightSum += BigInt(weight);
    if (BigInt(weight) > 0n) sum.positive++;
  });
  return sums.map((sum) => ({ weightSum: String(sum.weightSum), positive: sum.positive }));
}

/** One unit's level of a two-level split across shards: its weight and headcount, amount, what is left. */
export interface ShardedUnit {
  readonly weight: bigint;
  readonly headcount: number;
  readonly amount: bigint;
  readonly left: bigint;
  readonly split: boolean;
  /** Σ weights of the unit's members (every shard). */
  readonly memberWeights: bigint;
}

/**
 * Two levels across shards: the pool split among units by unit score × headcount (members with
 * a positive weight, summed over shards; `unitScores` already scaled to integers), then each
 * unit's part split among its members across the shards by {@link splitAcrossShards}.
 * Same awards, capped flags, unit levels and top-level rounds as the single-process share.
 */
export function splitUnitsAcrossShards(
  pool: bigint,
  unitIds: readonly string[],
  unitScores: readonly bigint[],
  shards: readonly UnitShardRows[],
  send: SplitTransport,
): { awards: bigint[][]; capped: Uint8Array[]; unallocated: bigint; rounds: RemainderRound[]; units: ShardedUnit[] } {
  const perShard = shards.map((rows) => send(shardUnitWeights(rows, unitIds.length)));
  const headcounts = unitIds.map((_, u) => perShard.reduce((n, sums) => n + sums[u]!.positive, 0));
  const memberWeights = unitIds.map((_, u) => perShard.reduce((sum, sums) => sum + BigInt(sums[u]!.weightSum), 0n));
  const weightOf = unitScores.map((score, u) => score * BigInt(headcounts[u]!));
  const top = splitAmounts(pool, weightOf, unitIds);
  let unallocated = top === undefined ? pool : 0n;
  const awards = shards.map((rows) => rows.weights.map(() => 0n));
  const capped = shards.map((rows) => new Uint8Array(rows.weights.length));
  // Each shard's rows bucketed by unit once (not a scan of every row per unit).
  const byUnit = shards.map((rows) => {
    const buckets = unitIds.map((): number[] => []);
    rows.unit.forEach((unit, i) => buckets[unit]?.push(i));
    return buckets;
  });
  const units = unitIds.map((_, u): ShardedUnit => {
    const amount = top === undefined ? 0n : BigInt(top.parts[u]!);
    const level = { weight: weightOf[u]!, headcount: headcounts[u]!, amount, memberWeights: memberWeights[u]! };
    if (amount === 0n) return { ...level, left: 0n, split: false };
    const members = byUnit.map((buckets) => buckets[u]!);
    const split = splitAcrossShards(
      amount,
      shards.map((rows, s) =>
        splitShard(
          members[s]!.map((i) => rows.weights[i]!),
          members[s]!.map((i) => rows.ids[i]!),
          rows.caps && members[s]!.map((i) => rows.caps![i]),
        ),
      ),
      send,
    );
    members.forEach((indexes, s) => {
      indexes.forEach((i, m) => {
        awards[s]![i] = split.parts[s]![m]!;
        capped[s]![i] = split.capped[s]![m]!;
      });
    });
    unallocated += split.unallocated;
    return { ...level, left: split.unallocated, split: true };
  });
  return { awards, capped, unallocated, rounds: top?.rounds ?? [], units };
}

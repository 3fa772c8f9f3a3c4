/**
 * Reusable fast-check arbitraries for the interlock tests: crediting scenarios (dimensions,
 * members with optional windows and targets, facts with full or split credit) and an
 * independent BigInt oracle of the expected credits.
 */
import fc from 'fast-check';
import type { CreditFactsInput, RevenueFact } from '../../src/index.js';

export const fenText = (minor: bigint): string => {
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
};
export const fenOf = (text: string): bigint => {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const minor = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -minor : minor;
};

const dateArb = fc.integer({ min: 1, max: 28 }).map((day) => `2026-02-${String(day).padStart(2, '0')}`);
const amountArb = fc.oneof(
  { weight: 4, arbitrary: fc.bigInt({ min: -(10n ** 6n), max: 10n ** 8n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }) },
);
/** Shares of `k` members with 4 decimals summing to exactly 1. */
const sharesArb = (k: number) =>
  fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return points.slice(1).map((point, j) => ((point - (points[j] as number)) / 10_000).toFixed(4));
  });

/** A crediting scenario: 1–3 dimensions, 1–4 members each, 0–25 facts. */
export const scenarioArb: fc.Arbitrary<CreditFactsInput> = fc
  .array(
    fc.record({
      size: fc.integer({ min: 1, max: 4 }),
      windows: fc.array(fc.option(fc.tuple(dateArb, dateArb), { nil: undefined }), { minLength: 4, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .chain((dims) => {
    const dimensions = dims.map((dim, d) => ({
      id: `d${d}`,
      members: Array.from({ length: dim.size }, (_, m) => {
        const window = dim.windows[m];
        const member: { id: string; start?: string; end?: string } = { id: `m${m}` };
        if (window !== undefined) {
          const [a, b] = window[0] <= window[1] ? window : [window[1], window[0]];
          member.start = a;
          member.end = b;
        }
        return member;
      }),
    }));
    const memberArb = (size: number): fc.Arbitrary<RevenueFact['members'][string]> =>
      fc.oneof(
        fc.integer({ min: 0, max: size - 1 }).map((m) => `m${m}`),
        fc
          .shuffledSubarray(
            Array.from({ length: size }, (_, m) => `m${m}`),
            { minLength: 1 },
          )
          .chain((ids) =>
            sharesArb(ids.length).map((shares) => ids.map((id, j) => ({ id, share: shares[j] as string }))),
          ),
      );
    const factArb = fc.record({
      amount: amountArb,
      date: dateArb,
      members: fc.tuple(...dims.map((dim) => memberArb(dim.size))),
    });
    return fc.array(factArb, { maxLength: 25 }).map((facts) => ({
      currency: 'CNY',
      dimensions,
      facts: facts.map((fact, i) => ({
        id: `f${String(i).padStart(2, '0')}`,
        amount: fenText(fact.amount),
        date: fact.date,
        members: Object.fromEntries(fact.members.map((value, d) => [`d${d}`, value])),
      })),
    }));
  });

/** An independent largest-remainder split in BigInt: ties by larger remainder, smaller weight, id. */
export function oracleSplit(total: bigint, parts: { id: string; weight: bigint }[]): Map<string, bigint> {
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  const weightSum = parts.reduce((sum, part) => sum + part.weight, 0n);
  const rows = parts.map((part) => ({
    ...part,
    floor: (magnitude * part.weight) / weightSum,
    remainder: (magnitude * part.weight) % weightSum,
  }));
  let left = magnitude - rows.reduce((sum, row) => sum + row.floor, 0n);
  const ranked = [...rows].sort((a, b) =>
    a.remainder !== b.remainder
      ? a.remainder > b.remainder
        ? -1
        : 1
      : a.weight !== b.weight
        ? a.weight < b.weight
          ? -1
          : 1
        : a.id < b.id
          ? -1
          : 1,
  );
  for (const row of ranked) {
    if (left === 0n) break;
    row.floor += 1n;
    left -= 1n;
  }
  return new Map(rows.map((row) => [row.id, negative ? -row.floor : row.floor]));
}

/** Expected credits and exclusions per dimension and member, computed from scratch. */
export function oracleCredits(input: CreditFactsInput): {
  total: bigint;
  credit: Map<string, bigint>;
  excluded: Map<string, bigint>;
} {
  const credit = new Map<string, bigint>();
  const excluded = new Map<string, bigint>();
  let total = 0n;
  const add = (map: Map<string, bigint>, key: string, amount: bigint) => map.set(key, (map.get(key) ?? 0n) + amount);
  for (const fact of input.facts) {
    const amount = fenOf(String(fact.amount));
    total += amount;
    for (const dimension of input.dimensions) {
      const value = fact.members[dimension.id];
      const pieces =
        typeof value === 'string'
          ? new Map([[value, amount]])
          : oracleSplit(
              amount,
              (value ?? []).map((part) => ({ id: part.id, weight: BigInt(String(part.share).replace('.', '')) })),
            );
      for (const [member, piece] of pieces) {
        const declared = dimension.members.find((m) => m.id === member);
        const inside =
          (declared?.start === undefined || fact.date >= declared.start) &&
          (declared?.end === undefined || fact.date <= declared.end);
        add(inside ? credit : excluded, `${dimension.id}/${member}`, piece);
      }
    }
  }
  return { total, credit, excluded };
}

/** A deterministic shuffle driven by fast-check's random source. */
export function shuffle<T>(items: readonly T[], seeds: readonly number[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = (seeds[i % Math.max(seeds.length, 1)] ?? 0) % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Party weights with 4 decimals summing to exactly 1, 1–5 parties. */
export const partiesArb = fc
  .integer({ min: 1, max: 5 })
  .chain((k) =>
    fc.tuple(
      sharesArb(k),
      fc.shuffledSubarray(['delivery', 'finance', 'product', 'sales', 'service'], { minLength: k, maxLength: k }),
    ),
  )
  .map(([weights, ids]) => ids.map((id, j) => ({ id, weight: weights[j] as string })));

/** A `higherIsBetter` achievement table: bounds strictly descending, scores never rising down the bands. */
export const achievementTableArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 0, maxLength: 4 })
  .chain((bounds) =>
    fc.tuple(
      fc.constant(bounds.sort((a, b) => b - a)),
      fc.array(fc.integer({ min: 0, max: 150 }), { minLength: bounds.length + 1, maxLength: bounds.length + 1 }),
      fc.boolean(),
    ),
  )
  .map(([bounds, scores, interpolate]) => {
    const sorted = scores.sort((a, b) => b - a);
    return {
      direction: 'higherIsBetter' as const,
      interpolate,
      bands: [
        ...bounds.map((bound, i) => ({ bound: (bound / 100).toFixed(2), score: sorted[i] as number })),
        { score: sorted[bounds.length] as number },
      ],
    };
  });

/** An interlocked indicator with a decimal actual. */
export const indicatorArb = fc
  .record({
    target: fc.integer({ min: 1, max: 10 ** 7 }),
    actual: fc.integer({ min: 0, max: 2 * 10 ** 7 }),
    parties: partiesArb,
    scoreTable: achievementTableArb,
    rewardThreshold: fc.integer({ min: 50, max: 150 }),
    severeGap: fc.integer({ min: 0, max: 60 }),
    reward: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    deduction: fc.bigInt({ min: 0n, max: 10n ** 12n }),
  })
  .map((r) => ({
    target: String(r.target),
    actual: String(r.actual),
    parties: r.parties,
    scoreTable: r.scoreTable,
    reward: { threshold: (r.rewardThreshold / 100).toFixed(2), amount: fenText(r.reward) },
    severeMiss: { threshold: ((r.rewardThreshold - r.severeGap) / 100).toFixed(2), deduction: fenText(r.deduction) },
  }));

/**
 * Reusable fast-check arbitraries for synergy-pay tests: decimals, money in several currencies,
 * weighted shares, tier tables, crediting scenarios and (see `scenario.ts`) whole period-run
 * scenarios. Import them in any test:
 *
 * ```ts
 * import { moneyCase, sharesArb } from '../arbitraries/index.js';
 * fc.assert(fc.property(moneyCase, sharesArb(), ({ currency, total }, shares) => …));
 * ```
 *
 * Every arbitrary produces plain JSON that the library's schemas accept (or, where named
 * `…Any`, structurally valid but adversarial data).
 */
import fc from 'fast-check';
import type { TierTable } from '../../src/index.js';
import { moneyText } from './oracle.js';

export * from './oracle.js';

/** The three minor-digit cases the library must handle: 2 (CNY), 0 (JPY), 3 (KWD). */
export const currencies = [
  { currency: 'CNY', digits: 2 },
  { currency: 'JPY', digits: 0 },
  { currency: 'KWD', digits: 3 },
] as const;
export type CurrencyCase = (typeof currencies)[number];
export const currencyArb: fc.Arbitrary<CurrencyCase> = fc.constantFrom(...currencies);

/** `numerator / 10^scale` as a plain decimal string ("-1.25", "0", "3"). */
export function decimalText(numerator: bigint, scale: number): string {
  const negative = numerator < 0n;
  const digits = (negative ? -numerator : numerator).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fractionPart = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = fractionPart === '' ? whole : `${whole}.${fractionPart}`;
  return negative && text !== '0' ? `-${text}` : text;
}

/** A non-negative decimal string with 0–6 decimals, zero one time in eight. */
export const weightArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constant('0') },
  {
    weight: 7,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 10n ** 12n })),
        fc.integer({ min: 0, max: 6 }),
      )
      .map(([units, scale]) => decimalText(units, scale)),
  },
);

/** Minor units: mostly modest, sometimes beyond 2^53, sometimes zero. */
export const minorArb = (options: { negative?: boolean } = {}): fc.Arbitrary<bigint> => {
  const low = options.negative === false ? 0n : undefined;
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(0n) },
    { weight: 6, arbitrary: fc.bigInt({ min: low ?? -(10n ** 7n), max: 10n ** 9n }) },
    { weight: 2, arbitrary: fc.bigInt({ min: low ?? -(2n ** 70n), max: 2n ** 70n }) },
  );
};

/** A currency with an amount in it: `{ currency, digits, minor, total }` (total as money text). */
export const moneyCase = (options: { negative?: boolean } = {}) =>
  fc.tuple(currencyArb, minorArb(options)).map(([c, minor]) => ({ ...c, minor, total: moneyText(minor, c.digits) }));

/** Share rows `{ id, weight }` with unique ids ("s0"…, shuffled), 1–`max` rows. */
export const sharesArb = (max = 20): fc.Arbitrary<{ id: string; weight: string }[]> =>
  fc.array(weightArb, { minLength: 1, maxLength: max }).chain((weights) =>
    fc.shuffledSubarray(
      weights.map((weight, i) => ({ id: `s${i}`, weight })),
      { minLength: weights.length, maxLength: weights.length },
    ),
  );

/** Weights as `k` 4-decimal strings summing to exactly 1. */
export const unitSharesArb = (k: number): fc.Arbitrary<string[]> =>
  fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return points.slice(1).map((point, j) => decimalText(BigInt(point - (points[j] as number)), 4));
  });

/** A permutation of `items` (same length). */
export const permutationOf = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

export type Direction = 'lowerIsBetter' | 'higherIsBetter';

/** A valid tier table (bands best first, bounds strictly ordered in its direction, scores never rising). */
export const tierTableArb = (
  options: {
    directions?: readonly Direction[];
    interpolate?: boolean;
    boundMin?: number;
    boundMax?: number;
    scoreScale?: number;
  } = {},
): fc.Arbitrary<TierTable> =>
  fc
    .record({
      direction: fc.constantFrom<Direction>(...(options.directions ?? ['lowerIsBetter', 'higherIsBetter'])),
      interpolate: options.interpolate === undefined ? fc.boolean() : fc.constant(options.interpolate),
      bounds: fc.uniqueArray(fc.integer({ min: options.boundMin ?? -100_000, max: options.boundMax ?? 100_000 }), {
        maxLength: 5,
      }),
      scores: fc.array(fc.integer({ min: 0, max: 12_000 }), { minLength: 6, maxLength: 6 }),
    })
    .map(({ direction, interpolate, bounds, scores }) => {
      const ordered = bounds.sort((a, b) => a - b);
      if (direction === 'higherIsBetter') ordered.reverse();
      const bandScores = scores.slice(0, ordered.length + 1).sort((a, b) => b - a);
      const bands = bandScores.map((score, i): TierTable['bands'][number] => {
        const band = { score: decimalText(BigInt(score), options.scoreScale ?? 2) };
        return i < ordered.length ? { ...band, bound: decimalText(BigInt(ordered[i] as number), 2) } : band;
      });
      return { direction, interpolate, bands };
    });

/**
 * Shuffles every array inside a JSON value with `seeds` (deterministic) and reverses every
 * object's key order, keeping content. Arrays under the keys in `ordered` (whose order means
 * something, like a tier table's `bands`) are left in place.
 */
export function shuffleDeep<T>(value: T, seeds: readonly number[], ordered: ReadonlySet<string> = orderedKeys): T {
  let k = 0;
  const next = () => seeds[k++ % Math.max(1, seeds.length)] ?? 0;
  const walk = (node: unknown, key?: string): unknown => {
    if (Array.isArray(node) && key !== undefined && ordered.has(key)) return node.map((inner) => walk(inner));
    if (Array.isArray(node)) {
      const copy = node.map((inner) => walk(inner));
      for (let i = copy.length - 1; i > 0; i--) {
        const j = next() % (i + 1);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    }
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node as Record<string, unknown>).map(
        ([name, inner]) => [name, walk(inner, name)] as const,
      );
      // Reverse key order too: output must not depend on it.
      return Object.fromEntries(entries.reverse());
    }
    return node;
  };
  return walk(value) as T;
}

/**
 * Keys whose arrays are ordered by meaning (bands best first, intervals of a day, elastic
 * conditions — the first that applies wins); versions' grades stay sets.
 */
export const orderedKeys: ReadonlySet<string> = new Set(['bands', 'intervals', 'hours', 'elastic']);

/** Every string leaf and key of a JSON value (for "no NaN, no undefined" checks). */
export function* jsonLeaves(
  value: unknown,
  path: (string | number)[] = [],
): Generator<{ path: (string | number)[]; value: unknown }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* jsonLeaves(value[i], [...path, i]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) yield* jsonLeaves(inner, [...path, key]);
  } else yield { path, value };
}

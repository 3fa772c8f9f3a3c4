/**
 * allocate over 10, 1,000, 100,000 and 1,000,000 shares with decimal-string weights, beside
 * dinero.js v2 `allocate` and a straightforward decimal.js largest remainder, on the same input.
 * Every method is checked to conserve the total before it is timed.
 */
import DecimalJs from 'decimal.js';
import { allocate as dineroAllocate, dinero, toSnapshot } from 'dinero.js';
import { allocate } from '../src/index.js';
import { allocateScaled, scaleWeightTexts } from '../src/core/allocate.js';
import { benchSuite, prng } from './harness.js';

const TOTAL_MINOR = 123_456_789;
const CNY = { code: 'CNY', base: 10, exponent: 2 } as const;

function makeShares(n: number) {
  const random = prng(n);
  return Array.from({ length: n }, (_, i) => ({
    id: `s${String(i).padStart(7, '0')}`,
    weight: String((1 + Math.floor(random() * 999_999)) / 10_000), // 0.0001–100.0000
  }));
}

/** A straightforward decimal.js largest remainder (the "obvious" implementation). */
function decimalLargestRemainder(totalMinor: number, weights: readonly string[]): bigint[] {
  const D = DecimalJs.clone({ precision: 40 });
  const ws = weights.map((w) => new D(w));
  const sum = ws.reduce((a, b) => a.plus(b), new D(0));
  const exact = ws.map((w) => new D(totalMinor).times(w).dividedBy(sum));
  const floors = exact.map((e) => e.floor());
  let left = totalMinor - floors.reduce((a, b) => a + b.toNumber(), 0);
  const order = exact
    .map((e, i) => i)
    .sort((a, b) => exact[b]!.minus(floors[b]!).comparedTo(exact[a]!.minus(floors[a]!)) || a - b);
  const parts = floors.map((f) => BigInt(f.toFixed()));
  for (const i of order) {
    if (left-- <= 0) break;
    parts[i]! += 1n;
  }
  return parts;
}

function dineroRatios(weights: readonly string[]): { amount: number; scale: number }[] {
  return weights.map((w) => ({ amount: Math.round(Number.parseFloat(w) * 10_000), scale: 4 }));
}

function check(name: string, parts: readonly bigint[]): void {
  const sum = parts.reduce((a, b) => a + b, 0n);
  if (sum !== BigInt(TOTAL_MINOR)) throw new Error(`${name} does not conserve: ${sum}`);
}

export default async function run(): Promise<void> {
  for (const n of [10, 1_000, 100_000, 1_000_000]) {
    const shares = makeShares(n);
    const weights = shares.map((share) => share.weight);
    const ids = shares.map((share) => share.id);
    const input = { total: (TOTAL_MINOR / 100).toFixed(2), currency: 'CNY', shares };
    const ratios = dineroRatios(weights);
    const money = dinero({ amount: TOTAL_MINOR, currency: CNY });

    check(
      'allocate',
      allocate(input).parts.map((part) => BigInt(part.amount.replace('.', ''))),
    );
    check(
      'core',
      allocateScaled(BigInt(TOTAL_MINOR), scaleWeightTexts(weights), ids)!.parts.map((p) => BigInt(p)),
    );
    const dineroParts = dineroAllocate(money, ratios).map((d) => toSnapshot(d));
    const dineroScale = 10n ** BigInt((dineroParts[0]?.scale ?? 2) - 2);
    check('dinero', [dineroParts.reduce((a, p) => a + BigInt(p.amount), 0n) / dineroScale]);
    if (n <= 100_000) check('decimal.js', decimalLargestRemainder(TOTAL_MINOR, weights));

    const big = n >= 1_000_000;
    await benchSuite(
      `allocate ${n.toLocaleString('en')} shares, decimal-string weights`,
      [
        {
          name: 'dinero.js 2.0.2 allocate (reference)',
          run: () => dineroAllocate(money, ratios),
          iterations: big ? 3 : 5,
        },
        { name: 'synergy-pay allocate (validated, public)', run: () => allocate(input) },
        {
          name: 'synergy-pay core (after validation)',
          run: () => allocateScaled(BigInt(TOTAL_MINOR), scaleWeightTexts(weights), ids),
        },
        {
          name: 'decimal.js largest remainder',
          run: () => decimalLargestRemainder(TOTAL_MINOR, weights),
          iterations: big ? 1 : 3,
        },
      ],
      big ? 5 : 10,
    );
  }
}

import * as z from 'zod/mini';
import { bigintCalculator, numberCalculator } from './calculator.js';
import { minorDigits } from './currency.js';
import { decimalProblem, decimalText, type DecimalInput } from './decimalInput.js';
import type { Dec } from './decimal.js';
import { fail, IssueList } from './errors.js';
import { largestRemainder, type RemainderResult, type RemainderRound } from './largestRemainder.js';
import { formatMinor, parseMinor, pow10 } from './money.js';
import { currencySchema, idSchema, moneySchema, nonNegativeDecimalSchema } from './schema.js';
import { traceStep, type TraceStep } from './trace.js';
import { parseInput } from './validate.js';

/** One share of an allocation. */
export const allocateShareSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id of the share; ties are broken by id ascending (code-unit order). */
  id: idSchema,
  /** Weight ≥ 0, any number of decimals (`"0.3333"`, `2`). Zero weight gets zero. */
  weight: nonNegativeDecimalSchema,
  /** Optional cap in major units of the currency (≥ 0): the share never exceeds it. */
  cap: z.optional(nonNegativeDecimalSchema),
});

/** Input of {@link allocate}. */
export const allocateInputSchema = /* @__PURE__ */ z.strictObject({
  /** The amount to split, in major units (`"8800.00"`); may be negative (split by magnitude). */
  total: moneySchema,
  /** ISO 4217 currency of the total and the caps. */
  currency: currencySchema,
  /** The shares; ids must be unique. */
  shares: z.array(allocateShareSchema),
  /**
   * What to do when every weight is zero: `"error"` raises `NO_POSITIVE_WEIGHT`;
   * `"unallocated"` puts the whole total on the `unallocated` line.
   * @defaultValue `"error"`
   */
  whenNoWeight: z.optional(z.enum(['error', 'unallocated'])),
});

/** The top level of {@link allocateInputSchema}, with the shares checked separately. */
const allocateHeaderSchema = /* @__PURE__ */ z.extend(allocateInputSchema, { shares: z.array(z.unknown()) });

type AllocateShare = z.output<typeof allocateShareSchema>;
type AllocateParsed = z.output<typeof allocateInputSchema>;

function isDecimalAtLeastZero(value: unknown): boolean {
  if (typeof value === 'number') return value >= 0 && Number.isFinite(value) && value <= Number.MAX_SAFE_INTEGER;
  return (
    typeof value === 'string' && decimalProblem(value) === undefined && !(value.startsWith('-') && /[1-9]/.test(value))
  );
}

/**
 * True when every row is exactly what {@link allocateShareSchema} accepts: a plain object with
 * only `id`, `weight` and optional `cap`, a 1–200 character id, and non-negative plain decimals.
 * (A property test keeps this in step with the schema.)
 */
export function sharesLookValid(shares: readonly unknown[]): shares is AllocateShare[] {
  for (const share of shares) {
    if (typeof share !== 'object' || share === null || Object.getPrototypeOf(share) !== Object.prototype) return false;
    for (const key in share) if (key !== 'id' && key !== 'weight' && key !== 'cap') return false;
    const { id, weight, cap } = share as { id?: unknown; weight?: unknown; cap?: unknown };
    if (typeof id !== 'string' || id.length === 0 || id.length > 200) return false;
    if (!isDecimalAtLeastZero(weight)) return false;
    if (cap !== undefined && !isDecimalAtLeastZero(cap)) return false;
  }
  return true;
}

/** Input of {@link allocate} (inferred from {@link allocateInputSchema}). */
export type AllocateInput = z.input<typeof allocateInputSchema>;

/** One part of an allocation result. */
export interface AllocationPart {
  readonly id: string;
  /** The weight as given, in canonical decimal form. */
  readonly weight: string;
  /** The amount with exactly the currency's minor digits. */
  readonly amount: string;
  /** Whether the part was fixed at its cap. */
  readonly capped: boolean;
}

/** Result of {@link allocate}. Parts are ordered by id (code-unit order), whatever the input order. */
export interface AllocationResult {
  readonly currency: string;
  readonly total: string;
  readonly parts: AllocationPart[];
  /** What could not be paid out (all caps bound, or no positive weight on request). */
  readonly unallocated: string;
  readonly trace: TraceStep[];
}

/**
 * Splits money by weights exactly, with the largest-remainder (Hamilton) method in integer minor
 * units (SPEC §2.1).
 *
 * Guarantees: Σ parts + unallocated = total, to the minor unit; without binding caps every part
 * is within one minor unit of its exact share M·wᵢ/W; a larger weight never gets less; scaling
 * every weight by c > 0 changes nothing; the result does not depend on the order of the shares.
 *
 * **Formula.** partᵢ = ⌊M·wᵢ/W⌋, plus one unit for each of the k = M − Σ⌊M·wᵢ/W⌋ largest exact
 * remainders (M·wᵢ mod W). Ties: larger remainder, then smaller weight, then id ascending
 * (so 5 fen split by [3, 7] gives [2, 3]).
 * Negative totals are split by magnitude and negated. With caps, a part above its cap is fixed at
 * the cap and the rest re-split among the others until none exceeds; what no one can take goes to
 * `unallocated`.
 *
 * **References.** Largest remainder method (Hamilton, 1792); dinero.js v2 `allocate`, whose
 * input-order tie-break (5 by [3, 7] → [1, 4]) this function does not share.
 *
 * @param input - `total`, `currency`, `shares` (`id`, `weight`, optional `cap`), optional `whenNoWeight`.
 * @returns Parts ordered by id, the `unallocated` line, and the trace.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `INVALID_AMOUNT`,
 *   `NEGATIVE_VALUE`, `UNKNOWN_CURRENCY`, `DUPLICATE_ID`, `NO_POSITIVE_WEIGHT`.
 *
 * @example
 * ```ts
 * import { allocate } from 'synergy-pay';
 * const { parts } = allocate({ total: '0.05', currency: 'CNY', shares: [{ id: 'a', weight: 3 }, { id: 'b', weight: 7 }] });
 * // parts: [{ id: 'a', amount: '0.02', … }, { id: 'b', amount: '0.03', … }]
 * ```
 */
export function allocate(input: AllocateInput): AllocationResult {
  // Million-row inputs: a structural pre-check equal to `allocateShareSchema` lets well-formed rows
  // skip zod's per-row machinery; anything it doubts goes through the full schema, which reports
  // every issue with its path.
  const header = allocateHeaderSchema.safeParse(input);
  const parsed =
    header.success && sharesLookValid(header.data.shares)
      ? (header.data as AllocateParsed)
      : parseInput(allocateInputSchema, input);
  const shares = parsed.shares;
  const digits = minorDigits(parsed.currency);
  const total = parseMinor(parsed.total, digits, ['total']);
  const n = shares.length;

  const ids = new Array<string>(n);
  let hasCaps = false;
  for (let i = 0; i < n; i++) {
    const share = shares[i] as AllocateShare;
    ids[i] = share.id;
    if (share.cap !== undefined) hasCaps = true;
  }
  // Sorting by id serves both the output order and the duplicate check (no million-entry Map).
  const order = orderIds(ids);
  const issues = new IssueList();
  for (let o = 1; o < n; o++) {
    const i = order[o] as number;
    if (ids[i] === ids[order[o - 1] as number]) {
      let first = o - 1;
      while (first > 0 && ids[order[first - 1] as number] === ids[i]) first--;
      issues.add('DUPLICATE_ID', ['shares', i, 'id'], `id "${ids[i]}" is already used at shares[${order[first]}]`);
    }
  }
  if (issues.size > 1) issues.items.sort((a, b) => (a.path[1] as number) - (b.path[1] as number));
  issues.throwIfAny();

  const weightTexts = shares.map((share) => canonicalWeight(share.weight));
  const capsMinor = hasCaps
    ? shares.map((share, i) =>
        share.cap === undefined ? undefined : parseMinor(share.cap, digits, ['shares', i, 'cap']),
      )
    : undefined;

  const outcome = allocateScaled(total, scaleWeightTexts(weightTexts), ids, capsMinor);
  if (outcome === undefined) {
    if (parsed.whenNoWeight !== 'unallocated') {
      fail('NO_POSITIVE_WEIGHT', ['shares'], n === 0 ? 'there are no shares to allocate to' : 'every weight is zero');
    }
  }
  const partsMinor = outcome?.parts;
  const unallocated = outcome === undefined ? total : outcome.unallocated;

  const parts = new Array<AllocationPart>(n);
  for (let o = 0; o < n; o++) {
    const i = order[o] as number;
    parts[o] = {
      id: ids[i] as string,
      weight: weightTexts[i] as string,
      amount: formatMinor(partsMinor === undefined ? 0 : (partsMinor[i] as number | bigint), digits),
      capped: outcome !== undefined && outcome.capped[i] === 1,
    };
  }
  const totalText = formatMinor(total, digits);
  return {
    currency: parsed.currency,
    total: totalText,
    parts,
    unallocated: formatMinor(unallocated, digits),
    trace: allocationTrace(totalText, outcome?.rounds ?? [], formatMinor(unallocated, digits), n),
  };
}

/** Indexes `0…n−1` ordered by id (code-unit order); skips the sort when ids already ascend. */
export function orderIds(ids: readonly string[]): Int32Array {
  const order = new Int32Array(ids.length);
  let sorted = true;
  for (let i = 0; i < ids.length; i++) {
    order[i] = i;
    if (i > 0 && (ids[i - 1] as string) >= (ids[i] as string)) sorted = false;
  }
  // Equal ids (only possible before the duplicate check) keep their input order.
  if (!sorted)
    order.sort((a, b) =>
      (ids[a] as string) < (ids[b] as string) ? -1 : (ids[a] as string) > (ids[b] as string) ? 1 : a - b,
    );
  return order;
}

function canonicalWeight(weight: DecimalInput): string {
  const text = decimalText(weight);
  return text.startsWith('-') ? text.slice(1) : text; // only "-0…" can get here: weights are ≥ 0
}

/** Integer weights, as `number`s when every one has at most 14 significant digits, else `bigint`s. */
export type ScaledWeights =
  { readonly kind: 'number'; readonly values: number[] } | { readonly kind: 'bigint'; readonly values: bigint[] };

/**
 * Scales non-negative decimal strings to integers sharing one power of ten (so ratios are exact).
 * Uses `number` when every scaled value provably has at most 14 digits (so every step is an exact
 * integer operation); otherwise `bigint`.
 */
export function scaleWeightTexts(texts: readonly string[]): ScaledWeights {
  // One pass reads each text's digits as an integer mantissa while it finds the common scale;
  // mantissas stay exact while a text has at most 15 digits, which the 14-digit check implies.
  const n = texts.length;
  const mantissas = new Float64Array(n);
  const decimals = new Uint8Array(n);
  let scale = 0;
  let wholeDigits = 0;
  for (let t = 0; t < n; t++) {
    const text = texts[t] as string;
    let mantissa = 0;
    let dot = -1;
    for (let c = 0; c < text.length; c++) {
      const code = text.charCodeAt(c);
      if (code === 46) dot = c;
      else mantissa = mantissa * 10 + (code - 48);
    }
    const whole = dot === -1 ? text.length : dot;
    const fraction = dot === -1 ? 0 : text.length - dot - 1;
    if (whole > wholeDigits) wholeDigits = whole;
    if (fraction > scale) scale = fraction;
    mantissas[t] = mantissa;
    decimals[t] = fraction > 255 ? 255 : fraction;
  }
  if (wholeDigits + scale <= 14) {
    const values = new Array<number>(n);
    for (let t = 0; t < n; t++) values[t] = (mantissas[t] as number) * 10 ** (scale - (decimals[t] as number));
    return { kind: 'number', values };
  }
  return {
    kind: 'bigint',
    values: texts.map((text) => {
      const dot = text.indexOf('.');
      if (dot === -1) return BigInt(text) * pow10(scale);
      const fraction = text.slice(dot + 1);
      return BigInt(text.slice(0, dot) + fraction) * pow10(scale - fraction.length);
    }),
  };
}

/** Scales decimals (≥ 0) to integers sharing one power of ten. */
export function scaleDecimalWeights(weights: readonly Dec[]): ScaledWeights {
  return scaleWeightTexts(weights.map((weight) => weight.toFixed()));
}

/** Outcome of {@link allocateScaled}: parts in minor units, as `number` or `bigint`. */
export interface ScaledAllocation {
  readonly parts: ReadonlyArray<number | bigint>;
  readonly unallocated: bigint;
  readonly capped: Uint8Array;
  readonly rounds: RemainderRound[];
}

/**
 * The allocation core after validation: splits `total` minor units (any sign) by scaled integer
 * weights, with optional caps in minor units. Runs on `number` when
 * |total|·max(w) + Σw and every cap stay ≤ 2^53 − 1, on `bigint` otherwise. Returns `undefined`
 * when no weight is positive (and the total is not zero).
 */
export function allocateScaled(
  total: bigint,
  weights: ScaledWeights,
  ids: readonly string[],
  caps?: readonly (bigint | undefined)[],
): ScaledAllocation | undefined {
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  let maxWeight = 0;
  let weightSum = 0;
  let anyPositive: boolean;
  if (weights.kind === 'number') {
    for (const w of weights.values) {
      if (w > maxWeight) maxWeight = w;
      weightSum += w;
    }
    anyPositive = weightSum > 0;
  } else {
    anyPositive = weights.values.some((w) => w > 0n);
  }
  if (!anyPositive && magnitude !== 0n) return undefined;

  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  const fitsNumber =
    weights.kind === 'number' &&
    magnitude * BigInt(maxWeight) + BigInt(weightSum) <= safe &&
    Number.isSafeInteger(weightSum) &&
    (caps === undefined || caps.every((cap) => cap === undefined || cap <= safe));

  let result: RemainderResult<number> | RemainderResult<bigint>;
  if (fitsNumber) {
    result = largestRemainder(
      numberCalculator,
      Number(magnitude),
      weights.values,
      ids,
      caps?.map((cap) => (cap === undefined ? undefined : Number(cap))),
    );
  } else {
    const values = weights.kind === 'bigint' ? weights.values : weights.values.map((w) => BigInt(w));
    result = largestRemainder(bigintCalculator, magnitude, values, ids, caps);
  }
  const unallocated = BigInt(result.unallocated);
  // Working arrays may be typed arrays: hand out plain arrays.
  const parts: Array<number | bigint> = Array.from(result.parts as ArrayLike<number | bigint>);
  if (!negative) return { parts, unallocated, capped: result.capped, rounds: result.rounds };
  for (let i = 0; i < parts.length; i++) parts[i] = parts[i] === 0 ? 0 : -(parts[i] as number | bigint);
  return { parts, unallocated: -unallocated, capped: result.capped, rounds: result.rounds };
}

/**
 * Splits `total` minor units by exact decimal weights and returns `bigint` parts, for mechanisms
 * that allocate internally (pool contributions, fact splits, rewards). `undefined` when every
 * weight is zero and the total is not.
 */
export function allocateMinor(
  total: bigint,
  weights: readonly Dec[],
  ids: readonly string[],
  caps?: readonly (bigint | undefined)[],
): { parts: bigint[]; unallocated: bigint; capped: Uint8Array; rounds: RemainderRound[] } | undefined {
  const outcome = allocateScaled(total, scaleDecimalWeights(weights), ids, caps);
  if (outcome === undefined) return undefined;
  return { ...outcome, parts: Array.from(outcome.parts, (part) => BigInt(part)) };
}

function allocationTrace(
  total: string,
  rounds: readonly RemainderRound[],
  unallocated: string,
  shares: number,
): TraceStep[] {
  const steps: TraceStep[] = [];
  rounds.forEach((round, r) => {
    steps.push(
      traceStep(
        'allocate.largestRemainder',
        'partᵢ = ⌊M·wᵢ/W⌋, then one unit to each of the k largest remainders M·wᵢ mod W (ties: smaller weight, then id ascending)',
        { round: r + 1, M: round.amount, W: round.weightSum, shares: round.shares, k: round.leftover },
        `Σ parts = ${round.amount} minor units`,
      ),
    );
    if (round.newlyCapped > 0)
      steps.push(
        traceStep(
          'allocate.cap',
          'parts above their cap are fixed at the cap; the rest is re-split among the others',
          { round: r + 1, capped: round.newlyCapped },
          `${round.newlyCapped} fixed at cap`,
        ),
      );
  });
  steps.push(traceStep('allocate.unallocated', 'unallocated = total − Σ parts', { total, shares }, unallocated));
  return steps;
}

import * as z from 'zod/mini';
import { minorDigits } from './currency.js';
import { decimalText, type DecimalInput } from './decimalInput.js';
import { fail, IssueList } from './errors.js';
import { orderUnique } from './ids.js';
import { allocateScaled, type RemainderRound, scaleWeightTexts } from './largestRemainder.js';
import { formatMinor, parseMinor } from './money.js';
import { parseWithRows } from './rows.js';
import { currencySchema, idSchema, moneySchema, nonNegativeDecimalSchema, type ZodSchema, shaped } from './schema.js';
import { traceStep, type TraceStep } from './trace.js';

// The exact split's kernels, where the mechanisms have always imported them from.
export { allocateMinor, allocateScaled, scaleWeightTexts, type ScaledWeights } from './largestRemainder.js';

/** One share of an allocation. */
export interface AllocateShare {
  /** Unique id of the share; ties are broken by id ascending (code-unit order). */
  id: string;
  /** Weight ≥ 0, any number of decimals (`"0.3333"`, `2`). Zero weight gets zero. */
  weight: DecimalInput;
  /** Optional cap in major units of the currency (≥ 0): the share never exceeds it. */
  cap?: DecimalInput | undefined;
}

/** Input of {@link allocate}. */
export interface AllocateInput {
  /** The amount to split, in major units (`"8800.00"`); may be negative (split by magnitude). */
  total: DecimalInput;
  /** ISO 4217 currency of the total and the caps. */
  currency: string;
  /** The shares; ids must be unique. */
  shares: AllocateShare[];
  /**
   * What to do when every weight is zero: `"error"` raises `NO_POSITIVE_WEIGHT`; `"unallocated"`
   * puts the whole total on the `unallocated` line. @defaultValue `"error"`
   */
  whenNoWeight?: 'error' | 'unallocated' | undefined;
}

/** Schema of {@link AllocateShare}. */
export const allocateShareSchema: ZodSchema<AllocateShare> = /* @__PURE__ */ shaped<AllocateShare>()(
  z.strictObject({ id: idSchema, weight: nonNegativeDecimalSchema, cap: z.optional(nonNegativeDecimalSchema) }),
);

/** Schema of {@link AllocateInput}. */
export const allocateInputSchema: ZodSchema<AllocateInput> = /* @__PURE__ */ shaped<AllocateInput>()(
  z.strictObject({
    total: moneySchema,
    currency: currencySchema,
    shares: z.array(allocateShareSchema),
    whenNoWeight: z.optional(z.enum(['error', 'unallocated'])),
  }),
);

/** One part of an allocation result. */
export interface AllocationPart {
  /** The share's id. */
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
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** The total split, with the currency's minor digits. */
  readonly total: string;
  /** One part per share, ordered by id. */
  readonly parts: AllocationPart[];
  /** What could not be paid out (all caps bound, or no positive weight on request). */
  readonly unallocated: string;
  /** The steps: each round of the split, each cap round, what is left. */
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
  const parsed = parseWithRows(allocateInputSchema, input, 'shares');
  const { shares } = parsed;
  const digits = minorDigits(parsed.currency);
  const total = parseMinor(parsed.total, digits, ['total']);
  const ids = shares.map((share) => share.id);
  const issues = new IssueList();
  const at = (i: number) => ['shares', i, 'id'];
  const order = orderUnique(ids, at, (id, first) => `id "${id}" is already used at shares[${first}]`, issues);
  issues.throwIfAny();
  const weights = shares.map((share) => canonicalWeight(share.weight));
  const caps = shares.some((share) => share.cap !== undefined)
    ? shares.map((share, i) =>
        share.cap === undefined ? undefined : parseMinor(share.cap, digits, ['shares', i, 'cap']),
      )
    : undefined;
  const outcome = allocateScaled(total, scaleWeightTexts(weights), ids, caps);
  if (outcome === undefined && parsed.whenNoWeight !== 'unallocated')
    fail(
      'NO_POSITIVE_WEIGHT',
      ['shares'],
      shares.length === 0 ? 'there are no shares to allocate to' : 'every weight is zero',
    );
  const unallocated = formatMinor(outcome === undefined ? total : outcome.unallocated, digits);
  const parts = new Array<AllocationPart>(order.length);
  for (let o = 0; o < order.length; o++) {
    const i = order[o]!;
    const amount = formatMinor(outcome === undefined ? 0 : outcome.parts[i]!, digits);
    parts[o] = { id: ids[i]!, weight: weights[i]!, amount, capped: outcome?.capped[i] === 1 };
  }
  const totalText = formatMinor(total, digits);
  const trace = allocationTrace(totalText, outcome?.rounds ?? [], unallocated, shares.length);
  return { currency: parsed.currency, total: totalText, parts, unallocated, trace };
}

function canonicalWeight(weight: DecimalInput): string {
  const text = decimalText(weight);
  return text.startsWith('-') ? text.slice(1) : text; // only "-0…" can get here: weights are ≥ 0
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

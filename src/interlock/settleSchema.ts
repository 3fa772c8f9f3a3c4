import * as z from 'zod/mini';
import {
  currencySchema,
  decimalSchema,
  idSchema,
  moneySchema,
  nonNegativeDecimalSchema,
  roundingSchema,
} from '../core/schema.js';
import { tierTableSchema } from '../tiers/schema.js';

/** A party owning a share of an interlocked indicator (sales, product, delivery). */
export const interlockPartySchema = /* @__PURE__ */ z.strictObject({
  /** Unique id of the party within the indicator. */
  id: idSchema,
  /** The party's weight ≥ 0; the weights of one indicator sum to exactly 1 (primary party highest). */
  weight: nonNegativeDecimalSchema,
});

/** A reference to a member's credit in a `creditFacts` result. */
export const creditReferenceSchema = /* @__PURE__ */ z.strictObject({
  /** The dimension id (e.g. `"product"`). */
  dimension: idSchema,
  /** The member id in that dimension (e.g. `"5G"`); its credited `amount` is the actual. */
  member: idSchema,
});

/** An interlocked indicator [指标互锁]: one target owned jointly by several parties. */
export const interlockIndicatorSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id of the indicator. */
  id: idSchema,
  /** The target (> 0), in the actual's unit (revenue in major units, a count, a rate). */
  target: decimalSchema,
  /** The actual: a decimal, or a reference to a member's credit in `credits`. */
  actual: z.union([decimalSchema, creditReferenceSchema]),
  /** The owning parties; weights sum to exactly 1. */
  parties: z.array(interlockPartySchema).check(z.minLength(1)),
  /**
   * Maps the shared achievement (actual / target, e.g. `"0.95"`) to the indicator score; must be
   * `higherIsBetter` with plain (non-duration) bounds.
   */
  scoreTable: tierTableSchema,
  /**
   * The shared reward: paid when achievement ≥ `threshold`, split by weight.
   * @defaultValue none (no reward)
   */
  reward: z.optional(
    z.strictObject({
      /** Achievement at or above which the reward is paid (e.g. `"1"`). */
      threshold: decimalSchema,
      /** The reward in major units of `currency` (≥ 0). */
      amount: nonNegativeDecimalSchema,
    }),
  ),
  /**
   * The severe miss [严重未达标]: when achievement < `threshold`, the deduction is split by weight
   * [奖惩对等] and every party is flagged for the joint review [复盘].
   * @defaultValue none (no deduction, no review)
   */
  severeMiss: z.optional(
    z.strictObject({
      /** Achievement below which the miss is severe (e.g. `"0.7"`); at most the reward threshold. */
      threshold: decimalSchema,
      /** The deduction in major units of `currency` (≥ 0), split among the parties by weight. */
      deduction: nonNegativeDecimalSchema,
    }),
  ),
  /**
   * Achievement below which every party joins the review even without a severe miss (seed 003:
   * "指标未达成:三方都必须参与复盘"); a severe miss always triggers the review.
   * @defaultValue only on a severe miss
   */
  reviewBelow: z.optional(decimalSchema),
});

/** The part of a `creditFacts` result that `actual` references read (other fields are ignored). */
export const creditsSchema = /* @__PURE__ */ z.object({
  /** The credits' currency; must equal the input's `currency`. */
  currency: currencySchema,
  /** Dimensions with their members' credited amounts. */
  dimensions: z.array(
    z.object({
      id: idSchema,
      members: z.array(z.object({ id: idSchema, amount: moneySchema })),
    }),
  ),
});

/** Input of {@link settleInterlock}. */
export const settleInterlockInputSchema = /* @__PURE__ */ z.strictObject({
  /** ISO 4217 currency of rewards and deductions. */
  currency: currencySchema,
  /** The interlocked indicators (ids unique; more than three gives a warning). */
  indicators: z.array(interlockIndicatorSchema).check(z.minLength(1)),
  /**
   * A `creditFacts` result that `actual` references point into.
   * @defaultValue none (every `actual` must be a decimal)
   */
  credits: z.optional(creditsSchema),
  /**
   * Rounding policy: achievement at coefficient decimals, scores at score decimals.
   * @defaultValue `{ mode: 'halfUp', scoreDecimals: 2, coefficientDecimals: 4 }`
   */
  rounding: z.optional(roundingSchema),
});

/** Input of {@link settleInterlock} (inferred from {@link settleInterlockInputSchema}). */
export type SettleInterlockInput = z.input<typeof settleInterlockInputSchema>;
/** One interlocked indicator (inferred from {@link interlockIndicatorSchema}). */
export type InterlockIndicator = z.input<typeof interlockIndicatorSchema>;

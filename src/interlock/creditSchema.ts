import * as z from 'zod/mini';
import {
  currencySchema,
  idSchema,
  isoDateSchema,
  moneySchema,
  nonNegativeDecimalSchema,
  roundingSchema,
} from '../core/schema.js';

/** One member's share of a fact split within a dimension (e.g. two regions 60/40). */
export const creditSplitSchema = /* @__PURE__ */ z.strictObject({
  /** The member's id, declared in the dimension. */
  id: idSchema,
  /** The member's share, ≥ 0; the shares of one split sum to exactly 1 (`"0.6"`, `"0.4"`). */
  share: nonNegativeDecimalSchema,
});

/**
 * A fact's members, one entry per dimension id: a member id (credited in full) or a split
 * (a list of members with shares summing to 1).
 */
export const factMembersSchema = /* @__PURE__ */ z.record(
  idSchema,
  z.union([idSchema, z.array(creditSplitSchema).check(z.minLength(1))]),
);

/** One revenue fact: a sale credited in full to a member of every dimension. */
export const revenueFactSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id of the fact (an order or invoice line). */
  id: idSchema,
  /** The revenue in major units (`"100.00"`); negative for a return or credit note. */
  amount: moneySchema,
  /**
   * The fact's currency; it must equal the input's `currency` (`CURRENCY_MISMATCH` otherwise).
   * @defaultValue the input's `currency`
   */
  currency: z.optional(currencySchema),
  /** The booking date `YYYY-MM-DD`, compared with the members' assignment windows. */
  date: isoDateSchema,
  /** The member credited in each dimension, by dimension id; every dimension must be named. */
  members: factMembersSchema,
});

/** A member of a dimension (a region, a product line, a sales rep). */
export const creditMemberSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id within the dimension. */
  id: idSchema,
  /**
   * Revenue target in major units (> 0); gives the member's achievement = credit / target.
   * @defaultValue none: no achievement is computed (`null`)
   */
  target: z.optional(moneySchema),
  /**
   * First day of the member's assignment window (inclusive): facts dated earlier are not
   * credited to it and are listed in `exclusions`.
   * @defaultValue open (no lower bound)
   */
  start: z.optional(isoDateSchema),
  /**
   * Last day of the assignment window (inclusive).
   * @defaultValue open (no upper bound)
   */
  end: z.optional(isoDateSchema),
});

/** A crediting dimension (region, product line, …) and its members. */
export const creditDimensionSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id of the dimension, used as the key in every fact's `members`. */
  id: idSchema,
  /** The dimension's members (ids unique within it). */
  members: z.array(creditMemberSchema).check(z.minLength(1)),
});

/** Input of {@link creditFacts}. */
export const creditFactsInputSchema = /* @__PURE__ */ z.strictObject({
  /** ISO 4217 currency of every fact and target. */
  currency: currencySchema,
  /** The dimensions each fact is credited in (at least one; ids unique). */
  dimensions: z.array(creditDimensionSchema).check(z.minLength(1)),
  /** The revenue facts (ids unique). */
  facts: z.array(revenueFactSchema),
  /**
   * Rounding policy for achievements and the double-count factor (coefficients).
   * @defaultValue `{ mode: 'halfUp', scoreDecimals: 2, coefficientDecimals: 4 }`
   */
  rounding: z.optional(roundingSchema),
});

/** Input of {@link creditFacts} (inferred from {@link creditFactsInputSchema}). */
export type CreditFactsInput = z.input<typeof creditFactsInputSchema>;
/** One revenue fact (inferred from {@link revenueFactSchema}). */
export type RevenueFact = z.input<typeof revenueFactSchema>;

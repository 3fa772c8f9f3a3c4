/** The schemas of the interlock inputs, each checked against its interface in types.ts (fields documented there). */
import * as z from 'zod/mini';
import {
  currencySchema,
  decimalSchema,
  idSchema,
  isoDateSchema,
  moneySchema,
  nonNegativeDecimalSchema,
  roundingSchema,
  shaped,
  type ZodSchema,
} from '../core/schema.js';
import { tierTableSchema } from '../tiers/schema.js';
import type {
  CreditDimension,
  CreditFactsInput,
  CreditMember,
  CreditReference,
  CreditSplit,
  InterlockCredits,
  InterlockIndicator,
  InterlockParty,
  RevenueFact,
  SettleInterlockInput,
} from './types.js';

/** Schema of {@link CreditSplit}. */
export const creditSplitSchema: ZodSchema<CreditSplit> = /* @__PURE__ */ shaped<CreditSplit>()(
  z.strictObject({ id: idSchema, share: nonNegativeDecimalSchema }),
);

/** Schema of a fact's `members`: a member id or a non-empty split, by dimension id. */
export const factMembersSchema: ZodSchema<RevenueFact['members']> = /* @__PURE__ */ shaped<RevenueFact['members']>()(
  z.record(idSchema, z.union([idSchema, z.array(creditSplitSchema).check(z.minLength(1))])),
);

/** Schema of {@link RevenueFact}. */
export const revenueFactSchema: ZodSchema<RevenueFact> = /* @__PURE__ */ shaped<RevenueFact>()(
  z.strictObject({
    id: idSchema,
    amount: moneySchema,
    currency: z.optional(currencySchema),
    date: isoDateSchema,
    members: factMembersSchema,
  }),
);

/** Schema of {@link CreditMember}. */
export const creditMemberSchema: ZodSchema<CreditMember> = /* @__PURE__ */ shaped<CreditMember>()(
  z.strictObject({
    id: idSchema,
    target: z.optional(moneySchema),
    start: z.optional(isoDateSchema),
    end: z.optional(isoDateSchema),
  }),
);

/** Schema of {@link CreditDimension}. */
export const creditDimensionSchema: ZodSchema<CreditDimension> = /* @__PURE__ */ shaped<CreditDimension>()(
  z.strictObject({ id: idSchema, members: z.array(creditMemberSchema).check(z.minLength(1)) }),
);

/** The dimensions of a crediting (at least one), as `creditFacts` and a period plan take them. */
export const creditDimensionsSchema = /* @__PURE__ */ z.array(creditDimensionSchema).check(z.minLength(1));

const creditFactsObject = /* @__PURE__ */ z.strictObject({
  currency: currencySchema,
  dimensions: creditDimensionsSchema,
  facts: z.array(revenueFactSchema),
  rounding: z.optional(roundingSchema),
});

/** Schema of {@link CreditFactsInput}. */
export const creditFactsInputSchema: ZodSchema<CreditFactsInput> =
  /* @__PURE__ */ shaped<CreditFactsInput>()(creditFactsObject);

/** {@link creditFactsInputSchema} with the facts only known to be a list (not walked): the row reader checks them. */
export const creditHeaderSchema = /* @__PURE__ */ z.extend(creditFactsObject, {
  facts: z.custom<unknown[]>((facts) => Array.isArray(facts)),
});

/** Schema of {@link InterlockParty}. */
export const interlockPartySchema: ZodSchema<InterlockParty> = /* @__PURE__ */ shaped<InterlockParty>()(
  z.strictObject({ id: idSchema, weight: nonNegativeDecimalSchema }),
);

/** Schema of {@link CreditReference}. */
export const creditReferenceSchema: ZodSchema<CreditReference> = /* @__PURE__ */ shaped<CreditReference>()(
  z.strictObject({ dimension: idSchema, member: idSchema }),
);

/** Schema of {@link InterlockIndicator}. */
export const interlockIndicatorSchema: ZodSchema<InterlockIndicator> = /* @__PURE__ */ shaped<InterlockIndicator>()(
  z.strictObject({
    id: idSchema,
    target: decimalSchema,
    actual: z.union([decimalSchema, creditReferenceSchema]),
    parties: z.array(interlockPartySchema).check(z.minLength(1)),
    scoreTable: tierTableSchema,
    reward: z.optional(z.strictObject({ threshold: decimalSchema, amount: nonNegativeDecimalSchema })),
    severeMiss: z.optional(z.strictObject({ threshold: decimalSchema, deduction: nonNegativeDecimalSchema })),
    reviewBelow: z.optional(decimalSchema),
  }),
);

/** The interlocked indicators (at least one), as `settleInterlock` and a period plan take them. */
export const interlockIndicatorsSchema = /* @__PURE__ */ z.array(interlockIndicatorSchema).check(z.minLength(1));

/** Schema of {@link InterlockCredits}: other fields of a `creditFacts` result are ignored. */
export const creditsSchema: ZodSchema<InterlockCredits> = /* @__PURE__ */ shaped<InterlockCredits>()(
  z.object({
    currency: currencySchema,
    dimensions: z.array(z.object({ id: idSchema, members: z.array(z.object({ id: idSchema, amount: moneySchema })) })),
  }),
);

/** Schema of {@link SettleInterlockInput}. */
export const settleInterlockInputSchema: ZodSchema<SettleInterlockInput> =
  /* @__PURE__ */ shaped<SettleInterlockInput>()(
    z.strictObject({
      currency: currencySchema,
      indicators: interlockIndicatorsSchema,
      credits: z.optional(creditsSchema),
      rounding: z.optional(roundingSchema),
    }),
  );

/** The pool's input schemas, each checked at compile time against its interface in types.ts. */
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
} from '../core/schema.js';
import { tierTableSchema } from '../tiers/schema.js';
import type {
  AllocatePoolInput,
  CarvePoolInput,
  ClawbackInput,
  CommissionBaseInput,
  CommissionRowInput,
  CommissionsInput,
  ElasticityExponentInput,
  PoolRecipientInput,
  PoolUnitInput,
  PoolWeighting,
} from './types.js';

const options = { rounding: z.optional(roundingSchema), trace: z.optional(z.boolean()) };

/** Schema of {@link ClawbackInput}. */
export const clawbackSchema = /* @__PURE__ */ shaped<ClawbackInput>()(
  z.strictObject({ id: idSchema, amount: moneySchema, rate: z.optional(decimalSchema) }),
);

/** Schema of {@link CommissionRowInput}. */
export const commissionRowSchema = /* @__PURE__ */ shaped<CommissionRowInput>()(
  z.strictObject({
    id: idSchema,
    amount: moneySchema,
    currency: z.optional(currencySchema),
    clawbacks: z.optional(z.array(clawbackSchema)),
  }),
);

/** How negative commission is treated (see {@link CarvePoolInput}). */
export const clawbackPolicySchema = /* @__PURE__ */ z.enum(['net', 'reverse']);

/** How contributions are rounded (see {@link CarvePoolInput}). */
export const contributionRoundingSchema = /* @__PURE__ */ z.enum(['perPerson', 'pooled']);

/** Schema of {@link CarvePoolInput}. */
export const carvePoolInputSchema = /* @__PURE__ */ shaped<CarvePoolInput>()(
  z.strictObject({
    currency: currencySchema,
    rate: decimalSchema,
    commissions: z.array(commissionRowSchema),
    clawbackPolicy: z.optional(clawbackPolicySchema),
    contributionRounding: z.optional(contributionRoundingSchema),
    ...options,
  }),
);

/** Schema of {@link PoolRecipientInput}. */
export const poolRecipientSchema = /* @__PURE__ */ shaped<PoolRecipientInput>()(
  z.strictObject({
    id: idSchema,
    score: nonNegativeDecimalSchema,
    fte: z.optional(nonNegativeDecimalSchema),
    start: z.optional(isoDateSchema),
    end: z.optional(isoDateSchema),
    cap: z.optional(nonNegativeDecimalSchema),
    unit: z.optional(idSchema),
  }),
);

/** Schema of {@link PoolUnitInput}. */
export const poolUnitSchema = /* @__PURE__ */ shaped<PoolUnitInput>()(
  z.strictObject({ id: idSchema, score: nonNegativeDecimalSchema }),
);

/** Schema of {@link PoolWeighting}. */
export const poolWeightingSchema = /* @__PURE__ */ shaped<PoolWeighting>()(
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('linear') }),
    z.strictObject({ kind: z.literal('power'), exponent: nonNegativeDecimalSchema }),
    z.strictObject({ kind: z.literal('elasticity'), scoreChange: decimalSchema, awardChange: decimalSchema }),
  ]),
);

/** What multiplies f(score) (see {@link AllocatePoolInput}). */
export const poolBasisSchema = /* @__PURE__ */ z.enum(['one', 'fte', 'days']);

/** Decimal places of f(score), 0–12. */
export const weightDecimalsSchema = /* @__PURE__ */ z.int().check(z.minimum(0), z.maximum(12));

/** Schema of {@link AllocatePoolInput}. */
export const allocatePoolInputSchema = /* @__PURE__ */ shaped<AllocatePoolInput>()(
  z.strictObject({
    pool: nonNegativeDecimalSchema,
    currency: currencySchema,
    recipients: z.array(poolRecipientSchema),
    weighting: z.optional(poolWeightingSchema),
    floor: z.optional(nonNegativeDecimalSchema),
    basis: z.optional(poolBasisSchema),
    period: z.optional(z.strictObject({ start: isoDateSchema, end: isoDateSchema })),
    units: z.optional(z.array(poolUnitSchema)),
    weightDecimals: z.optional(weightDecimalsSchema),
    ...options,
  }),
);

/** Schema of {@link ElasticityExponentInput}. */
export const elasticityExponentInputSchema = /* @__PURE__ */ shaped<ElasticityExponentInput>()(
  z.strictObject({ scoreChange: decimalSchema, awardChange: decimalSchema, rounding: options.rounding }),
);

/** Schema of {@link CommissionBaseInput}. */
export const commissionBaseSchema = /* @__PURE__ */ shaped<CommissionBaseInput>()(
  z.strictObject({
    id: idSchema,
    base: nonNegativeDecimalSchema,
    currency: z.optional(currencySchema),
    measure: z.optional(decimalSchema),
    cap: z.optional(nonNegativeDecimalSchema),
  }),
);

/** Schema of {@link CommissionsInput}. */
export const commissionsInputSchema = /* @__PURE__ */ shaped<CommissionsInput>()(
  z.strictObject({
    currency: currencySchema,
    rateTable: tierTableSchema,
    method: z.enum(['marginal', 'retroactive']),
    modifierTable: z.optional(tierTableSchema),
    people: z.array(commissionBaseSchema),
    ...options,
  }),
);

/** The draws' input schemas, each checked at compile time against its interface in types.ts. */
import * as z from 'zod/mini';
import {
  currencySchema,
  idSchema,
  moneySchema,
  nonNegativeDecimalSchema,
  roundingSchema,
  shaped,
} from '../core/schema.js';
import type { DrawInput, DrawPersonInput, DrawPolicyInput, SettleDrawsInput } from './types.js';

/** Schema of {@link DrawPolicyInput}. */
export const drawPolicySchema = /* @__PURE__ */ shaped<DrawPolicyInput>()(
  z.strictObject({
    recoveryShare: z.optional(nonNegativeDecimalSchema),
    maxRecovery: z.optional(nonNegativeDecimalSchema),
    onLeaving: z.optional(z.enum(['recover', 'writeOff'])),
  }),
);

/** Schema of {@link DrawInput}. */
export const drawSchema = /* @__PURE__ */ shaped<DrawInput>()(
  z.strictObject({ kind: z.enum(['recoverable', 'guarantee']), amount: nonNegativeDecimalSchema }),
);

/** Schema of {@link DrawPersonInput}. */
export const drawPersonSchema = /* @__PURE__ */ shaped<DrawPersonInput>()(
  z.strictObject({
    id: idSchema,
    earned: moneySchema,
    otherPay: z.optional(moneySchema),
    draw: z.optional(drawSchema),
    openingBalance: z.optional(nonNegativeDecimalSchema),
    leaving: z.optional(z.boolean()),
  }),
);

/** Schema of {@link SettleDrawsInput}. */
export const settleDrawsInputSchema = /* @__PURE__ */ shaped<SettleDrawsInput>()(
  z.strictObject({
    currency: currencySchema,
    people: z.array(drawPersonSchema),
    policy: z.optional(drawPolicySchema),
    rounding: z.optional(roundingSchema),
  }),
);

import * as z from 'zod/mini';
import {
  currencySchema,
  decimalSchema,
  idSchema,
  isoDateSchema,
  moneySchema,
  nonNegativeDecimalSchema,
  roundingSchema,
} from '../core/schema.js';
import { tierTableSchema } from '../tiers/schema.js';

// ── carvePool ────────────────────────────────────────────────────────────────

/** A refunded sale whose commission is taken back this period (a clawback). */
export const clawbackSchema = /* @__PURE__ */ z.strictObject({
  /** Id of the refunded sale (unique within the person). */
  id: idSchema,
  /** The commission taken back, as it stands on the ledger: zero or negative (`"-1200.00"`). */
  amount: moneySchema,
  /**
   * The pool rate that was applied to this sale when it was first carved (0–1). Required under
   * `clawbackPolicy: "reverse"`; recorded but unused under `"net"`.
   */
  rate: z.optional(decimalSchema),
});

/** One front-line person's commission for the period. */
export const commissionRowSchema = /* @__PURE__ */ z.strictObject({
  /** The person's id (unique). */
  id: idSchema,
  /**
   * Gross commission of the period's own sales, in major units. May be negative only under
   * `clawbackPolicy: "net"` (a person whose refunds exceed their earnings).
   */
  amount: moneySchema,
  /** Currency of the amount; when given it must equal the plan's. @defaultValue the input's `currency` */
  currency: z.optional(currencySchema),
  /** Commissions of refunded sales taken back this period. @defaultValue `[]` */
  clawbacks: z.optional(z.array(clawbackSchema)),
});

/** Input of {@link carvePool}. */
export const carvePoolInputSchema = /* @__PURE__ */ z.strictObject({
  /** ISO 4217 currency of every amount. */
  currency: currencySchema,
  /** The pool rate p, 0–1 (seed 001: 0.10, 0.12 or 0.15). */
  rate: decimalSchema,
  /** One row per front-line person; ids must be unique. */
  commissions: z.array(commissionRowSchema),
  /**
   * How negative commission is treated. `"net"`: a person's clawbacks are netted against their
   * gross and only a positive net contributes. `"reverse"`: each clawed-back sale's earlier
   * contribution is reversed at the rate it was carved at (the clawback's `rate`).
   * Required as soon as any amount is negative or any clawback is listed; otherwise unused.
   * @defaultValue none (must be declared when there is negative commission)
   */
  clawbackPolicy: z.optional(z.enum(['net', 'reverse'])),
  /** Rounding policy; `mode` rounds the pool and the reversals. @defaultValue half-up */
  rounding: z.optional(roundingSchema),
  /** Whether per-person trace steps are produced (the totals are always traced). @defaultValue `true` */
  trace: z.optional(z.boolean()),
});

/** Input of {@link carvePool} (inferred from {@link carvePoolInputSchema}). */
export type CarvePoolInput = z.input<typeof carvePoolInputSchema>;

// ── allocatePool ─────────────────────────────────────────────────────────────

/** One back-office recipient of the pool. */
export const poolRecipientSchema = /* @__PURE__ */ z.strictObject({
  /** The person's id (unique). */
  id: idSchema,
  /** Support-effectiveness score [支撑效能评分], ≥ 0; rounded to the policy's score decimals. */
  score: nonNegativeDecimalSchema,
  /** Full-time equivalent, 0–1, used when `basis` is `"fte"`. @defaultValue `1` */
  fte: z.optional(nonNegativeDecimalSchema),
  /**
   * First day employed (inclusive): with basis `"days"` the days employed in `period` are the
   * basis; with any basis, someone not employed in `period` at all has basis 0 and takes nothing.
   * @defaultValue the period's start
   */
  start: z.optional(isoDateSchema),
  /** Last day employed (inclusive), read as `start` is. @defaultValue the period's end */
  end: z.optional(isoDateSchema),
  /** The most this person may receive, in major units, ≥ 0. @defaultValue no cap */
  cap: z.optional(nonNegativeDecimalSchema),
  /** The unit the person belongs to; required when `units` are given (two levels). @defaultValue none */
  unit: z.optional(idSchema),
});

/** A back-office unit, for the optional first level of the allocation. */
export const poolUnitSchema = /* @__PURE__ */ z.strictObject({
  /** Unit id (unique). */
  id: idSchema,
  /** The unit's score, ≥ 0; rounded to the policy's score decimals. */
  score: nonNegativeDecimalSchema,
});

/** How a score becomes a weight: f(score). */
export const poolWeightingSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  /** f(s) = s. */
  z.strictObject({ kind: z.literal('linear') }),
  /** f(s) = s^exponent, exponent ≥ 0 (rounded to the policy's coefficient decimals). */
  z.strictObject({ kind: z.literal('power'), exponent: nonNegativeDecimalSchema }),
  /**
   * Constant elasticity (seed 001): "+scoreChange score → +awardChange award", i.e.
   * f(s) = s^e with e = ln(1 + awardChange) / ln(1 + scoreChange), e rounded to the policy's
   * coefficient decimals. Needs every eligible score > 0.
   */
  z.strictObject({ kind: z.literal('elasticity'), scoreChange: decimalSchema, awardChange: decimalSchema }),
]);

/** Input of {@link allocatePool}. */
export const allocatePoolInputSchema = /* @__PURE__ */ z.strictObject({
  /** The pool to share, in major units, ≥ 0 (e.g. `carvePool`'s `pool`). */
  pool: nonNegativeDecimalSchema,
  /** ISO 4217 currency of the pool and the caps. */
  currency: currencySchema,
  /** The back-office people; ids must be unique. */
  recipients: z.array(poolRecipientSchema),
  /** f(score). @defaultValue `{ kind: "linear" }` */
  weighting: z.optional(poolWeightingSchema),
  /** Eligibility floor: a score below it earns nothing. @defaultValue `0` (everyone eligible) */
  floor: z.optional(nonNegativeDecimalSchema),
  /**
   * What multiplies f(score): `"one"` (everyone alike), `"fte"`, or `"days"` employed within
   * `period` (joiners and leavers prorated). @defaultValue `"one"`
   */
  basis: z.optional(z.enum(['one', 'fte', 'days'])),
  /**
   * The period, inclusive dates; required when `basis` is `"days"`. With any basis, a recipient
   * whose `start`…`end` does not meet it takes nothing. @defaultValue none
   */
  period: z.optional(z.strictObject({ start: isoDateSchema, end: isoDateSchema })),
  /**
   * Units for a two-level allocation: the pool is first split among units by unit score ×
   * headcount (eligible members), then within each unit among its members. @defaultValue none (one level)
   */
  units: z.optional(z.array(poolUnitSchema)),
  /**
   * Decimal places f(score) is rounded to (with the policy's mode, half-up by default) before it is multiplied
   * by the basis: powers are irrational, so the allocation is made exact on the rounded weights.
   * @defaultValue `6`
   */
  weightDecimals: z.optional(z.int().check(z.minimum(0)).check(z.maximum(12))),
  /** Rounding policy (scores, exponent, weights). @defaultValue half-up, scores 2 dp, coefficients 4 dp */
  rounding: z.optional(roundingSchema),
  /** Whether per-person trace steps are produced (the totals are always traced). @defaultValue `true` */
  trace: z.optional(z.boolean()),
});

/** Input of {@link allocatePool} (inferred from {@link allocatePoolInputSchema}). */
export type AllocatePoolInput = z.input<typeof allocatePoolInputSchema>;

// ── elasticityExponent ───────────────────────────────────────────────────────

/** Input of {@link elasticityExponent}. */
export const elasticityExponentInputSchema = /* @__PURE__ */ z.strictObject({
  /** Relative score change, > 0 and ≠ 0 (seed 001: `"0.10"` for +10 %). */
  scoreChange: decimalSchema,
  /** Relative award change, > −1 (seed 001: `"0.15"` for +15 %). */
  awardChange: decimalSchema,
  /** Rounding policy; the exponent is rounded to `coefficientDecimals`. @defaultValue 4 dp, half-up */
  rounding: z.optional(roundingSchema),
});

/** Input of {@link elasticityExponent} (inferred from {@link elasticityExponentInputSchema}). */
export type ElasticityExponentInput = z.input<typeof elasticityExponentInputSchema>;

// ── computeCommissions ───────────────────────────────────────────────────────

/** One front-line person's commission base for the period. */
export const commissionBaseSchema = /* @__PURE__ */ z.strictObject({
  /** The person's id (unique). */
  id: idSchema,
  /** The commission base (sales, business volume) in major units, ≥ 0. */
  base: nonNegativeDecimalSchema,
  /** Currency of the base; when given it must equal the input's. @defaultValue the input's `currency` */
  currency: z.optional(currencySchema),
  /**
   * The value the modifier table measures (seed 001: the complaint resolution rate, `"0.93"`).
   * Required when `modifierTable` is given. @defaultValue none
   */
  measure: z.optional(decimalSchema),
  /** The most this person's commission may be, in major units, ≥ 0. @defaultValue no cap */
  cap: z.optional(nonNegativeDecimalSchema),
});

/** Input of {@link computeCommissions}. */
export const commissionsInputSchema = /* @__PURE__ */ z.strictObject({
  /** ISO 4217 currency of bases, bounds and caps. */
  currency: currencySchema,
  /** The rate table: a tier table whose band `score` is the rate (0–1) and bounds are amounts. */
  rateTable: tierTableSchema,
  /** `"marginal"` (each slice at its band's rate) or `"retroactive"` (the whole base at the reached rate). */
  method: z.enum(['marginal', 'retroactive']),
  /**
   * A tier table turning each person's `measure` into a multiplier of the base (seed 001: each
   * +5 % resolution rate → +8 % base: ≥ 0.95 → 1.16, ≥ 0.90 → 1.08, else 1.00). Multipliers are
   * coefficients: rounded to the policy's coefficient decimals. @defaultValue none (multiplier 1)
   */
  modifierTable: z.optional(tierTableSchema),
  /** The people; ids must be unique. */
  people: z.array(commissionBaseSchema),
  /** Rounding policy (money with `mode`, multipliers at `coefficientDecimals`). @defaultValue half-up, 4 dp */
  rounding: z.optional(roundingSchema),
  /** Whether per-person trace steps are produced. @defaultValue `true` */
  trace: z.optional(z.boolean()),
});

/** Input of {@link computeCommissions} (inferred from {@link commissionsInputSchema}). */
export type CommissionsInput = z.input<typeof commissionsInputSchema>;

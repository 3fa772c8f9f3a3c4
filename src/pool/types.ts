/** The pool's inputs and results (seed 001; SPEC §3.5), each shape written once; schema.ts checks against them. */
import type { DecimalInput } from '../core/decimalInput.js';
import type { RoundingInput } from '../core/rounding.js';
import type { TraceStep } from '../core/trace.js';
import type { TierTable } from '../tiers/schema.js';

/** Options every pool function takes. */
export interface PoolOptions {
  /** Rounding policy (mode; score and coefficient decimals). @defaultValue half-up, 2, 4 */
  rounding?: RoundingInput | undefined;
  /** Whether per-person trace steps are produced (totals are always traced). @defaultValue `true` */
  trace?: boolean | undefined;
}

// ── carvePool ────────────────────────────────────────────────────────────────

/** A refunded sale whose commission is taken back this period (a clawback). */
export interface ClawbackInput {
  /** Id of the refunded sale (unique within the person). */
  id: string;
  /** The commission taken back, as it stands on the ledger: zero or negative (`"-1200.00"`). */
  amount: DecimalInput;
  /** The pool rate applied to the sale when it was first carved (0–1); required under `"reverse"`. */
  rate?: DecimalInput | undefined;
}

/** One front-line person's commission for the period. */
export interface CommissionRowInput {
  /** The person's id (unique). */
  id: string;
  /** Gross commission of the period's own sales, major units; negative only under `"net"`. */
  amount: DecimalInput;
  /** Currency of the amount; must equal the input's. @defaultValue the input's `currency` */
  currency?: string | undefined;
  /** Commissions of refunded sales taken back this period. @defaultValue `[]` */
  clawbacks?: ClawbackInput[] | undefined;
}

/** Input of {@link carvePool}. */
export interface CarvePoolInput extends PoolOptions {
  /** ISO 4217 currency of every amount. */
  currency: string;
  /** The pool rate p, 0–1 (seed 001: 0.10, 0.12 or 0.15). */
  rate: DecimalInput;
  /** One row per front-line person; ids must be unique. */
  commissions: CommissionRowInput[];
  /**
   * Negative commission: `"net"` nets a person's clawbacks against their gross (only a positive net
   * contributes); `"reverse"` gives back each clawed-back sale's contribution at its own rate.
   * Required once any amount is negative or any clawback is listed. @defaultValue none
   */
  clawbackPolicy?: 'net' | 'reverse' | undefined;
  /**
   * How contributions are rounded. `"perPerson"`: contributionᵢ = round(p · baseᵢ) and the pool is
   * their sum, so correcting one person's rows changes that person's contribution only (payroll
   * practice). `"pooled"`: carved = round(p · Σ base), split over the bases by largest remainder
   * (one rounding; a correction may move a fen between other people). @defaultValue `"perPerson"`
   */
  contributionRounding?: ContributionRounding | undefined;
}

/** How a carve rounds the contributions: each on its own (the default) or the pool once. */
export type ContributionRounding = 'perPerson' | 'pooled';

/** A clawed-back sale's earlier contribution, given back at the rate it was carved at. */
export interface ReversalLine {
  /** The refunded sale's id. */
  readonly sale: string;
  /** The rate used: the rate originally applied to the sale. */
  readonly rate: string;
  /** The clawed-back commission (zero or negative). */
  readonly base: string;
  /** round(rate × base): zero or negative, minor digits of the currency. */
  readonly amount: string;
}

/** One front-line person's row of a {@link carvePool} result. */
export interface CarveRow {
  /** The person's id. */
  readonly id: string;
  /** Gross commission: the period's amount plus its clawbacks. */
  readonly gross: string;
  /** What the pool was shared over: max(gross, 0) under `"net"`, the period's amount under `"reverse"`. */
  readonly base: string;
  /** The rate used for the carve: the pool rate p. */
  readonly rate: string;
  /** The person's share of the carved pool (largest remainder over the bases). */
  readonly share: string;
  /** Reversals of clawed-back sales (only under `"reverse"`; rows without any share one frozen empty list). */
  readonly reversals: ReversalLine[];
  /** share + Σ reversals: what the person gives to the pool (negative when reversals exceed it). */
  readonly contribution: string;
  /** gross − contribution. */
  readonly net: string;
  /** One step (`pool.net`) with every figure of the row; a shared frozen empty list for `trace: false`. */
  readonly trace: TraceStep[];
}

/** Result of {@link carvePool}. Rows are ordered by id (code-unit order). */
export interface CarvePoolResult {
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** The pool rate p, as given (canonical decimal). */
  readonly rate: string;
  /** The declared policy, or `null` when there was no negative commission and none was declared. */
  readonly clawbackPolicy: 'net' | 'reverse' | null;
  /** How contributions were rounded: each on its own, or the pool once (see {@link CarvePoolInput}). */
  readonly contributionRounding: ContributionRounding;
  /** Σ gross. */
  readonly gross: string;
  /** Σ base: what the pool rate applied to. */
  readonly base: string;
  /** Σ round(p · baseᵢ) (per person) or round(p · Σ base) (pooled), in the plan's rounding mode. */
  readonly carved: string;
  /** Σ reversals (zero or negative). */
  readonly reversed: string;
  /** carved + reversed = Σ contributions. Σ net + pool = Σ gross, exactly. */
  readonly pool: string;
  /** Σ net. */
  readonly net: string;
  /** One row per person, ordered by id. */
  readonly contributions: CarveRow[];
  /** The steps of the totals: carved, reversed, pool, conservation. */
  readonly trace: TraceStep[];
}

// ── allocatePool ─────────────────────────────────────────────────────────────

/** One back-office recipient of the pool. */
export interface PoolRecipientInput {
  /** The person's id (unique). */
  id: string;
  /** Support-effectiveness score [支撑效能评分], ≥ 0; rounded to the policy's score decimals. */
  score: DecimalInput;
  /** Full-time equivalent, 0–1, used when `basis` is `"fte"`. @defaultValue `1` */
  fte?: DecimalInput | undefined;
  /**
   * First day employed (inclusive): with basis `"days"` the days employed in `period` are the
   * basis; with any basis, someone not employed in `period` at all takes nothing.
   * @defaultValue the period's start
   */
  start?: string | undefined;
  /** Last day employed (inclusive), read as `start` is. @defaultValue the period's end */
  end?: string | undefined;
  /** The most this person may receive, in major units, ≥ 0. @defaultValue no cap */
  cap?: DecimalInput | undefined;
  /** The person's unit; required when `units` are given (two levels). @defaultValue none */
  unit?: string | undefined;
}

/** A back-office unit, for the optional first level of the allocation. */
export interface PoolUnitInput {
  /** Unit id (unique). */
  id: string;
  /** The unit's score, ≥ 0; rounded to the policy's score decimals. */
  score: DecimalInput;
}

/**
 * How a score becomes a weight, f(score): `linear` f(s) = s; `power` f(s) = s^exponent (exponent
 * ≥ 0, rounded to the coefficient decimals); `elasticity` (seed 001, "+scoreChange score →
 * +awardChange award") f(s) = s^e with e = ln(1 + awardChange) / ln(1 + scoreChange), rounded to
 * the coefficient decimals, and every eligible score > 0.
 */
export type PoolWeighting =
  | { kind: 'linear' }
  | { kind: 'power'; exponent: DecimalInput }
  | { kind: 'elasticity'; scoreChange: DecimalInput; awardChange: DecimalInput };

/** Input of {@link allocatePool}. */
export interface AllocatePoolInput extends PoolOptions {
  /** The pool to share, in major units, ≥ 0 (e.g. `carvePool`'s `pool`). */
  pool: DecimalInput;
  /** ISO 4217 currency of the pool and the caps. */
  currency: string;
  /** The back-office people; ids must be unique. */
  recipients: PoolRecipientInput[];
  /** f(score). @defaultValue `{ kind: "linear" }` */
  weighting?: PoolWeighting | undefined;
  /** Eligibility floor: a score below it earns nothing. @defaultValue `0` (everyone eligible) */
  floor?: DecimalInput | undefined;
  /** What multiplies f(score): `"one"`, `"fte"`, or `"days"` employed within `period`. @defaultValue `"one"` */
  basis?: 'one' | 'fte' | 'days' | undefined;
  /**
   * The period, inclusive dates; required for basis `"days"`. With any basis, a recipient whose
   * `start`…`end` does not meet it takes nothing. @defaultValue none
   */
  period?: { start: string; end: string } | undefined;
  /**
   * Units for two levels: the pool is split among units by unit score × headcount (members with
   * a positive weight), then within each unit among its members. @defaultValue none (one level)
   */
  units?: PoolUnitInput[] | undefined;
  /** Decimal places (0–12) f(score) is rounded to before the split, exact on the rounded weights. @defaultValue `6` */
  weightDecimals?: number | undefined;
}

/** One recipient's line of an {@link allocatePool} result. */
export interface PoolAward {
  /** The person's id. */
  readonly id: string;
  /** The recipient's unit, or `null`. */
  readonly unit: string | null;
  /** The score as used: rounded to the policy's score decimals. */
  readonly score: string;
  /** Whether the score reached the eligibility floor. */
  readonly eligible: boolean;
  /** The basis: `"1"`, the FTE, or the days employed within the period. */
  readonly basis: string;
  /** weight = basis × f(score), f(score) rounded to `weightDecimals` (`"0"` when not eligible). */
  readonly weight: string;
  /** The award, with exactly the currency's minor digits. */
  readonly award: string;
  /** award ÷ pool, rounded to 10 decimals with the policy's mode. */
  readonly share: string;
  /** Whether the award was fixed at the recipient's cap. */
  readonly capped: boolean;
  /**
   * Steps `pool.weight` and `pool.award`; a shared frozen empty list for `trace: false`. Rows with
   * the same score, basis, cap and award share one frozen trace (the result is read-only).
   */
  readonly trace: TraceStep[];
}

/** One unit's line of a two-level {@link allocatePool} result. */
export interface PoolUnitAward {
  /** The unit's id. */
  readonly id: string;
  /** The unit score as used (rounded to the score decimals). */
  readonly score: string;
  /** Members with a positive weight (eligible and with a positive basis). */
  readonly headcount: number;
  /** score × headcount. */
  readonly weight: string;
  /** The unit's part of the pool. */
  readonly amount: string;
  /** Σ awards of its members. */
  readonly awarded: string;
  /** What its members could not take (caps, or nobody with weight). */
  readonly unallocated: string;
}

/** Result of {@link allocatePool}. Awards and units are ordered by id (code-unit order). */
export interface AllocatePoolResult {
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** The pool shared, with the currency's minor digits. */
  readonly pool: string;
  /** Σ awards. */
  readonly awarded: string;
  /** pool − Σ awards: what caps or a lack of eligible people left unpaid. */
  readonly unallocated: string;
  /** The f(score) used, with the exponent as rounded (`null` for linear). */
  readonly weighting: { readonly kind: 'linear' | 'power' | 'elasticity'; readonly exponent: string | null };
  /** One line per recipient, ordered by id. */
  readonly awards: PoolAward[];
  /** Units of a two-level allocation, or `null` for one level. */
  readonly units: PoolUnitAward[] | null;
  /** The steps: the exponent (powers), the weights, each round of the split, what is left. */
  readonly trace: TraceStep[];
}

// ── elasticityExponent ───────────────────────────────────────────────────────

/** Input of {@link elasticityExponent}. */
export interface ElasticityExponentInput {
  /** Relative score change, > −1 and ≠ 0 (seed 001: `"0.10"` for +10 %). */
  scoreChange: DecimalInput;
  /** Relative award change, > −1 (seed 001: `"0.15"` for +15 %). */
  awardChange: DecimalInput;
  /** Rounding policy; the exponent is rounded to `coefficientDecimals`. @defaultValue 4 dp, half-up */
  rounding?: RoundingInput | undefined;
}

/** Result of {@link elasticityExponent}. */
export interface ElasticityExponentResult {
  /** The exponent e, rounded to the policy's coefficient decimals (what the allocation uses). */
  readonly exponent: string;
  /** e to 20 decimals, before rounding, for reference. */
  readonly exact: string;
  /** The step `pool.elasticity`. */
  readonly trace: TraceStep[];
}

// ── computeCommissions ───────────────────────────────────────────────────────

/** One front-line person's commission base for the period. */
export interface CommissionBaseInput {
  /** The person's id (unique). */
  id: string;
  /** The commission base (sales, business volume) in major units, ≥ 0. */
  base: DecimalInput;
  /** Currency of the base; must equal the input's. @defaultValue the input's `currency` */
  currency?: string | undefined;
  /** The value the modifier table measures (seed 001: resolution rate `"0.93"`); needed with a table. @defaultValue none */
  measure?: DecimalInput | undefined;
  /** The most this person's commission may be, in major units, ≥ 0. @defaultValue no cap */
  cap?: DecimalInput | undefined;
}

/** Input of {@link computeCommissions}. */
export interface CommissionsInput extends PoolOptions {
  /** ISO 4217 currency of bases, bounds and caps. */
  currency: string;
  /** The rate table: a tier table whose band `score` is the rate (0–1) and bounds are amounts. */
  rateTable: TierTable;
  /** `"marginal"` (each slice at its band's rate) or `"retroactive"` (the whole base at the reached rate). */
  method: 'marginal' | 'retroactive';
  /**
   * A tier table turning each person's `measure` into a base multiplier, rounded to the coefficient
   * decimals (seed 001: ≥ 0.95 → 1.16, ≥ 0.90 → 1.08, else 1.00). @defaultValue none (× 1)
   */
  modifierTable?: TierTable | undefined;
  /** The people; ids must be unique. */
  people: CommissionBaseInput[];
}

/** One slice of a person's commission: part of the adjusted base at one band's rate. */
export interface CommissionSlice {
  /** Index of the rate table's band (0 = first listed). */
  readonly band: number;
  /** The band's label, or `null`. */
  readonly label: string | null;
  /** The slice's lower end of the adjusted base, in major units. */
  readonly from: string;
  /** The slice's upper end, in major units. */
  readonly to: string;
  /** The rate as written (`"0.08"`). */
  readonly rate: string;
  /** The slice's commission; slices add up to the (uncapped) commission exactly. */
  readonly commission: string;
}

/** One person's row of a {@link computeCommissions} result. */
export interface CommissionRow {
  /** The person's id. */
  readonly id: string;
  /** The base as given, with the currency's minor digits. */
  readonly base: string;
  /** The measured value the modifier table read, or `null` without a modifier table. */
  readonly measure: string | null;
  /** The base multiplier (`"1.08"`), rounded to the coefficient decimals; `"1"` without a table. */
  readonly modifier: string;
  /** round(base × modifier) to minor units. */
  readonly adjustedBase: string;
  /** The commission before the cap. */
  readonly uncapped: string;
  /** min(uncapped, cap). */
  readonly commission: string;
  /** Whether the cap bound. */
  readonly capped: boolean;
  /** The slices of the adjusted base, one per band reached. */
  readonly slices: CommissionSlice[];
  /** Per-person steps; empty when the input asked for `trace: false`. */
  readonly trace: TraceStep[];
}

/** Result of {@link computeCommissions}. Rows are ordered by id. */
export interface CommissionsResult {
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** The rate table's method. */
  readonly method: 'marginal' | 'retroactive';
  /** Σ base. */
  readonly base: string;
  /** Σ commission (after caps): what {@link carvePool} takes as gross. */
  readonly commission: string;
  /** One row per person, ordered by id. */
  readonly people: CommissionRow[];
  /** The step of the totals (`pool.commissions`). */
  readonly trace: TraceStep[];
}

/**
 * The shapes of the interlock mechanism (SPEC §3.2), each written once: the inputs of
 * `creditFacts` and `settleInterlock` (their schemas in schema.ts are checked against these) and
 * their plain-JSON results.
 */
import type { DecimalInput } from '../core/decimalInput.js';
import type { RoundingInput } from '../core/rounding.js';
import type { TraceStep } from '../core/trace.js';
import type { TierTable } from '../tiers/types.js';

/** One member's share of a fact split within a dimension (e.g. two regions 60/40). */
export interface CreditSplit {
  /** The member's id, declared in the dimension. */
  id: string;
  /** The member's share, ≥ 0; the shares of one split sum to exactly 1 (`"0.6"`, `"0.4"`). */
  share: DecimalInput;
}

/** One revenue fact: a sale credited in full to a member of every dimension. */
export interface RevenueFact {
  /** Unique id of the fact (an order or invoice line). */
  id: string;
  /** The revenue in major units (`"100.00"`); negative for a return or credit note. */
  amount: DecimalInput;
  /**
   * The fact's currency; it must equal the input's `currency` (`CURRENCY_MISMATCH` otherwise).
   * @defaultValue the input's `currency`
   */
  currency?: string | undefined;
  /** The booking date `YYYY-MM-DD`, compared with the members' assignment windows. */
  date: string;
  /**
   * The member credited in each dimension, by dimension id: a member id (credited in full) or a
   * split (members with shares summing to 1). Every dimension must be named.
   */
  members: Record<string, string | CreditSplit[]>;
}

/** A member of a dimension (a region, a product line, a sales rep). */
export interface CreditMember {
  /** Unique id within the dimension. */
  id: string;
  /**
   * Revenue target in major units (> 0); gives the member's achievement = credit / target.
   * @defaultValue none: no achievement is computed (`null`)
   */
  target?: DecimalInput | undefined;
  /**
   * First day of the member's assignment window (inclusive): facts dated earlier are not
   * credited to it and are listed in `exclusions`.
   * @defaultValue open (no lower bound)
   */
  start?: string | undefined;
  /** Last day of the assignment window (inclusive). @defaultValue open (no upper bound) */
  end?: string | undefined;
}

/** A crediting dimension (region, product line, …) and its members. */
export interface CreditDimension {
  /** Unique id of the dimension, used as the key in every fact's `members`. */
  id: string;
  /** The dimension's members (at least one; ids unique within it). */
  members: CreditMember[];
}

/** Input of `creditFacts`. */
export interface CreditFactsInput {
  /** ISO 4217 currency of every fact and target. */
  currency: string;
  /** The dimensions each fact is credited in (at least one; ids unique). */
  dimensions: CreditDimension[];
  /** The revenue facts (ids unique). */
  facts: RevenueFact[];
  /**
   * Rounding policy for achievements and the double-count factor (coefficients).
   * @defaultValue `{ mode: 'halfUp', scoreDecimals: 2, coefficientDecimals: 4 }`
   */
  rounding?: RoundingInput | undefined;
}

/** One member's credit in one dimension. */
export interface MemberCredit {
  /** The member's id. */
  readonly id: string;
  /** Credited revenue (full facts plus split parts, inside the member's window), minor digits. */
  readonly amount: string;
  /** Revenue named for this member but dated outside its assignment window (not credited). */
  readonly excluded: string;
  /** Facts credited to the member (in full or as a split part). */
  readonly facts: number;
  /** Of those, facts split with other members. */
  readonly splitFacts: number;
  /** The member's target as given (minor digits), or `null`. */
  readonly target: string | null;
  /** credit / target, rounded to the coefficient decimals; `null` without a target. */
  readonly achievement: string | null;
  /** How the credit (and the achievement) were derived. */
  readonly trace: TraceStep[];
}

/** One dimension's credits and its conservation check. */
export interface DimensionCredit {
  /** The dimension's id. */
  readonly id: string;
  /** Σ member credits in this dimension. */
  readonly credited: string;
  /** Σ amounts excluded by assignment windows in this dimension. */
  readonly excluded: string;
  /** Whether credited + excluded = the facts' total, to the minor unit. */
  readonly conserved: boolean;
  /** Members ordered by id. */
  readonly members: MemberCredit[];
  /** The conservation check. */
  readonly trace: TraceStep[];
}

/** An amount a member's assignment window kept from being credited. */
export interface CreditExclusion {
  /** The fact's id. */
  readonly fact: string;
  /** The dimension's id. */
  readonly dimension: string;
  /** The member the fact named. */
  readonly member: string;
  /** The fact's date. */
  readonly date: string;
  /** The amount (the member's full credit or its split part) not credited. */
  readonly amount: string;
  /** `beforeStart`: dated before the window opens; `afterEnd`: after it closes. */
  readonly reason: 'beforeStart' | 'afterEnd';
  /** The window's first day, or `null` when open. */
  readonly start: string | null;
  /** The window's last day, or `null` when open. */
  readonly end: string | null;
}

/** Result of `creditFacts`. */
export interface CreditFactsResult {
  /** The input's currency. */
  readonly currency: string;
  /** Number of facts. */
  readonly factCount: number;
  /** Σ fact amounts: the revenue actually booked, counted once. */
  readonly total: string;
  /** Number of dimensions. */
  readonly dimensionCount: number;
  /** Σ over dimensions of the credited amounts: what the scorecards see. */
  readonly credited: string;
  /**
   * The double-count factor credited / total, rounded to the coefficient decimals (equal to the
   * number of dimensions when no window excludes anything); `null` when the total is zero.
   */
  readonly factor: string | null;
  /** Whether every dimension conserves (credited + excluded = total). */
  readonly conserved: boolean;
  /** Dimensions ordered by id. */
  readonly dimensions: DimensionCredit[];
  /** Every amount a window excluded, ordered by fact, dimension, member. */
  readonly exclusions: CreditExclusion[];
  /** The total, the credited total and the factor, derived. */
  readonly trace: TraceStep[];
}

/** A party owning a share of an interlocked indicator (sales, product, delivery). */
export interface InterlockParty {
  /** Unique id of the party within the indicator. */
  id: string;
  /** The party's weight ≥ 0; the weights of one indicator sum to exactly 1 (primary party highest). */
  weight: DecimalInput;
}

/** A reference to a member's credit in a `creditFacts` result. */
export interface CreditReference {
  /** The dimension id (e.g. `"product"`). */
  dimension: string;
  /** The member id in that dimension (e.g. `"5G"`); its credited `amount` is the actual. */
  member: string;
}

/** An interlocked indicator [指标互锁]: one target owned jointly by several parties. */
export interface InterlockIndicator {
  /** Unique id of the indicator. */
  id: string;
  /** The target (> 0), in the actual's unit (revenue in major units, a count, a rate). */
  target: DecimalInput;
  /** The actual: a decimal, or a reference to a member's credit in `credits`. */
  actual: DecimalInput | CreditReference;
  /** The owning parties (at least one); weights sum to exactly 1. */
  parties: InterlockParty[];
  /**
   * Maps the shared achievement (actual / target, e.g. `"0.95"`) to the indicator score; must be
   * `higherIsBetter` with plain (non-duration) bounds.
   */
  scoreTable: TierTable;
  /** The shared reward: paid when achievement ≥ `threshold`, split by weight. @defaultValue none (no reward) */
  reward?: InterlockReward | undefined;
  /**
   * The severe miss [严重未达标]: when achievement < `threshold`, the deduction is split by weight
   * [奖惩对等] and every party is flagged for the joint review [复盘].
   * @defaultValue none (no deduction, no review)
   */
  severeMiss?: InterlockSevereMiss | undefined;
  /**
   * Achievement below which every party joins the review even without a severe miss (seed 003:
   * "指标未达成:三方都必须参与复盘"); a severe miss always triggers the review.
   * @defaultValue only on a severe miss
   */
  reviewBelow?: DecimalInput | undefined;
}

/** An indicator's shared reward. */
export interface InterlockReward {
  /** Achievement at or above which the reward is paid (e.g. `"1"`). */
  threshold: DecimalInput;
  /** The reward in major units of `currency` (≥ 0). */
  amount: DecimalInput;
}

/** An indicator's severe miss. */
export interface InterlockSevereMiss {
  /** Achievement below which the miss is severe (e.g. `"0.7"`); at most the reward threshold. */
  threshold: DecimalInput;
  /** The deduction in major units of `currency` (≥ 0), split among the parties by weight. */
  deduction: DecimalInput;
}

/** The part of a `creditFacts` result that `actual` references read (other fields are ignored). */
export interface InterlockCredits {
  /** The credits' currency; must equal the input's `currency`. */
  currency: string;
  /** Dimensions with their members' credited amounts. */
  dimensions: { id: string; members: { id: string; amount: DecimalInput }[] }[];
}

/** Input of `settleInterlock`. */
export interface SettleInterlockInput {
  /** ISO 4217 currency of rewards and deductions. */
  currency: string;
  /** The interlocked indicators (at least one; ids unique; more than three gives a warning). */
  indicators: InterlockIndicator[];
  /**
   * A `creditFacts` result that `actual` references point into.
   * @defaultValue none (every `actual` must be a decimal)
   */
  credits?: InterlockCredits | undefined;
  /**
   * Rounding policy: achievement at coefficient decimals, scores at score decimals.
   * @defaultValue `{ mode: 'halfUp', scoreDecimals: 2, coefficientDecimals: 4 }`
   */
  rounding?: RoundingInput | undefined;
}

/** One party's share of one interlocked indicator. */
export interface InterlockPartyShare {
  /** The party's id. */
  readonly id: string;
  /** The weight as given, canonical decimal. */
  readonly weight: string;
  /** The indicator's score, which enters this party's scorecard (shared by every party). */
  readonly score: string;
  /** The party's part of the reward (minor digits; `"0.00"` when not rewarded). */
  readonly reward: string;
  /** The party's part of the deduction (≥ 0; `"0.00"` without a severe miss). */
  readonly deduction: string;
  /** reward − deduction. */
  readonly net: string;
  /** Whether the party joins the joint review [复盘] of this indicator. */
  readonly review: boolean;
  /** How the party's parts were derived. */
  readonly trace: TraceStep[];
}

/** The settlement of one interlocked indicator. */
export interface IndicatorSettlement {
  /** The indicator's id. */
  readonly id: string;
  /** The target as written. */
  readonly target: string;
  /** The actual as written, or the referenced member's credited amount (`"230.00"`). */
  readonly actual: string;
  /** Where the actual came from: a creditFacts member, or `null` when given as a decimal. */
  readonly actualSource: { readonly dimension: string; readonly member: string } | null;
  /** actual / target, rounded to the coefficient decimals; shared by every party. */
  readonly achievement: string;
  /** The indicator score from the tier table, rounded to the score decimals. */
  readonly score: string;
  /** Index of the band the achievement fell in (0 = best). */
  readonly band: number;
  /** The band's label, or `null`. */
  readonly label: string | null;
  /** Whether achievement reached the reward threshold. */
  readonly rewarded: boolean;
  /** Whether achievement fell below the severe-miss threshold. */
  readonly severeMiss: boolean;
  /** Whether every party is flagged for the joint review. */
  readonly review: boolean;
  /** The reward paid (Σ of the parties' parts). */
  readonly reward: string;
  /** The deduction taken (Σ of the parties' parts). */
  readonly deduction: string;
  /** Parties ordered by id. */
  readonly parties: InterlockPartyShare[];
  /** Achievement, band, score, reward, deduction and review, derived. */
  readonly trace: TraceStep[];
}

/** One party's totals over every indicator it shares. */
export interface InterlockPartyTotal {
  /** The party's id. */
  readonly id: string;
  /** Σ of its reward parts. */
  readonly reward: string;
  /** Σ of its deduction parts. */
  readonly deduction: string;
  /** reward − deduction. */
  readonly net: string;
  /** Ids of the indicators whose joint review the party must join (ordered). */
  readonly reviews: string[];
  /** Ids of the indicators the party shares (ordered). */
  readonly indicators: string[];
  /** How the net was derived. */
  readonly trace: TraceStep[];
}

/** A non-fatal remark about the plan. */
export interface InterlockWarning {
  /** `tooManyIndicators`: more than three interlocked indicators (seed 003 advises 2–3). */
  readonly code: 'tooManyIndicators';
  /** The remark in words. */
  readonly message: string;
}

/** Result of `settleInterlock`. */
export interface SettleInterlockResult {
  /** The input's currency. */
  readonly currency: string;
  /** Indicators ordered by id. */
  readonly indicators: IndicatorSettlement[];
  /** Per-party totals over all indicators, ordered by id. */
  readonly parties: InterlockPartyTotal[];
  /** Σ rewards, Σ deductions, and whether the parties' parts add up to them exactly. */
  readonly totals: {
    readonly reward: string;
    readonly deduction: string;
    readonly net: string;
    readonly conserved: boolean;
  };
  /** Remarks about the plan (more than three indicators). */
  readonly warnings: InterlockWarning[];
  /** The conservation check of the totals. */
  readonly trace: TraceStep[];
}

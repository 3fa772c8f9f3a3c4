/**
 * The shapes of draws and guarantees [预支与保底], written once: the inputs of `settleDraws` and
 * of the period run's draw sections, and their results. Types only.
 *
 * A **recoverable draw** advances pay: in a period whose earned commission falls short of the
 * draw, the person is paid the draw and the shortfall is added to what they owe back (their
 * balance); in a later period, earnings above the draw pay the balance down (recovery), up to a
 * cap. A **guarantee** (non-recoverable draw) pays max(earned, guarantee) and is never recovered.
 */
import type { DecimalInput } from '../core/decimalInput.js';
import type { RoundingInput } from '../core/rounding.js';
import type { TraceStep } from '../core/trace.js';

/** What the leaver's outstanding balance becomes in their last period. */
export type DrawLeavingPolicy = 'recover' | 'writeOff';

/** How recoveries are capped and what happens when a person leaves. */
export interface DrawPolicyInput {
  /**
   * Share of the earnings above the draw (0–1) that goes to recovery in a period.
   * @defaultValue `1` (all of it, up to the balance)
   */
  recoveryShare?: DecimalInput | undefined;
  /** Most recovered from one person in one period (an amount). @defaultValue no cap */
  maxRecovery?: DecimalInput | undefined;
  /**
   * A leaver's balance after the period's recovery: `recover` takes what remains from the rest of
   * their final statement (never below zero; any rest stays owed), `writeOff` forgives it.
   * @defaultValue `"recover"`
   */
  onLeaving?: DrawLeavingPolicy | undefined;
}

/** A person's draw arrangement for one settlement. */
export interface DrawInput {
  /** `recoverable` (advanced, recovered later) or `guarantee` (non-recoverable: a floor on pay). */
  kind: 'recoverable' | 'guarantee';
  /** The amount for the period (≥ 0). */
  amount: DecimalInput;
}

/** One person of {@link SettleDrawsInput}. */
export interface DrawPersonInput {
  /** Person id (unique). */
  id: string;
  /** Commission earned in the period (may be negative after clawbacks). */
  earned: DecimalInput;
  /** The rest of the person's pay in the period (for a leaver's final recovery). @defaultValue `0` */
  otherPay?: DecimalInput | undefined;
  /** The draw or guarantee, if the person has one this period. @defaultValue none */
  draw?: DrawInput | undefined;
  /** What the person owes back at the start of the period (≥ 0). @defaultValue `0` */
  openingBalance?: DecimalInput | undefined;
  /** Whether the person leaves in this period (the leaving policy applies). @defaultValue `false` */
  leaving?: boolean | undefined;
}

/** Input of `settleDraws`. */
export interface SettleDrawsInput {
  /** ISO 4217 currency of every amount. */
  currency: string;
  /** The people, each with what they earned, their draw and their opening balance. */
  people: DrawPersonInput[];
  /** Recovery cap and leaving policy. @defaultValue recover everything above the draw; leavers repay from final pay */
  policy?: DrawPolicyInput | undefined;
  /** Rounding (the recovery share's product is rounded to minor units with its mode). @defaultValue half-up */
  rounding?: RoundingInput | undefined;
}

/** One person's settlement: what was advanced, topped up, recovered and written off. */
export interface DrawSettlement {
  /** Person id. */
  readonly id: string;
  /** The arrangement's kind, or `null` for a person with a balance and no draw this period. */
  readonly kind: 'recoverable' | 'guarantee' | null;
  /** The draw or guarantee amount (`0` without one). */
  readonly amount: string;
  /** Commission earned. */
  readonly earned: string;
  /** Recoverable draw paid beyond the earnings: max(0, amount − earned); added to the balance. */
  readonly advanced: string;
  /** Guarantee paid beyond the earnings: max(0, amount − earned); never recovered. */
  readonly toppedUp: string;
  /** Recovered from this period's pay (≥ 0); subtracted from the balance. */
  readonly recovered: string;
  /** Balance forgiven on leaving (≥ 0). */
  readonly writtenOff: string;
  /** Owed back at the start of the period. */
  readonly openingBalance: string;
  /** Owed back at the end: opening + advanced − recovered − written off. */
  readonly closingBalance: string;
  /** What the commission part pays: earned + advanced + topped up − recovered. */
  readonly paid: string;
  /** How each figure was reached. */
  readonly trace: TraceStep[];
}

/** Totals of a settlement, each Σ over the people. */
export interface DrawTotals {
  /** Σ opening balances. */
  readonly openingBalance: string;
  /** Σ advanced. */
  readonly advanced: string;
  /** Σ topped up. */
  readonly toppedUp: string;
  /** Σ recovered. */
  readonly recovered: string;
  /** Σ written off. */
  readonly writtenOff: string;
  /** Σ closing balances = Σ opening + Σ advanced − Σ recovered − Σ written off. */
  readonly closingBalance: string;
  /** Σ earned. */
  readonly earned: string;
  /** Σ paid = Σ earned + Σ advanced + Σ topped up − Σ recovered. */
  readonly paid: string;
}

/** Result of `settleDraws`. */
export interface SettleDrawsResult {
  /** The currency. */
  readonly currency: string;
  /** One settlement per person, ordered by id. */
  readonly people: DrawSettlement[];
  /** Σ of each figure. */
  readonly totals: DrawTotals;
}

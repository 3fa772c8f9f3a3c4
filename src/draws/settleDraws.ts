import { minorDigits } from '../core/currency.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { formatFixed, parseFixed, type Fixed } from '../core/fixed.js';
import { compareIds } from '../core/ids.js';
import { formatMinor, pow10, readAmount } from '../core/money.js';
import { divideRounded, resolveRounding, type RoundingMode } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { indexById, parseInput } from '../core/validate.js';
import { settleDrawsInputSchema } from './schema.js';
import type * as t from './types.js';

/** A person's draw figures in minor units (internal: the period run builds these from its lines). */
export interface DrawRow {
  readonly id: string;
  readonly kind: 'recoverable' | 'guarantee' | null;
  /** The draw or guarantee amount (0 without one). */
  readonly amount: bigint;
  readonly earned: bigint;
  /** The rest of the person's pay in the period (what a leaver's final recovery may take). */
  readonly otherPay: bigint;
  readonly opening: bigint;
  readonly leaving: boolean;
}

/** The policy in minor units (internal). */
export interface DrawPolicy {
  /** The recovery share as an exact decimal (1 by default). */
  readonly share: Fixed;
  /** Most recovered per person and period, or `null` for no cap. */
  readonly maxRecovery: bigint | null;
  readonly onLeaving: t.DrawLeavingPolicy;
  readonly mode: RoundingMode;
}

/** One person's outcome in minor units (internal). */
export interface DrawOutcome {
  readonly advanced: bigint;
  readonly toppedUp: bigint;
  readonly recovered: bigint;
  readonly writtenOff: bigint;
  readonly closing: bigint;
}

const max0 = (value: bigint): bigint => (value > 0n ? value : 0n);
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/**
 * Settles one person's draw (internal API, minor units): a recoverable draw advances
 * max(0, draw − earned) and adds it to the balance; a guarantee tops pay up to the guarantee and
 * is never recovered; earnings above the draw (above zero without one) repay the opening balance:
 * recovered = min(opening, round(share × excess), maxRecovery). A leaver's remaining balance is
 * then recovered from the rest of their final pay (never taking it below zero; any rest stays
 * owed) or written off, per the policy.
 */
export function settleDraw(row: DrawRow, policy: DrawPolicy): DrawOutcome {
  const shortfall = max0(row.amount - row.earned);
  const advanced = row.kind === 'recoverable' ? shortfall : 0n;
  const toppedUp = row.kind === 'guarantee' ? shortfall : 0n;
  const excess = max0(row.earned - row.amount);
  const shared = divideRounded(excess * policy.share.n, pow10(policy.share.scale), policy.mode);
  let recovered = min(row.opening, policy.maxRecovery === null ? shared : min(shared, policy.maxRecovery));
  let closing = row.opening + advanced - recovered;
  let writtenOff = 0n;
  if (row.leaving && closing > 0n) {
    if (policy.onLeaving === 'writeOff') {
      writtenOff = closing;
    } else {
      const payable = max0(row.otherPay + row.earned + advanced + toppedUp - recovered);
      const extra = min(closing, payable);
      recovered += extra;
    }
    closing = row.opening + advanced - recovered - writtenOff;
  }
  return { advanced, toppedUp, recovered, writtenOff, closing };
}

/** The trace of one settlement: the shortfall, the recovery, the leaving rule and the balance. */
export function drawTrace(row: DrawRow, outcome: DrawOutcome, policy: DrawPolicy, digits: number): TraceStep[] {
  const money = (minor: bigint) => formatMinor(minor, digits);
  const steps: TraceStep[] = [];
  if (row.kind !== null)
    steps.push(
      traceStep(
        row.kind === 'recoverable' ? 'draws.advance' : 'draws.guarantee',
        row.kind === 'recoverable'
          ? 'advanced = max(0, draw − earned), added to the balance owed'
          : 'topped up = max(0, guarantee − earned), never recovered',
        { amount: money(row.amount), earned: money(row.earned) },
        money(row.kind === 'recoverable' ? outcome.advanced : outcome.toppedUp),
      ),
    );
  steps.push(
    traceStep(
      'draws.recover',
      'recovered = min(opening balance, round(recovery share × max(0, earned − draw)), cap)',
      {
        cap: policy.maxRecovery === null ? 'none' : money(policy.maxRecovery),
        excess: money(max0(row.earned - row.amount)),
        opening: money(row.opening),
        recoveryShare: formatFixed(policy.share),
      },
      money(outcome.recovered),
    ),
  );
  if (row.leaving)
    steps.push(
      traceStep(
        'draws.leaving',
        policy.onLeaving === 'writeOff'
          ? 'leaving: the remaining balance is written off'
          : 'leaving: the remaining balance is recovered from the rest of the final pay, never below zero',
        { onLeaving: policy.onLeaving, otherPay: money(row.otherPay) },
        money(policy.onLeaving === 'writeOff' ? outcome.writtenOff : outcome.recovered),
      ),
    );
  steps.push(
    traceStep(
      'draws.balance',
      'closing balance = opening + advanced − recovered − written off',
      {
        advanced: money(outcome.advanced),
        opening: money(row.opening),
        recovered: money(outcome.recovered),
        writtenOff: money(outcome.writtenOff),
      },
      money(outcome.closing),
    ),
  );
  return steps;
}

/** Reads a draw policy (paths under `at`), with the plan's rounding mode. */
export function readDrawPolicy(
  policy: t.DrawPolicyInput | undefined,
  mode: RoundingMode,
  digits: number,
  at: IssuePath,
  issues: IssueList,
): DrawPolicy {
  const share = parseFixed(policy?.recoveryShare === undefined ? '1' : decimalText(policy.recoveryShare));
  if (share.n > pow10(share.scale))
    issues.add(
      'OUT_OF_RANGE',
      [...at, 'recoveryShare'],
      `a recovery share is at most 1, not ${decimalText(policy!.recoveryShare!)}`,
    );
  const maxRecovery =
    policy?.maxRecovery === undefined ? null : readAmount(policy.maxRecovery, digits, [...at, 'maxRecovery'], issues);
  return {
    share,
    maxRecovery: maxRecovery === null ? null : BigInt(maxRecovery),
    onLeaving: policy?.onLeaving ?? 'recover',
    mode,
  };
}

/** One person's public settlement from its minor-unit figures and its trace ({@link drawTrace}). */
export function drawSettlement(
  row: DrawRow,
  outcome: DrawOutcome,
  trace: TraceStep[],
  digits: number,
): t.DrawSettlement {
  const money = (minor: bigint) => formatMinor(minor, digits);
  return {
    id: row.id,
    kind: row.kind,
    amount: money(row.amount),
    earned: money(row.earned),
    advanced: money(outcome.advanced),
    toppedUp: money(outcome.toppedUp),
    recovered: money(outcome.recovered),
    writtenOff: money(outcome.writtenOff),
    openingBalance: money(row.opening),
    closingBalance: money(outcome.closing),
    paid: money(row.earned + outcome.advanced + outcome.toppedUp - outcome.recovered),
    trace,
  };
}

/** Σ of each figure of the settlements, from their minor units. */
export function drawTotals(rows: readonly DrawRow[], outcomes: readonly DrawOutcome[], digits: number): t.DrawTotals {
  const sum = { opening: 0n, advanced: 0n, toppedUp: 0n, recovered: 0n, writtenOff: 0n, closing: 0n, earned: 0n };
  rows.forEach((row, i) => {
    const outcome = outcomes[i]!;
    sum.opening += row.opening;
    sum.earned += row.earned;
    sum.advanced += outcome.advanced;
    sum.toppedUp += outcome.toppedUp;
    sum.recovered += outcome.recovered;
    sum.writtenOff += outcome.writtenOff;
    sum.closing += outcome.closing;
  });
  const money = (minor: bigint) => formatMinor(minor, digits);
  return {
    openingBalance: money(sum.opening),
    advanced: money(sum.advanced),
    toppedUp: money(sum.toppedUp),
    recovered: money(sum.recovered),
    writtenOff: money(sum.writtenOff),
    closingBalance: money(sum.closing),
    earned: money(sum.earned),
    paid: money(sum.earned + sum.advanced + sum.toppedUp - sum.recovered),
  };
}

/**
 * Settles draws and guarantees for one period [预支与保底]: what each person is advanced, topped up
 * and recovered, and the balance they owe back, so that periods chain (this period's closing
 * balances are the next one's opening balances).
 *
 * **Formula.** shortfall = max(0, draw − earned): a recoverable draw advances it (balance +=),
 * a guarantee tops up by it (never recovered); excess = max(0, earned − draw);
 * recovered = min(opening, round(recoveryShare × excess), maxRecovery); a leaver's remaining
 * balance is recovered from the rest of the final pay (never below zero) or written off;
 * closing = opening + advanced − recovered − written off; paid = earned + advanced + topped up −
 * recovered. So Σ paid = Σ earned + Σ topped up + Σ closing − Σ opening + Σ written off.
 *
 * @param input - currency, the people (earned, draw, opening balance, leaving), the policy and rounding.
 * @returns One settlement per person (ordered by id) with its trace, and the totals.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `INVALID_AMOUNT`,
 *   `NEGATIVE_VALUE` (a negative draw, balance or cap), `OUT_OF_RANGE` (a recovery share above 1),
 *   `UNKNOWN_CURRENCY`, `DUPLICATE_ID`.
 *
 * @example
 * ```ts
 * import { settleDraws } from 'synergy-pay';
 * const { people } = settleDraws({
 *   currency: 'CNY',
 *   people: [
 *     { id: 'li', earned: '3000.00', draw: { kind: 'recoverable', amount: '5000.00' } },
 *     { id: 'wu', earned: '9000.00', draw: { kind: 'recoverable', amount: '5000.00' }, openingBalance: '2500.00' },
 *   ],
 * });
 * // li: advanced 2000.00, closing 2000.00, paid 5000.00; wu: recovered 2500.00, closing 0.00, paid 6500.00
 * ```
 */
export function settleDraws(input: t.SettleDrawsInput): t.SettleDrawsResult {
  const parsed = parseInput(settleDrawsInputSchema, input);
  const digits = minorDigits(parsed.currency);
  const issues = new IssueList();
  indexById(parsed.people, ['people'], issues);
  const policy = readDrawPolicy(parsed.policy, resolveRounding(parsed.rounding).mode, digits, ['policy'], issues);
  const rows = parsed.people.map((person, i): DrawRow => {
    const at = ['people', i];
    const read = (value: DecimalInput | undefined, field: string) =>
      value === undefined ? 0n : BigInt(readAmount(value, digits, [...at, field], issues));
    return {
      id: person.id,
      kind: person.draw?.kind ?? null,
      amount:
        person.draw === undefined
          ? 0n
          : BigInt(readAmount(person.draw.amount, digits, [...at, 'draw', 'amount'], issues)),
      earned: read(person.earned, 'earned'),
      otherPay: read(person.otherPay, 'otherPay'),
      opening: read(person.openingBalance, 'openingBalance'),
      leaving: person.leaving ?? false,
    };
  });
  issues.throwIfAny();
  rows.sort((a, b) => compareIds(a.id, b.id));
  const outcomes = rows.map((row) => settleDraw(row, policy));
  return {
    currency: parsed.currency,
    people: rows.map((row, i) =>
      drawSettlement(row, outcomes[i]!, drawTrace(row, outcomes[i]!, policy, digits), digits),
    ),
    totals: drawTotals(rows, outcomes, digits),
  };
}

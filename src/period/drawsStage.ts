import type { IssueList } from '../core/errors.js';
import { compareIds } from '../core/ids.js';
import { divideRounded } from '../core/rounding.js';
import {
  drawSettlement,
  drawTotals,
  drawTrace,
  readDrawPolicy,
  settleDraw,
  type DrawOutcome,
  type DrawPolicy,
  type DrawRow,
} from '../draws/settleDraws.js';
import type { DrawSettlement } from '../draws/types.js';
import type { PeriodContext } from './context.js';
import { MONTHS_IN, dayNumber } from './dates.js';
import type { Organisation } from './orgStage.js';
import { readMoney, type PersonWork } from './periodWork.js';
import type { LineDraft } from './statement.js';
import type { PeriodDraws } from './types.js';

/** The period's draws, read: per person index, the arrangement and the opening balance. */
export interface DrawData {
  readonly policy: DrawPolicy;
  /** Person index → the arrangement's kind and monthly amount (minor units). */
  readonly arrangements: Map<number, { kind: 'recoverable' | 'guarantee'; monthly: bigint }>;
  /** Person index → the balance owed at the start of the period (minor units). */
  readonly balances: Map<number, bigint>;
}

/** Draw money the statements add up: Σ advanced, Σ topped up, Σ recovered (minor units). */
export interface DrawMoney {
  advanced: bigint;
  toppedUp: bigint;
  recovered: bigint;
}

/**
 * Reads `data.draws` and `data.drawBalances` against the organisation, with `plan.draws`:
 * unknown people (`UNKNOWN_REFERENCE`), a second row for one person (`DUPLICATE_ID`), amounts
 * (`INVALID_AMOUNT`; negatives are refused by the schema with `NEGATIVE_VALUE`). `null` when the
 * data has neither list.
 */
export function readDraws(context: PeriodContext, org: Organisation, issues: IssueList): DrawData | null {
  const { data, digits, rounding } = context;
  if (data.draws === undefined && data.drawBalances === undefined) return null;
  const policy = readDrawPolicy(context.scenario.plan.draws, rounding.mode, digits, ['plan', 'draws'], issues);
  const arrangements = new Map<number, { kind: 'recoverable' | 'guarantee'; monthly: bigint }>();
  (data.draws ?? []).forEach((row, i) => {
    const p = personAt(org, row.person, ['data', 'draws', i, 'person'], arrangements, issues);
    const monthly = readMoney(row.monthlyAmount, digits, ['data', 'draws', i, 'monthlyAmount'], issues);
    if (p !== undefined) arrangements.set(p, { kind: row.kind, monthly });
  });
  const balances = new Map<number, bigint>();
  (data.drawBalances ?? []).forEach((row, i) => {
    const p = personAt(org, row.person, ['data', 'drawBalances', i, 'person'], balances, issues);
    const balance = readMoney(row.balance, digits, ['data', 'drawBalances', i, 'balance'], issues);
    if (p !== undefined) balances.set(p, balance);
  });
  return { policy, arrangements, balances };
}

/** A row's person index, or `undefined` (with an issue) when unknown or already listed. */
function personAt(
  org: Organisation,
  person: string,
  path: (string | number)[],
  seen: ReadonlyMap<number, unknown>,
  issues: IssueList,
): number | undefined {
  const p = org.personIndex.get(person);
  if (p === undefined) issues.add('UNKNOWN_REFERENCE', path, `no person "${person}"`);
  else if (seen.has(p)) issues.add('DUPLICATE_ID', path, `person "${person}" is listed twice`);
  else return p;
  return undefined;
}

/**
 * Settles every person with a draw or a balance (after all other lines exist): earned = Σ the
 * person's commission lines (net of the pool contribution); the monthly amount prorated like base
 * pay; a leaver is a person whose employment ends before the period's last day. Adds the
 * guarantee top-up, draw advance and draw recovery lines (non-zero ones) in the period's last
 * segment, and adds their money to `money`.
 */
export function addDrawLines(
  context: PeriodContext,
  work: readonly PersonWork[],
  draws: DrawData,
  money: DrawMoney,
): PeriodDraws {
  const { resolved, digits, rounding, withTrace } = context;
  const { period } = resolved;
  const months = BigInt(MONTHS_IN[period.unit]);
  const lastDay = dayNumber(period.end);
  const segment = resolved.segments.length - 1;
  const version = resolved.segments[segment]!.version;
  const people = [...new Set([...draws.arrangements.keys(), ...draws.balances.keys()])].sort((a, b) =>
    compareIds(work[a]!.id, work[b]!.id),
  );
  const rows: DrawRow[] = [];
  const outcomes: DrawOutcome[] = [];
  const settlements: DrawSettlement[] = [];
  for (const p of people) {
    const w = work[p]!;
    const arrangement = draws.arrangements.get(p);
    let earned = 0n;
    let other = 0n;
    for (const line of w.lines)
      if (line.kind === 'commission') earned += line.minor;
      else other += line.minor;
    const amount =
      arrangement === undefined
        ? 0n
        : divideRounded(arrangement.monthly * months * BigInt(w.employedDays), BigInt(period.days), rounding.mode);
    const row: DrawRow = {
      id: w.id,
      kind: arrangement?.kind ?? null,
      amount,
      earned,
      otherPay: other,
      opening: draws.balances.get(p) ?? 0n,
      leaving: w.end < lastDay,
    };
    const outcome = settleDraw(row, draws.policy);
    rows.push(row);
    outcomes.push(outcome);
    money.advanced += outcome.advanced;
    money.toppedUp += outcome.toppedUp;
    money.recovered += outcome.recovered;
    // One trace for the settlement and the person's draw lines (empty on the lines without trace).
    const trace = drawTrace(row, outcome, draws.policy, digits);
    settlements.push(drawSettlement(row, outcome, trace, digits));
    const lineTrace = withTrace ? trace : [];
    const add = (kind: LineDraft['kind'], label: string, minor: bigint) => {
      if (minor !== 0n) w.lines.push({ kind, label, version, segment, source: '', minor, trace: lineTrace });
    };
    add('guaranteeTopUp', 'Guarantee top-up (pay at least the guarantee)', outcome.toppedUp);
    add('drawAdvance', 'Draw advance (recoverable: owed back from later earnings)', outcome.advanced);
    add('drawRecovery', 'Draw recovery (repays the balance owed)', -outcome.recovered);
  }
  return {
    people: settlements,
    totals: drawTotals(rows, outcomes, digits),
  };
}

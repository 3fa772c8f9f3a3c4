import type { IssueList } from '../core/errors.js';
import { divideRounded, type RoundingMode } from '../core/rounding.js';
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

/** The draws being settled while the statements are produced, person by person in id order. */
export interface DrawSettling {
  readonly draws: DrawData;
  /** The monthly amounts' months, the period's days and last day (a day number). */
  readonly months: bigint;
  readonly periodDays: bigint;
  readonly lastDay: number;
  /** The period's last segment and its plan version: the draw lines go there. */
  readonly segment: number;
  readonly version: string;
  readonly mode: RoundingMode;
  readonly digits: number;
  readonly withTrace: boolean;
  /** The people settled so far, in id order: their rows, outcomes and printed settlements. */
  readonly rows: DrawRow[];
  readonly outcomes: DrawOutcome[];
  readonly settlements: DrawSettlement[];
}

/** The settling of the period's draws, before anyone is settled. */
export function drawSettling(context: PeriodContext, draws: DrawData): DrawSettling {
  const { resolved, digits, rounding, withTrace } = context;
  const { period } = resolved;
  const segment = resolved.segments.length - 1;
  return {
    draws,
    months: BigInt(MONTHS_IN[period.unit]),
    periodDays: BigInt(period.days),
    lastDay: dayNumber(period.end),
    segment,
    version: resolved.segments[segment]!.version,
    mode: rounding.mode,
    digits,
    withTrace,
    rows: [],
    outcomes: [],
    settlements: [],
  };
}

/**
 * Settles one person, after all their other lines exist, when they have a draw or a balance
 * (nothing otherwise): earned = Σ the person's commission lines (net of the pool contribution);
 * the monthly amount prorated like base pay; a leaver is a person whose employment ends before
 * the period's last day. Adds the guarantee top-up, draw advance and draw recovery lines (non-zero
 * ones) in the period's last segment, and adds their money to `money`. Called in person id order,
 * so the settlements are listed in id order.
 */
export function addDrawLines(settling: DrawSettling, w: PersonWork, money: DrawMoney): void {
  const { draws, segment, version } = settling;
  const arrangement = draws.arrangements.get(w.index);
  const opening = draws.balances.get(w.index);
  if (arrangement === undefined && opening === undefined) return;
  let earned = 0n;
  let other = 0n;
  for (const line of w.lines)
    if (line.kind === 'commission') earned += line.minor;
    else other += line.minor;
  const amount =
    arrangement === undefined
      ? 0n
      : divideRounded(
          arrangement.monthly * settling.months * BigInt(w.employedDays),
          settling.periodDays,
          settling.mode,
        );
  const row: DrawRow = {
    id: w.id,
    kind: arrangement?.kind ?? null,
    amount,
    earned,
    otherPay: other,
    opening: opening ?? 0n,
    leaving: w.end < settling.lastDay,
  };
  const outcome = settleDraw(row, draws.policy);
  settling.rows.push(row);
  settling.outcomes.push(outcome);
  money.advanced += outcome.advanced;
  money.toppedUp += outcome.toppedUp;
  money.recovered += outcome.recovered;
  // One trace for the settlement and the person's draw lines (empty on the lines without trace).
  const trace = drawTrace(row, outcome, draws.policy, settling.digits);
  settling.settlements.push(drawSettlement(row, outcome, trace, settling.digits));
  const lineTrace = settling.withTrace ? trace : [];
  const add = (kind: LineDraft['kind'], label: string, minor: bigint) => {
    if (minor !== 0n) w.lines.push({ kind, label, version, segment, source: '', minor, trace: lineTrace });
  };
  add('guaranteeTopUp', 'Guarantee top-up (pay at least the guarantee)', outcome.toppedUp);
  add('drawAdvance', 'Draw advance (recoverable: owed back from later earnings)', outcome.advanced);
  add('drawRecovery', 'Draw recovery (repays the balance owed)', -outcome.recovered);
}

/** The period's draws once everyone is settled: the settlements in person id order, and their totals. */
export function periodDraws(settling: DrawSettling, digits: number): PeriodDraws {
  return { people: settling.settlements, totals: drawTotals(settling.rows, settling.outcomes, digits) };
}

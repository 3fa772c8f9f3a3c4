import type { IssueList, IssuePath } from '../core/errors.js';
import { compareIds } from '../core/ids.js';
import { formatMinor, parseMinor } from '../core/money.js';
import type { TraceStep } from '../core/trace.js';
import type { PeriodContext } from './context.js';
import type { Organisation } from './orgStage.js';
import { readMoney, type CommissionFigures } from './periodWork.js';
import { step } from './trace.js';
import type { CommissionInput, HeldCommission, PeriodHolds, ReconciliationCheck } from './types.js';

/** A held commission in minor units (internal). */
interface Hold {
  readonly id: string;
  readonly person: string;
  readonly minor: bigint;
  readonly earned: string;
  readonly version: string;
  readonly collected: string | null;
}

/** The holds of a run as the data stage collects them. */
export interface Holds {
  /** Whether the plan holds commission until collection. */
  readonly on: boolean;
  /** Rows of this period held (not paid). */
  readonly newlyHeld: Hold[];
  /** Σ `data.heldCommissions` at the start (minor units). */
  opening: bigint;
  /** Rows released in this period, and rows still held from earlier periods. */
  readonly released: Hold[];
  readonly carried: Hold[];
}

/** An empty collector for the run's holds. */
export function holdsOf(context: PeriodContext): Holds {
  return {
    on: context.scenario.plan.holdUntilCollected === true,
    newlyHeld: [],
    opening: 0n,
    released: [],
    carried: [],
  };
}

/**
 * Whether a commission row of this period is held (issue 19 §6): the plan holds until collection
 * and the row's `collected` is `null` or after the period's last day. A held row is remembered
 * with the version of its segment and is not paid.
 */
export function holdsRow(
  context: PeriodContext,
  holds: Holds,
  row: CommissionInput,
  minor: bigint,
  segment: number,
): boolean {
  if (!holds.on || row.collected === undefined) return false;
  if (row.collected !== null && row.collected <= context.resolved.period.end) return false;
  const version = context.resolved.segments[segment]!.version;
  holds.newlyHeld.push({
    id: row.id,
    person: row.person,
    minor,
    earned: row.date ?? context.resolved.period.start,
    version,
    collected: null,
  });
  return true;
}

/**
 * Reads `data.heldCommissions` (commissions held in earlier periods): one collected in this
 * period is released — added to its person's gross commission in the segment of the payment as a
 * row paid as earned (the amount its own plan version computed), carved by the pool in force when
 * paid — one collected later or not yet stays held; one collected before the period was due
 * earlier (`HOLD_ALREADY_RELEASED`), as is an id that is also a commission row of this period.
 * Returns the released rows' trace steps by `segment × people + person`.
 */
export function releaseHolds(
  context: PeriodContext,
  org: Organisation,
  segmentOf: (date: string | undefined, path: IssuePath) => number,
  figures: CommissionFigures,
  holds: Holds,
  issues: IssueList,
): Map<number, TraceStep[]> {
  const traces = new Map<number, TraceStep[]>();
  const rows = context.data.heldCommissions ?? [];
  if (rows.length === 0) return traces;
  const { period } = context.resolved;
  const commissionIds = new Set(
    [...(context.data.commissions ?? []), ...(context.data.sales ?? [])].map((row) => row.id),
  );
  const seen = new Map<string, number>();
  const people = context.scenario.org.people.length;
  rows.forEach((row, i) => {
    const path = ['data', 'heldCommissions', i];
    const first = seen.get(row.id);
    if (first !== undefined)
      issues.add(
        'DUPLICATE_ID',
        [...path, 'id'],
        `held commission "${row.id}" is already listed at heldCommissions[${first}]`,
      );
    else seen.set(row.id, i);
    if (commissionIds.has(row.id))
      issues.add(
        'HOLD_ALREADY_RELEASED',
        [...path, 'id'],
        `"${row.id}" is also a commission row or sale of this period: it would be paid twice`,
      );
    const p = org.personIndex.get(row.person);
    if (p === undefined) issues.add('UNKNOWN_REFERENCE', [...path, 'person'], `no person "${row.person}"`);
    const minor = readMoney(row.amount, context.digits, [...path, 'amount'], issues);
    holds.opening += minor;
    const collected = row.collected ?? null;
    const hold: Hold = { id: row.id, person: row.person, minor, earned: row.earned, version: row.version, collected };
    if (collected !== null && collected < period.start) {
      issues.add(
        'HOLD_ALREADY_RELEASED',
        [...path, 'collected'],
        `collected ${collected}, before the period starts on ${period.start}: it was released in an earlier period`,
      );
      return;
    }
    if (collected === null || collected > period.end) {
      holds.carried.push({ ...hold, collected: null });
      return;
    }
    const s = segmentOf(collected, [...path, 'collected']);
    if (p === undefined) return;
    holds.released.push(hold);
    figures.gross[s]![p]! += minor;
    figures.grossRows[s]![p]! += 1;
    if (figures.poolRows !== undefined)
      (figures.poolRows[s]![p] ??= []).push({ id: row.id, amount: minor, rate: undefined, index: -1 });
    if (context.withTrace) {
      const key = s * people + p;
      const released = step(
        'statement.releasedHold',
        'released: a commission held until the customer paid, paid as earned',
        { collected, earned: row.earned, id: row.id, version: row.version },
        formatMinor(minor, context.digits),
      );
      traces.set(key, [...(traces.get(key) ?? []), released]);
    }
  });
  return traces;
}

/** The period's holds for the result, or `null` when the plan holds nothing and no hold came in. */
export function periodHolds(holds: Holds, digits: number): PeriodHolds | null {
  if (!holds.on && holds.released.length === 0 && holds.carried.length === 0) return null;
  const money = (minor: bigint) => formatMinor(minor, digits);
  const view = (hold: Hold): HeldCommission => ({
    id: hold.id,
    person: hold.person,
    amount: money(hold.minor),
    earned: hold.earned,
    version: hold.version,
    collected: hold.collected,
  });
  const byId = (a: Hold, b: Hold) => compareIds(a.id, b.id);
  const held = [...holds.carried, ...holds.newlyHeld].sort(byId);
  const sum = (list: readonly Hold[]) => list.reduce((total, hold) => total + hold.minor, 0n);
  return {
    held: held.map(view),
    released: [...holds.released].sort(byId).map(view),
    totals: {
      opening: money(holds.opening),
      newlyHeld: money(sum(holds.newlyHeld)),
      released: money(sum(holds.released)),
      closing: money(sum(held)),
    },
  };
}

/** Held at the end = held at the start − released + newly held (from the printed totals). */
export function holdsCheck(holds: PeriodHolds, digits: number): ReconciliationCheck {
  const { opening, newlyHeld, released, closing } = holds.totals;
  const minor = (text: string) => parseMinor(text, digits, []);
  const right = minor(opening) - minor(released) + minor(newlyHeld);
  return {
    id: 'holds',
    equation: 'held at the end = held at the start − released + newly held',
    left: closing,
    right: formatMinor(right, digits),
    holds: minor(closing) === right,
  };
}

import type * as z from 'zod/mini';
import type { DecimalInput } from '../core/decimalInput.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList, SynergyPayError, type Issue } from '../core/errors.js';
import { formatMinor, sumAmounts, toAmount } from '../core/money.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { awardRows, sharePool, shareTrace } from '../pool/allocatePool.js';
import {
  type Carve,
  type CarveClawback,
  carveCommissions,
  carveRows,
  carveTrace,
  contributionOf,
} from '../pool/carvePool.js';
import type { PoolRecipientInput } from '../pool/types.js';
import type { SegmentContext } from './context.js';
import type { planPoolSchema } from './schema.js';

/** A plan version's `pool` section. */
export type PlanPool = z.output<typeof planPoolSchema>;
type Side = 'front' | 'middle' | 'back';

/** One commission row of a person in a segment, as the pool needs it. */
export interface PoolCommissionRow {
  readonly id: string;
  /** The row's amount in minor units (read by the data stage). */
  readonly amount: bigint;
  readonly rate: DecimalInput | undefined;
  /** Where the row is in the scenario, for error paths. */
  readonly index: number;
}

/** What the pool stage reads of the earlier stages, per person in org order. */
export interface PoolPeople {
  /** The side of each person's department. */
  readonly sides: readonly Side[];
  /** The segment's commission rows, or `undefined` when none. */
  readonly rows: readonly (PoolCommissionRow[] | undefined)[];
  /** The support score, or `undefined` when neither the person nor the department has one. */
  readonly score: (person: number) => DecimalInput | undefined;
}

/** The pool's figures for one segment, per person in org order. */
export interface PoolStageResult {
  readonly contribution: bigint[];
  readonly contributionTrace: TraceStep[][];
  readonly award: (bigint | undefined)[];
  readonly awardTrace: TraceStep[][];
  readonly rate: string;
  readonly gross: bigint;
  readonly pool: bigint;
  readonly awarded: bigint;
  readonly unallocated: bigint;
  readonly contributors: number;
  readonly recipients: number;
  readonly trace: TraceStep[];
}

/**
 * The carve over the contributors: one row per person, the sum of their positive commission rows,
 * with each negative row a clawback carrying its original rate (its issues at that row's path).
 */
function carveContributors(
  context: SegmentContext,
  pool: PlanPool,
  { sides: sideOf, rows: rowsOf }: PoolPeople,
): { carve: Carve; people: number[] } {
  const { people } = context.scenario.org;
  const poolPath = [...context.versionPath, 'pool'];
  const sides = new Set<Side>(pool.contributors ?? ['front']);
  const carved: number[] = [];
  const amounts: bigint[] = [];
  const clawbacks = new Map<number, CarveClawback[]>();
  for (let p = 0; p < people.length; p++) {
    const rows = rowsOf[p];
    if (rows === undefined || !sides.has(sideOf[p]!)) continue;
    const negative = rows.filter((row) => row.amount < 0n);
    if (negative.length > 0)
      clawbacks.set(
        carved.length,
        negative.map((row) => ({
          id: row.id,
          amount: toAmount(row.amount),
          rate: row.rate === undefined ? undefined : decimalText(row.rate),
          at: ['data', 'commissions', row.index],
        })),
      );
    amounts.push(rows.reduce((sum, row) => (row.amount >= 0n ? sum + row.amount : sum), 0n));
    carved.push(p);
  }
  const commissions = {
    ids: carved.map((p) => people[p]!.id),
    amounts: amounts.map(toAmount),
    clawbacks,
    // A person's row is the sum of their positive rows: no issue can be about it.
    at: () => [...poolPath, 'clawbackPolicy'],
  };
  const terms = {
    rate: decimalText(pool.rate),
    policy: pool.clawbackPolicy ?? null,
    rounding: pool.contributionRounding ?? 'perPerson',
    mode: context.rounding.mode,
  };
  const issues = new IssueList();
  const carve = carveCommissions(commissions, { ...terms, at: poolPath }, issues);
  issues.throwIfAny();
  return { carve: carve!, people: carved };
}

/** The recipients with their support scores; a recipient without one is refused. */
function recipientsOf(
  context: SegmentContext,
  pool: PlanPool,
  { sides: sideOf, score }: PoolPeople,
): { rows: PoolRecipientInput[]; people: number[] } {
  const sides = new Set<Side>(pool.recipients ?? ['back']);
  const rows: PoolRecipientInput[] = [];
  const people: number[] = [];
  const missing: Issue[] = [];
  context.scenario.org.people.forEach((person, p) => {
    if (!sides.has(sideOf[p]!)) return;
    const support = score(p);
    if (support === undefined) {
      const message = `no support score for "${person.id}" or their department; they share the pool`;
      missing.push({ code: 'UNKNOWN_REFERENCE', path: ['data', 'supportScores'], message });
      return;
    }
    const row: PoolRecipientInput = { id: person.id, score: support };
    if (person.start !== undefined) row.start = person.start;
    if (person.end !== undefined) row.end = person.end;
    rows.push(row);
    people.push(p);
  });
  if (missing.length > 0) throw new SynergyPayError(missing);
  return { rows, people };
}

/**
 * Seed 001's support pool for one segment: the carve over the contributors' commission, then the
 * share among the recipients by support score, basis days employed in the segment, through the
 * pool's internal functions (minor units in and out; issues at the scenario's paths).
 */
export function poolStage(context: SegmentContext, pool: PlanPool, people: PoolPeople): PoolStageResult {
  const { digits, withTrace } = context;
  const n = people.sides.length;
  const contribution = new Array<bigint>(n).fill(0n);
  const contributionTrace = new Array<TraceStep[]>(n);
  const award = new Array<bigint | undefined>(n).fill(undefined);
  const awardTrace = new Array<TraceStep[]>(n);

  const { carve, people: contributors } = carveContributors(context, pool, people);
  const carveTraces = carveRows(carve, digits, withTrace);
  contributors.forEach((p, k) => {
    contribution[p] = BigInt(contributionOf(carve, k));
    contributionTrace[p] = carveTraces[k]!.trace;
  });
  const totals = carve.totals;
  const common = { contribution, contributionTrace, award, awardTrace, rate: carve.rate, gross: totals.gross };

  const recipients = recipientsOf(context, pool, people);
  const counts = { contributors: contributors.length, recipients: recipients.rows.length };
  if (totals.pool < 0n) {
    // Reversals of clawed-back sales exceeded this period's carve: the back office is not charged;
    // the negative pool is reported on the unallocated line, so every sum still reconciles.
    const step = traceStep(
      'period.negativePool',
      'pool < 0 (reversals exceed the carve): nothing is shared and the pool is reported as unallocated',
      { pool: formatMinor(totals.pool, digits) },
      '0',
    );
    for (const p of recipients.people) {
      award[p] = 0n;
      awardTrace[p] = [step];
    }
    const trace = [...carveTrace(carve, digits), step];
    return { ...common, pool: totals.pool, awarded: 0n, unallocated: totals.pool, ...counts, trace };
  }
  const issues = new IssueList();
  const terms = {
    weighting: pool.weighting ?? { kind: 'linear' as const },
    floor: pool.floor ?? 0,
    basis: pool.basis ?? 'days',
    period: context.segment,
    units: undefined,
    weightDecimals: pool.weightDecimals ?? 6,
    policy: context.rounding,
    at: [...context.versionPath, 'pool'],
  };
  const at = () => ['data', 'supportScores'];
  const share = sharePool(totals.pool, { rows: recipients.rows, at }, terms, issues);
  issues.throwIfAny();
  const rows = awardRows(share!, digits, withTrace);
  recipients.people.forEach((p, k) => {
    award[p] = BigInt(share!.awards[k]!);
    awardTrace[p] = rows[k]!.trace;
  });
  const awarded = sumAmounts(share!.awards);
  const trace = [...carveTrace(carve, digits), ...shareTrace(share!, digits)];
  return { ...common, pool: totals.pool, awarded, unallocated: totals.pool - awarded, ...counts, trace };
}

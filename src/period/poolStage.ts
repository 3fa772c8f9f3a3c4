import type * as z from 'zod/mini';
import type { DecimalInput } from '../core/decimalInput.js';
import { SynergyPayError, type Issue, type IssuePath } from '../core/errors.js';
import { formatMinor, parseMinor } from '../core/money.js';
import type { RoundingPolicy } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { allocatePool } from '../pool/allocatePool.js';
import { carvePool } from '../pool/carvePool.js';
import { withScenarioPaths } from './repath.js';
import type { planPoolSchema } from './schema.js';

type PlanPool = z.output<typeof planPoolSchema>;
type Side = 'front' | 'middle' | 'back';

/** One commission row of a person in a segment, as the pool needs it. */
export interface PoolCommissionRow {
  readonly id: string;
  readonly amount: DecimalInput;
  readonly rate: DecimalInput | undefined;
  /** Where the row is in the scenario, for error paths. */
  readonly index: number;
}

/** What the pool stage needs for one segment. */
export interface PoolStageInput {
  readonly pool: PlanPool;
  /** Path of the pool section in the scenario. */
  readonly poolPath: IssuePath;
  readonly currency: string;
  readonly digits: number;
  readonly rounding: RoundingPolicy;
  readonly segment: { readonly start: string; readonly end: string };
  readonly people: readonly {
    readonly id: string;
    readonly side: Side;
    readonly start: string | undefined;
    readonly end: string | undefined;
  }[];
  /** Per person: the segment's commission rows, or `undefined` when none. */
  readonly rows: readonly (PoolCommissionRow[] | undefined)[];
  /** Whether per-person trace steps are wanted. */
  readonly trace: boolean;
  /** Per person: the support score, or `undefined` when neither the person nor the department has one. */
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
 * Seed 001's support pool for one segment: `carvePool` over the contributors' commission (one
 * row per person; negative rows become clawbacks carrying their original rate), then
 * `allocatePool` among the recipients by support score, basis days employed in the segment.
 */
export function poolStage(input: PoolStageInput): PoolStageResult {
  const { pool, people, digits } = input;
  const contributors = new Set<Side>(pool.contributors ?? ['front']);
  const recipients = new Set<Side>(pool.recipients ?? ['back']);
  const n = people.length;
  const contribution = new Array<bigint>(n).fill(0n);
  const contributionTrace: TraceStep[][] = new Array(n);
  const award = new Array<bigint | undefined>(n).fill(undefined);
  const awardTrace: TraceStep[][] = new Array(n);

  // ── carve ──
  type Clawback = { id: string; amount: DecimalInput; rate?: DecimalInput };
  const carveRows: { id: string; amount: string; clawbacks?: Clawback[] }[] = [];
  const carvePeople: number[] = [];
  for (let p = 0; p < n; p++) {
    const rows = input.rows[p];
    if (rows === undefined || !contributors.has(people[p]!.side)) continue;
    let positive = 0n;
    const clawbacks: Clawback[] = [];
    for (const row of rows) {
      const minor = parseMinor(row.amount, digits, ['data', 'commissions', row.index, 'amount']);
      if (minor >= 0n) positive += minor;
      else
        clawbacks.push(
          row.rate === undefined
            ? { id: row.id, amount: row.amount }
            : { id: row.id, amount: row.amount, rate: row.rate },
        );
    }
    const amount = formatMinor(positive, digits);
    carveRows.push(clawbacks.length === 0 ? { id: people[p]!.id, amount } : { id: people[p]!.id, amount, clawbacks });
    carvePeople.push(p);
  }
  /** A carve issue about row k's clawback c is about that commission row of the scenario. */
  const carvePath = (path: IssuePath): IssuePath => {
    const [head, k, sub, c, ...rest] = path;
    if (head === 'commissions' && typeof k === 'number') {
      const p = carvePeople[k];
      const rows =
        p === undefined ? undefined : input.rows[p]?.filter((row) => parseMinor(row.amount, digits, []) < 0n);
      if (sub === 'clawbacks' && typeof c === 'number' && rows?.[c] !== undefined) {
        const field = rest[0] === 'rate' ? 'rate' : 'amount';
        return rest[0] === 'rate' || pool.clawbackPolicy !== undefined
          ? ['data', 'commissions', rows[c].index, field]
          : [...input.poolPath, 'clawbackPolicy'];
      }
      return [...input.poolPath, 'clawbackPolicy'];
    }
    return [...input.poolPath, ...path];
  };
  const carved = withScenarioPaths(
    () =>
      carvePool({
        currency: input.currency,
        rate: pool.rate,
        commissions: carveRows,
        ...(pool.clawbackPolicy === undefined ? {} : { clawbackPolicy: pool.clawbackPolicy }),
        rounding: input.rounding,
        trace: input.trace,
      }),
    carvePath,
  );
  const carvedIndex = new Map<string, number>();
  for (const p of carvePeople) carvedIndex.set(people[p]!.id, p);
  for (const row of carved.contributions) {
    const p = carvedIndex.get(row.id)!;
    contribution[p] = parseMinor(row.contribution, digits, []);
    contributionTrace[p] = row.trace;
  }

  // ── share ──
  type Recipient = { id: string; score: DecimalInput; start?: string; end?: string };
  const shareRows: Recipient[] = [];
  const sharePeople: number[] = [];
  const missing: Issue[] = [];
  for (let p = 0; p < n; p++) {
    const person = people[p]!;
    if (!recipients.has(person.side)) continue;
    const score = input.score(p);
    if (score === undefined) {
      missing.push({
        code: 'UNKNOWN_REFERENCE',
        path: ['data', 'supportScores'],
        message: `no support score for "${person.id}" or their department; they share the pool`,
      });
      continue;
    }
    const row: Recipient = { id: person.id, score };
    if (person.start !== undefined) row.start = person.start;
    if (person.end !== undefined) row.end = person.end;
    shareRows.push(row);
    sharePeople.push(p);
  }
  if (missing.length > 0) throw new SynergyPayError(missing);
  const poolMinor = parseMinor(carved.pool, digits, []);
  if (poolMinor < 0n) {
    // Reversals of clawed-back sales exceeded this period's carve: the back office is not charged;
    // the negative pool is reported on the unallocated line, so every sum still reconciles.
    const step = traceStep(
      'period.negativePool',
      'pool < 0 (reversals exceed the carve): nothing is shared and the pool is reported as unallocated',
      { pool: carved.pool },
      '0',
    );
    for (const p of sharePeople) {
      award[p] = 0n;
      awardTrace[p] = [step];
    }
    return {
      contribution,
      contributionTrace,
      award,
      awardTrace,
      rate: carved.rate,
      gross: parseMinor(carved.gross, digits, []),
      pool: poolMinor,
      awarded: 0n,
      unallocated: poolMinor,
      contributors: carveRows.length,
      recipients: shareRows.length,
      trace: [...carved.trace, step],
    };
  }
  const shared = withScenarioPaths(
    () =>
      allocatePool({
        pool: carved.pool,
        currency: input.currency,
        recipients: shareRows,
        basis: pool.basis ?? 'days',
        period: { start: input.segment.start, end: input.segment.end },
        rounding: input.rounding,
        trace: input.trace,
        ...(pool.weighting === undefined ? {} : { weighting: pool.weighting }),
        ...(pool.floor === undefined ? {} : { floor: pool.floor }),
        ...(pool.weightDecimals === undefined ? {} : { weightDecimals: pool.weightDecimals }),
      }),
    (path) => (path[0] === 'recipients' ? ['data', 'supportScores'] : [...input.poolPath, ...path]),
  );
  const sharedIndex = new Map<string, number>();
  for (const p of sharePeople) sharedIndex.set(people[p]!.id, p);
  let awarded = 0n;
  for (const row of shared.awards) {
    const p = sharedIndex.get(row.id)!;
    const minor = parseMinor(row.award, digits, []);
    award[p] = minor;
    awarded += minor;
    awardTrace[p] = row.trace;
  }
  return {
    contribution,
    contributionTrace,
    award,
    awardTrace,
    rate: carved.rate,
    gross: parseMinor(carved.gross, digits, []),
    pool: parseMinor(carved.pool, digits, []),
    awarded,
    unallocated: parseMinor(shared.unallocated, digits, []),
    contributors: carveRows.length,
    recipients: shareRows.length,
    trace: [...carved.trace, ...shared.trace],
  };
}

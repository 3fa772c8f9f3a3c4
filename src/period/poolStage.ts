import type * as z from 'zod/mini';
import type { DecimalInput } from '../core/decimalInput.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList, SynergyPayError, type Issue } from '../core/errors.js';
import { formatMinor, readAmount, sumAmounts, toAmount } from '../core/money.js';
import { NO_TRACE, traceStep, type TraceStep } from '../core/trace.js';
import { parseFixed, roundFixed } from '../core/fixed.js';
import {
  awardRow,
  resolveWeighting,
  sharePool,
  shareTrace,
  unitRows,
  type AwardSource,
  type ShareTerms,
} from '../pool/allocatePool.js';
import { fixedPlaces } from '../pool/elasticity.js';
import {
  type Carve,
  type CarveClawback,
  type CarveSource,
  carveCommissions,
  carveRow,
  carveTrace,
  contributionOf,
} from '../pool/carvePool.js';
import type { PoolRecipientInput, PoolUnitAward } from '../pool/types.js';
import type { PeriodContext, SegmentContext } from './context.js';
import { basisWords, type PoolScoreChoice } from './poolScore.js';
import type { planPoolSchema } from './schema.js';
import { step } from './trace.js';
import type { PoolAwardScore, PoolAwardWeighting, PoolScoreSource, ReviewItem } from './types.js';

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
  /**
   * The support score chosen as `pool.scoreFrom` says (see {@link poolScoreChooser}), or `{ reason }`
   * when neither the plan's source nor `data.supportScores` has one for the person.
   */
  readonly score: (person: number) => PoolScoreChoice | { reason: string | null };
  /** A department's support score for a two-level pool (`pool.units`), chosen as a person's is. */
  readonly unitScore: (department: string) => PoolScoreChoice | { reason: string | null };
}

/** What a pool award line states besides its amount: the score behind it, f and the basis in words. */
export interface PoolAwardTerms {
  readonly score: PoolAwardScore;
  readonly weighting: PoolAwardWeighting;
  readonly basis: string;
}

/** A pool award line's trace and terms. */
export interface PoolAwardLine {
  readonly trace: TraceStep[];
  readonly terms: PoolAwardTerms;
}

/**
 * The pool's figures for one segment, per person in org order: amounts as arrays, the traces and
 * terms of the statement lines built when a statement asks for them (one person at a time: a
 * streamed run holds no trace per person, issue 20).
 */
export interface PoolStageResult {
  readonly contribution: bigint[];
  /** Person p's contribution trace (empty for a non-contributor, or without trace). */
  readonly contributionTrace: (person: number) => TraceStep[];
  readonly award: (bigint | undefined)[];
  /** Person p's award line: its trace and its terms (the score, f and the basis), `undefined` for a non-recipient. */
  readonly awardLine: (person: number) => PoolAwardLine | undefined;
  /** Each recipient's score choice, in org order (what the input ledger reads). */
  readonly choices: readonly PoolScoreChoice[];
  readonly rate: string;
  readonly gross: bigint;
  readonly pool: bigint;
  readonly awarded: bigint;
  readonly unallocated: bigint;
  readonly contributors: number;
  readonly recipients: number;
  /** People paid their commission in full, uncarved (`nonContributorCommissions: "payInFull"`), in org order. */
  readonly uncarved: number[];
  readonly trace: TraceStep[];
  /** A two-level pool's departments (`pool.units`), in id order; `null` for one level. */
  readonly units: PoolUnitAward[] | null;
}

/**
 * The carve's rows: one per contributor, the sum of their positive commission rows, with each
 * negative row a clawback carrying its original rate (its issues at that row's path).
 */
function contributorsOf(
  context: SegmentContext,
  pool: PlanPool,
  { sides: sideOf, rows: rowsOf }: PoolPeople,
): CarveInputs {
  const { people } = context.scenario.org;
  const sides = new Set<Side>(pool.contributors ?? ['front']);
  const others = pool.nonContributorCommissions ?? 'refuse';
  const carved: number[] = [];
  const uncarved: number[] = [];
  const amounts: bigint[] = [];
  const clawbacks = new Map<number, CarveClawback[]>();
  const refused = new IssueList();
  for (let p = 0; p < people.length; p++) {
    const rows = rowsOf[p];
    if (rows === undefined) continue;
    if (!sides.has(sideOf[p]!) && others !== 'carve') {
      if (others === 'payInFull') uncarved.push(p);
      else
        for (const row of rows)
          refused.add('NOT_CARVED', ['data', 'commissions', row.index], notCarved(people[p]!.id, sideOf[p]!));
      continue;
    }
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
  refused.throwIfAny();
  return { people: carved, amounts, clawbacks, uncarved };
}

/** The carve over the contributors' rows. */
function carveOf(context: SegmentContext, pool: PlanPool, inputs: CarveInputs): Carve {
  const { people } = context.scenario.org;
  const poolPath = [...context.versionPath, 'pool'];
  const commissions = {
    ids: inputs.people.map((p) => people[p]!.id),
    amounts: inputs.amounts.map(toAmount),
    clawbacks: inputs.clawbacks,
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
  return carve!;
}

/** Why a commission row of a person whose side the pool does not carve from is refused. */
function notCarved(person: string, side: Side): string {
  return `"${person}" is on the ${side} side, which the pool does not carve from: say how to treat the row in the plan's pool.nonContributorCommissions ("payInFull" or "carve")`;
}

/** The recipients with their support scores; a recipient without one is refused. */
function recipientsOf(context: SegmentContext, pool: PlanPool, poolPeople: PoolPeople) {
  const { sides: sideOf, score } = poolPeople;
  const sides = new Set<Side>(pool.recipients ?? ['back']);
  const rows: PoolRecipientInput[] = [];
  const people: number[] = [];
  const choices: PoolScoreChoice[] = [];
  const missing: Issue[] = [];
  context.scenario.org.people.forEach((person, p) => {
    if (!sides.has(sideOf[p]!)) return;
    const choice = score(p);
    if (!('value' in choice)) {
      missing.push(noScore(`"${person.id}" or their department`, choice.reason, 'they share the pool'));
      return;
    }
    const row: PoolRecipientInput = { id: person.id, score: choice.value };
    if (person.start !== undefined) row.start = person.start;
    if (person.end !== undefined) row.end = person.end;
    if (pool.cap !== undefined) row.cap = pool.cap;
    if (pool.units !== undefined) row.unit = person.department;
    rows.push(row);
    people.push(p);
    choices.push(choice);
  });
  const units = pool.units === undefined ? undefined : unitsOf(context, poolPeople, rows, missing);
  if (missing.length > 0) throw new SynergyPayError(missing);
  return { rows, people, choices, ...units };
}

/** The refusal of a pool recipient (or a two-level pool's department) without a support score. */
function noScore(whose: string, reason: string | null, consequence: string): Issue {
  const why = reason === null ? '' : ` (${reason})`;
  return {
    code: 'UNKNOWN_REFERENCE',
    path: ['data', 'supportScores'],
    message: `no support score for ${whose}${why}; ${consequence}`,
  };
}

/**
 * A two-level pool's units: the recipients' departments, in org order (`departments`: their
 * indexes), each with its support score; a department without one is refused.
 */
function unitsOf(context: SegmentContext, { unitScore }: PoolPeople, rows: PoolRecipientInput[], missing: Issue[]) {
  const used = new Set(rows.map((row) => row.unit));
  const units: { id: string; score: DecimalInput }[] = [];
  const departments: number[] = [];
  const unitChoices: PoolScoreChoice[] = [];
  context.scenario.org.departments.forEach((department, d) => {
    if (!used.has(department.id)) return;
    const choice = unitScore(department.id);
    if (!('value' in choice)) {
      const consequence = "its people's part of the pool (pool.units) is split by it";
      missing.push(noScore(`department "${department.id}"`, choice.reason, consequence));
      return;
    }
    units.push({ id: department.id, score: choice.value });
    departments.push(d);
    unitChoices.push(choice);
  });
  return { units, departments, unitChoices };
}

/** How the statement names each score source in words (the trace's formula). */
const SOURCE_WORDS: Readonly<Record<PoolScoreSource, string>> = {
  rating: "score = the person's own peripheral rating score",
  departmentRating: "score = the department's peripheral rating score (the person has none)",
  departmentResponseTimes: "score = the department's mean response-time score",
  departmentResolutionTimes: "score = the department's mean resolution-time score (no response score)",
  supportCard:
    "score = Σ weight × measure ÷ Σ weight over the person's own support measures (assigned tickets, reopen rate, rating, targets)",
  supportScores: 'score = the support score in data.supportScores',
};

/** The recipients of a share: their rows, person indices and score choices, in org order. */
export type Recipients = ReturnType<typeof recipientsOf>;

/**
 * Each recipient's award line, built when asked for: the terms (the score rounded as the share
 * reads it, its source, f, the basis in words) and, with trace, the `statement.poolScore` step
 * that states them, put before the award's own steps (`awardTrace(k)` for recipient k).
 */
function awardLines(
  context: SegmentContext,
  pool: PlanPool,
  recipients: Recipients,
  exponent: string | null,
  awardTrace: (k: number) => TraceStep[],
): (person: number) => PoolAwardLine | undefined {
  const { scoreDecimals, mode } = context.rounding;
  const scoreFrom = pool.scoreFrom ?? 'supportScores';
  const weighting: PoolAwardWeighting = { kind: pool.weighting?.kind ?? 'linear', exponent };
  const texts = new Map<DecimalInput, string>();
  const textOf = (value: DecimalInput) => {
    let text = texts.get(value);
    if (text === undefined)
      texts.set(
        value,
        (text = fixedPlaces(roundFixed(parseFixed(decimalText(value)), scoreDecimals, mode), scoreDecimals)),
      );
    return text;
  };
  const at = positions(recipients.people, context.scenario.org.people.length);
  return (p) => {
    const k = at[p]!;
    if (k < 0) return undefined;
    const { value, source, subject, fallbackReason, pending, components } = recipients.choices[k]!;
    const row = recipients.rows[k]!;
    const basis = basisWords(context, pool.basis ?? 'days', row.start, row.end);
    const score: PoolAwardScore = {
      value: textOf(value),
      source,
      subject,
      fallbackReason,
      pending: [...pending],
      ...(components === undefined ? {} : { components: [...components] }),
    };
    const terms = { score, weighting, basis };
    if (!context.withTrace) return { trace: NO_TRACE, terms };
    const fallback = fallbackReason === null ? '' : ` (fallback: scoreFrom ${scoreFrom} gave no score)`;
    // Keys in code-unit order, as traceStep would sort them.
    const inputs: Record<string, string> = { basis };
    if (fallbackReason !== null) inputs.fallbackReason = fallbackReason;
    inputs.pending = pending.length === 0 ? 'none' : pending.join(', ');
    inputs.scoreFrom = scoreFrom;
    inputs.source = source;
    inputs.subject = subject;
    if (components !== undefined)
      inputs.supportCard = components.map((c) => `${c.id} ${c.score ?? '—'} × ${c.weight}`).join(', ');
    const scoreStep = step('statement.poolScore', `${SOURCE_WORDS[source]}${fallback}`, inputs, score.value);
    return { trace: [scoreStep, ...awardTrace(k)], terms };
  };
}

/** Each person's position in `people` (a list of person indices), −1 for those not in it. */
function positions(people: readonly number[], n: number): Int32Array {
  const at = new Int32Array(n).fill(-1);
  people.forEach((p, k) => (at[p] = k));
  return at;
}

/** The share's terms: the plan's pool section over the segment, basis days employed by default. */
function shareTerms(context: SegmentContext, pool: PlanPool): ShareTerms {
  return {
    weighting: pool.weighting ?? { kind: 'linear' as const },
    floor: pool.floor ?? 0,
    basis: pool.basis ?? 'days',
    period: context.segment,
    units: undefined,
    weightDecimals: pool.weightDecimals ?? 6,
    policy: context.rounding,
    at: [...context.versionPath, 'pool'],
  };
}

/**
 * What the pool reads of one segment's people before it splits anything: the commission rows to
 * carve (one per contributor, in org order), the people paid in full, and the recipients with
 * their support scores. Local to the people it is given: a sharded run gathers every shard's
 * inputs, in org order, before the carve and the share (issue 20 §2).
 */
export interface PoolInputs {
  readonly carve: CarveInputs;
  readonly recipients: Recipients;
}

/** The carve's rows: each contributor's positive commission and clawbacks (keyed by position in `people`). */
export interface CarveInputs {
  readonly people: number[];
  readonly amounts: bigint[];
  readonly clawbacks: Map<number, CarveClawback[]>;
  readonly uncarved: number[];
}

/** The pool's inputs of one segment (see {@link PoolInputs}); refuses rows the pool cannot carve and recipients without a score. */
export function poolInputs(context: SegmentContext, pool: PlanPool, people: PoolPeople): PoolInputs {
  return { carve: contributorsOf(context, pool, people), recipients: recipientsOf(context, pool, people) };
}

/**
 * Seed 001's support pool for one segment: the carve over the contributors' commission, then the
 * share among the recipients by support score, basis days employed in the segment, through the
 * pool's internal functions (minor units in and out; issues at the scenario's paths).
 */
export function poolStage(context: SegmentContext, pool: PlanPool, people: PoolPeople): PoolStageResult {
  const contributors = contributorsOf(context, pool, people);
  const carve = carveOf(context, pool, contributors);
  return poolFigures(context, pool, { carve: contributors, recipients: recipientsOf(context, pool, people) }, carve);
}

/**
 * A segment's pool carved and shared: what each person's contribution and award lines are
 * written from, and the pool's own figures. In a sharded run the coordinator computes it over
 * every shard's people and sends each shard its rows (see {@link sliceSplit}).
 */
export interface PoolSplit {
  readonly carve: CarveSource;
  /** The share, or `null` when reversals exceeded the carve (nothing shared: see `negative`). */
  readonly share: AwardSource | null;
  /** The step of a negative pool, or `null`. */
  readonly negative: TraceStep | null;
  /** The exponent of f(score), or `null` when f is linear. */
  readonly exponent: string | null;
  readonly figures: Pick<
    PoolStageResult,
    'rate' | 'gross' | 'pool' | 'awarded' | 'unallocated' | 'contributors' | 'recipients' | 'trace' | 'units'
  >;
}

/**
 * The carve and the share of a segment's pool over its inputs (every person of `context`'s org),
 * the carve computed first when not given.
 */
export function poolFigures(
  context: SegmentContext,
  pool: PlanPool,
  inputs: PoolInputs,
  carve: Carve = carveOf(context, pool, inputs.carve),
): PoolStageResult {
  return poolViews(context, pool, inputs, poolSplit(context, pool, inputs, carve));
}

/** The carve and the share of a segment's pool (see {@link PoolSplit}). */
export function poolSplit(
  context: SegmentContext,
  pool: PlanPool,
  inputs: PoolInputs,
  carve: Carve = carveOf(context, pool, inputs.carve),
): PoolSplit {
  const { digits } = context;
  const totals = carve.totals;
  const { recipients } = inputs;
  const counts = { gross: totals.gross, contributors: inputs.carve.people.length, recipients: recipients.rows.length };
  const issues = new IssueList();
  const cap =
    pool.cap === undefined ? undefined : readAmount(pool.cap, digits, [...context.versionPath, 'pool', 'cap'], issues);
  issues.throwIfAny();
  if (totals.pool < 0n) {
    // Reversals of clawed-back sales exceeded this period's carve: the back office is not charged;
    // the negative pool is reported on the unallocated line, so every sum still reconciles.
    const negative = traceStep(
      'period.negativePool',
      'pool < 0 (reversals exceed the carve): nothing is shared and the pool is reported as unallocated',
      { pool: formatMinor(totals.pool, digits) },
      '0',
    );
    const exponent = resolveWeighting(shareTerms(context, pool), new IssueList()).exponentText;
    const trace = [...carveTrace(carve, digits), negative];
    const figures = {
      rate: carve.rate,
      pool: totals.pool,
      awarded: 0n,
      unallocated: totals.pool,
      ...counts,
      trace,
      units: null,
    };
    return { carve, share: null, negative, exponent, figures };
  }
  const at = () => ['data', 'supportScores'];
  const rows = { rows: recipients.rows, at, ...(cap === undefined ? {} : { cap: () => BigInt(cap) }) };
  const terms = { ...shareTerms(context, pool), units: recipients.units };
  const share = sharePool(totals.pool, rows, terms, issues);
  issues.throwIfAny();
  const awarded = sumAmounts(share!.awards);
  const trace = [...carveTrace(carve, digits), ...shareTrace(share!, digits)];
  const figures = {
    rate: carve.rate,
    pool: totals.pool,
    awarded,
    unallocated: totals.pool - awarded,
    ...counts,
    trace,
    units: unitRows(share!, digits),
  };
  return { carve, share: share!, negative: null, exponent: share!.weighting.exponentText, figures };
}

/**
 * Each person's contribution and award, with their lines built when a statement asks for them,
 * from a split whose rows are `inputs`' contributors and recipients in order.
 */
export function poolViews(
  context: SegmentContext,
  pool: PlanPool,
  inputs: PoolInputs,
  split: PoolSplit,
): PoolStageResult {
  const { digits, withTrace } = context;
  const n = context.scenario.org.people.length;
  const contribution = new Array<bigint>(n).fill(0n);
  const award = new Array<bigint | undefined>(n).fill(undefined);
  const { carve, share, negative } = split;
  const contributors = inputs.carve.people;
  contributors.forEach((p, k) => (contribution[p] = BigInt(contributionOf(carve, k))));
  const contributorAt = positions(contributors, n);
  const contributionTrace = (p: number) => {
    const k = contributorAt[p]!;
    return k < 0 ? NO_TRACE : carveRow(carve, k, digits, withTrace).trace;
  };
  const { recipients } = inputs;
  recipients.people.forEach((p, k) => (award[p] = share === null ? 0n : BigInt(share.awards[k]!)));
  const rowAt = share === null ? undefined : awardRow(share, digits, withTrace);
  const awardTrace = rowAt === undefined ? () => [negative!] : (k: number) => rowAt(k).trace;
  const awardLine = awardLines(context, pool, recipients, split.exponent, awardTrace);
  return {
    ...split.figures,
    contribution,
    contributionTrace,
    award,
    awardLine,
    choices:
      recipients.unitChoices === undefined ? recipients.choices : [...recipients.choices, ...recipients.unitChoices],
    uncarved: inputs.carve.uncarved,
  };
}

/**
 * One shard's rows of a split (issue 20): the contributors and recipients at `contributors` and
 * `recipients` (positions in the split's rows, ascending), with the figures of the whole pool —
 * structured-clonable data, no function.
 */
export function sliceSplit(
  split: PoolSplit,
  contributors: readonly number[],
  recipients: readonly number[],
): PoolSplit {
  const { carve, share } = split;
  const pickMap = <T>(map: ReadonlyMap<number, T>) =>
    new Map(contributors.flatMap((k, i) => (map.has(k) ? [[i, map.get(k)!] as const] : [])));
  const pick = <T>(list: ArrayLike<T>) => contributors.map((k) => list[k]!);
  const carveRows: CarveSource = {
    ids: pick(carve.ids),
    gross: pick(carve.gross),
    base: pick(carve.base),
    share: pick(carve.share),
    rounding: carve.rounding,
    rate: carve.rate,
    clawbacks: pickMap(carve.clawbacks),
    reversals: pickMap(carve.reversals),
  };
  const take = <T>(list: ArrayLike<T>) => recipients.map((k) => list[k]!);
  const shareRows: AwardSource | null =
    share === null
      ? null
      : {
          pool: share.pool,
          rows: take(share.rows),
          ids: take(share.ids),
          terms: share.terms,
          entries: take(share.entries),
          basis: take(share.basis),
          basisScale: share.basisScale,
          weights: take(share.weights),
          awards: take(share.awards),
          capped: Uint8Array.from(take(share.capped)),
          units: share.units,
          unit: share.unit === undefined ? undefined : Int32Array.from(take(share.unit)),
          weighting: {
            floor: share.weighting.floor,
            exponentText: share.weighting.exponentText,
            weightDecimals: share.weighting.weightDecimals,
          },
          weightSum: share.weightSum ?? sumAmounts(share.weights),
        };
  return { ...split, carve: carveRows, share: shareRows };
}

/**
 * One review item (kind `plausibility`, code `commissionNotCarved`) per person whose commission a
 * pool paid in full, uncarved, under `nonContributorCommissions: "payInFull"`, naming the segments.
 */
export function commissionNotCarvedItems(
  context: PeriodContext,
  stages: readonly { readonly segment: number; readonly uncarved: readonly number[] }[],
): ReviewItem[] {
  const segmentsOf = new Map<number, string[]>();
  for (const stage of stages)
    for (const p of stage.uncarved) {
      const { version, start, end } = context.resolved.segments[stage.segment]!;
      (segmentsOf.get(p) ?? segmentsOf.set(p, []).get(p)!).push(`${version} (${start}…${end})`);
    }
  const { people, departments } = context.scenario.org;
  const sides = new Map(departments.map((department) => [department.id, department.side]));
  return [...segmentsOf].map(([p, segments]) => {
    const person = people[p]!;
    return {
      kind: 'plausibility',
      code: 'commissionNotCarved',
      id: person.id,
      subjects: [person.id],
      reason: `commission of a ${sides.get(person.department)!}-side person paid in full, not carved into the pool (plan: nonContributorCommissions "payInFull"; segment ${segments.join(', ')})`,
    };
  });
}

import { minorDigits } from '../core/currency.js';
import { epochDay } from '../core/dates.js';
import { type DecimalInput, decimalText } from '../core/decimalInput.js';
import { IssueList, SynergyPayError, type IssuePath } from '../core/errors.js';
import { compareFixed, type Fixed, formatFixed, parseFixed, ratioText, rescale, roundFixed } from '../core/fixed.js';
import { gather, orderIds, orderUnique } from '../core/ids.js';
import { type RemainderRound, splitAmounts } from '../core/largestRemainder.js';
import { type Amount, formatAmount, formatMinor, formatScaled, pow10, readAmount, sumAmounts } from '../core/money.js';
import { powerSignificant } from '../core/power.js';
import { divideRounded, resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { parseWithRows } from '../core/rows.js';
import { NO_TRACE, traceStep, type TraceStep } from '../core/trace.js';
import { exponentOf, fixedPlaces } from './elasticity.js';
import { allocatePoolInputSchema } from './schema.js';
import type { AllocatePoolInput, AllocatePoolResult, PoolAward, PoolRecipientInput, PoolUnitAward } from './types.js';

// ── the share after validation, shared with the period run ─────────────────

/** The terms of a share: `allocatePool`'s options; issues about them go to `[...at, field, …]`. */
export type ShareTerms = Pick<
  AllocatePoolInput,
  'weighting' | 'floor' | 'basis' | 'period' | 'units' | 'weightDecimals'
> & {
  readonly policy: RoundingPolicy;
  readonly at: IssuePath;
};

/** The recipients, validated; row i's cap read (in minor units) as the row is; issues at `at(i, field)`. */
export interface ShareRecipients {
  readonly rows: readonly PoolRecipientInput[];
  readonly cap?: (i: number) => bigint;
  readonly at: (i: number, field: string) => IssuePath;
}

/** What one distinct score becomes: 400,000 people share a few thousand scores, each computed once. */
export interface ScoreEntry {
  /** The score rounded to the score decimals, its text, and whether it reaches the floor. */
  readonly score: Fixed;
  readonly text: string;
  readonly eligible: boolean;
  /** round(f(score), weightDecimals) × 10^weightDecimals, as bigint and (when exact) number, and its text. */
  readonly f: bigint;
  readonly fNumber: number;
  readonly fText: string;
}

/** A share's figures, rows in input order. */
export type Share = NonNullable<ReturnType<typeof sharePool>>;

/**
 * What award rows are written from: a share, or some of its rows with the figures of the whole
 * (a shard of a sharded period run writes its recipients' rows, issue 20): `weightSum`, when
 * given, is Σ of every row's weight, not only of those here.
 */
export interface AwardSource extends Pick<
  Share,
  | 'pool'
  | 'rows'
  | 'ids'
  | 'terms'
  | 'entries'
  | 'basis'
  | 'basisScale'
  | 'weights'
  | 'awards'
  | 'capped'
  | 'units'
  | 'unit'
> {
  readonly weighting: Pick<Share['weighting'], 'floor' | 'exponentText' | 'weightDecimals'>;
  readonly weightSum?: Amount;
}

/** A decimal rounded to `places` with the policy's mode. */
const rounded = (value: DecimalInput, places: number, policy: RoundingPolicy) =>
  roundFixed(parseFixed(decimalText(value)), places, policy.mode);

/** The largest exponent of f(score) = score^e, either sign: a score of 100 weighs at most 10^200. */
const MAX_WEIGHT_EXPONENT = 100n;

/**
 * The exponent, or `undefined` with an `OUT_OF_RANGE` issue at `at` when |e| > 100: such a power
 * gives the whole pool to the top score (and elasticity's "+0.000000001 score → +15 % award"
 * makes e ≈ 1.4 · 10^8, whose weights no computer holds), so the plan is refused, not run.
 */
function boundedExponent(exponent: Fixed | undefined, at: IssuePath, issues: IssueList): Fixed | undefined {
  if (exponent === undefined) return undefined;
  const limit = MAX_WEIGHT_EXPONENT * 10n ** BigInt(exponent.scale);
  if (exponent.n <= limit && exponent.n >= -limit) return exponent;
  issues.add('OUT_OF_RANGE', at, `the weighting's exponent ${formatFixed(exponent)} must lie within ±100`);
  return undefined;
}

/**
 * f(score) for each distinct score (cached): the rounded score, whether it reaches the floor, and
 * round(score^e, weightDecimals) with e the power's exponent or elasticity's, rounded as a coefficient.
 */
export function resolveWeighting(terms: ShareTerms, issues: IssueList) {
  const { policy } = terms;
  const weighting = terms.weighting ?? { kind: 'linear' };
  const weightDecimals = terms.weightDecimals ?? 6;
  const floor = rounded(terms.floor ?? 0, policy.scoreDecimals, policy);
  const exponent = boundedExponent(
    weighting.kind === 'power'
      ? rounded(weighting.exponent, policy.coefficientDecimals, policy)
      : weighting.kind === 'elasticity'
        ? exponentOf(weighting.scoreChange, weighting.awardChange, policy, [...terms.at, 'weighting'], issues)?.exponent
        : undefined,
    weighting.kind === 'power' ? [...terms.at, 'weighting', 'exponent'] : [...terms.at, 'weighting'],
    issues,
  );
  const cache = new Map<DecimalInput, ScoreEntry>();
  const make = (input: DecimalInput): ScoreEntry => {
    const score = rounded(input, policy.scoreDecimals, policy);
    let value = score;
    if (exponent !== undefined)
      value = score.n === 0n ? { n: exponent.n === 0n ? 1n : 0n, scale: 0 } : powerSignificant(score, exponent);
    const f = rescale(roundFixed(value, weightDecimals, policy.mode), weightDecimals);
    const fNumber = f <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(f) : Number.POSITIVE_INFINITY;
    const text = fixedPlaces(score, policy.scoreDecimals);
    return {
      score,
      text,
      eligible: compareFixed(score, floor) >= 0,
      f,
      fNumber,
      fText: formatScaled(f, weightDecimals),
    };
  };
  const entry = (score: DecimalInput): ScoreEntry => {
    let found = cache.get(score);
    if (found === undefined) cache.set(score, (found = make(score)));
    return found;
  };
  const exponentText = exponent === undefined ? null : fixedPlaces(exponent, policy.coefficientDecimals);
  return { kind: weighting.kind, exponent, exponentText, floor, weightDecimals, entry };
}

/** Days of the employment [start, end] within the period, ends inclusive (0 when they do not meet). */
function daysIn(row: PoolRecipientInput, period: { start: string; end: string }, at: IssuePath, issues: IssueList) {
  if (row.start !== undefined && row.end !== undefined && row.end < row.start) {
    issues.add('DATES_OUT_OF_ORDER', at, `employment ends ${row.end}, before it starts ${row.start}`);
    return 0;
  }
  // ISO dates compare as strings.
  const from = row.start !== undefined && row.start > period.start ? row.start : period.start;
  const to = row.end !== undefined && row.end < period.end ? row.end : period.end;
  return to < from ? 0 : epochDay(to) - epochDay(from) + 1;
}

/** The units by id (two levels), refusing a repeated unit; the period, refused when missing or backwards. */
function checkTerms(terms: ShareTerms, issues: IssueList): Map<string, number> | undefined {
  const { period, units } = terms;
  if ((terms.basis ?? 'one') === 'days' && period === undefined)
    issues.add('INVALID_INPUT', [...terms.at, 'period'], 'basis "days" needs the period (start and end dates)');
  if (period !== undefined && period.end < period.start) {
    const message = `period ends ${period.end}, before it starts ${period.start}`;
    issues.add('DATES_OUT_OF_ORDER', [...terms.at, 'period', 'end'], message);
  }
  if (units === undefined) return undefined;
  const index = new Map<string, number>();
  units.forEach((unit, u) => {
    const first = index.get(unit.id);
    if (first === undefined) index.set(unit.id, u);
    else
      issues.add(
        'DUPLICATE_ID',
        [...terms.at, 'units', u, 'id'],
        `unit "${unit.id}" is already listed at units[${first}]`,
      );
  });
  return index;
}

/** A recipient's unit index; a missing unit, or one not among the units, is refused. */
function unitOf(unit: string | undefined, units: ReadonlyMap<string, number>, at: IssuePath, issues: IssueList) {
  if (unit === undefined) issues.add('INVALID_INPUT', at, 'with units given, every recipient needs a unit');
  else if (!units.has(unit)) issues.add('UNKNOWN_REFERENCE', at, `unit "${unit}" is not in units`);
  return unit === undefined ? -1 : (units.get(unit) ?? -1);
}

/** FTEs as integers at their largest number of decimals (at most 12: more are rounded there). */
function scaleFtes(ftes: readonly string[], basis: number[], policy: RoundingPolicy): number {
  let scale = 0;
  for (const text of ftes) if (text.includes('.')) scale = Math.max(scale, text.length - text.indexOf('.') - 1);
  scale = Math.min(scale, 12);
  const scaled = new Map<string, number>(); // a few distinct FTEs (1, 0.5, 0.8) among many people
  for (let i = 0; i < basis.length; i++) {
    if (basis[i] === 0) continue;
    let value = scaled.get(ftes[i]!);
    if (value === undefined)
      scaled.set(ftes[i]!, (value = Number(rescale(roundFixed(parseFixed(ftes[i]!), scale, policy.mode), scale))));
    basis[i] = value;
  }
  return scale;
}

/**
 * Reads each recipient once, front to back: its score entry (an eligible zero score is refused
 * under elasticity), its basis (1, the FTE, or the days employed in the period; whatever the basis,
 * someone not employed in the period takes nothing), its cap and its unit.
 */
function readRecipients(recipients: ShareRecipients, terms: ShareTerms, weighting: Weighting, issues: IssueList) {
  const { rows, at } = recipients;
  const { period } = terms;
  const kind = terms.basis ?? 'one';
  const units = checkTerms(terms, issues);
  const entries = new Array<ScoreEntry>(rows.length);
  const basis = new Array<number>(rows.length).fill(1);
  const ftes: string[] = [];
  const unit = units === undefined ? undefined : new Int32Array(rows.length);
  let caps: (bigint | undefined)[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const entry = (entries[i] = weighting.entry(row.score));
    if (weighting.kind === 'elasticity' && entry.score.n === 0n && entry.eligible && weighting.exponent !== undefined)
      issues.add(
        'OUT_OF_RANGE',
        at(i, 'score'),
        'elasticity is undefined at a zero score: raise the floor above 0 or use "power"',
      );
    if (kind === 'fte' && compareFixed(parseFixed((ftes[i] = decimalText(row.fte ?? 1))), { n: 1n, scale: 0 }) > 0)
      issues.add('OUT_OF_RANGE', at(i, 'fte'), `fte ${ftes[i]} is above 1`);
    if (period !== undefined && (kind === 'days' || row.start !== undefined || row.end !== undefined)) {
      const days = daysIn(row, period, at(i, 'end'), issues);
      if (kind === 'days' || days === 0) basis[i] = days;
    }
    if (row.cap !== undefined && recipients.cap !== undefined)
      (caps ??= new Array<bigint | undefined>(rows.length).fill(undefined))[i] = recipients.cap(i);
    if (unit !== undefined) unit[i] = unitOf(row.unit, units!, at(i, 'unit'), issues);
  }
  const basisScale = kind === 'fte' ? scaleFtes(ftes, basis, terms.policy) : 0;
  return { entries, basis, basisScale, caps, unit };
}

type Weighting = ReturnType<typeof resolveWeighting>;
type Read = ReturnType<typeof readRecipients>;

/** weightᵢ = basisᵢ × f(scoreᵢ) when eligible, else 0: a number while exact, a bigint beyond. */
function weightsOf({ entries, basis }: Read): Amount[] {
  return entries.map((entry, i) => {
    if (!entry.eligible) return 0;
    const weight = entry.fNumber * basis[i]!;
    return weight <= Number.MAX_SAFE_INTEGER ? weight : entry.f * BigInt(basis[i]!);
  });
}

/**
 * Two levels: the pool split among units by unit score × headcount (members with a positive
 * weight), then each unit's part among its members. Each level is exact.
 */
function splitUnits(pool: bigint, weights: readonly Amount[], ids: readonly string[], read: Read, terms: ShareTerms) {
  const { scoreDecimals } = terms.policy;
  const awards = new Array<Amount>(weights.length).fill(0);
  const capped = new Uint8Array(weights.length);
  const units = terms.units!.map((unit) => ({
    score: rounded(unit.score, scoreDecimals, terms.policy),
    members: [] as number[],
  }));
  weights.forEach((_, i) => units[read.unit![i]!]!.members.push(i));
  const headcounts = units.map((unit) => unit.members.filter((i) => weights[i]! > 0).length);
  const weightOf = units.map((unit, u) => rescale(unit.score, scoreDecimals) * BigInt(headcounts[u]!));
  const top = splitAmounts(
    pool,
    weightOf,
    terms.units!.map((unit) => unit.id),
  );
  let unallocated = top === undefined ? pool : 0n;
  const levels = units.map((unit, u) => {
    const amount = top === undefined ? 0n : BigInt(top.parts[u]!);
    const caps = read.caps && unit.members.map((i) => read.caps![i]);
    const split =
      amount === 0n
        ? undefined
        : splitAmounts(
            amount,
            unit.members.map((i) => weights[i]!),
            unit.members.map((i) => ids[i]!),
            caps,
          );
    unit.members.forEach((i, m) => {
      awards[i] = split?.parts[m] ?? 0;
      capped[i] = split?.capped[m] ?? 0;
    });
    const left = split === undefined ? amount : split.unallocated;
    unallocated += left;
    const memberWeight = sumAmounts(unit.members.map((i) => weights[i]!));
    return {
      ...unit,
      weight: weightOf[u]!,
      headcount: headcounts[u]!,
      amount,
      left,
      split: split !== undefined,
      memberWeight,
    };
  });
  return { awards, capped, unallocated, rounds: top?.rounds ?? [], units: levels };
}

/** One level: the whole pool among everyone, caps re-split (nobody with a weight: all of it left). */
function oneLevel(
  pool: bigint,
  weights: readonly Amount[],
  ids: readonly string[],
  caps: readonly (bigint | undefined)[] | undefined,
) {
  const split = splitAmounts(pool, weights, ids, caps);
  return {
    awards: split?.parts ?? new Float64Array(weights.length),
    capped: split?.capped ?? new Uint8Array(weights.length),
    unallocated: split?.unallocated ?? pool,
    rounds: split?.rounds ?? [],
    units: undefined,
  };
}

/**
 * The share (seed 001; SPEC §3.5): weightᵢ = basisᵢ × round(f(scoreᵢ), weightDecimals) for scores
 * at the floor or above, and `pool` (minor units, ≥ 0) split by largest remainder on the weights,
 * caps re-split (two levels with units). Checks the recipients against the terms first:
 * `undefined` when an issue was found (in `issues`, at the caller's paths).
 */
export function sharePool(pool: bigint, recipients: ShareRecipients, terms: ShareTerms, issues: IssueList) {
  const weighting = resolveWeighting(terms, issues);
  const read = readRecipients(recipients, terms, weighting, issues);
  const ids = recipients.rows.map((row) => row.id);
  const message = (id: string, first: number) => `person "${id}" already has a row at recipients[${first}]`;
  const order = orderUnique(ids, (i) => recipients.at(i, 'id'), message, issues);
  if (issues.size > 0) return undefined;
  const weights = weightsOf(read);
  const split =
    terms.units === undefined ? oneLevel(pool, weights, ids, read.caps) : splitUnits(pool, weights, ids, read, terms);
  return { pool, rows: recipients.rows, ids, order, terms, weighting, ...read, weights, ...split };
}

/**
 * `allocatePool`'s input validated and shared (its issues thrown): the parsed input, the currency's
 * minor digits, the pool in minor units and the share.
 */
export function readShare(input: AllocatePoolInput) {
  const parsed = parseWithRows(allocatePoolInputSchema, input, 'recipients');
  const digits = minorDigits(parsed.currency);
  const issues = new IssueList();
  const pool = BigInt(readAmount(parsed.pool, digits, ['pool'], issues));
  const rows = parsed.recipients;
  const at = (i: number, field: string) => ['recipients', i, field];
  const cap = (i: number) => BigInt(readAmount(rows[i]!.cap!, digits, at(i, 'cap'), issues));
  const share = sharePool(
    pool,
    { rows, cap, at },
    { ...parsed, policy: resolveRounding(parsed.rounding), at: [] },
    issues,
  );
  if (share === undefined) throw new SynergyPayError(issues.items);
  return { parsed, digits, pool, share };
}

// ── writing a share out: award rows with their shared traces, unit rows, the trace ──

const SHARE_DECIMALS = 10;

/** What a row's award step states of its level: the amount split and Σ weight. */
type Level = readonly [amount: string, weightSum: string];

/** A trace step shared by many rows, frozen with its inputs so that no row can change another's. */
function frozen(step: TraceStep): TraceStep {
  Object.freeze(step.inputs);
  return Object.freeze(step);
}

/**
 * The per-row traces, shared: the weight step depends only on the score and the basis, the award
 * step on the level, the weight, the cap and the award, so 400,000 rows need a few thousand traces.
 */
class SharedTraces {
  private readonly weightSteps = new Map<ScoreEntry, Map<string, TraceStep>>();
  private readonly traces = new Map<TraceStep, Map<Level, Map<string, TraceStep[]>[]>>();

  constructor(
    private readonly floor: string,
    private readonly formula: string,
    /** The exponent of f(score) = score^exponent, or `null` when f is linear. */
    private readonly exponent: string | null,
  ) {}

  trace(entry: ScoreEntry, basis: string, weight: string, level: Level, capped: boolean, award: string): TraceStep[] {
    let byBasis = this.weightSteps.get(entry);
    if (byBasis === undefined) this.weightSteps.set(entry, (byBasis = new Map<string, TraceStep>()));
    let weightStep = byBasis.get(basis);
    if (weightStep === undefined) {
      const { exponent } = this;
      const formula = !entry.eligible
        ? 'score below the eligibility floor: weight = 0'
        : exponent === null
          ? 'weight = basis × round(f(score), weightDecimals), f(score) = score'
          : 'weight = basis × round(f(score), weightDecimals), f(score) = score^exponent';
      // Keys in code-unit order, as traceStep would sort them.
      const inputs =
        exponent === null
          ? { basis, 'f(score)': entry.fText, floor: this.floor, score: entry.text }
          : { basis, exponent, 'f(score)': entry.fText, floor: this.floor, score: entry.text };
      byBasis.set(basis, (weightStep = frozen({ rule: 'pool.weight', formula, inputs, result: weight })));
    }
    let byLevel = this.traces.get(weightStep);
    if (byLevel === undefined) this.traces.set(weightStep, (byLevel = new Map<Level, Map<string, TraceStep[]>[]>()));
    let byCap = byLevel.get(level);
    if (byCap === undefined)
      byLevel.set(level, (byCap = [new Map<string, TraceStep[]>(), new Map<string, TraceStep[]>()]));
    const byAward = byCap[capped ? 1 : 0]!;
    let trace = byAward.get(award);
    if (trace === undefined) {
      const inputs = { amount: level[0], capped: String(capped), weight, 'Σ weight': level[1] };
      const step = frozen({ rule: 'pool.award', formula: this.formula, inputs, result: award });
      byAward.set(award, (trace = Object.freeze([weightStep, step]) as unknown as TraceStep[]));
    }
    return trace;
  }
}

/** Each row's level: the pool (Σ of every weight), or its unit's amount and members once split. */
function levelsOf(share: AwardSource, digits: number, withTrace: boolean): (i: number) => Level {
  const scale = share.weighting.weightDecimals + share.basisScale;
  if (share.units === undefined) {
    const level = [
      formatMinor(share.pool, digits),
      withTrace ? formatScaled(share.weightSum ?? sumAmounts(share.weights), scale) : '',
    ] as const;
    return () => level;
  }
  const empty = [formatMinor(0, digits), '0'] as const;
  const byUnit = share.units.map((unit) =>
    unit.split ? ([formatMinor(unit.amount, digits), formatScaled(unit.memberWeight, scale)] as const) : empty,
  );
  return (i) => byUnit[share.unit![i]!]!;
}

/** The award rows of a share in input order. */
export function awardRows(share: Share, digits: number, withTrace: boolean): PoolAward[] {
  const rowAt = awardRow(share, digits, withTrace);
  const rows = new Array<PoolAward>(share.entries.length);
  for (let i = 0; i < rows.length; i++) rows[i] = rowAt(i);
  return rows;
}

/**
 * The award row of input row i, built when asked for: a period run builds each recipient's row
 * while it writes their statement, so no more than one is held (issue 20). The traces are shared
 * between rows as in {@link awardRows}.
 */
export function awardRow(share: AwardSource, digits: number, withTrace: boolean): (i: number) => PoolAward {
  const { terms, entries, basis, weights, awards, capped, weighting } = share;
  const floor = fixedPlaces(weighting.floor, terms.policy.scoreDecimals);
  const formula =
    share.units === undefined
      ? 'award = share of the pool by weight (largest remainder, caps re-split)'
      : "award = share of the unit's amount by weight (largest remainder, caps re-split)";
  const traces = new SharedTraces(floor, formula, weighting.exponentText);
  const levelOf = levelsOf(share, digits, withTrace);
  const kind = terms.basis ?? 'one';
  return (i) => {
    const entry = entries[i]!;
    const award = formatAmount(awards[i]!, digits);
    // With a basis of 1 the weight is f(score) itself: its text is the score entry's.
    const weight =
      kind === 'one'
        ? entry.eligible
          ? entry.fText
          : '0'
        : formatScaled(weights[i]!, weighting.weightDecimals + share.basisScale);
    const basisText = kind === 'fte' ? formatScaled(basis[i]!, share.basisScale) : String(basis[i]);
    const isCapped = capped[i] === 1;
    return {
      id: share.ids[i]!,
      unit: share.rows[i]!.unit ?? null,
      score: entry.text,
      eligible: entry.eligible,
      basis: basisText,
      weight,
      award,
      share: shareOf(awards[i]!, share),
      capped: isCapped,
      trace: withTrace ? traces.trace(entry, basisText, weight, levelOf(i), isCapped, award) : NO_TRACE,
    };
  };
}

/** award ÷ pool to 10 decimals with the policy's mode: exact long division, on numbers when they allow. */
function shareOf(award: Amount, { pool, terms }: AwardSource): string {
  if (pool === 0n || award === 0 || award === 0n) return '0.0000000000';
  const mode = terms.policy.mode;
  const fast = typeof award === 'number' ? ratioText(award, Number(pool), SHARE_DECIMALS, mode) : undefined;
  return fast ?? formatMinor(divideRounded(BigInt(award) * pow10(SHARE_DECIMALS), pool, mode), SHARE_DECIMALS);
}

/** The unit rows of a two-level share in id order, or `null` for one level. */
export function unitRows({ terms, units }: Share, digits: number): PoolUnitAward[] | null {
  if (terms.units === undefined || units === undefined) return null;
  const { scoreDecimals } = terms.policy;
  return Array.from(orderIds(terms.units.map((unit) => unit.id)), (u) => ({
    id: terms.units![u]!.id,
    score: fixedPlaces(units[u]!.score, scoreDecimals),
    headcount: units[u]!.headcount,
    weight: formatScaled(units[u]!.weight, scoreDecimals),
    amount: formatMinor(units[u]!.amount, digits),
    awarded: formatMinor(units[u]!.amount - units[u]!.left, digits),
    unallocated: formatMinor(units[u]!.left, digits),
  }));
}

/** Each round of a level's split, as the trace states it. */
function roundsTrace(rule: string, total: string, rounds: readonly RemainderRound[], digits: number): TraceStep[] {
  return rounds.map((round, r) => {
    const amount = formatMinor(round.amount, digits);
    const { weightSum: W, shares, leftover: k, newlyCapped: capped } = round;
    return traceStep(
      rule,
      'partᵢ = ⌊M·wᵢ/W⌋, then one unit to each of the k largest remainders (ties: smaller weight, then id); parts above their cap are fixed and the rest re-split',
      { round: r + 1, M: amount, W, shares, k, capped, total },
      `Σ parts = ${amount}`,
    );
  });
}

/** The steps of a share: the exponent (powers), the weights, the top level's split, what is left. */
export function shareTrace(share: Share, digits: number): TraceStep[] {
  const { weighting, terms, pool } = share;
  const f = (minor: bigint) => formatMinor(minor, digits);
  const trace: TraceStep[] = [];
  if (weighting.exponentText !== null) {
    const formula =
      weighting.kind === 'elasticity'
        ? 'e = ln(1 + awardChange) / ln(1 + scoreChange), rounded'
        : 'e rounded to the coefficient decimals';
    trace.push(traceStep('pool.exponent', formula, { kind: weighting.kind }, weighting.exponentText));
  }
  const inputs = {
    basis: terms.basis ?? 'one',
    floor: fixedPlaces(weighting.floor, terms.policy.scoreDecimals),
    kind: weighting.kind,
    weightDecimals: weighting.weightDecimals,
  };
  const formula = 'weight = basis × round(f(score), weightDecimals); f = 0 below the floor';
  trace.push(traceStep('pool.weights', formula, inputs, `${share.ids.length} weights`));
  trace.push(...roundsTrace(share.units === undefined ? 'pool.award' : 'pool.units', f(pool), share.rounds, digits));
  const left = { pool: f(pool), 'Σ awards': f(sumAmounts(share.awards)) };
  trace.push(traceStep('pool.unallocated', 'unallocated = pool − Σ awards', left, f(share.unallocated)));
  return trace;
}

// ── allocatePool: the validated public entry ─────────────────────────────────

/**
 * Shares the back-office support pool [后端支撑奖励池] among back-office people by their
 * support-effectiveness score [支撑效能评分] (seed 001; SPEC §3.5), exactly to the fen.
 *
 * weightᵢ = basisᵢ × round(f(scoreᵢ), weightDecimals) for scores at or above the eligibility
 * `floor` (below it: nothing); the pool is split by largest remainder on these weights, so the
 * split is exact and deterministic even when f is irrational. f is linear, a power, or constant
 * elasticity (seed 001: +10 % score → +15 % award, e = ln 1.15 / ln 1.10, see
 * {@link elasticityExponent}). The basis is 1, the FTE, or the days employed within `period`
 * (joiners and leavers prorated, calendar days, both ends inclusive). A cap fixes an
 * award and the excess is re-split among the others; what nobody can take is `unallocated`.
 * With `units`, the pool is first split among units by unit score × headcount, then within each
 * unit among its members; each level is exact.
 *
 * **Formula.** awardᵢ = ⌊P·wᵢ/W⌋ + (1 for the largest remainders), caps re-split;
 * Σ awards + unallocated = P.
 *
 * **References.** Seed 001; largest-remainder method as in {@link allocate}.
 *
 * @param input - `pool`, `currency`, `recipients` (`id`, `score`, optional `fte`, `start`, `end`,
 *   `cap`, `unit`), optional `weighting`, `floor`, `basis`, `period`, `units`, `weightDecimals`,
 *   `rounding`, `trace`.
 * @returns Per-person awards ordered by id (award, weight, share, trace), units for two levels,
 *   the pool, Σ awards and `unallocated`.
 * @throws {@link SynergyPayError} `INVALID_INPUT` (shape; `period` missing for days; a recipient
 *   without a unit in a two-level split), `INVALID_DECIMAL`, `INVALID_AMOUNT`, `NEGATIVE_VALUE`
 *   (negative score, pool or cap), `OUT_OF_RANGE` (FTE above 1, elasticity on a zero score,
 *   elasticity changes ≤ −1), `UNKNOWN_CURRENCY`, `DUPLICATE_ID`, `UNKNOWN_REFERENCE` (unit),
 *   `DATES_OUT_OF_ORDER`.
 *
 * @example
 * ```ts
 * import { allocatePool } from 'synergy-pay';
 * const shared = allocatePool({
 *   pool: '8800.00',
 *   currency: 'CNY',
 *   floor: 60,
 *   recipients: [
 *     { id: 'tech-wang', score: 90 },
 *     { id: 'tech-li', score: 80 },
 *     { id: 'tech-zhao', score: 50 },
 *   ],
 * });
 * // awards: tech-li 4141.18, tech-wang 4658.82, tech-zhao 0.00 (below the floor)
 * ```
 */
export function allocatePool(input: AllocatePoolInput): AllocatePoolResult {
  const { parsed, digits, pool, share } = readShare(input);
  const awarded = sumAmounts(share.awards);
  const f = (minor: bigint) => formatMinor(minor, digits);
  return {
    currency: parsed.currency,
    pool: f(pool),
    awarded: f(awarded),
    unallocated: f(pool - awarded),
    weighting: { kind: share.weighting.kind, exponent: share.weighting.exponentText },
    awards: gather(awardRows(share, digits, parsed.trace !== false), share.order),
    units: unitRows(share, digits),
    trace: shareTrace(share, digits),
  };
}

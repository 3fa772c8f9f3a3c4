import { differenceInCalendarDays, parseISO } from 'date-fns';
import * as z from 'zod/mini';
import { allocateScaled, type ScaledWeights } from '../core/allocate.js';
import { minorDigits } from '../core/currency.js';
import { Dec, decimalToMinor, roundTo } from '../core/decimal.js';
import { decimalText, type DecimalInput, isNonNegativeDecimal } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import type { RemainderRound } from '../core/largestRemainder.js';
import { formatMinor, parseMinor, pow10, formatAmount, minorNumber } from '../core/money.js';
import { divideRounded, type RoundingPolicy, resolveRounding } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { exponentOf } from './elasticity.js';
import { isId, isPlainRow } from './minor.js';
import { allocatePoolInputSchema, type AllocatePoolInput } from './schema.js';
import { orderIds, gather, IdKeys } from '../core/ids.js';
import { splitByWeights } from '../core/largestRemainder.js';
import { isIsoDate } from '../core/dates.js';
import { ratioText } from '../core/fixed.js';

/** One recipient's line of an {@link allocatePool} result. */
export interface PoolAward {
  readonly id: string;
  /** The recipient's unit, or `null`. */
  readonly unit: string | null;
  /** The score as used: rounded to the policy's score decimals. */
  readonly score: string;
  /** Whether the score reached the eligibility floor. */
  readonly eligible: boolean;
  /** The basis: `"1"`, the FTE, or the days employed within the period. */
  readonly basis: string;
  /** weight = basis × f(score), f(score) rounded to `weightDecimals` (`"0"` when not eligible). */
  readonly weight: string;
  /** The award, with exactly the currency's minor digits. */
  readonly award: string;
  /** award ÷ pool, rounded to 10 decimals with the policy's mode. */
  readonly share: string;
  /** Whether the award was fixed at the recipient's cap. */
  readonly capped: boolean;
  /**
   * Per-person steps (`pool.weight`, `pool.award`); a shared frozen empty list when the input
   * asked for `trace: false`. Rows with the same score, basis, cap and award share one frozen
   * trace (and rows with the same score and basis one frozen weight step): the result is
   * read-only, as its types say.
   */
  readonly trace: TraceStep[];
}

/** One unit's line of a two-level {@link allocatePool} result. */
export interface PoolUnitAward {
  readonly id: string;
  /** The unit score as used (rounded to the score decimals). */
  readonly score: string;
  /** Members with a positive weight (eligible and with a positive basis). */
  readonly headcount: number;
  /** score × headcount. */
  readonly weight: string;
  /** The unit's part of the pool. */
  readonly amount: string;
  /** Σ awards of its members. */
  readonly awarded: string;
  /** What its members could not take (caps, or nobody with weight). */
  readonly unallocated: string;
}

/** Result of {@link allocatePool}. Awards and units are ordered by id (code-unit order). */
export interface AllocatePoolResult {
  readonly currency: string;
  readonly pool: string;
  /** Σ awards. */
  readonly awarded: string;
  /** pool − Σ awards: what caps or a lack of eligible people left unpaid. */
  readonly unallocated: string;
  /** The f(score) used, with the exponent as rounded (`null` for linear). */
  readonly weighting: { readonly kind: 'linear' | 'power' | 'elasticity'; readonly exponent: string | null };
  readonly awards: PoolAward[];
  /** Units of a two-level allocation, or `null` for one level. */
  readonly units: PoolUnitAward[] | null;
  readonly trace: TraceStep[];
}

const ROW_KEYS = /* @__PURE__ */ new Set(['id', 'score', 'fte', 'start', 'end', 'cap', 'unit']);
// The rows are checked by `rowsLookValid` (or the full schema): the header does not walk them.
const headerSchema = /* @__PURE__ */ z.extend(allocatePoolInputSchema, {
  recipients: z.custom<unknown[]>((value) => Array.isArray(value)),
});
type Parsed = z.output<typeof allocatePoolInputSchema>;
type Recipient = Parsed['recipients'][number];

/**
 * True when a row is exactly what the recipient schema accepts (the tests keep the two in step);
 * a row that fails sends the whole input through the schema, which reports every issue.
 * `knownScores` holds score texts already checked, so repeated scores skip the decimal check.
 */
function rowLooksValid(row: unknown, knownScores: ReadonlyMap<string | number, unknown>): row is Recipient {
  if (!isPlainRow(row, ROW_KEYS) || !isId(row.id)) return false;
  const score = row.score;
  if (
    !((typeof score === 'string' || typeof score === 'number') && knownScores.has(score)) &&
    !isNonNegativeDecimal(score)
  )
    return false;
  if (row.fte !== undefined && !isNonNegativeDecimal(row.fte)) return false;
  if (row.cap !== undefined && !isNonNegativeDecimal(row.cap)) return false;
  if (row.start !== undefined && !(typeof row.start === 'string' && isIsoDate(row.start))) return false;
  if (row.end !== undefined && !(typeof row.end === 'string' && isIsoDate(row.end))) return false;
  return row.unit === undefined || isId(row.unit);
}

/** What a distinct score text turns into (cached: 400,000 people share a few thousand scores). */
interface ScoreEntry {
  readonly text: string;
  readonly eligible: boolean;
  /** round(f(score), W) × 10^W, as number when safe. */
  readonly f: bigint;
  readonly fNumber: number;
  readonly fText: string;
  readonly zero: boolean;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const SHARE_DECIMALS = 10;
const ZERO_SHARE = '0.0000000000';
/** The shared, frozen empty trace of rows when the input asked for `trace: false`. */
const NO_TRACE: TraceStep[] = /* @__PURE__ */ Object.freeze([]) as unknown as TraceStep[];

/**
 * Shares the back-office support pool [后端支撑奖励池] among back-office people by their
 * support-effectiveness score [支撑效能评分] (seed 001; SPEC §3.5), exactly to the fen.
 *
 * weightᵢ = basisᵢ × round(f(scoreᵢ), weightDecimals) for scores at or above the eligibility
 * `floor` (below it: nothing); the pool is split by largest remainder on these weights, so the
 * split is exact and deterministic even when f is irrational. f is linear, a power, or constant
 * elasticity (seed 001: +10 % score → +15 % award, e = ln 1.15 / ln 1.10, see
 * {@link elasticityExponent}). The basis is 1, the FTE, or the days employed within `period`
 * (joiners and leavers prorated, date-fns calendar days, both ends inclusive). A cap fixes an
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
  const header = headerSchema.safeParse(input);
  if (!header.success) parseInput(allocatePoolInputSchema, input); // throws, with every issue
  const parsed = header.data as unknown as Parsed;
  const { currency, recipients: rows } = parsed;
  const policy = resolveRounding(parsed.rounding);
  const mode = policy.mode;
  const digits = minorDigits(currency);
  const weightDecimals = parsed.weightDecimals ?? 6;
  const basisKind = parsed.basis ?? 'one';
  const weighting = parsed.weighting ?? { kind: 'linear' as const };
  const withTrace = parsed.trace !== false;
  const n = rows.length;
  const issues = new IssueList();

  const poolMinor = readMinor(parsed.pool, digits, ['pool'], issues);
  const floor = roundTo(new Dec(decimalText(parsed.floor ?? 0)), policy.scoreDecimals, mode);

  // ── f(score): the exponent, rounded at the coefficient decimals ──
  let exponent: Dec | undefined;
  if (weighting.kind === 'power')
    exponent = roundTo(new Dec(decimalText(weighting.exponent)), policy.coefficientDecimals, mode);
  else if (weighting.kind === 'elasticity')
    exponent = exponentOf(weighting.scoreChange, weighting.awardChange, policy, ['weighting'], issues)?.exponent;
  const exponentText = exponent === undefined ? null : exponent.toFixed(policy.coefficientDecimals);

  // ── period for days ──
  const period = parsed.period;
  if (basisKind === 'days' && period === undefined)
    issues.add('INVALID_INPUT', ['period'], 'basis "days" needs the period (start and end dates)');
  if (period !== undefined && period.end < period.start)
    issues.add('DATES_OUT_OF_ORDER', ['period', 'end'], `period ends ${period.end}, before it starts ${period.start}`);

  // ── units ──
  const unitIndex = new Map<string, number>();
  const units = parsed.units;
  if (units !== undefined)
    units.forEach((unit, u) => {
      const first = unitIndex.get(unit.id);
      if (first === undefined) unitIndex.set(unit.id, u);
      else issues.add('DUPLICATE_ID', ['units', u, 'id'], `unit "${unit.id}" is already listed at units[${first}]`);
    });

  // ── per recipient: score entry, basis, weight ──
  const cache = new Map<string | number, ScoreEntry>();
  const entryOf = (score: DecimalInput): ScoreEntry => {
    let entry = cache.get(score);
    if (entry === undefined) {
      entry = scoreEntry(score, policy, floor, weighting.kind, exponent, weightDecimals, mode);
      cache.set(score, entry);
    }
    return entry;
  };

  const ids = new Array<string>(n);
  const idKeys = new IdKeys(n);
  const entries = new Array<ScoreEntry>(n);
  const basisInts = new Array<number>(n); // basis × 10^basisScale (integers ≤ 10^12 in practice)
  let basisScale = 0;
  const fteTexts: string[] = basisKind === 'fte' ? new Array<string>(n) : [];
  let absent: Uint8Array | undefined; // 1 for a recipient whose employment does not meet the period
  let caps: (bigint | undefined)[] | undefined;
  const memberUnit = units === undefined ? undefined : new Int32Array(n);
  const unitOf = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Recipient;
    if (!rowLooksValid(row, cache)) parseInput(allocatePoolInputSchema, input); // throws, with every issue
    ids[i] = row.id;
    idKeys.add(i, row.id);
    unitOf[i] = row.unit ?? null;
    const entry = entryOf(row.score);
    entries[i] = entry;
    if (weighting.kind === 'elasticity' && entry.zero && entry.eligible && exponent !== undefined)
      issues.add(
        'OUT_OF_RANGE',
        ['recipients', i, 'score'],
        'elasticity is undefined at a zero score: raise the floor above 0 or use "power"',
      );
    if (basisKind === 'fte') {
      const text = decimalText(row.fte ?? 1);
      fteTexts[i] = text;
      const dot = text.indexOf('.');
      if (dot !== -1 && text.length - dot - 1 > basisScale) basisScale = text.length - dot - 1;
      if (!isAtMostOne(text)) issues.add('OUT_OF_RANGE', ['recipients', i, 'fte'], `fte ${text} is above 1`);
    } else if (basisKind === 'days' && period !== undefined) {
      basisInts[i] = daysEmployed(row, period, i, issues);
    } else basisInts[i] = 1;
    // Whatever the basis, someone not employed in the period takes nothing from its pool.
    if (period !== undefined && basisKind !== 'days' && !employedIn(row, period, i, issues)) {
      absent ??= new Uint8Array(n);
      absent[i] = 1;
    }
    if (row.cap !== undefined) {
      caps ??= new Array<bigint | undefined>(n).fill(undefined);
      caps[i] = readMinor(row.cap, digits, ['recipients', i, 'cap'], issues);
    }
    if (memberUnit !== undefined) {
      if (row.unit === undefined) {
        issues.add('INVALID_INPUT', ['recipients', i, 'unit'], 'with units given, every recipient needs a unit');
        memberUnit[i] = -1;
      } else {
        const u = unitIndex.get(row.unit);
        if (u === undefined)
          issues.add('UNKNOWN_REFERENCE', ['recipients', i, 'unit'], `unit "${row.unit}" is not in units`);
        memberUnit[i] = u ?? -1;
      }
    }
  }
  if (basisKind === 'fte') {
    if (basisScale > 12) basisScale = 12; // FTEs with more decimals are rounded there (documented)
    // A few distinct FTEs (1, 0.5, 0.8, …) among many people: scale each distinct text once.
    const scaled = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const text = fteTexts[i] as string;
      let value = scaled.get(text);
      if (value === undefined) {
        value = Number(decimalToMinor(new Dec(text), basisScale, mode));
        scaled.set(text, value);
      }
      basisInts[i] = value;
    }
  }
  if (absent !== undefined) for (let i = 0; i < n; i++) if (absent[i] === 1) basisInts[i] = 0;

  const order = idKeys.order();
  idKeys.duplicates((i, previous) => {
    issues.add(
      'DUPLICATE_ID',
      ['recipients', i, 'id'],
      `person "${ids[i]}" already has a row at recipients[${previous}]`,
    );
  });
  issues.throwIfAny();
  const pool = poolMinor as bigint;

  // weightᵢ = f × basis at scale 10^(W + basisScale); number while every product is safe.
  const weightScale = weightDecimals + basisScale;
  let numberWeights = true;
  const weightNumbers = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const entry = entries[i] as ScoreEntry;
    const w = entry.eligible ? entry.fNumber * (basisInts[i] as number) : 0;
    if (!(w <= SAFE)) {
      numberWeights = false;
      break;
    }
    weightNumbers[i] = w;
  }
  const weightBig: bigint[] = numberWeights
    ? []
    : entries.map((entry, i) => (entry.eligible ? entry.f * BigInt(basisInts[i] as number) : 0n));
  const weightAt = (i: number): number | bigint =>
    numberWeights ? (weightNumbers[i] as number) : (weightBig[i] as bigint);

  // ── allocate: one level, or units then members ──
  const awards: Array<number | bigint> = new Array(n).fill(0);
  const capped = new Uint8Array(n);
  let unallocated = 0n;
  const levelTrace: TraceStep[] = [];
  let unitRows: PoolUnitAward[] | null = null;
  const subset = (members: readonly number[]): ScaledWeights =>
    numberWeights
      ? { kind: 'number', values: members.map((i) => weightNumbers[i] as number) }
      : { kind: 'bigint', values: members.map((i) => weightBig[i] as bigint) };

  const weightSumText = (members: readonly number[] | undefined): string => {
    let sum = 0n;
    let numberSum = 0;
    if (numberWeights) {
      if (members === undefined) for (let i = 0; i < n; i++) numberSum += weightNumbers[i] as number;
      else for (const i of members) numberSum += weightNumbers[i] as number;
    }
    if (numberWeights && Number.isSafeInteger(numberSum)) sum = BigInt(numberSum);
    else if (members === undefined) for (let i = 0; i < n; i++) sum += BigInt(weightAt(i));
    else for (const i of members) sum += BigInt(weightAt(i));
    return trimDecimal(formatMinor(sum, weightScale));
  };
  const memberTotals = new Map<number, readonly [amount: string, weightSum: string]>(); // unit index → for traces

  if (units === undefined) {
    // Without caps, the split stays on plain numbers even when pool × weight passes 2^53 (exact
    // two-double products, as the carve does): the core would go to BigInt for every person.
    const numberSplit =
      caps === undefined && numberWeights && pool > 0n && pool <= BigInt(SAFE)
        ? splitByWeights(Number(pool), Float64Array.from(weightNumbers), ids)
        : undefined;
    if (numberSplit !== undefined) {
      const parts = numberSplit.parts;
      for (let i = 0; i < n; i++) awards[i] = parts[i] as number;
      const round: RemainderRound = {
        amount: pool,
        weightSum: BigInt(numberSplit.weightSum),
        shares: numberSplit.positive,
        leftover: numberSplit.leftover,
        newlyCapped: 0,
      };
      levelTrace.push(...roundsTrace('pool.award', formatMinor(pool, digits), [round], digits));
    } else {
      const outcome = allocateScaled(
        pool,
        numberWeights ? { kind: 'number', values: weightNumbers } : { kind: 'bigint', values: weightBig },
        ids,
        caps,
      );
      if (outcome === undefined) unallocated = pool;
      else {
        for (let i = 0; i < n; i++) awards[i] = outcome.parts[i] as number | bigint;
        capped.set(outcome.capped);
        unallocated = outcome.unallocated;
      }
      levelTrace.push(...roundsTrace('pool.award', formatMinor(pool, digits), outcome?.rounds ?? [], digits));
    }
  } else {
    const membersOf: number[][] = units.map(() => []);
    for (let i = 0; i < n; i++) (membersOf[memberUnit?.[i] as number] as number[]).push(i);
    const headcounts = membersOf.map((members) => members.filter((i) => BigInt(weightAt(i)) > 0n).length);
    const unitScores = units.map((unit) => roundTo(new Dec(decimalText(unit.score)), policy.scoreDecimals, mode));
    const unitWeights = unitScores.map(
      (score, u) =>
        BigInt(score.times(pow10(policy.scoreDecimals).toString()).toFixed(0)) * BigInt(headcounts[u] as number),
    );
    const unitIds = units.map((unit) => unit.id);
    const level1 = allocateScaled(pool, { kind: 'bigint', values: unitWeights }, unitIds);
    levelTrace.push(...roundsTrace('pool.units', formatMinor(pool, digits), level1?.rounds ?? [], digits));
    const unitAmounts = units.map((_, u) => (level1 === undefined ? 0n : BigInt(level1.parts[u] as number | bigint)));
    if (level1 === undefined) unallocated += pool;
    const unitAwarded = new Array<bigint>(units.length).fill(0n);
    const unitLeft = new Array<bigint>(units.length).fill(0n);
    units.forEach((_, u) => {
      const members = membersOf[u] as number[];
      const amount = unitAmounts[u] as bigint;
      if (amount === 0n) return;
      const outcome = allocateScaled(
        amount,
        subset(members),
        members.map((i) => ids[i] as string),
        caps === undefined ? undefined : members.map((i) => caps[i]),
      );
      if (outcome === undefined) {
        unitLeft[u] = amount;
        unallocated += amount;
        return;
      }
      members.forEach((i, m) => {
        awards[i] = outcome.parts[m] as number | bigint;
        capped[i] = outcome.capped[m] as number;
      });
      unitLeft[u] = outcome.unallocated;
      unitAwarded[u] = amount - outcome.unallocated;
      unallocated += outcome.unallocated;
      memberTotals.set(u, [formatMinor(amount, digits), weightSumText(members)]);
    });
    const unitOrder = orderIds(unitIds);
    unitRows = Array.from(unitOrder, (u) => ({
      id: unitIds[u] as string,
      score: (unitScores[u] as Dec).toFixed(policy.scoreDecimals),
      headcount: headcounts[u] as number,
      weight: trimDecimal(formatMinor(unitWeights[u] as bigint, policy.scoreDecimals)),
      amount: formatMinor(unitAmounts[u] as bigint, digits),
      awarded: formatMinor(unitAwarded[u] as bigint, digits),
      unallocated: formatMinor(unitLeft[u] as bigint, digits),
    }));
  }

  // ── rows ──
  // Built in input order (every array read front to back), then put in id order by moving
  // pointers: far fewer cache misses on large inputs than building them in id order.
  const poolText = formatMinor(pool, digits);
  const totalWeightText = units === undefined && withTrace ? weightSumText(undefined) : '';
  const floorText = floor.toFixed(policy.scoreDecimals);
  const poolLevel = [poolText, totalWeightText] as const;
  const emptyLevel = [formatMinor(0, digits), '0'] as const;
  const shareFactor = pow10(SHARE_DECIMALS);
  const poolNumber = Number(pool);
  // With a basis of 1 the weight is f(score) itself: its text is the score entry's.
  const weightIsF = basisKind === 'one';
  const weightSteps = new Map<ScoreEntry, Map<string, TraceStep>>();
  // weight step → level → [uncapped, capped] → award text → the row's frozen trace
  const sharedTraces = new Map<
    TraceStep,
    Map<readonly [string, string], [Map<string, TraceStep[]>, Map<string, TraceStep[]>]>
  >();
  const awardFormula =
    units === undefined
      ? 'award = share of the pool by weight (largest remainder, caps re-split)'
      : "award = share of the unit's amount by weight (largest remainder, caps re-split)";
  const byInput = new Array<PoolAward>(n);
  let awarded = 0n;
  let awardedNumber = 0;
  for (let i = 0; i < n; i++) {
    const entry = entries[i] as ScoreEntry;
    const award = awards[i] as number | bigint;
    if (typeof award === 'number') awardedNumber += award;
    else awarded += award;
    const awardText = formatAmount(award, digits);
    const weightText = weightIsF
      ? entry.eligible
        ? entry.fText
        : '0'
      : trimDecimal(formatAmount(weightAt(i), weightScale));
    const basisText =
      basisKind === 'fte' ? trimDecimal(formatMinor(basisInts[i] as number, basisScale)) : String(basisInts[i]);
    const share =
      pool === 0n || award === 0 || award === 0n
        ? ZERO_SHARE
        : ((typeof award === 'number' ? ratioText(award, poolNumber, SHARE_DECIMALS, mode) : undefined) ??
          formatMinor(divideRounded(BigInt(award) * shareFactor, pool, mode), SHARE_DECIMALS));
    let trace: TraceStep[] = NO_TRACE;
    if (withTrace) {
      // The weight step depends only on the score and the basis: built once per distinct case and
      // shared (frozen) by every row that has it, so 400,000 rows do not carry 400,000 copies.
      let byBasis = weightSteps.get(entry);
      if (byBasis === undefined) weightSteps.set(entry, (byBasis = new Map()));
      let weightStep = byBasis.get(basisText);
      if (weightStep === undefined) {
        weightStep = freezeStep({
          rule: 'pool.weight',
          formula: entry.eligible
            ? 'weight = basis × round(f(score), weightDecimals)'
            : 'score below the eligibility floor: weight = 0',
          inputs: { basis: basisText, 'f(score)': entry.fText, floor: floorText, score: entry.text },
          result: weightText,
        });
        byBasis.set(basisText, weightStep);
      }
      const level = units === undefined ? poolLevel : (memberTotals.get(memberUnit?.[i] as number) ?? emptyLevel);
      // The award step depends on the level, the weight (so on the weight step), the cap and the
      // award; rows with the same weight get the floor or one unit more, so few traces are built.
      let byLevel = sharedTraces.get(weightStep);
      if (byLevel === undefined) sharedTraces.set(weightStep, (byLevel = new Map()));
      let byCap = byLevel.get(level);
      if (byCap === undefined) byLevel.set(level, (byCap = [new Map(), new Map()]));
      const isCapped = capped[i] === 1;
      const byAward = byCap[isCapped ? 1 : 0];
      let shared = byAward.get(awardText);
      if (shared === undefined) {
        const inputs = {
          amount: level[0],
          capped: isCapped ? 'true' : 'false',
          weight: weightText,
          'Σ weight': level[1],
        };
        shared = Object.freeze([
          weightStep,
          freezeStep({ rule: 'pool.award', formula: awardFormula, inputs, result: awardText }),
        ]) as unknown as TraceStep[];
        byAward.set(awardText, shared);
      }
      trace = shared;
    }
    byInput[i] = {
      id: ids[i] as string,
      unit: unitOf[i] as string | null,
      score: entry.text,
      eligible: entry.eligible,
      basis: basisText,
      weight: weightText,
      award: awardText,
      share,
      capped: capped[i] === 1,
      trace,
    };
  }
  const awardRows = gather(byInput, order);
  awarded += BigInt(awardedNumber);

  const f = (minor: bigint) => formatMinor(minor, digits);
  const trace: TraceStep[] = [];
  if (exponentText !== null)
    trace.push(
      traceStep(
        'pool.exponent',
        weighting.kind === 'elasticity'
          ? 'e = ln(1 + awardChange) / ln(1 + scoreChange), rounded'
          : 'e rounded to the coefficient decimals',
        { kind: weighting.kind },
        exponentText,
      ),
    );
  trace.push(
    traceStep(
      'pool.weights',
      'weight = basis × round(f(score), weightDecimals); f = 0 below the floor',
      { basis: basisKind, floor: floor.toFixed(policy.scoreDecimals), kind: weighting.kind, weightDecimals },
      `${n} weights`,
    ),
    ...levelTrace,
    traceStep(
      'pool.unallocated',
      'unallocated = pool − Σ awards',
      { pool: f(pool), 'Σ awards': f(awarded) },
      f(unallocated),
    ),
  );
  return {
    currency,
    pool: f(pool),
    awarded: f(awarded),
    unallocated: f(pool - awarded),
    weighting: { kind: weighting.kind, exponent: exponentText },
    awards: awardRows,
    units: unitRows,
    trace,
  };
}

function scoreEntry(
  score: DecimalInput,
  policy: RoundingPolicy,
  floor: Dec,
  kind: 'linear' | 'power' | 'elasticity',
  exponent: Dec | undefined,
  weightDecimals: number,
  mode: RoundingPolicy['mode'],
): ScoreEntry {
  const rounded = roundTo(new Dec(decimalText(score)), policy.scoreDecimals, mode);
  const eligible = rounded.gte(floor);
  let value: Dec;
  if (kind === 'linear' || exponent === undefined) value = rounded;
  else if (rounded.isZero()) value = new Dec(exponent.isZero() ? 1 : 0);
  else value = rounded.pow(exponent);
  const f = decimalToMinor(value, weightDecimals, mode);
  return {
    text: rounded.toFixed(policy.scoreDecimals),
    eligible,
    f,
    fNumber: f <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(f) : Number.POSITIVE_INFINITY,
    fText: trimDecimal(formatMinor(f, weightDecimals)),
    zero: rounded.isZero(),
  };
}

/** Whether a plain non-negative decimal text is ≤ 1 ("1", "1.000", "0.5"), without a Decimal. */
function isAtMostOne(text: string): boolean {
  const body = text.startsWith('-') ? text.slice(1) : text; // only "-0…" can be signed here
  const dot = body.indexOf('.');
  const whole = dot === -1 ? body : body.slice(0, dot);
  if (whole === '0') return true;
  return whole === '1' && (dot === -1 || /^0*$/.test(body.slice(dot + 1)));
}

/**
 * Days employed within the period, both ends inclusive (date-fns calendar days): the overlap of
 * [start, end] with the period, zero when they do not meet.
 */
function daysEmployed(row: Recipient, period: { start: string; end: string }, i: number, issues: IssueList): number {
  if (row.start !== undefined && row.end !== undefined && row.end < row.start) {
    issues.add(
      'DATES_OUT_OF_ORDER',
      ['recipients', i, 'end'],
      `employment ends ${row.end}, before it starts ${row.start}`,
    );
    return 0;
  }
  // ISO dates compare as strings.
  const from = row.start !== undefined && row.start > period.start ? row.start : period.start;
  const to = row.end !== undefined && row.end < period.end ? row.end : period.end;
  if (to < from) return 0;
  return differenceInCalendarDays(parseISO(to), parseISO(from)) + 1;
}

/** Whether the recipient's employment [start, end] meets the period (ISO dates compare as strings). */
function employedIn(row: Recipient, period: { start: string; end: string }, i: number, issues: IssueList): boolean {
  if (row.start === undefined && row.end === undefined) return true;
  if (row.start !== undefined && row.end !== undefined && row.end < row.start) {
    issues.add(
      'DATES_OUT_OF_ORDER',
      ['recipients', i, 'end'],
      `employment ends ${row.end}, before it starts ${row.start}`,
    );
    return false;
  }
  return !((row.start !== undefined && row.start > period.end) || (row.end !== undefined && row.end < period.start));
}

function readMinor(value: DecimalInput, digits: number, path: IssuePath, issues: IssueList): bigint | undefined {
  const fast = minorNumber(value, digits);
  if (!Number.isNaN(fast)) return BigInt(fast);
  try {
    return parseMinor(value, digits, path);
  } catch (error) {
    issues.items.push(...(error as { issues: IssueList['items'] }).issues);
    return undefined;
  }
}

/** A trace step shared by many rows, frozen with its inputs so that no row can change another's. */
function freezeStep(step: TraceStep): TraceStep {
  Object.freeze(step.inputs);
  return Object.freeze(step);
}

/** "90.000000" → "90", "0.500" → "0.5". */
function trimDecimal(text: string): string {
  if (!text.includes('.')) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return text.slice(0, end);
}

function roundsTrace(rule: string, total: string, rounds: readonly RemainderRound[], digits: number): TraceStep[] {
  return rounds.map((round, r) =>
    traceStep(
      rule,
      'partᵢ = ⌊M·wᵢ/W⌋, then one unit to each of the k largest remainders (ties: smaller weight, then id); parts above their cap are fixed and the rest re-split',
      {
        round: r + 1,
        M: formatMinor(round.amount, digits),
        W: round.weightSum,
        shares: round.shares,
        k: round.leftover,
        capped: round.newlyCapped,
        total,
      },
      `Σ parts = ${formatMinor(round.amount, digits)}`,
    ),
  );
}

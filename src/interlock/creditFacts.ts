import type * as z from 'zod/mini';
import { allocateScaled, scaleWeightTexts, type ScaledWeights } from '../core/allocate.js';
import { numberCalculator } from '../core/calculator.js';
import { minorDigits } from '../core/currency.js';
import { largestRemainder } from '../core/largestRemainder.js';
import { Dec, roundCoefficient } from '../core/decimal.js';
import { DECIMAL_PATTERN, decimalText, MAX_DECIMAL_LENGTH } from '../core/decimalInput.js';
import { fail, fromZodError, IssueList, SynergyPayError, type IssuePath } from '../core/errors.js';
import { formatMinor, parseMinor } from '../core/money.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { creditFactsInputSchema, revenueFactSchema, type CreditFactsInput } from './creditSchema.js';
import { orderIds, IdKeys } from '../core/ids.js';
import { isIsoDate } from '../core/dates.js';

/** One member's credit in one dimension. */
export interface MemberCredit {
  readonly id: string;
  /** Credited revenue (full facts plus split parts, inside the member's window), minor digits. */
  readonly amount: string;
  /** Revenue named for this member but dated outside its assignment window (not credited). */
  readonly excluded: string;
  /** Facts credited to the member (in full or as a split part). */
  readonly facts: number;
  /** Of those, facts split with other members. */
  readonly splitFacts: number;
  /** The member's target as given (minor digits), or `null`. */
  readonly target: string | null;
  /** credit / target, rounded to the coefficient decimals; `null` without a target. */
  readonly achievement: string | null;
  readonly trace: TraceStep[];
}

/** One dimension's credits and its conservation check. */
export interface DimensionCredit {
  readonly id: string;
  /** Σ member credits in this dimension. */
  readonly credited: string;
  /** Σ amounts excluded by assignment windows in this dimension. */
  readonly excluded: string;
  /** Whether credited + excluded = the facts' total, to the minor unit. */
  readonly conserved: boolean;
  /** Members ordered by id. */
  readonly members: MemberCredit[];
  readonly trace: TraceStep[];
}

/** An amount a member's assignment window kept from being credited. */
export interface CreditExclusion {
  readonly fact: string;
  readonly dimension: string;
  readonly member: string;
  readonly date: string;
  /** The amount (the member's full credit or its split part) not credited. */
  readonly amount: string;
  /** `beforeStart`: dated before the window opens; `afterEnd`: after it closes. */
  readonly reason: 'beforeStart' | 'afterEnd';
  readonly start: string | null;
  readonly end: string | null;
}

/** Result of {@link creditFacts}. */
export interface CreditFactsResult {
  readonly currency: string;
  /** Number of facts. */
  readonly factCount: number;
  /** Σ fact amounts: the revenue actually booked, counted once. */
  readonly total: string;
  /** Number of dimensions. */
  readonly dimensionCount: number;
  /** Σ over dimensions of the credited amounts: what the scorecards see. */
  readonly credited: string;
  /**
   * The double-count factor credited / total, rounded to the coefficient decimals (equal to the
   * number of dimensions when no window excludes anything); `null` when the total is zero.
   */
  readonly factor: string | null;
  /** Whether every dimension conserves (credited + excluded = total). */
  readonly conserved: boolean;
  /** Dimensions ordered by id. */
  readonly dimensions: DimensionCredit[];
  /** Every amount a window excluded, ordered by fact, dimension, member. */
  readonly exclusions: CreditExclusion[];
  readonly trace: TraceStep[];
}

type ParsedHeader = Omit<z.output<typeof creditFactsInputSchema>, 'facts'>;
type ParsedFact = z.output<typeof revenueFactSchema>;

/** Working state of one dimension. */
interface DimensionState {
  readonly id: string;
  readonly memberIds: string[];
  readonly index: Map<string, number>;
  readonly starts: (string | undefined)[];
  readonly ends: (string | undefined)[];
  readonly hasWindows: boolean;
  /** Whether the id is also a key of `Object.prototype` (`constructor`, `__proto__`, …). */
  readonly prototypeKey: boolean;
  readonly targets: (bigint | undefined)[];
  /** Credits: a `number` part kept below 2^52 in magnitude, flushed into the `bigint` part. */
  readonly low: Float64Array;
  readonly high: bigint[];
  readonly excludedLow: Float64Array;
  readonly excludedHigh: bigint[];
  readonly facts: Float64Array;
  readonly splitFacts: Float64Array;
  /** Validated splits by their first member's id. */
  readonly splits: Map<string, SplitPlan[]>;
  /** Further validated splits by their full text, once a first member has many. */
  readonly splitsByText: Map<string, SplitPlan>;
}

/** A validated split, cached by its members and shares (splits repeat: 60/40 East/West). */
interface SplitPlan {
  /** The split as first seen (copied), to recognise the same split on later facts. */
  readonly source: readonly { id: string; share: string | number }[];
  readonly members: Int32Array;
  readonly ids: string[];
  readonly weights: ScaledWeights;
  /** Σ and max of the weights when they are `number`s (for the fast path), else −1. */
  readonly weightSum: number;
  readonly maxWeight: number;
  readonly problems: {
    code: 'UNKNOWN_REFERENCE' | 'DUPLICATE_ID' | 'WEIGHTS_DO_NOT_SUM';
    path: IssuePath;
    message: string;
  }[];
}

/** Each single amount stays below 2^50 on the `number` path, so low + amount < 2^53: exact. */
const FLUSH = 2 ** 52;
/** A `bigint` split part below 2^50 in magnitude joins the `number` path like any small amount. */
const PART_LIMIT = 2n ** 50n;
/** Bound below which the core's `number` kernel is exact (2^52 leaves room for float rounding of the check). */
const NUMBER_KERNEL_LIMIT = 2 ** 52;
/** Distinct splits per first member compared one by one before switching to text keys. */
const BUCKET_LIMIT = 16;

/**
 * Credits revenue facts to every dimension in full — the "double crediting" [业绩双算] of seed 003:
 * a region's revenue is the sum of its product lines', and a product line's revenue is the sum
 * of its regions', so no side can treat a sale as someone else's business (SPEC §3.2). In
 * sales-compensation practice this is overlay and split crediting.
 *
 * Within one dimension a fact may be split between members by shares summing to 1 (two regions
 * 60/40); the amount is split with the largest-remainder core, so no fen is lost. A member may
 * have an assignment window (`start`, `end`, inclusive): facts dated outside it are not credited
 * to it, and each such amount is listed in `exclusions` and counted in the dimension's
 * `excluded` — never dropped.
 *
 * **Formula.** credit(d, m) = Σ amounts of facts naming m in dimension d (a split fact
 * contributes m's part), inside m's window. For each dimension: Σₘ credit(d, m) + excluded(d) =
 * total = Σ fact amounts (checked and reported as `conserved`). credited = Σ_d Σₘ credit(d, m);
 * factor = credited / total (= number of dimensions when nothing is excluded);
 * achievement(m) = credit / target.
 *
 * **References.** Seed 003, "关键指标互锁(业绩双算)": 地区部收入 = 所有产品线收入之和,
 * 产品线收入 = 所有地区部收入之和. Split and overlay crediting in sales compensation.
 *
 * @param input - `currency`; `dimensions` (`id`, `members`: `id`, optional `target`, `start`,
 *   `end`); `facts` (`id`, `amount`, optional `currency`, `date`, `members` by dimension id: a
 *   member id or a split `[{ id, share }]`); optional `rounding`.
 * @returns Credits per member per dimension (ordered by id), per-dimension totals and
 *   exclusions, the facts' total, the grand credited total, the double-count factor, the
 *   conservation check and traces.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `INVALID_AMOUNT`,
 *   `NEGATIVE_VALUE`, `OUT_OF_RANGE` (a target ≤ 0), `UNKNOWN_CURRENCY`, `CURRENCY_MISMATCH`,
 *   `DUPLICATE_ID` (facts, dimensions, members, split members), `UNKNOWN_REFERENCE` (a member
 *   or dimension not declared), `MISSING_DIMENSION` (a fact naming no member of a dimension),
 *   `WEIGHTS_DO_NOT_SUM` (split shares), `DATES_OUT_OF_ORDER` (a window ending before it starts).
 *
 * @example
 * ```ts
 * import { creditFacts } from 'synergy-pay';
 * const result = creditFacts({
 *   currency: 'CNY',
 *   dimensions: [
 *     { id: 'region', members: [{ id: 'East' }, { id: 'West' }] },
 *     { id: 'product', members: [{ id: '5G' }, { id: 'Broadband' }] },
 *   ],
 *   facts: [
 *     { id: 'f1', amount: '100', date: '2026-03-02', members: { region: 'East', product: '5G' } },
 *     { id: 'f2', amount: '50', date: '2026-03-03', members: { region: 'East', product: 'Broadband' } },
 *     { id: 'f3', amount: '70', date: '2026-03-04', members: { region: 'West', product: '5G' } },
 *   ],
 * });
 * // East 150.00, West 70.00; 5G 170.00, Broadband 50.00; total 220.00, credited 440.00, factor '2.0000'
 * ```
 */
export function creditFacts(input: CreditFactsInput): CreditFactsResult {
  const raw = input as unknown;
  if (!isPlainObject(raw) || !Array.isArray(raw.facts)) {
    parseInput(creditFactsInputSchema, raw); // throws: not an object, or no facts array
    fail('INVALID_INPUT', [], 'expected an object with a facts array');
  }
  // The header (everything but the facts) goes through zod; a million facts go through an
  // equivalent hand-written check (`isFactShape`), falling back to zod for any row it doubts, so
  // the rules and the messages are zod's.
  const header = creditFactsInputSchema.safeParse({ ...raw, facts: [] });
  if (!header.success) {
    parseInput(creditFactsInputSchema, raw); // report every problem at once
    throw fromZodError(header.error);
  }
  const parsed: ParsedHeader = header.data;
  const rawFacts = raw.facts as unknown[];

  const issues = new IssueList();
  const rounding = resolveRounding(parsed.rounding);
  const currency = parsed.currency;
  const digits = minorDigits(currency);
  const dims = buildDimensions(parsed, digits, issues);
  const dimCount = dims.length;

  const n = rawFacts.length;
  const factIds = new Array<string | undefined>(n);
  const idKeys = new IdKeys(n);
  let idsAscend = true;
  let previousId = '';
  let totalLow = 0;
  let totalHigh = 0n;
  const exclusions: CreditExclusion[] = [];
  const shape: FactShape = { memberKeys: -1, minor: Number.NaN };

  for (let i = 0; i < n; i++) {
    let fact = rawFacts[i] as ParsedFact;
    if (!isFactShape(fact, currency, digits, shape)) {
      const checked = revenueFactSchema.safeParse(fact);
      if (!checked.success) {
        for (const issue of fromZodError(checked.error).issues)
          issues.add(issue.code, ['facts', i, ...issue.path], issue.message);
        idKeys.add(i, undefined);
        continue;
      }
      fact = checked.data;
      shape.memberKeys = -1;
      shape.minor = Number.NaN;
    }
    const id = fact.id;
    factIds[i] = id;
    idKeys.add(i, id); // while the string is in cache
    if (idsAscend && i > 0 && !(id > previousId)) idsAscend = false;
    previousId = id;
    if (fact.currency !== undefined && fact.currency !== currency) {
      issues.add(
        'CURRENCY_MISMATCH',
        ['facts', i, 'currency'],
        `fact "${id}" is in ${fact.currency}, the input in ${currency}`,
      );
    }
    const amount = Number.isNaN(shape.minor)
      ? parseAmount(fact.amount, digits, ['facts', i, 'amount'], issues)
      : shape.minor;
    if (amount === undefined) continue;
    if (typeof amount === 'number') {
      const sum = totalLow + amount;
      if (sum > FLUSH || sum < -FLUSH) {
        totalHigh += BigInt(sum);
        totalLow = 0;
      } else totalLow = sum;
    } else totalHigh += amount;

    const members = fact.members;
    let named = 0;
    for (let d = 0; d < dimCount; d++) {
      const dim = dims[d] as DimensionState;
      // A dimension named like an Object.prototype key ("constructor") must not read the prototype.
      const value = dim.prototypeKey && !Object.hasOwn(members, dim.id) ? undefined : members[dim.id];
      if (value === undefined) {
        issues.add(
          'MISSING_DIMENSION',
          ['facts', i, 'members'],
          `fact "${id}" names no member of dimension "${dim.id}"`,
        );
        continue;
      }
      named++;
      if (typeof value === 'string') {
        const m = dim.index.get(value);
        if (m === undefined) {
          issues.add(
            'UNKNOWN_REFERENCE',
            ['facts', i, 'members', dim.id],
            `"${value}" is not a member of dimension "${dim.id}"`,
          );
          continue;
        }
        credit(dim, m, amount, fact, exclusions, false);
        continue;
      }
      const plan = splitPlan(dim, value);
      if (plan.problems.length > 0) {
        for (const problem of plan.problems)
          issues.add(problem.code, ['facts', i, 'members', dim.id, ...problem.path], problem.message);
        continue;
      }
      const parts = splitAmount(amount, plan);
      for (let j = 0; j < plan.members.length; j++) {
        const part = parts[j] ?? 0;
        credit(
          dim,
          plan.members[j] as number,
          typeof part === 'bigint' && part > -PART_LIMIT && part < PART_LIMIT ? Number(part) : part,
          fact,
          exclusions,
          true,
        );
      }
    }
    if (named < dimCount || (shape.memberKeys === -1 ? hasExtraKey(members, named) : shape.memberKeys > named)) {
      for (const key of Object.keys(members)) {
        if (!dims.some((dim) => dim.id === key))
          issues.add('UNKNOWN_REFERENCE', ['facts', i, 'members', key], `"${key}" is not a dimension`);
      }
    }
  }
  if (!idsAscend) reportDuplicateFacts(factIds, idKeys, issues);
  issues.throwIfAny();

  return assemble(currency, digits, rounding, n, totalHigh + BigInt(totalLow), dims, exclusions);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Whether `members` has more keys than the `named` dimensions found in it. */
function hasExtraKey(members: Record<string, unknown>, named: number): boolean {
  let keys = 0;
  for (const key in members) if (Object.hasOwn(members, key)) keys++;
  return keys > named;
}

function isIdText(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 200;
}

function isDecimalInput(value: unknown, nonNegative: boolean): boolean {
  if (typeof value === 'string') {
    if (value.length > MAX_DECIMAL_LENGTH || !DECIMAL_PATTERN.test(value)) return false;
    return !nonNegative || value.charCodeAt(0) !== 45; /* '-' */
  }
  if (typeof value === 'number')
    return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER && (!nonNegative || value >= 0);
  return false;
}

/** What {@link isFactShape} learnt about an accepted row, so the main loop need not look again. */
export interface FactShape {
  /** Number of keys in `members`. */
  memberKeys: number;
  /** The amount in minor units when it was read exactly on the way (≤ 15 digits), else `NaN`. */
  minor: number;
}

/**
 * A fast, conservative stand-in for `revenueFactSchema`: `true` only for rows the schema accepts
 * unchanged. Rows it doubts (negative-zero shares, other currencies, odd prototypes) go to zod.
 * On `true`, `shape` holds the members' key count and the amount in minor units (or `NaN`).
 */
export function isFactShape(row: unknown, currency: string, digits: number, shape: FactShape): boolean {
  if (!isPlainObject(row)) return false;
  for (const key in row)
    if (key !== 'id' && key !== 'amount' && key !== 'date' && key !== 'members' && key !== 'currency') return false;
  if (!isIdText(row.id)) return false;
  const amount = row.amount;
  if (typeof amount === 'string') {
    if (!scanAmount(amount, digits, shape)) return false;
  } else if (isDecimalInput(amount, false)) shape.minor = Number.NaN;
  else return false;
  if (row.currency !== undefined && row.currency !== currency) return false;
  if (!isDateText(row.date)) return false;
  const members = row.members;
  if (!isPlainObject(members)) return false;
  let memberKeys = 0;
  for (const key in members) {
    memberKeys++;
    if (key.length < 1 || key.length > 200) return false;
    const value = members[key];
    if (typeof value === 'string') {
      if (value.length < 1 || value.length > 200) return false;
    } else if (Array.isArray(value)) {
      if (value.length === 0) return false;
      for (const part of value as unknown[]) {
        if (!isPlainObject(part)) return false;
        let keys = 0;
        for (const key2 in part) {
          if (key2 !== 'id' && key2 !== 'share') return false;
          keys++;
        }
        if (keys !== 2 || !isIdText(part.id) || !isDecimalInput(part.share, true)) return false;
      }
    } else return false;
  }
  shape.memberKeys = memberKeys;
  return true;
}

/** Whether `value` is a real calendar date `YYYY-MM-DD` (Gregorian, checked by hand; years 0–99 by `isIsoDate`). */
function isDateText(value: unknown): boolean {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45)
    return false;
  for (let k = 0; k < 10; k++) {
    if (k === 4 || k === 7) continue;
    const c = value.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  const month = (value.charCodeAt(5) - 48) * 10 + value.charCodeAt(6) - 48;
  const day = (value.charCodeAt(8) - 48) * 10 + value.charCodeAt(9) - 48;
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  const year = Number(value.slice(0, 4));
  if (year < 100) return isIsoDate(value); // leave years 0–99 to the calendar check itself
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/**
 * Checks that `text` is a plain decimal (exactly `DECIMAL_PATTERN`, at most
 * `MAX_DECIMAL_LENGTH` characters) and, on the way, reads it into minor units: `shape.minor` is
 * the exact amount when it has at most 15 digits in minor units and no non-zero digit beyond
 * the currency's decimals, else `NaN` (then `parseAmount` decides: a bigint, or `INVALID_AMOUNT`).
 * Returns `false` when `text` is not a plain decimal.
 */
export function scanAmount(text: string, digits: number, shape: FactShape): boolean {
  const length = text.length;
  if (length === 0 || length > MAX_DECIMAL_LENGTH) return false;
  let k = 0;
  const negative = text.charCodeAt(0) === 45;
  if (negative) k = 1;
  if (k >= length) return false;
  let whole = 0;
  let wholeDigits = 0;
  let c = text.charCodeAt(k);
  if (c === 48) {
    k++;
    wholeDigits = 1;
  } else if (c >= 49 && c <= 57) {
    while (k < length) {
      c = text.charCodeAt(k);
      if (c < 48 || c > 57) break;
      whole = whole * 10 + (c - 48);
      wholeDigits++;
      k++;
    }
  } else return false;
  let fraction = 0;
  let fractionDigits = 0;
  let exact = true;
  if (k < length) {
    if (text.charCodeAt(k) !== 46) return false;
    k++;
    if (k >= length) return false;
    while (k < length) {
      c = text.charCodeAt(k);
      if (c < 48 || c > 57) return false;
      if (fractionDigits < digits) fraction = fraction * 10 + (c - 48);
      else if (c !== 48) exact = false;
      fractionDigits++;
      k++;
    }
  }
  if (!exact || wholeDigits + digits > 15) {
    shape.minor = Number.NaN;
    return true;
  }
  const used = fractionDigits < digits ? fractionDigits : digits;
  const minor = whole * 10 ** digits + fraction * 10 ** (digits - used);
  shape.minor = negative && minor !== 0 ? -minor : minor;
  return true;
}

/**
 * Reads an amount straight into minor units without a decimal object: a `number` when it has at
 * most 15 significant digits (so `parseFloat × 10^digits` rounds back exactly and stays below
 * 2^50), a `bigint` otherwise. `undefined` (with an issue) when it has too many decimals.
 */
function parseAmount(
  value: string | number,
  digits: number,
  path: IssuePath,
  issues: IssueList,
): number | bigint | undefined {
  const text = typeof value === 'number' ? decimalText(value) : value;
  const dot = text.indexOf('.');
  const negative = text.charCodeAt(0) === 45;
  const wholeDigits = (dot === -1 ? text.length : dot) - (negative ? 1 : 0);
  if (dot !== -1 && text.length - dot - 1 > digits) {
    for (let k = dot + 1 + digits; k < text.length; k++) {
      if (text.charCodeAt(k) !== 48) {
        issues.add(
          'INVALID_AMOUNT',
          path,
          `${text} has more than ${digits} decimal${digits === 1 ? '' : 's'}, the currency's minor unit`,
        );
        return undefined;
      }
    }
  }
  if (wholeDigits + digits <= 15) {
    const minor = Math.round(Number.parseFloat(text) * 10 ** digits);
    return minor === 0 ? 0 : minor; // no −0
  }
  return parseMinor(text, digits, path);
}

function credit(
  dim: DimensionState,
  m: number,
  amount: number | bigint,
  fact: ParsedFact,
  exclusions: CreditExclusion[],
  split: boolean,
): void {
  if (dim.hasWindows) {
    const start = dim.starts[m];
    const end = dim.ends[m];
    const reason =
      start !== undefined && fact.date < start
        ? 'beforeStart'
        : end !== undefined && fact.date > end
          ? 'afterEnd'
          : undefined;
    if (reason !== undefined) {
      if (typeof amount === 'number') {
        const sum = (dim.excludedLow[m] as number) + amount;
        if (sum > FLUSH || sum < -FLUSH) {
          dim.excludedHigh[m] = (dim.excludedHigh[m] as bigint) + BigInt(sum);
          dim.excludedLow[m] = 0;
        } else dim.excludedLow[m] = sum;
      } else dim.excludedHigh[m] = (dim.excludedHigh[m] as bigint) + amount;
      exclusions.push({
        fact: fact.id,
        dimension: dim.id,
        member: dim.memberIds[m] as string,
        date: fact.date,
        amount: String(amount), // minor units for now; formatted in `assemble`
        reason,
        start: start ?? null,
        end: end ?? null,
      });
      return;
    }
  }
  if (typeof amount === 'number') {
    const sum = (dim.low[m] as number) + amount;
    if (sum > FLUSH || sum < -FLUSH) {
      dim.high[m] = (dim.high[m] as bigint) + BigInt(sum);
      dim.low[m] = 0;
    } else dim.low[m] = sum;
  } else dim.high[m] = (dim.high[m] as bigint) + amount;
  dim.facts[m] = (dim.facts[m] as number) + 1;
  if (split) dim.splitFacts[m] = (dim.splitFacts[m] as number) + 1;
}

/**
 * Splits one fact's amount by a plan's shares with the core largest-remainder method. Runs the
 * core's `number` kernel directly when |amount|·max(w) + Σw stays below 2^52 (the common case:
 * yuan amounts and shares with a few decimals), skipping `allocateScaled`'s per-call BigInt
 * checks; otherwise goes through `allocateScaled`. Same algorithm, same tie rule either way.
 */
function splitAmount(amount: number | bigint, plan: SplitPlan): ReadonlyArray<number | bigint> {
  if (
    typeof amount === 'number' &&
    plan.maxWeight >= 0 &&
    Math.abs(amount) * plan.maxWeight + plan.weightSum < NUMBER_KERNEL_LIMIT
  ) {
    const magnitude = amount < 0 ? -amount : amount;
    const { parts } = largestRemainder(numberCalculator, magnitude, plan.weights.values as number[], plan.ids);
    if (amount >= 0) return parts;
    const negated = new Array<number>(parts.length);
    for (let j = 0; j < parts.length; j++) negated[j] = -(parts[j] as number) || 0;
    return negated;
  }
  return allocateScaled(typeof amount === 'number' ? BigInt(amount) : amount, plan.weights, plan.ids)?.parts ?? [];
}

/** The cached plan of a split, validated once: known members, no repeats, shares summing to 1. */
function splitPlan(dim: DimensionState, split: readonly { id: string; share: string | number }[]): SplitPlan {
  // Most data repeats a few splits: find them by first member and compare, without building a
  // key. Past BUCKET_LIMIT distinct splits per first member, fall back to a full text key so
  // that many distinct splits stay O(1) each.
  const key = (split[0] as { id: string }).id;
  const bucket = dim.splits.get(key);
  let textKey: string | undefined;
  if (bucket !== undefined) {
    for (const cached of bucket) if (sameSplit(cached.source, split)) return cached;
    if (bucket.length >= BUCKET_LIMIT) {
      textKey = '';
      for (const part of split) textKey += `${part.id}\u0000${typeof part.share}${String(part.share)}\u0001`;
      const cached = dim.splitsByText.get(textKey);
      if (cached !== undefined) return cached;
    }
  }

  const problems: SplitPlan['problems'] = [];
  const members = new Int32Array(split.length);
  const ids: string[] = [];
  const texts: string[] = [];
  const seen = new Map<string, number>();
  let sum = new Dec(0);
  split.forEach((part, j) => {
    const m = dim.index.get(part.id);
    if (m === undefined)
      problems.push({
        code: 'UNKNOWN_REFERENCE',
        path: [j, 'id'],
        message: `"${part.id}" is not a member of dimension "${dim.id}"`,
      });
    members[j] = m ?? -1;
    const first = seen.get(part.id);
    if (first !== undefined)
      problems.push({
        code: 'DUPLICATE_ID',
        path: [j, 'id'],
        message: `member "${part.id}" is already in this split at [${first}]`,
      });
    else seen.set(part.id, j);
    ids.push(part.id);
    const text = decimalText(part.share);
    texts.push(text.startsWith('-') ? text.slice(1) : text);
    sum = sum.plus(text);
  });
  if (!sum.eq(1))
    problems.push({
      code: 'WEIGHTS_DO_NOT_SUM',
      path: [],
      message: `the shares of a split sum to ${sum.toFixed()}, not 1`,
    });
  const weights = scaleWeightTexts(texts);
  let weightSum = -1;
  let maxWeight = -1;
  if (weights.kind === 'number') {
    weightSum = 0;
    for (const weight of weights.values) {
      weightSum += weight;
      if (weight > maxWeight) maxWeight = weight;
    }
  }
  const source = split.map((part) => ({ id: part.id, share: part.share }));
  const plan: SplitPlan = { source, members, ids, weights, weightSum, maxWeight, problems };
  if (bucket === undefined) dim.splits.set(key, [plan]);
  else if (textKey === undefined) bucket.push(plan);
  else dim.splitsByText.set(textKey, plan);
  return plan;
}

/** Whether two splits list the same members with the same shares, written the same way, in the same order. */
function sameSplit(
  a: readonly { id: string; share: string | number }[],
  b: readonly { id: string; share: string | number }[],
): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) {
    const x = a[j] as { id: string; share: string | number };
    const y = b[j] as { id: string; share: string | number };
    if (x.id !== y.id || x.share !== y.share) return false;
  }
  return true;
}

function buildDimensions(parsed: ParsedHeader, digits: number, issues: IssueList): DimensionState[] {
  const dims: DimensionState[] = [];
  const seenDims = new Map<string, number>();
  parsed.dimensions.forEach((dimension, d) => {
    const first = seenDims.get(dimension.id);
    if (first !== undefined)
      issues.add(
        'DUPLICATE_ID',
        ['dimensions', d, 'id'],
        `dimension "${dimension.id}" is already declared at dimensions[${first}]`,
      );
    else seenDims.set(dimension.id, d);
    const count = dimension.members.length;
    const index = new Map<string, number>();
    const starts: (string | undefined)[] = [];
    const ends: (string | undefined)[] = [];
    const targets: (bigint | undefined)[] = [];
    let hasWindows = false;
    dimension.members.forEach((member, m) => {
      const path = ['dimensions', d, 'members', m];
      const firstMember = index.get(member.id);
      if (firstMember !== undefined)
        issues.add(
          'DUPLICATE_ID',
          [...path, 'id'],
          `member "${member.id}" is already declared at members[${firstMember}]`,
        );
      else index.set(member.id, m);
      starts.push(member.start);
      ends.push(member.end);
      if (member.start !== undefined || member.end !== undefined) hasWindows = true;
      if (member.start !== undefined && member.end !== undefined && member.end < member.start) {
        issues.add(
          'DATES_OUT_OF_ORDER',
          [...path, 'end'],
          `the window of "${member.id}" ends (${member.end}) before it starts (${member.start})`,
        );
      }
      let target: bigint | undefined;
      if (member.target !== undefined) {
        try {
          target = parseMinor(member.target, digits, [...path, 'target']);
          if (target <= 0n)
            issues.add(
              'OUT_OF_RANGE',
              [...path, 'target'],
              `a target must be more than zero, got ${decimalText(member.target)}`,
            );
        } catch (error) {
          if (!(error instanceof SynergyPayError)) throw error;
          for (const issue of error.issues) issues.add(issue.code, issue.path, issue.message);
        }
      }
      targets.push(target);
    });
    dims.push({
      id: dimension.id,
      memberIds: dimension.members.map((member) => member.id),
      index,
      starts,
      ends,
      hasWindows,
      prototypeKey: dimension.id in Object.prototype,
      targets,
      low: new Float64Array(count),
      high: new Array<bigint>(count).fill(0n),
      excludedLow: new Float64Array(count),
      excludedHigh: new Array<bigint>(count).fill(0n),
      facts: new Float64Array(count),
      splitFacts: new Float64Array(count),
      splits: new Map(),
      splitsByText: new Map(),
    });
  });
  return dims;
}

function reportDuplicateFacts(ids: readonly (string | undefined)[], keys: IdKeys, issues: IssueList): void {
  keys.duplicates((row, first) =>
    issues.add(
      'DUPLICATE_ID',
      ['facts', row, 'id'],
      `fact id "${ids[row] as string}" is already used at facts[${first}]`,
    ),
  );
}

function assemble(
  currency: string,
  digits: number,
  rounding: RoundingPolicy,
  factCount: number,
  total: bigint,
  dims: DimensionState[],
  exclusions: CreditExclusion[],
): CreditFactsResult {
  const totalText = formatMinor(total, digits);
  let credited = 0n;
  let conserved = true;
  const dimensions: DimensionCredit[] = [];
  const dimOrder = orderIds(dims.map((dim) => dim.id));
  for (const d of dimOrder) {
    const dim = dims[d] as DimensionState;
    let dimCredited = 0n;
    let dimExcluded = 0n;
    const members: MemberCredit[] = [];
    for (const m of orderIds(dim.memberIds)) {
      const amount = (dim.high[m] as bigint) + BigInt(dim.low[m] as number);
      const excluded = (dim.excludedHigh[m] as bigint) + BigInt(dim.excludedLow[m] as number);
      dimCredited += amount;
      dimExcluded += excluded;
      const amountText = formatMinor(amount, digits);
      const excludedText = formatMinor(excluded, digits);
      const facts = dim.facts[m] as number;
      const splitFacts = dim.splitFacts[m] as number;
      const trace = [
        traceStep(
          'interlock.credit',
          'credit = Σ amounts of the facts naming the member (its part of a split fact), dated inside its window',
          { dimension: dim.id, facts, splitFacts, excluded: excludedText },
          amountText,
        ),
      ];
      const target = dim.targets[m];
      let achievement: string | null = null;
      if (target !== undefined) {
        const targetText = formatMinor(target, digits);
        achievement = roundCoefficient(new Dec(amountText).div(targetText), rounding).toFixed(
          rounding.coefficientDecimals,
        );
        trace.push(
          traceStep(
            'interlock.achievement',
            'achievement = round(credit / target, coefficient decimals)',
            { credit: amountText, target: targetText, decimals: rounding.coefficientDecimals },
            achievement,
          ),
        );
      }
      members.push({
        id: dim.memberIds[m] as string,
        amount: amountText,
        excluded: excludedText,
        facts,
        splitFacts,
        target: target === undefined ? null : formatMinor(target, digits),
        achievement,
        trace,
      });
    }
    const holds = dimCredited + dimExcluded === total;
    conserved &&= holds;
    credited += dimCredited;
    const creditedText = formatMinor(dimCredited, digits);
    const excludedText = formatMinor(dimExcluded, digits);
    dimensions.push({
      id: dim.id,
      credited: creditedText,
      excluded: excludedText,
      conserved: holds,
      members,
      trace: [
        traceStep(
          'interlock.conservation',
          'Σ member credits + excluded = Σ fact amounts',
          { credited: creditedText, excluded: excludedText, total: totalText },
          holds ? 'holds' : 'fails',
        ),
      ],
    });
  }

  for (const exclusion of exclusions)
    (exclusion as { amount: string }).amount = formatMinor(BigInt(exclusion.amount), digits);
  exclusions.sort((a, b) =>
    a.fact !== b.fact
      ? a.fact < b.fact
        ? -1
        : 1
      : a.dimension !== b.dimension
        ? a.dimension < b.dimension
          ? -1
          : 1
        : a.member < b.member
          ? -1
          : a.member > b.member
            ? 1
            : 0,
  );

  const creditedText = formatMinor(credited, digits);
  const factor =
    total === 0n
      ? null
      : roundCoefficient(new Dec(creditedText).div(totalText), rounding).toFixed(rounding.coefficientDecimals);
  return {
    currency,
    factCount,
    total: totalText,
    dimensionCount: dims.length,
    credited: creditedText,
    factor,
    conserved,
    dimensions,
    exclusions,
    trace: [
      traceStep('interlock.total', 'total = Σ fact amounts (each sale counted once)', { facts: factCount }, totalText),
      traceStep(
        'interlock.credited',
        'credited = Σ over dimensions of Σ member credits (each sale counted once per dimension)',
        { dimensions: dims.length },
        creditedText,
      ),
      traceStep(
        'interlock.factor',
        'factor = round(credited / total, coefficient decimals)',
        { credited: creditedText, total: totalText, decimals: rounding.coefficientDecimals },
        factor ?? 'null (total is zero)',
      ),
    ],
  };
}

import { allocateScaled, scaleWeightTexts, type ScaledWeights } from '../core/allocate.js';
import { numberCalculator } from '../core/calculator.js';
import type { ErrorCode } from '../core/codes.js';
import { minorDigits } from '../core/currency.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import { fromZodError, IssueList, SynergyPayError, type IssuePath } from '../core/errors.js';
import { ExactSum, ExactSums } from '../core/exact.js';
import { fixedText, formatFixed, parseFixed, sumFixed } from '../core/fixed.js';
import { compareIds, IdKeys, orderIds } from '../core/ids.js';
import { largestRemainder } from '../core/largestRemainder.js';
import { formatAmount, formatMinor, minorNumber, parseMinor, pow10 } from '../core/money.js';
import { divideRounded, resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { compileCheck } from '../core/rows.js';
import { parseInput } from '../core/validate.js';
import { messages, step } from './messages.js';
import { creditFactsInputSchema, creditHeaderSchema, revenueFactSchema } from './schema.js';
import type { CreditDimension, CreditExclusion, CreditFactsInput, CreditFactsResult, CreditMember } from './types.js';
import type { CreditSplit, DimensionCredit, MemberCredit, RevenueFact } from './types.js';

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
  const header = creditHeaderSchema.safeParse(input);
  if (!header.success) {
    parseInput(creditFactsInputSchema, input); // throws every problem, the facts' with the header's
    throw fromZodError(header.error);
  }
  const { currency, dimensions, facts, rounding } = header.data;
  const plan = { currency, dimensions, rounding: resolveRounding(rounding) };
  return creditRevenue(plan, facts, { facts: ['facts'], dimensions: ['dimensions'] });
}

/** A crediting plan whose fields passed their schemas (the input's header, or a period plan's interlock). */
export interface CreditPlan {
  readonly currency: string;
  readonly dimensions: readonly CreditDimension[];
  readonly rounding: RoundingPolicy;
}

/** Where the rows came from: issues are raised at `[...facts, i, …]` and `[...dimensions, d, …]`. */
export interface CreditPaths {
  readonly facts: IssuePath;
  readonly dimensions: IssuePath;
}

/**
 * {@link creditFacts} once its header passed the schema: checks the dimensions and the facts (each
 * row by the schema's fast check, or by the schema itself when the check doubts it), credits every
 * fact and renders the result. The period run calls it with a plan's dimensions, the raw
 * `data.revenueFacts` and its own paths.
 *
 * @throws {@link SynergyPayError} with every problem found, at the caller's paths.
 */
export function creditRevenue(plan: CreditPlan, facts: readonly unknown[], at: CreditPaths): CreditFactsResult {
  const issues = new IssueList();
  const digits = minorDigits(plan.currency);
  const seen = new Map<string, number>();
  const dims = plan.dimensions.map((dimension, d) => {
    const first = firstIndex(seen, dimension.id, d);
    const where = `declared at dimensions[${String(first)}]`;
    if (first !== undefined)
      issues.add('DUPLICATE_ID', [...at.dimensions, d, 'id'], repeat('dimension', dimension.id, where));
    return dimensionState(dimension, [...at.dimensions, d], digits, issues);
  });
  const run: Crediting = { ...plan, digits, dims, at: at.facts, issues, total: new ExactSum(), exclusions: [] };
  creditRows(facts, run).duplicates((row, first) => {
    const id = (facts[row] as RevenueFact).id;
    issues.add('DUPLICATE_ID', [...at.facts, row, 'id'], repeat('fact id', id, `used at facts[${first}]`));
  });
  issues.throwIfAny();
  return renderCredits(run, facts.length);
}

/** One dimension being credited. */
interface DimensionState {
  readonly id: string;
  readonly members: readonly MemberState[];
  /** Each member's credit and excluded amount, and its facts and split facts (by member index). */
  readonly credits: ExactSums;
  readonly excluded: ExactSums;
  readonly facts: Float64Array;
  readonly splitFacts: Float64Array;
  readonly index: Map<string, number>;
  readonly hasWindows: boolean;
  /** Whether the id is also a key of `Object.prototype` (`constructor`, …): read facts' own keys only. */
  readonly prototypeKey: boolean;
  /** Each split seen, checked once: by its first member, then (past {@link BUCKET_LIMIT} of those) by its text. */
  readonly splits: Map<string, SplitPlan[]>;
  readonly splitsByText: Map<string, SplitPlan>;
}

/** One member being credited: its window and target, its running credit and exclusions. */
interface MemberState extends CreditMember {
  readonly targetMinor: bigint | undefined;
}

/** One crediting run. */
interface Crediting extends CreditPlan {
  readonly digits: number;
  readonly dims: readonly DimensionState[];
  /** The facts' path. */
  readonly at: IssuePath;
  readonly issues: IssueList;
  readonly total: ExactSum;
  /** What windows kept from members, in minor units until rendered. */
  readonly exclusions: (Omit<CreditExclusion, 'amount'> & { amount: number | bigint })[];
}

/** A checked split: member indexes and ids, shares as scaled integer weights, or the problems found. */
interface SplitPlan {
  /** The split as first seen (copied), to recognise it on later facts. */
  readonly source: readonly CreditSplit[];
  readonly members: Int32Array;
  readonly ids: string[];
  readonly weights: ScaledWeights;
  /** Σ and max of the weights when they are `number`s (for the fast path), else −1. */
  readonly weightSum: number;
  readonly maxWeight: number;
  readonly problems: { code: ErrorCode; path: IssuePath; message: string }[];
}

/** Bound below which the core's `number` kernel is exact (2^52 leaves room for float rounding of the check). */
const NUMBER_KERNEL_LIMIT = 2 ** 52;
/** Distinct splits per first member compared one by one before they are found by text. */
const BUCKET_LIMIT = 16;

const { repeat } = messages;

/** Records the first index of `id`; returns the earlier index when `id` repeats one. */
export function firstIndex(seen: Map<string, number>, id: string, i: number): number | undefined {
  const first = seen.get(id);
  if (first === undefined) seen.set(id, i);
  return first;
}

/** Minor units of a money input that passed its schema, or `undefined` with its issue (too many decimals). */
export function readMinor(value: DecimalInput, digits: number, path: IssuePath, issues: IssueList): bigint | undefined {
  try {
    return parseMinor(value, digits, path);
  } catch (error) {
    if (!(error instanceof SynergyPayError)) throw error;
    for (const issue of error.issues) issues.add(issue.code, issue.path, issue.message);
    return undefined;
  }
}

/** Checks one dimension's members (repeats, windows, targets) and sets up their running credits. */
function dimensionState(
  dimension: CreditDimension,
  path: IssuePath,
  digits: number,
  issues: IssueList,
): DimensionState {
  const index = new Map<string, number>();
  const members = dimension.members.map(({ id, start, end, target }, m): MemberState => {
    const at = [...path, 'members', m];
    const first = firstIndex(index, id, m);
    if (first !== undefined)
      issues.add('DUPLICATE_ID', [...at, 'id'], repeat('member', id, `declared at members[${first}]`));
    if (start !== undefined && end !== undefined && end < start)
      issues.add('DATES_OUT_OF_ORDER', [...at, 'end'], messages.outOfOrder(id, start, end));
    const targetMinor = target === undefined ? undefined : readMinor(target, digits, [...at, 'target'], issues);
    if (target !== undefined && targetMinor !== undefined && targetMinor <= 0n)
      issues.add('OUT_OF_RANGE', [...at, 'target'], messages.targetNotPositive(decimalText(target)));
    return { id, start, end, target, targetMinor };
  });
  const hasWindows = members.some((member) => member.start !== undefined || member.end !== undefined);
  const prototypeKey = dimension.id in Object.prototype;
  const count = members.length;
  const [credits, excluded] = [new ExactSums(count), new ExactSums(count)];
  const [facts, splitFacts] = [new Float64Array(count), new Float64Array(count)];
  const splits = { splits: new Map(), splitsByText: new Map() };
  return {
    id: dimension.id,
    members,
    credits,
    excluded,
    facts,
    splitFacts,
    index,
    hasWindows,
    prototypeKey,
    ...splits,
  };
}

/**
 * Reads and credits every fact in one pass (each row is read while it is in cache): the schema's
 * fast check, or the schema itself for a row the check doubts. Returns the facts' ids.
 */
function creditRows(rows: readonly unknown[], run: Crediting): IdKeys {
  const looksValid = compileCheck(revenueFactSchema) ?? (() => false);
  const ids = new IdKeys(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const fact = looksValid(row) ? (row as RevenueFact) : parseFact(row, i, run);
    ids.add(i, fact?.id);
    if (fact !== undefined) creditFact(fact, i, run);
  }
  return ids;
}

function parseFact(row: unknown, i: number, run: Crediting): RevenueFact | undefined {
  const parsed = revenueFactSchema.safeParse(row);
  // zod drops an own "__proto__" key of `members` (from JSON.parse): keep it, to refuse it as a dimension.
  if (parsed.success) return { ...parsed.data, members: (row as RevenueFact).members };
  for (const issue of fromZodError(parsed.error).issues) report(run, issue.code, [i, ...issue.path], issue.message);
  return undefined;
}

function report(run: Crediting, code: ErrorCode, path: IssuePath, message: string): void {
  run.issues.add(code, [...run.at, ...path], message);
}

/** Adds one fact to the total, and credits it to its member (or split) in every dimension. */
function creditFact(fact: RevenueFact, i: number, run: Crediting): void {
  const { id, currency, members } = fact;
  if (currency !== undefined && currency !== run.currency)
    report(
      run,
      'CURRENCY_MISMATCH',
      [i, 'currency'],
      messages.currencyMismatch(`fact "${id}" is`, currency, run.currency),
    );
  const minor = minorNumber(fact.amount, run.digits);
  const amount = Number.isNaN(minor) ? readMinor(fact.amount, run.digits, [...run.at, i, 'amount'], run.issues) : minor;
  if (amount === undefined) return;
  if (typeof amount === 'number') run.total.add(amount);
  else run.total.addBig(amount);
  let named = 0;
  let m: number | undefined;
  for (const dim of run.dims) {
    // A dimension named like an Object.prototype key ("constructor") must not read the prototype.
    const value = dim.prototypeKey && !Object.hasOwn(members, dim.id) ? undefined : members[dim.id];
    if (value === undefined) report(run, 'MISSING_DIMENSION', [i, 'members'], messages.missingDimension(id, dim.id));
    else if (typeof value !== 'string') creditSplit(dim, value, amount, fact, i, run);
    else if ((m = dim.index.get(value)) !== undefined) credit(dim, m, amount, fact, false, run);
    else report(run, 'UNKNOWN_REFERENCE', [i, 'members', dim.id], messages.notAMember(value, dim.id));
    if (value !== undefined) named++;
  }
  if (named < run.dims.length || hasMoreKeys(members, named))
    for (const key of Object.keys(members))
      if (!run.dims.some((dim) => dim.id === key))
        report(run, 'UNKNOWN_REFERENCE', [i, 'members', key], messages.notADimension(key));
}

/** Whether `members` has more own keys than `named`. */
function hasMoreKeys(members: object, named: number): boolean {
  let keys = 0;
  for (const _key in members) keys++; // an inherited key too: then Object.keys finds no unknown one
  return keys > named;
}

/** Credits `amount` to member `m`, or records it as excluded when the fact is dated outside m's window. */
function credit(
  dim: DimensionState,
  m: number,
  amount: number | bigint,
  fact: RevenueFact,
  split: boolean,
  run: Crediting,
): void {
  const member = dim.members[m]!;
  const { start, end } = member;
  const before = dim.hasWindows && start !== undefined && fact.date < start;
  const after = dim.hasWindows && !before && end !== undefined && fact.date > end;
  const sums = before || after ? dim.excluded : dim.credits;
  if (typeof amount === 'number') sums.add(m, amount);
  else sums.addBig(m, amount);
  if (before || after) {
    const reason = before ? 'beforeStart' : 'afterEnd';
    const exclusion = { fact: fact.id, dimension: dim.id, member: member.id, date: fact.date, amount, reason } as const;
    run.exclusions.push({ ...exclusion, start: start ?? null, end: end ?? null });
    return;
  }
  dim.facts[m]!++;
  if (split) dim.splitFacts[m]!++;
}

/** Credits each member of a split its largest-remainder part of the amount. */
function creditSplit(
  dim: DimensionState,
  split: readonly CreditSplit[],
  amount: number | bigint,
  fact: RevenueFact,
  i: number,
  run: Crediting,
): void {
  const plan = splitPlan(dim, split);
  for (const { code, path, message } of plan.problems) report(run, code, [i, 'members', dim.id, ...path], message);
  if (plan.problems.length > 0) return;
  const parts = splitAmount(amount, plan);
  for (let j = 0; j < plan.members.length; j++) credit(dim, plan.members[j]!, parts[j] ?? 0, fact, true, run);
}

/**
 * Splits one fact's amount by a plan's shares with the core largest-remainder method: its `number`
 * kernel directly when |amount|·max(w) + Σw stays below 2^52 (the common case: yuan amounts and
 * shares with a few decimals), skipping `allocateScaled`'s per-call BigInt checks; otherwise
 * `allocateScaled`. Same algorithm, same tie rule either way.
 */
function splitAmount(amount: number | bigint, plan: SplitPlan): ReadonlyArray<number | bigint> {
  const { maxWeight, weightSum, weights, ids } = plan;
  if (typeof amount !== 'number' || maxWeight < 0 || Math.abs(amount) * maxWeight + weightSum >= NUMBER_KERNEL_LIMIT)
    return allocateScaled(BigInt(amount), weights, ids)?.parts ?? [];
  const { parts } = largestRemainder(numberCalculator, Math.abs(amount), weights.values as number[], ids);
  return amount >= 0 ? parts : parts.map((part) => -part || 0);
}

/**
 * The checked plan of a split. Splits repeat (60/40 East/West): a split is found among those with
 * the same first member by comparing it, without building a key; past a few of those, by its text.
 */
function splitPlan(dim: DimensionState, split: readonly CreditSplit[]): SplitPlan {
  const first = split[0]!.id;
  const bucket = dim.splits.get(first) ?? [];
  for (const plan of bucket) if (sameSplit(plan.source, split)) return plan;
  const key = bucket.length < BUCKET_LIMIT ? undefined : split.map((p) => `${p.id.length}:${p.id}${p.share}`).join();
  const known = key === undefined ? undefined : dim.splitsByText.get(key);
  if (known !== undefined) return known;
  const plan = checkSplit(dim, split);
  if (key !== undefined) dim.splitsByText.set(key, plan);
  else dim.splits.set(first, [...bucket, plan]);
  return plan;
}

/** Whether two splits name the same members with the same shares, written alike, in the same order. */
function sameSplit(a: readonly CreditSplit[], b: readonly CreditSplit[]): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j]!.id !== b[j]!.id || a[j]!.share !== b[j]!.share) return false;
  return true;
}

/** Checks a split once: known members, no repeats, shares summing to exactly 1. */
function checkSplit(dim: DimensionState, split: readonly CreditSplit[]): SplitPlan {
  const problems: SplitPlan['problems'] = [];
  const seen = new Map<string, number>();
  const members = Int32Array.from(split, ({ id }, j) => {
    const m = dim.index.get(id);
    const first = firstIndex(seen, id, j);
    if (m === undefined)
      problems.push({ code: 'UNKNOWN_REFERENCE', path: [j, 'id'], message: messages.notAMember(id, dim.id) });
    if (first !== undefined)
      problems.push({
        code: 'DUPLICATE_ID',
        path: [j, 'id'],
        message: repeat('member', id, `in this split at [${first}]`),
      });
    return m ?? -1;
  });
  const texts = split.map((part) => decimalText(part.share).replace(/^-/, '')); // shares ≥ 0: only "-0…" has a sign
  const sum = formatFixed(sumFixed(texts.map(parseFixed)));
  if (sum !== '1') problems.push({ code: 'WEIGHTS_DO_NOT_SUM', path: [], message: messages.sharesSum(sum) });
  const weights = scaleWeightTexts(texts);
  const numbers = weights.kind === 'number' ? weights.values : [-1];
  const weightSum = weights.kind === 'number' ? numbers.reduce((a, b) => a + b, 0) : -1;
  const source = split.map(({ id, share }) => ({ id, share }));
  return {
    source,
    members,
    ids: split.map((part) => part.id),
    weights,
    weightSum,
    maxWeight: Math.max(...numbers),
    problems,
  };
}

/** round(part / whole, coefficient decimals) of two amounts in minor units, as text. */
function ratio(part: bigint, whole: bigint, { coefficientDecimals, mode }: RoundingPolicy): string {
  const [numerator, denominator] = whole < 0n ? [-part, -whole] : [part, whole]; // returns may make a total negative
  return fixedText(divideRounded(numerator * pow10(coefficientDecimals), denominator, mode), coefficientDecimals);
}

/** Σ of the first `count` totals. */
function sumOf(sums: ExactSums, count: number): bigint {
  let sum = 0n;
  for (let i = 0; i < count; i++) sum += sums.value(i);
  return sum;
}

function renderCredits(run: Crediting, factCount: number): CreditFactsResult {
  const { digits, rounding, dims } = run;
  const total = run.total.value();
  const dimensions = Array.from(orderIds(dims.map((dim) => dim.id)), (d) => renderDimension(dims[d]!, total, run));
  const credited = dims.reduce((sum, dim) => sum + sumOf(dim.credits, dim.members.length), 0n);
  const [totalText, creditedText] = [formatMinor(total, digits), formatMinor(credited, digits)];
  const factor = total === 0n ? null : ratio(credited, total, rounding);
  const decimals = rounding.coefficientDecimals;
  const exclusions = run.exclusions
    .map((exclusion) => ({ ...exclusion, amount: formatAmount(exclusion.amount, digits) }))
    .sort(
      (a, b) => compareIds(a.fact, b.fact) || compareIds(a.dimension, b.dimension) || compareIds(a.member, b.member),
    );
  return {
    currency: run.currency,
    factCount,
    total: totalText,
    dimensionCount: dims.length,
    credited: creditedText,
    factor,
    conserved: dimensions.every((dimension) => dimension.conserved),
    dimensions,
    exclusions,
    trace: [
      step('total', { facts: factCount }, totalText),
      step('credited', { dimensions: dims.length }, creditedText),
      step('factor', { credited: creditedText, total: totalText, decimals }, factor ?? 'null (total is zero)'),
    ],
  };
}

/** One dimension's members (ordered by id) and its conservation check: Σ credits + excluded = total. */
function renderDimension(dim: DimensionState, total: bigint, run: Crediting): DimensionCredit {
  const members = Array.from(orderIds(dim.members.map((member) => member.id)), (m) => renderMember(dim, m, run));
  const credited = sumOf(dim.credits, dim.members.length);
  const excluded = sumOf(dim.excluded, dim.members.length);
  const conserved = credited + excluded === total;
  const [creditedText, excludedText] = [formatMinor(credited, run.digits), formatMinor(excluded, run.digits)];
  const inputs = { credited: creditedText, excluded: excludedText, total: formatMinor(total, run.digits) };
  const trace = [step('conservation', inputs, conserved ? 'holds' : 'fails')];
  return { id: dim.id, credited: creditedText, excluded: excludedText, conserved, members, trace };
}

function renderMember(dim: DimensionState, m: number, { digits, rounding }: Crediting): MemberCredit {
  const { id, targetMinor } = dim.members[m]!;
  const [facts, splitFacts, credit] = [dim.facts[m]!, dim.splitFacts[m]!, dim.credits.value(m)];
  const [amount, excluded] = [formatMinor(credit, digits), formatMinor(dim.excluded.value(m), digits)];
  const dimension = dim.id;
  const trace = [step('credit', { dimension, facts, splitFacts, excluded }, amount)];
  if (targetMinor === undefined)
    return { id, amount, excluded, facts, splitFacts, target: null, achievement: null, trace };
  const target = formatMinor(targetMinor, digits);
  const achievement = ratio(credit, targetMinor, rounding);
  trace.push(
    step('memberAchievement', { credit: amount, target, decimals: rounding.coefficientDecimals }, achievement),
  );
  return { id, amount, excluded, facts, splitFacts, target, achievement, trace };
}

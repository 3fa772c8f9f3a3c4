import { minorDigits } from '../core/currency.js';
import { decimalText } from '../core/decimalInput.js';
import { comparePaths, IssueList, SynergyPayError, type IssuePath } from '../core/errors.js';
import { parseFixed } from '../core/fixed.js';
import { gather, orderUnique } from '../core/ids.js';
import { splitAmounts } from '../core/largestRemainder.js';
import {
  addAmounts,
  type Amount,
  formatAmount,
  formatMinor,
  isCanonicalMoney,
  readAmount,
  sumAmounts,
  toAmount,
} from '../core/money.js';
import { divideRounded, divideRoundedNumber, resolveRounding, type RoundingMode } from '../core/rounding.js';
import { NO_TRACE, traceStep, type TraceStep } from '../core/trace.js';
import { parseWithRows } from '../core/rows.js';
import { carvePoolInputSchema } from './schema.js';
import type {
  CarvePoolInput,
  ContributionRounding,
  CarvePoolResult,
  CarveRow,
  ClawbackInput,
  ReversalLine,
} from './types.js';

// ── the carve after validation, shared with the period run ──────────────────

/** A clawback, read: minor units (≤ 0), the rate its sale was carved at, where it came from. */
export interface CarveClawback {
  readonly id: string;
  readonly amount: Amount;
  readonly rate: string | undefined;
  readonly at: IssuePath;
}

/** The commissions to carve, one row per person; an issue about row i's `field` goes to `at(i, field)`. */
export interface CarveCommissions {
  readonly ids: readonly string[];
  readonly amounts: readonly Amount[];
  /** Each person's clawbacks, for the rows that have any. */
  readonly clawbacks: ReadonlyMap<number, readonly CarveClawback[]>;
  readonly at: (i: number, field: string) => IssuePath;
}

/** The terms of a carve: the rate p as decimal text; issues about them go to `[...at, field]`. */
export interface CarveTerms {
  readonly rate: string;
  readonly policy: 'net' | 'reverse' | null;
  readonly rounding: ContributionRounding;
  readonly mode: RoundingMode;
  readonly at: IssuePath;
}

/** A carve's figures in minor units, rows in input order. */
export type Carve = NonNullable<ReturnType<typeof carveCommissions>>;

/** A rate in [0, 1] as an exact fraction, or an issue at `path`. */
function readRate(text: string, path: IssuePath, issues: IssueList): { n: bigint; d: bigint } | undefined {
  const { n, scale } = parseFixed(text);
  const d = 10n ** BigInt(scale);
  if (n >= 0n && n <= d) return { n, d };
  issues.add('OUT_OF_RANGE', path, `rate ${text} is outside [0, 1]`);
  return undefined;
}

/** Checks each clawback (its sale id and rate); under `"reverse"`, its reversal = round(rate₀ × clawback). */
function reversalsOf(commissions: CarveCommissions, terms: CarveTerms, issues: IssueList): Map<number, bigint[]> {
  const reversals = new Map<number, bigint[]>();
  for (const [i, list] of commissions.clawbacks) {
    const seen = new Set<string>();
    const given: bigint[] = [];
    for (const { id, amount, rate: text, at } of list) {
      if (seen.has(id)) issues.add('DUPLICATE_ID', [...at, 'id'], `sale "${id}" is listed twice for this person`);
      seen.add(id);
      const rate = text === undefined ? undefined : readRate(text, [...at, 'rate'], issues);
      if (text === undefined && terms.policy === 'reverse')
        issues.add(
          'INVALID_INPUT',
          [...at, 'rate'],
          'under clawbackPolicy "reverse" each clawback needs the rate originally applied to the sale',
        );
      if (rate !== undefined) given.push(divideRounded(BigInt(amount) * rate.n, rate.d, terms.mode));
    }
    if (terms.policy === 'reverse') reversals.set(i, given);
  }
  return reversals;
}

/** Refuses negative commission without a declared policy, and a negative amount under `"reverse"`. */
function checkSigns({ amounts, clawbacks, at }: CarveCommissions, terms: CarveTerms, issues: IssueList): void {
  if (terms.policy === null && (clawbacks.size > 0 || amounts.some((amount) => amount < 0)))
    issues.add(
      'INVALID_INPUT',
      [...terms.at, 'clawbackPolicy'],
      'there is negative commission: declare clawbackPolicy "net" or "reverse"',
    );
  if (terms.policy === 'reverse')
    amounts.forEach((amount, i) => {
      if (amount < 0)
        issues.add(
          'NEGATIVE_VALUE',
          at(i, 'amount'),
          'under clawbackPolicy "reverse" the period\'s amount is ≥ 0; list refunds as clawbacks with their original rate',
        );
    });
}

/** grossᵢ = amountᵢ + Σ clawbacksᵢ; baseᵢ = amountᵢ under `"reverse"`, else max(grossᵢ, 0). */
function grossAndBase({ amounts, clawbacks }: CarveCommissions, policy: CarveTerms['policy']) {
  const gross = clawbacks.size === 0 ? (amounts as Amount[]) : amounts.slice();
  for (const [i, list] of clawbacks) for (const clawback of list) gross[i] = addAmounts(gross[i]!, clawback.amount);
  if (policy === 'reverse') return { gross, base: amounts };
  return { gross, base: gross.some((value) => value < 0) ? gross.map((value) => (value < 0 ? 0 : value)) : gross };
}

/**
 * Each row's share of the carve. Per person (SPEC §3.5's default): shareᵢ = round(p · baseᵢ), so
 * a row's share depends on that row alone. Pooled: round(p · Σ base) split by largest remainder.
 */
function sharesOf(p: { n: bigint; d: bigint }, base: readonly Amount[], ids: readonly string[], terms: CarveTerms) {
  if (terms.rounding === 'pooled')
    return splitAmounts(divideRounded(p.n * sumAmounts(base), p.d, terms.mode), base, ids)!.parts;
  const share = new Array<Amount>(base.length);
  const exact = p.n <= BigInt(Number.MAX_SAFE_INTEGER) && p.d <= BigInt(Number.MAX_SAFE_INTEGER);
  const [n, d] = exact ? [Number(p.n), Number(p.d)] : [Number.NaN, Number.NaN];
  for (let i = 0; i < base.length; i++) {
    const b = base[i]!;
    const product = typeof b === 'number' ? n * b : Number.NaN;
    share[i] = Number.isSafeInteger(product)
      ? divideRoundedNumber(product, d, terms.mode)
      : toAmount(divideRounded(p.n * BigInt(b), p.d, terms.mode));
  }
  return share;
}

/**
 * The carve (seed 001; SPEC §3.5): each row's share (per person, or pooled by largest remainder)
 * and the reversals; carved = Σ shares. Checks the commissions against
 * the terms first: `undefined` when an issue was found (in `issues`, at the caller's paths).
 */
export function carveCommissions(commissions: CarveCommissions, terms: CarveTerms, issues: IssueList) {
  const p = readRate(terms.rate, [...terms.at, 'rate'], issues);
  checkSigns(commissions, terms, issues);
  const reversals = reversalsOf(commissions, terms, issues);
  const message = (id: string, first: number) => `person "${id}" already has a row at commissions[${first}]`;
  const { ids, clawbacks } = commissions;
  const order = orderUnique(ids, (i) => commissions.at(i, 'id'), message, issues);
  if (p === undefined || issues.size > 0) return undefined;
  const { gross, base } = grossAndBase(commissions, terms.policy);
  const baseSum = sumAmounts(base);
  const share = sharesOf(p, base, ids, terms); // pooled: carved ≤ Σ base, so some base is positive unless 0
  const carved = sumAmounts(share);
  let reversed = 0n;
  for (const list of reversals.values()) for (const reversal of list) reversed += reversal;
  const totals = { gross: sumAmounts(gross), base: baseSum, carved, reversed, pool: carved + reversed };
  return {
    ...terms,
    ids,
    order,
    gross,
    base,
    share,
    clawbacks,
    reversals,
    totals: { ...totals, net: totals.gross - totals.pool },
  };
}

/**
 * What contribution rows are written from: a carve, or some of its rows (a shard of a sharded
 * period run writes its contributors' rows, issue 20).
 */
export type CarveSource = Pick<
  Carve,
  'ids' | 'gross' | 'base' | 'share' | 'rounding' | 'rate' | 'clawbacks' | 'reversals'
>;

/** Row i's contribution: its share plus its reversals. */
export function contributionOf(carve: CarveSource, i: number): Amount {
  let contribution = carve.share[i]!;
  for (const reversal of carve.reversals.get(i) ?? []) contribution = addAmounts(contribution, toAmount(reversal));
  return contribution;
}

/** A shared, frozen empty list for the many rows without reversals. */
const NO_REVERSALS: ReversalLine[] = /* @__PURE__ */ Object.freeze([]) as unknown as ReversalLine[];
const NET_FORMULA = {
  perPerson: 'net = gross − contribution; contribution = share + Σ reversals, share = round(p × base)',
  pooled:
    'net = gross − contribution; contribution = share + Σ reversals, share = the largest-remainder part of the carved pool by base',
} as const;

/** Row i's reversal lines (under `"reverse"`). */
function reversalLines(carve: CarveSource, i: number, digits: number): ReversalLine[] {
  const clawbacks = carve.clawbacks.get(i)!;
  return (carve.reversals.get(i) ?? []).map((reversal, c) => ({
    sale: clawbacks[c]!.id,
    rate: clawbacks[c]!.rate!,
    base: formatAmount(clawbacks[c]!.amount, digits),
    amount: formatMinor(reversal, digits),
  }));
}

/**
 * The rows of a carve in input order. `texts[i]`, when given, is row i's amount already written as
 * the result writes it: reused as the gross (a million rows then skip a million formatting calls).
 * A row's trace is one step with every figure of the row: three objects a row, not five.
 */
export function carveRows(carve: Carve, digits: number, withTrace: boolean, texts?: readonly (string | undefined)[]) {
  const rows = new Array<CarveRow>(carve.ids.length);
  for (let i = 0; i < rows.length; i++) rows[i] = carveRow(carve, i, digits, withTrace, texts?.[i]);
  return rows;
}

/**
 * Row i of a carve (see {@link carveRows}; `text`, row i's amount as the result writes it), built
 * when asked for: a period run builds each contributor's row while it writes their statement.
 */
export function carveRow(carve: CarveSource, i: number, digits: number, withTrace: boolean, text?: string): CarveRow {
  const { ids, gross, base, share } = carve;
  const formula = NET_FORMULA[carve.rounding];
  const g = gross[i]!;
  const grossText = (carve.clawbacks.has(i) ? undefined : text) ?? formatAmount(g, digits);
  const baseText = base[i] === g ? grossText : formatAmount(base[i]!, digits); // mostly base = gross
  const shareText = formatAmount(share[i]!, digits);
  const lines = carve.reversals.has(i) ? reversalLines(carve, i, digits) : NO_REVERSALS;
  const contribution = lines === NO_REVERSALS ? share[i]! : contributionOf(carve, i);
  const contributionText = lines === NO_REVERSALS ? shareText : formatAmount(contribution, digits);
  const net = formatAmount(addAmounts(g, -contribution), digits);
  // Keys in sorted order: the shape `traceStep` builds, without its per-row sort.
  const inputs = {
    base: baseText,
    contribution: contributionText,
    gross: grossText,
    reversals: String(lines.length),
    share: shareText,
  };
  return {
    id: ids[i]!,
    gross: grossText,
    base: baseText,
    rate: carve.rate,
    share: shareText,
    reversals: lines,
    contribution: contributionText,
    net,
    trace: withTrace ? [{ rule: 'pool.net', formula, inputs, result: net }] : NO_TRACE,
  };
}

/** The steps of the totals: carved, reversed, pool, and Σ net + pool = Σ gross. */
export function carveTrace(carve: Carve, digits: number): TraceStep[] {
  const t = carve.totals;
  const f = (minor: bigint) => formatMinor(minor, digits);
  return [
    traceStep(
      'pool.carve',
      carve.rounding === 'pooled'
        ? 'carved = round(p × Σ base)'
        : 'carved = Σ round(p × baseᵢ), each contribution rounded on its own',
      { p: carve.rate, 'Σ base': f(t.base), mode: carve.mode, people: carve.ids.length },
      f(t.carved),
    ),
    traceStep(
      'pool.reverse',
      'reversed = Σ round(rate₀ × clawback) over clawed-back sales',
      { policy: carve.policy ?? 'none' },
      f(t.reversed),
    ),
    traceStep('pool.total', 'pool = carved + reversed', { carved: f(t.carved), reversed: f(t.reversed) }, f(t.pool)),
    traceStep('pool.conservation', 'Σ net + pool = Σ gross', { 'Σ net': f(t.net), pool: f(t.pool) }, f(t.gross)),
  ];
}

// ── carvePool: the validated public entry ────────────────────────────────────

/** Person i's clawbacks in minor units; a positive one is refused. */
function readClawbacks(list: readonly ClawbackInput[], i: number, digits: number, issues: IssueList): CarveClawback[] {
  return list.map((clawback, c) => {
    const at = ['commissions', i, 'clawbacks', c];
    const amount = readAmount(clawback.amount, digits, [...at, 'amount'], issues);
    if (amount > 0)
      issues.add(
        'OUT_OF_RANGE',
        [...at, 'amount'],
        `a clawback takes commission back: write it as zero or negative, not ${clawback.amount}`,
      );
    return { id: clawback.id, amount, rate: clawback.rate === undefined ? undefined : decimalText(clawback.rate), at };
  });
}

/** The commission rows in minor units, each touched once, and the amount texts the result can reuse as they are. */
function readCommissions(input: CarvePoolInput, digits: number, issues: IssueList) {
  const rows = input.commissions;
  const ids = new Array<string>(rows.length);
  const amounts = new Array<Amount>(rows.length);
  const texts = new Array<string | undefined>(rows.length);
  const clawbacks = new Map<number, CarveClawback[]>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    ids[i] = row.id;
    const amount = (amounts[i] = readAmount(row.amount, digits, ['commissions', i, 'amount'], issues));
    if (typeof amount === 'number' && isCanonicalMoney(row.amount, amount, digits)) texts[i] = row.amount;
    if (row.currency !== undefined && row.currency !== input.currency)
      issues.add(
        'CURRENCY_MISMATCH',
        ['commissions', i, 'currency'],
        `${row.currency} differs from the plan's currency ${input.currency}`,
      );
    if (row.clawbacks !== undefined && row.clawbacks.length > 0)
      clawbacks.set(i, readClawbacks(row.clawbacks, i, digits, issues));
  }
  const at = (i: number, field: string) => ['commissions', i, field];
  return { commissions: { ids, amounts, clawbacks, at }, texts };
}

/**
 * Carves the back-office support pool [后端支撑奖励池] out of the front line's gross commissions
 * (seed 001; SPEC §3.5): each person's contribution is round(p · base) at the plan's rounding
 * mode and the pool is their sum — so correcting one person's rows changes nobody else's
 * contribution — and net = gross − contribution, so **Σ net + pool = Σ gross exactly**. With
 * `contributionRounding: "pooled"` the pool is rounded once, round(p · Σ base), and allocated over
 * the bases by largest remainder.
 *
 * Negative commission (a clawback of a refunded sale) follows a declared `clawbackPolicy`, never
 * an accident: `"net"` nets a person's clawbacks against their gross and lets only a positive
 * net contribute (base = max(gross, 0)); `"reverse"` carves the period's own sales
 * (base = amount) and gives back each refunded sale's earlier contribution at the rate it was
 * carved at: reversal = round(rate · clawback). Every row records the rate used for its carve, every reversal line its own.
 *
 * **Formula.** shareᵢ = round(p · baseᵢ) (pooled: largestRemainder(round(p · Σ base), base)ᵢ);
 * carved = Σ shareᵢ; contributionᵢ = shareᵢ + Σ reversalsᵢ; pool = carved + Σ reversals;
 * netᵢ = grossᵢ − contributionᵢ.
 *
 * **References.** Seed 001 (10 %, 12 %, 15 % of front-line commission to the back office);
 * largest-remainder method as in {@link allocate}.
 *
 * @param input - `currency`, `rate` (0–1), `commissions` (`id`, `amount`, optional `currency`,
 *   `clawbacks` of `{ id, amount ≤ 0, rate }`), optional `clawbackPolicy`, `contributionRounding`,
 *   `rounding`, `trace`.
 * @returns Totals (`gross`, `base`, `carved`, `reversed`, `pool`, `net`), one row per person
 *   ordered by id with the rate, share and reversal lines used, and traces.
 * @throws {@link SynergyPayError} `INVALID_INPUT` (shape; a missing `clawbackPolicy` or clawback
 *   `rate`), `INVALID_DECIMAL`, `INVALID_AMOUNT`, `OUT_OF_RANGE` (a rate outside [0, 1], a positive
 *   clawback), `NEGATIVE_VALUE` (a negative amount under `"reverse"`), `UNKNOWN_CURRENCY`,
 *   `CURRENCY_MISMATCH`, `DUPLICATE_ID`.
 *
 * @example
 * ```ts
 * import { carvePool } from 'synergy-pay';
 * const carve = carvePool({
 *   currency: 'CNY',
 *   rate: '0.12',
 *   commissions: [
 *     { id: 'cs-a', amount: '30000.00' },
 *     { id: 'cs-b', amount: '25000.00' },
 *     { id: 'cs-c', amount: '18333.33' },
 *   ],
 * });
 * // carve.pool → '8800.00'; contributions 3600.00, 3000.00, 2200.00
 * ```
 */
export function carvePool(input: CarvePoolInput): CarvePoolResult {
  const parsed = parseWithRows(carvePoolInputSchema, input, 'commissions');
  const digits = minorDigits(parsed.currency);
  const issues = new IssueList();
  const { commissions, texts } = readCommissions(parsed, digits, issues);
  const rate = decimalText(parsed.rate);
  const policy = parsed.clawbackPolicy ?? null;
  const rounding = parsed.contributionRounding ?? 'perPerson';
  const carve = carveCommissions(
    commissions,
    { rate, policy, rounding, mode: resolveRounding(parsed.rounding).mode, at: [] },
    issues,
  );
  if (carve === undefined) throw new SynergyPayError(issues.items.sort((a, b) => comparePaths(a.path, b.path)));
  const { gross, base, carved, reversed, pool, net } = carve.totals;
  const f = (minor: bigint) => formatMinor(minor, digits);
  return {
    currency: parsed.currency,
    rate,
    clawbackPolicy: policy,
    contributionRounding: rounding,
    gross: f(gross),
    base: f(base),
    carved: f(carved),
    reversed: f(reversed),
    pool: f(pool),
    net: f(net),
    contributions: gather(carveRows(carve, digits, parsed.trace !== false, texts), carve.order),
    trace: carveTrace(carve, digits),
  };
}

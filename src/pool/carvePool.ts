import * as z from 'zod/mini';
import { allocateScaled } from '../core/allocate.js';
import { isKnownCurrency, minorDigits } from '../core/currency.js';
import { Dec, decimalFraction, multiplyMinor } from '../core/decimal.js';
import { decimalText, isDecimal } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { formatMinor, parseMinor, formatAmount, isCanonicalMoney, minorNumber } from '../core/money.js';
import { divideRounded, resolveRounding } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { isId, isPlainRow } from './minor.js';
import { carvePoolInputSchema, clawbackSchema, type CarvePoolInput } from './schema.js';
import { splitByWeights } from '../core/largestRemainder.js';
import { gather, IdKeys } from '../core/ids.js';

/** A clawed-back sale's earlier contribution, given back at the rate it was carved at. */
export interface ReversalLine {
  /** The refunded sale's id. */
  readonly sale: string;
  /** The rate used: the rate originally applied to the sale. */
  readonly rate: string;
  /** The clawed-back commission (zero or negative). */
  readonly base: string;
  /** round(rate × base): zero or negative, minor digits of the currency. */
  readonly amount: string;
}

/** One front-line person's row of a {@link carvePool} result. */
export interface CarveRow {
  readonly id: string;
  /** Gross commission: the period's amount plus its clawbacks. */
  readonly gross: string;
  /** What the pool was shared over: max(gross, 0) under `"net"`, the period's amount under `"reverse"`. */
  readonly base: string;
  /** The rate used for the carve: the pool rate p. */
  readonly rate: string;
  /** The person's share of the carved pool (largest remainder over the bases). */
  readonly share: string;
  /** Reversals of clawed-back sales, each at its own original rate (only under `"reverse"`; rows without any share one frozen empty list). */
  readonly reversals: ReversalLine[];
  /** share + Σ reversals: what the person gives to the pool (negative when reversals exceed it). */
  readonly contribution: string;
  /** gross − contribution. */
  readonly net: string;
  /**
   * One step (`pool.net`) stating net = gross − contribution and contribution = share + Σ
   * reversals with every figure of the row; a shared frozen empty list when the input asked for
   * `trace: false`.
   */
  readonly trace: TraceStep[];
}

/** Result of {@link carvePool}. Rows are ordered by id (code-unit order). */
export interface CarvePoolResult {
  readonly currency: string;
  /** The pool rate p, as given (canonical decimal). */
  readonly rate: string;
  /** The declared policy, or `null` when there was no negative commission and none was declared. */
  readonly clawbackPolicy: 'net' | 'reverse' | null;
  /** Σ gross. */
  readonly gross: string;
  /** Σ base: what the pool rate applied to. */
  readonly base: string;
  /** round(p · Σ base) in the plan's rounding mode. */
  readonly carved: string;
  /** Σ reversals (zero or negative). */
  readonly reversed: string;
  /** carved + reversed = Σ contributions. Σ net + pool = Σ gross, exactly. */
  readonly pool: string;
  /** Σ net. */
  readonly net: string;
  readonly contributions: CarveRow[];
  readonly trace: TraceStep[];
}

const ROW_KEYS = /* @__PURE__ */ new Set(['id', 'amount', 'currency', 'clawbacks']);
// The rows are checked by `rowsLookValid` (or the full schema): the header does not walk them.
const headerSchema = /* @__PURE__ */ z.extend(carvePoolInputSchema, {
  commissions: z.custom<unknown[]>((value) => Array.isArray(value)),
});
const clawbacksSchema = /* @__PURE__ */ z.array(clawbackSchema);
type Parsed = z.output<typeof carvePoolInputSchema>;
type Row = Parsed['commissions'][number];
type Clawback = z.output<typeof clawbackSchema>;

/**
 * True when a row has exactly the shape the row schema accepts, apart from its amount (checked as
 * it is read) and its currency's equality with the plan's (a semantic check). A row that fails
 * sends the whole input through the schema, which reports every issue with its path.
 */
function rowLooksValid(row: unknown): row is Row {
  if (!isPlainRow(row, ROW_KEYS) || !isId(row.id)) return false;
  if (row.currency !== undefined && !(typeof row.currency === 'string' && isKnownCurrency(row.currency))) return false;
  return row.clawbacks === undefined || clawbacksSchema.safeParse(row.clawbacks).success;
}

/** A rate in [0, 1] as an exact fraction, or an issue. */
function readRate(
  value: string | number,
  path: IssuePath,
  issues: IssueList,
): { text: string; n: bigint; d: bigint } | undefined {
  const text = decimalText(value);
  const [n, d] = decimalFraction(new Dec(text));
  if (n < 0n || n > d) {
    issues.add('OUT_OF_RANGE', path, `rate ${text} is outside [0, 1]`);
    return undefined;
  }
  return { text, n, d };
}

const SAFE = Number.MAX_SAFE_INTEGER;
/** Shared, frozen empty lists for the many rows without reversals or per-person traces. */
const NO_REVERSALS: ReversalLine[] = /* @__PURE__ */ Object.freeze([]) as unknown as ReversalLine[];
const NO_TRACE: TraceStep[] = /* @__PURE__ */ Object.freeze([]) as unknown as TraceStep[];

/**
 * Carves the back-office support pool [后端支撑奖励池] out of the front line's gross commissions
 * (seed 001; SPEC §3.5): pool = round(p · Σ base) at the plan's rounding mode, each person's
 * contribution is the pool allocated over their base by largest remainder, and
 * net = gross − contribution, so **Σ net + pool = Σ gross exactly**.
 *
 * Negative commission (a clawback of a refunded sale) follows a declared `clawbackPolicy`, never
 * an accident: `"net"` nets a person's clawbacks against their gross and lets only a positive
 * net contribute (base = max(gross, 0)); `"reverse"` carves the period's own sales
 * (base = amount) and gives back each refunded sale's earlier contribution at the rate it was
 * carved at: reversal = round(rate · clawback). Every row records the rate used for its carve, every reversal line its own.
 *
 * **Formula.** carved = round(p · Σ baseᵢ); contributionᵢ = largestRemainder(carved, base)ᵢ +
 * Σ reversalsᵢ; pool = carved + Σ reversals; netᵢ = grossᵢ − contributionᵢ.
 *
 * **References.** Seed 001 (10 %, 12 %, 15 % of front-line commission to the back office);
 * largest-remainder method as in {@link allocate}.
 *
 * @param input - `currency`, `rate` (0–1), `commissions` (`id`, `amount`, optional `currency`,
 *   `clawbacks` of `{ id, amount ≤ 0, rate }`), optional `clawbackPolicy`, `rounding`, `trace`.
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
  const header = headerSchema.safeParse(input);
  if (!header.success) parseInput(carvePoolInputSchema, input); // throws, with every issue
  const parsed = header.data as unknown as Parsed;
  const { currency, commissions: rows } = parsed;
  const mode = resolveRounding(parsed.rounding).mode;
  const digits = minorDigits(currency);
  const withTrace = parsed.trace !== false;
  const n = rows.length;
  const issues = new IssueList();

  const rate = readRate(parsed.rate, ['rate'], issues);

  // ── one pass over the rows: shape, then the amount straight into minor units ──
  // (number while every figure is provably below 2^53; one pass touches each row once.)
  const ids = new Array<string>(n);
  const idKeys = new IdKeys(n);
  const amountNumber = new Float64Array(n);
  // 1 where the amount text is already written as the result would write it (reused as gross).
  const canonical = new Uint8Array(n);
  const amountBig = new Map<number, bigint>();
  let numberMode = true;
  let anyNegative = false;
  let anyClawback = false;
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Row;
    if (!rowLooksValid(row)) parseInput(carvePoolInputSchema, input); // throws, with every issue
    ids[i] = row.id;
    idKeys.add(i, row.id);
    let minor = minorNumber(row.amount, digits);
    if (Number.isNaN(minor)) {
      if (!isDecimal(row.amount)) parseInput(carvePoolInputSchema, input); // throws, with every issue
      let big: bigint;
      try {
        big = parseMinor(row.amount, digits, ['commissions', i, 'amount']);
      } catch (error) {
        issues.items.push(...(error as { issues: IssueList['items'] }).issues);
        big = 0n;
      }
      amountBig.set(i, big);
      if (big < 0n) anyNegative = true;
      numberMode = false;
      minor = 0;
    } else if (isCanonicalMoney(row.amount, minor, digits)) canonical[i] = 1;
    amountNumber[i] = minor;
    if (minor < 0) anyNegative = true;
    if (row.currency !== undefined && row.currency !== currency)
      issues.add(
        'CURRENCY_MISMATCH',
        ['commissions', i, 'currency'],
        `${row.currency} differs from the plan's currency ${currency}`,
      );
    if (row.clawbacks !== undefined && row.clawbacks.length > 0) anyClawback = true;
  }

  const policy = parsed.clawbackPolicy ?? null;
  if (policy === null && (anyNegative || anyClawback))
    issues.add(
      'INVALID_INPUT',
      ['clawbackPolicy'],
      'there is negative commission: declare clawbackPolicy "net" or "reverse"',
    );

  // ── clawbacks (rare): bigint, each with its own rate ──
  const clawbackMinor = new Map<number, bigint[]>();
  const clawbackRates = new Map<number, ({ text: string; n: bigint; d: bigint } | undefined)[]>();
  if (anyClawback) {
    for (let i = 0; i < n; i++) {
      const list = (rows[i] as Row).clawbacks;
      if (list === undefined || list.length === 0) continue;
      const minors: bigint[] = [];
      const rates: ({ text: string; n: bigint; d: bigint } | undefined)[] = [];
      const seen = new Set<string>();
      list.forEach((clawback: Clawback, c) => {
        const path = ['commissions', i, 'clawbacks', c];
        if (seen.has(clawback.id))
          issues.add('DUPLICATE_ID', [...path, 'id'], `sale "${clawback.id}" is listed twice for this person`);
        seen.add(clawback.id);
        let minor = 0n;
        try {
          minor = parseMinor(clawback.amount, digits, [...path, 'amount']);
        } catch (error) {
          issues.items.push(...(error as { issues: IssueList['items'] }).issues);
        }
        if (minor > 0n)
          issues.add(
            'OUT_OF_RANGE',
            [...path, 'amount'],
            `a clawback takes commission back: write it as zero or negative, not ${clawback.amount}`,
          );
        minors.push(minor);
        if (clawback.rate !== undefined) rates.push(readRate(clawback.rate, [...path, 'rate'], issues));
        else {
          if (policy === 'reverse')
            issues.add(
              'INVALID_INPUT',
              [...path, 'rate'],
              'under clawbackPolicy "reverse" each clawback needs the rate originally applied to the sale',
            );
          rates.push(undefined);
        }
      });
      clawbackMinor.set(i, minors);
      clawbackRates.set(i, rates);
    }
  }
  if (policy === 'reverse') {
    for (let i = 0; i < n; i++) {
      if ((amountBig.get(i) ?? BigInt(amountNumber[i] as number)) < 0n)
        issues.add(
          'NEGATIVE_VALUE',
          ['commissions', i, 'amount'],
          'under clawbackPolicy "reverse" the period\'s amount is ≥ 0; list refunds as clawbacks with their original rate',
        );
    }
  }

  // Sorting by id gives the output order and finds duplicates without a million-entry Set.
  const order = idKeys.order();
  idKeys.duplicates((i, previous) => {
    issues.add(
      'DUPLICATE_ID',
      ['commissions', i, 'id'],
      `person "${ids[i]}" already has a row at commissions[${previous}]`,
    );
  });
  if (issues.size > 1) issues.items.sort((a, b) => comparePaths(a.path, b.path));
  issues.throwIfAny();
  const p = rate as { text: string; n: bigint; d: bigint };

  // ── gross, base and reversals per person ──
  // Number mode holds every per-person figure as an exact `number` (each below 2^53); the
  // contribution never exceeds the base, so it stays exact too. Otherwise everything is bigint.
  const reversals = new Map<number, bigint[]>();
  for (const [i, minors] of clawbackMinor) {
    const rates = clawbackRates.get(i) as ({ text: string; n: bigint; d: bigint } | undefined)[];
    if (policy === 'reverse')
      reversals.set(
        i,
        minors.map((minor, c) =>
          divideRounded(minor * (rates[c] as { n: bigint }).n, (rates[c] as { d: bigint }).d, mode),
        ),
      );
    if (numberMode) {
      let total = Math.abs(amountNumber[i] as number);
      for (const minor of minors) total += Math.abs(Number(minor));
      if (!(total <= SAFE)) numberMode = false;
    }
  }

  // Number mode: gross, base and share of each row side by side in one Float64Array (unboxed, and
  // one cache line per row when rows are visited in id order); otherwise bigint arrays.
  const figures = numberMode ? new Float64Array(3 * n) : undefined;
  const baseNumber = numberMode ? new Float64Array(n) : undefined;
  const grossBig: bigint[] = [];
  const baseBig: bigint[] = [];
  let baseSum = 0n;
  if (figures !== undefined && baseNumber !== undefined) {
    let sum = 0;
    const reverse = policy === 'reverse';
    for (let i = 0; i < n; i++) {
      let g = amountNumber[i] as number;
      if (anyClawback) {
        const minors = clawbackMinor.get(i);
        if (minors !== undefined) for (const minor of minors) g += Number(minor);
      }
      const b = reverse ? (amountNumber[i] as number) : g > 0 ? g : 0;
      figures[3 * i] = g;
      figures[3 * i + 1] = b;
      baseNumber[i] = b;
      sum += b;
    }
    if (Number.isSafeInteger(sum)) baseSum = BigInt(sum);
    else for (let i = 0; i < n; i++) baseSum += BigInt(baseNumber[i] as number);
  } else {
    for (let i = 0; i < n; i++) {
      const amount = amountBig.get(i) ?? BigInt(amountNumber[i] as number);
      let g = amount;
      const minors = clawbackMinor.get(i);
      if (minors !== undefined) for (const minor of minors) g += minor;
      grossBig.push(g);
      const b = policy === 'reverse' ? amount : g > 0n ? g : 0n;
      baseBig.push(b);
      baseSum += b;
    }
  }

  const carved = divideRounded(p.n * baseSum, p.d, mode);
  // The split: on plain numbers with exact two-double products when the bases allow it (no BigInt
  // per row), else the core's allocation (number or BigInt as it proves safe). Same result.
  const numberSplit =
    carved !== 0n && baseNumber !== undefined ? splitByWeights(Number(carved), baseNumber, ids)?.parts : undefined;
  const allocation =
    carved === 0n || numberSplit !== undefined
      ? undefined
      : allocateScaled(
          carved,
          baseNumber !== undefined
            ? { kind: 'number', values: Array.from(baseNumber) }
            : { kind: 'bigint', values: baseBig },
          ids,
        );
  const shares: ArrayLike<number | bigint> | undefined = numberSplit ?? allocation?.parts;
  if (figures !== undefined && shares !== undefined) for (let i = 0; i < n; i++) figures[3 * i + 2] = Number(shares[i]);

  // ── rows ──
  // Built in input order, which reads every array front to back, then put in id order by moving
  // pointers: far fewer cache misses on a million rows than building them in id order.
  let reversed = 0n;
  let grossSum = 0n;
  let grossTotal = 0;
  const byInput = new Array<CarveRow>(n);
  const rateText = p.text;
  for (let i = 0; i < n; i++) {
    let g: number | bigint;
    let b: number | bigint;
    let share: number | bigint;
    if (figures !== undefined) {
      g = figures[3 * i] as number;
      b = figures[3 * i + 1] as number;
      share = figures[3 * i + 2] as number;
    } else {
      g = grossBig[i] as bigint;
      b = baseBig[i] as bigint;
      share = shares === undefined ? 0n : BigInt(shares[i] as number | bigint);
    }
    let contribution: number | bigint = share;
    const personReversals = reversals.size === 0 ? undefined : reversals.get(i);
    const personClawbacks = anyClawback ? clawbackMinor.get(i) : undefined;
    // Most rows have no clawback and a canonical amount: the input's own string is the gross.
    const grossText =
      personClawbacks === undefined && canonical[i] === 1
        ? ((rows[i] as Row).amount as string)
        : formatAmount(g, digits);
    // Most rows have base = gross and no reversal: reuse the strings rather than format again.
    const baseText = b === g ? grossText : formatAmount(b, digits);
    const shareText = formatAmount(share, digits);
    let lines: ReversalLine[] = NO_REVERSALS;
    if (personReversals !== undefined) {
      lines = [];
      const list = (rows[i] as Row).clawbacks as Clawback[];
      const minors = personClawbacks as bigint[];
      const rates = clawbackRates.get(i) as { text: string }[];
      personReversals.forEach((reversal, c) => {
        reversed += reversal;
        contribution = numberMode ? (contribution as number) + Number(reversal) : (contribution as bigint) + reversal;
        lines.push({
          sale: (list[c] as Clawback).id,
          rate: (rates[c] as { text: string }).text,
          base: formatMinor(minors[c] as bigint, digits),
          amount: formatMinor(reversal, digits),
        });
      });
    }
    const net = numberMode ? (g as number) - (contribution as number) : (g as bigint) - (contribution as bigint);
    if (numberMode) grossTotal += g as number;
    else grossSum += g as bigint;
    const contributionText = personReversals === undefined ? shareText : formatAmount(contribution, digits);
    const netText = formatAmount(net, digits);
    byInput[i] = {
      id: ids[i] as string,
      gross: grossText,
      base: baseText,
      rate: rateText,
      share: shareText,
      reversals: lines,
      contribution: contributionText,
      net: netText,
      trace: withTrace
        ? personTrace(grossText, baseText, shareText, contributionText, netText, lines.length)
        : NO_TRACE,
    };
  }
  const contributions = gather(byInput, order);
  if (figures !== undefined) {
    if (Number.isSafeInteger(grossTotal)) grossSum = BigInt(grossTotal);
    else for (let i = 0; i < n; i++) grossSum += BigInt(figures[3 * i] as number);
  }

  const pool = carved + reversed;
  const netSum = grossSum - pool;
  const f = (minor: bigint) => formatMinor(minor, digits);
  return {
    currency,
    rate: rateText,
    clawbackPolicy: policy,
    gross: f(grossSum),
    base: f(baseSum),
    carved: f(carved),
    reversed: f(reversed),
    pool: f(pool),
    net: f(netSum),
    contributions,
    trace: [
      traceStep(
        'pool.carve',
        'carved = round(p × Σ base)',
        { p: rateText, 'Σ base': f(baseSum), mode, people: n },
        f(carved),
      ),
      traceStep(
        'pool.reverse',
        'reversed = Σ round(rate₀ × clawback) over clawed-back sales',
        { policy: policy ?? 'none' },
        f(reversed),
      ),
      traceStep('pool.total', 'pool = carved + reversed', { carved: f(carved), reversed: f(reversed) }, f(pool)),
      traceStep('pool.conservation', 'Σ net + pool = Σ gross', { 'Σ net': f(netSum), pool: f(pool) }, f(grossSum)),
    ],
  };
}

/**
 * A person's carve in one step: net = gross − contribution, contribution = share + Σ reversals,
 * with every figure of the row among the inputs. One step, not one per figure: a million rows'
 * traces are then three objects each instead of five, which the collector feels.
 */
function personTrace(
  gross: string,
  base: string,
  share: string,
  contribution: string,
  net: string,
  reversals: number,
): TraceStep[] {
  // Keys already in sorted order: the same shape `traceStep` builds, without its per-row sort.
  return [
    {
      rule: 'pool.net',
      formula:
        'net = gross − contribution; contribution = share + Σ reversals, share = the largest-remainder part of the carved pool by base',
      inputs: { base, contribution, gross, reversals: String(reversals), share },
      result: net,
    },
  ];
}

function comparePaths(a: IssuePath, b: IssuePath): number {
  const length = Math.min(a.length, b.length);
  for (let k = 0; k < length; k++) {
    const x = a[k] as string | number;
    const y = b[k] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

import { minorDigits } from '../core/currency.js';
import { decimalText } from '../core/decimalInput.js';
import type { IssueList, IssuePath } from '../core/errors.js';
import { parseFixed, type Fixed } from '../core/fixed.js';
import { formatMinor, pow10 } from '../core/money.js';
import { divideRounded, type RoundingMode } from '../core/rounding.js';
import type { TraceStep } from '../core/trace.js';
import type { PeriodContext } from './context.js';
import { readMoney } from './periodWork.js';
import { step } from './trace.js';
import type { CurrencyConversion } from './types.js';

/**
 * Several currencies (issue 19 §7): commission rows and sales may be in any ISO 4217 currency;
 * each is converted into the plan currency at the dated rate of `data.exchangeRates` in force on
 * the row's date (or on the period's last day, per `plan.conversion.at`): the latest rate dated
 * on or before it. The exact product amount × rate is rounded once, to the plan currency's minor
 * unit, half-up unless `plan.conversion.rounding` says otherwise. Internal to the period run.
 */

/** The data lists whose rows may be in another currency. */
export type ConvertedList = CurrencyConversion['section'];

/** What one list converted in one currency. */
interface Tally {
  rows: number;
  amount: bigint;
  converted: bigint;
}

/** One converted row: what the statement's trace shows. */
export interface ConversionNote {
  /** The row's amount in its own currency's minor units. */
  readonly own: bigint;
  /** The minor digits of the row's currency. */
  readonly ownDigits: number;
  /** The row's currency (the rate's). */
  readonly currency: string;
  readonly rate: string;
  /** The rate's date (the latest on or before the lookup date). */
  readonly date: string;
  /** The converted amount in the plan currency's minor units. */
  readonly minor: bigint;
}

/** The rates of one currency, ordered by date. */
interface CurrencyRates {
  readonly digits: number;
  readonly dates: string[];
  readonly rates: Fixed[];
  /** Each rate as the table gives it. */
  readonly texts: string[];
  /** Whether some row was converted at each rate (the input ledger's `rateNotApplied`). */
  readonly applied: boolean[];
  /** Per list: rows converted, Σ in the currency, Σ converted. */
  readonly tally: Record<ConvertedList, Tally>;
}

/** Converts rows into the plan currency and remembers the per-currency sums for the result. */
export interface Converter {
  /**
   * The row's amount in plan-currency minor units (converted when `currency` is another one, and
   * counted in `list`'s tally), or 0 when it cannot be read (issues added at the row's paths).
   */
  readonly read: (
    row: { readonly amount: unknown; readonly currency?: string | undefined; readonly date?: string | undefined },
    path: IssuePath,
    list: ConvertedList,
  ) => { minor: bigint; note: ConversionNote | undefined };
  /** Per list, then per foreign currency: rows, Σ in the currency, Σ converted; `null` when no row was converted. */
  readonly summary: () => CurrencyConversion[] | null;
  /** Whether some row was converted at the `currency` rate dated `date`. */
  readonly applied: (currency: string, date: string) => boolean;
}

/** Reads `data.exchangeRates` and `plan.conversion` into a converter (issues at their paths). */
export function converter(context: PeriodContext, issues: IssueList): Converter {
  const { currency: plan, digits, resolved } = context;
  const at = context.scenario.plan.conversion?.at ?? 'transactionDate';
  const mode: RoundingMode = context.scenario.plan.conversion?.rounding ?? 'halfUp';
  const book = readRates(context, issues);
  const read: Converter['read'] = (row, path, list) => {
    if (row.currency === undefined || row.currency === plan)
      return { minor: readMoney(row.amount, digits, [...path, 'amount'], issues), note: undefined };
    const rates = book.get(row.currency);
    if (rates === undefined) {
      issues.add(
        'CURRENCY_NOT_CONVERTIBLE',
        [...path, 'currency'],
        `no rate in data.exchangeRates converts ${row.currency} into ${plan}`,
      );
      return { minor: 0n, note: undefined };
    }
    const amount = readMoney(row.amount, rates.digits, [...path, 'amount'], issues);
    const lookup = at === 'periodEnd' ? resolved.period.end : row.date;
    if (lookup === undefined) {
      issues.add(
        'INVALID_INPUT',
        [...path, 'date'],
        `a row in ${row.currency} needs its date to find the rate (plan.conversion.at is "transactionDate")`,
      );
      return { minor: 0n, note: undefined };
    }
    const r = latestOnOrBefore(rates.dates, lookup);
    if (r < 0) {
      issues.add(
        'EXCHANGE_RATE_MISSING',
        at === 'periodEnd' ? [...path, 'currency'] : [...path, 'date'],
        `no ${row.currency} rate on or before ${lookup} (the first is dated ${rates.dates[0]!})`,
      );
      return { minor: 0n, note: undefined };
    }
    const rate = rates.rates[r]!;
    const minor = divideRounded(amount * rate.n * pow10(digits), pow10(rates.digits + rate.scale), mode);
    const tally = rates.tally[list];
    tally.rows += 1;
    tally.amount += amount;
    tally.converted += minor;
    rates.applied[r] = true;
    const note = {
      own: amount,
      ownDigits: rates.digits,
      currency: row.currency,
      rate: rates.texts[r]!,
      date: rates.dates[r]!,
      minor,
    };
    return { minor, note };
  };
  const summary = (): CurrencyConversion[] | null => {
    const currencies = [...book.keys()].sort();
    const lists: ConvertedList[] = ['commissions', 'sales'];
    const rows = lists.flatMap((section) =>
      currencies.flatMap((currency) => {
        const rates = book.get(currency)!;
        const tally = rates.tally[section];
        if (tally.rows === 0) return [];
        const amount = formatMinor(tally.amount, rates.digits);
        return [{ section, currency, rows: tally.rows, amount, converted: formatMinor(tally.converted, digits) }];
      }),
    );
    return rows.length === 0 ? null : rows;
  };
  const applied = (currency: string, date: string): boolean => {
    const rates = book.get(currency);
    return rates !== undefined && rates.applied[rates.dates.indexOf(date)] === true;
  };
  return { read, summary, applied };
}

/** The rates by currency, each ordered by date; duplicates, the plan currency itself and non-positive rates refused. */
function readRates(context: PeriodContext, issues: IssueList): Map<string, CurrencyRates> {
  const book = new Map<string, CurrencyRates>();
  const rows = context.data.exchangeRates ?? [];
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => (rows[a]!.date < rows[b]!.date ? -1 : rows[a]!.date > rows[b]!.date ? 1 : a - b));
  for (const i of order) {
    const row = rows[i]!;
    const path = ['data', 'exchangeRates', i];
    if (row.currency === context.currency) {
      issues.add(
        'INVALID_INPUT',
        [...path, 'currency'],
        `rates convert into the plan currency ${context.currency}; a ${row.currency} rate has no use`,
      );
      continue;
    }
    const rate = parseFixed(decimalText(row.rate));
    if (rate.n <= 0n) {
      issues.add('OUT_OF_RANGE', [...path, 'rate'], `an exchange rate is above zero, not ${decimalText(row.rate)}`);
      continue;
    }
    let rates = book.get(row.currency);
    if (rates === undefined) {
      rates = {
        digits: minorDigits(row.currency, [...path, 'currency']),
        dates: [],
        rates: [],
        texts: [],
        applied: [],
        tally: { commissions: { rows: 0, amount: 0n, converted: 0n }, sales: { rows: 0, amount: 0n, converted: 0n } },
      };
      book.set(row.currency, rates);
    }
    if (rates.dates.at(-1) === row.date) {
      issues.add('DUPLICATE_ID', [...path, 'date'], `a second ${row.currency} rate dated ${row.date}`);
      continue;
    }
    rates.dates.push(row.date);
    rates.rates.push(rate);
    rates.texts.push(decimalText(row.rate));
  }
  return book;
}

/** The index of the latest date on or before `date` (dates ascending), or −1. */
function latestOnOrBefore(dates: readonly string[], date: string): number {
  let [lo, hi] = [0, dates.length - 1];
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A conversion as a trace step of the commission line. */
export function conversionStep(note: ConversionNote, currency: string, digits: number): TraceStep {
  return step(
    'statement.conversion',
    `converted = round(amount × rate) to the ${currency} minor unit`,
    { amount: `${formatMinor(note.own, note.ownDigits)} ${note.currency}`, date: note.date, rate: note.rate },
    formatMinor(note.minor, digits),
  );
}

/** Conversions in a fixed order — currency, rate date, amount — whatever the rows' order (identical notes are interchangeable). */
export function compareNotes(a: ConversionNote, b: ConversionNote): number {
  if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.own < b.own ? -1 : a.own > b.own ? 1 : 0;
}

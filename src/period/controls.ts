import { IssueList, SynergyPayError, fail, type IssuePath } from '../core/errors.js';
import { minorDigits } from '../core/currency.js';
import { formatMinor, parseMinor } from '../core/money.js';
import type { PeriodContext } from './context.js';
import type { ConvertedList } from './conversion.js';
import { readMoney } from './periodWork.js';
import type { ReconciliationCheck } from './types.js';

/**
 * Declared control totals [控制总数] (internal to the period run). Payroll imports carry batch
 * control totals: the source system states how many rows it sent and what they sum to, and the
 * run refuses to pay when the rows it received do not reconcile to them (a truncated export, a
 * double import, an edited file). The input controls are checked before any mechanism runs, so a
 * bad import fails fast; `payTotal` is checked against the finished statements.
 */

/** A noun, singular and plural. */
type Noun = readonly [one: string, many: string];

/** The lists of the scenario a control counts or sums, and what their rows are called. */
const LISTS = {
  people: ['person', 'people'],
  commissions: ['commission row', 'commission rows'],
  sales: ['sale', 'sales'],
  deductions: ['deduction row', 'deduction rows'],
  tickets: ['ticket', 'tickets'],
  ratings: ['rating', 'ratings'],
  revenueFacts: ['revenue fact', 'revenue facts'],
} as const satisfies Record<string, Noun>;

/** One declared input control: its path under `controls` (the list it checks first), and whether it sums the amounts or counts the rows. */
interface InputControl {
  readonly path: readonly [keyof typeof LISTS, ...string[]];
  readonly sum?: true;
}

/** The input controls, in the order they are checked and listed (the schema's). */
const INPUT_CONTROLS: readonly InputControl[] = [
  { path: ['people'] },
  { path: ['commissions', 'rows'] },
  { path: ['commissions', 'gross'], sum: true },
  { path: ['sales', 'rows'] },
  { path: ['sales', 'total'], sum: true },
  { path: ['deductions', 'rows'] },
  { path: ['deductions', 'total'], sum: true },
  { path: ['tickets'] },
  { path: ['ratings'] },
  { path: ['revenueFacts'] },
];

type MoneyRow = { readonly amount: unknown };
type CurrencyRow = MoneyRow & { readonly currency?: string | undefined };

/** Whether a row's amount is in `currency` (a row without one is in the plan currency). */
const inCurrency = (row: CurrencyRow, currency: string, plan: string): boolean => (row.currency ?? plan) === currency;

/**
 * `controls.commissions.byCurrency`, `controls.sales.byCurrency`: each foreign currency's rows
 * sum, in that currency (before conversion), to the declared control — as the source system
 * stated it.
 */
function checkByCurrency(context: PeriodContext, list: ConvertedList, issues: IssueList): ReconciliationCheck[] {
  const declared = context.scenario.controls?.[list]?.byCurrency;
  if (declared === undefined) return [];
  const rows = (context.data[list] ?? []) as readonly CurrencyRow[];
  const checks: ReconciliationCheck[] = [];
  for (const currency of Object.keys(declared).sort()) {
    const path = [PATH, list, 'byCurrency', currency];
    const digits = minorDigits(currency, path);
    const own = rows.filter((row) => inCurrency(row, currency, context.currency));
    const expected = readDeclared(declared[currency], path, digits, issues);
    const actual = sumRows(own, digits);
    if (expected === undefined || actual === undefined) continue;
    const money = (minor: bigint) => formatMinor(minor, digits);
    if (expected === actual)
      checks.push(check(path, `Σ ${LISTS[list][1]} in ${currency}`, money(actual), money(expected)));
    else
      issues.add(
        'RECONCILIATION_FAILED',
        path,
        `declared ${money(expected)} ${currency}, the ${counted(own.length, LISTS[list])} in ${currency} sum to ${money(actual)} ${currency} (${difference(actual, expected, money)})`,
      );
  }
  return checks;
}

const PATH = 'controls';

/** The input controls that held, and the declared pay total for after the run. */
export interface InputControls {
  /** One check per declared input control, in schema order; all hold. */
  readonly checks: ReconciliationCheck[];
  /** The declared `payTotal` in minor units, or `undefined` when none is declared. */
  readonly payTotal: bigint | undefined;
}

/**
 * Checks the declared input controls against the rows received. Control values that are not
 * valid money for the currency are reported with their usual codes (`INVALID_AMOUNT`, …); every
 * mismatch is `RECONCILIATION_FAILED` at the control's path. All problems are thrown together.
 * A money sum whose rows are not all valid money is not compared: the rows' own errors are
 * reported by the run's validation.
 */
export function checkInputControls(context: PeriodContext): InputControls {
  const controls = context.scenario.controls;
  if (controls === undefined) return { checks: [], payTotal: undefined };
  const issues = new IssueList();
  const checks: ReconciliationCheck[] = [];
  for (const control of INPUT_CONTROLS) {
    const [list, field] = control.path;
    const node: unknown = controls[list];
    const declared: unknown = field === undefined ? node : (node as Record<string, unknown> | undefined)?.[field];
    if (declared === undefined) continue;
    let rows: readonly unknown[] = list === 'people' ? context.scenario.org.people : (context.data[list] ?? []);
    // A money control sums the rows in the plan currency; other currencies have `byCurrency`.
    if (control.sum === true && (list === 'commissions' || list === 'sales'))
      rows = (rows as readonly CurrencyRow[]).filter((row) => inCurrency(row, context.currency, context.currency));
    const check =
      control.sum === true
        ? checkSum(control, declared, rows as readonly MoneyRow[], context, issues)
        : checkCount(control, declared as number, rows.length, issues);
    if (check !== undefined) checks.push(check);
  }
  checks.push(...checkByCurrency(context, 'commissions', issues), ...checkByCurrency(context, 'sales', issues));
  const payTotal =
    controls.payTotal === undefined
      ? undefined
      : readDeclared(controls.payTotal, [PATH, 'payTotal'], context.digits, issues);
  issues.throwIfAny();
  return { checks, payTotal };
}

/** A declared row count against the rows received. */
function checkCount(
  { path: at }: InputControl,
  declared: number,
  actual: number,
  issues: IssueList,
): ReconciliationCheck | undefined {
  const path = [PATH, ...at];
  const noun = LISTS[at[0]];
  if (declared === actual) {
    const left = at[0] === 'people' ? 'number of people in org.people' : `number of ${noun[1]}`;
    return check(path, left, String(actual), String(declared));
  }
  const gap = difference(BigInt(actual), BigInt(declared), String, 'fewer');
  issues.add('RECONCILIATION_FAILED', path, `declared ${counted(declared, noun)}, the scenario has ${actual} (${gap})`);
  return undefined;
}

/** A declared money sum against Σ the rows received (not compared when a row or the control is not valid money). */
function checkSum(
  { path: at }: InputControl,
  declaredValue: unknown,
  rows: readonly MoneyRow[],
  { currency, digits }: PeriodContext,
  issues: IssueList,
): ReconciliationCheck | undefined {
  const path = [PATH, ...at];
  const noun = LISTS[at[0]];
  const declared = readDeclared(declaredValue, path, digits, issues);
  const actual = sumRows(rows, digits);
  if (declared === undefined || actual === undefined) return undefined;
  const money = (minor: bigint) => formatMinor(minor, digits);
  if (declared === actual) return check(path, `Σ ${noun[1]}`, money(actual), money(declared));
  const sums = `${counted(rows.length, noun)} ${rows.length === 1 ? 'comes' : 'sum'} to ${money(actual)} ${currency}`;
  const gap = difference(actual, declared, money);
  issues.add('RECONCILIATION_FAILED', path, `declared ${money(declared)} ${currency}, the ${sums} (${gap})`);
  return undefined;
}

/** A declared money figure in minor units, or `undefined` (with its issues added) when it is not valid money. */
function readDeclared(value: unknown, path: IssuePath, digits: number, issues: IssueList): bigint | undefined {
  const before = issues.size;
  const minor = readMoney(value, digits, path, issues);
  return issues.size === before ? minor : undefined;
}

/** Σ the rows' amounts, or `undefined` when one is not valid money (its own error is reported by the run). */
function sumRows(rows: readonly MoneyRow[], digits: number): bigint | undefined {
  let total = 0n;
  for (const row of rows) {
    try {
      total += parseMinor(row.amount, digits, []);
    } catch (error) {
      if (error instanceof SynergyPayError) return undefined;
      throw error;
    }
  }
  return total;
}

/**
 * Checks the declared pay total against Σ statement totals after the run: the check when it
 * holds, `RECONCILIATION_FAILED` at `["controls", "payTotal"]` otherwise.
 */
export function checkPayTotal(
  declared: bigint,
  statements: bigint,
  count: number,
  { currency, digits }: PeriodContext,
): ReconciliationCheck {
  const money = (minor: bigint) => formatMinor(minor, digits);
  const path = [PATH, 'payTotal'];
  if (declared !== statements)
    fail(
      'RECONCILIATION_FAILED',
      path,
      `declared ${money(declared)} ${currency}, the ${counted(count, ['statement', 'statements'])} ${count === 1 ? 'totals' : 'total'} ${money(statements)} ${currency} (${difference(statements, declared, money)})`,
    );
  return check(path, 'Σ statement totals', money(statements), money(declared));
}

/** One control that holds: `id` is its dotted path; the equation says the left side = the declared control. */
function check(path: readonly string[], left: string, received: string, declared: string): ReconciliationCheck {
  const id = path.join('.');
  return { id, equation: `${left} = ${id} (declared)`, left: received, right: declared, holds: received === declared };
}

/** `0.01 less than declared`, `2 more than declared`: received − declared, in words. */
function difference(received: bigint, declared: bigint, format: (value: bigint) => string, fewer = 'less'): string {
  const gap = received - declared;
  return gap < 0n ? `${format(-gap)} ${fewer} than declared` : `${format(gap)} more than declared`;
}

/** `1 ticket`, `2 tickets`. */
function counted(count: number, [one, many]: Noun): string {
  return `${count} ${count === 1 ? one : many}`;
}

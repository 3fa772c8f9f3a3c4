import type * as z from 'zod/mini';
import { IssueList, SynergyPayError, fail, type IssuePath } from '../core/errors.js';
import { formatMinor, parseMinor } from '../core/money.js';
import type { PeriodContext } from './context.js';
import { readMoney } from './periodWork.js';
import type { controlsSchema } from './schema.js';
import type { ReconciliationCheck } from './types.js';

/**
 * Declared control totals [控制总数] (internal to the period run). Payroll imports carry batch
 * control totals: the source system states how many rows it sent and what they sum to, and the
 * run refuses to pay when the rows it received do not reconcile to them (a truncated export, a
 * double import, an edited file). The input controls are checked before any mechanism runs, so a
 * bad import fails fast; `payTotal` is checked against the finished statements.
 */

type Controls = z.output<typeof controlsSchema>;

/** The input controls that held, and the declared pay total for after the run. */
export interface InputControls {
  /** One check per declared input control, in schema order; all hold. */
  readonly checks: ReconciliationCheck[];
  /** The declared `payTotal` in minor units, or `undefined` when none is declared. */
  readonly payTotal: bigint | undefined;
}

/** A noun, singular and plural. */
type Noun = readonly [one: string, many: string];

/** One declared input control: its path under `controls`, what it counts, and the rows it is compared with. */
type InputControl = {
  readonly path: readonly string[];
  readonly noun: Noun;
  /** The left side of the check's equation. */
  readonly left: string;
} & (
  | { readonly declared: (c: Controls) => number | undefined; readonly count: (context: PeriodContext) => number }
  | { readonly declared: (c: Controls) => unknown; readonly rows: (context: PeriodContext) => readonly MoneyRow[] }
);

type MoneyRow = { readonly amount: unknown };

const PEOPLE: Noun = ['person', 'people'];
const COMMISSIONS: Noun = ['commission row', 'commission rows'];
const DEDUCTIONS: Noun = ['deduction row', 'deduction rows'];

/** The input controls, in the order they are checked and listed (the schema's). */
const INPUT_CONTROLS: readonly InputControl[] = [
  {
    path: ['people'],
    noun: PEOPLE,
    left: 'number of people in org.people',
    declared: (c) => c.people,
    count: ({ scenario }) => scenario.org.people.length,
  },
  {
    path: ['commissions', 'rows'],
    noun: COMMISSIONS,
    left: 'number of commission rows',
    declared: (c) => c.commissions?.rows,
    count: ({ data }) => data.commissions?.length ?? 0,
  },
  {
    path: ['commissions', 'gross'],
    noun: COMMISSIONS,
    left: 'Σ commission rows',
    declared: (c) => c.commissions?.gross,
    rows: ({ data }) => data.commissions ?? [],
  },
  {
    path: ['deductions', 'rows'],
    noun: DEDUCTIONS,
    left: 'number of deduction rows',
    declared: (c) => c.deductions?.rows,
    count: ({ data }) => data.deductions?.length ?? 0,
  },
  {
    path: ['deductions', 'total'],
    noun: DEDUCTIONS,
    left: 'Σ deduction rows',
    declared: (c) => c.deductions?.total,
    rows: ({ data }) => data.deductions ?? [],
  },
  ...(
    [
      ['tickets', ['ticket', 'tickets']],
      ['ratings', ['rating', 'ratings']],
      ['revenueFacts', ['revenue fact', 'revenue facts']],
    ] as const
  ).map(([key, noun]): InputControl => ({
    path: [key],
    noun,
    left: `number of ${noun[1]}`,
    declared: (c) => c[key],
    count: ({ data }) => data[key]?.length ?? 0,
  })),
];

const PATH = 'controls';

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
    const declared = control.declared(controls);
    if (declared === undefined) continue;
    const check =
      'count' in control
        ? checkCount(control, declared as number, control.count(context), issues)
        : checkSum(control, declared, control.rows(context), context, issues);
    if (check !== undefined) checks.push(check);
  }
  const payTotal =
    controls.payTotal === undefined
      ? undefined
      : readDeclared(controls.payTotal, [PATH, 'payTotal'], context.digits, issues);
  issues.throwIfAny();
  return { checks, payTotal };
}

/** A declared row count against the rows received. */
function checkCount(
  control: InputControl,
  declared: number,
  actual: number,
  issues: IssueList,
): ReconciliationCheck | undefined {
  const path = [PATH, ...control.path];
  if (declared === actual) return check(path, control.left, String(actual), String(declared));
  const gap = difference(BigInt(actual), BigInt(declared), String, 'fewer');
  issues.add(
    'RECONCILIATION_FAILED',
    path,
    `declared ${counted(declared, control.noun)}, the scenario has ${actual} (${gap})`,
  );
  return undefined;
}

/** A declared money sum against Σ the rows received (not compared when a row or the control is not valid money). */
function checkSum(
  control: InputControl,
  declaredValue: unknown,
  rows: readonly MoneyRow[],
  { currency, digits }: PeriodContext,
  issues: IssueList,
): ReconciliationCheck | undefined {
  const path = [PATH, ...control.path];
  const declared = readDeclared(declaredValue, path, digits, issues);
  const actual = sumRows(rows, digits);
  if (declared === undefined || actual === undefined) return undefined;
  const money = (minor: bigint) => formatMinor(minor, digits);
  if (declared === actual) return check(path, control.left, money(actual), money(declared));
  const sums = `${counted(rows.length, control.noun)} ${rows.length === 1 ? 'comes' : 'sum'} to ${money(actual)} ${currency}`;
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

import type * as z from 'zod/mini';
import { IssueList, SynergyPayError, fail, type IssuePath } from '../core/errors.js';
import { formatMinor, parseMinor } from '../core/money.js';
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

/** What the run received, as the input controls count it. */
export interface ReceivedRows {
  /** `org.people.length`. */
  readonly people: number;
  /** The commission rows (amounts as given). */
  readonly commissions: readonly { readonly amount: unknown }[];
  /** The deduction rows (amounts as given). */
  readonly deductions: readonly { readonly amount: unknown }[];
  readonly tickets: number;
  readonly ratings: number;
  readonly revenueFacts: number;
}

/** The input controls that held, and the declared pay total for after the run. */
export interface InputControls {
  /** One check per declared input control, in schema order; all hold. */
  readonly checks: ReconciliationCheck[];
  /** The declared `payTotal` in minor units, or `undefined` when none is declared. */
  readonly payTotal: bigint | undefined;
}

const PATH = 'controls';

/** `0.01 less than declared`, `2 more than declared`: received − declared, in words. */
function difference(received: bigint, declared: bigint, format: (value: bigint) => string, fewer = 'less'): string {
  const gap = received - declared;
  return gap < 0n ? `${format(-gap)} ${fewer} than declared` : `${format(gap)} more than declared`;
}

/**
 * Checks the declared input controls against the rows received. Control values that are not
 * valid money for the currency are reported with their usual codes (`INVALID_AMOUNT`, …); every
 * mismatch is `RECONCILIATION_FAILED` at the control's path. All problems are thrown together.
 * A money sum whose rows are not all valid money is not compared: the rows' own errors are
 * reported by the run's validation.
 */
export function checkInputControls(
  controls: Controls | undefined,
  received: ReceivedRows,
  currency: string,
  digits: number,
): InputControls {
  if (controls === undefined) return { checks: [], payTotal: undefined };
  const issues = new IssueList();
  const checks: ReconciliationCheck[] = [];
  const money = (minor: bigint) => formatMinor(minor, digits);
  const amount = (minor: bigint) => `${money(minor)} ${currency}`;
  const readDeclared = (value: unknown, path: IssuePath): bigint | undefined => {
    try {
      return parseMinor(value, digits, path);
    } catch (error) {
      if (!(error instanceof SynergyPayError)) throw error;
      for (const issue of error.issues) issues.add(issue.code, issue.path, issue.message);
      return undefined;
    }
  };
  const sumRows = (rows: readonly { readonly amount: unknown }[]): bigint | undefined => {
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
  };
  const count = (
    declared: number | undefined,
    actual: number,
    path: readonly string[],
    what: Noun,
    equation: string,
  ) => {
    if (declared === undefined) return;
    const id = [PATH, ...path].join('.');
    if (declared !== actual)
      issues.add(
        'RECONCILIATION_FAILED',
        [PATH, ...path],
        `declared ${counted(declared, what)}, the scenario has ${actual} (${difference(BigInt(actual), BigInt(declared), String, 'fewer')})`,
      );
    else checks.push(control(id, equation, String(actual), String(declared)));
  };
  const sum = (
    declaredValue: unknown,
    rows: readonly { readonly amount: unknown }[],
    path: readonly string[],
    what: Noun,
    equation: string,
  ) => {
    if (declaredValue === undefined) return;
    const declared = readDeclared(declaredValue, [PATH, ...path]);
    const actual = sumRows(rows);
    if (declared === undefined || actual === undefined) return;
    const id = [PATH, ...path].join('.');
    if (declared !== actual)
      issues.add(
        'RECONCILIATION_FAILED',
        [PATH, ...path],
        `declared ${amount(declared)}, the ${counted(rows.length, what)} ${rows.length === 1 ? 'comes' : 'sum'} to ${amount(actual)} (${difference(actual, declared, money)})`,
      );
    else checks.push(control(id, equation, money(actual), money(declared)));
  };

  count(
    controls.people,
    received.people,
    ['people'],
    ['person', 'people'],
    'number of people in org.people = controls.people (declared)',
  );
  count(
    controls.commissions?.rows,
    received.commissions.length,
    ['commissions', 'rows'],
    ['commission row', 'commission rows'],
    'number of commission rows = controls.commissions.rows (declared)',
  );
  sum(
    controls.commissions?.gross,
    received.commissions,
    ['commissions', 'gross'],
    ['commission row', 'commission rows'],
    'Σ commission rows = controls.commissions.gross (declared)',
  );
  count(
    controls.deductions?.rows,
    received.deductions.length,
    ['deductions', 'rows'],
    ['deduction row', 'deduction rows'],
    'number of deduction rows = controls.deductions.rows (declared)',
  );
  sum(
    controls.deductions?.total,
    received.deductions,
    ['deductions', 'total'],
    ['deduction row', 'deduction rows'],
    'Σ deduction rows = controls.deductions.total (declared)',
  );
  count(
    controls.tickets,
    received.tickets,
    ['tickets'],
    ['ticket', 'tickets'],
    'number of tickets = controls.tickets (declared)',
  );
  count(
    controls.ratings,
    received.ratings,
    ['ratings'],
    ['rating', 'ratings'],
    'number of ratings = controls.ratings (declared)',
  );
  count(
    controls.revenueFacts,
    received.revenueFacts,
    ['revenueFacts'],
    ['revenue fact', 'revenue facts'],
    'number of revenue facts = controls.revenueFacts (declared)',
  );
  const payTotal = controls.payTotal === undefined ? undefined : readDeclared(controls.payTotal, [PATH, 'payTotal']);
  issues.throwIfAny();
  return { checks, payTotal };
}

/**
 * Checks the declared pay total against Σ statement totals after the run: the check when it
 * holds, `RECONCILIATION_FAILED` at `["controls", "payTotal"]` otherwise.
 */
export function checkPayTotal(
  declared: bigint,
  statements: bigint,
  count: number,
  currency: string,
  digits: number,
): ReconciliationCheck {
  const money = (minor: bigint) => formatMinor(minor, digits);
  if (declared !== statements)
    fail(
      'RECONCILIATION_FAILED',
      [PATH, 'payTotal'],
      `declared ${money(declared)} ${currency}, the ${counted(count, ['statement', 'statements'])} ${count === 1 ? 'totals' : 'total'} ${money(statements)} ${currency} (${difference(statements, declared, money)})`,
    );
  return control(
    'controls.payTotal',
    'Σ statement totals = controls.payTotal (declared)',
    money(statements),
    money(declared),
  );
}

/** A noun, singular and plural. */
type Noun = readonly [one: string, many: string];

/** `1 ticket`, `2 tickets`. */
function counted(count: number, [one, many]: Noun): string {
  return `${count} ${count === 1 ? one : many}`;
}

function control(id: string, equation: string, left: string, right: string): ReconciliationCheck {
  return { id, equation, left, right, holds: left === right };
}

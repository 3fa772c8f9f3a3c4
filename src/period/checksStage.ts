import { fail } from '../core/errors.js';
import { formatMinor, parseMinor } from '../core/money.js';
import { checkPayTotal, type InputControls } from './controls.js';
import type { InterlockRun } from './interlockStage.js';
import type { SegmentStage } from './segmentStage.js';
import type { PeriodContext } from './context.js';
import type { StatementsFigures } from './statementsStage.js';
import type { ReconciliationCheck } from './types.js';

/** What the reconciliation stage compares: the figures of the statements and segment stages, and the declared controls. */
export interface ChecksInput {
  /** The statements and the money totals added up while their lines were built. */
  readonly statements: StatementsFigures;
  /** The segment stages (what each paid of the interlock). */
  readonly segments: readonly SegmentStage[];
  /** The period's interlock runs (their dimensions must each conserve the facts' total). */
  readonly interlockRuns: ReadonlyMap<string, InterlockRun>;
  /** The declared input controls that held, and the declared pay total (checked before the run). */
  readonly controls: InputControls;
  /** The input ledger's checks: each data list's rows = used + excluded. */
  readonly ledger: readonly ReconciliationCheck[];
}

/**
 * The reconciliation stage: the run's own conservation checks — every statement total equals its
 * printed lines; Σ statement totals equals Σ base + bonuses + interlock rewards + net commissions
 * + pool − unallocated − deductions; the carve and the pool allocation conserve money; interlock
 * lines add up to what was settled; every crediting dimension conserves the facts' total; every
 * data list's rows are used or excluded (the input ledger) — then
 * the scenario's declared controls (the input controls, then `payTotal` against Σ statement
 * totals).
 *
 * @returns Every check, the run's own first, then the declared controls in `controls` order.
 * @throws `RECONCILIATION_FAILED` at the root path when one of the run's own checks fails (a
 *   bug to report), or at the control's path when the declared pay total disagrees.
 */
export function checksStage(context: PeriodContext, input: ChecksInput): ReconciliationCheck[] {
  const { rendered } = input.statements;
  const checks = [
    ...moneyChecks(input.statements, context.digits),
    ...interlockChecks(input, context.digits),
    ...drawChecks(input.statements, context.digits),
    ...input.ledger,
  ];
  const failed = checks.filter((c) => !c.holds);
  if (failed.length > 0)
    fail('RECONCILIATION_FAILED', [], failed.map((c) => `${c.id}: ${c.left} ≠ ${c.right}`).join('; '));
  // The declared controls, after the run's own checks: the input controls (checked before the
  // run) and the declared pay total.
  const { controls } = input;
  checks.push(...controls.checks);
  if (controls.payTotal !== undefined)
    checks.push(checkPayTotal(controls.payTotal, rendered.sum, rendered.count, context));
  return checks;
}

/** The statements and the pool conserve money: lines, totals, the carve and the allocation. */
function moneyChecks({ totals, rendered }: StatementsFigures, digits: number): ReconciliationCheck[] {
  const { interlockLines } = rendered;
  const netCommission = totals.gross - totals.contribution;
  const money = (minor: bigint) => formatMinor(minor, digits);
  const expected =
    totals.base +
    totals.bonus +
    interlockLines.reward +
    netCommission +
    totals.pool -
    totals.unallocated -
    totals.deductions -
    interlockLines.deduction +
    totals.draws.advanced +
    totals.draws.toppedUp -
    totals.draws.recovered;
  return [
    check(
      'statementLines',
      'every statement total = Σ its lines as printed',
      `${rendered.linesMismatch} mismatches`,
      '0 mismatches',
    ),
    check(
      'statementTotals',
      'Σ statement totals = Σ base + Σ bonuses (performance + interlock rewards) + Σ net commissions + pool − unallocated − Σ deductions (rows + interlock) + Σ draw advances + Σ guarantee top-ups − Σ draw recoveries',
      money(rendered.sum),
      money(expected),
    ),
    check(
      'commissionCarve',
      'Σ net commissions + pool = Σ gross commissions',
      money(netCommission + totals.pool),
      money(totals.gross),
    ),
    check(
      'poolAllocation',
      'Σ pool awards + unallocated = pool',
      money(totals.awards + totals.unallocated),
      money(totals.pool),
    ),
  ];
}

/** With an interlock: its lines add up to what was settled, and every crediting dimension conserves the facts. */
function interlockChecks(input: ChecksInput, digits: number): ReconciliationCheck[] {
  const { interlockRuns } = input;
  if (interlockRuns.size === 0) return [];
  const interlockPaid = { reward: 0n, deduction: 0n };
  for (const { interlockPaid: paid } of input.segments) {
    interlockPaid.reward += paid.reward;
    interlockPaid.deduction += paid.deduction;
  }
  const { interlockLines } = input.statements.rendered;
  const money = (minor: bigint) => formatMinor(minor, digits);
  const checks = [
    check(
      'interlockRewards',
      'Σ interlock reward lines = Σ rewards settled (by segment days)',
      money(interlockLines.reward),
      money(interlockPaid.reward),
    ),
    check(
      'interlockDeductions',
      'Σ interlock deduction lines = Σ deductions settled (by segment days)',
      money(interlockLines.deduction),
      money(interlockPaid.deduction),
    ),
  ];
  const dimensions = [...interlockRuns.values()].flatMap((run) => run.credits?.dimensions ?? []);
  const hold = dimensions.filter((dimension) => dimension.conserved).length;
  if (dimensions.length > 0)
    checks.push(
      check(
        'dimensionTotals',
        'every dimension credits the facts’ total: credited + excluded = Σ facts',
        `${hold} of ${dimensions.length} dimensions`,
        `${dimensions.length} of ${dimensions.length} dimensions`,
      ),
    );
  return checks;
}

/** One check: holds when both sides print the same. */
function check(id: string, equation: string, left: string, right: string): ReconciliationCheck {
  return { id, equation, left, right, holds: left === right };
}

/**
 * With draws: the balances carry forward (Σ closing = Σ opening + Σ advanced − Σ recovered −
 * Σ written off, added from the printed settlements) and the statements' draw lines equal the
 * settlements.
 */
function drawChecks({ draws, totals }: StatementsFigures, digits: number): ReconciliationCheck[] {
  if (draws === null) return [];
  const sum = { opening: 0n, advanced: 0n, recovered: 0n, writtenOff: 0n, closing: 0n, toppedUp: 0n };
  for (const person of draws.people) {
    sum.opening += parseMinor(person.openingBalance, digits, []);
    sum.advanced += parseMinor(person.advanced, digits, []);
    sum.recovered += parseMinor(person.recovered, digits, []);
    sum.writtenOff += parseMinor(person.writtenOff, digits, []);
    sum.closing += parseMinor(person.closingBalance, digits, []);
    sum.toppedUp += parseMinor(person.toppedUp, digits, []);
  }
  const money = (minor: bigint) => formatMinor(minor, digits);
  const lines = totals.draws;
  return [
    check(
      'drawBalances',
      'Σ closing draw balances = Σ opening + Σ advanced − Σ recovered − Σ written off',
      money(sum.closing),
      money(sum.opening + sum.advanced - sum.recovered - sum.writtenOff),
    ),
    check(
      'drawLines',
      'Σ draw lines (advances + top-ups − recoveries) = the settlements’ Σ advanced + Σ topped up − Σ recovered',
      money(lines.advanced + lines.toppedUp - lines.recovered),
      money(sum.advanced + sum.toppedUp - sum.recovered),
    ),
  ];
}

import { fail } from '../core/errors.js';
import { formatMinor } from '../core/money.js';
import { checkPayTotal, type InputControls } from './controls.js';
import type { InterlockRun, InterlockShare } from './interlockStage.js';
import type { PayTotals, RenderedStatements } from './statementsStage.js';
import type { ReconciliationCheck } from './types.js';

/** What the reconciliation stage compares. */
export interface ChecksInput {
  /** Money totals added up while the lines were built (statements stage). */
  readonly totals: PayTotals;
  /** The rendered statements: their sum, line mismatches and interlock lines. */
  readonly rendered: RenderedStatements;
  /** Σ interlock rewards and deductions the segments paid (segment stages). */
  readonly interlockPaid: InterlockShare;
  /** The period's interlock runs (their dimensions must each conserve the facts' total). */
  readonly interlockRuns: ReadonlyMap<string, InterlockRun>;
  /** The declared input controls that held, and the declared pay total (checked before the run). */
  readonly controls: InputControls;
  readonly currency: string;
  readonly digits: number;
}

/**
 * The reconciliation stage: the run's own conservation checks — every statement total equals its
 * printed lines; Σ statement totals equals Σ base + bonuses + interlock rewards + net commissions
 * + pool − unallocated − deductions; the carve and the pool allocation conserve money; interlock
 * lines add up to what was settled; every crediting dimension conserves the facts' total — then
 * the scenario's declared controls (the input controls, then `payTotal` against Σ statement
 * totals).
 *
 * @returns Every check, the run's own first, then the declared controls in `controls` order.
 * @throws `RECONCILIATION_FAILED` at the root path when one of the run's own checks fails (a
 *   bug to report), or at the control's path when the declared pay total disagrees.
 */
export function reconcile(input: ChecksInput): ReconciliationCheck[] {
  const { totals, rendered, interlockPaid, interlockRuns, controls, digits } = input;
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
    interlockLines.deduction;
  const checks: ReconciliationCheck[] = [
    check(
      'statementLines',
      'every statement total = Σ its lines as printed',
      `${rendered.linesMismatch} mismatches`,
      '0 mismatches',
    ),
    check(
      'statementTotals',
      'Σ statement totals = Σ base + Σ bonuses (performance + interlock rewards) + Σ net commissions + pool − unallocated − Σ deductions (rows + interlock)',
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
  if (interlockRuns.size > 0) {
    checks.push(
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
    );
    let dimensionsHold = 0;
    let dimensionCount = 0;
    for (const run of interlockRuns.values())
      for (const dimension of run.credits?.dimensions ?? []) {
        dimensionCount++;
        if (dimension.conserved) dimensionsHold++;
      }
    if (dimensionCount > 0)
      checks.push(
        check(
          'dimensionTotals',
          'every dimension credits the facts’ total: credited + excluded = Σ facts',
          `${dimensionsHold} of ${dimensionCount} dimensions`,
          `${dimensionCount} of ${dimensionCount} dimensions`,
        ),
      );
  }
  const failed = checks.filter((c) => !c.holds);
  if (failed.length > 0)
    fail('RECONCILIATION_FAILED', [], failed.map((c) => `${c.id}: ${c.left} ≠ ${c.right}`).join('; '));
  // The declared controls, after the run's own checks: the input controls (checked before the
  // run) and the declared pay total.
  checks.push(...controls.checks);
  if (controls.payTotal !== undefined)
    checks.push(checkPayTotal(controls.payTotal, rendered.sum, rendered.statements.length, input.currency, digits));
  return checks;
}

/** One check: holds when both sides print the same. */
function check(id: string, equation: string, left: string, right: string): ReconciliationCheck {
  return { id, equation, left, right, holds: left === right };
}

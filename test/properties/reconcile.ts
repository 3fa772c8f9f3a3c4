/**
 * The money a period run must account for, recomputed from the scenario (the inputs) and the
 * statement lines (SPEC §4): each statement total = Σ its lines; Σ net commissions + pool =
 * Σ gross commissions from the input; Σ awards + unallocated = pool; Σ statements = Σ base +
 * Σ bonuses + Σ net commissions + pool − unallocated − Σ deductions from the input; the totals
 * block says the same; every check the run reports holds; one statement per person, by id.
 */
import type { RunPeriodInput } from '../arbitraries/scenario.js';
import { currencies } from '../arbitraries/index.js';
import { minorOf } from '../arbitraries/oracle.js';
import { hygieneProblems } from './hygiene.js';

/** What the reconciliation reads of a `runPeriod` result (structural, see `RunPeriodInput`). */
export interface RunPeriodResult {
  readonly statements: readonly { person: string; total: string; lines: readonly { kind: string; amount: string }[] }[];
  readonly totals: { readonly [key: string]: string } & {
    pool: string;
    unallocated: string;
    statements: string;
    grossCommission: string;
    basePay: string;
  };
  readonly checks: readonly { id: string; left: string; right: string; holds: boolean }[];
}

export function digitsOf(currency: string): number {
  const known = currencies.find((c) => c.currency === currency);
  if (known !== undefined) return known.digits;
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Every way `result` fails to reconcile with `scenario` (empty when it reconciles). */
export function reconciliationProblems(scenario: RunPeriodInput, result: RunPeriodResult): string[] {
  const problems: string[] = [];
  const digits = digitsOf(scenario.plan.currency);
  const m = (amount: string) => minorOf(amount, digits);
  const sums = new Map<string, bigint>();
  let statements = 0n;
  for (const statement of result.statements) {
    let lines = 0n;
    for (const line of statement.lines) {
      const amount = m(line.amount);
      lines += amount;
      sums.set(line.kind, (sums.get(line.kind) ?? 0n) + amount);
    }
    if (m(statement.total) !== lines)
      problems.push(`statement ${statement.person}: total ${statement.total} ≠ Σ lines`);
    statements += lines;
  }
  const line = (kind: string) => sums.get(kind) ?? 0n;
  const gross = (scenario.data?.commissions ?? []).reduce((acc, row) => acc + m(String(row.amount)), 0n);
  const deductions = (scenario.data?.deductions ?? []).reduce((acc, row) => acc + m(String(row.amount)), 0n);
  const pool = m(result.totals.pool);
  const unallocated = m(result.totals.unallocated);
  const other = line('interlockReward') + line('interlockDeduction');
  if (line('commission') + pool !== gross)
    problems.push(`Σ net commissions ${line('commission')} + pool ${pool} ≠ Σ gross ${gross}`);
  if (line('poolAward') + unallocated !== pool)
    problems.push(`Σ awards ${line('poolAward')} + unallocated ${unallocated} ≠ pool ${pool}`);
  if (-line('deduction') !== deductions)
    problems.push(`Σ deduction lines ${line('deduction')} ≠ −Σ input deductions ${deductions}`);
  const expected =
    line('basePay') + line('performanceBonus') + line('commission') + pool - unallocated - deductions + other;
  if (statements !== expected)
    problems.push(`Σ statements ${statements} ≠ base + bonus + net + pool − unallocated − deductions = ${expected}`);
  if (m(result.totals.statements) !== statements)
    problems.push(`totals.statements ${result.totals.statements} ≠ Σ statements ${statements}`);
  if (m(result.totals.grossCommission) !== gross)
    problems.push(`totals.grossCommission ${result.totals.grossCommission} ≠ ${gross}`);
  if (m(result.totals.basePay) !== line('basePay'))
    problems.push(`totals.basePay ${result.totals.basePay} ≠ Σ base lines`);
  for (const check of result.checks)
    if (!check.holds) problems.push(`check ${check.id} does not hold: ${check.left} vs ${check.right}`);
  const ids = result.statements.map((statement) => statement.person);
  const expectedIds = scenario.org.people.map((person) => person.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (JSON.stringify(ids) !== JSON.stringify(expectedIds))
    problems.push('statements are not one per person, ordered by id');
  problems.push(
    ...hygieneProblems(result, digits, [
      'amount',
      'total',
      'basePay',
      'performanceBonus',
      'grossCommission',
      'netCommission',
      'pool',
      'poolAwards',
      'unallocated',
      'deductions',
      'statements',
    ]),
  );
  return problems;
}

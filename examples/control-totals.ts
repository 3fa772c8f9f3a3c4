/**
 * Control totals: the sales system exports its commission batch with the number of rows and
 * their sum, attendance its deductions, HR its headcount, finance the approved pay total. The run
 * pays only when what it received reconciles to them; a truncated export is refused with every
 * mismatch and its JSON path. Copy it and declare your own sources' totals.
 */
import { formatPath, runPeriod, SynergyPayError, type RunPeriodInput } from '../src/index.js';

const scenario: RunPeriodInput = {
  plan: {
    id: 'service-centre',
    currency: 'CNY',
    versions: [
      { id: '2026', effective: '2026-01-01', grades: [{ id: 'P3', basePay: '6000.00', targetBonus: '1500.00' }] },
    ],
  },
  period: { unit: 'month', start: '2026-03-01' },
  org: {
    departments: [{ id: 'customer-service', side: 'front' }],
    people: [
      { id: 'li', department: 'customer-service', grade: 'P3' },
      { id: 'zhang', department: 'customer-service', grade: 'P3' },
    ],
  },
  data: {
    commissions: [
      { id: 'march-broadband', person: 'li', amount: '3200.00', date: '2026-03-31' },
      { id: 'march-5g', person: 'zhang', amount: '1800.00', date: '2026-03-30' },
      { id: 'refund-0312', person: 'li', amount: '-180.00', date: '2026-03-12' },
    ],
    deductions: [{ id: 'late-0305', person: 'li', amount: '50.00', reason: 'late', date: '2026-03-05' }],
  },
  controls: {
    people: 2,
    commissions: { rows: 3, gross: '4820.00' },
    deductions: { rows: 1, total: '50.00' },
    payTotal: '19770.00',
  },
};

const result = runPeriod(scenario);
console.log('Every control reconciles:');
for (const check of result.checks.filter((c) => c.id.startsWith('controls.')))
  console.log(`  ok  ${check.id.padEnd(28)} received ${check.left.padStart(9)} = declared ${check.right}`);

// The same batch with the last commission row lost in transit.
const truncated: RunPeriodInput = {
  ...scenario,
  data: { ...scenario.data, commissions: scenario.data!.commissions!.slice(0, 2) },
};
try {
  runPeriod(truncated);
} catch (error) {
  if (!(error instanceof SynergyPayError)) throw error;
  console.log(`\nA truncated export is refused (${error.code}):`);
  for (const issue of error.issues) console.log(`  ${formatPath(issue.path)}: ${issue.message}`);
}

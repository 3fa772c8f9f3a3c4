/**
 * One person's pay statement, explained line by line — seed 001's personal pay dashboard
 * [个人薪酬看板]: base pay by grade, performance bonus, commission, deductions, and where each
 * yuan came from. Copy it and point it at your own scenario.
 */
import { runPeriod } from '../src/index.js';

const result = runPeriod({
  plan: {
    id: 'service-centre',
    currency: 'CNY',
    versions: [
      { id: '2026', effective: '2026-01-01', grades: [{ id: 'P3', basePay: '6000.00', targetBonus: '1500.00' }] },
    ],
  },
  period: { unit: 'month', start: '2026-03-01' },
  org: {
    departments: [{ id: 'customer-service', name: '客服中心', side: 'front' }],
    people: [{ id: 'li', name: '李', department: 'customer-service', grade: 'P3' }],
  },
  data: {
    departmentCoefficients: [{ department: 'customer-service', coefficient: '0.95' }],
    commissions: [
      { id: 'march-broadband', person: 'li', amount: '3200.00', date: '2026-03-31' },
      { id: 'refund-0312', person: 'li', amount: '-180.00', date: '2026-03-12' },
    ],
    deductions: [{ id: 'late-0305', person: 'li', amount: '50.00', reason: '迟到 (late)', date: '2026-03-05' }],
  },
});

const statement = result.statements[0]!;
console.log(`Pay statement of ${statement.name ?? statement.person}, ${result.period.start} … ${result.period.end}`);
for (const line of statement.lines) {
  console.log(`${line.label.padEnd(50)} ${line.amount.padStart(10)}`);
  for (const step of line.trace) console.log(`    ${step.formula} → ${step.result}`);
}
console.log(`${'Total'.padEnd(50)} ${statement.total.padStart(10)}`);

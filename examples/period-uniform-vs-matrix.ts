/**
 * Seed 003's argument on the demo company (1,000 people, a bad year for profit: 88 % of target):
 * the relevance matrix against one company coefficient for everyone ["大锅饭"]. The uniform run
 * multiplies every department's own coefficient by the profit coefficient (D·C); the matrix run
 * blends it by relevance. Printed: coefficient and Σ performance bonus per department.
 */
import { demoScenario, runPeriod, type RunPeriodInput } from '../src/index.js';

const matrix = demoScenario({ people: 1000 });
const matrixRun = runPeriod(matrix);

// The uniform method: D·C as each department's coefficient, no linkage.
const uniform: RunPeriodInput = {
  ...matrix,
  plan: { ...matrix.plan, versions: matrix.plan.versions.map(({ linkage: _linkage, ...version }) => version) },
  data: {
    ...matrix.data,
    companyKpis: [],
    departmentCoefficients: matrixRun.departments.map((department) => ({
      department: department.id,
      coefficient: department.linkage!.uniform,
    })),
  },
};
const uniformRun = runPeriod(uniform);

const bonusBy = (run: typeof matrixRun) => {
  const sums = new Map<string, bigint>();
  for (const statement of run.statements)
    for (const line of statement.lines)
      if (line.kind === 'performanceBonus')
        sums.set(statement.department, (sums.get(statement.department) ?? 0n) + BigInt(line.amount.replace('.', '')));
  return sums;
};
const fen = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
const matrixBonus = bonusBy(matrixRun);
const uniformBonus = bonusBy(uniformRun);

console.log('department                 uniform  matrix   Σ bonus uniform  Σ bonus matrix');
for (const department of matrixRun.departments) {
  console.log(
    `${department.id.padEnd(26)} ${department.linkage!.uniform.padEnd(8)} ${department.coefficient.padEnd(8)} ${fen(uniformBonus.get(department.id) ?? 0n).padStart(15)}  ${fen(matrixBonus.get(department.id) ?? 0n).padStart(14)}`,
  );
}

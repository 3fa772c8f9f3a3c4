/**
 * The HTML reports on the demo company (issue 18's budget: `report` on the 5,000-person demo in
 * at most 5 s and 15 MB of HTML). Times the rendering of a result already computed, prints the
 * size of each document. `npx tsx bench/run.ts report`
 */
import { demoScenario, runPeriod } from '../src/index.js';
import { renderReport, renderWhatIfReport } from '../src/report/index.js';
import { benchSuite } from './harness.js';

export default async function reportBench(): Promise<void> {
  const people = Number(process.env.REPORT_BENCH_PEOPLE ?? 5000);
  const scenario = demoScenario({ people });
  const base = runPeriod(scenario);
  const proposed = runPeriod({
    ...scenario,
    plan: {
      ...scenario.plan,
      versions: scenario.plan.versions.map((version) => ({
        ...version,
        grades: version.grades.map((grade) => ({ ...grade, targetBonus: '2000.00' })),
      })),
    },
  });
  const megabytes = (html: string) => `${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB`;
  console.log(
    `report HTML, ${people} people: ${megabytes(renderReport(base))} (en), ${megabytes(renderReport(base, { locale: 'zh-CN' }))} (zh-CN); what-if ${megabytes(renderWhatIfReport({ base, proposed }))}`,
  );
  await benchSuite(
    `reports, ${people} people`,
    [
      { name: 'runPeriod (for scale: the run the report renders)', run: () => runPeriod(scenario), iterations: 3 },
      { name: 'renderReport', run: () => renderReport(base) },
      { name: 'renderReport, zh-CN', run: () => renderReport(base, { locale: 'zh-CN' }) },
      { name: 'renderWhatIfReport (compareRuns included)', run: () => renderWhatIfReport({ base, proposed }) },
    ],
    5,
  );
}

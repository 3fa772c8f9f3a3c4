/**
 * linkage and scorecard benchmarks: linkCoefficients over 10,000 departments × 20 company KPIs,
 * and composeScore over 1,000,000 scorecards (seed 001's back-office card, one sub-card).
 * Run: `npx tsx bench/run.ts linkage`.
 */
import { composeScore, linkCoefficients, tallyPoints } from '../src/index.js';
import { benchSuite, prng } from './harness.js';

export default async function linkageBench(): Promise<void> {
  const random = prng(42);
  const kpis = Array.from({ length: 20 }, (_, k) => ({
    id: `kpi${String(k).padStart(2, '0')}`,
    coefficient: (0.6 + random() * 0.6).toFixed(4),
  }));
  const levelNames = ['strong', 'medium', 'weak'] as const;
  const departments = (count: number) =>
    Array.from({ length: count }, (_, d) => {
      const relevance: Record<string, string> = {};
      // Each department links to 4 of the 20 KPIs: ≤ 4 × 0.25 = 1, so Σr ≤ 1 holds.
      for (let j = 0; j < 4; j++)
        relevance[kpis[(d + j * 5) % 20]?.id as string] = levelNames[Math.floor(random() * 3)] as string;
      return { id: `dept${String(d).padStart(5, '0')}`, coefficient: (0.7 + random() * 0.5).toFixed(4), relevance };
    });
  const levels = { strong: '0.25', medium: '0.12', weak: '0.03' };
  const small = departments(1_000);
  const large = departments(10_000);
  const fullMatrix = Array.from({ length: 10_000 }, (_, d) => {
    const relevance: Record<string, string> = {};
    for (const kpi of kpis) relevance[kpi.id] = 'weak'; // 20 × 0.03 = 0.6
    return { id: `dept${String(d).padStart(5, '0')}`, coefficient: (0.7 + random() * 0.5).toFixed(4), relevance };
  });

  await benchSuite(
    'linkCoefficients',
    [
      {
        name: '1,000 departments × 20 KPIs (4 links each)',
        run: () => linkCoefficients({ levels, companyKpis: kpis, departments: small, uniformKpi: 'kpi00' }),
      },
      {
        name: '10,000 departments × 20 KPIs (4 links each)',
        run: () => linkCoefficients({ levels, companyKpis: kpis, departments: large, uniformKpi: 'kpi00' }),
      },
      {
        name: '10,000 departments × 20 KPIs (all 200,000 links)',
        run: () => linkCoefficients({ levels, companyKpis: kpis, departments: fullMatrix, uniformKpi: 'kpi00' }),
        iterations: 3,
      },
    ],
    5,
  );

  const card = [
    { id: 'functional', weight: '0.4' },
    {
      id: 'support',
      weight: '0.3',
      components: [
        { id: 'speed', weight: '0.5' },
        { id: 'quality', weight: '0.5' },
      ],
    },
    { id: 'company', weight: '0.3' },
  ];
  const subjects = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `p${String(i).padStart(7, '0')}`,
      scores: {
        functional: 60 + Math.floor(random() * 41),
        speed: (60 + random() * 40).toFixed(1),
        quality: 60 + Math.floor(random() * 41),
        company: 80,
      },
    }));
  const tenThousand = subjects(10_000);
  const million = subjects(1_000_000);
  await benchSuite(
    'composeScore',
    [
      {
        name: '10,000 scorecards',
        run: () =>
          composeScore({ components: card, subjects: tenThousand, coefficient: { kind: 'linear', slope: '0.01' } }),
      },
      {
        name: '1,000,000 scorecards, score and coefficient only',
        run: () =>
          composeScore({
            components: card,
            subjects: million,
            coefficient: { kind: 'linear', slope: '0.01' },
            trace: false,
            breakdown: false,
          }),
        iterations: 2,
      },
      {
        name: '1,000,000 scorecards, component rows, no trace',
        run: () =>
          composeScore({
            components: card,
            subjects: million,
            coefficient: { kind: 'linear', slope: '0.01' },
            trace: false,
          }),
        iterations: 1,
      },
      {
        name: '1,000,000 scorecards, with trace',
        run: () =>
          composeScore({ components: card, subjects: million, coefficient: { kind: 'linear', slope: '0.01' } }),
        iterations: 1,
      },
    ],
    5,
  );

  const entries = Array.from({ length: 100_000 }, (_, i) => ({
    id: `e${String(i).padStart(6, '0')}`,
    subject: `s${i % 1000}`,
    points: Math.floor(random() * 30) - 10,
    reason: 'r',
    evidence: i % 10 === 0 ? null : 'doc',
    proposer: 'lead',
    approver: 'head',
    date: '2026-03-01',
  }));
  await benchSuite(
    'tallyPoints',
    [
      {
        name: '100,000 entries, 1,000 subjects',
        run: () => tallyPoints({ entries, scoring: { kind: 'linear', intercept: 80, floor: 0, cap: 100 } }),
      },
    ],
    5,
  );
}

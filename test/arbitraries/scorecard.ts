/**
 * Arbitraries for linkage and scorecards: relevance matrices with company KPIs (SPEC §3.1),
 * weighted scorecards with missing components (§3.6) and collaboration-point ledgers (§3.7).
 */
import fc from 'fast-check';
import type {
  CompanyCoefficientsInput,
  ComposeScoreInput,
  LinkCoefficientsInput,
  TallyPointsInput,
} from '../../src/index.js';
import { decimalText, unitSharesArb } from './index.js';

const coefficientText = fc.integer({ min: 0, max: 20_000 }).map((n) => decimalText(BigInt(n), 4));

/** Seed 003's levels (strong 0.25, medium 0.12, weak 0.03) and 1–3 KPIs; departments relevant to at most 3 KPIs, so Σ r ≤ 0.75. */
export const linkCoefficientsArb: fc.Arbitrary<LinkCoefficientsInput> = fc
  .record({
    kpis: fc.array(
      fc.oneof(
        coefficientText.map((coefficient) => ({ coefficient })),
        fc
          .tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 1_000_000 }))
          .map(([actual, target]) => ({ actual: String(actual), target: String(target) })),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    departments: fc.array(
      fc.record({
        coefficient: coefficientText,
        levels: fc.array(fc.constantFrom('strong', 'medium', 'weak', undefined), { minLength: 3, maxLength: 3 }),
        exempt: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ kpis, departments }) => ({
    levels: { strong: '0.25', medium: '0.12', weak: '0.03' },
    companyKpis: kpis.map((kpi, k) => ({ id: `kpi${k}`, ...kpi })),
    uniformKpi: 'kpi0',
    departments: departments.map((department, d) => {
      const relevance = Object.fromEntries(
        department.levels
          .slice(0, kpis.length)
          .flatMap((level, k) => (level === undefined ? [] : [[`kpi${k}`, level]])),
      );
      return {
        id: `dept${d}`,
        coefficient: department.coefficient,
        relevance,
        ...(department.exempt ? { exempt: true } : {}),
      };
    }),
  }));

/** KPIs with actual / target through a clamped linear map (seed 000: 80 % → 0.8). */
export const companyCoefficientsArb: fc.Arbitrary<CompanyCoefficientsInput> = fc
  .array(fc.tuple(fc.integer({ min: -1000, max: 3_000_000 }), fc.integer({ min: 1, max: 1_000_000 })), {
    minLength: 1,
    maxLength: 5,
  })
  .map((rows) => ({
    kpis: rows.map(([actual, target], k) => ({ id: `kpi${k}`, actual: String(actual), target: String(target) })),
    map: { kind: 'linear' as const, slope: 1, floor: '0.5', cap: '1.2' },
  }));

/** Random weights summing to 1; scores of components after the first may be missing (null), so `reweight` and `neutral` both apply. */
export const composeScoreArb: fc.Arbitrary<ComposeScoreInput> = fc.integer({ min: 1, max: 4 }).chain((k) =>
  fc
    .record({
      weights: unitSharesArb(k),
      missing: fc.constantFrom('reweight' as const, 'neutral' as const),
      subjects: fc.array(
        fc.array(fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: null, freq: 6 }), {
          minLength: k,
          maxLength: k,
        }),
        { maxLength: 10 },
      ),
    })
    .map(({ weights, missing, subjects }) => {
      // The heaviest component always has a score, so re-weighting has something to weigh.
      const heaviest = weights.reduce((best, weight, c) => (Number(weight) > Number(weights[best]) ? c : best), 0);
      return {
        components: weights.map((weight, c) => ({ id: `c${c}`, weight })),
        missing,
        neutralScore: 60,
        coefficient: { kind: 'linear' as const, slope: '0.01' },
        subjects: subjects.map((scores, s) => ({
          id: `subject${s}`,
          scores: Object.fromEntries(
            scores
              .map((score, c) => (c === heaviest ? (score ?? 6000) : score))
              .map((score, c) => [`c${c}`, score === null ? null : decimalText(BigInt(score), 2)]),
          ),
        })),
      };
    }),
);

/** A ledger of catalogue and free-point entries, some without evidence or self-approved (rejected). */
export const tallyPointsArb: fc.Arbitrary<TallyPointsInput> = fc
  .array(
    fc.record({
      subject: fc.integer({ min: 0, max: 3 }),
      type: fc.option(fc.constantFrom('riskAvoided', 'betterTerms', 'negligentLoss'), { nil: undefined }),
      points: fc.integer({ min: -30, max: 30 }),
      evidence: fc.option(fc.constantFrom('memo-1', 'mail-7'), { nil: null }),
      approver: fc.option(fc.constantFrom('cfo', 'ceo'), { nil: null }),
      day: fc.integer({ min: 1, max: 28 }),
    }),
    { maxLength: 20 },
  )
  .map((rows) => ({
    catalogue: [
      { id: 'riskAvoided', points: 10 },
      { id: 'betterTerms', points: 5 },
      { id: 'negligentLoss', points: -20 },
    ],
    entries: rows.map((row, i) => ({
      id: `e${i}`,
      subject: `unit${row.subject}`,
      ...(row.type === undefined ? { points: row.points } : { type: row.type }),
      reason: 'seed 000 risk contribution',
      evidence: row.evidence,
      proposer: 'cfo',
      approver: row.approver,
      date: `2026-03-${String(row.day).padStart(2, '0')}`,
    })),
    scoring: { kind: 'linear' as const, intercept: 80, floor: 0, cap: 100 },
  }));

/**
 * Valid inputs for every public function, by function name: one arbitrary per target, shared by
 * the determinism suite (fixed-seed samples in several processes and builds) and the mutation fuzz
 * (valid inputs with one field made hostile). Add a source when a mechanism lands.
 */
import fc from 'fast-check';
import { creditScenarioArb, indicatorsArb } from './interlock.js';
import { moneyCase, sharesArb, tierTableArb } from './index.js';
import { allocatePoolArb, carvePoolArb } from './pool.js';
import { scoreRatingsArb } from './ratings.js';
import { adversarialScenarioArb, scenarioArb } from './scenario.js';
import { companyCoefficientsArb, composeScoreArb, linkCoefficientsArb, tallyPointsArb } from './scorecard.js';
import { businessDurationArb, calendarArb, responseTable, ticketsArb } from './time.js';

const timeSources: CaseSource[] = [
  // Time zones matter most here: the host's TZ must never leak into a business duration.
  { target: 'businessDuration', input: businessDurationArb, count: 16 },
  {
    target: 'scoreResponseTimes',
    input: fc.tuple(ticketsArb, fc.option(calendarArb, { nil: undefined })).map(([tickets, calendar]) => ({
      asOf: '2026-03-31T23:59:59+08:00',
      tickets,
      response: {
        table: responseTable,
        elastic: [{ id: 'surge', when: { kind: 'ticketsAbove' as const, count: 10 }, factor: 2 }],
      },
      resolution: { table: { ...responseTable, interpolate: true } },
      ...(calendar === undefined ? {} : { calendar }),
    })),
  },
];

/** A case source: the target function and an arbitrary of its inputs. */
export interface CaseSource {
  readonly target: string;
  readonly input: fc.Arbitrary<unknown>;
  readonly count?: number;
}

export const inputSources: CaseSource[] = [
  {
    target: 'allocate',
    input: fc.tuple(moneyCase(), sharesArb(30)).map(([money, shares]) => ({
      total: money.total,
      currency: money.currency,
      shares,
      whenNoWeight: 'unallocated',
    })),
  },
  {
    target: 'tierScore',
    input: fc
      .tuple(tierTableArb(), fc.integer({ min: -200_000, max: 200_000 }))
      .map(([table, value]) => ({ table, value: (value / 100).toFixed(2) })),
  },
  {
    target: 'applyRateTable',
    input: fc
      .tuple(
        tierTableArb({ interpolate: false, boundMin: 0, scoreScale: 4 }).filter((table) =>
          table.bands.every((band) => Number(band.score) <= 1),
        ),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.constantFrom('marginal', 'retroactive'),
      )
      .map(([table, fen, method]) => ({ table, amount: (fen / 100).toFixed(2), currency: 'CNY', method })),
  },
  { target: 'creditFacts', input: creditScenarioArb },
  { target: 'settleInterlock', input: indicatorsArb.map((indicators) => ({ currency: 'CNY', indicators })) },
  ...timeSources,
];

// ── ratings ────────────────────────────────────────────────────────────────
inputSources.push(
  {
    target: 'reviewRatings',
    input: scoreRatingsArb.map(({ plan, ratings }) => ({
      plan: { scale: plan.scale, extremes: plan.extremes },
      ratings,
    })),
  },
  { target: 'scoreRatings', input: scoreRatingsArb },
);

// ── linkage and scorecard ──────────────────────────────────────────────────
inputSources.push(
  { target: 'linkCoefficients', input: linkCoefficientsArb },
  { target: 'companyCoefficients', input: companyCoefficientsArb },
  { target: 'composeScore', input: composeScoreArb },
  { target: 'tallyPoints', input: tallyPointsArb },
);

// ── pool ───────────────────────────────────────────────────────────────────
inputSources.push({ target: 'carvePool', input: carvePoolArb }, { target: 'allocatePool', input: allocatePoolArb });

// ── period (active once runPeriod is exported) ─────────────────────────────
inputSources.push(
  { target: 'runPeriod', input: fc.oneof(scenarioArb, adversarialScenarioArb), count: 12 },
  { target: 'resolvePlan', input: scenarioArb.map((scenario) => ({ plan: scenario.plan, period: scenario.period })) },
);

// ── what-if (active once compareRuns and correctPeriod are exported) ───────
inputSources.push(
  {
    target: 'compareRuns',
    // The live plan against one paying 5 % more base in every grade.
    input: scenarioArb.map((scenario) => ({
      scenario,
      proposedPlan: {
        ...scenario.plan,
        versions: scenario.plan.versions.map((version) => ({
          ...version,
          grades: version.grades.map((grade) => ({ ...grade, basePay: (Number(grade.basePay) * 1.05).toFixed(0) })),
        })),
      },
    })),
  },
  {
    target: 'correctPeriod',
    // A paid period corrected by dropping its last deduction.
    input: scenarioArb.map((scenario) => ({
      paid: { scenario },
      corrected: {
        ...scenario,
        data: { ...scenario.data, deductions: (scenario.data?.deductions ?? []).slice(0, -1) },
      },
    })),
  },
);

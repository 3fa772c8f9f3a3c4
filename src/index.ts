/**
 * synergy-pay: exact, conserving, explainable calculations that tie back-office pay to the front
 * line. The public surface, in SPEC §6 order: re-exports only.
 *
 * @packageDocumentation
 */

// ── core: allocate ─────────────────────────────────────────────────────────
export { allocate, allocateInputSchema, allocateShareSchema } from './core/allocate.js';
export type { AllocateInput, AllocationPart, AllocationResult } from './core/allocate.js';

// ── tiers: tierScore ───────────────────────────────────────────────────────
export { tierScore } from './tiers/tierScore.js';
export type { TierScoreResult } from './tiers/tierScore.js';
export { applyRateTable } from './tiers/rateTable.js';
export type { RateMethod, RateSlice, RateTableResult } from './tiers/rateTable.js';
export { durationBoundSchema, rateTableInputSchema, tierBandSchema, tierBoundSchema, tierScoreInputSchema, tierTableSchema } from './tiers/schema.js';
export type { DurationBound, RateTableInput, TierBand, TierScoreInput, TierTable } from './tiers/schema.js';


// ── time: businessDuration ─────────────────────────────────────────────────


// ── linkage: linkCoefficients ──────────────────────────────────────────────
export { linkCoefficients, linkCoefficientsInputSchema, linkDepartmentSchema, linkKpiSchema, relevanceLevelSchema } from './linkage/linkCoefficients.js';
export type { CoefficientLink, LinkCoefficientsInput, LinkCoefficientsResult, LinkedDepartment } from './linkage/linkCoefficients.js';
export { companyCoefficients, companyCoefficientsInputSchema, companyKpiSchema } from './linkage/companyCoefficients.js';
export type { CompanyCoefficient, CompanyCoefficientsInput, CompanyCoefficientsResult } from './linkage/companyCoefficients.js';
export { coefficientMapSchema, linearMapSchema } from './linkage/coefficientMap.js';
export type { CoefficientMapInput, LinearMapInput } from './linkage/coefficientMap.js';


// ── interlock: creditFacts, settleInterlock ────────────────────────────────


// ── ratings: reviewRatings, scoreRatings ───────────────────────────────────


// ── time: scoreResponseTimes ───────────────────────────────────────────────


// ── pool: carvePool, allocatePool ──────────────────────────────────────────


// ── scorecard: composeScore, tallyPoints ───────────────────────────────────
export { composeScore } from './scorecard/composeScore.js';
export type { ComponentResult, ComponentSource, ComposeScoreInput, ComposeScoreResult, ScoredSubject } from './scorecard/composeScore.js';
export { tallyPoints } from './scorecard/tallyPoints.js';
export type { PointRejection, PointSubject, TalliedEntry, TallyPointsInput, TallyPointsResult } from './scorecard/tallyPoints.js';
export { deriveTargets, deriveTargetsInputSchema, targetBaselineSchema, targetHistorySchema, targetMetricSchema, targetPersonSchema, targetRuleSchema } from './scorecard/deriveTargets.js';
export type { DeriveTargetsInput, DeriveTargetsResult, FiredRule, MetricTarget, PersonTargets } from './scorecard/deriveTargets.js';
export {
  composeScoreInputSchema,
  missingPolicySchema,
  pointEntrySchema,
  pointTypeSchema,
  scorecardComponentSchema,
  scorecardSubjectSchema,
  tallyPointsInputSchema,
} from './scorecard/schema.js';
export type { MissingPolicy, ScorecardComponentInput } from './scorecard/schema.js';


// ── period: resolvePlan, runPeriod, compareRuns, correctPeriod ─────────────


// ── schemas ────────────────────────────────────────────────────────────────
export { schemas } from './schemas.js';

// ── errors, traces, money and rounding ─────────────────────────────────────
export { SynergyPayError, formatPath } from './core/errors.js';
export type { Issue, IssuePath } from './core/errors.js';
export { errorCatalogue } from './core/codes.js';
export type { ErrorCode } from './core/codes.js';
export type { TraceStep } from './core/trace.js';
export type { DecimalInput } from './core/decimalInput.js';
export { minorDigits } from './core/currency.js';
export { defaultRounding } from './core/rounding.js';
export type { RoundingMode, RoundingPolicy } from './core/rounding.js';
export {
  currencySchema,
  decimalSchema,
  idSchema,
  instantSchema,
  isoDateSchema,
  moneySchema,
  nonNegativeDecimalSchema,
  roundingSchema,
} from './core/schema.js';

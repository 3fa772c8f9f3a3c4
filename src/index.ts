/**
 * synergy-pay: exact, conserving, explainable calculations that tie back-office pay to the front
 * line. The public surface, in SPEC §6 order: re-exports only.
 *
 * @packageDocumentation
 */

// ── core: schemas ──
export type { Schema, SchemaIssue, SchemaResult } from './core/schema.js';

// ── core: allocate ─────────────────────────────────────────────────────────
export { allocate } from './core/allocate.js';
export type { AllocateInput, AllocateShare, AllocationPart, AllocationResult } from './core/allocate.js';

// ── tiers: tierScore ───────────────────────────────────────────────────────
export { tierScore } from './tiers/tierScore.js';
export { applyRateTable } from './tiers/rateTable.js';
export type {
  CoefficientMapInput,
  DurationBound,
  LinearMapInput,
  RateMethod,
  RateSlice,
  RateTableInput,
  RateTableResult,
  TierBand,
  TierMapInput,
  TierScoreInput,
  TierScoreResult,
  TierTable,
} from './tiers/types.js';

// ── time: businessDuration ─────────────────────────────────────────────────
export { businessDuration } from './time/businessDuration.js';
export type {
  BusinessDurationInput,
  BusinessDurationResult,
  CalendarInput,
  CountedInterval,
  Pause,
  WorkingInterval,
  WorkWeek,
} from './time/types.js';

// ── linkage: linkCoefficients ──────────────────────────────────────────────
export { linkCoefficients } from './linkage/linkCoefficients.js';
export { companyCoefficients } from './linkage/companyCoefficients.js';
export type {
  CoefficientLink,
  CompanyCoefficient,
  CompanyCoefficientsInput,
  CompanyCoefficientsResult,
  CompanyKpiInput,
  LinkCoefficientsInput,
  LinkCoefficientsResult,
  LinkDepartmentInput,
  LinkedDepartment,
  LinkedKpi,
  LinkKpiInput,
  RelevanceLevel,
} from './linkage/types.js';

// ── interlock: creditFacts, settleInterlock ────────────────────────────────
export { creditFacts } from './interlock/creditFacts.js';
export { settleInterlock } from './interlock/settleInterlock.js';
export type {
  CreditDimension,
  CreditExclusion,
  CreditFactsInput,
  CreditFactsResult,
  CreditMember,
  CreditReference,
  CreditSplit,
  DimensionCredit,
  IndicatorSettlement,
  InterlockCredits,
  InterlockIndicator,
  InterlockParty,
  InterlockPartyShare,
  InterlockPartyTotal,
  InterlockReward,
  InterlockSevereMiss,
  InterlockWarning,
  MemberCredit,
  RevenueFact,
  SettleInterlockInput,
  SettleInterlockResult,
} from './interlock/types.js';

// ── ratings: reviewRatings, scoreRatings ───────────────────────────────────
export { reviewRatings } from './ratings/reviewRatings.js';
export { scoreRatings } from './ratings/scoreRatings.js';
export type {
  AppliedDecision,
  DimensionScore,
  FlagCode,
  FlagReason,
  LeniencyShift,
  OutcomeReason,
  RaciAssignmentInput,
  RaciTaskInput,
  RatedBy,
  RateeScore,
  RatingCounts,
  RatingDimensionInput,
  RatingFlag,
  RatingInput,
  RatingOutcome,
  RatingPartyInput,
  RatingPlanInput,
  RatingSettingsUsed,
  RatingStatus,
  RatingWarning,
  ReviewDecisionInput,
  ReviewInput,
  ReviewRatingsInput,
  ReviewRatingsResult,
  ScoreRatingsInput,
  ScoreRatingsResult,
  ScoringPlanInput,
} from './ratings/types.js';

// ── time: scoreResponseTimes ───────────────────────────────────────────────
export { scoreResponseTimes } from './time/scoreResponseTimes.js';
export type {
  AppliedCondition,
  BandCount,
  ElasticConditionInput,
  MetricSummary,
  ResponseMetric,
  ResponseMetricInput,
  ResponseTimesResult,
  ScoreResponseTimesInput,
  TicketDetail,
  TicketInput,
  TicketMeasure,
  TicketsAbove,
  UnitResponseTimes,
} from './time/types.js';

// ── pool: carvePool, allocatePool ──────────────────────────────────────────
export { carvePool } from './pool/carvePool.js';
export { allocatePool } from './pool/allocatePool.js';
export { computeCommissions } from './pool/commissions.js';
export { elasticityExponent } from './pool/elasticity.js';
export type {
  AllocatePoolInput,
  AllocatePoolResult,
  CarvePoolInput,
  ContributionRounding,
  CarvePoolResult,
  CarveRow,
  ClawbackInput,
  CommissionBaseInput,
  CommissionRow,
  CommissionRowInput,
  CommissionSlice,
  CommissionsInput,
  CommissionsResult,
  ElasticityExponentInput,
  ElasticityExponentResult,
  PoolAward,
  PoolOptions,
  PoolRecipientInput,
  PoolUnitAward,
  PoolUnitInput,
  PoolWeighting,
  ReversalLine,
} from './pool/types.js';

// ── draws: settleDraws ─────────────────────────────────────────────────────
export { settleDraws } from './draws/settleDraws.js';
export type {
  DrawInput,
  DrawLeavingPolicy,
  DrawPersonInput,
  DrawPolicyInput,
  DrawSettlement,
  DrawTotals,
  SettleDrawsInput,
  SettleDrawsResult,
} from './draws/types.js';

// ── scorecard: composeScore, tallyPoints ───────────────────────────────────
export { composeScore } from './scorecard/composeScore.js';
export { tallyPoints } from './scorecard/tallyPoints.js';
export { deriveTargets } from './scorecard/deriveTargets.js';
export type {
  ComponentResult,
  ComponentSource,
  ComposeScoreInput,
  ComposeScoreResult,
  DeriveTargetsInput,
  DeriveTargetsResult,
  FiredRule,
  MetricTarget,
  MissingPolicy,
  PersonTargets,
  PointEntryInput,
  PointRejection,
  PointSubject,
  PointTypeInput,
  ScorecardComponentInput,
  ScorecardInput,
  ScorecardSubjectInput,
  ScoredSubject,
  TalliedEntry,
  TallyPointsInput,
  TallyPointsResult,
  TargetBaselineInput,
  TargetHistoryInput,
  TargetMetricInput,
  TargetPersonInput,
  TargetRuleInput,
} from './scorecard/types.js';

// ── period: resolvePlan, runPeriod, compareRuns, correctPeriod ─────────────
export { resolvePlan } from './period/resolvePlan.js';
export { runPeriod, runPeriodStream } from './period/runPeriod.js';
export { planShards, type ShardedOrg } from './period/planShards.js';
export { runPeriodSharded, shardPeriod } from './period/shardedRun.js';
export { runShard } from './period/shardRun.js';
export { componentLabels, statementLineKinds } from './period/statement.js';
export { traceInputWords } from './period/glossary.js';
export type {
  CommissionInput,
  CompanyKpiResultInput,
  ComponentScoreInput,
  ControlsInput,
  DeductionInput,
  HeldCommissionInput,
  HeldCommission,
  PeriodHolds,
  PlanCommissionsInput,
  SaleInput,
  CommissionMeasureInput,
  ExchangeRateInput,
  PlanConversionInput,
  CurrencyConversion,
  DrawArrangementInput,
  DrawBalanceInput,
  PeriodDraws,
  DepartmentCoefficientInput,
  DepartmentInput,
  DepartmentLinkage,
  DepartmentResult,
  Exclusion,
  ExclusionCode,
  GradeInput,
  InterlockSummary,
  OrgInput,
  PayStatement,
  PeriodDataInput,
  PeriodInput,
  PeriodTotals,
  LedgerSection,
  LedgerSectionName,
  LedgerUse,
  PersonInput,
  PlanChange,
  PlanInput,
  PlanInterlockInput,
  PlanLinkageInput,
  PlanPlausibilityInput,
  PlanPoolInput,
  PlanRatingsInput,
  PlanResponseTimesInput,
  PlanScorecardInput,
  PlanSegment,
  PlanVersionInput,
  PlausibleRangeInput,
  PlausibilityCode,
  PoolAwardScore,
  PoolAwardWeighting,
  PoolScoreSource,
  PoolSegment,
  ReconciliationCheck,
  ResolvedPeriod,
  ResolvedPlan,
  ResolvePlanInput,
  ReviewCode,
  ReviewItem,
  RunPeriodInput,
  RunPeriodResult,
  RunPeriodStream,
  PlannedShard,
  RunShardStream,
  ShardedPeriod,
  ShardPlan,
  ShardPoolInputs,
  ShardPoolShare,
  ShardRunner,
  ShardSummary,
  ShardTask,
  RunPeriodSummary,
  ScorecardSource,
  ScorecardScopeInput,
  SupportCardInput,
  SupportCardComponent,
  PlanTargetsInput,
  MeasureInput,
  MeasureHistoryInput,
  StatementTargets,
  TargetMeasure,
  TargetAdjustment,
  StatementLine,
  StatementLineKind,
  StatementSubtotal,
  SupportScoreInput,
} from './period/types.js';
export { jsonSchemaOf } from './core/jsonSchema.js';
export { scenarioJsonSchema } from './period/jsonSchema.js';
export { demoScenario } from './demo/demoScenario.js';
export type { DemoScenarioInput } from './demo/types.js';

// ── schemas ────────────────────────────────────────────────────────────────
// Every input schema, typed by its named interfaces (`Schema`), and `schemas` by function name.
export * from './schemas.js';

// ── errors, traces, money and rounding ─────────────────────────────────────
export { SynergyPayError, formatPath, isSynergyPayError } from './core/errors.js';
export type { Issue, IssuePath } from './core/errors.js';
export { errorCatalogue } from './core/codes.js';
export type { ErrorCode } from './core/codes.js';
export type { TraceStep } from './core/trace.js';
export type { DecimalInput } from './core/decimalInput.js';
export { minorDigits } from './core/currency.js';
export { moneyFormat } from './core/moneyFormat.js';
export type { MoneyFormat } from './core/moneyFormat.js';
export { defaultRounding } from './core/rounding.js';
export type { RoundingInput, RoundingMode, RoundingPolicy } from './core/rounding.js';

// ── what-if: compareRuns, correctPeriod ─────────────────────────────────────
export { compareRuns } from './whatif/compareRuns.js';
export { correctPeriod } from './whatif/correctPeriod.js';
export { diffInputs } from './whatif/runs.js';
export type {
  CarriedChange,
  CompareRunsInput,
  CorrectionLine,
  CorrectionPlan,
  CorrectPeriodInput,
  DepartmentComparison,
  FieldChange,
  InputChange,
  KindComparison,
  LineChange,
  PayMove,
  PeriodCorrection,
  PersonComparison,
  PersonCorrection,
  PoolSpread,
  RuleChange,
  RunComparison,
  RunResultInput,
  SavedConversion,
  SavedDepartment,
  SavedDraws,
  SavedHolds,
  SavedRunResult,
  SavedStatement,
  SavedStatementLine,
  TotalComparison,
} from './whatif/types.js';

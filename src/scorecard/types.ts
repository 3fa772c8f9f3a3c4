/** The public shapes of scorecards (SPEC §3.6–3.7, seed 004): one definition each (schemas in schema.ts). */
import type { DecimalInput } from '../core/decimalInput.js';
import type { RoundingInput } from '../core/rounding.js';
import type { TraceStep } from '../core/trace.js';
import type { CoefficientMapInput } from '../tiers/types.js';

/** A component without a score (SPEC §3.6): re-weight without it, use `neutralScore`, or `MISSING_COMPONENT`. */
export type MissingPolicy = 'reweight' | 'neutral' | 'error';

/** A scorecard component: a leaf scored by the data, or a nested scorecard with its own `components`. */
export interface ScorecardComponentInput {
  /** Unique id across the whole card; subjects' `scores` are keyed by leaf ids. */
  id: string;
  /** Weight within its level (≥ 0); the weights of one level sum to exactly 1. */
  weight: DecimalInput;
  /** Sub-components: this component is itself a scorecard. @defaultValue none (a leaf) */
  components?: ScorecardComponentInput[] | undefined;
  /** Policy when this component has no score. @defaultValue the enclosing level's, else `'error'` */
  missing?: MissingPolicy | undefined;
  /** Score used when this component is missing under `neutral`. @defaultValue the enclosing level's */
  neutralScore?: DecimalInput | undefined;
}

/** One subject (person or department) to score. */
export interface ScorecardSubjectInput {
  /** Unique id of the subject. */
  id: string;
  /** Score per leaf component id; absent or `null` means missing. */
  scores: Record<string, DecimalInput | null>;
}

/** The card of `composeScore`: everything but the subjects. */
export interface ScorecardInput {
  /** Weighted components (weights of each level sum to exactly 1), possibly nested; at least one. */
  components: ScorecardComponentInput[];
  /** Policy for a missing component, unless the component says otherwise. @defaultValue `'error'` */
  missing?: MissingPolicy | undefined;
  /** Score used for a missing component under `neutral`. @defaultValue none (required for `neutral`) */
  neutralScore?: DecimalInput | undefined;
  /** Map from the final score to a performance coefficient. @defaultValue none (coefficient `null`) */
  coefficient?: CoefficientMapInput | undefined;
  /** Card scores round to scoreDecimals, the coefficient to coefficientDecimals. @defaultValue half-up, 2, 4 */
  rounding?: RoundingInput | undefined;
  /** Whether each subject carries its trace (off for bulk what-ifs over millions of cards). @defaultValue `true` */
  trace?: boolean | undefined;
  /** Whether each subject carries its component rows (`false`: `components` is empty). @defaultValue `true` */
  breakdown?: boolean | undefined;
}

/** Input of `composeScore`. */
export interface ComposeScoreInput extends ScorecardInput {
  /** The subjects to score (ids unique). */
  subjects: ScorecardSubjectInput[];
}

/** Where a component's score came from: `given`, `composed` from sub-components, `neutral`, or `missing` (dropped). */
export type ComponentSource = 'given' | 'composed' | 'neutral' | 'missing';

/** One component of a subject's scorecard. */
export interface ComponentResult {
  /** The component's id. */
  readonly id: string;
  /** The weight as declared. */
  readonly weight: string;
  /** The score used (`null` when missing and re-weighted away). Sub-card scores are rounded. */
  readonly score: string | null;
  /** How the score was obtained. */
  readonly source: ComponentSource;
  /** weight × score (`null` when dropped). */
  readonly contribution: string | null;
  /** Sub-components ordered by id, or `null` for a leaf. */
  readonly components: ComponentResult[] | null;
}

/** One subject's composed score. */
export interface ScoredSubject {
  /** The subject's id. */
  readonly id: string;
  /** Σ weight × score over the components used ÷ their weight, rounded to the score decimals. */
  readonly score: string;
  /** The score mapped to a coefficient (rounded to the coefficient decimals), or `null` without a map. */
  readonly coefficient: string | null;
  /** Components ordered by id (empty with `breakdown: false`). */
  readonly components: ComponentResult[];
  /** The steps that derived score and coefficient (empty with `trace: false`). */
  readonly trace: TraceStep[];
}

/** Result of `composeScore`. */
export interface ComposeScoreResult {
  /** The subjects, ordered by id. */
  readonly subjects: ScoredSubject[];
}

/** A catalogue entry type for collaboration points (seed 000: +10, +5, −20). */
export interface PointTypeInput {
  /** Unique id (`"majorRiskAvoided"`). */
  id: string;
  /** Points an entry of this type carries (negative for a penalty). */
  points: DecimalInput;
  /** Human label, at most 200 characters. @defaultValue none */
  label?: string | undefined;
}

/** One ledger entry [台账]. */
export interface PointEntryInput {
  /** Unique id of the entry. */
  id: string;
  /** Who the points are for (person or department id). */
  subject: string;
  /** Catalogue type; gives the points. @defaultValue none (then `points` is required) */
  type?: string | undefined;
  /** Points (negative for a penalty); must equal the type's points when both are given. */
  points?: DecimalInput | undefined;
  /** Why the points were proposed (at most 2000 characters). */
  reason: string;
  /** Evidence reference (document, ticket, minutes); missing or blank → rejected. @defaultValue none */
  evidence?: string | null | undefined;
  /** Who proposed the entry (project lead or a manager one level up, seed 003). */
  proposer: string;
  /** Who approved it; missing, or the proposer themself → rejected. @defaultValue none */
  approver?: string | null | undefined;
  /** The date of the behaviour, YYYY-MM-DD. */
  date: string;
}

/** Input of `tallyPoints`. */
export interface TallyPointsInput {
  /** Entry types with fixed points. @defaultValue `[]` */
  catalogue?: PointTypeInput[] | undefined;
  /** The ledger. */
  entries: PointEntryInput[];
  /** Subjects to report even without entries (they get the score of 0 net points). @defaultValue `[]` */
  subjects?: string[] | undefined;
  /** Net points → component score, rounded to the score decimals. @defaultValue `{ kind: 'linear' }` (net, ≥ 0) */
  scoring?: CoefficientMapInput | undefined;
  /** Rounding policy. @defaultValue half-up, scores 2 dp */
  rounding?: RoundingInput | undefined;
}

/** Why an entry was not counted. */
export type PointRejection = 'noEvidence' | 'notApproved' | 'selfApproved';

/** One ledger entry after review. */
export interface TalliedEntry {
  /** The entry's id. */
  readonly id: string;
  /** Who the points are for. */
  readonly subject: string;
  /** The catalogue type, or `null`. */
  readonly type: string | null;
  /** Points carried (from the catalogue when typed). */
  readonly points: string;
  /** Whether the entry counts. */
  readonly accepted: boolean;
  /** Every reason the entry was rejected (empty when accepted), in a fixed order. */
  readonly reasons: PointRejection[];
}

/** One subject's net points and component score. */
export interface PointSubject {
  /** The subject's id. */
  readonly id: string;
  /** Σ of accepted positive points. */
  readonly bonus: string;
  /** Σ of accepted negative points (≤ 0). */
  readonly penalty: string;
  /** bonus + penalty. */
  readonly net: string;
  /** Entries counted. */
  readonly accepted: number;
  /** Entries rejected. */
  readonly rejected: number;
  /** The component score: the scoring map applied to net, rounded to the score decimals. */
  readonly score: string;
  /** Net points, map and rounding, derived. */
  readonly trace: TraceStep[];
}

/** Result of `tallyPoints`. */
export interface TallyPointsResult {
  /** The entries, ordered by id. */
  readonly entries: TalliedEntry[];
  /** The subjects, ordered by id. */
  readonly subjects: PointSubject[];
  /** Number of rejected entries. */
  readonly rejected: number;
}

/** A metric with an elastic target (seed 004: development cycle, bug rate). */
export interface TargetMetricInput {
  /** Unique id (`"cycleWeeks"`, `"bugRate"`). */
  id: string;
  /** `lowerIsBetter` (cycle time, bug rate) or `higherIsBetter` (attainment). */
  direction: 'lowerIsBetter' | 'higherIsBetter';
  /** Whether the task's complexity factor multiplies the baseline. @defaultValue `true` */
  scaleWithComplexity?: boolean | undefined;
  /** Decimal places of the target, 0–12. @defaultValue the policy's coefficient decimals (4) */
  decimals?: number | undefined;
}

/** Ability baseline [能力基准] of one level: a value per metric. */
export interface TargetBaselineInput {
  /** Level id (`"senior"`, `"junior"`); unique. */
  id: string;
  /** Baseline (≥ 0) per metric id; every metric needs one. */
  values: Record<string, DecimalInput>;
}

/**
 * An adjustment rule: when the latest `streak` consecutive months are all `better` (or `worse`)
 * than the level's baseline, the target is relaxed (or tightened) by `step` (seed 004).
 */
export interface TargetRuleInput {
  /** Unique id, named in the result when the rule fires; rules apply in id order. */
  id: string;
  /** The metric the rule watches and adjusts. */
  metric: string;
  /** Consecutive months needed (1–120), counted back from the latest month of history. */
  streak: number;
  /** Which months count: `better` or `worse` than the baseline (strictly). */
  when: 'better' | 'worse';
  /** `relax` makes the target easier, `tighten` harder (direction-aware). */
  adjust: 'relax' | 'tighten';
  /** Size of the change (≥ 0). */
  step: DecimalInput;
  /** `absolute` adds or subtracts `step`; `relative` scales by (1 ± step). @defaultValue `'absolute'` */
  stepKind?: 'absolute' | 'relative' | undefined;
}

/** One month of a person's record. */
export interface TargetHistoryInput {
  /** The month, `YYYY-MM`. */
  period: string;
  /** Measured value per metric id (a metric absent this month breaks a streak). */
  values: Record<string, DecimalInput>;
}

/** One person (and task) to set targets for. */
export interface TargetPersonInput {
  /** Unique id (a person, or a person's task). */
  id: string;
  /** Level id of the baseline that applies. */
  level: string;
  /** The task's complexity factor (> 0). @defaultValue `1` */
  complexity?: DecimalInput | undefined;
  /** Monthly record, any order (months unique). @defaultValue `[]` */
  history?: TargetHistoryInput[] | undefined;
}

/** Input of `deriveTargets`. */
export interface DeriveTargetsInput {
  /** The metrics (ids unique), at least one. */
  metrics: TargetMetricInput[];
  /** The baselines by level (ids unique), at least one. */
  baselines: TargetBaselineInput[];
  /** The adjustment rules. @defaultValue `[]` */
  rules?: TargetRuleInput[] | undefined;
  /** The people (ids unique). */
  people: TargetPersonInput[];
  /** Rounding: targets to their metric's `decimals`, else the coefficient decimals. @defaultValue half-up, 4 dp */
  rounding?: RoundingInput | undefined;
}

/** One metric's target for one person. */
export interface MetricTarget {
  /** The metric's id. */
  readonly metric: string;
  /** The metric's direction. */
  readonly direction: 'lowerIsBetter' | 'higherIsBetter';
  /** The level's baseline. */
  readonly baseline: string;
  /** baseline × complexity (or the baseline when the metric does not scale). */
  readonly scaled: string;
  /** After every fired rule, floored at 0, rounded to the metric's decimals. */
  readonly target: string;
  /** Ids of the rules that changed this target, in the order applied. */
  readonly rules: string[];
}

/** A rule that fired for a person. */
export interface FiredRule {
  /** The rule's id. */
  readonly rule: string;
  /** The metric it adjusted. */
  readonly metric: string;
  /** The months that made the streak, oldest first. */
  readonly periods: string[];
}

/** One person's targets. */
export interface PersonTargets {
  /** The person's id. */
  readonly id: string;
  /** The level whose baseline applied. */
  readonly level: string;
  /** The complexity factor used. */
  readonly complexity: string;
  /** Targets ordered by metric id. */
  readonly targets: MetricTarget[];
  /** Every rule that fired, in the order applied (rule id). */
  readonly rulesFired: FiredRule[];
  /** Scaling, rules and rounding, derived. */
  readonly trace: TraceStep[];
}

/** Result of `deriveTargets`. */
export interface DeriveTargetsResult {
  /** The people, ordered by id. */
  readonly people: PersonTargets[];
}

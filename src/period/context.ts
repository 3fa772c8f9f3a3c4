import { minorDigits } from '../core/currency.js';
import type { IssuePath } from '../core/errors.js';
import type { RoundingPolicy } from '../core/rounding.js';
import { resolvePlanVersions, type PlanVersion, type ResolvedPlanVersions } from './resolvePlan.js';
import type { Scenario, ScenarioData } from './scenarioInput.js';
import type { PlanSegment } from './types.js';

/**
 * What every stage of a period run reads (internal to `runPeriod`): the scenario and the plan
 * resolved for its period. Each stage is `stage(context, …figures of earlier stages) → its
 * figures`; the stages of one segment take a {@link SegmentContext}.
 */
export interface PeriodContext {
  readonly scenario: Scenario;
  /** The scenario's period data (empty when it has none). */
  readonly data: ScenarioData;
  readonly resolved: ResolvedPlanVersions;
  readonly rounding: RoundingPolicy;
  /** The plan currency and its minor digits. */
  readonly currency: string;
  readonly digits: number;
  /** Whether per-person trace steps are wanted (`trace` in the scenario). */
  readonly withTrace: boolean;
  /** Whether the input ledger lists its used rows (`ledgerRows`). */
  readonly withLedgerRows: boolean;
  /**
   * Set on a shard of a sharded run (issue 20 §2): its org holds only the shard's departments
   * and people, so the plan's references to people and departments are checked by the
   * coordinator against the whole org, not here.
   */
  readonly shard?: true;
}

/** A period context narrowed to one segment of the period and the plan version it runs on. */
export interface SegmentContext extends PeriodContext {
  /** Index of the segment (chronological). */
  readonly s: number;
  readonly segment: PlanSegment;
  readonly version: PlanVersion;
  /** Index of the version in `plan.versions`. */
  readonly versionIndex: number;
  /** Path of the version in the scenario (`["plan", "versions", v]`): its sections' issues go under it. */
  readonly versionPath: IssuePath;
}

/** Resolves the scenario's plan for its period (the first stage: its issues are thrown at once). */
export function periodContext(scenario: Scenario): PeriodContext {
  const resolved = resolvePlanVersions(scenario.plan, scenario.period, ['plan'], ['period']);
  return {
    scenario,
    data: scenario.data ?? {},
    resolved,
    rounding: resolved.rounding,
    currency: scenario.plan.currency,
    digits: minorDigits(scenario.plan.currency, ['plan', 'currency']),
    withTrace: scenario.trace !== false,
    withLedgerRows: scenario.ledgerRows === true,
  };
}

/** The context of segment `s`. */
export function segmentContext(context: PeriodContext, s: number): SegmentContext {
  const version = context.resolved.segmentVersions[s]!;
  const versionIndex = context.scenario.plan.versions.indexOf(version);
  const segment = context.resolved.segments[s]!;
  return { ...context, s, segment, version, versionIndex, versionPath: ['plan', 'versions', versionIndex] };
}

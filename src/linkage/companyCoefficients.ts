import * as z from 'zod/mini';
import { Dec, roundCoefficient } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { decimalSchema, idSchema, roundingSchema } from '../core/schema.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { indexById, parseInput } from '../core/validate.js';
import {
  applyCoefficientMap,
  coefficientMapSchema,
  compileCoefficientMap,
  type CoefficientMapInput,
  type CompiledCoefficientMap,
} from './coefficientMap.js';
import { compareIds } from '../core/ids.js';

/** One company KPI measured against its target. */
export const companyKpiSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id of the KPI (`"profit"`, `"revenue"`). */
  id: idSchema,
  /** What was achieved in the period, in the KPI's own unit. */
  actual: decimalSchema,
  /** The target, in the same unit; must be positive (`NON_POSITIVE_TARGET` otherwise). */
  target: decimalSchema,
  /** This KPI's own map from achievement to coefficient. @defaultValue the input's `map` */
  map: z.optional(coefficientMapSchema),
});

/** Input of {@link companyCoefficients}. */
export const companyCoefficientsInputSchema = /* @__PURE__ */ z.strictObject({
  /** The company KPIs; ids must be unique. */
  kpis: z.array(companyKpiSchema),
  /**
   * The map from achievement (actual / target) to coefficient for KPIs without their own.
   * @defaultValue `{ kind: 'linear' }`: coefficient = achievement, floored at 0 (seed 000: 80 % → 0.8)
   */
  map: z.optional(coefficientMapSchema),
  /** Rounding policy. @defaultValue half-up, coefficients 4 dp */
  rounding: z.optional(roundingSchema),
});

/** Input of {@link companyCoefficients} (inferred from {@link companyCoefficientsInputSchema}). */
export type CompanyCoefficientsInput = z.input<typeof companyCoefficientsInputSchema>;

/** One company KPI's coefficient. */
export interface CompanyCoefficient {
  readonly id: string;
  readonly actual: string;
  readonly target: string;
  /** actual / target, rounded at the coefficient rounding point. */
  readonly achievement: string;
  /** The mapped coefficient, rounded at the coefficient rounding point. */
  readonly coefficient: string;
  readonly trace: TraceStep[];
}

/** Result of {@link companyCoefficients}: KPIs ordered by id. */
export interface CompanyCoefficientsResult {
  readonly kpis: CompanyCoefficient[];
}

/** The default achievement map: coefficient = achievement, never below 0. */
export const DEFAULT_ACHIEVEMENT_MAP: CoefficientMapInput = /* @__PURE__ */ Object.freeze({ kind: 'linear' as const });

/**
 * Checks a KPI's target and computes achievement and coefficient (internal: also used by
 * `linkCoefficients`). Adds `NON_POSITIVE_TARGET` to `issues` and returns `undefined` when the
 * target is zero or negative.
 */
export function kpiCoefficient(
  actualInput: string | number,
  targetInput: string | number,
  map: CompiledCoefficientMap,
  policy: RoundingPolicy,
  path: IssuePath,
  issues: IssueList,
): { achievement: Dec; coefficient: Dec; trace: TraceStep[] } | undefined {
  const actual = new Dec(decimalText(actualInput));
  const target = new Dec(decimalText(targetInput));
  if (target.lte(0)) {
    issues.add(
      'NON_POSITIVE_TARGET',
      [...path, 'target'],
      `target ${target.toFixed()} is not positive, so actual / target has no meaning`,
    );
    return undefined;
  }
  const achievement = roundCoefficient(actual.div(target), policy);
  // An invalid tier table compiles to a placeholder whose problems are already in `issues`: the
  // caller throws them; applying it here would only raise a TypeError first.
  if (map.kind === 'tiers' && map.table === undefined) return undefined;
  const mapped = applyCoefficientMap(map, achievement, 'linkage.companyCoefficient');
  const coefficient = roundCoefficient(mapped.value, policy);
  return {
    achievement,
    coefficient,
    trace: [
      traceStep(
        'linkage.achievement',
        'achievement = actual / target, rounded to the coefficient decimals',
        { actual: actual.toFixed(), target: target.toFixed() },
        achievement.toFixed(),
      ),
      ...mapped.steps,
      traceStep(
        'linkage.roundCoefficient',
        'coefficient rounded to the coefficient decimals',
        { coefficient: mapped.value.toFixed(), decimals: policy.coefficientDecimals, mode: policy.mode },
        coefficient.toFixed(),
      ),
    ],
  };
}

/**
 * Turns company KPI results into company coefficients: achievement a = actual / target, then a
 * clamped linear map (or a tier table) from a to the coefficient (SPEC §3.1).
 *
 * **Formula.** a = round(actual / target); C = round(clamp(intercept + slope · a, floor, cap)),
 * both rounded at the plan's coefficient rounding point (default 4 dp, half-up); or C = the score
 * of the band a falls in on a tier table (`{ kind: 'tiers', table }`, e.g. ≥ 1.2 → 1.2,
 * ≥ 1.0 → 1.0, ≥ 0.8 → 0.8, else 0).
 * **References.** Seed 000: "完成率只有 80 %, 绩效系数 0.8" (80 % completion gives 0.8).
 *
 * @param input - `kpis` (`id`, `actual`, `target`, optional `map`), optional default `map`,
 *   optional `rounding`.
 * @returns The KPIs ordered by id, each with achievement, coefficient and trace.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `NEGATIVE_VALUE` (slope),
 *   `OUT_OF_RANGE` (floor above cap), `DUPLICATE_ID`, `NON_POSITIVE_TARGET`,
 *   `TIER_BOUND_MISSING`, `TIER_LAST_BAND_BOUNDED`, `TIER_BOUNDS_NOT_ORDERED`,
 *   `TIER_SCORES_NOT_MONOTONE`, `TIER_UNIT_MISMATCH` (a tier-table map).
 *
 * @example
 * ```ts
 * import { companyCoefficients } from 'synergy-pay';
 * const { kpis } = companyCoefficients({
 *   kpis: [{ id: 'profit', actual: '800', target: '1000' }],
 *   map: { kind: 'linear', slope: 1, floor: '0.5', cap: '1.2' },
 * });
 * // kpis[0].achievement → '0.8', kpis[0].coefficient → '0.8'
 * ```
 */
export function companyCoefficients(input: CompanyCoefficientsInput): CompanyCoefficientsResult {
  const parsed = parseInput(companyCoefficientsInputSchema, input);
  const policy = resolveRounding(parsed.rounding);
  const issues = new IssueList();
  indexById(parsed.kpis, ['kpis'], issues);
  const defaultMap = compileCoefficientMap(
    parsed.map ?? DEFAULT_ACHIEVEMENT_MAP,
    ['map'],
    issues,
    policy,
    policy.coefficientDecimals,
  );
  const rows: CompanyCoefficient[] = [];
  parsed.kpis.forEach((kpi, i) => {
    const map =
      kpi.map === undefined
        ? defaultMap
        : compileCoefficientMap(kpi.map, ['kpis', i, 'map'], issues, policy, policy.coefficientDecimals);
    const outcome = kpiCoefficient(kpi.actual, kpi.target, map, policy, ['kpis', i], issues);
    if (outcome === undefined) return;
    rows.push({
      id: kpi.id,
      actual: decimalText(kpi.actual),
      target: decimalText(kpi.target),
      achievement: outcome.achievement.toFixed(),
      coefficient: outcome.coefficient.toFixed(),
      trace: outcome.trace,
    });
  });
  issues.throwIfAny();
  rows.sort((a, b) => compareIds(a.id, b.id));
  return { kpis: rows };
}

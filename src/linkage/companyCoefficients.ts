import { Dec, roundCoefficient } from '../core/decimal.js';
import { decimalText, type DecimalInput } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { formatFixed, parseFixed, roundFixed, type Fixed } from '../core/fixed.js';
import { compareIds } from '../core/ids.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { indexById, parseInput } from '../core/validate.js';
import { applyCoefficientMap, compileCoefficientMap, type CompiledCoefficientMap } from '../tiers/coefficientMap.js';
import type { CoefficientMapInput } from '../tiers/types.js';
import { companyCoefficientsInputSchema } from './schema.js';
import type * as t from './types.js';

/** The default achievement map: coefficient = achievement, never below 0. */
export const DEFAULT_ACHIEVEMENT_MAP: CoefficientMapInput = /* @__PURE__ */ Object.freeze({ kind: 'linear' as const });

/** A company coefficient with its text and the steps that derived it. */
export interface KpiCoefficient {
  /** actual / target, rounded at the coefficient point, as text. */
  readonly achievement: string;
  readonly coefficient: Fixed;
  readonly text: string;
  readonly trace: TraceStep[];
}

/**
 * One KPI's company coefficient (SPEC §3.1): a = round(actual / target), C = round(map(a)).
 * Adds `NON_POSITIVE_TARGET` at `[...path, 'target']`; `undefined` on that problem or without a
 * map (its problems are already in `issues`).
 */
export function kpiCoefficient(
  actual: DecimalInput,
  target: DecimalInput,
  map: CompiledCoefficientMap | undefined,
  policy: RoundingPolicy,
  path: IssuePath,
  issues: IssueList,
): KpiCoefficient | undefined {
  const [actualText, targetText] = [
    formatFixed(parseFixed(decimalText(actual))),
    formatFixed(parseFixed(decimalText(target))),
  ];
  if (parseFixed(targetText).n <= 0n) {
    const message = `target ${targetText} is not positive, so actual / target has no meaning`;
    issues.add('NON_POSITIVE_TARGET', [...path, 'target'], message);
    return undefined;
  }
  if (map === undefined) return undefined;
  const achievement = roundCoefficient(new Dec(actualText).div(targetText), policy).toFixed();
  const mapped = applyCoefficientMap(map, parseFixed(achievement), 'linkage.companyCoefficient');
  const coefficient = roundFixed(mapped.value, policy.coefficientDecimals, policy.mode);
  const text = formatFixed(coefficient);
  const { coefficientDecimals: decimals, mode } = policy;
  const trace = [
    traceStep(
      'linkage.achievement',
      'achievement = actual / target, rounded to the coefficient decimals',
      { actual: actualText, target: targetText },
      achievement,
    ),
    ...mapped.steps,
    traceStep(
      'linkage.roundCoefficient',
      'coefficient rounded to the coefficient decimals',
      { coefficient: formatFixed(mapped.value), decimals, mode },
      text,
    ),
  ];
  return { achievement, coefficient, text, trace };
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
export function companyCoefficients(input: t.CompanyCoefficientsInput): t.CompanyCoefficientsResult {
  const parsed = parseInput(companyCoefficientsInputSchema, input);
  const policy = resolveRounding(parsed.rounding);
  const issues = new IssueList();
  indexById(parsed.kpis, ['kpis'], issues);
  const compile = (map: CoefficientMapInput, path: IssuePath) =>
    compileCoefficientMap(map, path, issues, policy, policy.coefficientDecimals);
  const defaultMap = compile(parsed.map ?? DEFAULT_ACHIEVEMENT_MAP, ['map']);
  const kpis = parsed.kpis.flatMap((kpi, i): t.CompanyCoefficient[] => {
    const map = kpi.map === undefined ? defaultMap : compile(kpi.map, ['kpis', i, 'map']);
    const outcome = kpiCoefficient(kpi.actual, kpi.target, map, policy, ['kpis', i], issues);
    if (outcome === undefined) return [];
    const { achievement, text: coefficient, trace } = outcome;
    return [
      { id: kpi.id, actual: decimalText(kpi.actual), target: decimalText(kpi.target), achievement, coefficient, trace },
    ];
  });
  issues.throwIfAny();
  return { kpis: kpis.sort((a, b) => compareIds(a.id, b.id)) };
}

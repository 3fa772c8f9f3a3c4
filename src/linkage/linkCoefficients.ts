import { z } from 'zod';
import { refuseProtoKeys } from './records.js';
import { Dec } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList } from '../core/errors.js';
import { roundCoefficient } from '../core/rounding.js';
import { roundingPolicy } from './policy.js';
import { decimalSchema, idSchema, nonNegativeDecimalSchema, roundingSchema } from '../core/schema.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { compareIds, indexById, parseInput } from '../core/validate.js';
import { coefficientMapSchema, compileCoefficientMap } from './coefficientMap.js';
import { DEFAULT_ACHIEVEMENT_MAP, kpiCoefficient } from './companyCoefficients.js';

/** A relevance level as the plan names it: `"strong"`, `"medium"`, `"weak"`, or stars `3`, `2`, `1`. */
export const relevanceLevelSchema = /* @__PURE__ */ z.union([z.string().min(1).max(50), z.int().min(0).max(1000)]);

/**
 * A company KPI of the linkage: either its coefficient directly, or `actual` and `target` from
 * which it is derived (achievement → coefficient through `achievementMap` or its own `map`).
 */
export const linkKpiSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id (`"profit"`). */
  id: idSchema,
  /** The company coefficient C, ≥ 0 (give this, or `actual` and `target`). */
  coefficient: nonNegativeDecimalSchema.optional(),
  /** The KPI's actual result (with `target`). */
  actual: decimalSchema.optional(),
  /** The KPI's target, > 0 (with `actual`). */
  target: decimalSchema.optional(),
  /** This KPI's own achievement map. @defaultValue the input's `achievementMap` */
  map: coefficientMapSchema.optional(),
});

/** A department: its own coefficient and its relevance to each company KPI. */
export const linkDepartmentSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id (`"sales"`). */
  id: idSchema,
  /** The department's own coefficient D (from its own KPIs), ≥ 0. */
  coefficient: nonNegativeDecimalSchema,
  /**
   * Relevance level per company KPI id (`{ profit: 'strong' }` or `{ profit: 3 }`). A KPI not
   * listed has ratio 0. @defaultValue `{}`
   */
  relevance: z.record(idSchema, relevanceLevelSchema).optional(),
  /** Exempt from linkage: every ratio is 0 and B = D. @defaultValue `false` */
  exempt: z.boolean().optional(),
});

/** Input of {@link linkCoefficients}. */
export const linkCoefficientsInputSchema = /* @__PURE__ */ z.strictObject({
  /**
   * The plan's ratio for each relevance level, each in [0, 1] (seed 003's ranges: strong
   * 0.20–0.30, medium 0.10–0.15, weak 0–0.05). Keys are level names or star counts (`"3"`).
   */
  levels: z.record(z.string().min(1).max(50), nonNegativeDecimalSchema),
  /** The company KPIs (ids unique). */
  companyKpis: z.array(linkKpiSchema).min(1),
  /**
   * Map from achievement to coefficient for KPIs given as `actual`/`target`.
   * @defaultValue `{ kind: 'linear' }` (coefficient = achievement, floored at 0)
   */
  achievementMap: coefficientMapSchema.optional(),
  /** The departments (ids unique). */
  departments: z.array(linkDepartmentSchema),
  /**
   * The company KPI whose coefficient the uniform method ["无差别公司系数"] multiplies by.
   * @defaultValue the only company KPI (required when there are several)
   */
  uniformKpi: idSchema.optional(),
  /** Rounding policy. @defaultValue half-up, coefficients 4 dp */
  rounding: roundingSchema.optional(),
});

/** Input of {@link linkCoefficients} (inferred from {@link linkCoefficientsInputSchema}). */
export type LinkCoefficientsInput = z.input<typeof linkCoefficientsInputSchema>;

/** One department–KPI link. */
export interface CoefficientLink {
  readonly kpi: string;
  /** The level as given (`"strong"`, `"3"`). */
  readonly level: string;
  /** The ratio r the plan gives that level (0 when the department is exempt). */
  readonly ratio: string;
  /** The company coefficient C of the KPI. */
  readonly coefficient: string;
}

/** One department's blended coefficient beside the uniform one. */
export interface LinkedDepartment {
  readonly id: string;
  /** The department's own coefficient D. */
  readonly own: string;
  readonly exempt: boolean;
  /** Σ r over the department's links (≤ 1). */
  readonly ratioSum: string;
  /** B = (1 − Σr)·D + Σ r·C, rounded at the coefficient point. */
  readonly blended: string;
  /** The uniform method's D·C, rounded at the coefficient point. */
  readonly uniform: string;
  /** blended − uniform: what the matrix changes for this department. */
  readonly difference: string;
  /** Links ordered by KPI id. */
  readonly links: CoefficientLink[];
  readonly trace: TraceStep[];
}

/** Result of {@link linkCoefficients}. Rows ordered by id. */
export interface LinkCoefficientsResult {
  /** Company KPIs with their coefficients (`achievement` null when the coefficient was given). */
  readonly companyKpis: { id: string; achievement: string | null; coefficient: string; trace: TraceStep[] }[];
  /** The KPI the uniform figure uses. */
  readonly uniformKpi: string;
  readonly departments: LinkedDepartment[];
}

/** Seed 003: "三星、二星、一星" or "强、中、弱" are the same three levels. */
const STAR_ALIASES: Readonly<Record<string, string>> = { '3': 'strong', '2': 'medium', '1': 'weak', strong: '3', medium: '2', weak: '1' };

/**
 * Blends each department's own coefficient with the company coefficients through a relevance
 * matrix [差异化关联矩阵, seed 003], instead of multiplying every department by one company
 * coefficient ["无差别公司系数", "大锅饭"]. Reports the uniform figure D·C beside it.
 *
 * **Formula.** For department d with own coefficient D, company coefficients C_k and ratios
 * r_k = levels[relevance_k] (Σ r_k ≤ 1): B = (1 − Σ r_k)·D + Σ r_k·C_k, rounded at the
 * coefficient point; uniform = round(D·C_u); difference = B − uniform. A level missing from
 * `levels` falls back to its seed-003 alias (3 ↔ strong, 2 ↔ medium, 1 ↔ weak).
 * **References.** Seed 003 §三.2 (strong 20–30 %, medium 10–15 %, weak 0–5 %); SPEC §3.1.
 *
 * @param input - `levels`, `companyKpis`, `departments`, optional `achievementMap`,
 *   `uniformKpi`, `rounding`.
 * @returns Company coefficients and, per department, B, the uniform figure, the difference,
 *   the links and the trace.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `INVALID_DECIMAL`, `NEGATIVE_VALUE`,
 *   `OUT_OF_RANGE` (a level ratio above 1), `DUPLICATE_ID`, `UNKNOWN_REFERENCE` (KPI or level),
 *   `RELEVANCE_OVER_ONE`, `NON_POSITIVE_TARGET`, `TIER_BOUND_MISSING`, `TIER_LAST_BAND_BOUNDED`, `TIER_BOUNDS_NOT_ORDERED`,
 *   `TIER_SCORES_NOT_MONOTONE`, `TIER_UNIT_MISMATCH` (a tier-table map).
 *
 * @example
 * ```ts
 * import { linkCoefficients } from 'synergy-pay';
 * const result = linkCoefficients({
 *   levels: { strong: '0.25', medium: '0.12', weak: '0.03' },
 *   companyKpis: [{ id: 'profit', coefficient: '0.8' }],
 *   departments: [
 *     { id: 'sales', coefficient: '0.9', relevance: { profit: 'strong' } },
 *     { id: 'finance', coefficient: '1.0', relevance: { profit: 'weak' } },
 *   ],
 * });
 * // finance: blended '0.994', uniform '0.8'; sales: blended '0.875', uniform '0.72'
 * ```
 */
export function linkCoefficients(input: LinkCoefficientsInput): LinkCoefficientsResult {
  refuseProtoKeys(input, [['levels'], ['departments', '*', 'relevance']]).throwIfAny();
  const parsed = parseInput(linkCoefficientsInputSchema, input);
  const policy = roundingPolicy(parsed.rounding);
  const issues = new IssueList();

  // Levels: each ratio in [0, 1].
  const levels = new Map<string, Dec>();
  for (const [name, value] of Object.entries(parsed.levels)) {
    const ratio = new Dec(decimalText(value));
    if (ratio.gt(1)) issues.add('OUT_OF_RANGE', ['levels', name], `level "${name}" has ratio ${ratio.toFixed()}, above 1`);
    levels.set(name, ratio);
  }

  // Company coefficients.
  const kpiIndex = indexById(parsed.companyKpis, ['companyKpis'], issues);
  const defaultMap = compileCoefficientMap(parsed.achievementMap ?? DEFAULT_ACHIEVEMENT_MAP, ['achievementMap'], issues, policy, policy.coefficientDecimals);
  const kpiCoefficients = new Map<string, Dec>();
  const companyRows: LinkCoefficientsResult['companyKpis'] = [];
  parsed.companyKpis.forEach((kpi, i) => {
    const path = ['companyKpis', i];
    const measured = kpi.actual !== undefined || kpi.target !== undefined;
    if (kpi.coefficient !== undefined) {
      if (measured || kpi.map !== undefined)
        issues.add('INVALID_INPUT', path, 'give either coefficient, or actual and target (with an optional map), not both');
      const coefficient = new Dec(decimalText(kpi.coefficient));
      kpiCoefficients.set(kpi.id, coefficient);
      companyRows.push({
        id: kpi.id,
        achievement: null,
        coefficient: coefficient.toFixed(),
        trace: [traceStep('linkage.companyCoefficient', 'C given by the plan', { kpi: kpi.id }, coefficient.toFixed())],
      });
      return;
    }
    if (kpi.actual === undefined || kpi.target === undefined) {
      issues.add('INVALID_INPUT', path, 'give either coefficient, or both actual and target');
      return;
    }
    const map = kpi.map === undefined ? defaultMap : compileCoefficientMap(kpi.map, [...path, 'map'], issues, policy, policy.coefficientDecimals);
    const outcome = kpiCoefficient(kpi.actual, kpi.target, map, policy, path, issues);
    if (outcome === undefined) return;
    kpiCoefficients.set(kpi.id, outcome.coefficient);
    companyRows.push({ id: kpi.id, achievement: outcome.achievement.toFixed(), coefficient: outcome.coefficient.toFixed(), trace: outcome.trace });
  });

  let uniformKpi = parsed.uniformKpi;
  if (uniformKpi === undefined) {
    if (parsed.companyKpis.length === 1) uniformKpi = parsed.companyKpis[0]?.id;
    else issues.add('INVALID_INPUT', ['uniformKpi'], 'there are several company KPIs: name the one the uniform method multiplies by');
  } else if (!kpiIndex.has(uniformKpi)) {
    issues.add('UNKNOWN_REFERENCE', ['uniformKpi'], `no company KPI has id "${uniformKpi}"`);
  }

  indexById(parsed.departments, ['departments'], issues);
  // Resolve every link first, so all problems are reported together.
  const resolved = parsed.departments.map((department, d) => {
    const links: { kpi: string; level: string; ratio: Dec }[] = [];
    let ratioSum = new Dec(0);
    for (const [kpi, level] of Object.entries(department.relevance ?? {})) {
      const path = ['departments', d, 'relevance', kpi];
      if (!kpiIndex.has(kpi)) {
        issues.add('UNKNOWN_REFERENCE', path, `no company KPI has id "${kpi}"`);
        continue;
      }
      const name = String(level);
      const alias = STAR_ALIASES[name];
      const ratio = levels.get(name) ?? (alias === undefined ? undefined : levels.get(alias));
      if (ratio === undefined) {
        issues.add('UNKNOWN_REFERENCE', path, `level "${name}" is not one of the plan's levels (${[...levels.keys()].join(', ')})`);
        continue;
      }
      const effective = department.exempt === true ? new Dec(0) : ratio;
      links.push({ kpi, level: name, ratio: effective });
      ratioSum = ratioSum.plus(effective);
    }
    if (ratioSum.gt(1)) {
      const listing = links.map((link) => `${link.kpi} ${link.level} ${link.ratio.toFixed()}`).join(', ');
      issues.add('RELEVANCE_OVER_ONE', ['departments', d, 'relevance'], `ratios sum to ${ratioSum.toFixed()}, ${ratioSum.minus(1).toFixed()} above 1 (${listing})`);
    }
    links.sort((a, b) => compareIds(a.kpi, b.kpi));
    return { links, ratioSum };
  });
  issues.throwIfAny();

  const uniformCoefficient = kpiCoefficients.get(uniformKpi as string) as Dec;
  const departments: LinkedDepartment[] = parsed.departments.map((department, d) => {
    const { links, ratioSum } = resolved[d] as (typeof resolved)[number];
    const own = new Dec(decimalText(department.coefficient));
    let blendedRaw = new Dec(1).minus(ratioSum).times(own);
    const linkRows: CoefficientLink[] = [];
    for (const link of links) {
      const c = kpiCoefficients.get(link.kpi) as Dec;
      blendedRaw = blendedRaw.plus(link.ratio.times(c));
      linkRows.push({ kpi: link.kpi, level: link.level, ratio: link.ratio.toFixed(), coefficient: c.toFixed() });
    }
    const blended = roundCoefficient(blendedRaw, policy);
    const uniform = roundCoefficient(own.times(uniformCoefficient), policy);
    const difference = blended.minus(uniform);
    const terms = linkRows.map((link) => `${link.ratio}·${link.coefficient}`).join(' + ');
    return {
      id: department.id,
      own: own.toFixed(),
      exempt: department.exempt === true,
      ratioSum: ratioSum.toFixed(),
      blended: blended.toFixed(),
      uniform: uniform.toFixed(),
      difference: difference.toFixed(),
      links: linkRows,
      trace: [
        traceStep(
          department.exempt === true ? 'linkage.exempt' : 'linkage.blend',
          'B = (1 − Σr)·D + Σ r·C, rounded to the coefficient decimals',
          { D: own.toFixed(), ratioSum: ratioSum.toFixed(), terms: terms === '' ? 'none' : terms },
          blended.toFixed(),
        ),
        traceStep('linkage.uniform', 'uniform = D·C (one company coefficient for every department), rounded', { D: own.toFixed(), C: uniformCoefficient.toFixed(), kpi: uniformKpi as string }, uniform.toFixed()),
        traceStep('linkage.difference', 'difference = B − uniform', { B: blended.toFixed(), uniform: uniform.toFixed() }, difference.toFixed()),
      ],
    };
  });
  departments.sort((a, b) => compareIds(a.id, b.id));
  companyRows.sort((a, b) => compareIds(a.id, b.id));
  return { companyKpis: companyRows, uniformKpi: uniformKpi as string, departments };
}

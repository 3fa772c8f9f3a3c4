import * as z from 'zod/mini';
import { Dec, roundCoefficient } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { resolveRounding } from '../core/rounding.js';
import { IssueList } from '../core/errors.js';
import { decimalSchema, idSchema, nonNegativeDecimalSchema, roundingSchema } from '../core/schema.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { indexById, parseInput } from '../core/validate.js';
import { coefficientMapSchema, compileCoefficientMap } from './coefficientMap.js';
import { DEFAULT_ACHIEVEMENT_MAP, kpiCoefficient } from './companyCoefficients.js';
import { refuseProtoKeys } from '../core/rows.js';
import { compareIds } from '../core/ids.js';
import { addFixed, compareFixed, formatFixed, mulFixed, parseFixed, roundFixed, type Fixed } from '../core/fixed.js';

/** A relevance level as the plan names it: `"strong"`, `"medium"`, `"weak"`, or stars `3`, `2`, `1`. */
export const relevanceLevelSchema = /* @__PURE__ */ z.union([
  z.string().check(z.minLength(1)).check(z.maxLength(50)),
  z.int().check(z.minimum(0)).check(z.maximum(1000)),
]);

/**
 * A company KPI of the linkage: either its coefficient directly, or `actual` and `target` from
 * which it is derived (achievement → coefficient through `achievementMap` or its own `map`).
 */
export const linkKpiSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id (`"profit"`). */
  id: idSchema,
  /** The company coefficient C, ≥ 0 (give this, or `actual` and `target`). */
  coefficient: z.optional(nonNegativeDecimalSchema),
  /** The KPI's actual result (with `target`). */
  actual: z.optional(decimalSchema),
  /** The KPI's target, > 0 (with `actual`). */
  target: z.optional(decimalSchema),
  /** This KPI's own achievement map. @defaultValue the input's `achievementMap` */
  map: z.optional(coefficientMapSchema),
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
  relevance: z.optional(z.record(idSchema, relevanceLevelSchema)),
  /** Exempt from linkage: every ratio is 0 and B = D. @defaultValue `false` */
  exempt: z.optional(z.boolean()),
});

/** Input of {@link linkCoefficients}. */
export const linkCoefficientsInputSchema = /* @__PURE__ */ z.strictObject({
  /**
   * The plan's ratio for each relevance level, each in [0, 1] (seed 003's ranges: strong
   * 0.20–0.30, medium 0.10–0.15, weak 0–0.05). Keys are level names or star counts (`"3"`).
   */
  levels: z.record(z.string().check(z.minLength(1)).check(z.maxLength(50)), nonNegativeDecimalSchema),
  /** The company KPIs (ids unique). */
  companyKpis: z.array(linkKpiSchema).check(z.minLength(1)),
  /**
   * Map from achievement to coefficient for KPIs given as `actual`/`target`.
   * @defaultValue `{ kind: 'linear' }` (coefficient = achievement, floored at 0)
   */
  achievementMap: z.optional(coefficientMapSchema),
  /** The departments (ids unique). */
  departments: z.array(linkDepartmentSchema),
  /**
   * The company KPI whose coefficient the uniform method ["无差别公司系数"] multiplies by.
   * @defaultValue the only company KPI (required when there are several)
   */
  uniformKpi: z.optional(idSchema),
  /** Rounding policy. @defaultValue half-up, coefficients 4 dp */
  rounding: z.optional(roundingSchema),
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
  /** The department's own coefficient D, rounded at the coefficient point. */
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

/** An exact figure and its canonical text. */
interface Figure {
  readonly value: Fixed;
  readonly text: string;
}

const figure = (text: string): Figure => {
  const value = parseFixed(text);
  return { value, text: formatFixed(value) };
};

const ONE: Fixed = { n: 1n, scale: 0 };

/** Seed 003: "三星、二星、一星" or "强、中、弱" are the same three levels. */
const STAR_ALIASES: Readonly<Record<string, string>> = {
  '3': 'strong',
  '2': 'medium',
  '1': 'weak',
  strong: '3',
  medium: '2',
  weak: '1',
};

/**
 * Blends each department's own coefficient with the company coefficients through a relevance
 * matrix [差异化关联矩阵, seed 003], instead of multiplying every department by one company
 * coefficient ["无差别公司系数", "大锅饭"]. Reports the uniform figure D·C beside it.
 *
 * **Formula.** For department d with own coefficient D, company coefficients C_k and ratios
 * r_k = levels[relevance_k] (Σ r_k ≤ 1): B = (1 − Σ r_k)·D + Σ r_k·C_k, rounded at the
 * coefficient point, where a given D or C is itself first rounded there; uniform = round(D·C_u);
 * difference = B − uniform. A level missing from `levels` falls back to its seed-003 alias
 * (3 ↔ strong, 2 ↔ medium, 1 ↔ weak).
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
  const policy = resolveRounding(parsed.rounding);
  const issues = new IssueList();

  // Levels: each ratio in [0, 1].
  const levels = new Map<string, Dec>();
  for (const [name, value] of Object.entries(parsed.levels)) {
    const ratio = new Dec(decimalText(value));
    if (ratio.gt(1))
      issues.add('OUT_OF_RANGE', ['levels', name], `level "${name}" has ratio ${ratio.toFixed()}, above 1`);
    levels.set(name, ratio);
  }

  // Company coefficients.
  const kpiIndex = indexById(parsed.companyKpis, ['companyKpis'], issues);
  const defaultMap = compileCoefficientMap(
    parsed.achievementMap ?? DEFAULT_ACHIEVEMENT_MAP,
    ['achievementMap'],
    issues,
    policy,
    policy.coefficientDecimals,
  );
  const kpiCoefficients = new Map<string, Dec>();
  const companyRows: LinkCoefficientsResult['companyKpis'] = [];
  parsed.companyKpis.forEach((kpi, i) => {
    const path = ['companyKpis', i];
    const measured = kpi.actual !== undefined || kpi.target !== undefined;
    if (kpi.coefficient !== undefined) {
      if (measured || kpi.map !== undefined)
        issues.add(
          'INVALID_INPUT',
          path,
          'give either coefficient, or actual and target (with an optional map), not both',
        );
      // A given C is rounded at the coefficient point like a derived one (and as runPeriod does).
      const given = decimalText(kpi.coefficient);
      const coefficient = roundCoefficient(new Dec(given), policy);
      kpiCoefficients.set(kpi.id, coefficient);
      companyRows.push({
        id: kpi.id,
        achievement: null,
        coefficient: coefficient.toFixed(),
        trace: [
          traceStep(
            'linkage.companyCoefficient',
            'C given by the plan, rounded to the coefficient decimals',
            { given, kpi: kpi.id },
            coefficient.toFixed(),
          ),
        ],
      });
      return;
    }
    if (kpi.actual === undefined || kpi.target === undefined) {
      issues.add('INVALID_INPUT', path, 'give either coefficient, or both actual and target');
      return;
    }
    const map =
      kpi.map === undefined
        ? defaultMap
        : compileCoefficientMap(kpi.map, [...path, 'map'], issues, policy, policy.coefficientDecimals);
    const outcome = kpiCoefficient(kpi.actual, kpi.target, map, policy, path, issues);
    if (outcome === undefined) return;
    kpiCoefficients.set(kpi.id, outcome.coefficient);
    companyRows.push({
      id: kpi.id,
      achievement: outcome.achievement.toFixed(),
      coefficient: outcome.coefficient.toFixed(),
      trace: outcome.trace,
    });
  });

  let uniformKpi = parsed.uniformKpi;
  if (uniformKpi === undefined) {
    if (parsed.companyKpis.length === 1) uniformKpi = parsed.companyKpis[0]?.id;
    else
      issues.add(
        'INVALID_INPUT',
        ['uniformKpi'],
        'there are several company KPIs: name the one the uniform method multiplies by',
      );
  } else if (!kpiIndex.has(uniformKpi)) {
    issues.add('UNKNOWN_REFERENCE', ['uniformKpi'], `no company KPI has id "${uniformKpi}"`);
  }

  indexById(parsed.departments, ['departments'], issues);
  // Exact fixed-point figures with their texts, read once (not per link).
  const levelFigures = new Map<string, Figure>();
  for (const [name, ratio] of levels) levelFigures.set(name, figure(ratio.toFixed()));
  const kpiFigures = new Map<string, Figure>();
  for (const [id, coefficient] of kpiCoefficients) kpiFigures.set(id, figure(coefficient.toFixed()));
  const zero = figure('0');

  // Resolve every link first, so all problems are reported together.
  const resolved = parsed.departments.map((department, d) => {
    const links: { kpi: string; level: string; ratio: Figure }[] = [];
    let ratioSum: Fixed = zero.value;
    for (const [kpi, level] of Object.entries(department.relevance ?? {})) {
      if (!kpiIndex.has(kpi)) {
        issues.add('UNKNOWN_REFERENCE', ['departments', d, 'relevance', kpi], `no company KPI has id "${kpi}"`);
        continue;
      }
      const name = String(level);
      const alias = STAR_ALIASES[name];
      const ratio = levelFigures.get(name) ?? (alias === undefined ? undefined : levelFigures.get(alias));
      if (ratio === undefined) {
        issues.add(
          'UNKNOWN_REFERENCE',
          ['departments', d, 'relevance', kpi],
          `level "${name}" is not one of the plan's levels (${[...levels.keys()].join(', ')})`,
        );
        continue;
      }
      const effective = department.exempt === true ? zero : ratio;
      links.push({ kpi, level: name, ratio: effective });
      ratioSum = addFixed(ratioSum, effective.value);
    }
    if (compareFixed(ratioSum, ONE) > 0) {
      const listing = links.map((link) => `${link.kpi} ${link.level} ${link.ratio.text}`).join(', ');
      const excess = addFixed(ratioSum, { n: -1n, scale: 0 });
      issues.add(
        'RELEVANCE_OVER_ONE',
        ['departments', d, 'relevance'],
        `ratios sum to ${formatFixed(ratioSum)}, ${formatFixed(excess)} above 1 (${listing})`,
      );
    }
    if (links.length > 1) links.sort((a, b) => compareIds(a.kpi, b.kpi));
    return { links, ratioSum };
  });
  issues.throwIfAny();

  const uniformFigure = kpiFigures.get(uniformKpi as string) as Figure;
  const departments: LinkedDepartment[] = parsed.departments.map((department, d) => {
    const { links, ratioSum } = resolved[d] as (typeof resolved)[number];
    // A given D is rounded at the coefficient point before it is blended (as runPeriod does).
    const own = roundFixed(parseFixed(decimalText(department.coefficient)), policy.coefficientDecimals, policy.mode);
    const ownShare = addFixed(ONE, { n: -ratioSum.n, scale: ratioSum.scale });
    let blendedRaw = mulFixed(ownShare, own);
    const linkRows: CoefficientLink[] = new Array(links.length);
    let terms = '';
    for (let k = 0; k < links.length; k++) {
      const link = links[k] as (typeof links)[number];
      const c = kpiFigures.get(link.kpi) as Figure;
      blendedRaw = addFixed(blendedRaw, mulFixed(link.ratio.value, c.value));
      linkRows[k] = { kpi: link.kpi, level: link.level, ratio: link.ratio.text, coefficient: c.text };
      terms += `${k === 0 ? '' : ' + '}${link.ratio.text}·${c.text}`;
    }
    const blended = roundFixed(blendedRaw, policy.coefficientDecimals, policy.mode);
    const uniform = roundFixed(mulFixed(own, uniformFigure.value), policy.coefficientDecimals, policy.mode);
    const difference = addFixed(blended, { n: -uniform.n, scale: uniform.scale });
    const texts = {
      own: formatFixed(own),
      ratioSum: formatFixed(ratioSum),
      blended: formatFixed(blended),
      uniform: formatFixed(uniform),
      difference: formatFixed(difference),
    };
    return {
      id: department.id,
      own: texts.own,
      exempt: department.exempt === true,
      ratioSum: texts.ratioSum,
      blended: texts.blended,
      uniform: texts.uniform,
      difference: texts.difference,
      links: linkRows,
      trace: [
        {
          rule: department.exempt === true ? 'linkage.exempt' : 'linkage.blend',
          formula: 'B = (1 − Σr)·D + Σ r·C, rounded to the coefficient decimals',
          inputs: { D: texts.own, ratioSum: texts.ratioSum, terms: terms === '' ? 'none' : terms },
          result: texts.blended,
        },
        {
          rule: 'linkage.uniform',
          formula: 'uniform = D·C (one company coefficient for every department), rounded',
          inputs: { C: uniformFigure.text, D: texts.own, kpi: uniformKpi as string },
          result: texts.uniform,
        },
        {
          rule: 'linkage.difference',
          formula: 'difference = B − uniform',
          inputs: { B: texts.blended, uniform: texts.uniform },
          result: texts.difference,
        },
      ],
    };
  });
  departments.sort((a, b) => compareIds(a.id, b.id));
  companyRows.sort((a, b) => compareIds(a.id, b.id));
  return { companyKpis: companyRows, uniformKpi: uniformKpi as string, departments };
}

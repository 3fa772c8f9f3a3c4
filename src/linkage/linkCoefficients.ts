import { decimalText, isNonNegativeDecimal, type DecimalInput } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import {
  addFixed,
  compareFixed,
  formatFixed,
  mulFixed,
  parseFixed,
  roundFixed,
  subtractFixed,
  type Fixed,
} from '../core/fixed.js';
import { compareIds } from '../core/ids.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { refuseProtoKeys } from '../core/rows.js';
import { traceStep } from '../core/trace.js';
import { indexById, parseInput } from '../core/validate.js';
import { compileCoefficientMap, type CompiledCoefficientMap } from '../tiers/coefficientMap.js';
import { DEFAULT_ACHIEVEMENT_MAP, kpiCoefficient } from './companyCoefficients.js';
import { linkCoefficientsInputSchema } from './schema.js';
import type * as t from './types.js';

/** A linkage whose rows are already validated (internal: `linkCoefficients`' input, or the period plan's). */
export type Linkage = Omit<t.LinkCoefficientsInput, 'rounding'>;

/** Where a linkage's rows came from, so every issue is raised at its caller's path. */
export interface LinkagePaths {
  /** Where `levels`, `achievementMap`, `uniformKpi` and `companyKpis` sit (`[]` in `linkCoefficients`' input). */
  readonly plan: IssuePath;
  /** Department d's row (its `id` and `relevance`). */
  readonly department: (d: number) => IssuePath;
  /** Department d's own coefficient. */
  readonly own: (d: number) => IssuePath;
}

/** An exact figure and its canonical text. */
interface Figure {
  readonly value: Fixed;
  readonly text: string;
}

const figure = (value: Fixed): Figure => ({ value, text: formatFixed(value) });
const ONE: Fixed = { n: 1n, scale: 0 };
const ZERO = /* @__PURE__ */ figure({ n: 0n, scale: 0 });

/** Seed 003: "三星、二星、一星" or "强、中、弱" are the same three levels. */
const STAR_ALIASES: Record<string, string> = {
  3: 'strong',
  2: 'medium',
  1: 'weak',
  strong: '3',
  medium: '2',
  weak: '1',
};

/** The plan's ratio of each level, each in [0, 1]. */
function readLevels(levels: Readonly<Record<string, DecimalInput>>, at: IssuePath, issues: IssueList) {
  const ratios = new Map<string, Figure>();
  for (const [name, value] of Object.entries(levels)) {
    const ratio = figure(parseFixed(decimalText(value)));
    if (compareFixed(ratio.value, ONE) > 0)
      issues.add('OUT_OF_RANGE', [...at, 'levels', name], `level "${name}" has ratio ${ratio.text}, above 1`);
    ratios.set(name, ratio);
  }
  return ratios;
}

/** A company KPI's coefficient C: given (rounded at the coefficient point), or from actual / target. */
function companyKpi(
  kpi: t.LinkKpiInput,
  path: IssuePath,
  defaultMap: CompiledCoefficientMap | undefined,
  policy: RoundingPolicy,
  issues: IssueList,
): { row: t.LinkedKpi; coefficient: Figure } | undefined {
  const { id, coefficient: given, actual, target, map } = kpi;
  if (given !== undefined) {
    if (actual !== undefined || target !== undefined || map !== undefined)
      issues.add(
        'INVALID_INPUT',
        path,
        'give either coefficient, or actual and target (with an optional map), not both',
      );
    const coefficient = figure(roundFixed(parseFixed(decimalText(given)), policy.coefficientDecimals, policy.mode));
    const formula = 'C given by the plan, rounded to the coefficient decimals';
    const step = traceStep(
      'linkage.companyCoefficient',
      formula,
      { given: decimalText(given), kpi: id },
      coefficient.text,
    );
    return { row: { id, achievement: null, coefficient: coefficient.text, trace: [step] }, coefficient };
  }
  if (actual === undefined || target === undefined) {
    issues.add('INVALID_INPUT', path, 'give either coefficient, or both actual and target');
    return undefined;
  }
  const own = map && compileCoefficientMap(map, [...path, 'map'], issues, policy, policy.coefficientDecimals);
  const outcome = kpiCoefficient(actual, target, map === undefined ? defaultMap : own, policy, path, issues);
  if (outcome === undefined) return undefined;
  const row = { id, achievement: outcome.achievement, coefficient: outcome.text, trace: outcome.trace };
  return { row, coefficient: { value: outcome.coefficient, text: outcome.text } };
}

/** The KPI the uniform figure multiplies by: the one named, or the only one. */
function uniformKpiOf(linkage: Linkage, known: ReadonlyMap<string, number>, at: IssuePath, issues: IssueList) {
  const named = linkage.uniformKpi;
  if (named === undefined && linkage.companyKpis.length === 1) return linkage.companyKpis[0]!.id;
  if (named === undefined)
    issues.add(
      'INVALID_INPUT',
      [...at, 'uniformKpi'],
      'there are several company KPIs: name the one the uniform method multiplies by',
    );
  else if (!known.has(named))
    issues.add('UNKNOWN_REFERENCE', [...at, 'uniformKpi'], `no company KPI has id "${named}"`);
  return named;
}

/** A department's links: each KPI it names, its level's ratio r (0 when exempt), and Σ r ≤ 1. */
function resolveLinks(
  department: t.LinkDepartmentInput,
  at: IssuePath,
  kpis: ReadonlyMap<string, unknown>,
  levels: ReadonlyMap<string, Figure>,
  issues: IssueList,
) {
  const links: { kpi: string; level: string; ratio: Figure }[] = [];
  let ratioSum = ZERO.value;
  for (const [kpi, given] of Object.entries(department.relevance ?? {})) {
    const level = String(given);
    const alias = STAR_ALIASES[level];
    const ratio = levels.get(level) ?? (alias === undefined ? undefined : levels.get(alias));
    if (!kpis.has(kpi)) issues.add('UNKNOWN_REFERENCE', [...at, 'relevance', kpi], `no company KPI has id "${kpi}"`);
    else if (ratio === undefined)
      issues.add(
        'UNKNOWN_REFERENCE',
        [...at, 'relevance', kpi],
        `level "${level}" is not one of the plan's levels (${[...levels.keys()].join(', ')})`,
      );
    else {
      links.push({ kpi, level, ratio: department.exempt === true ? ZERO : ratio });
      ratioSum = addFixed(ratioSum, links.at(-1)!.ratio.value);
    }
  }
  if (compareFixed(ratioSum, ONE) > 0) {
    const listing = links.map((link) => `${link.kpi} ${link.level} ${link.ratio.text}`).join(', ');
    const excess = formatFixed(subtractFixed(ratioSum, ONE));
    const message = `ratios sum to ${formatFixed(ratioSum)}, ${excess} above 1 (${listing})`;
    issues.add('RELEVANCE_OVER_ONE', [...at, 'relevance'], message);
  }
  return { links: links.sort((a, b) => compareIds(a.kpi, b.kpi)), ratioSum };
}

/** B = (1 − Σr)·D + Σ rₖ·Cₖ beside the uniform D·C, each rounded at the coefficient point. */
function blend(
  department: t.LinkDepartmentInput,
  { links, ratioSum }: ReturnType<typeof resolveLinks>,
  kpis: ReadonlyMap<string, Figure>,
  uniformKpi: string,
  policy: RoundingPolicy,
): t.LinkedDepartment {
  const { coefficientDecimals: decimals, mode } = policy;
  const own = roundFixed(parseFixed(decimalText(department.coefficient)), decimals, mode);
  let raw = mulFixed(subtractFixed(ONE, ratioSum), own);
  const rows: t.CoefficientLink[] = links.map(({ kpi, level, ratio }) => {
    const c = kpis.get(kpi)!;
    raw = addFixed(raw, mulFixed(ratio.value, c.value));
    return { kpi, level, ratio: ratio.text, coefficient: c.text };
  });
  const terms = rows.map((link) => `${link.ratio}·${link.coefficient}`).join(' + ') || 'none';
  const blended = roundFixed(raw, decimals, mode);
  const uniform = kpis.get(uniformKpi)!;
  const product = roundFixed(mulFixed(own, uniform.value), decimals, mode);
  const [D, B, U, ratios] = [own, blended, product, ratioSum].map(formatFixed) as [string, string, string, string];
  const difference = formatFixed(subtractFixed(blended, product));
  const exempt = department.exempt === true;
  const formula = 'B = (1 − Σr)·D + Σ r·C, rounded to the coefficient decimals';
  const trace = [
    traceStep(exempt ? 'linkage.exempt' : 'linkage.blend', formula, { D, ratioSum: ratios, terms }, B),
    traceStep(
      'linkage.uniform',
      'uniform = D·C (one company coefficient for every department), rounded',
      { C: uniform.text, D, kpi: uniformKpi },
      U,
    ),
    traceStep('linkage.difference', 'difference = B − uniform', { B, uniform: U }, difference),
  ];
  const figures = { own: D, exempt, ratioSum: ratios, blended: B, uniform: U, difference };
  return { id: department.id, ...figures, links: rows, trace };
}

/**
 * Seed 003's relevance matrix on validated rows (internal: the period run calls it with its plan's
 * paths): company coefficients, then each department's blend beside the uniform figure. Issues go
 * to `issues` at the caller's paths; the result is `undefined` when there was one. Rows come in
 * input order.
 */
export function linkDepartments(
  linkage: Linkage,
  policy: RoundingPolicy,
  at: LinkagePaths,
  issues: IssueList,
): t.LinkCoefficientsResult | undefined {
  const before = issues.size;
  linkage.departments.forEach((department, d) => {
    if (!isNonNegativeDecimal(department.coefficient))
      issues.add('NEGATIVE_VALUE', at.own(d), `${String(department.coefficient)} is negative; it must be zero or more`);
  });
  if (issues.size > before) return undefined; // what a schema would refuse first
  const levels = readLevels(linkage.levels, at.plan, issues);
  const known = indexById(linkage.companyKpis, [...at.plan, 'companyKpis'], issues);
  const achievementPath = [...at.plan, 'achievementMap'];
  const achievementMap = linkage.achievementMap ?? DEFAULT_ACHIEVEMENT_MAP;
  const defaultMap = compileCoefficientMap(achievementMap, achievementPath, issues, policy, policy.coefficientDecimals);
  const kpis = new Map<string, Figure>();
  const companyKpis = linkage.companyKpis.flatMap((kpi, k) => {
    const outcome = companyKpi(kpi, [...at.plan, 'companyKpis', k], defaultMap, policy, issues);
    if (outcome !== undefined) kpis.set(kpi.id, outcome.coefficient);
    return outcome === undefined ? [] : [outcome.row];
  });
  const uniformKpi = uniformKpiOf(linkage, known, at.plan, issues);
  reportDuplicates(linkage.departments, at, issues);
  const resolved = linkage.departments.map((department, d) =>
    resolveLinks(department, at.department(d), known, levels, issues),
  );
  if (issues.size > before) return undefined;
  const departments = linkage.departments.map((department, d) =>
    blend(department, resolved[d]!, kpis, uniformKpi!, policy),
  );
  return { companyKpis, uniformKpi: uniformKpi!, departments };
}

/** `DUPLICATE_ID` for every department whose id repeats an earlier one's. */
function reportDuplicates(departments: readonly t.LinkDepartmentInput[], at: LinkagePaths, issues: IssueList): void {
  const first = new Map<string, number>();
  departments.forEach(({ id }, d) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, d);
    else
      issues.add('DUPLICATE_ID', [...at.department(d), 'id'], `id "${id}" is already used at departments[${earlier}]`);
  });
}

const PUBLIC_PATHS: LinkagePaths = {
  plan: [],
  department: (d) => ['departments', d],
  own: (d) => ['departments', d, 'coefficient'],
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
 *   `RELEVANCE_OVER_ONE`, `NON_POSITIVE_TARGET`, `TIER_BOUND_MISSING`, `TIER_LAST_BAND_BOUNDED`,
 *   `TIER_BOUNDS_NOT_ORDERED`, `TIER_SCORES_NOT_MONOTONE`, `TIER_UNIT_MISMATCH` (a tier-table map).
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
export function linkCoefficients(input: t.LinkCoefficientsInput): t.LinkCoefficientsResult {
  refuseProtoKeys(input, [['levels'], ['departments', '*', 'relevance']]).throwIfAny();
  const parsed = parseInput(linkCoefficientsInputSchema, input);
  const issues = new IssueList();
  const result = linkDepartments(parsed, resolveRounding(parsed.rounding), PUBLIC_PATHS, issues);
  issues.throwIfAny();
  const byId = <T extends { readonly id: string }>(rows: T[]) => rows.sort((a, b) => compareIds(a.id, b.id));
  return { ...result!, companyKpis: byId(result!.companyKpis), departments: byId(result!.departments) };
}

import type * as z from 'zod/mini';
import { IssueList, type IssuePath } from '../core/errors.js';
import type { RoundingPolicy } from '../core/rounding.js';
import { linkDepartments, type Linkage, type LinkagePaths } from '../linkage/linkCoefficients.js';
import type { LinkedDepartment, LinkKpiInput } from '../linkage/types.js';
import type { companyKpiResultSchema, planLinkageSchema } from './schema.js';

type PlanLinkage = z.output<typeof planLinkageSchema>;
type CompanyKpiResult = z.output<typeof companyKpiResultSchema>;

/**
 * Seed 003's relevance matrix for one segment: the linkage over every department (own
 * coefficient D from the period data, relevance from the plan) and the company KPIs (targets from
 * the plan, actuals or coefficients from the data). Returns one row per department, in org order.
 */
export function linkageStage(input: {
  readonly linkage: PlanLinkage;
  readonly linkagePath: IssuePath;
  readonly kpiResults: readonly CompanyKpiResult[];
  readonly departments: readonly { readonly id: string }[];
  readonly own: readonly string[];
  readonly rounding: RoundingPolicy;
}): LinkedDepartment[] {
  const { linkage, linkagePath } = input;
  const results = new Map(input.kpiResults.map((row) => [row.id, row]));
  const planned = new Map(linkage.departments.map((row, i) => [row.id, i]));
  // A KPI's coefficient given in the data replaces its target and map; no default actual: the data
  // stage refuses a KPI without a result, never reads it as 0.
  const companyKpis = linkage.companyKpis.map(({ id, target, map }): LinkKpiInput => {
    const result = results.get(id);
    if (result?.coefficient !== undefined) return { id, coefficient: result.coefficient };
    return { id, actual: result?.actual, target, map };
  });
  const departments = input.departments.map(({ id }, d) => {
    const plan = linkage.departments[planned.get(id) ?? -1];
    return { id, coefficient: input.own[d]!, relevance: plan?.relevance, exempt: plan?.exempt };
  });
  const paths: LinkagePaths = {
    plan: linkagePath,
    department: (d) => {
      const row = planned.get(input.departments[d]!.id);
      return row === undefined ? [...linkagePath, 'departments'] : [...linkagePath, 'departments', row];
    },
    own: () => ['data', 'departmentCoefficients'],
  };
  const issues = new IssueList();
  const linked = linkDepartments(
    { ...linkage, companyKpis, departments } satisfies Linkage,
    input.rounding,
    paths,
    issues,
  );
  issues.throwIfAny();
  return linked!.departments;
}

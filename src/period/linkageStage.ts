import type * as z from 'zod/mini';
import { IssueList, type IssuePath } from '../core/errors.js';
import { linkDepartments, type Linkage, type LinkagePaths } from '../linkage/linkCoefficients.js';
import type { LinkedDepartment, LinkKpiInput } from '../linkage/types.js';
import type { SegmentContext } from './context.js';
import type { planLinkageSchema } from './schema.js';

/** A plan version's `linkage` section. */
export type PlanLinkage = z.output<typeof planLinkageSchema>;

/**
 * Seed 003's relevance matrix for one segment: the linkage over every department (own
 * coefficient D from the period data, relevance from the plan) and the company KPIs (targets from
 * the plan, actuals or coefficients from the data). Returns one row per department, in org order.
 */
export function linkageStage(
  context: SegmentContext,
  linkage: PlanLinkage,
  own: readonly string[],
): LinkedDepartment[] {
  const linkagePath: IssuePath = [...context.versionPath, 'linkage'];
  const orgDepartments = context.scenario.org.departments;
  const results = new Map((context.data.companyKpis ?? []).map((row) => [row.id, row]));
  const planned = new Map(linkage.departments.map((row, i) => [row.id, i]));
  // A KPI's coefficient given in the data replaces its target and map; no default actual: the data
  // stage refuses a KPI without a result, never reads it as 0.
  const companyKpis = linkage.companyKpis.map(({ id, target, map }): LinkKpiInput => {
    const result = results.get(id);
    if (result?.coefficient !== undefined) return { id, coefficient: result.coefficient };
    return { id, actual: result?.actual, target, map };
  });
  const departments = orgDepartments.map(({ id }, d) => {
    const plan = linkage.departments[planned.get(id) ?? -1];
    return { id, coefficient: own[d]!, relevance: plan?.relevance, exempt: plan?.exempt };
  });
  const paths: LinkagePaths = {
    plan: linkagePath,
    department: (d) => {
      const row = planned.get(orgDepartments[d]!.id);
      return row === undefined ? [...linkagePath, 'departments'] : [...linkagePath, 'departments', row];
    },
    own: () => ['data', 'departmentCoefficients'],
  };
  const issues = new IssueList();
  const linked = linkDepartments(
    { ...linkage, companyKpis, departments } satisfies Linkage,
    context.rounding,
    paths,
    issues,
  );
  issues.throwIfAny();
  return linked!.departments;
}

import type * as z from 'zod/mini';
import type { IssuePath } from '../core/errors.js';
import type { RoundingPolicy } from '../core/rounding.js';
import { linkCoefficients, type LinkedDepartment } from '../linkage/linkCoefficients.js';
import { withScenarioPaths } from './repath.js';
import type { companyKpiResultSchema, planLinkageSchema } from './schema.js';

type PlanLinkage = z.output<typeof planLinkageSchema>;
type CompanyKpiResult = z.output<typeof companyKpiResultSchema>;

/**
 * Seed 003's relevance matrix for one segment: `linkCoefficients` over every department (own
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
  const { linkage } = input;
  const results = new Map<string, { row: CompanyKpiResult; index: number }>();
  input.kpiResults.forEach((row, index) => results.set(row.id, { row, index }));
  const planned = new Map<string, number>();
  linkage.departments.forEach((row, i) => planned.set(row.id, i));
  const companyKpis = linkage.companyKpis.map((kpi) => {
    const result = results.get(kpi.id)?.row;
    // No default actual: the data stage refuses a KPI without a result, never reads it as 0.
    const measured =
      result?.coefficient !== undefined
        ? { coefficient: result.coefficient }
        : {
            ...(result?.actual === undefined ? {} : { actual: result.actual }),
            ...(kpi.target === undefined ? {} : { target: kpi.target }),
          };
    return {
      id: kpi.id,
      ...(kpi.map === undefined || result?.coefficient !== undefined ? {} : { map: kpi.map }),
      ...measured,
    };
  });
  const translate = (path: IssuePath): IssuePath => {
    const [head, index, ...rest] = path;
    if (head === 'departments' && typeof index === 'number') {
      const row = planned.get(input.departments[index]?.id ?? '');
      if (rest[0] === 'coefficient') return ['data', 'departmentCoefficients'];
      return row === undefined
        ? [...input.linkagePath, 'departments']
        : [...input.linkagePath, 'departments', row, ...rest];
    }
    if (head === 'companyKpis' && typeof index === 'number') {
      const id = linkage.companyKpis[index]?.id ?? '';
      if (rest[0] === 'actual' || rest[0] === 'coefficient') {
        const found = results.get(id);
        return found === undefined ? ['data', 'companyKpis'] : ['data', 'companyKpis', found.index, ...rest];
      }
      return [...input.linkagePath, 'companyKpis', index, ...rest];
    }
    return [...input.linkagePath, ...path];
  };
  const linked = withScenarioPaths(
    () =>
      linkCoefficients({
        levels: linkage.levels,
        companyKpis,
        ...(linkage.achievementMap === undefined ? {} : { achievementMap: linkage.achievementMap }),
        ...(linkage.uniformKpi === undefined ? {} : { uniformKpi: linkage.uniformKpi }),
        departments: input.departments.map((department, d) => {
          const row = planned.get(department.id);
          const plan = row === undefined ? undefined : linkage.departments[row]!;
          return {
            id: department.id,
            coefficient: input.own[d]!,
            ...(plan?.relevance === undefined ? {} : { relevance: plan.relevance }),
            ...(plan?.exempt === undefined ? {} : { exempt: plan.exempt }),
          };
        }),
        rounding: input.rounding,
      }),
    translate,
  );
  const byId = new Map(linked.departments.map((row) => [row.id, row]));
  return input.departments.map((department) => byId.get(department.id)!);
}

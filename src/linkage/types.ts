/** The public shapes of the linkage (SPEC §3.1): one definition each (schemas in schema.ts). */
import type { DecimalInput } from '../core/decimalInput.js';
import type { RoundingInput } from '../core/rounding.js';
import type { TraceStep } from '../core/trace.js';
import type { CoefficientMapInput } from '../tiers/types.js';

/** One company KPI measured against its target. */
export interface CompanyKpiInput {
  /** Unique id of the KPI (`"profit"`, `"revenue"`). */
  id: string;
  /** What was achieved in the period, in the KPI's own unit. */
  actual: DecimalInput;
  /** The target, in the same unit; must be positive (`NON_POSITIVE_TARGET` otherwise). */
  target: DecimalInput;
  /** This KPI's own map from achievement to coefficient. @defaultValue the input's `map` */
  map?: CoefficientMapInput | undefined;
}

/** Input of `companyCoefficients`. */
export interface CompanyCoefficientsInput {
  /** The company KPIs; ids must be unique. */
  kpis: CompanyKpiInput[];
  /** Achievement → coefficient for KPIs without their own map. @defaultValue `{ kind: 'linear' }` (80 % → 0.8) */
  map?: CoefficientMapInput | undefined;
  /** Rounding policy. @defaultValue half-up, coefficients 4 dp */
  rounding?: RoundingInput | undefined;
}

/** One company KPI's coefficient. */
export interface CompanyCoefficient {
  /** The KPI's id. */
  readonly id: string;
  /** The actual as given, in canonical decimal text. */
  readonly actual: string;
  /** The target as given, in canonical decimal text. */
  readonly target: string;
  /** actual / target, rounded at the coefficient rounding point. */
  readonly achievement: string;
  /** The mapped coefficient, rounded at the coefficient rounding point. */
  readonly coefficient: string;
  /** Achievement, map and rounding, derived. */
  readonly trace: TraceStep[];
}

/** Result of `companyCoefficients`. */
export interface CompanyCoefficientsResult {
  /** The KPIs ordered by id. */
  readonly kpis: CompanyCoefficient[];
}

/** A relevance level: a name (`"strong"`, `"medium"`, `"weak"`; 1–50 characters) or stars (`3`, `2`, `1`). */
export type RelevanceLevel = string | number;

/** A company KPI of the linkage: its coefficient C, or `actual` and `target` to derive it from. */
export interface LinkKpiInput {
  /** Unique id (`"profit"`). */
  id: string;
  /** The company coefficient C, ≥ 0 (give this, or `actual` and `target`). */
  coefficient?: DecimalInput | undefined;
  /** The KPI's actual result (with `target`). */
  actual?: DecimalInput | undefined;
  /** The KPI's target, > 0 (with `actual`). */
  target?: DecimalInput | undefined;
  /** This KPI's own achievement map. @defaultValue the input's `achievementMap` */
  map?: CoefficientMapInput | undefined;
}

/** A department: its own coefficient and its relevance to each company KPI. */
export interface LinkDepartmentInput {
  /** Unique id (`"sales"`). */
  id: string;
  /** The department's own coefficient D (from its own KPIs), ≥ 0. */
  coefficient: DecimalInput;
  /** Level per company KPI id (`{ profit: 'strong' }`); a KPI not listed has ratio 0. @defaultValue `{}` */
  relevance?: Record<string, RelevanceLevel> | undefined;
  /** Exempt from linkage: every ratio is 0 and B = D. @defaultValue `false` */
  exempt?: boolean | undefined;
}

/** Input of `linkCoefficients`. */
export interface LinkCoefficientsInput {
  /**
   * The plan's ratio for each relevance level, each in [0, 1] (seed 003's ranges: strong
   * 0.20–0.30, medium 0.10–0.15, weak 0–0.05). Keys are level names or star counts (`"3"`).
   */
  levels: Record<string, DecimalInput>;
  /** The company KPIs (ids unique), at least one. */
  companyKpis: LinkKpiInput[];
  /** Achievement → coefficient for KPIs given as `actual`/`target`. @defaultValue `{ kind: 'linear' }` */
  achievementMap?: CoefficientMapInput | undefined;
  /** The departments (ids unique). */
  departments: LinkDepartmentInput[];
  /** The KPI the uniform method ["无差别公司系数"] multiplies by. @defaultValue the only company KPI */
  uniformKpi?: string | undefined;
  /** Rounding policy. @defaultValue half-up, coefficients 4 dp */
  rounding?: RoundingInput | undefined;
}

/** A company KPI's coefficient in the linkage. */
export interface LinkedKpi {
  /** The KPI's id. */
  readonly id: string;
  /** actual / target, rounded; `null` when the coefficient was given. */
  readonly achievement: string | null;
  /** The company coefficient C, rounded at the coefficient point. */
  readonly coefficient: string;
  /** How C was obtained. */
  readonly trace: TraceStep[];
}

/** One department–KPI link. */
export interface CoefficientLink {
  /** The company KPI's id. */
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
  /** The department's id. */
  readonly id: string;
  /** The department's own coefficient D, rounded at the coefficient point. */
  readonly own: string;
  /** Whether the department is exempt (every ratio 0). */
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
  /** Blend, uniform figure and difference, derived. */
  readonly trace: TraceStep[];
}

/** Result of `linkCoefficients`. Rows ordered by id. */
export interface LinkCoefficientsResult {
  /** Company KPIs with their coefficients. */
  readonly companyKpis: LinkedKpi[];
  /** The KPI the uniform figure uses. */
  readonly uniformKpi: string;
  /** The departments' blended coefficients. */
  readonly departments: LinkedDepartment[];
}

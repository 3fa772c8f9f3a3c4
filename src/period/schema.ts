import { z } from 'zod';
import {
  currencySchema,
  idSchema,
  instantSchema,
  isoDateSchema,
  moneySchema,
  nonNegativeDecimalSchema,
  roundingSchema,
} from '../core/schema.js';

/**
 * Schemas of the period run: plans with effective-dated versions, the organisation, one
 * period's data, and the whole scenario (the input of `runPeriod`, and of a scenario file).
 * Mechanism settings are composed from each mechanism's own exported schema.
 */

/** A pay period: a month, a quarter or a year starting on `start` (any day; fiscal years may start in April). */
export const periodSchema = /* @__PURE__ */ z.strictObject({
  /** `month`, `quarter` or `year`; the period ends the day before `start` plus one unit (date-fns). */
  unit: z.enum(['month', 'quarter', 'year']),
  /** The first day of the period, `YYYY-MM-DD`. */
  start: isoDateSchema,
});

/** A pay grade: base pay by grade (seed 001: "基础工资:根据岗位等级确定"). Amounts are monthly. */
export const gradeSchema = /* @__PURE__ */ z.strictObject({
  /** Grade id, referenced by `people[].grade`. */
  id: idSchema,
  /** Monthly base pay in the plan currency (a quarter is 3 months, a year 12). */
  basePay: nonNegativeDecimalSchema,
  /** Monthly target bonus; the performance bonus is target × coefficient. @defaultValue `0` */
  targetBonus: nonNegativeDecimalSchema.optional(),
});

/** The rules of one plan version. Every mechanism is optional. */
export const planVersionSchema = /* @__PURE__ */ z.strictObject({
  /** Version id, e.g. `"2026-5g-push"`. */
  id: idSchema,
  /** The first day the version is in force, `YYYY-MM-DD`. */
  effective: isoDateSchema,
  /** Optional last day in force (inclusive); by default a version runs until the next one takes effect. */
  until: isoDateSchema.optional(),
  /** Why the version exists, shown in reports (e.g. "5G push: pool 10 % → 15 %"). */
  note: z.string().max(500).optional(),
  /** Pay grades: base pay and target bonus by grade. */
  grades: z.array(gradeSchema),
});

/** A plan: a currency, a rounding policy and versions effective from dates (SPEC §3.8, seed 001 "动态调整"). */
export const planSchema = /* @__PURE__ */ z.strictObject({
  /** Plan id. */
  id: idSchema,
  /** ISO 4217 currency of every amount in the plan and the period's data. */
  currency: currencySchema,
  /** Rounding points: scores 2 dp, coefficients 4 dp, half-up by default. */
  rounding: roundingSchema.optional(),
  /**
   * What to do when a version takes effect inside the period: `report` runs the whole period on
   * the version in force at its start and lists the change; `prorate` splits the period at each
   * change and prorates every amount by days.
   * @defaultValue `"report"`
   */
  onVersionChange: z.enum(['report', 'prorate']).optional(),
  /** The versions, in any order; effective dates must differ and ranges must not overlap. */
  versions: z.array(planVersionSchema).min(1),
});

/** Input of `resolvePlan`. */
export const resolvePlanInputSchema = /* @__PURE__ */ z.strictObject({
  /** The plan with its versions. */
  plan: planSchema,
  /** The period to resolve. */
  period: periodSchema,
});

/** A department, on one side of the company: the front line, the middle office or the back office. */
export const departmentSchema = /* @__PURE__ */ z.strictObject({
  /** Department id. */
  id: idSchema,
  /** Display name. */
  name: z.string().max(200).optional(),
  /** `front` (sales, service, operations), `middle` or `back` (HR, IT, finance, legal, R&D). */
  side: z.enum(['front', 'middle', 'back']),
});

/** A person on the payroll. */
export const personSchema = /* @__PURE__ */ z.strictObject({
  /** Person id (statements are ordered by it). */
  id: idSchema,
  /** Display name. */
  name: z.string().max(200).optional(),
  /** Department id. */
  department: idSchema,
  /** Grade id (base pay by grade). */
  grade: idSchema,
  /** Monthly base pay overriding the grade's. @defaultValue the grade's `basePay` */
  basePay: nonNegativeDecimalSchema.optional(),
  /** Monthly target bonus overriding the grade's. @defaultValue the grade's `targetBonus` */
  targetBonus: nonNegativeDecimalSchema.optional(),
  /** First day employed (inclusive); before the period by default. */
  start: isoDateSchema.optional(),
  /** Last day employed (inclusive); after the period by default. */
  end: isoDateSchema.optional(),
});

/** The organisation: departments and people. */
export const orgSchema = /* @__PURE__ */ z.strictObject({
  departments: z.array(departmentSchema),
  people: z.array(personSchema),
});

/** A department's own result coefficient D for the period (before any company linkage). */
export const departmentCoefficientSchema = /* @__PURE__ */ z.strictObject({
  /** Department id. */
  department: idSchema,
  /** The own coefficient, e.g. `"0.9"`. @defaultValue `1` for a department not listed */
  coefficient: nonNegativeDecimalSchema,
});

/** A gross commission row earned by a person (negative for a clawback). */
export const commissionSchema = /* @__PURE__ */ z.strictObject({
  id: idSchema,
  /** Person id. */
  person: idSchema,
  /** Gross commission in the plan currency. */
  amount: moneySchema,
  /** Date earned; required when a split period assigns rows to plan versions. */
  date: isoDateSchema.optional(),
});

/** A deduction (seed 001 "扣减项": lateness, early leave, from the attendance system). */
export const deductionSchema = /* @__PURE__ */ z.strictObject({
  id: idSchema,
  /** Person id. */
  person: idSchema,
  /** The amount deducted (≥ 0). */
  amount: nonNegativeDecimalSchema,
  /** Why, shown on the statement. */
  reason: z.string().min(1).max(200),
  /** Date incurred; required when a split period assigns rows to plan versions. */
  date: isoDateSchema.optional(),
});

/** One period's data. Every list is optional. */
export const periodDataSchema = /* @__PURE__ */ z.strictObject({
  /** Each department's own coefficient D (default 1). */
  departmentCoefficients: z.array(departmentCoefficientSchema).optional(),
  /** Gross commissions of (front-line) people. */
  commissions: z.array(commissionSchema).optional(),
  /** Deductions. */
  deductions: z.array(deductionSchema).optional(),
});

/** The whole input of `runPeriod`: a scenario file holds exactly this object as JSON. */
export const runPeriodInputSchema = /* @__PURE__ */ z.strictObject({
  /** The JSON Schema a scenario file names for editor completion; ignored by the run. */
  $schema: z.string().optional(),
  /** The plan with its versions. */
  plan: planSchema,
  /** The period to run. */
  period: periodSchema,
  /** The instant up to which open items (tickets) are measured; the period end by default. */
  asOf: instantSchema.optional(),
  /** Departments and people. */
  org: orgSchema,
  /** The period's data. */
  data: periodDataSchema.optional(),
});

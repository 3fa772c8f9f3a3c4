import * as z from 'zod/mini';
import {
  decimalSchema,
  idSchema,
  nonNegativeDecimalSchema,
  roundingSchema,
  shaped,
  type ZodSchema,
} from '../core/schema.js';
import { coefficientMapSchema } from '../tiers/schema.js';
import type * as t from './types.js';

/** A relevance level: a name of 1–50 characters or a star count 0–1000 (see {@link t.RelevanceLevel}). */
export const relevanceLevelSchema: ZodSchema<t.RelevanceLevel> = /* @__PURE__ */ z.union([
  z.string().check(z.minLength(1), z.maxLength(50)),
  z.int().check(z.minimum(0), z.maximum(1000)),
]);

/** One company KPI measured against its target (see {@link t.CompanyKpiInput}). */
export const companyKpiSchema = /* @__PURE__ */ shaped<t.CompanyKpiInput>()(
  z.strictObject({ id: idSchema, actual: decimalSchema, target: decimalSchema, map: z.optional(coefficientMapSchema) }),
);

/** Input of `companyCoefficients` (see {@link t.CompanyCoefficientsInput}). */
export const companyCoefficientsInputSchema = /* @__PURE__ */ shaped<t.CompanyCoefficientsInput>()(
  z.strictObject({
    kpis: z.array(companyKpiSchema),
    map: z.optional(coefficientMapSchema),
    rounding: z.optional(roundingSchema),
  }),
);

/** The fields of a linkage KPI row (internal: the period plan takes some of them). */
export const linkKpiFields = {
  id: idSchema,
  coefficient: /* @__PURE__ */ z.optional(nonNegativeDecimalSchema),
  actual: /* @__PURE__ */ z.optional(decimalSchema),
  target: /* @__PURE__ */ z.optional(decimalSchema),
  map: /* @__PURE__ */ z.optional(coefficientMapSchema),
};

/** A company KPI of the linkage (see {@link t.LinkKpiInput}). */
export const linkKpiSchema = /* @__PURE__ */ shaped<t.LinkKpiInput>()(z.strictObject(linkKpiFields));

/** The fields of a linkage department row (internal: the period plan takes some of them). */
export const linkDepartmentFields = {
  id: idSchema,
  coefficient: nonNegativeDecimalSchema,
  relevance: /* @__PURE__ */ z.optional(z.record(idSchema, relevanceLevelSchema)),
  exempt: /* @__PURE__ */ z.optional(z.boolean()),
};

/** A department of the linkage (see {@link t.LinkDepartmentInput}). */
export const linkDepartmentSchema = /* @__PURE__ */ shaped<t.LinkDepartmentInput>()(
  z.strictObject(linkDepartmentFields),
);

/** The fields of `linkCoefficients`' input (internal: the period plan takes some of them). */
export const linkCoefficientsFields = {
  levels: /* @__PURE__ */ z.record(z.string().check(z.minLength(1), z.maxLength(50)), nonNegativeDecimalSchema),
  companyKpis: /* @__PURE__ */ z.array(linkKpiSchema).check(z.minLength(1)),
  achievementMap: /* @__PURE__ */ z.optional(coefficientMapSchema),
  departments: /* @__PURE__ */ z.array(linkDepartmentSchema),
  uniformKpi: /* @__PURE__ */ z.optional(idSchema),
  rounding: /* @__PURE__ */ z.optional(roundingSchema),
};

/** Input of `linkCoefficients` (see {@link t.LinkCoefficientsInput}). */
export const linkCoefficientsInputSchema = /* @__PURE__ */ shaped<t.LinkCoefficientsInput>()(
  z.strictObject(linkCoefficientsFields),
);

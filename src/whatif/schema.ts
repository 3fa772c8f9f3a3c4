import * as z from 'zod/mini';
import { currencySchema, fastChecks, isoDateSchema, shaped, type ZodSchema } from '../core/schema.js';
import { planSchema, runPeriodInputSchema } from '../period/schema.js';
import type { RunPeriodResult } from '../period/types.js';
import type * as t from './types.js';

/**
 * Schemas of the what-if tools: `compareRuns` and `correctPeriod`, and the shape of a period
 * result read back from JSON (a run saved with `synergy-pay run --out`, or a paid result).
 *
 * Result objects are read with `z.looseObject`: a result is the library's own output, and later
 * releases add fields to it (new mechanisms, new totals); an older or newer result must still be
 * readable. Only the fields the what-if tools use are checked (their meaning is documented on the
 * result interfaces in period/types.ts), and the top-level inputs stay strict so that typos in
 * them are refused.
 *
 * Each schema is checked against its interface in types.ts ({@link t.SavedRunResult}, …), and
 * the result interfaces of period/types.ts are checked in one direction: whatever `runPeriod`
 * returns must read back through `runResultSchema` ({@link ReadableResult} fails to compile
 * otherwise). The schemas may accept more than the interfaces describe, never less.
 */

/**
 * A trace as it appears in a saved result: a list of steps. Not validated step by step (a trace
 * explains, it never enters a sum, and checking every step would dominate the cost): the
 * what-if tools read the steps of changed lines only and skip any that are not objects with a
 * string `rule`.
 */
const savedTraceSchema = /* @__PURE__ */ z.array(z.unknown());

/** An amount as a result writes it: a decimal string (checked against the currency when read). */
const moneyText = /* @__PURE__ */ z.string({ error: 'an amount in a result is a decimal string, e.g. "8800.00"' });

/** A total's name: an identifier (the schema's rule, and its fast check's). */
const TOTAL_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Money totals by name. zod skips an own `__proto__` key of a record silently; a total must
 * never vanish silently, so such a key is refused before parsing. Typed by the record it accepts
 * (the pipe's first stage takes `unknown` only to look at the keys before the record does).
 */
const totalsSchema = /* @__PURE__ */ withTotalsCheck(
  z.pipe(
    z.unknown().check(
      z.refine((value) => value === null || typeof value !== 'object' || !Object.hasOwn(value, '__proto__'), {
        path: ['__proto__'],
        error: 'a total may not be named "__proto__"',
      }),
    ),
    z.record(z.string().check(z.regex(TOTAL_NAME, { error: 'a total is named by an identifier' })), moneyText),
  ) as unknown as ZodSchema<Record<string, string>>,
);

/** Registers the row reader's fast check of the totals: a plain record of identifier-named strings, no `__proto__`. */
function withTotalsCheck<S extends object>(schema: S): S {
  fastChecks.set(schema, (value) => {
    if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
    if (Object.hasOwn(value, '__proto__')) return false;
    for (const [name, amount] of Object.entries(value))
      if (!TOTAL_NAME.test(name) || typeof amount !== 'string') return false;
    return true;
  });
  return schema;
}

/** Schema of {@link t.SavedStatementLine}. */
export const savedStatementLineSchema = /* @__PURE__ */ shaped<t.SavedStatementLine>()(
  z.looseObject({
    kind: z.string().check(z.minLength(1)),
    label: z.string(),
    version: z.string(),
    amount: moneyText,
    source: z.optional(z.string()),
    trace: z.optional(savedTraceSchema),
  }),
);

/** Schema of {@link t.SavedStatement}. */
export const savedStatementSchema = /* @__PURE__ */ shaped<t.SavedStatement>()(
  z.looseObject({
    person: z.string().check(z.minLength(1)),
    name: z.optional(z.nullable(z.string())),
    department: z.string(),
    side: z.optional(z.string()),
    grade: z.optional(z.string()),
    employedDays: z.optional(z.number()),
    coefficient: z.optional(z.string()),
    lines: z.array(savedStatementLineSchema),
    total: moneyText,
  }),
);

/** Schema of {@link t.SavedDepartment}. */
export const savedDepartmentSchema = /* @__PURE__ */ shaped<t.SavedDepartment>()(
  z.looseObject({
    id: z.string().check(z.minLength(1)),
    side: z.optional(z.string()),
    headcount: z.optional(z.number()),
    coefficient: z.optional(z.string()),
    ownCoefficient: z.optional(z.string()),
    trace: z.optional(savedTraceSchema),
  }),
);

/** Schema of {@link t.SavedDraws}. */
export const savedDrawsSchema = /* @__PURE__ */ shaped<t.SavedDraws>()(
  z.looseObject({
    people: z.array(z.looseObject({ id: z.string(), closingBalance: moneyText })),
    totals: z.looseObject({
      openingBalance: moneyText,
      advanced: moneyText,
      toppedUp: moneyText,
      recovered: moneyText,
      writtenOff: moneyText,
      closingBalance: moneyText,
    }),
  }),
);

/** Schema of {@link t.SavedHolds}. */
export const savedHoldsSchema = /* @__PURE__ */ shaped<t.SavedHolds>()(
  z.looseObject({
    held: z.array(z.looseObject({ id: z.string(), person: z.string(), amount: moneyText })),
    totals: z.looseObject({ opening: moneyText, newlyHeld: moneyText, released: moneyText, closing: moneyText }),
  }),
);

/** Schema of {@link t.SavedConversion}. */
export const savedConversionSchema = /* @__PURE__ */ shaped<t.SavedConversion>()(
  z.looseObject({ section: z.optional(z.string()), currency: z.string(), converted: moneyText }),
);

/**
 * Schema of {@link t.SavedRunResult}: a `runPeriod` result read back from JSON. It accepts a
 * result as `runPeriod` returns it too ({@link ReadableResult} checks that), hence its input type
 * {@link t.RunResultInput}. `version` is required by `correctPeriod` only.
 */
export const runResultSchema: ZodSchema<t.RunResultInput, t.SavedRunResult> =
  /* @__PURE__ */ shaped<t.SavedRunResult>()(
    z.looseObject({
      plan: z.string(),
      currency: currencySchema,
      period: z.looseObject({
        unit: z.string(),
        start: isoDateSchema,
        end: isoDateSchema,
        days: z.optional(z.number()),
      }),
      version: z.optional(z.string().check(z.minLength(1))),
      segments: z.optional(z.array(z.looseObject({ version: z.string() }))),
      departments: z.array(savedDepartmentSchema),
      statements: z.array(savedStatementSchema),
      totals: z.optional(totalsSchema),
      draws: z.optional(z.nullable(savedDrawsSchema)),
      holds: z.optional(z.nullable(savedHoldsSchema)),
      conversions: z.optional(z.nullable(z.array(savedConversionSchema))),
    }),
  );

/** A type's declared fields at every depth: a loose object's type without its index signature. */
type Declared<T> = T extends readonly (infer Item)[]
  ? Declared<Item>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Declared<T[K]> }
    : T;

/** A period result as the what-if tools read it: the fields `runResultSchema` declares. */
export type SavedRun = Declared<t.SavedRunResult>;

/**
 * `Result`, provided it reads back through `runResultSchema`: its statements, lines, departments
 * and every other field the schema declares are assignable to the schema's input. This is the
 * compile-time half of "one shape": a field of the result interfaces that the schema reads
 * differently (another type, or a field the schema requires and the interfaces lack) fails here.
 */
export type ReadableResult<Result extends Declared<t.SavedRunResult>> = Result;

/** Compile-time check: every field of a run's result reads back through `runResultSchema`. */
export type RunResultReadsBack = ReadableResult<RunPeriodResult>;

/** Schema of {@link t.CompareRunsInput}. */
export const compareRunsInputSchema = /* @__PURE__ */ shaped<t.CompareRunsInput>()(
  z.strictObject({
    base: z.optional(runResultSchema),
    proposed: z.optional(runResultSchema),
    scenario: z.optional(runPeriodInputSchema),
    proposedPlan: z.optional(planSchema),
  }),
);

/** Schema of {@link t.CorrectionPlan}. */
export const correctionPlanSchema: ZodSchema<t.CorrectionPlan> = /* @__PURE__ */ z.enum(['asPaid', 'asCorrected']);

/** Schema of {@link t.CorrectPeriodInput}. */
export const correctPeriodInputSchema = /* @__PURE__ */ shaped<t.CorrectPeriodInput>()(
  z.strictObject({
    paid: z.strictObject({ scenario: runPeriodInputSchema, result: z.optional(runResultSchema) }),
    corrected: runPeriodInputSchema,
    plan: z.optional(correctionPlanSchema),
  }),
);

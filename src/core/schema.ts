/**
 * The schema layer: zod 4's tree-shakable `zod/mini`, the leaf schemas every mechanism shares, and
 * the two helpers that keep a schema and its named interface one shape: {@link Schema} (what the
 * declarations show) and {@link shaped} (the compile-time check that the two agree).
 */
import * as z from 'zod/mini';
import type { ErrorCode } from './codes.js';
import { isKnownCurrency } from './currency.js';
import {
  DECIMAL_TYPE_MESSAGE,
  decimalProblem,
  type DecimalInput,
  isDecimal,
  isNonNegativeDecimal,
} from './decimalInput.js';
import { isIsoDate } from './dates.js';
import { readInstant } from './instant.js';

/**
 * A schema as the library builds it: a zod/mini schema that accepts `Input` (the named interface a
 * caller writes) and returns `Output`. Internal: the public declarations show {@link Schema}.
 */
export type ZodSchema<Input, Output = Input> = z.ZodMiniType<Output, Input>;

/** One problem a failed {@link Schema.safeParse} reports: zod's issue, read structurally. */
export interface SchemaIssue {
  /** zod's issue code (`invalid_type`, `too_small`, `custom`, …). */
  readonly code: string;
  /** Where in the input the problem is. */
  readonly path: readonly PropertyKey[];
  /** What is wrong, in English. */
  readonly message: string;
}

/** What {@link Schema.safeParse} returns: the parsed value, or the issues. */
export type SchemaResult<Output> =
  | { readonly success: true; readonly data: Output }
  | { readonly success: false; readonly error: { readonly issues: readonly SchemaIssue[]; readonly message: string } };

/**
 * A public schema of the library: accepts `Input` (the named interface a caller writes) and
 * returns `Output`. At run time it is a zod/mini schema, described here structurally so that the
 * declarations carry no zod types (a consumer's type check stays fast): `parse` and `safeParse`
 * work, `z.input<typeof s>` / `z.output<typeof s>` read the interfaces, it is a Standard Schema
 * (`~standard`), and {@link jsonSchemaOf} turns it into JSON Schema.
 */
export interface Schema<Input, Output = Input> {
  /** Returns the parsed value, or throws zod's error listing every issue. */
  parse(data: unknown): Output;
  /** Returns the parsed value or the issues, without throwing. */
  safeParse(data: unknown): SchemaResult<Output>;
  /** The Standard Schema interface (https://standardschema.dev), version 1. */
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => unknown;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
  /** The types zod's `z.input` and `z.output` read. Type-level only. */
  readonly _zod: { readonly input: Input; readonly output: Output };
}

/** The public face of a schema: the same object, typed by {@link Schema} instead of zod's types. */
export function publicSchema<Input, Output>(schema: ZodSchema<Input, Output>): Schema<Input, Output> {
  return schema;
}

/** Whether two types are mutually assignable. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Checks at compile time that `schema` accepts exactly the named interface `T` (its input type and
 * `T` are mutually assignable), and returns it typed as `Schema<T, Output>`. A field added to one
 * and not the other is a type error here, so the schema stays the only definition of the shape.
 *
 * @example
 * ```ts
 * export const allocateInputSchema = shaped<AllocateInput>()(z.strictObject({ … }));
 * ```
 */
export function shaped<T, Output = T>() {
  return <S extends z.ZodMiniType>(schema: S & (Same<z.input<S>, T> extends true ? unknown : { mismatch: T })) =>
    schema as unknown as ZodSchema<T, Output>;
}

/** A custom zod issue carrying one of the library's error codes (read back by `fromZodError`). */
export function codedIssue(code: ErrorCode, message: string, input: unknown, path: (string | number)[] = []) {
  return { code: 'custom' as const, message, input, path, params: { code } };
}

/**
 * Fast checks of the leaf schemas, read by the row reader ({@link compileRowCheck} in rows.ts):
 * `check(value)` true means the schema accepts `value` unchanged. Only schemas registered here or
 * built from zod's plain types (strings with lengths, integers with bounds, enums, literals,
 * booleans, optionals, arrays, records, strict objects) get a fast path.
 */
export const fastChecks = /* @__PURE__ */ new WeakMap<object, (value: unknown) => boolean>();

function leaf<S extends z.ZodMiniType>(schema: S, check: (value: unknown) => boolean): S {
  fastChecks.set(schema, check);
  return schema;
}

const isId = (value: unknown): boolean => typeof value === 'string' && value.length > 0 && value.length <= 200;

/** An id: a non-empty string of at most 200 characters. Compared in code-unit order. */
export const idSchema = /* @__PURE__ */ leaf(z.string().check(z.minLength(1), z.maxLength(200)), isId);

/** A missing decimal is a missing field (INVALID_INPUT); any other non-decimal type is INVALID_DECIMAL. */
const decimalTypeError = (issue: { input?: unknown }): string =>
  issue.input === undefined ? 'required' : DECIMAL_TYPE_MESSAGE;

/**
 * A decimal input: a plain decimal string (`"12.50"`) or a finite number within ±2^53 − 1.
 * Anything else (NaN, `"1e5"`, `"1,234"`, `" 1 "`, `""`, hex) is refused with `INVALID_DECIMAL`.
 */
export const decimalSchema: ZodSchema<DecimalInput> = /* @__PURE__ */ leaf(
  z.union([z.string(), z.number()], { error: decimalTypeError }).check(
    z.superRefine((value, ctx) => {
      const problem = decimalProblem(value);
      if (problem !== undefined) ctx.addIssue(codedIssue('INVALID_DECIMAL', problem, value));
    }),
  ),
  isDecimal,
);

/** A decimal input that must be zero or more (`NEGATIVE_VALUE` otherwise). */
export const nonNegativeDecimalSchema: ZodSchema<DecimalInput> = /* @__PURE__ */ leaf(
  z.union([z.string(), z.number()], { error: decimalTypeError }).check(
    z.superRefine((value, ctx) => {
      const problem = decimalProblem(value);
      if (problem !== undefined) ctx.addIssue(codedIssue('INVALID_DECIMAL', problem, value));
      else if (!isNonNegativeDecimal(value))
        ctx.addIssue(codedIssue('NEGATIVE_VALUE', `${String(value)} is negative; it must be zero or more`, value));
    }),
  ),
  isNonNegativeDecimal,
);

/** A money amount in major units (`"8800.00"`); its decimals are checked against the currency later. */
export const moneySchema = decimalSchema;

/** A string schema refused with `code` when `accept` says no. */
function checkedString(accept: (value: string) => boolean, code: ErrorCode, message: (value: string) => string) {
  return leaf(
    z.string().check(
      z.superRefine((value, ctx) => {
        if (!accept(value)) ctx.addIssue(codedIssue(code, message(value), value));
      }),
    ),
    (value) => typeof value === 'string' && accept(value),
  );
}

/** An ISO 4217 currency code known to Intl (`UNKNOWN_CURRENCY` otherwise). */
export const currencySchema = /* @__PURE__ */ checkedString(
  isKnownCurrency,
  'UNKNOWN_CURRENCY',
  (value) => `"${value.slice(0, 20)}" is not an ISO 4217 currency code known to Intl`,
);

/** A calendar date `YYYY-MM-DD` (local to whatever calendar it belongs to). */
export const isoDateSchema = /* @__PURE__ */ checkedString(
  isIsoDate,
  'INVALID_INPUT',
  (value) => `"${value.slice(0, 40)}" is not a calendar date written YYYY-MM-DD`,
);

/** An ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`). */
export const instantSchema = /* @__PURE__ */ checkedString(
  (value) => !Number.isNaN(readInstant(value)),
  'INVALID_INPUT',
  (value) => `"${value.slice(0, 40)}" is not an ISO 8601 instant with an offset, e.g. 2026-03-06T17:30:00+08:00`,
);

/** The rounding policy of a plan (SPEC §1.6). Every field optional; defaults: half-up, 2, 4. */
export const roundingSchema = /* @__PURE__ */ z.strictObject({
  mode: z.optional(z.enum(['halfUp', 'halfEven'])),
  scoreDecimals: z.optional(z.int().check(z.minimum(0), z.maximum(12))),
  coefficientDecimals: z.optional(z.int().check(z.minimum(0), z.maximum(12))),
});

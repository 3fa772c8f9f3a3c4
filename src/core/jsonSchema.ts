import * as z from 'zod/mini';
import { DECIMAL_PATTERN } from './decimalInput.js';
import {
  currencySchema,
  decimalSchema,
  instantSchema,
  isoDateSchema,
  nonNegativeDecimalSchema,
  type Schema,
} from './schema.js';

/**
 * zod 4's `z.toJSONSchema` keeps types, enums, `min`/`max` and strictness, but drops every
 * refinement (they are code, not data). The library's decimals are `string | number` unions
 * checked by a refinement, so they would come out as `{ type: ["string", "number"] }`, and dates
 * as any string. The `override` hook puts back what JSON Schema can say: the decimal pattern, the
 * date and instant formats, the currency pattern. Semantic checks (ids that must exist, weights
 * that must sum to 1, versions that must not overlap) stay with the functions themselves.
 */
const DECIMAL_STRING = DECIMAL_PATTERN.source;
const NON_NEGATIVE_STRING = '^(?:0|[1-9]\\d*)(?:\\.\\d+)?$|^-0(?:\\.0+)?$';

/**
 * The JSON Schema (draft 2020-12) of one of the library's schemas — what a caller may pass
 * (`io: 'input'`, the default) or what parsing returns (`'output'`) — with the decimal, date,
 * instant and currency rules that zod's generator alone would drop.
 *
 * @param schema - A schema of the library, e.g. `schemas.allocate`.
 * @param io - Describe the input (default) or the parsed output.
 * @returns A plain JSON object (draft 2020-12).
 * @example
 * ```ts
 * import { jsonSchemaOf, schemas } from 'synergy-pay';
 * const json = jsonSchemaOf(schemas.allocate);
 * // json.properties.total: { anyOf: [{ type: 'string', pattern: … }, { type: 'number' }] }
 * ```
 */
export function jsonSchemaOf(schema: Schema<unknown>, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  return z.toJSONSchema(schema as unknown as z.ZodMiniType, {
    io,
    target: 'draft-2020-12',
    override: (ctx) => {
      const leaf = ctx.zodSchema as unknown;
      const json = ctx.jsonSchema as Record<string, unknown>;
      if (leaf === decimalSchema)
        replace(json, decimalJson(DECIMAL_STRING, 'A decimal: a plain decimal string ("1234.50") or a finite number.'));
      else if (leaf === nonNegativeDecimalSchema)
        replace(
          json,
          decimalJson(NON_NEGATIVE_STRING, 'A decimal ≥ 0: a plain decimal string ("0.15") or a finite number.', 0),
        );
      else if (leaf === isoDateSchema)
        Object.assign(json, {
          format: 'date',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          description: 'A calendar date, YYYY-MM-DD.',
        });
      else if (leaf === instantSchema)
        Object.assign(json, {
          format: 'date-time',
          description: 'An ISO 8601 instant with an offset, e.g. 2026-03-06T17:30:00+08:00.',
        });
      else if (leaf === currencySchema)
        Object.assign(json, { pattern: '^[A-Z]{3}$', description: 'An ISO 4217 currency code, e.g. CNY.' });
    },
  });
}

function decimalJson(pattern: string, description: string, minimum?: number): Record<string, unknown> {
  const number: Record<string, unknown> = { type: 'number' };
  if (minimum !== undefined) number.minimum = minimum;
  return { description, anyOf: [{ type: 'string', pattern, maxLength: 60 }, number] };
}

function replace(target: Record<string, unknown>, value: Record<string, unknown>): void {
  for (const key of Object.keys(target)) Reflect.deleteProperty(target, key);
  Object.assign(target, value);
}

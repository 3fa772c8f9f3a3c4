import * as z from 'zod/mini';
import { DECIMAL_PATTERN } from '../core/decimalInput.js';
import {
  currencySchema,
  decimalSchema,
  instantSchema,
  isoDateSchema,
  nonNegativeDecimalSchema,
} from '../core/schema.js';
import { runPeriodInputSchema } from './schema.js';

/**
 * zod 4's `z.toJSONSchema` keeps types, enums, `min`/`max` and strictness, but drops every
 * refinement (they are code, not data). The library's decimals are `string | number` unions
 * checked by a refinement, so they would come out as `{ type: ["string", "number"] }`, and dates
 * as any string. The `override` hook puts back what JSON Schema can say: the decimal pattern, the
 * date and instant formats, the currency pattern. Semantic checks (ids that must exist, weights
 * that must sum to 1, versions that must not overlap) stay with `runPeriod`.
 */
const DECIMAL_STRING = DECIMAL_PATTERN.source;
const NON_NEGATIVE_STRING = '^(?:0|[1-9]\\d*)(?:\\.\\d+)?$|^-0(?:\\.0+)?$';

/**
 * The JSON Schema (draft 2020-12) of a scenario file: the input of `runPeriod` as JSON,
 * generated from `runPeriodInputSchema` so that editors can validate and complete scenario files.
 * A scenario file may name it with `"$schema"`.
 *
 * @returns A plain JSON object (draft 2020-12).
 * @example
 * ```ts
 * import { scenarioJsonSchema } from 'synergy-pay';
 * const schema = scenarioJsonSchema();
 * // schema.properties.plan, schema.properties.org, …; additionalProperties: false everywhere
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(runPeriodInputSchema, {
    io: 'input',
    target: 'draft-2020-12',
    override: (ctx) => {
      const schema = ctx.zodSchema as unknown;
      const json = ctx.jsonSchema as Record<string, unknown>;
      if (schema === decimalSchema)
        replace(json, decimalJson(DECIMAL_STRING, 'A decimal: a plain decimal string ("1234.50") or a finite number.'));
      else if (schema === nonNegativeDecimalSchema)
        replace(
          json,
          decimalJson(NON_NEGATIVE_STRING, 'A decimal ≥ 0: a plain decimal string ("0.15") or a finite number.', 0),
        );
      else if (schema === isoDateSchema)
        Object.assign(json, {
          format: 'date',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          description: 'A calendar date, YYYY-MM-DD.',
        });
      else if (schema === instantSchema)
        Object.assign(json, {
          format: 'date-time',
          description: 'An ISO 8601 instant with an offset, e.g. 2026-03-06T17:30:00+08:00.',
        });
      else if (schema === currencySchema)
        Object.assign(json, { pattern: '^[A-Z]{3}$', description: 'An ISO 4217 currency code, e.g. CNY.' });
    },
  }) as Record<string, unknown>;
  return {
    ...generated,
    $id: 'https://synergy-pay.dev/scenario.schema.json',
    title: 'synergy-pay scenario',
    description:
      'One pay period for runPeriod and the synergy-pay CLI: the plan with its versions, the period, the organisation and the period data.',
  };
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

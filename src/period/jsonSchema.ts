import { jsonSchemaOf } from '../core/jsonSchema.js';
import { publicSchema } from '../core/schema.js';
import { runPeriodInputSchema } from './schema.js';

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
  const generated = jsonSchemaOf(publicSchema(runPeriodInputSchema));
  return {
    ...generated,
    $id: 'https://synergy-pay.dev/scenario.schema.json',
    title: 'synergy-pay scenario',
    description:
      'One pay period for runPeriod and the synergy-pay CLI: the plan with its versions, the period, the organisation and the period data.',
  };
}

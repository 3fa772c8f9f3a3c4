import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoScenario, scenarioJsonSchema } from '../../src/index.js';
import { runs } from '../helpers.js';
import { scenarioArbitrary } from './arbitraries.js';
import { golden } from './golden.js';

type Json = Record<string, unknown>;

/**
 * A minimal JSON Schema (2020-12) checker for the keywords the generated schema uses — an
 * independent reading of the schema, so the test does not trust zod's own parse.
 */
function problems(schema: Json, value: unknown, path = '$'): string[] {
  const out: string[] = [];
  if (Array.isArray(schema.anyOf)) {
    const ok = (schema.anyOf as Json[]).some((option) => problems(option, value, path).length === 0);
    return ok ? [] : [`${path}: matches no option`];
  }
  const type = schema.type as string | string[] | undefined;
  const kind =
    value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (!types.some((t) => t === kind || (t === 'number' && kind === 'integer')))
      return [`${path}: expected ${types.join('|')}, got ${kind}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    out.push(`${path}: not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      out.push(`${path}: does not match ${schema.pattern}`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) out.push(`${path}: too short`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) out.push(`${path}: too long`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) out.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) out.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      out.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items !== undefined)
      value.forEach((item, i) => out.push(...problems(schema.items as Json, item, `${path}[${i}]`)));
  }
  if (kind === 'object') {
    const record = value as Json;
    const properties = (schema.properties ?? {}) as Record<string, Json>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in record)) out.push(`${path}.${key}: required`);
    for (const [key, item] of Object.entries(record)) {
      if (properties[key] !== undefined) out.push(...problems(properties[key], item, `${path}.${key}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${key}: not allowed`);
    }
  }
  return out;
}

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema();

  it('is draft 2020-12 with a title and accepts the golden and demo scenarios', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('synergy-pay scenario');
    expect(problems(schema, JSON.parse(JSON.stringify(golden())))).toEqual([]);
    expect(problems(schema, JSON.parse(JSON.stringify(demoScenario({ people: 200 }))))).toEqual([]);
    expect(problems(schema, { $schema: './scenario.schema.json', ...golden() })).toEqual([]);
  });

  it('accepts every generated valid scenario', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        expect(problems(schema, JSON.parse(JSON.stringify(scenario)))).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
  });

  it('puts back what zod drops: decimal patterns, non-negative minimums, date formats', () => {
    const basePay = ((((schema.properties as Json).plan as Json).properties as Json).versions as Json).items as Json;
    const grade = (((basePay.properties as Json).grades as Json).items as Json).properties as Record<string, Json>;
    expect(grade.basePay!.anyOf).toEqual([
      { type: 'string', pattern: expect.any(String), maxLength: 60 },
      { type: 'number', minimum: 0 },
    ]);
    const scenario = JSON.parse(JSON.stringify(golden()));
    scenario.plan.versions[0].grades[0].basePay = '1e5';
    expect(problems(schema, scenario)).toEqual(['$.plan.versions[0].grades[0].basePay: matches no option']);
    scenario.plan.versions[0].grades[0].basePay = -1;
    expect(problems(schema, scenario)).toEqual(['$.plan.versions[0].grades[0].basePay: matches no option']);
    scenario.plan.versions[0].grades[0].basePay = '6000.00';
    scenario.plan.versions[0].effective = '1 May';
    expect(problems(schema, scenario)).toEqual(['$.plan.versions[0].effective: does not match ^\\d{4}-\\d{2}-\\d{2}$']);
  });

  it('describes the fields of sales, currencies, draws and holds (issue 19 §8), and accepts every shipped scenario', () => {
    const at = (path: string) =>
      path.split('.').reduce<Json | undefined>((node, key) => {
        if (node === undefined) return undefined;
        return key === '[]' ? (node.items as Json | undefined) : ((node.properties as Json | undefined)?.[key] as Json);
      }, schema);
    for (const path of [
      'data.sales.[].currency',
      'data.exchangeRates.[].rate',
      'data.commissions.[].currency',
      'data.commissions.[].collected',
      'data.heldCommissions.[].collected',
      'data.draws.[].monthlyAmount',
      'data.drawBalances.[].balance',
      'plan.conversion.at',
      'plan.holdUntilCollected',
      'plan.draws.maxRecovery',
      'controls.sales.byCurrency',
      'controls.commissions.byCurrency',
    ])
      expect(at(path), path).toBeDefined();
    expect(at('data.sales.[].currency')!.pattern).toBe('^[A-Z]{3}$');
    for (const file of readdirSync('examples/scenarios').filter((name) => name.endsWith('.json')))
      expect(problems(schema, JSON.parse(readFileSync(`examples/scenarios/${file}`, 'utf8'))), file).toEqual([]);
  });

  it('refuses unknown fields, like the zod schema', () => {
    expect(problems(schema, { ...golden(), plna: {} })).toEqual(['$.plna: not allowed']);
  });
});

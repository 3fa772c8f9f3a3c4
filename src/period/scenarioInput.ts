import * as z from 'zod/mini';
import { IssueList, fromZodError } from '../core/errors.js';
import { compileCheck } from '../core/rows.js';
import { parseInput } from '../core/validate.js';
import { revenueFactSchema } from '../interlock/schema.js';
import { ratingSchema, reviewDecisionSchema } from '../ratings/schema.js';
import { ticketSchema } from '../time/schema.js';
import type { PlanVersion } from './resolvePlan.js';
import { periodDataObject, runPeriodInputObject, saleSchema } from './schema.js';
import type { RunPeriodInput } from './types.js';

/**
 * The scenario as the period run reads it (internal to `runPeriod`): the first stage of the run
 * parses the caller's input, leaving the big mechanism row lists (tickets, ratings, review
 * decisions, revenue facts) to the mechanisms that read them, and checks those lists the plan
 * does not use.
 */

/** A parsed scenario. The mechanism row lists are only known to be arrays until their mechanism validates them. */
export type Scenario = RunPeriodInput;

/** The scenario's period data (empty when it has none). */
export type ScenarioData = NonNullable<Scenario['data']>;

/**
 * The big row lists that a mechanism validates itself (tickets, ratings, review decisions,
 * revenue facts): the scenario's own parse only checks that they are arrays, and hands the rows
 * to the mechanism, whose errors are re-pathed into the scenario. A list whose mechanism the plan
 * does not use is validated here in full, so bad rows are refused either way.
 */
const MECHANISM_ROWS = {
  tickets: { schema: ticketSchema, used: (version: PlanVersion) => version.responseTimes !== undefined },
  ratings: { schema: ratingSchema, used: (version: PlanVersion) => version.ratings !== undefined },
  reviewDecisions: { schema: reviewDecisionSchema, used: (version: PlanVersion) => version.ratings !== undefined },
  revenueFacts: {
    schema: revenueFactSchema,
    used: (version: PlanVersion) => version.interlock?.dimensions !== undefined,
  },
} as const;

const leanScenarioSchema = /* @__PURE__ */ z.extend(runPeriodInputObject, {
  data: z.optional(
    z.extend(periodDataObject, {
      tickets: z.optional(z.array(z.unknown())),
      ratings: z.optional(z.array(z.unknown())),
      reviewDecisions: z.optional(z.array(z.unknown())),
      revenueFacts: z.optional(z.array(z.unknown())),
    }),
  ),
});

/** The scenario without its sales: they are read by the fast row reader (a million rows; issue 19's benchmark). */
const salesLeanSchema = /* @__PURE__ */ z.extend(leanScenarioSchema, {
  data: z.optional(z.extend(leanScenarioSchema.shape.data.def.innerType, { sales: z.optional(z.array(z.unknown())) })),
});

let saleCheck: ((row: unknown) => boolean) | undefined | null = null;

/**
 * Parses a scenario with `runPeriodInputSchema`, except the mechanism row lists (see
 * `MECHANISM_ROWS`). The sales go through the fast check of their row schema; when it doubts one
 * (or the rest of the scenario has an issue), the whole scenario goes through the full schema,
 * which reports every issue at its path in the schema's order.
 */
export function parseScenario(input: unknown): Scenario {
  if (saleCheck === null) saleCheck = compileCheck(saleSchema);
  const check = saleCheck;
  const lean = check === undefined ? undefined : salesLeanSchema.safeParse(input);
  if (lean?.success === true) {
    const sales = lean.data.data?.sales ?? [];
    let valid = true;
    for (let i = 0; i < sales.length && valid; i++) valid = check!(sales[i]);
    if (valid) return lean.data as Scenario;
  }
  return parseInput(leanScenarioSchema, input) as Scenario;
}

/** Validates the mechanism row lists the period's versions do not read, and the reference fields of the others. */
export function checkMechanismRows(scenario: Scenario, versions: readonly PlanVersion[]): void {
  const issues = new IssueList();
  const data = scenario.data as z.output<typeof leanScenarioSchema>['data'];
  if (data !== undefined) {
    for (const [key, rows] of Object.entries(MECHANISM_ROWS) as [
      keyof typeof MECHANISM_ROWS,
      (typeof MECHANISM_ROWS)[keyof typeof MECHANISM_ROWS],
    ][]) {
      const list = data[key];
      if (list === undefined || versions.some((version) => rows.used(version))) continue;
      const parsed = z.array(rows.schema).safeParse(list);
      if (!parsed.success)
        for (const issue of fromZodError(parsed.error).issues)
          issues.add(issue.code, ['data', key, ...issue.path], issue.message);
    }
    // Rows a mechanism will read must at least be objects with the reference fields we check first.
    const shaped = (key: keyof typeof MECHANISM_ROWS, fields: readonly string[]) => {
      (data[key] ?? []).forEach((row, i) => {
        if (row === null || typeof row !== 'object' || Array.isArray(row))
          issues.add('INVALID_INPUT', ['data', key, i], 'expected an object');
        else
          for (const field of fields)
            if (typeof (row as Record<string, unknown>)[field] !== 'string')
              issues.add('INVALID_INPUT', ['data', key, i, field], 'expected a string id');
      });
    };
    shaped('tickets', ['unit']);
    shaped('ratings', ['rater', 'ratee']);
  }
  issues.throwIfAny();
}

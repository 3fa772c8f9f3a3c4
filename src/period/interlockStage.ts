import type { z } from 'zod';
import type { IssuePath } from '../core/errors.js';
import type { RoundingPolicy } from '../core/rounding.js';
import { creditFacts, type CreditFactsResult } from '../interlock/creditFacts.js';
import { settleInterlock, type SettleInterlockResult } from '../interlock/settleInterlock.js';
import { withScenarioPaths } from './repath.js';
import type { periodDataSchema, planInterlockSchema } from './schema.js';

type PlanInterlock = z.output<typeof planInterlockSchema>;
type RevenueFacts = NonNullable<z.output<typeof periodDataSchema>['revenueFacts']>;

/** What the interlock gives a period: the credits, and the settlement of the indicators. */
export interface InterlockRun {
  readonly credits: CreditFactsResult | null;
  readonly settlement: SettleInterlockResult | null;
}

/**
 * Seed 003's interlock for one plan version: `creditFacts` over the period's revenue facts (when
 * the plan has dimensions), then `settleInterlock` of the indicators with those credits.
 */
export function interlockStage(input: {
  readonly interlock: PlanInterlock;
  readonly path: IssuePath;
  readonly currency: string;
  readonly facts: RevenueFacts;
  readonly rounding: RoundingPolicy;
}): InterlockRun {
  const { interlock, path } = input;
  const dimensions = interlock.dimensions;
  const credits =
    dimensions === undefined
      ? null
      : withScenarioPaths(
          () => creditFacts({ currency: input.currency, dimensions, facts: input.facts, rounding: input.rounding }),
          (at) => (at[0] === 'facts' ? ['data', 'revenueFacts', ...at.slice(1)] : at[0] === 'currency' ? ['plan', 'currency'] : [...path, ...at]),
        );
  const indicators = interlock.indicators;
  const settlement =
    indicators === undefined || indicators.length === 0
      ? null
      : withScenarioPaths(
          () =>
            settleInterlock({
              currency: input.currency,
              indicators,
              ...(credits === null ? {} : { credits: { currency: credits.currency, dimensions: credits.dimensions.map((d) => ({ id: d.id, members: d.members.map((m) => ({ id: m.id, amount: m.amount })) })) } }),
              rounding: input.rounding,
            }),
          (at) => (at[0] === 'credits' ? [...path, 'dimensions'] : at[0] === 'currency' ? ['plan', 'currency'] : [...path, ...at]),
        );
  return { credits, settlement };
}

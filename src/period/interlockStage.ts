import type * as z from 'zod/mini';
import { allocateMinor } from '../core/allocate.js';
import { Dec } from '../core/decimal.js';
import { fail, type IssuePath } from '../core/errors.js';
import { formatMinor, parseMinor } from '../core/money.js';
import { divideRounded, type RoundingPolicy } from '../core/rounding.js';
import { traceStep } from '../core/trace.js';
import { creditFacts } from '../interlock/creditFacts.js';
import { settleInterlock } from '../interlock/settleInterlock.js';
import type { CreditFactsResult, SettleInterlockResult } from '../interlock/types.js';
import { dayNumber, overlapDayNumbers } from './dates.js';
import type { PersonWork } from './periodWork.js';
import { withScenarioPaths } from './repath.js';
import type { PlanSegment } from './resolvePlan.js';
import type { InterlockSummary } from './runPeriod.js';
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
          (at) =>
            at[0] === 'facts'
              ? ['data', 'revenueFacts', ...at.slice(1)]
              : at[0] === 'currency'
                ? ['plan', 'currency']
                : [...path, ...at],
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
              ...(credits === null
                ? {}
                : {
                    credits: {
                      currency: credits.currency,
                      dimensions: credits.dimensions.map((d) => ({
                        id: d.id,
                        members: d.members.map((m) => ({ id: m.id, amount: m.amount })),
                      })),
                    },
                  }),
              rounding: input.rounding,
            }),
          (at) =>
            at[0] === 'credits'
              ? [...path, 'dimensions']
              : at[0] === 'currency'
                ? ['plan', 'currency']
                : [...path, ...at],
        );
  return { credits, settlement };
}

/** What a segment's interlock lines add up to: Σ rewards and Σ deductions (positive), for the reconciliation checks. */
export interface InterlockShare {
  readonly reward: bigint;
  readonly deduction: bigint;
}

/**
 * Pays one segment's share of a settled interlock as statement lines: each party's reward and
 * deduction × days of the segment / days of the period, with cumulative rounding so the
 * segments add up to the settled amount. A person party gets one line; a department party's part
 * is split among its people by days employed in the segment (largest remainder). The lines are
 * appended to the people's working records in `work`.
 *
 * @returns Σ rewards and Σ deductions paid in the segment.
 * @throws `INVALID_INPUT` at the version's `interlock.indicators` when a department party has
 *   nobody employed in the segment.
 */
export function shareInterlock(input: {
  readonly run: InterlockRun;
  /** Index of the plan version in `plan.versions`, for error paths. */
  readonly versionIndex: number;
  readonly segment: PlanSegment;
  /** Index of the segment (chronological). */
  readonly segmentIndex: number;
  /** Days of the period before the segment starts. */
  readonly daysBefore: number;
  readonly periodDays: bigint;
  readonly rounding: RoundingPolicy;
  readonly digits: number;
  readonly personIndex: ReadonlyMap<string, number>;
  readonly departmentIndex: ReadonlyMap<string, number>;
  readonly work: readonly PersonWork[];
}): InterlockShare {
  const { segment, periodDays, digits, work } = input;
  const s = input.segmentIndex;
  const mode = input.rounding.mode;
  let rewardTotal = 0n;
  let deductionTotal = 0n;
  const cumulative = BigInt(input.daysBefore);
  const share = (minor: bigint) =>
    divideRounded(minor * (cumulative + BigInt(segment.days)), periodDays, mode) -
    divideRounded(minor * cumulative, periodDays, mode);
  const from = dayNumber(segment.start);
  const to = dayNumber(segment.end);
  for (const indicator of input.run.settlement?.indicators ?? []) {
    for (const party of indicator.parties) {
      for (const [kind, text] of [
        ['interlockReward', party.reward],
        ['interlockDeduction', party.deduction],
      ] as const) {
        const amount = share(parseMinor(text, digits, []));
        if (amount === 0n) continue;
        if (kind === 'interlockReward') rewardTotal += amount;
        else deductionTotal += amount;
        const sign = kind === 'interlockReward' ? 1n : -1n;
        const label = `${kind === 'interlockReward' ? 'Interlock reward' : 'Interlock deduction'}: ${indicator.id}`;
        const p = input.personIndex.get(party.id);
        const baseTrace = [
          ...party.trace,
          traceStep(
            'period.interlockShare',
            'party amount × days of the segment / days of the period (cumulative rounding)',
            { amount: text, segment: segment.fraction },
            formatMinor(amount, digits),
          ),
        ];
        if (p !== undefined) {
          work[p]!.lines.push({
            kind,
            label,
            version: segment.version,
            segment: s,
            source: indicator.id,
            minor: sign * amount,
            trace: baseTrace,
          });
          continue;
        }
        // A department party: its part is shared among its people by days employed in the segment.
        const d = input.departmentIndex.get(party.id)!;
        const members: number[] = [];
        const weights: Dec[] = [];
        for (let q = 0; q < work.length; q++) {
          const w = work[q]!;
          if (w.department !== d) continue;
          const employed = overlapDayNumbers(w.start, w.end, from, to);
          if (employed > 0) {
            members.push(q);
            weights.push(new Dec(employed));
          }
        }
        const split = allocateMinor(
          amount,
          weights,
          members.map((q) => work[q]!.id),
        );
        if (split === undefined)
          fail(
            'INVALID_INPUT',
            ['plan', 'versions', input.versionIndex, 'interlock', 'indicators'],
            `department "${party.id}" shares indicator "${indicator.id}" but nobody in it is employed from ${segment.start} to ${segment.end}`,
          );
        members.forEach((q, m) => {
          const part = split.parts[m]!;
          work[q]!.lines.push({
            kind,
            label,
            version: segment.version,
            segment: s,
            source: indicator.id,
            minor: sign * part,
            trace: [
              ...baseTrace,
              traceStep(
                'period.interlockDepartmentSplit',
                "the department's part split among its people by days employed (largest remainder)",
                { department: party.id, people: members.length },
                formatMinor(sign * part, digits),
              ),
            ],
          });
        });
      }
    }
  }
  return { reward: rewardTotal, deduction: deductionTotal };
}

/** The result's interlock section: one summary per distinct interlock setting run in the period, in run order. */
export function interlockSummary(runs: ReadonlyMap<string, InterlockRun>): InterlockSummary[] {
  return [...runs.values()].map((run) => ({
    total: run.credits?.total ?? null,
    credited: run.credits?.credited ?? null,
    factor: run.credits?.factor ?? null,
    dimensions: run.credits?.dimensions ?? [],
    indicators: run.settlement?.indicators ?? [],
  }));
}

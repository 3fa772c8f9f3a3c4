import type * as z from 'zod/mini';
import { allocateScaled } from '../core/allocate.js';
import { fail, type IssuePath } from '../core/errors.js';
import { formatMinor } from '../core/money.js';
import { divideRounded, type RoundingPolicy } from '../core/rounding.js';
import { traceStep } from '../core/trace.js';
import { creditRevenue } from '../interlock/creditFacts.js';
import { creditLookup, settleIndicators, type PartyParts } from '../interlock/settleInterlock.js';
import type {
  CreditFactsResult,
  IndicatorSettlement,
  InterlockPartyShare,
  SettleInterlockResult,
} from '../interlock/types.js';
import { dayNumber, overlapDayNumbers } from './dates.js';
import type { PersonWork } from './periodWork.js';
import type { planInterlockSchema } from './schema.js';
import type { LineDraft } from './statement.js';
import type { InterlockSummary, PlanSegment } from './types.js';

type PlanInterlock = z.output<typeof planInterlockSchema>;

/** What the interlock gives a period: the credits, and the settlement of the indicators. */
export interface InterlockRun {
  readonly credits: CreditFactsResult | null;
  readonly settlement: SettleInterlockResult | null;
  /** The parties' parts in minor units: `parts[k][p]` for party p of `settlement.indicators[k]`. */
  readonly parts: readonly (readonly PartyParts[])[];
}

/**
 * Seed 003's interlock for one plan version: the revenue facts credited over the plan's
 * dimensions (when it has any), then the indicators settled with those credits, through the
 * interlock's internal API, with issues raised at the scenario's paths.
 */
export function interlockStage(input: {
  readonly interlock: PlanInterlock;
  readonly path: IssuePath;
  readonly currency: string;
  readonly facts: readonly unknown[];
  readonly rounding: RoundingPolicy;
}): InterlockRun {
  const { interlock, path, currency, rounding } = input;
  const { dimensions, indicators } = interlock;
  const credits =
    dimensions === undefined
      ? null
      : creditRevenue({ currency, dimensions, rounding }, input.facts, {
          facts: ['data', 'revenueFacts'],
          dimensions: [...path, 'dimensions'],
        });
  if (indicators === undefined || indicators.length === 0) return { credits, settlement: null, parts: [] };
  const plan = { currency, rounding, credits: credits === null ? undefined : creditLookup(credits) };
  const { result, parts } = settleIndicators(plan, indicators, [...path, 'indicators']);
  return { credits, settlement: result, parts };
}

/** What a segment's interlock lines add up to: Σ rewards and Σ deductions (positive), for the reconciliation checks. */
export interface InterlockShare {
  readonly reward: bigint;
  readonly deduction: bigint;
}

/** Where a segment's interlock lines go. */
interface ShareInput {
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
export function shareInterlock(input: ShareInput): InterlockShare {
  const { segment, periodDays } = input;
  const mode = input.rounding.mode;
  const cumulative = BigInt(input.daysBefore);
  const share = (minor: bigint) =>
    divideRounded(minor * (cumulative + BigInt(segment.days)), periodDays, mode) -
    divideRounded(minor * cumulative, periodDays, mode);
  const paid = { reward: 0n, deduction: 0n };
  input.run.settlement?.indicators.forEach((indicator, k) => {
    indicator.parties.forEach((party, p) => {
      // A party of another shard (issue 20 §2) is paid there; in a whole run every party is known.
      if (!input.personIndex.has(party.id) && !input.departmentIndex.has(party.id)) return;
      for (const kind of ['reward', 'deduction'] as const) {
        const amount = share(input.run.parts[k]![p]![kind]);
        if (amount === 0n) continue;
        paid[kind] += amount;
        payParty(input, indicator, party, kind, amount);
      }
    });
  });
  return paid;
}

/** Adds one party's line: to the person, or split among the department's people by days employed in the segment. */
function payParty(
  input: ShareInput,
  indicator: IndicatorSettlement,
  party: InterlockPartyShare,
  kind: 'reward' | 'deduction',
  amount: bigint,
): void {
  const { segment, digits, work } = input;
  const sign = kind === 'reward' ? 1n : -1n;
  const trace = [
    ...party.trace,
    traceStep(
      'period.interlockShare',
      'party amount × days of the segment / days of the period (cumulative rounding)',
      { amount: party[kind], segment: segment.fraction },
      formatMinor(amount, digits),
    ),
  ];
  const label = `${kind === 'reward' ? 'Interlock reward' : 'Interlock deduction'}: ${indicator.id}`;
  const line = (minor: bigint, lineTrace: LineDraft['trace']): LineDraft => ({
    kind: kind === 'reward' ? 'interlockReward' : 'interlockDeduction',
    label,
    version: segment.version,
    segment: input.segmentIndex,
    source: indicator.id,
    minor: sign * minor,
    trace: lineTrace,
  });
  const person = input.personIndex.get(party.id);
  if (person !== undefined) {
    work[person]!.lines.push(line(amount, trace));
    return;
  }
  const department = input.departmentIndex.get(party.id)!;
  const [from, to] = [dayNumber(segment.start), dayNumber(segment.end)];
  const members = work.filter((w) => w.department === department && overlapDayNumbers(w.start, w.end, from, to) > 0);
  const days = members.map((w) => overlapDayNumbers(w.start, w.end, from, to));
  const split = allocateScaled(
    amount,
    { kind: 'number', values: days },
    members.map((w) => w.id),
  );
  if (split === undefined)
    fail(
      'INVALID_INPUT',
      ['plan', 'versions', input.versionIndex, 'interlock', 'indicators'],
      `department "${party.id}" shares indicator "${indicator.id}" but nobody in it is employed from ${segment.start} to ${segment.end}`,
    );
  // Every member's line; its trace is built when their statement is (one line per member and
  // indicator exists before the statements: a streamed run keeps no trace per line until then).
  const splitTrace = (part: bigint) => () => [
    ...trace,
    traceStep(
      'period.interlockDepartmentSplit',
      "the department's part split among its people by days employed (largest remainder)",
      { department: party.id, people: members.length },
      formatMinor(sign * part, digits),
    ),
  ];
  members.forEach((w, m) => {
    const part = BigInt(split.parts[m]!);
    w.lines.push(line(part, splitTrace(part)));
  });
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

import { IssueList, fail, type IssuePath } from '../core/errors.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { parseInput } from '../core/validate.js';
import { inclusiveDays, periodEnd, shiftDate, type PeriodUnit } from './dates.js';
import { resolvePlanInputSchema } from './schema.js';
import { compareIds } from '../core/ids.js';
import type { PlanChange, PlanInput, PlanSegment, PlanVersionInput, ResolvedPlan, ResolvePlanInput } from './types.js';

/** One plan version after validation: parsing changes no field, so it is the version as given. */
export type PlanVersion = PlanVersionInput;

/** A resolved plan with the version objects, for the period run. */
export interface ResolvedPlanVersions extends ResolvedPlan {
  readonly rounding: RoundingPolicy;
  readonly segmentVersions: PlanVersion[];
}

/**
 * Finds the plan version in force for a period (SPEC §3.8, seed 001's "动态调整": the 5G push
 * raises the support pool from 10 % to 15 % of front-line commissions and the weight of "5G
 * 业务办理量" from 20 % to 40 %).
 *
 * The version in force on the period's first day governs the period. A version taking effect
 * later inside the period is reported in `changes`; when the plan sets
 * `onVersionChange: 'prorate'` the period is instead split at each change into `segments`, and
 * the period run prorates every amount by each segment's days.
 *
 * **Formula.** end = start + 1 unit − 1 day; version(d) = the version with the latest
 * `effective` ≤ d (and `until` ≥ d when given); segment fraction = days in segment / days in period.
 *
 * @param input - `plan` (`id`, `currency`, `rounding?`, `onVersionChange?`, `versions`) and
 *   `period` (`unit`: month | quarter | year, `start`).
 * @returns The period, the version in force, the changes inside the period, the segments and a trace.
 * @throws {@link SynergyPayError} `INVALID_INPUT`, `UNKNOWN_CURRENCY`, `DUPLICATE_ID`,
 *   `DATES_OUT_OF_ORDER` (`until` before `effective`), `PLAN_VERSION_OVERLAP` (two versions on
 *   one day), `PLAN_NOT_IN_FORCE` (a day of the period has no version).
 *
 * @example
 * ```ts
 * import { resolvePlan } from 'synergy-pay';
 * const resolved = resolvePlan({
 *   plan: {
 *     id: 'support-pool', currency: 'CNY', onVersionChange: 'prorate',
 *     versions: [
 *       { id: 'base', effective: '2026-01-01', note: 'pool 10 %', grades: [] },
 *       { id: '5g-push', effective: '2026-05-01', note: 'pool 15 %', grades: [] },
 *     ],
 *   },
 *   period: { unit: 'quarter', start: '2026-04-01' },
 * });
 * // resolved.segments: base 2026-04-01…04-30 (30/91), 5g-push 2026-05-01…06-30 (61/91)
 * ```
 */
export function resolvePlan(input: ResolvePlanInput): ResolvedPlan {
  const parsed = parseInput(resolvePlanInputSchema, input);
  const {
    segmentVersions: _versions,
    rounding: _rounding,
    ...resolved
  } = resolvePlanVersions(parsed.plan, parsed.period, ['plan'], ['period']);
  return resolved;
}

/** A stretch of the period on one version: its index in the versions sorted by effective date, its first and last day. */
interface Stretch {
  readonly index: number;
  readonly start: string;
  readonly end: string;
}

/** {@link resolvePlan} on validated input, keeping the version objects (internal). */
export function resolvePlanVersions(
  plan: PlanInput,
  period: { unit: PeriodUnit; start: string },
  planPath: IssuePath,
  periodPath: IssuePath,
): ResolvedPlanVersions {
  const versionsPath = [...planPath, 'versions'];
  const order = orderVersions(plan, versionsPath);
  const end = periodEnd(period.unit, period.start);
  const days = inclusiveDays(period.start, end);
  const sorted = order.map((i) => plan.versions[i]!);
  const stretches = walkVersions(sorted, { start: period.start, end }, (cursor, last) => {
    if (last === undefined)
      fail(
        'PLAN_NOT_IN_FORCE',
        [...periodPath, 'start'],
        `no plan version is in force on ${period.start}, the first day of the period`,
      );
    fail(
      'PLAN_NOT_IN_FORCE',
      [...versionsPath, order[last.index]!, 'until'],
      `no plan version is in force on ${cursor}, inside the period ${period.start}…${end}`,
    );
  });
  const first = sorted[stretches[0]!.index]!;
  const changes: PlanChange[] = stretches.slice(1).map((stretch) => {
    const version = sorted[stretch.index]!;
    return { version: version.id, effective: stretch.start, note: version.note ?? null };
  });
  const prorate = plan.onVersionChange === 'prorate' && changes.length > 0;
  const used = prorate ? stretches : [{ index: stretches[0]!.index, start: period.start, end }];
  const segments = used.map(({ index, start, end: last }): PlanSegment => {
    const segmentDays = inclusiveDays(start, last);
    return { version: sorted[index]!.id, start, end: last, days: segmentDays, fraction: `${segmentDays}/${days}` };
  });
  return {
    plan: plan.id,
    currency: plan.currency,
    period: { unit: period.unit, start: period.start, end, days },
    version: first.id,
    treatment: changes.length === 0 ? 'single' : prorate ? 'prorated' : 'reported',
    changes,
    segments,
    trace: resolutionTrace({ ...period, end, days }, sorted.length, first.id, changes, prorate ? segments : null),
    rounding: resolveRounding(plan.rounding),
    segmentVersions: used.map((stretch) => sorted[stretch.index]!),
  };
}

/**
 * The versions' indices ordered by effective date (then id, so duplicates report
 * deterministically), after refusing repeated ids, an `until` before `effective`, and overlaps.
 */
function orderVersions(plan: PlanInput, versionsPath: IssuePath): number[] {
  const issues = new IssueList();
  const ids = new Map<string, number>();
  plan.versions.forEach((version, i) => {
    const first = ids.get(version.id);
    if (first === undefined) ids.set(version.id, i);
    else
      issues.add(
        'DUPLICATE_ID',
        [...versionsPath, i, 'id'],
        `version id "${version.id}" is already used at versions[${first}]`,
      );
    if (version.until !== undefined && version.until < version.effective)
      issues.add(
        'DATES_OUT_OF_ORDER',
        [...versionsPath, i, 'until'],
        `until ${version.until} is before effective ${version.effective}`,
      );
  });
  const order = plan.versions.map((_, i) => i);
  order.sort(
    (a, b) =>
      compareIds(plan.versions[a]!.effective, plan.versions[b]!.effective) ||
      compareIds(plan.versions[a]!.id, plan.versions[b]!.id),
  );
  for (let k = 1; k < order.length; k++) {
    const before = plan.versions[order[k - 1]!]!;
    const i = order[k]!;
    const version = plan.versions[i]!;
    if (version.effective === before.effective)
      issues.add(
        'PLAN_VERSION_OVERLAP',
        [...versionsPath, i, 'effective'],
        `versions "${before.id}" and "${version.id}" both take effect on ${version.effective}`,
      );
    else if (before.until !== undefined && before.until >= version.effective)
      issues.add(
        'PLAN_VERSION_OVERLAP',
        [...versionsPath, order[k - 1]!, 'until'],
        `version "${before.id}" runs until ${before.until}, past ${version.effective} when "${version.id}" takes effect`,
      );
  }
  issues.throwIfAny();
  return order;
}

/**
 * Walks the period from version to version (`sorted` by effective date): each stretch runs until
 * the next effective date or the version's `until`. A day without a version in force calls
 * `notInForce` (with the last stretch, `undefined` on the first day), which throws.
 */
function walkVersions(
  sorted: readonly PlanVersion[],
  period: { start: string; end: string },
  notInForce: (date: string, last: Stretch | undefined) => never,
): Stretch[] {
  /** Index in `sorted` of the version in force on `date`, or -1. */
  const inForce = (date: string): number => {
    let found = -1;
    for (let k = 0; k < sorted.length && sorted[k]!.effective <= date; k++) found = k;
    if (found === -1) return -1;
    const until = sorted[found]!.until;
    return until !== undefined && until < date ? -1 : found;
  };
  const { end } = period;
  const stretches: Stretch[] = [];
  let cursor = period.start;
  let index = inForce(cursor);
  if (index === -1) notInForce(cursor, undefined);
  while (cursor <= end) {
    const version = sorted[index]!;
    const next = sorted[index + 1];
    let stretchEnd = end;
    if (version.until !== undefined && version.until < stretchEnd) stretchEnd = version.until;
    if (next !== undefined && next.effective <= stretchEnd) stretchEnd = shiftDate(next.effective, -1);
    stretches.push({ index, start: cursor, end: stretchEnd });
    if (stretchEnd >= end) break;
    cursor = shiftDate(stretchEnd, 1);
    index = inForce(cursor);
    if (index === -1) notInForce(cursor, stretches.at(-1));
  }
  return stretches;
}

/** How the period and its version(s) were found: bounds, version in force, and each change (split or reported). */
function resolutionTrace(
  period: { unit: PeriodUnit; start: string; end: string; days: number },
  versions: number,
  first: string,
  changes: readonly PlanChange[],
  split: readonly PlanSegment[] | null,
): TraceStep[] {
  const trace: TraceStep[] = [
    traceStep(
      'period.bounds',
      'end = start + 1 unit − 1 day',
      { unit: period.unit, start: period.start },
      `${period.start}…${period.end} (${period.days} days)`,
    ),
    traceStep(
      'plan.versionInForce',
      'the version with the latest effective date ≤ the period start',
      { start: period.start, versions },
      first,
    ),
  ];
  for (const change of changes)
    trace.push(
      traceStep(
        split === null ? 'plan.changeReported' : 'plan.split',
        split === null
          ? 'the period runs on the version in force at its start; the change is reported'
          : 'the period is split at the change; amounts are prorated by days',
        { effective: change.effective, version: change.version },
        split === null ? `${first} for the whole period` : split.map((s) => `${s.version} ${s.fraction}`).join(', '),
      ),
    );
  return trace;
}

import { Dec, roundTo } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList, type IssuePath } from '../core/errors.js';
import { compareIds } from '../core/ids.js';
import { traceStep } from '../core/trace.js';
import { checkReferences, metricTarget, previousMonth, type TargetSubject } from '../scorecard/deriveTargets.js';
import type { TargetHistoryInput, TargetMetricInput, TargetRuleInput } from '../scorecard/types.js';
import type { PeriodContext } from './context.js';
import type { Organisation } from './orgStage.js';
import type { PlanVersion } from './resolvePlan.js';
import type { PlanTargetsInput, StatementTargets, TargetMeasure } from './types.js';

/**
 * Person-level elastic targets in the run [弹性指标, seed 004] (issue 19 §3): per plan version
 * with a `targets` section, per person (org order), their targets, measures and score — or
 * `undefined` for a person without a `level`. Keyed by the version's index in `plan.versions`.
 */
export type TargetsRun = ReadonlyMap<number, readonly (StatementTargets | undefined)[]>;

/** What the stage reads of `data`: each person's measures by metric and their history by month (latest first). */
interface PersonRecords {
  readonly measures: Map<string, { value: string; complexity: string | undefined }>;
  readonly history: TargetHistoryInput[];
}

/**
 * The targets stage: validates each version's `targets` section (with `deriveTargets`' own checks,
 * re-pathed under the version), the people's levels and the `data.measures` and
 * `data.measureHistory` rows, then scores every person with a level against their level's targets
 * (see {@link PlanTargetsInput}). A rule fires only on a streak ending in the month before the
 * period. Problems are added to `issues`; the result is empty when no version has targets.
 */
export function targetsStage(context: PeriodContext, org: Organisation, issues: IssueList): TargetsRun {
  const run = new Map<number, (StatementTargets | undefined)[]>();
  const versions = context.scenario.plan.versions;
  for (const version of new Set(context.resolved.segmentVersions))
    if (version.pool?.supportCard?.targets !== undefined && version.targets === undefined)
      issues.add(
        'INVALID_INPUT',
        ['plan', 'versions', versions.indexOf(version), 'pool', 'supportCard', 'targets'],
        `plan version "${version.id}" weighs a target score but has no targets section`,
      );
  const used = [...new Set(context.resolved.segmentVersions)].filter((version) => version.targets !== undefined);
  if (used.length === 0) return run;
  for (const version of used) checkSection(version, versions.indexOf(version), issues);
  const metrics = new Set(used.flatMap((version) => version.targets!.metrics.map((metric) => metric.id)));
  const records = readRecords(context, org, metrics, issues);
  checkLevels(context, used, issues);
  if (issues.size > 0) return run;
  for (const version of used) {
    const section = prepareSection(context, version);
    run.set(
      versions.indexOf(version),
      context.scenario.org.people.map((person, p) =>
        person.level === undefined ? undefined : scorePerson(context, section, person.level, records[p]),
      ),
    );
  }
  return run;
}

/** A version's `targets` section checked with `deriveTargets`' own checks (ids, baselines for every metric, rule metrics), and its weights' metric ids. */
function checkSection(version: PlanVersion, v: number, issues: IssueList): void {
  const at: IssuePath = ['plan', 'versions', v, 'targets'];
  const { metrics, baselines, rules, weights } = version.targets!;
  const own = new IssueList();
  checkReferences({ metrics, baselines, rules, people: [] }, own);
  for (const issue of own.items) issues.add(issue.code, [...at, ...issue.path], issue.message);
  for (const key of Object.keys(weights ?? {}))
    if (!metrics.some((metric) => metric.id === key))
      issues.add('UNKNOWN_REFERENCE', [...at, 'weights', key], `no target metric has id "${key}"`);
  if (metrics.every((metric) => new Dec(metricWeight(version.targets!, metric.id)).isZero()))
    issues.add('INVALID_INPUT', [...at, 'weights'], 'every metric weighs 0: at least one weight must be above 0');
}

/** Every person's level is a baseline of every version with targets. */
function checkLevels(context: PeriodContext, used: readonly PlanVersion[], issues: IssueList): void {
  context.scenario.org.people.forEach((person, p) => {
    if (person.level === undefined) return;
    const missing = used.find((version) => !version.targets!.baselines.some((row) => row.id === person.level));
    if (missing !== undefined)
      issues.add(
        'UNKNOWN_REFERENCE',
        ['org', 'people', p, 'level'],
        `plan version "${missing.id}" has no baseline for level "${person.level}"`,
      );
  });
}

/** Reads `data.measures` and `data.measureHistory` per person (org order), refusing what no target can read. */
function readRecords(
  context: PeriodContext,
  org: Organisation,
  metrics: ReadonlySet<string>,
  issues: IssueList,
): PersonRecords[] {
  const { people } = context.scenario.org;
  const records = people.map((): PersonRecords => ({ measures: new Map(), history: [] }));
  const personOf = (id: string, path: IssuePath): number | undefined => {
    const p = org.personIndex.get(id);
    if (p === undefined) issues.add('UNKNOWN_REFERENCE', [...path, 'person'], `no person "${id}"`);
    else if (people[p]!.level === undefined)
      issues.add('INVALID_INPUT', [...path, 'person'], `person "${id}" has no level: no target to measure against`);
    else return p;
    return undefined;
  };
  const metricKnown = (id: string, path: IssuePath) => {
    if (!metrics.has(id)) issues.add('UNKNOWN_REFERENCE', [...path, 'metric'], `no target metric has id "${id}"`);
    return metrics.has(id);
  };
  (context.data.measures ?? []).forEach((row, i) => {
    const path = ['data', 'measures', i];
    const p = personOf(row.person, path);
    if (!metricKnown(row.metric, path) || p === undefined) return;
    const complexity = row.complexity === undefined ? undefined : decimalText(row.complexity);
    if (complexity !== undefined && !new Dec(complexity).gt(0))
      issues.add('OUT_OF_RANGE', [...path, 'complexity'], `complexity ${complexity} must be above 0`);
    if (records[p]!.measures.has(row.metric))
      issues.add('DUPLICATE_ID', [...path, 'metric'], `"${row.person}" already has a measure of "${row.metric}"`);
    records[p]!.measures.set(row.metric, { value: decimalText(row.value), complexity });
  });
  readHistory(context, personOf, metricKnown, records, issues);
  return records;
}

/** `data.measureHistory` grouped per person into months (latest first); months from the period's on are refused. */
function readHistory(
  context: PeriodContext,
  personOf: (id: string, path: IssuePath) => number | undefined,
  metricKnown: (id: string, path: IssuePath) => boolean,
  records: PersonRecords[],
  issues: IssueList,
): void {
  const first = context.resolved.period.start.slice(0, 7);
  const months = records.map(() => new Map<string, Record<string, string>>());
  (context.data.measureHistory ?? []).forEach((row, i) => {
    const path = ['data', 'measureHistory', i];
    const p = personOf(row.person, path);
    if (!metricKnown(row.metric, path) || p === undefined) return;
    if (row.month >= first) {
      issues.add('OUT_OF_RANGE', [...path, 'month'], `month ${row.month} is not before the period (${first})`);
      return;
    }
    const values =
      months[p]!.get(row.month) ??
      months[p]!.set(row.month, Object.create(null) as Record<string, string>).get(row.month)!;
    if (Object.hasOwn(values, row.metric))
      issues.add('DUPLICATE_ID', [...path, 'metric'], `"${row.person}" already has ${row.metric} for ${row.month}`);
    values[row.metric] = decimalText(row.value);
  });
  months.forEach((byMonth, p) => {
    const history = [...byMonth].map(([period, values]) => ({ period, values }));
    records[p]!.history.push(...history.sort((a, b) => compareIds(b.period, a.period)));
  });
}

/** A metric's weight in its section, `1` when not given (own keys only: a metric may be named like an `Object.prototype` member). */
function metricWeight(section: PlanTargetsInput, id: string): string {
  const given = section.weights;
  return decimalText(given !== undefined && Object.hasOwn(given, id) ? given[id]! : 1);
}

/** A version's targets section as every person's scoring reads it, prepared once per version. */
interface PreparedSection {
  readonly version: string;
  readonly baselines: PlanTargetsInput['baselines'];
  /** Metrics in id order, with their weights in the same order. */
  readonly metrics: readonly TargetMetricInput[];
  readonly weights: readonly string[];
  /** Rules in id order (the order they apply in). */
  readonly rules: readonly TargetRuleInput[];
  readonly cap: Dec;
  /** The month a streak must end in: the one before the period. */
  readonly latest: string;
}

/** Sorts a version's metrics and rules, reads the weights and the cap, once for all its people. */
function prepareSection(context: PeriodContext, version: PlanVersion): PreparedSection {
  const section = version.targets!;
  const metrics = [...section.metrics].sort((a, b) => compareIds(a.id, b.id));
  return {
    version: version.id,
    baselines: section.baselines,
    metrics,
    weights: metrics.map((metric) => metricWeight(section, metric.id)),
    rules: [...(section.rules ?? [])].sort((a, b) => compareIds(a.id, b.id)),
    cap: new Dec(decimalText(section.cap ?? 100)),
    latest: previousMonth(context.resolved.period.start.slice(0, 7)),
  };
}

/** One person's targets under one version: each metric's target, measure and score, and the weighted score. */
function scorePerson(
  context: PeriodContext,
  section: PreparedSection,
  level: string,
  records: PersonRecords | undefined,
): StatementTargets {
  const baseline = section.baselines.find((row) => row.id === level)!;
  const { rules, latest } = section;
  const { scoreDecimals, mode } = context.rounding;
  let sum = new Dec(0);
  let weights = new Dec(0);
  const rows = section.metrics.map((metric, m): TargetMeasure => {
    const measured = records?.measures.get(metric.id);
    const complexity = new Dec(measured?.complexity ?? 1);
    const history = records?.history ?? [];
    const subject: TargetSubject = {
      baseline,
      complexity,
      history,
      rules,
      latest,
      policy: context.rounding,
      trace: [],
      rulesFired: [],
    };
    const target = metricTarget(metric, subject);
    const weight = section.weights[m]!;
    const score =
      measured === undefined ? null : metricScore(metric, target.target, measured.value, section.cap, context);
    if (score !== null) {
      sum = sum.plus(new Dec(score.value).times(new Dec(weight)));
      weights = weights.plus(new Dec(weight));
      subject.trace.push(score.step);
    }
    return {
      metric: metric.id,
      direction: metric.direction,
      baseline: target.baseline,
      complexity: complexity.toFixed(),
      target: target.target,
      adjustments: subject.rulesFired.map(({ rule, periods }) => ({
        rule,
        adjust: rules.find((row) => row.id === rule)!.adjust,
        periods,
      })),
      measure: measured?.value ?? null,
      score: score?.value ?? null,
      weight,
      trace: context.withTrace ? subject.trace : [],
    };
  });
  const score = weights.isZero() ? null : roundTo(sum.div(weights), scoreDecimals, mode).toFixed(scoreDecimals);
  return { version: section.version, level, score, metrics: rows };
}

/**
 * A measure's score against its target: lower-is-better target ÷ measure × 100, higher-is-better
 * measure ÷ target × 100, at most the cap (a zero measure of a lower-is-better metric, or a zero
 * target of a higher-is-better one, earns the cap; a zero lower-is-better target missed earns 0).
 */
function metricScore(metric: TargetMetricInput, target: string, measure: string, cap: Dec, context: PeriodContext) {
  const { scoreDecimals, mode } = context.rounding;
  const [t, m] = [new Dec(target), new Dec(measure)];
  const lower = metric.direction === 'lowerIsBetter';
  const [num, den] = lower ? [t, m] : [m, t];
  const capped = den.isZero() ? cap : num.isZero() ? new Dec(0) : Dec.min(num.div(den).times(100), cap);
  const value = roundTo(capped, scoreDecimals, mode).toFixed(scoreDecimals);
  const formula = lower
    ? 'score = min(cap, target ÷ measure × 100) (lower is better)'
    : 'score = min(cap, measure ÷ target × 100) (higher is better)';
  const step = traceStep('targets.score', formula, { metric: metric.id, target, measure, cap: cap.toFixed() }, value);
  return { value, step };
}

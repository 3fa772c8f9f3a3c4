import { Dec, roundTo } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList } from '../core/errors.js';
import { compareIds } from '../core/ids.js';
import { resolveRounding, type RoundingPolicy } from '../core/rounding.js';
import { refuseProtoKeys } from '../core/rows.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { indexById, parseInput } from '../core/validate.js';
import { deriveTargetsInputSchema } from './schema.js';
import type * as t from './types.js';

/** The month before `YYYY-MM`. */
export function previousMonth(period: string): string {
  const [year, month] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  return month === 1
    ? `${String(year - 1).padStart(4, '0')}-12`
    : `${period.slice(0, 4)}-${String(month - 1).padStart(2, '0')}`;
}

/** Every reference the input makes (metrics of baselines, rules, history; levels of people) and its figures. */
export function checkReferences(input: t.DeriveTargetsInput, issues: IssueList): Map<string, number> {
  const metrics = indexById(input.metrics, ['metrics'], issues);
  const levels = indexById(input.baselines, ['baselines'], issues);
  const unknownMetrics = (values: object, path: (string | number)[]) => {
    for (const key of Object.keys(values))
      if (!metrics.has(key)) issues.add('UNKNOWN_REFERENCE', [...path, key], `no metric has id "${key}"`);
  };
  input.baselines.forEach((baseline, b) => {
    for (const metric of input.metrics)
      if (!Object.hasOwn(baseline.values, metric.id))
        issues.add(
          'INVALID_INPUT',
          ['baselines', b, 'values'],
          `level "${baseline.id}" has no baseline for metric "${metric.id}"`,
        );
    unknownMetrics(baseline.values, ['baselines', b, 'values']);
  });
  const rules = input.rules ?? [];
  indexById(rules, ['rules'], issues);
  rules.forEach((rule, r) => {
    if (!metrics.has(rule.metric))
      issues.add('UNKNOWN_REFERENCE', ['rules', r, 'metric'], `no metric has id "${rule.metric}"`);
  });
  indexById(input.people, ['people'], issues);
  input.people.forEach((person, p) => {
    if (!levels.has(person.level))
      issues.add('UNKNOWN_REFERENCE', ['people', p, 'level'], `no baseline level has id "${person.level}"`);
    if (person.complexity !== undefined && !new Dec(decimalText(person.complexity)).gt(0))
      issues.add(
        'OUT_OF_RANGE',
        ['people', p, 'complexity'],
        `complexity ${decimalText(person.complexity)} must be above 0`,
      );
    const history = person.history ?? [];
    const months = new Map<string, number>();
    history.forEach(({ period }, m) => {
      const first = months.get(period);
      if (first === undefined) months.set(period, m);
      else
        issues.add(
          'DUPLICATE_ID',
          ['people', p, 'history', m, 'period'],
          `month ${period} is already given at history[${first}]`,
        );
    });
    history.forEach((month, m) => {
      unknownMetrics(month.values, ['people', p, 'history', m, 'values']);
    });
  });
  return levels;
}

/** The months that fire a rule: the latest `streak` consecutive ones, each strictly better (worse) than baseline. */
function streakOf(
  rule: t.TargetRuleInput,
  metric: t.TargetMetricInput,
  base: Dec,
  history: readonly t.TargetHistoryInput[],
  latest: string | undefined,
) {
  const periods: string[] = [];
  const lowerIsBetter = metric.direction === 'lowerIsBetter';
  for (const month of history) {
    if (periods.length === rule.streak) break;
    const expected = periods.length > 0 ? previousMonth(periods.at(-1)!) : latest;
    if (expected !== undefined && month.period !== expected) break;
    if (!Object.hasOwn(month.values, metric.id)) break;
    const value = new Dec(decimalText(month.values[metric.id]!));
    const better = lowerIsBetter ? value.lt(base) : value.gt(base);
    const worse = lowerIsBetter ? value.gt(base) : value.lt(base);
    if (!(rule.when === 'better' ? better : worse)) break;
    periods.push(month.period);
  }
  return periods.length < rule.streak ? undefined : periods.reverse();
}

/** One rule: relaxing a lower-is-better target (tightening a higher-is-better one) adds the step; floored at 0. */
function adjusted(target: Dec, rule: t.TargetRuleInput, lowerIsBetter: boolean): Dec {
  const step = new Dec(decimalText(rule.step));
  const raise = (rule.adjust === 'relax') === lowerIsBetter;
  const next =
    rule.stepKind === 'relative'
      ? target.times(raise ? step.plus(1) : new Dec(1).minus(step))
      : raise
        ? target.plus(step)
        : target.minus(step);
  return next.lt(0) ? new Dec(0) : next;
}

/** What one person's targets are derived from (also read by the period run's targets stage). */
export interface TargetSubject {
  readonly baseline: t.TargetBaselineInput;
  readonly complexity: Dec;
  /** Latest month first. */
  readonly history: readonly t.TargetHistoryInput[];
  readonly rules: readonly t.TargetRuleInput[];
  /** When set, a streak must end in this month (the period run: the month before the period). */
  readonly latest?: string | undefined;
  readonly policy: RoundingPolicy;
  readonly trace: TraceStep[];
  readonly rulesFired: t.FiredRule[];
}

/** One metric's target: baseline × complexity, each fired rule in id order, rounded to the metric's decimals. */
export function metricTarget(metric: t.TargetMetricInput, person: TargetSubject): t.MetricTarget {
  const { complexity, trace, policy } = person;
  const base = new Dec(decimalText(person.baseline.values[metric.id]!));
  const scales = metric.scaleWithComplexity !== false;
  const scaled = scales ? base.times(complexity) : base;
  const formula = scales ? 'scaled = baseline × complexity' : 'scaled = baseline (metric does not scale)';
  trace.push(
    traceStep(
      'targets.scale',
      formula,
      { metric: metric.id, baseline: base.toFixed(), complexity: complexity.toFixed() },
      scaled.toFixed(),
    ),
  );
  let target = scaled;
  const fired: string[] = [];
  for (const rule of person.rules) {
    const periods = rule.metric === metric.id ? streakOf(rule, metric, base, person.history, person.latest) : undefined;
    if (periods === undefined) continue;
    const before = target;
    target = adjusted(target, rule, metric.direction === 'lowerIsBetter');
    fired.push(rule.id);
    person.rulesFired.push({ rule: rule.id, metric: metric.id, periods });
    const how = rule.stepKind === 'relative' ? '× (1 ± step)' : '± step';
    const inputs = {
      rule: rule.id,
      metric: metric.id,
      step: new Dec(decimalText(rule.step)),
      periods: periods.join(' '),
      before,
    };
    const words = `${rule.adjust} by ${how} after ${rule.streak} consecutive months ${rule.when} than baseline (floored at 0)`;
    trace.push(traceStep('targets.rule', words, inputs, target.toFixed()));
  }
  const decimals = metric.decimals ?? policy.coefficientDecimals;
  const rounded = roundTo(target, decimals, policy.mode).toFixed();
  const inputs = { metric: metric.id, target: target.toFixed(), decimals };
  trace.push(traceStep('targets.round', 'target rounded to the metric decimals', inputs, rounded));
  return {
    metric: metric.id,
    direction: metric.direction,
    baseline: base.toFixed(),
    scaled: scaled.toFixed(),
    target: rounded,
    rules: fired,
  };
}

/**
 * Sets elastic targets [弹性指标] from ability baselines [能力基准] (seed 004): each level has a
 * baseline per metric (senior: cycle 4 weeks, bug rate 1.5 %; junior: 6 weeks, 3 %), scaled by the
 * task's complexity, then adjusted by declared rules over the person's monthly history. The result
 * names every rule that fired and the months that made it fire.
 *
 * **Formula.** scaled = baseline × complexity (metrics that scale); each fired rule, in id order:
 * relax a lower-is-better target by + step (or × (1 + step)), a higher-is-better one by − step
 * (or × (1 − step)); tighten is the opposite. The target is floored at 0 and rounded to its
 * metric's decimals. A rule fires when the latest `streak` months of history are consecutive
 * calendar months, each strictly `better` (or `worse`) than the level's baseline.
 * **References.** Seed 004: "bug 率连续 3 个月低于基准, 系统可自动降低该指标要求".
 *
 * @param input - `metrics`, `baselines` (by level id), optional `rules`, `people` (`id`,
 *   `level`, optional `complexity`, `history`), optional `rounding`.
 * @returns People ordered by id with their targets, fired rules and trace.
 * @throws {@link SynergyPayError} `INVALID_INPUT` (a baseline missing a metric, a bad month),
 *   `INVALID_DECIMAL`, `NEGATIVE_VALUE`, `OUT_OF_RANGE` (complexity ≤ 0), `DUPLICATE_ID`,
 *   `UNKNOWN_REFERENCE` (level or metric).
 *
 * @example
 * ```ts
 * import { deriveTargets } from 'synergy-pay';
 * const { people } = deriveTargets({
 *   metrics: [{ id: 'bugRate', direction: 'lowerIsBetter', scaleWithComplexity: false }],
 *   baselines: [{ id: 'senior', values: { bugRate: '0.015' } }],
 *   rules: [{ id: 'steady', metric: 'bugRate', streak: 3, when: 'better', adjust: 'relax', step: '0.005' }],
 *   people: [{ id: 'wang', level: 'senior', history: [
 *     { period: '2026-01', values: { bugRate: '0.012' } },
 *     { period: '2026-02', values: { bugRate: '0.010' } },
 *     { period: '2026-03', values: { bugRate: '0.011' } },
 *   ] }],
 * });
 * // people[0].targets[0].target → '0.02'; people[0].rulesFired[0].rule → 'steady'
 * ```
 */
export function deriveTargets(input: t.DeriveTargetsInput): t.DeriveTargetsResult {
  refuseProtoKeys(input, [
    ['baselines', '*', 'values'],
    ['people', '*', 'history', '*', 'values'],
  ]).throwIfAny();
  const parsed = parseInput(deriveTargetsInputSchema, input);
  const policy = resolveRounding(parsed.rounding);
  const issues = new IssueList();
  const levels = checkReferences(parsed, issues);
  issues.throwIfAny();
  const byId = <T extends { readonly id: string }>(rows: readonly T[]) =>
    [...rows].sort((a, b) => compareIds(a.id, b.id));
  const [metrics, rules] = [byId(parsed.metrics), byId(parsed.rules ?? [])];
  const people = parsed.people.map((row): t.PersonTargets => {
    const baseline = parsed.baselines[levels.get(row.level)!]!;
    const complexity = new Dec(row.complexity === undefined ? 1 : decimalText(row.complexity));
    const history = [...(row.history ?? [])].sort((a, b) => compareIds(b.period, a.period));
    const person: TargetSubject = { baseline, complexity, history, rules, policy, trace: [], rulesFired: [] };
    const targets = metrics.map((metric) => metricTarget(metric, person));
    const { id, level } = row;
    return { id, level, complexity: complexity.toFixed(), targets, rulesFired: person.rulesFired, trace: person.trace };
  });
  return { people: byId(people) };
}

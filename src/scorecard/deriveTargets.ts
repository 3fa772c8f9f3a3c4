import * as z from 'zod/mini';
import { Dec, roundTo } from '../core/decimal.js';
import { decimalText } from '../core/decimalInput.js';
import { IssueList } from '../core/errors.js';
import { resolveRounding } from '../core/rounding.js';
import { decimalSchema, idSchema, nonNegativeDecimalSchema, roundingSchema } from '../core/schema.js';
import { traceStep, type TraceStep } from '../core/trace.js';
import { indexById, parseInput } from '../core/validate.js';
import { refuseProtoKeys } from '../core/rows.js';
import { compareIds } from '../core/ids.js';

/** A metric with an elastic target (seed 004: development cycle, bug rate). */
export const targetMetricSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id (`"cycleWeeks"`, `"bugRate"`). */
  id: idSchema,
  /** `lowerIsBetter` (cycle time, bug rate) or `higherIsBetter` (attainment). */
  direction: z.enum(['lowerIsBetter', 'higherIsBetter']),
  /** Whether the task's complexity factor multiplies the baseline. @defaultValue `true` */
  scaleWithComplexity: z.optional(z.boolean()),
  /** Decimal places of the target (its rounding point). @defaultValue the rounding policy's coefficient decimals (4) */
  decimals: z.optional(z.int().check(z.minimum(0)).check(z.maximum(12))),
});

/** Ability baseline [能力基准] of one level: a value per metric. */
export const targetBaselineSchema = /* @__PURE__ */ z.strictObject({
  /** Level id (`"senior"`, `"junior"`); unique. */
  id: idSchema,
  /** Baseline per metric id; every metric needs one. */
  values: z.record(idSchema, nonNegativeDecimalSchema),
});

/**
 * An adjustment rule over a person's history: when the latest `streak` consecutive months are
 * all `better` (or `worse`) than the level's baseline, the target is relaxed (or tightened) by
 * `step`. Seed 004: bug rate below baseline three months running → the requirement relaxes.
 */
export const targetRuleSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id, named in the result when the rule fires; rules apply in id order. */
  id: idSchema,
  /** The metric the rule watches and adjusts. */
  metric: idSchema,
  /** Consecutive months needed (counted back from the latest month of history). */
  streak: z.int().check(z.minimum(1)).check(z.maximum(120)),
  /** Which months count: `better` or `worse` than the baseline (strictly). */
  when: z.enum(['better', 'worse']),
  /** `relax` makes the target easier, `tighten` harder (direction-aware). */
  adjust: z.enum(['relax', 'tighten']),
  /** Size of the change (≥ 0). */
  step: nonNegativeDecimalSchema,
  /** `absolute` adds or subtracts `step`; `relative` scales by (1 ± step). @defaultValue `'absolute'` */
  stepKind: z.optional(z.enum(['absolute', 'relative'])),
});

/** One month of a person's record. */
export const targetHistorySchema = /* @__PURE__ */ z.strictObject({
  /** The month, `YYYY-MM`. */
  period: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month written YYYY-MM')),
  /** Measured value per metric id (a metric absent this month breaks a streak). */
  values: z.record(idSchema, decimalSchema),
});

/** One person (and task) to set targets for. */
export const targetPersonSchema = /* @__PURE__ */ z.strictObject({
  /** Unique id (a person, or a person's task). */
  id: idSchema,
  /** Level id of the baseline that applies. */
  level: idSchema,
  /** The task's complexity factor (> 0). @defaultValue `1` */
  complexity: z.optional(decimalSchema),
  /** Monthly record, any order (months unique). @defaultValue `[]` */
  history: z.optional(z.array(targetHistorySchema)),
});

/** Input of {@link deriveTargets}. */
export const deriveTargetsInputSchema = /* @__PURE__ */ z.strictObject({
  metrics: z.array(targetMetricSchema).check(z.minLength(1)),
  baselines: z.array(targetBaselineSchema).check(z.minLength(1)),
  /** @defaultValue `[]` */
  rules: z.optional(z.array(targetRuleSchema)),
  people: z.array(targetPersonSchema),
  /** Rounding policy (targets round to their metric's `decimals`, else coefficient decimals). @defaultValue half-up, 4 dp */
  rounding: z.optional(roundingSchema),
});

/** Input of {@link deriveTargets} (inferred from {@link deriveTargetsInputSchema}). */
export type DeriveTargetsInput = z.input<typeof deriveTargetsInputSchema>;

/** One metric's target for one person. */
export interface MetricTarget {
  readonly metric: string;
  readonly direction: 'lowerIsBetter' | 'higherIsBetter';
  /** The level's baseline. */
  readonly baseline: string;
  /** baseline × complexity (or the baseline when the metric does not scale). */
  readonly scaled: string;
  /** After every fired rule, floored at 0, rounded to the metric's decimals. */
  readonly target: string;
  /** Ids of the rules that changed this target, in the order applied. */
  readonly rules: string[];
}

/** A rule that fired for a person. */
export interface FiredRule {
  readonly rule: string;
  readonly metric: string;
  /** The months that made the streak, oldest first. */
  readonly periods: string[];
}

/** One person's targets. */
export interface PersonTargets {
  readonly id: string;
  readonly level: string;
  readonly complexity: string;
  /** Targets ordered by metric id. */
  readonly targets: MetricTarget[];
  /** Every rule that fired, in the order applied (rule id). */
  readonly rulesFired: FiredRule[];
  readonly trace: TraceStep[];
}

/** Result of {@link deriveTargets}: people ordered by id. */
export interface DeriveTargetsResult {
  readonly people: PersonTargets[];
}

/** The month before `YYYY-MM`. */
function previousMonth(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return month === 1
    ? `${String(year - 1).padStart(4, '0')}-12`
    : `${period.slice(0, 4)}-${String(month - 1).padStart(2, '0')}`;
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
export function deriveTargets(input: DeriveTargetsInput): DeriveTargetsResult {
  refuseProtoKeys(input, [
    ['baselines', '*', 'values'],
    ['people', '*', 'history', '*', 'values'],
  ]).throwIfAny();
  const parsed = parseInput(deriveTargetsInputSchema, input);
  const policy = resolveRounding(parsed.rounding);
  const issues = new IssueList();
  const metricIndex = indexById(parsed.metrics, ['metrics'], issues);
  const levelIndex = indexById(parsed.baselines, ['baselines'], issues);
  parsed.baselines.forEach((baseline, b) => {
    for (const metric of parsed.metrics)
      if (!Object.hasOwn(baseline.values, metric.id))
        issues.add(
          'INVALID_INPUT',
          ['baselines', b, 'values'],
          `level "${baseline.id}" has no baseline for metric "${metric.id}"`,
        );
    for (const key of Object.keys(baseline.values))
      if (!metricIndex.has(key))
        issues.add('UNKNOWN_REFERENCE', ['baselines', b, 'values', key], `no metric has id "${key}"`);
  });
  const rules = [...(parsed.rules ?? [])];
  indexById(rules, ['rules'], issues);
  rules.forEach((rule, r) => {
    if (!metricIndex.has(rule.metric))
      issues.add('UNKNOWN_REFERENCE', ['rules', r, 'metric'], `no metric has id "${rule.metric}"`);
  });
  rules.sort((a, b) => compareIds(a.id, b.id));
  indexById(parsed.people, ['people'], issues);
  parsed.people.forEach((person, p) => {
    if (!levelIndex.has(person.level))
      issues.add('UNKNOWN_REFERENCE', ['people', p, 'level'], `no baseline level has id "${person.level}"`);
    if (person.complexity !== undefined && !new Dec(decimalText(person.complexity)).gt(0))
      issues.add(
        'OUT_OF_RANGE',
        ['people', p, 'complexity'],
        `complexity ${decimalText(person.complexity)} must be above 0`,
      );
    const history = person.history ?? [];
    const seen = new Map<string, number>();
    history.forEach((month, m) => {
      const first = seen.get(month.period);
      if (first === undefined) seen.set(month.period, m);
      else
        issues.add(
          'DUPLICATE_ID',
          ['people', p, 'history', m, 'period'],
          `month ${month.period} is already given at history[${first}]`,
        );
    });
    history.forEach((month, m) => {
      for (const key of Object.keys(month.values))
        if (!metricIndex.has(key))
          issues.add('UNKNOWN_REFERENCE', ['people', p, 'history', m, 'values', key], `no metric has id "${key}"`);
    });
  });
  issues.throwIfAny();

  const metrics = [...parsed.metrics].sort((a, b) => compareIds(a.id, b.id));
  const people: PersonTargets[] = parsed.people.map((person) => {
    const baseline = parsed.baselines[levelIndex.get(person.level) as number] as (typeof parsed.baselines)[number];
    const complexity = person.complexity === undefined ? new Dec(1) : new Dec(decimalText(person.complexity));
    const history = [...(person.history ?? [])].sort((a, b) => compareIds(b.period, a.period)); // latest first
    const trace: TraceStep[] = [];
    const rulesFired: FiredRule[] = [];
    const targets: MetricTarget[] = metrics.map((metric) => {
      const base = new Dec(decimalText(baseline.values[metric.id] as string | number));
      const lowerIsBetter = metric.direction === 'lowerIsBetter';
      const scales = metric.scaleWithComplexity !== false;
      const scaled = scales ? base.times(complexity) : base;
      trace.push(
        traceStep(
          'targets.scale',
          scales ? 'scaled = baseline × complexity' : 'scaled = baseline (metric does not scale)',
          { metric: metric.id, baseline: base.toFixed(), complexity: complexity.toFixed() },
          scaled.toFixed(),
        ),
      );
      let target = scaled;
      const fired: string[] = [];
      for (const rule of rules) {
        if (rule.metric !== metric.id) continue;
        const periods: string[] = [];
        let expected: string | undefined;
        for (const month of history) {
          if (periods.length === rule.streak) break;
          if (expected !== undefined && month.period !== expected) break;
          if (!Object.hasOwn(month.values, metric.id)) break;
          const value = new Dec(decimalText(month.values[metric.id] as string | number));
          const better = lowerIsBetter ? value.lt(base) : value.gt(base);
          const worse = lowerIsBetter ? value.gt(base) : value.lt(base);
          if (!(rule.when === 'better' ? better : worse)) break;
          periods.push(month.period);
          expected = previousMonth(month.period);
        }
        if (periods.length < rule.streak) continue;
        periods.reverse();
        const step = new Dec(decimalText(rule.step));
        // Relaxing a lower-is-better target (or tightening a higher-is-better one) raises the number.
        const raise = (rule.adjust === 'relax') === lowerIsBetter;
        const before = target;
        if (rule.stepKind === 'relative') target = target.times(raise ? step.plus(1) : new Dec(1).minus(step));
        else target = raise ? target.plus(step) : target.minus(step);
        if (target.lt(0)) target = new Dec(0);
        fired.push(rule.id);
        rulesFired.push({ rule: rule.id, metric: metric.id, periods });
        trace.push(
          traceStep(
            'targets.rule',
            `${rule.adjust} by ${rule.stepKind === 'relative' ? '× (1 ± step)' : '± step'} after ${rule.streak} consecutive months ${rule.when} than baseline (floored at 0)`,
            {
              rule: rule.id,
              metric: metric.id,
              step: step.toFixed(),
              periods: periods.join(' '),
              before: before.toFixed(),
            },
            target.toFixed(),
          ),
        );
      }
      const decimals = metric.decimals ?? policy.coefficientDecimals;
      const rounded = roundTo(target, decimals, policy.mode);
      trace.push(
        traceStep(
          'targets.round',
          'target rounded to the metric decimals',
          { metric: metric.id, target: target.toFixed(), decimals },
          rounded.toFixed(),
        ),
      );
      return {
        metric: metric.id,
        direction: metric.direction,
        baseline: base.toFixed(),
        scaled: scaled.toFixed(),
        target: rounded.toFixed(),
        rules: fired,
      };
    });
    return { id: person.id, level: person.level, complexity: complexity.toFixed(), targets, rulesFired, trace };
  });
  people.sort((a, b) => compareIds(a.id, b.id));
  return { people };
}

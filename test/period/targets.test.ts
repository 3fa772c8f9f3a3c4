/**
 * Person-level elastic targets in the run (issue 19 §3, seed 004): people carry a level, their
 * measures are scored against the target of their level — scaled by the work's complexity,
 * relaxed or tightened by a rule whose streak ends in the month before the period — and the
 * weighted target score feeds the support card; the statement shows target, measure and rule.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compareRuns,
  correctPeriod,
  deriveTargets,
  runPeriod,
  traceInputWords,
  type RunPeriodInput,
} from '../../src/index.js';
import { expectError } from '../helpers.js';

const FILE = 'examples/scenarios/seed-004.json';
const example = (): RunPeriodInput => JSON.parse(readFileSync(FILE, 'utf8')) as RunPeriodInput;
const targetsOf = (input: RunPeriodInput, person: string) =>
  runPeriod(input).statements.find((s) => s.person === person)!.targets;
const metric = (input: RunPeriodInput, person: string, id: string) =>
  targetsOf(input, person)![0]!.metrics.find((m) => m.metric === id)!;

describe('targets in the period run', () => {
  it('wang (senior): bug rate below 1.2 % for January–March relaxes 0.012 → 0.017; 0.017 ÷ 0.02 = 85.00', () => {
    const row = metric(example(), 'rd-wang', 'bugRate');
    expect(row).toMatchObject({ baseline: '0.012', target: '0.017', measure: '0.02', score: '85.00', weight: '40' });
    expect(row.adjustments).toEqual([
      { rule: 'steady-quality', adjust: 'relax', periods: ['2026-01', '2026-02', '2026-03'] },
    ]);
    expect(row.trace.map((s) => s.rule)).toEqual(['targets.scale', 'targets.rule', 'targets.round', 'targets.score']);
    for (const step of row.trace)
      for (const input of Object.keys(step.inputs))
        expect(traceInputWords(step.rule, input), `${step.rule} ${input}`).not.toBeNull();
  });

  it('wang’s cycle: 4 weeks × complexity 1.25 = 5; 5 ÷ 5.5 = 90.91; score (90.91·60 + 85·40) ÷ 100 = 88.55', () => {
    expect(metric(example(), 'rd-wang', 'cycleWeeks')).toMatchObject({
      complexity: '1.25',
      target: '5',
      score: '90.91',
    });
    expect(targetsOf(example(), 'rd-wang')).toMatchObject([{ version: 'rd-2026', level: 'senior', score: '88.55' }]);
  });

  it('li (senior): February worse than baseline breaks the streak; 0.012 ÷ 0.015 = 80, score 0.6·100 + 0.4·80 = 92', () => {
    expect(metric(example(), 'rd-li', 'bugRate')).toMatchObject({ target: '0.012', score: '80.00', adjustments: [] });
    expect(targetsOf(example(), 'rd-li')![0]!.score).toBe('92.00');
  });

  it('zhao (junior): 6 weeks ÷ 7.5 = 80, bug rate at target = 100: score 88', () => {
    expect(targetsOf(example(), 'rd-zhao')![0]!.score).toBe('88.00');
  });

  it('the target score is the support card’s measure: the pool splits 3,000.00 by 92 : 88.55 : 88', () => {
    const result = runPeriod(example());
    const award = (person: string) =>
      result.statements.find((s) => s.person === person)!.lines.find((l) => l.kind === 'poolAward')!;
    expect(award('rd-li').amount).toBe('1027.74');
    expect(award('rd-wang').score!.components).toEqual([{ id: 'targets', weight: '1', score: '88.55' }]);
    expect(result.statements.find((s) => s.person === 'sa-zhou')!.targets).toBeUndefined();
    expect(result.mechanisms).toContain('targets');
  });

  it('the run’s targets equal deriveTargets on the same baseline, rules and history', () => {
    const scenario = example();
    const section = scenario.plan.versions[0]!.targets!;
    const history = ['2026-01', '2026-02', '2026-03'].map((period, i) => ({
      period,
      values: { bugRate: ['0.010', '0.011', '0.009'][i]! },
    }));
    const direct = deriveTargets({
      metrics: section.metrics,
      baselines: section.baselines,
      rules: section.rules,
      people: [{ id: 'rd-wang', level: 'senior', complexity: '1.25', history }],
    });
    const run = targetsOf(scenario, 'rd-wang')![0]!.metrics;
    expect(run.map((m) => m.target)).toEqual(direct.people[0]!.targets.map((t) => t.target));
  });

  it('a streak that does not end in the month before the period fires nothing', () => {
    const scenario = example();
    scenario.period = { unit: 'month', start: '2026-05-01' };
    expect(metric(scenario, 'rd-wang', 'bugRate')).toMatchObject({ target: '0.012', adjustments: [] });
  });

  it('a tighten rule, the cap and a metric not measured (left out of the score)', () => {
    const scenario = example();
    const section = scenario.plan.versions[0]!.targets!;
    section.rules = [{ id: 'slow', metric: 'cycleWeeks', streak: 1, when: 'worse', adjust: 'tighten', step: '0.5' }];
    section.cap = '120';
    scenario.data!.measureHistory = [{ person: 'rd-li', month: '2026-03', metric: 'cycleWeeks', value: '5' }];
    scenario.data!.measures = [{ person: 'rd-li', metric: 'cycleWeeks', value: '2' }];
    scenario.data!.supportScores = [{ subject: 'rd', score: '80' }];
    const li = targetsOf(scenario, 'rd-li')![0]!;
    // 4 − 0.5 = 3.5 weeks; 3.5 ÷ 2 × 100 = 175, capped at 120; bug rate not measured.
    expect(li.metrics.find((m) => m.metric === 'cycleWeeks')).toMatchObject({ target: '3.5', score: '120.00' });
    expect(li.metrics.find((m) => m.metric === 'bugRate')).toMatchObject({ measure: null, score: null });
    expect(li.score).toBe('120.00');
    expect(targetsOf(scenario, 'rd-zhao')![0]!.score).toBeNull();
  });

  it('a higher-is-better metric scores measure ÷ target', () => {
    const scenario = example();
    const section = scenario.plan.versions[0]!.targets!;
    section.metrics.push({ id: 'onTime', direction: 'higherIsBetter', scaleWithComplexity: false });
    for (const baseline of section.baselines) baseline.values.onTime = '0.9';
    scenario.data!.measures!.push({ person: 'rd-zhao', metric: 'onTime', value: '0.72' });
    expect(metric(scenario, 'rd-zhao', 'onTime')).toMatchObject({ target: '0.9', score: '80.00', weight: '1' });
  });

  it('without trace the same figures, no steps', () => {
    const scenario = { ...example(), trace: false };
    const row = metric(scenario, 'rd-wang', 'bugRate');
    expect(row).toMatchObject({ target: '0.017', score: '85.00', trace: [] });
  });

  it('measures are not read without a targets section (ledger: notReadByPlan)', () => {
    const scenario = example();
    delete scenario.plan.versions[0]!.targets;
    scenario.plan.versions[0]!.pool!.supportCard = { rating: '1' };
    scenario.data!.supportScores = [{ subject: 'rd', score: '90' }];
    const result = runPeriod(scenario);
    expect(result.ledger.find((s) => s.section === 'measures')).toMatchObject({ used: 0, excluded: 6 });
    expect(result.exclusions[0]).toMatchObject({ section: 'measures', code: 'notReadByPlan', people: ['rd-wang'] });
    expect(result.statements.every((s) => s.targets === undefined)).toBe(true);
  });

  it('history of a metric no rule watches is excluded from the ledger', () => {
    const scenario = example();
    scenario.data!.measureHistory!.push({ person: 'rd-li', month: '2026-03', metric: 'cycleWeeks', value: '4' });
    const result = runPeriod(scenario);
    expect(result.exclusions).toEqual([
      expect.objectContaining({ section: 'measureHistory', id: 'rd-li/2026-03/cycleWeeks', code: 'notReadByPlan' }),
    ]);
  });
});

describe('targets in what-ifs and corrections', () => {
  // li's bug rate corrected 0.015 → 0.012: at target, 100; score 0.6·100 + 0.4·100 = 100.
  const corrected = () => {
    const scenario = example();
    scenario.data!.measures![3]!.value = '0.012';
    return scenario;
  };

  it('compareRuns names the target score that moved, and the award line it moved', () => {
    const comparison = compareRuns({ base: runPeriod(example()), proposed: runPeriod(corrected()) });
    const li = comparison.people.find((p) => p.person === 'rd-li')!;
    expect(li.fields).toEqual([{ field: 'targetScore@rd-2026', base: '92.00', proposed: '100.00' }]);
    expect(li.lines.map((l) => l.kind)).toEqual(['poolAward']);
    // The pool is shared by score: the other two lose what li gains, to the fen.
    const deltas = comparison.people.map((p) => Number(p.delta));
    expect(deltas.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
  });

  it('correctPeriod re-runs the corrected measures: arrears for li, recoveries for the others', () => {
    const correction = correctPeriod({ paid: { scenario: example() }, corrected: corrected() });
    expect(correction.people.map((p) => p.person)).toEqual(['rd-li', 'rd-wang', 'rd-zhao']);
    expect(correction.totals.net).toBe('0.00');
    expect(Number(correction.people[0]!.net)).toBeGreaterThan(0);
  });
});

describe('targets: review findings', () => {
  it('a metric named like an Object.prototype member ("constructor") with a weights record: weight 1, no crash', () => {
    const scenario = example();
    const section = scenario.plan.versions[0]!.targets!;
    section.metrics.push({ id: 'constructor', direction: 'higherIsBetter', scaleWithComplexity: false });
    for (const baseline of section.baselines) baseline.values = { ...baseline.values, constructor: '10' };
    scenario.data!.measures!.push({ person: 'rd-li', metric: 'constructor', value: '5' });
    scenario.data!.measureHistory!.push({ person: 'rd-li', month: '2026-03', metric: 'constructor', value: '5' });
    expect(metric(scenario, 'rd-li', 'constructor')).toMatchObject({ weight: '1', score: '50.00' });
  });
});

describe('targets: bad input', () => {
  const refused = (
    edit: (s: RunPeriodInput) => void,
    code: Parameters<typeof expectError>[1],
    path: (string | number)[],
  ) => {
    const scenario = example();
    edit(scenario);
    expectError(() => runPeriod(scenario), code, path);
  };

  it('a support card weighing targets in a version without a targets section', () => {
    refused((s) => delete s.plan.versions[0]!.targets, 'INVALID_INPUT', [
      'plan',
      'versions',
      0,
      'pool',
      'supportCard',
      'targets',
    ]);
  });
  it('a level without a baseline', () => {
    refused((s) => (s.org.people[4]!.level = 'principal'), 'UNKNOWN_REFERENCE', ['org', 'people', 4, 'level']);
  });
  it('a measure of a person without a level', () => {
    refused((s) => s.data!.measures!.push({ person: 'sa-zhou', metric: 'bugRate', value: '0.01' }), 'INVALID_INPUT', [
      'data',
      'measures',
      6,
      'person',
    ]);
  });
  it('a measure of an unknown person, of an unknown metric', () => {
    refused(
      (s) => s.data!.measures!.push({ person: 'nobody', metric: 'bugRate', value: '0.01' }),
      'UNKNOWN_REFERENCE',
      ['data', 'measures', 6, 'person'],
    );
    refused((s) => (s.data!.measures![0]!.metric = 'speed'), 'UNKNOWN_REFERENCE', ['data', 'measures', 0, 'metric']);
  });
  it('two measures of one metric for one person', () => {
    refused((s) => (s.data!.measures![1]!.metric = 'cycleWeeks'), 'DUPLICATE_ID', ['data', 'measures', 1, 'metric']);
  });
  it('a complexity of zero, a negative measure', () => {
    refused((s) => (s.data!.measures![0]!.complexity = '0'), 'OUT_OF_RANGE', ['data', 'measures', 0, 'complexity']);
    refused((s) => (s.data!.measures![0]!.value = '-1'), 'NEGATIVE_VALUE', ['data', 'measures', 0, 'value']);
  });
  it('a history month inside the period, a repeated month, a malformed month', () => {
    refused((s) => (s.data!.measureHistory![0]!.month = '2026-04'), 'OUT_OF_RANGE', [
      'data',
      'measureHistory',
      0,
      'month',
    ]);
    refused((s) => (s.data!.measureHistory![1]!.month = '2026-01'), 'DUPLICATE_ID', [
      'data',
      'measureHistory',
      1,
      'metric',
    ]);
    refused((s) => (s.data!.measureHistory![0]!.month = '2026-13'), 'INVALID_INPUT', [
      'data',
      'measureHistory',
      0,
      'month',
    ]);
  });
  it('the section: a baseline missing a metric, a rule on an unknown metric, a weight of an unknown metric', () => {
    const at = ['plan', 'versions', 0, 'targets'];
    refused((s) => delete s.plan.versions[0]!.targets!.baselines[1]!.values.bugRate, 'INVALID_INPUT', [
      ...at,
      'baselines',
      1,
      'values',
    ]);
    refused((s) => (s.plan.versions[0]!.targets!.rules![0]!.metric = 'speed'), 'UNKNOWN_REFERENCE', [
      ...at,
      'rules',
      0,
      'metric',
    ]);
    refused((s) => (s.plan.versions[0]!.targets!.weights = { cycleWeeks: '0', bugRate: '0' }), 'INVALID_INPUT', [
      ...at,
      'weights',
    ]);
    refused((s) => (s.plan.versions[0]!.targets!.weights = { speed: '1' }), 'UNKNOWN_REFERENCE', [
      ...at,
      'weights',
      'speed',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { deriveTargets } from '../../src/index.js';
import { expectError } from '../helpers.js';

// Seed 004: senior cycle 4 weeks, bug rate 1.5 %; junior 6 weeks, 3 %.
const plan = {
  metrics: [
    { id: 'cycleWeeks', direction: 'lowerIsBetter' as const },
    { id: 'bugRate', direction: 'lowerIsBetter' as const, scaleWithComplexity: false },
  ],
  baselines: [
    { id: 'senior', values: { cycleWeeks: 4, bugRate: '0.015' } },
    { id: 'junior', values: { cycleWeeks: 6, bugRate: '0.03' } },
  ],
  rules: [
    {
      id: 'bugRateSteady',
      metric: 'bugRate',
      streak: 3,
      when: 'better' as const,
      adjust: 'relax' as const,
      step: '0.005',
    },
    {
      id: 'cycleSlipping',
      metric: 'cycleWeeks',
      streak: 2,
      when: 'worse' as const,
      adjust: 'tighten' as const,
      step: '0.1',
      stepKind: 'relative' as const,
    },
  ],
};
const month = (period: string, values: Record<string, string | number>) => ({ period, values });

describe('deriveTargets: seed 004 elastic targets', () => {
  const { people } = deriveTargets({
    ...plan,
    people: [
      {
        id: 'wang',
        level: 'senior',
        complexity: '1.5',
        history: [
          month('2026-03', { bugRate: '0.011' }),
          month('2026-01', { bugRate: '0.012' }),
          month('2026-02', { bugRate: '0.010' }),
        ],
      },
      {
        id: 'li',
        level: 'junior',
        history: [
          month('2026-01', { bugRate: '0.02' }),
          month('2026-03', { bugRate: '0.02' }),
          month('2026-04', { bugRate: '0.02' }),
        ],
      },
      {
        id: 'zhao',
        level: 'junior',
        complexity: 2,
        history: [month('2026-05', { cycleWeeks: 7 }), month('2026-06', { cycleWeeks: '6.5' })],
      },
    ],
  });
  const byId = (id: string) => people.find((p) => p.id === id);

  it('senior, complexity 1.5: cycle 4 × 1.5 = 6 weeks; bug rate 1.5 % does not scale, relaxed by 0.5 pt after 3 better months → 2 %', () => {
    expect(byId('wang')?.targets).toEqual([
      {
        metric: 'bugRate',
        direction: 'lowerIsBetter',
        baseline: '0.015',
        scaled: '0.015',
        target: '0.02',
        rules: ['bugRateSteady'],
      },
      { metric: 'cycleWeeks', direction: 'lowerIsBetter', baseline: '4', scaled: '6', target: '6', rules: [] },
    ]);
    expect(byId('wang')?.rulesFired).toEqual([
      { rule: 'bugRateSteady', metric: 'bugRate', periods: ['2026-01', '2026-02', '2026-03'] },
    ]);
  });
  it('a gap month (2026-02 missing) breaks the streak: nothing fires for li', () => {
    expect(byId('li')?.rulesFired).toEqual([]);
    expect(byId('li')?.targets.find((t) => t.metric === 'bugRate')?.target).toBe('0.03');
  });
  it('junior, complexity 2: 6 × 2 = 12 weeks, tightened by 10 % after two slow months → 10.8', () => {
    expect(byId('zhao')?.targets.find((t) => t.metric === 'cycleWeeks')).toMatchObject({
      scaled: '12',
      target: '10.8',
      rules: ['cycleSlipping'],
    });
  });
});

describe('deriveTargets: higher-is-better metrics move the other way', () => {
  const coverage = {
    metrics: [{ id: 'coverage', direction: 'higherIsBetter' as const }],
    baselines: [{ id: 'senior', values: { coverage: '0.8' } }],
    rules: [
      {
        id: 'a-stretch',
        metric: 'coverage',
        streak: 2,
        when: 'better' as const,
        adjust: 'tighten' as const,
        step: '0.05',
      },
      {
        id: 'b-ease',
        metric: 'coverage',
        streak: 2,
        when: 'worse' as const,
        adjust: 'relax' as const,
        step: '0.1',
        stepKind: 'relative' as const,
      },
    ],
  };
  it('tightening raises it: 0.8 + 0.05 = 0.85 after two months above 0.8', () => {
    const { people } = deriveTargets({
      ...coverage,
      people: [
        {
          id: 'p',
          level: 'senior',
          history: [month('2026-01', { coverage: '0.9' }), month('2026-02', { coverage: '0.85' })],
        },
      ],
    });
    expect(people[0]?.targets[0]).toMatchObject({ target: '0.85', rules: ['a-stretch'] });
  });
  it('relaxing lowers it: 0.8 × (1 − 0.1) = 0.72 after two months below 0.8', () => {
    const { people } = deriveTargets({
      ...coverage,
      people: [
        {
          id: 'p',
          level: 'senior',
          history: [month('2026-01', { coverage: '0.7' }), month('2026-02', { coverage: '0.75' })],
        },
      ],
    });
    expect(people[0]?.targets[0]).toMatchObject({ target: '0.72', rules: ['b-ease'] });
  });
});

const derive = (input: unknown) => () => deriveTargets(input as Parameters<typeof deriveTargets>[0]);
describe('deriveTargets refuses bad input', () => {
  const person = { id: 'wang', level: 'senior' };
  it('UNKNOWN_REFERENCE: an unknown level, a rule on an unknown metric', () => {
    expectError(derive({ ...plan, people: [{ id: 'a', level: 'principal' }] }), 'UNKNOWN_REFERENCE', [
      'people',
      0,
      'level',
    ]);
    expectError(
      derive({ ...plan, rules: [{ ...plan.rules[0], metric: 'velocity' }], people: [person] }),
      'UNKNOWN_REFERENCE',
      ['rules', 0, 'metric'],
    );
  });
  it('DUPLICATE_ID: a level twice; a month twice', () => {
    expectError(derive({ ...plan, baselines: [plan.baselines[0], plan.baselines[0]], people: [] }), 'DUPLICATE_ID', [
      'baselines',
      1,
      'id',
    ]);
    expectError(
      derive({ ...plan, people: [{ ...person, history: [month('2026-01', {}), month('2026-01', {})] }] }),
      'DUPLICATE_ID',
      ['people', 0, 'history', 1, 'period'],
    );
  });
  it('INVALID_INPUT: a baseline without every metric; a month written 2026-1', () => {
    expectError(
      derive({ ...plan, baselines: [{ id: 'senior', values: { cycleWeeks: 4 } }], people: [] }),
      'INVALID_INPUT',
      ['baselines', 0, 'values'],
    );
    expectError(derive({ ...plan, people: [{ ...person, history: [month('2026-1', {})] }] }), 'INVALID_INPUT', [
      'people',
      0,
      'history',
      0,
      'period',
    ]);
  });
  it('OUT_OF_RANGE: complexity 0', () => {
    expectError(derive({ ...plan, people: [{ ...person, complexity: 0 }] }), 'OUT_OF_RANGE', [
      'people',
      0,
      'complexity',
    ]);
  });
  it('NEGATIVE_VALUE: a negative baseline or step', () => {
    expectError(derive({ ...plan, rules: [{ ...plan.rules[0], step: '-1' }], people: [] }), 'NEGATIVE_VALUE', [
      'rules',
      0,
      'step',
    ]);
  });
});

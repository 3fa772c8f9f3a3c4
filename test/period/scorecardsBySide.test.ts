/**
 * Seed 001's cards by side (issue 19 §1): the back office scored on 基础绩效 40 % + 一线支撑 30 % +
 * 全公司业绩 30 %, the front-line customer service on 基础业务 50 % + 后端支撑 20 % + 额外奖励 30 %,
 * with the two new leaf sources: `company` (the company's result) and `supportReceived` (the
 * support the front line received, from the units that served its tickets). Derived by hand in
 * docs/scorecard.md ("Cards by side: seed 001").
 */
import { describe, expect, it } from 'vitest';
import { runPeriod, type PlanScorecardInput, type RunPeriodInput } from '../../src/index.js';
import { expectError } from '../helpers.js';

const linear = { kind: 'linear' as const, slope: '0.01' };

const backCard: PlanScorecardInput = {
  id: 'back-office',
  appliesTo: { sides: ['back'] },
  components: [
    { id: 'functional', weight: '0.4' },
    { id: 'frontSupport', weight: '0.3' },
    { id: 'company', weight: '0.3' },
  ],
  sources: { functional: 'data', frontSupport: 'responseTimes', company: 'company' },
  coefficient: linear,
};

const frontCard: PlanScorecardInput = {
  id: 'customer-service',
  appliesTo: { sides: ['front'] },
  components: [
    { id: 'business', weight: '0.5' },
    { id: 'backSupport', weight: '0.2' },
    { id: 'extra', weight: '0.3' },
  ],
  sources: { business: 'data', backSupport: 'supportReceived', extra: 'data' },
  coefficient: linear,
};

export const seed001Cards = (cards: PlanScorecardInput[] = [backCard, frontCard]): RunPeriodInput => ({
  plan: {
    id: 'seed-001',
    currency: 'CNY',
    versions: [
      {
        id: 'v1',
        effective: '2026-01-01',
        grades: [{ id: 'G', basePay: '6000.00', targetBonus: '1000.00' }],
        scorecard: cards,
        responseTimes: {
          response: {
            table: {
              direction: 'lowerIsBetter',
              unit: 'duration',
              bands: [{ bound: { hours: 1 }, score: 100 }, { bound: { hours: 2 }, score: 80 }, { score: 60 }],
            },
          },
        },
        linkage: {
          levels: { strong: '0.25' },
          companyKpis: [{ id: 'revenue', target: '1000000' }],
          departments: [],
        },
      },
    ],
  },
  period: { unit: 'month', start: '2026-04-01' },
  org: {
    departments: [
      { id: 'cs', side: 'front' },
      { id: 'finance', side: 'back' },
      { id: 'tech', side: 'back' },
    ],
    people: [
      { id: 'chen', department: 'cs', grade: 'G' },
      { id: 'wang', department: 'tech', grade: 'G' },
      { id: 'zhou', department: 'finance', grade: 'G' },
    ],
  },
  data: {
    componentScores: [
      { department: 'tech', component: 'functional', score: 90 },
      { department: 'finance', component: 'functional', score: 80 },
      { department: 'cs', component: 'business', score: 85 },
      { department: 'cs', component: 'extra', score: 70 },
    ],
    companyKpis: [{ id: 'revenue', actual: '920000' }],
    tickets: [
      { id: 't1', unit: 'tech', requester: 'cs', opened: '2026-04-10T09:00:00Z', responded: '2026-04-10T09:30:00Z' },
      { id: 't2', unit: 'tech', requester: 'cs', opened: '2026-04-11T09:00:00Z', responded: '2026-04-11T10:30:00Z' },
      { id: 't3', unit: 'finance', requester: 'cs', opened: '2026-04-12T09:00:00Z', responded: '2026-04-12T12:00:00Z' },
    ],
  },
});

describe('seed 001’s two cards, by side', () => {
  const result = runPeriod(seed001Cards());
  const department = (id: string) => result.departments.find((d) => d.id === id)!;

  it('tech (back office): 0.4·90 + 0.3·90 (its response score) + 0.3·92 (the company) = 90.60 → D 0.9060', () => {
    expect(department('tech').scorecard).toMatchObject({ score: '90.6', coefficient: '0.906' });
    expect(department('tech').ownCoefficient).toBe('0.9060');
  });

  it('finance (back office): 0.4·80 + 0.3·60 + 0.3·92 = 77.60 → D 0.7760', () => {
    expect(department('finance').scorecard).toMatchObject({ score: '77.6', coefficient: '0.776' });
  });

  it('cs (front line): 0.5·85 + 0.2·80 (support received: (2·90 + 1·60) / 3) + 0.3·70 = 79.50 → D 0.7950', () => {
    const card = department('cs').scorecard!;
    expect(card).toMatchObject({ score: '79.5', coefficient: '0.795' });
    expect(card.components.find((c) => c.id === 'backSupport')).toMatchObject({ score: '80' });
  });

  it('the bonus follows: chen’s 1,000.00 target × 0.7950 = 795.00', () => {
    const chen = result.statements.find((s) => s.person === 'chen')!;
    expect(chen.lines.find((l) => l.kind === 'performanceBonus')!.amount).toBe('795.00');
  });

  it('a department named on a card takes it over its side’s card', () => {
    const special: PlanScorecardInput = {
      id: 'finance-only',
      appliesTo: { departments: ['finance'] },
      components: [{ id: 'functional', weight: '1' }],
      coefficient: linear,
    };
    const run = runPeriod(seed001Cards([backCard, frontCard, special]));
    expect(run.departments.find((d) => d.id === 'finance')!.scorecard).toMatchObject({
      score: '80',
      coefficient: '0.8',
    });
    expect(run.departments.find((d) => d.id === 'tech')!.scorecard).toMatchObject({ score: '90.6' });
  });

  it('a department with no card keeps D from the data', () => {
    const run = runPeriod(seed001Cards([backCard]));
    expect(run.departments.find((d) => d.id === 'cs')!.scorecard).toBeNull();
    expect(run.departments.find((d) => d.id === 'cs')!.ownCoefficient).toBe('1.0000');
  });

  it('supportReceived with no ticket requested by the unit is missing: the card’s missing policy decides', () => {
    const scenario = seed001Cards();
    scenario.data!.tickets = scenario.data!.tickets!.map(({ requester: _r, ...ticket }) => ticket);
    expectError(() => runPeriod(scenario), 'MISSING_COMPONENT');
    const neutral = seed001Cards([backCard, { ...frontCard, missing: 'neutral', neutralScore: 60 }]);
    neutral.data!.tickets = scenario.data!.tickets;
    expect(runPeriod(neutral).departments.find((d) => d.id === 'cs')!.scorecard!.score).toBe('75.5'); // 42.5 + 12 + 21
  });
});

describe('cards by side: bad input', () => {
  it('two cards for one side → INVALID_INPUT at the second card’s side', () => {
    expectError(() => runPeriod(seed001Cards([backCard, frontCard, { ...backCard, id: 'again' }])), 'INVALID_INPUT', [
      'plan',
      'versions',
      0,
      'scorecard',
      2,
      'appliesTo',
      'sides',
      0,
    ]);
  });
  it('a card naming an unknown department → UNKNOWN_REFERENCE', () => {
    expectError(
      () => runPeriod(seed001Cards([backCard, { ...frontCard, appliesTo: { departments: ['nobody'] } }])),
      'UNKNOWN_REFERENCE',
      ['plan', 'versions', 0, 'scorecard', 1, 'appliesTo', 'departments', 0],
    );
  });
  it('a ticket whose requester is no department → UNKNOWN_REFERENCE', () => {
    const scenario = seed001Cards();
    scenario.data!.tickets![0]!.requester = 'nobody';
    expectError(() => runPeriod(scenario), 'UNKNOWN_REFERENCE', ['data', 'tickets', 0, 'requester']);
  });
  it('a "company" leaf without the plan’s linkage → INVALID_INPUT at the card’s sources', () => {
    const scenario = seed001Cards();
    delete scenario.plan.versions[0]!.linkage;
    delete scenario.data!.companyKpis;
    expectError(() => runPeriod(scenario), 'INVALID_INPUT', ['plan', 'versions', 0, 'scorecard', 0, 'sources']);
  });
});

import { describe, expect, it } from 'vitest';
import { compareRuns, runPeriod, schemas } from '../../src/index.js';
import { expectError } from '../helpers.js';
import { awardsResult, baseScenario, proposedPlan } from './fixtures.js';

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('compareRuns: a proposed plan against the live one (hand-computed in fixtures.ts)', () => {
  const comparison = compareRuns({ scenario: baseScenario(), proposedPlan: proposedPlan() });

  it('gives each person the difference in every line, with the rules that moved it', () => {
    expect(comparison.identical).toBe(false);
    expect(comparison.people.map((p) => [p.person, p.base, p.proposed, p.delta])).toEqual([
      ['li', '10350.00', '10550.00', '200.00'],
      ['wang', '10150.00', '10700.00', '550.00'],
      ['zhao', '10200.00', '10750.00', '550.00'],
    ]);
    const li = comparison.people[0]!;
    expect(li.lines).toHaveLength(1); // bonus and commission did not move
    expect(li.lines[0]).toMatchObject({ kind: 'basePay', base: '6000.00', proposed: '6200.00', delta: '200.00' });
    expect(li.lines[0]!.rulesChanged.map((rule) => rule.rule)).toEqual(['statement.basePay']);
    const wang = comparison.people[1]!;
    expect(wang.lines.map((line) => [line.kind, line.base, line.proposed, line.delta])).toEqual([
      ['performanceBonus', '2200.00', '2750.00', '550.00'],
    ]);
    // 2000.00 × 1.1 = 2200.00 → 2500.00 × 1.1 = 2750.00: the target moved, the coefficient did not.
    const target = wang.lines[0]!.rulesChanged.find((rule) => rule.rule === 'statement.targetBonus')!;
    expect(target.base?.result).toBe('2000.00');
    expect(target.proposed?.result).toBe('2500.00');
    expect(wang.fields).toEqual([]);
  });

  it('gives totals, sums by line kind and departments', () => {
    const total = (name: string) => comparison.totals.find((t) => t.name === name)!;
    expect([total('statements').base, total('statements').proposed, total('statements').delta]).toEqual([
      '30700.00',
      '32000.00',
      '1300.00',
    ]);
    expect(total('basePay')).toEqual({ name: 'basePay', base: '22000.00', proposed: '22200.00', delta: '200.00' });
    // 1350.00 + 2200.00 + 2200.00 = 5750.00 → 1350.00 + 2750.00 + 2750.00 = 6850.00
    expect(total('performanceBonus')).toEqual({
      name: 'performanceBonus',
      base: '5750.00',
      proposed: '6850.00',
      delta: '1100.00',
    });
    expect(comparison.kinds.map((k) => [k.kind, k.delta])).toEqual([
      ['basePay', '200.00'],
      ['performanceBonus', '1100.00'],
      ['commission', '0.00'],
      ['deduction', '0.00'],
    ]);
    expect(comparison.departments.map((d) => [d.department, d.base, d.proposed, d.delta, d.changed])).toEqual([
      ['sales', '10350.00', '10550.00', '200.00', true],
      ['tech', '20350.00', '21450.00', '1100.00', true],
    ]);
  });

  it('lists who gains, largest first then by id, and nobody who loses', () => {
    expect(comparison.gainers.map((g) => [g.person, g.delta])).toEqual([
      ['wang', '550.00'],
      ['zhao', '550.00'],
      ['li', '200.00'],
    ]);
    expect(comparison.losers).toEqual([]);
    expect(comparison.counts).toEqual({
      people: 3,
      peopleChanged: 3,
      linesChanged: 3,
      departmentsChanged: 2,
      gainers: 3,
      losers: 0,
      unchanged: 0,
    });
  });

  it('names the plan changes', () => {
    expect(comparison.planChanges).toEqual([
      { path: 'plan.versions[v1].grades[P3].basePay', base: '6000.00', proposed: '6200.00' },
      { path: 'plan.versions[v1].grades[P5].targetBonus', base: '2000.00', proposed: '2500.00' },
    ]);
  });

  it('gives the same comparison from two saved results (minus the plan changes)', () => {
    const base = json(runPeriod(baseScenario()));
    const proposed = json(runPeriod({ ...baseScenario(), plan: proposedPlan() }));
    const fromResults = compareRuns({ base, proposed });
    expect({ ...fromResults, planChanges: [] }).toEqual({ ...comparison, planChanges: [] });
  });

  it('reports a department coefficient change on the department and on each person', () => {
    const proposed = baseScenario();
    proposed.data!.departmentCoefficients = [
      { department: 'sales', coefficient: '0.9' },
      { department: 'tech', coefficient: '1.2' },
    ];
    const c = compareRuns({ base: runPeriod(baseScenario()), proposed: runPeriod(proposed) });
    const tech = c.departments.find((d) => d.department === 'tech')!;
    expect(tech.fields).toEqual([
      { field: 'coefficient', base: '1.1000', proposed: '1.2000' },
      { field: 'ownCoefficient', base: '1.1000', proposed: '1.2000' },
    ]);
    expect(tech.rulesChanged.map((r) => r.rule)).toEqual(['department.ownCoefficient']);
    // 2000.00 × 1.2 = 2400.00: +200.00 each for wang and zhao.
    expect(c.people.map((p) => [p.person, p.delta, p.fields])).toEqual([
      ['wang', '200.00', [{ field: 'coefficient', base: '1.1000', proposed: '1.2000' }]],
      ['zhao', '200.00', [{ field: 'coefficient', base: '1.1000', proposed: '1.2000' }]],
    ]);
  });

  it('lists people in one run only and losers by the size of the loss', () => {
    const proposed = baseScenario();
    proposed.org.people = proposed.org.people.filter((p) => p.id !== 'zhao');
    proposed.data!.commissions = [{ id: 's1', person: 'li', amount: '2900.00', date: '2026-03-10' }];
    const c = compareRuns({ base: runPeriod(baseScenario()), proposed: runPeriod(proposed) });
    expect(c.losers.map((l) => [l.person, l.delta])).toEqual([
      ['zhao', '-10200.00'],
      ['li', '-100.00'],
    ]);
    const zhao = c.people.find((p) => p.person === 'zhao')!;
    expect(zhao.presence).toBe('baseOnly');
    expect(zhao.proposed).toBeNull();
    expect(zhao.lines.map((l) => [l.kind, l.base, l.proposed, l.delta])).toEqual([
      ['basePay', '8000.00', null, '-8000.00'],
      ['performanceBonus', '2200.00', null, '-2200.00'],
    ]);
    expect(c.departments.find((d) => d.department === 'tech')!.headcount).toEqual({ base: 2, proposed: 1 });
  });
});

describe('compareRuns: the support pool and its spread', () => {
  it('gives pool size, min, median, max and Gini of the awards (hand-computed)', () => {
    // Base awards 100, 300, 200, 400 → sorted 100, 200, 300, 400; Σ = 1000; Σ i·x = 100 + 400 + 900 + 1600 = 3000;
    // Gini = (2·3000 − 5·1000) / (4·1000) = 0.25; median = (200 + 300) / 2 = 250.00.
    // Proposed 150, 150, 350, 350 (a 15 % pool of a smaller base): Σ i·x = 150 + 300 + 1050 + 1400 = 2900;
    // Gini = (5800 − 5000) / 4000 = 0.2; median = (150 + 350) / 2 = 250.00.
    const c = compareRuns({
      base: awardsResult(['100.00', '300.00', '200.00', '400.00'], '1000.00'),
      proposed: awardsResult(['150.00', '150.00', '350.00', '350.00'], '1000.00'),
    });
    expect(c.pool.base).toEqual({
      pool: '1000.00',
      recipients: 4,
      awarded: '1000.00',
      min: '100.00',
      median: '250.00',
      max: '400.00',
      gini: '0.2500',
    });
    expect(c.pool.proposed).toEqual({
      pool: '1000.00',
      recipients: 4,
      awarded: '1000.00',
      min: '150.00',
      median: '250.00',
      max: '350.00',
      gini: '0.2000',
    });
    expect(c.pool.delta).toBe('0.00');
    // p0: 100 → 150, p1: 300 → 150, p2: 200 → 350, p3: 400 → 350
    expect(c.gainers.map((g) => [g.person, g.delta])).toEqual([
      ['p2', '150.00'],
      ['p0', '50.00'],
    ]);
    expect(c.losers.map((g) => [g.person, g.delta])).toEqual([
      ['p1', '-150.00'],
      ['p3', '-50.00'],
    ]);
  });

  it('keeps the half fen of an even median and gives Gini 0 for one recipient', () => {
    // (100.00 + 100.01) / 2 = 100.005; one recipient: (2·x − 2·x) / x = 0.
    const c = compareRuns({
      base: awardsResult(['100.00', '100.01'], '200.01'),
      proposed: awardsResult(['70.00'], '70.00'),
    });
    expect(c.pool.base.median).toBe('100.005');
    expect(c.pool.proposed.gini).toBe('0.0000');
    expect(c.pool.delta).toBe('-130.01');
  });

  it('has no spread without pool awards', () => {
    const result = runPeriod(baseScenario());
    const c = compareRuns({ base: result, proposed: result });
    expect(c.pool.base).toEqual({
      pool: '0.00',
      recipients: 0,
      awarded: '0.00',
      min: null,
      median: null,
      max: null,
      gini: null,
    });
  });
});

describe('compareRuns: bad input', () => {
  const result = () => json(runPeriod(baseScenario()));

  it('refuses results from different periods', () => {
    const april = baseScenario();
    april.period = { unit: 'month', start: '2026-04-01' };
    april.data = { departmentCoefficients: april.data!.departmentCoefficients! };
    expectError(() => compareRuns({ base: result(), proposed: runPeriod(april) }), 'RUNS_PERIOD_MISMATCH', [
      'proposed',
      'period',
    ]);
  });

  it('refuses results in different currencies', () => {
    const yen = { ...result(), currency: 'JPY' };
    expectError(() => compareRuns({ base: result(), proposed: yen }), 'CURRENCY_MISMATCH', ['proposed', 'currency']);
  });

  it('refuses a result edited after the library produced it', () => {
    const edited = result();
    (edited.statements[0] as { total: string }).total = '99999.00';
    expectError(() => compareRuns({ base: result(), proposed: edited }), 'RUNS_RESULT_INCONSISTENT', [
      'proposed',
      'statements',
      0,
      'total',
    ]);
  });

  it('refuses a person listed twice', () => {
    const doubled = result();
    (doubled.statements as unknown[]).push(doubled.statements[0]);
    expectError(() => compareRuns({ base: doubled, proposed: result() }), 'DUPLICATE_ID', [
      'base',
      'statements',
      3,
      'person',
    ]);
  });

  it('refuses amounts with more decimals than the currency has', () => {
    const edited = result();
    (edited.statements[0]!.lines[0] as { amount: string }).amount = '6000.001';
    expectError(() => compareRuns({ base: result(), proposed: edited }), 'INVALID_AMOUNT', [
      'proposed',
      'statements',
      0,
      'lines',
      0,
      'amount',
    ]);
  });

  it('wants exactly one form: two results, or a scenario and a proposed plan', () => {
    expectError(() => compareRuns({}), 'INVALID_INPUT', []);
    expectError(() => compareRuns({ base: result() }), 'INVALID_INPUT', ['proposed']);
    expectError(
      () => compareRuns({ base: result(), proposed: result(), proposedPlan: proposedPlan() }),
      'INVALID_INPUT',
      [],
    );
    expectError(() => compareRuns({ scenario: baseScenario() }), 'INVALID_INPUT', ['proposedPlan']);
  });

  it('refuses unknown fields and malformed results', () => {
    expectError(() => compareRuns({ base: result(), proposed: result(), typo: 1 } as never), 'INVALID_INPUT');
    expectError(() => compareRuns({ base: result(), proposed: { plan: 'x' } as never }), 'INVALID_INPUT');
  });

  it('reports problems of the proposed plan under proposedPlan', () => {
    const plan = proposedPlan();
    plan.versions[0]!.grades = plan.versions[0]!.grades.filter((grade) => grade.id !== 'P5');
    expectError(() => compareRuns({ scenario: baseScenario(), proposedPlan: plan }), 'UNKNOWN_REFERENCE', [
      'scenario',
      'org',
      'people',
      1,
      'grade',
    ]);
    const bad = proposedPlan();
    bad.currency = 'XXQ';
    expectError(() => compareRuns({ scenario: baseScenario(), proposedPlan: bad }), 'UNKNOWN_CURRENCY', [
      'proposedPlan',
      'currency',
    ]);
    const yen = proposedPlan();
    yen.currency = 'JPY';
    expectError(() => compareRuns({ scenario: baseScenario(), proposedPlan: yen }), 'CURRENCY_MISMATCH', [
      'proposedPlan',
      'currency',
    ]);
  });

  it('is listed in schemas', () => {
    expect(schemas.compareRuns.safeParse({ base: result(), proposed: result() }).success).toBe(true);
  });
});

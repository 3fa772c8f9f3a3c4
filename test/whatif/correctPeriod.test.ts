import { describe, expect, it } from 'vitest';
import {
  compareRuns,
  correctPeriod,
  runPeriod,
  schemas,
  type RunPeriodInput,
  type RunResultInput,
} from '../../src/index.js';
import { expectError } from '../helpers.js';
import { baseScenario, correctedScenario, livePlan } from './fixtures.js';

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('correctPeriod: late data after the period was paid (hand-computed in fixtures.ts)', () => {
  const paidResult = json(runPeriod(baseScenario()));
  const correction = correctPeriod({
    paid: { scenario: baseScenario(), result: paidResult },
    corrected: correctedScenario(),
  });

  it('gives one correction line per moved line: arrears and recoveries', () => {
    expect(correction.people.map((p) => [p.person, p.paid, p.arrears, p.recoveries, p.net, p.rerun])).toEqual([
      ['li', '10350.00', '0.00', '-500.00', '-500.00', '9850.00'],
      ['wang', '10150.00', '50.00', '0.00', '50.00', '10200.00'],
      ['zhao', '10200.00', '1440.00', '0.00', '1440.00', '11640.00'],
    ]);
    const lines = correction.people.flatMap((p) =>
      p.lines.map((l) => [p.person, l.kind, l.paid, l.rerun, l.amount, l.type]),
    );
    expect(lines).toEqual([
      ['li', 'commission', '3000.00', '2500.00', '-500.00', 'recovery'],
      ['wang', 'deduction', '-50.00', '0.00', '50.00', 'arrears'],
      ['zhao', 'basePay', '8000.00', '9000.00', '1000.00', 'arrears'],
      ['zhao', 'performanceBonus', '2200.00', '2640.00', '440.00', 'arrears'],
    ]);
    expect(correction.people[1]!.lines[0]!.source).toBe('late-wang');
    expect(correction.people[1]!.lines[0]!.label).toBe('Deduction: late');
  });

  it('never touches a line that did not move', () => {
    // li's base pay and bonus, wang's base pay and bonus: unchanged, so no correction line.
    const kinds = correction.people.map((p) => [p.person, p.lines.map((l) => l.kind)]);
    expect(kinds).toEqual([
      ['li', ['commission']],
      ['wang', ['deduction']],
      ['zhao', ['basePay', 'performanceBonus']],
    ]);
  });

  it('adds up: paid + arrears + recoveries = re-run', () => {
    expect(correction.totals).toEqual({
      paid: '30700.00',
      rerun: '31690.00',
      arrears: '1490.00',
      recoveries: '-500.00',
      net: '990.00',
    });
    expect(correction.counts).toEqual({ people: 3, lines: 4, arrears: 3, recoveries: 1 });
    expect(correction.rerun.totals.statements).toBe('31690.00');
  });

  it('names what changed in the inputs and explains each line', () => {
    expect(correction.inputChanges).toEqual([
      {
        path: 'data.commissions[r1]',
        base: null,
        proposed: { id: 'r1', person: 'li', amount: '-500.00', date: '2026-03-20' },
      },
      {
        path: 'data.deductions[late-wang]',
        base: { id: 'late-wang', person: 'wang', amount: '50.00', reason: 'late', date: '2026-03-05' },
        proposed: null,
      },
      { path: 'org.people[zhao].grade', base: 'P5', proposed: 'P6' },
    ]);
    expect(correction.planChanges).toEqual([]);
    expect(correction.paidReproduced).toBe(true);
    expect(correction.paidVersion).toBe('v1');
    const commission = correction.people[0]!.lines[0]!;
    expect(commission.rulesChanged.find((r) => r.rule === 'statement.grossCommission')).toMatchObject({
      base: { result: '3000.00' },
      proposed: { result: '2500.00' },
    });
    expect(commission.trace).toEqual([
      {
        rule: 'correction.line',
        formula: 'correction = re-run line − paid line (a missing line counts as 0)',
        inputs: { paid: '3000.00', rerun: '2500.00' },
        result: '-500.00',
      },
    ]);
  });

  it('recomputes the paid result from the paid scenario when it is not given', () => {
    const recomputed = correctPeriod({ paid: { scenario: baseScenario() }, corrected: correctedScenario() });
    expect(recomputed.paidReproduced).toBeNull();
    expect(recomputed.people).toEqual(correction.people);
  });

  it('re-runs with the plan as paid unless told otherwise (the rates originally applied)', () => {
    // Today's plan raised P3 base pay to 7000.00; the period was paid at 6000.00.
    const today = correctedScenario();
    today.plan.versions[0]!.grades[0] = { id: 'P3', basePay: '7000.00', targetBonus: '1500.00' };
    const asPaid = correctPeriod({ paid: { scenario: baseScenario() }, corrected: today });
    expect(asPaid.people).toEqual(correction.people);
    expect(asPaid.planUsed).toBe('asPaid');
    expect(asPaid.planChanges).toEqual([
      { path: 'plan.versions[v1].grades[P3].basePay', base: '6000.00', proposed: '7000.00' },
    ]);
    const asCorrected = correctPeriod({ paid: { scenario: baseScenario() }, corrected: today, plan: 'asCorrected' });
    // li: base 6000.00 → 7000.00 (+1000.00), commission −500.00.
    expect(asCorrected.people[0]!.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['basePay', '1000.00'],
      ['commission', '-500.00'],
    ]);
    expect(asCorrected.totals.net).toBe('1990.00');
  });

  it('pays a late joiner in full and recovers everything from someone paid by mistake', () => {
    const corrected = baseScenario();
    corrected.org.people = [
      ...corrected.org.people.filter((p) => p.id !== 'zhao'),
      { id: 'qian', department: 'sales', grade: 'P3', start: '2026-03-17' },
    ];
    const c = correctPeriod({ paid: { scenario: baseScenario() }, corrected });
    // qian: 15 of 31 days: 6000.00 × 15/31 = 2903.2258… → 2903.23; target 1500.00 × 15/31 = 725.806… → 725.81, × 0.9 = 653.229 → 653.23.
    expect(c.people.map((p) => [p.person, p.paid, p.net, p.rerun])).toEqual([
      ['qian', '0.00', '3556.46', '3556.46'],
      ['zhao', '10200.00', '-10200.00', '0.00'],
    ]);
    expect(c.people[0]!.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['basePay', '2903.23'],
      ['performanceBonus', '653.23'],
    ]);
  });

  it('reverses a refunded sale in the plan version it was sold under, touching no other segment', () => {
    // March split at 16 March (prorate): v1 on 1–15 March (15/31), v2 from 16 March (16/31).
    // wang, tech (D 1.1), P5: base v1 8000.00 × 15/31 = 3870.967… → 3870.97; v2 8800.00 × 16/31 = 4541.935… → 4541.94.
    // Sales: c1 1000.00 on 10 March (v1), c2 500.00 on 20 March (v2). c1 is refunded after payment.
    const split = (): RunPeriodInput => {
      const scenario = baseScenario();
      scenario.plan = {
        ...livePlan(),
        onVersionChange: 'prorate',
        versions: [
          ...livePlan().versions,
          {
            id: 'v2',
            effective: '2026-03-16',
            note: 'support pool 15 %',
            grades: [
              { id: 'P3', basePay: '6000.00' },
              { id: 'P5', basePay: '8800.00', targetBonus: '2000.00' },
              { id: 'P6', basePay: '9000.00' },
            ],
          },
        ],
      };
      scenario.org.people = [{ id: 'wang', department: 'tech', grade: 'P5' }];
      scenario.data = {
        departmentCoefficients: [{ department: 'tech', coefficient: '1.1' }],
        commissions: [
          { id: 'c1', person: 'wang', amount: '1000.00', date: '2026-03-10' },
          { id: 'c2', person: 'wang', amount: '500.00', date: '2026-03-20' },
        ],
      };
      return scenario;
    };
    const paid = runPeriod(split());
    expect(paid.statements[0]!.lines.filter((l) => l.kind === 'basePay').map((l) => [l.version, l.amount])).toEqual([
      ['v1', '3870.97'],
      ['v2', '4541.94'],
    ]);
    const corrected = split();
    corrected.data!.commissions = corrected.data!.commissions!.filter((row) => row.id !== 'c1');
    const c = correctPeriod({ paid: { scenario: split(), result: paid }, corrected });
    expect(c.people[0]!.lines.map((l) => [l.kind, l.version, l.paid, l.rerun, l.amount])).toEqual([
      ['commission', 'v1', '1000.00', '0.00', '-1000.00'],
    ]);
  });

  it("corrects a paid result that today's library would compute differently back to the re-run", () => {
    const edited = json(runPeriod(baseScenario()));
    const li = edited.statements[0] as { lines: { amount: string }[]; total: string };
    li.lines[0]!.amount = '5990.00';
    li.total = '10340.00';
    const c = correctPeriod({ paid: { scenario: baseScenario(), result: edited }, corrected: baseScenario() });
    expect(c.paidReproduced).toBe(false);
    expect(c.people.map((p) => [p.person, p.lines.map((l) => [l.kind, l.amount])])).toEqual([
      ['li', [['basePay', '10.00']]],
    ]);
  });
});

describe('correctPeriod and compareRuns pair lines by their source row, whatever the trace option', () => {
  // Paid: deductions late-1 50.00 and late-2 30.00 for wang; the re-run drops late-1.
  const twoDeductions = (trace: boolean, keep: readonly string[]): RunPeriodInput => {
    const s = baseScenario();
    s.trace = trace;
    s.data!.deductions = [
      { id: 'late-1', person: 'wang', amount: '50.00', reason: 'late', date: '2026-03-05' },
      { id: 'late-2', person: 'wang', amount: '30.00', reason: 'late', date: '2026-03-06' },
    ].filter((row) => keep.includes(row.id));
    return s;
  };

  for (const trace of [true, false]) {
    it(`gives one line, late-1 −50.00 → 0.00, with trace ${trace}`, () => {
      const c = correctPeriod({
        paid: { scenario: twoDeductions(trace, ['late-1', 'late-2']) },
        corrected: twoDeductions(trace, ['late-2']),
      });
      expect(c.people.map((p) => p.lines.map((l) => [p.person, l.kind, l.source, l.paid, l.rerun, l.amount]))).toEqual([
        [['wang', 'deduction', 'late-1', '-50.00', '0.00', '50.00']],
      ]);
      const compared = compareRuns({
        base: runPeriod(twoDeductions(trace, ['late-1', 'late-2'])),
        proposed: runPeriod(twoDeductions(trace, ['late-2'])),
      });
      expect(compared.people.flatMap((p) => p.lines.map((l) => [p.person, l.source, l.base, l.proposed]))).toEqual([
        ['wang', 'late-1', '-50.00', null],
      ]);
    });
  }

  it('does not pair two lines that name different source rows, even one on each side', () => {
    const c = correctPeriod({
      paid: { scenario: twoDeductions(false, ['late-1']) },
      corrected: twoDeductions(false, ['late-2']),
    });
    expect(c.people[0]!.lines.map((l) => [l.source, l.paid, l.rerun])).toEqual([
      ['late-1', '-50.00', '0.00'],
      ['late-2', '0.00', '-30.00'],
    ]);
  });

  it('prints the source on a sourced statement line with and without traces', () => {
    for (const trace of [true, false]) {
      const wang = runPeriod(twoDeductions(trace, ['late-1', 'late-2'])).statements.find((s) => s.person === 'wang')!;
      expect(wang.lines.filter((l) => l.kind === 'deduction').map((l) => l.source)).toEqual(['late-1', 'late-2']);
      expect(wang.lines.find((l) => l.kind === 'basePay')).not.toHaveProperty('source');
    }
  });
});

describe('correctPeriod: bad input', () => {
  const paidResult = () => json(runPeriod(baseScenario()));

  it('refuses a paid result with no plan version', () => {
    const { version: _version, ...noVersion } = paidResult();
    expectError(
      () =>
        correctPeriod({
          paid: { scenario: baseScenario(), result: noVersion as unknown as RunResultInput },
          corrected: correctedScenario(),
        }),
      'CORRECTION_PLAN_VERSION_MISSING',
      ['paid', 'result', 'version'],
    );
  });

  it('refuses a paid result that does not come from the paid inputs', () => {
    const other = { ...paidResult(), version: 'v0' };
    expectError(
      () => correctPeriod({ paid: { scenario: baseScenario(), result: other }, corrected: correctedScenario() }),
      'CORRECTION_PAID_MISMATCH',
      ['paid', 'result', 'version'],
    );
    const plan = { ...paidResult(), plan: 'another' };
    expectError(
      () => correctPeriod({ paid: { scenario: baseScenario(), result: plan }, corrected: correctedScenario() }),
      'CORRECTION_PAID_MISMATCH',
      ['paid', 'result', 'plan'],
    );
  });

  it('refuses a corrected scenario for another period', () => {
    const april = correctedScenario();
    april.period = { unit: 'month', start: '2026-04-01' };
    expectError(() => correctPeriod({ paid: { scenario: baseScenario() }, corrected: april }), 'RUNS_PERIOD_MISMATCH', [
      'corrected',
      'period',
    ]);
    const quarter = correctedScenario();
    quarter.period = { unit: 'quarter', start: '2026-03-01' };
    expectError(
      () => correctPeriod({ paid: { scenario: baseScenario() }, corrected: quarter }),
      'RUNS_PERIOD_MISMATCH',
      ['corrected', 'period'],
    );
  });

  it('refuses a corrected scenario in another currency', () => {
    const yen = correctedScenario();
    yen.plan = { ...livePlan(), currency: 'JPY' };
    expectError(() => correctPeriod({ paid: { scenario: baseScenario() }, corrected: yen }), 'CURRENCY_MISMATCH', [
      'corrected',
      'plan',
      'currency',
    ]);
  });

  it('refuses an edited paid result', () => {
    const edited = paidResult();
    (edited.statements[2] as { total: string }).total = '1.00';
    expectError(
      () => correctPeriod({ paid: { scenario: baseScenario(), result: edited }, corrected: correctedScenario() }),
      'RUNS_RESULT_INCONSISTENT',
      ['paid', 'result', 'statements', 2, 'total'],
    );
  });

  it('reports problems of the corrected data under corrected, and of the paid data under paid.scenario', () => {
    const corrected = correctedScenario();
    corrected.data!.commissions![0] = { id: 's1', person: 'nobody', amount: '3000.00' };
    expectError(() => correctPeriod({ paid: { scenario: baseScenario() }, corrected }), 'UNKNOWN_REFERENCE', [
      'corrected',
      'data',
      'commissions',
      0,
      'person',
    ]);
    const paid = baseScenario();
    paid.org.people[0] = { id: 'li', department: 'nowhere', grade: 'P3' };
    expectError(
      () => correctPeriod({ paid: { scenario: paid }, corrected: correctedScenario() }),
      'UNKNOWN_REFERENCE',
      ['paid', 'scenario', 'org', 'people', 0, 'department'],
    );
    // With the plan as paid, a grade the paid plan lacks is the corrected person's problem.
    const promoted = correctedScenario();
    promoted.org.people[0] = { id: 'li', department: 'sales', grade: 'P9' };
    expectError(() => correctPeriod({ paid: { scenario: baseScenario() }, corrected: promoted }), 'UNKNOWN_REFERENCE', [
      'corrected',
      'org',
      'people',
      0,
      'grade',
    ]);
  });

  it('refuses unknown fields and options', () => {
    expectError(
      () =>
        correctPeriod({ paid: { scenario: baseScenario() }, corrected: correctedScenario(), plan: 'today' as never }),
      'INVALID_INPUT',
      ['plan'],
    );
    expectError(
      () =>
        correctPeriod({
          paid: { scenario: baseScenario(), paidOn: '2026-04-05' } as never,
          corrected: correctedScenario(),
        }),
      'INVALID_INPUT',
    );
  });

  it('is listed in schemas', () => {
    expect(
      schemas.correctPeriod.safeParse({ paid: { scenario: baseScenario() }, corrected: correctedScenario() }).success,
    ).toBe(true);
  });
});

describe('correctPeriod: input changes are matched by row key, not by position', () => {
  it('reports no input change when only the order of support-score rows (keyed by subject) differs', () => {
    // Regression: supportScores rows have no `id`; they were diffed by position, so reordering
    // them reported spurious subject changes d0 → d1 and d1 → d0.
    const scenario: RunPeriodInput = {
      plan: {
        id: 'p',
        currency: 'CNY',
        versions: [
          {
            id: 'v1',
            effective: '2026-01-01',
            grades: [{ id: 'G0', basePay: '100.00' }],
            pool: { rate: '0.10', clawbackPolicy: 'net' },
          },
        ],
      },
      period: { unit: 'quarter', start: '2026-04-01' },
      org: {
        departments: [
          { id: 'd0', side: 'front' },
          { id: 'd1', side: 'back' },
        ],
        people: [
          { id: 'a', department: 'd0', grade: 'G0' },
          { id: 'b', department: 'd1', grade: 'G0' },
        ],
      },
      data: {
        supportScores: [
          { subject: 'd0', score: 80 },
          { subject: 'd1', score: 90 },
        ],
      },
    };
    const reordered: RunPeriodInput = {
      ...scenario,
      data: {
        supportScores: [
          { subject: 'd1', score: 90 },
          { subject: 'd0', score: 80 },
        ],
      },
    };
    const correction = correctPeriod({ paid: { scenario }, corrected: reordered });
    expect(correction.inputChanges).toEqual([]);
    expect(correction.people).toEqual([]);
    // A real change of one row's score is reported at that row's key.
    const rescored: RunPeriodInput = {
      ...scenario,
      data: {
        supportScores: [
          { subject: 'd1', score: 70 },
          { subject: 'd0', score: 80 },
        ],
      },
    };
    expect(correctPeriod({ paid: { scenario }, corrected: rescored }).inputChanges).toEqual([
      { path: 'data.supportScores[d1].score', base: 90, proposed: 70 },
    ]);
  });
});

/**
 * `runPeriodStream` (issue 20 §1): the TSDoc example; statements one at a time in person id
 * order; the errors of the input thrown at once, those of the end-of-period checks thrown when
 * the last statement has been taken (every statement is out before), and again by `summary()`.
 */
import { describe, expect, it } from 'vitest';
import { demoScenario, runPeriod, runPeriodStream, SynergyPayError, type RunPeriodInput } from '../../src/index.js';
import { collectionWatch, expectError, handOverWatched } from '../helpers.js';
import { golden } from './golden.js';

/** The golden quarter with wang's deductions above his pay: his statement total is −9,900.00. */
const negative = (): RunPeriodInput => {
  const scenario = golden();
  scenario.data!.deductions!.push({ id: 'd8', person: 'wang', amount: '40000.00', reason: 'advance' });
  return scenario;
};

describe('runPeriodStream', () => {
  it('the TSDoc example: two statements, then the summary', () => {
    const run = runPeriodStream({
      plan: {
        id: 'p',
        currency: 'CNY',
        versions: [{ id: 'v1', effective: '2026-01-01', grades: [{ id: 'P5', basePay: '8000.00' }] }],
      },
      period: { unit: 'month', start: '2026-03-01' },
      org: {
        departments: [{ id: 'tech', side: 'back' }],
        people: [
          { id: 'li', department: 'tech', grade: 'P5' },
          { id: 'wang', department: 'tech', grade: 'P5' },
        ],
      },
    });
    const lines: string[] = [];
    for (const statement of run.statements) lines.push(JSON.stringify(statement));
    const summary = run.summary();
    expect(lines).toHaveLength(2);
    expect(summary.totals.statements).toBe('16000.00');
    expect(summary.checks.every((c) => c.holds)).toBe(true);
    expect('statements' in summary).toBe(false);
  });

  it('gives the statements in person id order, each computed when asked for, and equal to runPeriod’s', () => {
    const run = runPeriodStream(golden());
    const first = run.statements.next();
    expect(first.done).toBe(false);
    expect(first.done === false && first.value.person).toBe('li');
    const rest = [...run.statements].map((statement) => statement.person);
    expect(rest).toEqual(['wang', 'zhao']);
    const whole = runPeriod(golden());
    expect(run.summary().totals).toEqual(whole.totals);
    expect(run.summary()).toBe(run.summary());
  });

  it('summary() first computes the statements (checked, not kept): the iterator then gives nothing', () => {
    const run = runPeriodStream(golden());
    const { statements: _statements, ...whole } = runPeriod(golden());
    expect(JSON.stringify(run.summary())).toBe(JSON.stringify(whole));
    expect(run.statements.next()).toEqual({ done: true, value: undefined });
  });

  it('input errors are thrown by runPeriodStream itself, before any statement', () => {
    const scenario = golden();
    scenario.org.people[1] = { ...scenario.org.people[1]!, grade: 'P9' };
    expectError(() => runPeriodStream(scenario), 'UNKNOWN_REFERENCE', ['org', 'people', 1, 'grade']);
  });

  it('a blocked finding: every statement comes out, then the last next() throws IMPLAUSIBLE_RESULT, and summary() throws it again', () => {
    const scenario = negative();
    scenario.plan.plausibility = { block: ['negativeNet'] };
    const run = runPeriodStream(scenario);
    const people: string[] = [];
    let caught: unknown;
    try {
      for (const statement of run.statements) people.push(`${statement.person} ${statement.total}`);
    } catch (error) {
      caught = error;
    }
    // The statements of the same run unblocked.
    const unblocked = runPeriod(negative()).statements.map((statement) => `${statement.person} ${statement.total}`);
    expect(people).toEqual(unblocked);
    expect(people[1]).toBe('wang -9900.00');
    expect(caught).toBeInstanceOf(SynergyPayError);
    const error = caught as SynergyPayError;
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['IMPLAUSIBLE_RESULT', ['org', 'people', 2]],
    ]);
    expect(() => run.summary()).toThrow(error);
    expect(run.statements.next().done).toBe(true);
    // runPeriod throws the same.
    expectError(() => runPeriod(scenario), 'IMPLAUSIBLE_RESULT', ['org', 'people', 2]);
  });

  it('a declared pay total that disagrees: RECONCILIATION_FAILED at controls.payTotal once the statements are out', () => {
    const scenario = golden();
    scenario.controls = { payTotal: '1.00' };
    const run = runPeriodStream(scenario);
    expect(run.statements.next().done).toBe(false);
    expect(run.statements.next().done).toBe(false);
    expect(run.statements.next().done).toBe(false);
    expectError(() => run.statements.next(), 'RECONCILIATION_FAILED', ['controls', 'payTotal']);
    expectError(() => run.summary(), 'RECONCILIATION_FAILED', ['controls', 'payTotal']);
  });
});

describe('the end of a run lets go of the rows only its mechanisms read', () => {
  it('the tickets, ratings and revenue facts can be collected once the summary is built; the result is runPeriod’s', async () => {
    const watch = collectionWatch();
    const run = handOverWatched(
      watch,
      () => demoScenario({ people: 80, seed: 4 }),
      (scenario) => {
        const stream = runPeriodStream(scenario);
        const statements = [...stream.statements];
        // The stream is kept: what it holds once its summary is built is what a caller keeps.
        return { stream, statements, summary: stream.summary() };
      },
    );
    await watch.expectCollected();
    const { statements, ...summary } = runPeriod(demoScenario({ people: 80, seed: 4 }));
    // Compared as booleans: a difference would print two large results.
    expect(JSON.stringify(run.statements) === JSON.stringify(statements), 'the statements differ').toBe(true);
    expect(JSON.stringify(run.summary) === JSON.stringify(summary), 'the summaries differ').toBe(true);
    expect(run.stream.summary()).toBe(run.summary);
  });

  it('the tickets can be collected before the first statement (the mechanisms are done with them)', async () => {
    const watch = collectionWatch();
    // Made and handed over in a frame of its own: only the stream is kept.
    const stream = (() => {
      const scenario = demoScenario({ people: 80, seed: 4 });
      expect(scenario.data!.tickets!.length).toBeGreaterThan(0);
      for (const ticket of scenario.data!.tickets!) watch.watch(ticket);
      return runPeriodStream(scenario);
    })();
    await watch.expectCollected();
    const { statements, ...summary } = runPeriod(demoScenario({ people: 80, seed: 4 }));
    expect(JSON.stringify([...stream.statements]) === JSON.stringify(statements), 'the statements differ').toBe(true);
    expect(JSON.stringify(stream.summary()) === JSON.stringify(summary), 'the summaries differ').toBe(true);
  });

  it('the caller’s scenario is not changed: its lists are let go of by the run, not deleted', () => {
    const scenario = demoScenario({ people: 40, seed: 2 });
    const before = JSON.stringify(scenario);
    runPeriod(scenario);
    expect(JSON.stringify(scenario) === before, 'the scenario changed').toBe(true);
  });
});

/**
 * Statements in words (issue 17 §6): one subtotal per pay component across plan versions, every
 * trace input named in plain words (`traceInputWords`), and `explain` printing both; and the
 * plan option that makes a plausibility finding block the run (issue 17 §5).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/cli/format.js';
import {
  componentLabels,
  runPeriod,
  statementLineKinds,
  traceInputWords,
  type RunPeriodInput,
  type RunPeriodResult,
  type TraceStep,
} from '../../src/index.js';
import { wholeScenarioArb } from '../arbitraries/scenario.js';
import { expectError, runs } from '../helpers.js';
import { golden, supportedGolden } from './golden.js';

const minor = (amount: string): bigint => BigInt(amount.replace('.', ''));

/** The golden quarter split at 1 May by a prorated plan change (every line in two segments). */
function splitGolden(): RunPeriodInput {
  const scenario = supportedGolden();
  const [first] = scenario.plan.versions;
  const data = {
    ...scenario.data,
    deductions: scenario.data!.deductions!.map((row) => ({ ...row, date: '2026-06-10' })),
  };
  return {
    ...scenario,
    data,
    plan: {
      ...scenario.plan,
      onVersionChange: 'prorate',
      versions: [first!, { ...first!, id: 'v2', effective: '2026-05-01', pool: { ...first!.pool!, rate: '0.15' } }],
    },
  };
}

/** Every (rule, input) of every trace step in a result. */
function traceInputs(result: RunPeriodResult): [string, string][] {
  const found: [string, string][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      const step = value as Partial<TraceStep>;
      if (typeof step.rule === 'string' && typeof step.formula === 'string' && step.inputs !== undefined)
        for (const input of Object.keys(step.inputs)) found.push([step.rule, input]);
      Object.values(value).forEach(walk);
    }
  };
  walk(result);
  return found;
}

describe('subtotals: one per pay component across plan versions', () => {
  const result = runPeriod(splitGolden());

  it('wang’s base pay in two segments (30 + 61 days of 91) has one subtotal: the quarter’s 24,000.00', () => {
    const wang = result.statements.find((s) => s.person === 'wang')!;
    expect(wang.lines.filter((l) => l.kind === 'basePay').map((l) => [l.version, l.amount])).toEqual([
      ['v1', '7912.09'],
      ['v2', '16087.91'],
    ]);
    expect(wang.subtotals.find((s) => s.kind === 'basePay')).toEqual({
      kind: 'basePay',
      label: 'Base pay',
      lines: 2,
      amount: '24000.00',
    });
  });

  it('explain prints the subtotal after the component’s last line, in the locale’s money format', () => {
    const wang = result.statements.find((s) => s.person === 'wang')!;
    const text = explain(result, wang);
    const lines = text.split('\n');
    const subtotal = lines.findIndex((line) => line.startsWith('Subtotal: Base pay (2 lines)'));
    expect(subtotal).toBeGreaterThan(0);
    expect(lines[subtotal]).toMatch(/CN¥24,000\.00$/);
    // the next line starts the next component
    expect(lines[subtotal + 1]).toMatch(/^Performance bonus/);
    expect(explain(result, wang, 'zh-CN')).toMatch(/Subtotal: Base pay \(2 lines\) +¥24,000\.00/);
    // a component with one line (the deduction) gets no subtotal line
    expect(text).not.toContain('Subtotal: Deductions');
  });

  it('a component with one line still has its subtotal in the result', () => {
    const wang = runPeriod(golden()).statements.find((s) => s.person === 'wang')!;
    expect(wang.subtotals.map((s) => [s.kind, s.lines, s.amount])).toEqual([
      ['basePay', 1, '24000.00'],
      ['performanceBonus', 1, '6300.00'],
      ['deduction', 1, '-200.00'],
    ]);
  });

  it('property: on whole scenarios, each subtotal = Σ its kind’s lines, in kind order, and Σ subtotals = total', () => {
    fc.assert(
      fc.property(wholeScenarioArb({ maxPeople: 8 }), (scenario) => {
        const result = runPeriod(scenario as RunPeriodInput);
        for (const statement of result.statements) {
          const kinds = statementLineKinds.filter((kind) => statement.lines.some((l) => l.kind === kind));
          expect(statement.subtotals.map((s) => s.kind)).toEqual(kinds);
          for (const subtotal of statement.subtotals) {
            const own = statement.lines.filter((l) => l.kind === subtotal.kind);
            expect(subtotal.lines).toBe(own.length);
            expect(minor(subtotal.amount)).toBe(own.reduce((sum, l) => sum + minor(l.amount), 0n));
            expect(subtotal.label).toBe(componentLabels[subtotal.kind]);
          }
          expect(statement.subtotals.reduce((sum, s) => sum + minor(s.amount), 0n)).toBe(minor(statement.total));
        }
      }),
      { numRuns: runs(40) },
    );
  });
});

describe('every trace symbol in plain words', () => {
  it('names the symbols the issue found bare: f(score), basis, employedDays, D', () => {
    expect(traceInputWords('pool.weight', 'f(score)')).toBe('weighting function f of the score');
    expect(traceInputWords('pool.weight', 'exponent')).toBe('exponent of f');
    expect(traceInputWords('pool.weight', 'basis')).toMatch(/days employed in the segment/);
    expect(traceInputWords('statement.basePay', 'employedDays')).toMatch(/days employed/);
    expect(traceInputWords('linkage.blend', 'D')).toBe("department's own coefficient D");
    expect(traceInputWords('interlock.deduction', 'D')).toBe('severe-miss deduction D');
    expect(traceInputWords('ratings.peripheralScore', 'speed.mean')).toBe('mean score of dimension speed');
    expect(traceInputWords('anything', 'no-such-input')).toBeNull();
  });

  it('property: every input of every trace step of a whole scenario has words', () => {
    fc.assert(
      fc.property(wholeScenarioArb({ maxPeople: 8 }), (scenario) => {
        const result = runPeriod({ ...(scenario as RunPeriodInput), trace: true });
        const bare = traceInputs(result).filter(([rule, input]) => traceInputWords(rule, input) === null);
        expect(bare).toEqual([]);
      }),
      { numRuns: runs(60) },
    );
  });

  it('explain writes the inputs in words, not symbols', () => {
    const result = runPeriod(splitGolden());
    const text = explain(
      result,
      result.statements.find((s) => s.person === 'wang')!,
    );
    expect(text).toContain(
      "with days employed in the line's part of the period: 30; monthly base pay of the grade: 8000.00; months in the period: 3; days in the period: 91 → 7912.09",
    );
    expect(text).toMatch(/weighting function f of the score: 80[.;]/);
    expect(text).not.toMatch(/with employedDays|, periodDays /);
  });
});

describe('plausibility findings that block the run (plan.plausibility.block)', () => {
  /** wang's deduction raised above his pay: his statement total is negative. */
  const negative = (block?: ('negativeNet' | 'noDaysEmployed' | 'coefficientOutOfRange')[]): RunPeriodInput => {
    const scenario = golden();
    return {
      ...scenario,
      plan: {
        ...scenario.plan,
        plausibility: { coefficient: { min: '0.95', max: '1.5' }, ...(block ? { block } : {}) },
      },
      data: { ...scenario.data, deductions: [{ id: 'd1', person: 'wang', amount: '40000.00', reason: 'loan' }] },
    };
  };

  it('without block, the finding is queued and the run goes on', () => {
    const result = runPeriod(negative());
    expect(result.reviewQueue.map((item) => [item.code, item.id])).toEqual([
      ['coefficientOutOfRange', 'sales'],
      ['negativeNet', 'wang'],
    ]);
  });

  it('block ["negativeNet"] refuses with IMPLAUSIBLE_RESULT at wang’s path; the coefficient finding alone does not block', () => {
    expectError(() => runPeriod(negative(['negativeNet'])), 'IMPLAUSIBLE_RESULT', ['org', 'people', 2]);
    const issues = (() => {
      try {
        runPeriod(negative(['negativeNet']));
      } catch (error) {
        return (error as { issues: { path: unknown[]; message: string }[] }).issues;
      }
      return [];
    })();
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/^negativeNet: statement total -[0-9.]+ CNY below zero/);
  });

  it('block ["coefficientOutOfRange"] refuses at the department’s path', () => {
    expectError(() => runPeriod(negative(['coefficientOutOfRange'])), 'IMPLAUSIBLE_RESULT', ['org', 'departments', 0]);
  });

  it('a blocked code with no finding runs as before', () => {
    const scenario = golden();
    const result = runPeriod({ ...scenario, plan: { ...scenario.plan, plausibility: { block: ['noDaysEmployed'] } } });
    expect(result.statements.map((s) => s.total)).toEqual(runPeriod(golden()).statements.map((s) => s.total));
  });

  it('block ["commissionNotCarved"] refuses a back-office commission paid in full', () => {
    const scenario = supportedGolden({ nonContributorCommissions: 'payInFull' });
    scenario.data!.commissions!.push({ id: 'c9', person: 'wang', amount: '100.00', date: '2026-04-10' });
    expect(runPeriod(scenario).reviewQueue.map((item) => item.code)).toContain('commissionNotCarved');
    scenario.plan.plausibility = { block: ['commissionNotCarved'] };
    expectError(() => runPeriod(scenario), 'IMPLAUSIBLE_RESULT', ['org', 'people', 2]);
  });

  it('an unknown code in block is refused by the schema at its path', () => {
    const scenario = golden();
    expectError(
      () =>
        runPeriod({ ...scenario, plan: { ...scenario.plan, plausibility: { block: ['negative' as 'negativeNet'] } } }),
      'INVALID_INPUT',
      ['plan', 'plausibility', 'block', 0],
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  compareRuns,
  controlsSchema,
  correctPeriod,
  runPeriod,
  scenarioJsonSchema,
  schemas,
  SynergyPayError,
  type RunPeriodInput,
} from '../../src/index.js';
import type { runPeriodInputObject as runPeriodInputSchema } from '../../src/period/schema.js';
import { expectError } from '../helpers.js';
import { golden } from './golden.js';

/**
 * Declared control totals (docs/period.md, "Control totals"). The golden scenario's figures are
 * hand-computed in test/period/runPeriod.test.ts and docs/period.md:
 *   people: zhao, li, wang                       → 3
 *   commissions: c1 30000.00, c2 −1250.50        → 2 rows, gross 28749.50
 *   deductions: d1 200.00                        → 1 row, total 200.00
 *   Σ statements: 50799.50 + 30100.00 + 15316.49 → 96215.99
 */
const CONTROLS = {
  people: 3,
  commissions: { rows: 2, gross: '28749.50' },
  deductions: { rows: 1, total: '200.00' },
  tickets: 0,
  ratings: 0,
  revenueFacts: 0,
  payTotal: '96215.99',
} as const;

const withControls = (controls: unknown, scenario: RunPeriodInput = golden()): RunPeriodInput =>
  ({ ...scenario, controls }) as RunPeriodInput;

/** The issues of the error `run` throws (fails the test when it returns). */
function issuesOf(run: () => unknown): { code: string; path: readonly (string | number)[]; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SynergyPayError);
    return [...(error as SynergyPayError).issues];
  }
  throw new Error('expected an error');
}

describe('control totals that match', () => {
  const result = runPeriod(withControls(CONTROLS));

  it('runs as without controls: the same statements and totals', () => {
    const plain = runPeriod(golden());
    expect(result.statements).toEqual(plain.statements);
    expect(result.totals).toEqual(plain.totals);
    expect(result.totals.statements).toBe('96215.99');
  });

  it('reports every declared control as a check after the run’s own, received (left) = declared (right)', () => {
    const own = runPeriod(golden()).checks.map((c) => c.id);
    expect(result.checks.map((c) => c.id)).toEqual([
      ...own,
      'controls.people',
      'controls.commissions.rows',
      'controls.commissions.gross',
      'controls.deductions.rows',
      'controls.deductions.total',
      'controls.tickets',
      'controls.ratings',
      'controls.revenueFacts',
      'controls.payTotal',
    ]);
    const controls = Object.fromEntries(
      result.checks.filter((c) => c.id.startsWith('controls.')).map((c) => [c.id, [c.left, c.right, c.holds]]),
    );
    expect(controls).toEqual({
      'controls.people': ['3', '3', true],
      'controls.commissions.rows': ['2', '2', true],
      'controls.commissions.gross': ['28749.50', '28749.50', true],
      'controls.deductions.rows': ['1', '1', true],
      'controls.deductions.total': ['200.00', '200.00', true],
      'controls.tickets': ['0', '0', true],
      'controls.ratings': ['0', '0', true],
      'controls.revenueFacts': ['0', '0', true],
      'controls.payTotal': ['96215.99', '96215.99', true],
    });
    expect(result.checks.find((c) => c.id === 'controls.commissions.gross')!.equation).toBe(
      'Σ commission rows = controls.commissions.gross (declared)',
    );
  });

  it('checks only what is declared; money controls may be numbers or carry trailing zeros', () => {
    const some = runPeriod(withControls({ commissions: { gross: 28749.5 }, payTotal: '96215.990' }));
    expect(some.checks.filter((c) => c.id.startsWith('controls.')).map((c) => [c.id, c.right])).toEqual([
      ['controls.commissions.gross', '28749.50'],
      ['controls.payTotal', '96215.99'],
    ]);
    expect(runPeriod(withControls({})).checks).toEqual(runPeriod(golden()).checks);
  });

  it('a negative gross (clawbacks beyond sales) is a valid control', () => {
    const scenario = golden();
    scenario.data!.commissions = [{ id: 'c2', person: 'li', amount: '-1250.50', date: '2026-06-02' }];
    expect(runPeriod(withControls({ commissions: { rows: 1, gross: '-1250.50' } }, scenario)).checks.at(-1)!.left).toBe(
      '-1250.50',
    );
  });
});

describe('each mismatch: RECONCILIATION_FAILED at the control’s path', () => {
  const cases: [string, unknown, (string | number)[], string][] = [
    [
      'headcount',
      { people: 4 },
      ['controls', 'people'],
      'declared 4 people, the scenario has 3 (1 fewer than declared)',
    ],
    [
      'commission rows',
      { commissions: { rows: 3 } },
      ['controls', 'commissions', 'rows'],
      'declared 3 commission rows, the scenario has 2 (1 fewer than declared)',
    ],
    // 30000.00 − 1250.50 = 28749.50; declared one fen more.
    [
      'gross, one fen',
      { commissions: { gross: '28749.51' } },
      ['controls', 'commissions', 'gross'],
      'declared 28749.51 CNY, the 2 commission rows sum to 28749.50 CNY (0.01 less than declared)',
    ],
    [
      'deduction rows',
      { deductions: { rows: 0 } },
      ['controls', 'deductions', 'rows'],
      'declared 0 deduction rows, the scenario has 1 (1 more than declared)',
    ],
    [
      'deductions total',
      { deductions: { total: '20.00' } },
      ['controls', 'deductions', 'total'],
      'declared 20.00 CNY, the 1 deduction row comes to 200.00 CNY (180.00 more than declared)',
    ],
    [
      'tickets',
      { tickets: 1 },
      ['controls', 'tickets'],
      'declared 1 ticket, the scenario has 0 (1 fewer than declared)',
    ],
    [
      'ratings',
      { ratings: 5 },
      ['controls', 'ratings'],
      'declared 5 ratings, the scenario has 0 (5 fewer than declared)',
    ],
    [
      'revenue facts',
      { revenueFacts: 1 },
      ['controls', 'revenueFacts'],
      'declared 1 revenue fact, the scenario has 0 (1 fewer than declared)',
    ],
    // Σ statements 96215.99 (hand-computed above); declared one fen less.
    [
      'pay total',
      { payTotal: '96215.98' },
      ['controls', 'payTotal'],
      'declared 96215.98 CNY, the 3 statements total 96215.99 CNY (0.01 more than declared)',
    ],
  ];
  it.each(cases)('%s', (_name, controls, path, message) => {
    const issues = issuesOf(() => runPeriod(withControls(controls)));
    expect(issues).toEqual([{ code: 'RECONCILIATION_FAILED', path, message }]);
  });

  it('the error carries the code, and the message names the control', () => {
    const error = expectError(() => runPeriod(withControls({ payTotal: '96215.98' })), 'RECONCILIATION_FAILED', [
      'controls',
      'payTotal',
    ]);
    expect(error.code).toBe('RECONCILIATION_FAILED');
    expect(error.message).toContain('controls.payTotal: declared 96215.98 CNY');
  });
});

describe('several mismatches', () => {
  it('a truncated export (c2 lost): every input control that disagrees is reported together', () => {
    const scenario = golden();
    scenario.data!.commissions = scenario.data!.commissions!.slice(0, 1); // c1 30000.00 only
    const issues = issuesOf(() => runPeriod(withControls(CONTROLS, scenario)));
    expect(issues).toEqual([
      {
        code: 'RECONCILIATION_FAILED',
        path: ['controls', 'commissions', 'rows'],
        message: 'declared 2 commission rows, the scenario has 1 (1 fewer than declared)',
      },
      // 30000.00 − 28749.50 = 1250.50
      {
        code: 'RECONCILIATION_FAILED',
        path: ['controls', 'commissions', 'gross'],
        message: 'declared 28749.50 CNY, the 1 commission row comes to 30000.00 CNY (1250.50 more than declared)',
      },
    ]);
  });

  it('headcount, rows and sums wrong at once: all of them, in controls order', () => {
    const issues = issuesOf(() =>
      runPeriod(
        withControls({
          ...CONTROLS,
          people: 2,
          commissions: { rows: 1, gross: '0' },
          deductions: { rows: 2, total: '0.01' },
          revenueFacts: 9,
        }),
      ),
    );
    expect(issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['RECONCILIATION_FAILED', 'controls.people'],
      ['RECONCILIATION_FAILED', 'controls.commissions.rows'],
      ['RECONCILIATION_FAILED', 'controls.commissions.gross'],
      ['RECONCILIATION_FAILED', 'controls.deductions.rows'],
      ['RECONCILIATION_FAILED', 'controls.deductions.total'],
      ['RECONCILIATION_FAILED', 'controls.revenueFacts'],
    ]);
  });

  it('a bad control value and a mismatch are reported together', () => {
    const issues = issuesOf(() => runPeriod(withControls({ people: 2, payTotal: '96215.999' })));
    expect(issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['RECONCILIATION_FAILED', 'controls.people'],
      ['INVALID_AMOUNT', 'controls.payTotal'],
    ]);
  });
});

describe('fail fast', () => {
  it('input controls are checked before the rows are validated and any mechanism runs', () => {
    // A ghost commission row would be UNKNOWN_REFERENCE; the declared row count refuses the import first.
    const scenario = golden();
    scenario.data!.commissions!.push({ id: 'c3', person: 'ghost', amount: '10.00', date: '2026-04-02' });
    expect(
      issuesOf(() => runPeriod(withControls({ commissions: { rows: 2 } }, scenario))).map((issue) =>
        issue.path.join('.'),
      ),
    ).toEqual(['controls.commissions.rows']);
    // Without the control, the row's own error.
    expectError(() => runPeriod(scenario), 'UNKNOWN_REFERENCE', ['data', 'commissions', 2, 'person']);
  });

  it('a sum over a row that is not valid money is left to the row’s own error', () => {
    const scenario = golden();
    scenario.data!.commissions![0]!.amount = '30000.001';
    const issues = issuesOf(() => runPeriod(withControls({ commissions: { rows: 2, gross: '28749.50' } }, scenario)));
    expect(issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['INVALID_AMOUNT', 'data.commissions.0.amount'],
    ]);
  });
});

describe('invalid control values: their ordinary codes', () => {
  const cases: [string, unknown, string, (string | number)[], string?][] = [
    ['a negative count', { tickets: -1 }, 'INVALID_INPUT', ['controls', 'tickets']],
    ['a fractional count', { deductions: { rows: 0.5 } }, 'INVALID_INPUT', ['controls', 'deductions', 'rows']],
    ['a count as text', { people: '3' }, 'INVALID_INPUT', ['controls', 'people']],
    ['a count beyond 2^53', { ratings: 2 ** 53 }, 'INVALID_INPUT', ['controls', 'ratings']],
    [
      'grouped money text',
      { commissions: { gross: '28,749.50' } },
      'INVALID_DECIMAL',
      ['controls', 'commissions', 'gross'],
    ],
    ['an exponent', { payTotal: '9.621599e4' }, 'INVALID_DECIMAL', ['controls', 'payTotal']],
    ['blank money', { payTotal: ' ' }, 'INVALID_DECIMAL', ['controls', 'payTotal']],
    [
      'more decimals than CNY',
      { commissions: { gross: '28749.505' } },
      'INVALID_AMOUNT',
      ['controls', 'commissions', 'gross'],
    ],
    ['JPY with decimals', { payTotal: '100.5' }, 'INVALID_AMOUNT', ['controls', 'payTotal'], 'JPY'],
    [
      'KWD with four decimals',
      { deductions: { total: '1.2345' } },
      'INVALID_AMOUNT',
      ['controls', 'deductions', 'total'],
      'KWD',
    ],
    [
      'a negative deductions total',
      { deductions: { total: '-200.00' } },
      'NEGATIVE_VALUE',
      ['controls', 'deductions', 'total'],
    ],
    ['an unknown control', { headcount: 3 }, 'INVALID_INPUT', ['controls']],
    ['an unknown key in a section', { commissions: { amount: '1.00' } }, 'INVALID_INPUT', ['controls', 'commissions']],
    ['controls as an array', [], 'INVALID_INPUT', ['controls']],
  ];
  it.each(cases)('%s', (_name, controls, code, path, currency) => {
    const scenario = golden();
    if (currency !== undefined) {
      scenario.plan.currency = currency;
      // Amounts valid in every currency: whole units.
      scenario.data!.commissions = [{ id: 'c1', person: 'li', amount: '30000', date: '2026-04-20' }];
    }
    expectError(() => runPeriod(withControls(controls, scenario)), code as 'INVALID_INPUT', path);
  });

  it('KWD takes three decimals, JPY none: 1.2 KWD and 200 JPY are valid controls', () => {
    for (const [currency, total] of [
      ['KWD', '200.0'],
      ['JPY', '200'],
    ] as const) {
      const scenario = golden();
      scenario.plan.currency = currency;
      scenario.data!.commissions = [];
      const check = runPeriod(withControls({ deductions: { total } }, scenario)).checks.at(-1)!;
      expect([check.left, check.right]).toEqual(currency === 'KWD' ? ['200.000', '200.000'] : ['200', '200']);
    }
  });
});

describe('controls in the what-if tools', () => {
  it('compareRuns checks a scenario’s controls on both runs, but payTotal only on the scenario’s own plan', () => {
    const scenario = withControls(CONTROLS);
    const proposedPlan = {
      ...scenario.plan,
      versions: [
        {
          ...scenario.plan.versions[0]!,
          grades: [
            { id: 'P3', basePay: '6000.00', targetBonus: '1500.00' },
            { id: 'P5', basePay: '8000.00', targetBonus: '2500.00' },
          ],
        },
      ],
    };
    const comparison = compareRuns({ scenario, proposedPlan });
    // P5 target 2000.00 → 2500.00 a month. wang: (7500.00 − 6000.00) × 1.05 = +1575.00;
    // zhao: 7500.00 × 46/91 = 3791.2087… → 3791.21, × 1.05 = 3980.7705 → 3980.77, − 3184.62 = +796.15.
    // Σ +2371.15, although the declared payTotal (96215.99) is the current plan's.
    expect(comparison.totals.find((t) => t.name === 'statements')!.delta).toBe('2371.15');
    // A data control that fails, fails for the scenario (base) run, at the scenario's path.
    expectError(() => compareRuns({ scenario: withControls({ people: 4 }), proposedPlan }), 'RECONCILIATION_FAILED', [
      'scenario',
      'controls',
      'people',
    ]);
    expectError(
      () => compareRuns({ scenario: withControls({ payTotal: '1.00' }), proposedPlan }),
      'RECONCILIATION_FAILED',
      ['scenario', 'controls', 'payTotal'],
    );
  });

  it('correctPeriod checks the corrected scenario’s controls: a pay total copied from the paid run is refused', () => {
    const paid = withControls(CONTROLS);
    const corrected = withControls({ ...CONTROLS, deductions: { rows: 0, total: '0' } });
    delete (corrected as { data?: { deductions?: unknown } }).data!.deductions;
    // Without the 200.00 deduction the re-run totals 96415.99, not the paid 96215.99.
    expectError(() => correctPeriod({ paid: { scenario: paid }, corrected }), 'RECONCILIATION_FAILED', [
      'corrected',
      'controls',
      'payTotal',
    ]);
    const fixed = correctPeriod({
      paid: { scenario: paid },
      corrected: { ...corrected, controls: { ...corrected.controls, payTotal: '96415.99' } },
    });
    expect(fixed.totals.rerun).toBe('96415.99');
  });
});

describe('the scenario schema', () => {
  it('runPeriodInputSchema takes controls; the JSON Schema of scenario files describes them, strictly', () => {
    // The public schema is typed structurally (no zod types in the declarations); it is the zod object.
    const runPeriodSchema = schemas.runPeriod as unknown as typeof runPeriodInputSchema;
    expect(runPeriodSchema.shape.controls._zod.def.innerType).toBe(controlsSchema);
    type Json = {
      type?: string;
      properties?: Record<string, Json>;
      additionalProperties?: boolean;
      minimum?: number;
      anyOf?: Json[];
      pattern?: string;
    };
    const controls = (scenarioJsonSchema() as Json).properties!.controls!;
    expect(controls.type).toBe('object');
    expect(controls.additionalProperties).toBe(false);
    expect(Object.keys(controls.properties!)).toEqual([
      'people',
      'commissions',
      'sales',
      'deductions',
      'tickets',
      'ratings',
      'revenueFacts',
      'payTotal',
    ]);
    expect(Object.keys(controls.properties!.sales!.properties!)).toEqual(['rows', 'total', 'byCurrency']);
    expect(controls.properties!.sales!.additionalProperties).toBe(false);
    expect(controls.properties!.people).toMatchObject({ type: 'integer', minimum: 0 });
    expect(controls.properties!.commissions!.additionalProperties).toBe(false);
    expect(controls.properties!.commissions!.properties!.rows).toMatchObject({ type: 'integer', minimum: 0 });
    // Money: the decimal pattern put back by the generator (a plain decimal string, or a number).
    const pattern = new RegExp(controls.properties!.payTotal!.anyOf![0]!.pattern!);
    expect(['96215.99', '-1250.50'].every((text) => pattern.test(text))).toBe(true);
    expect(['9.6e4', '96,215.99', ' 1'].some((text) => pattern.test(text))).toBe(false);
    expect(controls.properties!.deductions!.properties!.total!.anyOf![1]).toMatchObject({ type: 'number', minimum: 0 });
  });
});

/**
 * Draws and guarantees in the period run (issue 19 §5): `data.draws`, `data.drawBalances` and
 * `plan.draws`; statement lines; balances that chain from period to period; the shipped example
 * `examples/scenarios/draws.json` run by the CLI with every check holding.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPeriod, type RunPeriodInput, type RunPeriodResult } from '../../src/index.js';
import { cli } from '../cli/run.js';
import { expectError, runs } from '../helpers.js';

const EXAMPLE = 'examples/scenarios/draws.json';
const example = (): RunPeriodInput => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as RunPeriodInput;
const fen = (text: string): bigint => BigInt(text.replace('.', ''));
const settlement = (result: RunPeriodResult, person: string) => result.draws!.people.find((p) => p.id === person)!;

describe('examples/scenarios/draws.json (March 2026, recovery share 0.5, cap 3,000.00)', () => {
  const result = runPeriod(example());

  it('li, ramping, earns 1,800.00 against a 5,000.00 draw: advanced 3,200.00, owed back', () => {
    expect(settlement(result, 'li')).toMatchObject({ advanced: '3200.00', closingBalance: '3200.00', paid: '5000.00' });
    const li = result.statements.find((s) => s.person === 'li')!;
    expect(li.lines.find((l) => l.kind === 'drawAdvance')!.amount).toBe('3200.00');
    expect(li.total).toBe('9000.00'); // 4,000.00 base + 1,800.00 + 3,200.00
  });

  it('wu earns 11,500.00: half the 6,500.00 above the draw is 3,250.00, capped at 3,000.00; 1,200.00 still owed', () => {
    expect(settlement(result, 'wu')).toMatchObject({
      recovered: '3000.00',
      openingBalance: '4200.00',
      closingBalance: '1200.00',
    });
    expect(result.statements.find((s) => s.person === 'wu')!.lines.find((l) => l.kind === 'drawRecovery')!.amount).toBe(
      '-3000.00',
    );
  });

  it('zhou’s guarantee of 3,000.00 tops 2,100.00 up by 900.00, never owed back', () => {
    expect(settlement(result, 'zhou')).toMatchObject({ toppedUp: '900.00', closingBalance: '0.00', paid: '3000.00' });
  });

  it('he leaves on 20 March: 300.00 recovered from the excess, the remaining 1,200.00 from his final pay', () => {
    expect(settlement(result, 'he')).toMatchObject({ recovered: '1500.00', closingBalance: '0.00' });
    const he = result.statements.find((s) => s.person === 'he')!;
    expect(he.lines.find((l) => l.kind === 'drawRecovery')!.trace.map((s) => s.rule)).toContain('draws.leaving');
  });

  it('totals and checks: the balances carry forward and the statements reconcile', () => {
    expect(result.draws!.totals).toMatchObject({
      openingBalance: '5700.00',
      closingBalance: '4400.00',
      writtenOff: '0.00',
    });
    for (const id of ['statementTotals', 'drawBalances', 'drawLines'])
      expect(result.checks.find((c) => c.id === id)?.holds, id).toBe(true);
  });

  it('synergy-pay run runs it with every check holding', () => {
    const { code, out } = cli('run', EXAMPLE);
    expect(code).toBe(0);
    const [, holding, all] = /Checks: (\d+)\/(\d+) hold/.exec(out) ?? [];
    expect(holding).toBe(all);
  });

  it('a run without draw data has draws: null', () => {
    const { draws: _d, drawBalances: _b, ...data } = example().data!;
    expect(runPeriod({ ...example(), data }).draws).toBeNull();
  });
});

/** Month `m` (0-based from January 2026) of the field-sales plan, opening with `balances`. */
function month(
  m: number,
  commissions: { person: string; amount: string }[],
  balances: { person: string; balance: string }[],
): RunPeriodInput {
  const scenario = example();
  const start = `2026-${String(m + 1).padStart(2, '0')}-01`;
  return {
    ...scenario,
    plan: { ...scenario.plan, draws: { recoveryShare: '0.5' } },
    period: { unit: 'month', start },
    org: { ...scenario.org, people: scenario.org.people.filter((p) => p.id !== 'he') },
    data: {
      commissions: commissions.map((row, i) => ({ id: `c${m}-${i}`, ...row, date: start })),
      draws: [
        { person: 'li', kind: 'recoverable', monthlyAmount: '5000.00' },
        { person: 'wu', kind: 'recoverable', monthlyAmount: '5000.00' },
      ],
      drawBalances: balances,
    },
  };
}

/** The next period's opening balances: this one's closing balances. */
const carried = (result: RunPeriodResult) =>
  result
    .draws!.people.filter((p) => fen(p.closingBalance) > 0n)
    .map((p) => ({ person: p.id, balance: p.closingBalance }));

describe('periods chain: closing balances open the next period', () => {
  it('three months: li ramps up, repays, and ends owing nothing', () => {
    const amounts = [
      [{ person: 'li', amount: '1000.00' }],
      [{ person: 'li', amount: '8000.00' }],
      [{ person: 'li', amount: '12000.00' }],
    ];
    let balances: { person: string; balance: string }[] = [];
    const closing: string[] = [];
    for (const [m, rows] of amounts.entries()) {
      const result = runPeriod(month(m, rows, balances));
      closing.push(settlement(result, 'li').closingBalance);
      balances = carried(result);
    }
    // Jan: 5,000 − 1,000 = 4,000 advanced; Feb: ½ × 3,000 = 1,500 recovered → 2,500; Mar: ½ × 7,000 = 3,500 ≥ 2,500 → 0
    expect(closing).toEqual(['4000.00', '2500.00', '0.00']);
  });

  it('property: over chained months, Σ paid = Σ earned + closing balance − opening balance, to the fen', () => {
    const monthArb = fc.array(
      fc.record({ person: fc.constantFrom('li', 'wu', 'zhou'), fen: fc.integer({ min: 0, max: 2_000_000 }) }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        fc.array(monthArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (months, opening) => {
          const first = [{ person: 'wu', balance: (opening / 100).toFixed(2) }];
          let balances = first;
          let paid = 0n;
          let earned = 0n;
          let last: RunPeriodResult | undefined;
          for (const [m, rows] of months.entries()) {
            const commissions = rows.map((row) => ({ person: row.person, amount: (row.fen / 100).toFixed(2) }));
            last = runPeriod(month(m, commissions, balances));
            for (const p of last.draws!.people) {
              paid += fen(p.paid);
              earned += fen(p.earned);
            }
            balances = carried(last);
          }
          expect(paid).toBe(earned + fen(last!.draws!.totals.closingBalance) - BigInt(opening));
        },
      ),
      { numRuns: runs(40) },
    );
  });
});

describe('draws: bad input', () => {
  it('a negative monthly draw → NEGATIVE_VALUE at its path', () => {
    const scenario = example();
    scenario.data!.draws![0]!.monthlyAmount = '-1.00';
    expectError(() => runPeriod(scenario), 'NEGATIVE_VALUE', ['data', 'draws', 0, 'monthlyAmount']);
  });
  it('a draw for an unknown person → UNKNOWN_REFERENCE', () => {
    const scenario = example();
    scenario.data!.draws![1]!.person = 'nobody';
    expectError(() => runPeriod(scenario), 'UNKNOWN_REFERENCE', ['data', 'draws', 1, 'person']);
  });
  it('two balances for one person → DUPLICATE_ID at the second', () => {
    const scenario = example();
    scenario.data!.drawBalances!.push({ person: 'wu', balance: '1.00' });
    expectError(() => runPeriod(scenario), 'DUPLICATE_ID', ['data', 'drawBalances', 2, 'person']);
  });
  it('a recovery share above 1 → OUT_OF_RANGE at plan.draws', () => {
    const scenario = example();
    scenario.plan.draws = { recoveryShare: '2' };
    expectError(() => runPeriod(scenario), 'OUT_OF_RANGE', ['plan', 'draws', 'recoveryShare']);
  });
});

describe('draws in words', () => {
  it('every input of the draw lines’ traces has words, and the summary has a draws line', async () => {
    const { traceInputWords } = await import('../../src/index.js');
    const result = runPeriod(example());
    const steps = result.statements.flatMap((s) =>
      s.lines.filter((l) => l.kind.startsWith('draw') || l.kind === 'guaranteeTopUp').flatMap((l) => l.trace),
    );
    expect(steps.length).toBeGreaterThan(4);
    for (const step of steps)
      for (const input of Object.keys(step.inputs))
        expect(traceInputWords(step.rule, input), `${step.rule} ${input}`).not.toBeNull();
    expect(cli('run', EXAMPLE).out).toContain(
      'draws (4 people): owed at the start CN¥5,700.00, advanced CN¥3,200.00, recovered CN¥4,500.00, written off CN¥0.00, owed at the end CN¥4,400.00; guarantees topped up CN¥900.00',
    );
  });
});

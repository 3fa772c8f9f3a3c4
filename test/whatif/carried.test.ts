/**
 * Issue 19 §8 for draws, holds and currencies in the what-if tools and the CLI: comparing two runs
 * shows what the period carries into the next one — draw balances, commissions held and released,
 * Σ converted per list and currency — per person and in the totals; a correction says which
 * carried figures it changes (the next period started from the paid ones); `run` and `explain`
 * print them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRuns, correctPeriod, runPeriod, type RunPeriodInput } from '../../src/index.js';
import { cli } from '../cli/run.js';

const load = (name: string): RunPeriodInput =>
  JSON.parse(readFileSync(`examples/scenarios/${name}.json`, 'utf8')) as RunPeriodInput;
/** A result as a file would give it back (the saved-result path of the what-if tools). */
const saved = (input: RunPeriodInput) => JSON.parse(JSON.stringify(runPeriod(input))) as ReturnType<typeof runPeriod>;
const totalsOf = (comparison: ReturnType<typeof compareRuns>, prefix: string) =>
  comparison.totals.filter((t) => t.name.startsWith(prefix)).map((t) => [t.name, t.base, t.proposed]);

describe('compareRuns: draws, holds and conversions', () => {
  it('draws: a lower recovery cap leaves wu owing 3,200.00 instead of 1,200.00, in the person’s fields and the totals', () => {
    const scenario = load('draws');
    const plan = structuredClone(scenario.plan);
    plan.draws!.maxRecovery = '1000.00';
    const comparison = compareRuns({ scenario, proposedPlan: plan });
    const wu = comparison.people.find((p) => p.person === 'wu')!;
    expect(wu.fields).toEqual([{ field: 'drawBalance', base: '1200.00', proposed: '3200.00' }]);
    expect(wu.lines.map((l) => [l.kind, l.base, l.proposed])).toEqual([['drawRecovery', '-3000.00', '-1000.00']]);
    expect(totalsOf(comparison, 'draws.').filter(([, base, proposed]) => base !== proposed)).toEqual([
      ['draws.recovered', '4500.00', '2500.00'],
      ['draws.closingBalance', '4400.00', '6400.00'],
    ]);
  });

  it('holds: f1 not yet collected stays held: released 1,200.00 → 0, held at the end 4,200.00 → 5,400.00', () => {
    const base = load('holds');
    const proposed = load('holds');
    proposed.data!.heldCommissions![0]!.collected = null;
    const comparison = compareRuns({ base: saved(base), proposed: saved(proposed) });
    const wu = comparison.people.find((p) => p.person === 'wu')!;
    expect(wu.fields).toEqual([{ field: 'held', base: '1500.00', proposed: '2700.00' }]);
    expect(totalsOf(comparison, 'holds.')).toEqual([
      ['holds.opening', '1900.00', '1900.00'],
      ['holds.newlyHeld', '3500.00', '3500.00'],
      ['holds.released', '1200.00', '0.00'],
      ['holds.closing', '4200.00', '5400.00'],
    ]);
  });

  it('conversions: a USD rate of 7.3000 from 16 March moves Σ converted per list, and the conversion steps name the change', () => {
    const base = load('multi-currency');
    const proposed = load('multi-currency');
    proposed.data!.exchangeRates![1]!.rate = '7.3000';
    const comparison = compareRuns({ base: runPeriod(base), proposed: runPeriod(proposed) });
    // c3 USD 800.00 × 7.3 = 5,840.00 (was 5,760.00); w3 USD 1,234.56 × 7.3 = 9,012.288 → 9,012.29 (was 8,888.83)
    expect(totalsOf(comparison, 'conversions.')).toEqual([
      ['conversions.commissions.HKD', '13699.50', '13699.50'],
      ['conversions.commissions.USD', '14525.45', '14605.45'],
      ['conversions.sales.HKD', '18266.00', '18266.00'],
      ['conversions.sales.USD', '30188.83', '30312.29'],
    ]);
    const rules = (person: string) => comparison.people.find((p) => p.person === person)!.lines[0]!.rulesChanged;
    expect(rules('lin').find((r) => r.rule === 'statement.conversion')).toMatchObject({
      base: { inputs: { amount: '800.00 USD', rate: '7.2000' }, result: '5760.00' },
      proposed: { inputs: { amount: '800.00 USD', rate: '7.3000' }, result: '5840.00' },
    });
    expect(rules('wu').find((r) => r.rule === 'statement.salesConversion')).toMatchObject({
      base: { result: '8888.83' },
      proposed: { result: '9012.29' },
    });
  });

  it('the same run twice is identical, carried figures included', () => {
    for (const name of ['draws', 'holds', 'multi-currency']) {
      const comparison = compareRuns({ base: saved(load(name)), proposed: runPeriod(load(name)) });
      expect(comparison.identical, name).toBe(true);
    }
  });

  it('a carried figure that is not money is refused at its path, like a total', () => {
    const result = saved(load('draws')) as unknown as { draws: { people: { closingBalance: string }[] } };
    result.draws.people[1]!.closingBalance = '1200.001';
    let caught: unknown;
    try {
      compareRuns({ base: result as never, proposed: runPeriod(load('draws')) });
    } catch (error) {
      caught = error;
    }
    expect((caught as { issues: { code: string; path: unknown[] }[] }).issues[0]).toMatchObject({
      code: 'INVALID_AMOUNT',
      path: ['base', 'draws', 'people', 1, 'closingBalance'],
    });
  });
});

describe('correctPeriod: what the correction carries into the next period', () => {
  it('wu’s 2,500.00 sale refunded: the recovery falls to 2,000.00 and wu owes 2,200.00 at the end, not 1,200.00', () => {
    const paid = load('draws');
    const corrected = load('draws');
    corrected.data!.commissions = corrected.data!.commissions!.filter((row) => row.id !== 'c-wu-2');
    const correction = correctPeriod({ paid: { scenario: paid }, corrected });
    expect(correction.people.map((p) => [p.person, p.net])).toEqual([['wu', '-1500.00']]);
    expect(correction.carried).toEqual([{ person: 'wu', field: 'drawBalance', paid: '1200.00', rerun: '2200.00' }]);
    expect(correction.rerun.draws!.people.find((p) => p.id === 'wu')!.closingBalance).toBe('2200.00');
  });

  it('a payment that arrived in the period after all: released now, no longer carried', () => {
    const paid = load('holds');
    const corrected = load('holds');
    corrected.data!.commissions![1]!.collected = '2026-03-28';
    const correction = correctPeriod({ paid: { scenario: paid, result: runPeriod(paid) }, corrected });
    expect(correction.people.map((p) => [p.person, p.net])).toEqual([['li', '2000.00']]);
    expect(correction.carried).toEqual([{ person: 'li', field: 'held', paid: '2700.00', rerun: '700.00' }]);
  });

  it('synergy-pay correct lists the carried changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-carried-'));
    const paid = join(dir, 'paid.json');
    const corrected = join(dir, 'corrected.json');
    writeFileSync(paid, JSON.stringify(load('draws')));
    const late = load('draws');
    late.data!.commissions = late.data!.commissions!.filter((row) => row.id !== 'c-wu-2');
    writeFileSync(corrected, JSON.stringify(late));
    const { code, out } = cli('correct', paid, corrected);
    expect(code).toBe(0);
    expect(out).toContain(
      "Carried into the next period (1): take the next period's data.drawBalances and data.heldCommissions from the re-run",
    );
    expect(out).toMatch(/wu\s+draw balance owed at the end: CN¥1,200\.00 → CN¥2,200\.00/);
  });
});

describe('the CLI: run and explain show what carries over', () => {
  it('run prints a holds line; explain shows a person’s balance and held commissions', () => {
    const holds = 'examples/scenarios/holds.json';
    expect(cli('run', holds).out).toContain(
      'holds (3 rows held at the end): held at the start CN¥1,900.00, newly held CN¥3,500.00, released CN¥1,200.00, held at the end CN¥4,200.00',
    );
    const wu = cli('explain', holds, 'wu').out;
    expect(wu).toContain('Carried into the next period');
    expect(wu).toContain('held until the customer pays: c3 CN¥1,500.00 (earned 2026-03-12, plan version v1)');
    expect(cli('explain', 'examples/scenarios/draws.json', 'wu').out).toContain(
      'draw balance owed back: CN¥4,200.00 at the start → CN¥1,200.00 at the end',
    );
    expect(cli('explain', 'examples/scenarios/multi-currency.json', 'wu').out).not.toContain('Carried');
  });
});

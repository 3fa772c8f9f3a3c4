/**
 * Holds and releases (issue 19 §6): under `plan.holdUntilCollected` a commission row whose
 * customer has not paid by the period's end is held — not paid, listed in `result.holds.held` —
 * and released (paid as earned) in the period the payment arrives (`data.heldCommissions`, the
 * previous period's `held` with `collected` filled in). Released + still held = Σ held ever.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPeriod, type HeldCommission, type RunPeriodInput } from '../../src/index.js';
import { cli } from '../cli/run.js';
import { expectError, runs } from '../helpers.js';

const EXAMPLE = 'examples/scenarios/holds.json';
const example = (): RunPeriodInput => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as RunPeriodInput;
const fen = (text: string): bigint => BigInt(text.replace('.', ''));

describe('examples/scenarios/holds.json (March 2026)', () => {
  const result = runPeriod(example());

  it('pays only what was collected by 31 March; releases February’s f1, collected on 8 March', () => {
    expect(result.statements.map((s) => [s.person, s.total])).toEqual([
      ['li', '8000.00'], // 5,000.00 base + c1 3,000.00 (c2 unpaid: held)
      ['wu', '7000.00'], // 5,000.00 base + c4 800.00 (not tracked) + f1 1,200.00 released (c3 paid in April: held)
    ]);
    expect(result.holds!.held.map((h) => [h.id, h.amount])).toEqual([
      ['c2', '2000.00'],
      ['c3', '1500.00'],
      ['f2', '700.00'],
    ]);
    expect(result.holds!.released.map((h) => [h.id, h.collected])).toEqual([['f1', '2026-03-08']]);
    expect(result.holds!.totals).toEqual({
      opening: '1900.00',
      newlyHeld: '3500.00',
      released: '1200.00',
      closing: '4200.00',
    });
    const wu = result.statements.find((s) => s.person === 'wu')!;
    expect(wu.lines.find((l) => l.kind === 'commission')!.trace[0]).toMatchObject({
      rule: 'statement.releasedHold',
      inputs: { collected: '2026-03-08', earned: '2026-02-11', id: 'f1', version: 'v1' },
      result: '1200.00',
    });
  });

  it('synergy-pay run: every check holds, the holds check among them', () => {
    const { code, out } = cli('run', EXAMPLE);
    expect(code).toBe(0);
    const [, holding, all] = /Checks: (\d+)\/(\d+) hold/.exec(out) ?? [];
    expect(holding).toBe(all);
    expect(result.checks.find((c) => c.id === 'holds')).toMatchObject({
      left: '4200.00',
      right: '4200.00',
      holds: true,
    });
  });

  it('without holdUntilCollected the rows are paid now and there are no holds', () => {
    const scenario = example();
    scenario.plan.holdUntilCollected = false;
    delete scenario.data!.heldCommissions;
    const run = runPeriod(scenario);
    expect(run.holds).toBeNull();
    expect(run.totals.grossCommission).toBe('7300.00');
  });
});

/** Month `m` (from January 2026) with the given rows and the holds carried in. */
function month(
  m: number,
  rows: { person: string; fen: number; paidIn: number | null }[],
  carried: HeldCommission[],
  payday: (id: string) => number | null,
): RunPeriodInput {
  const scenario = example();
  const start = `2026-${String(m + 1).padStart(2, '0')}-01`;
  const date = (k: number) => `2026-${String(k + 1).padStart(2, '0')}-15`;
  return {
    ...scenario,
    period: { unit: 'month', start },
    data: {
      commissions: rows.map((row, i) => ({
        id: `m${m}-${i}`,
        person: row.person,
        amount: (row.fen / 100).toFixed(2),
        date: `${start.slice(0, 8)}10`,
        collected: row.paidIn === null ? null : date(m + row.paidIn),
      })),
      heldCommissions: carried.map((h) => {
        const paid = payday(h.id);
        return { ...h, collected: paid === null || paid > m ? null : date(paid) };
      }),
    },
  };
}

describe('holds chain from period to period', () => {
  it('property: over chained months, Σ released + still held = Σ held ever, to the fen', () => {
    const rowArb = fc.record({
      person: fc.constantFrom('li', 'wu'),
      fen: fc.integer({ min: 1, max: 5_000_000 }),
      paidIn: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(rowArb, { maxLength: 5 }), { minLength: 1, maxLength: 4 }), (months) => {
        const paidMonth = new Map<string, number | null>();
        months.forEach((rows, m) => {
          rows.forEach((row, i) => {
            paidMonth.set(`m${m}-${i}`, row.paidIn === null ? null : m + row.paidIn);
          });
        });
        let carried: HeldCommission[] = [];
        let heldEver = 0n;
        let released = 0n;
        for (const [m, rows] of months.entries()) {
          const result = runPeriod(month(m, rows, carried, (id) => paidMonth.get(id) ?? null));
          heldEver += fen(result.holds!.totals.newlyHeld);
          released += fen(result.holds!.totals.released);
          carried = result.holds!.held;
          expect(result.checks.every((c) => c.holds)).toBe(true);
        }
        const stillHeld = carried.reduce((sum, h) => sum + fen(h.amount), 0n);
        expect(released + stillHeld).toBe(heldEver);
      }),
      { numRuns: runs(60) },
    );
  });
});

describe('holds: bad input', () => {
  it('a held commission collected before the period was released already → HOLD_ALREADY_RELEASED at its date', () => {
    const scenario = example();
    scenario.data!.heldCommissions![0]!.collected = '2026-02-27';
    expectError(() => runPeriod(scenario), 'HOLD_ALREADY_RELEASED', ['data', 'heldCommissions', 0, 'collected']);
  });
  it('a held commission that is also a commission row of the period → HOLD_ALREADY_RELEASED at its id', () => {
    const scenario = example();
    scenario.data!.heldCommissions![0]!.id = 'c1';
    expectError(() => runPeriod(scenario), 'HOLD_ALREADY_RELEASED', ['data', 'heldCommissions', 0, 'id']);
  });
  it('two held commissions with one id → DUPLICATE_ID; an unknown person → UNKNOWN_REFERENCE', () => {
    const twice = example();
    twice.data!.heldCommissions![1]!.id = 'f1';
    expectError(() => runPeriod(twice), 'DUPLICATE_ID', ['data', 'heldCommissions', 1, 'id']);
    const nobody = example();
    nobody.data!.heldCommissions![0]!.person = 'nobody';
    expectError(() => runPeriod(nobody), 'UNKNOWN_REFERENCE', ['data', 'heldCommissions', 0, 'person']);
  });
});

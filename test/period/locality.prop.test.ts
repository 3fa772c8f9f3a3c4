/**
 * Corrections that stay local (issue 17 §4, at the level of the period run): with each
 * contributor's pool contribution rounded on its own (`contributionRounding: "perPerson"`, the
 * default), correcting any k commission rows changes the commission lines of those rows' owners
 * only — nobody else's commission line moves by a fen (pool award lines may change: the pool did).
 * The carve-level property and the 3,000-contributor example are in test/pool.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPeriod, type RunPeriodInput, type RunPeriodResult } from '../../src/index.js';
import { wholeScenarioArb } from '../arbitraries/scenario.js';
import { runs } from '../helpers.js';

/** `amount` × m, exactly, in the same decimal places (m ≥ 0). */
function times(amount: string | number, m: number): string {
  const text = String(amount);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const scaled = BigInt(whole + fraction) * BigInt(m);
  const digits = scaled.toString().padStart(fraction.length + 1, '0');
  const body =
    fraction.length === 0 ? digits : `${digits.slice(0, -fraction.length)}.${digits.slice(-fraction.length)}`;
  return negative && scaled !== 0n ? `-${body}` : body;
}

/** Each person's commission lines (with their traces), by person. */
const commissionLines = (result: RunPeriodResult) =>
  new Map(result.statements.map((s) => [s.person, s.lines.filter((line) => line.kind === 'commission')]));

describe('correcting k commission rows changes only their owners’ commission lines', () => {
  it('property: over whole scenarios with a pool, any k rows scaled by 0, 2 or 3', () => {
    const arb = wholeScenarioArb({ sections: { pool: true }, maxPeople: 10, maxRows: 30 }).chain((scenario) => {
      const rows = scenario.data?.commissions ?? [];
      return fc.record({
        scenario: fc.constant(scenario),
        changes: fc.uniqueArray(
          fc.record({ row: fc.nat({ max: Math.max(0, rows.length - 1) }), m: fc.constantFrom(0, 2, 3) }),
          {
            selector: (change) => change.row,
            minLength: rows.length === 0 ? 0 : 1,
            maxLength: Math.min(rows.length, 5),
          },
        ),
      });
    });
    fc.assert(
      fc.property(arb, ({ scenario, changes }) => {
        const { controls: _controls, ...rest } = scenario;
        const paid: RunPeriodInput = { ...(rest as RunPeriodInput), trace: true };
        const rows = paid.data?.commissions ?? [];
        const corrected: RunPeriodInput = {
          ...paid,
          data: {
            ...paid.data,
            commissions: rows.map((row, i) => {
              const change = changes.find((c) => c.row === i);
              return change === undefined ? row : { ...row, amount: times(row.amount, change.m) };
            }),
          },
        };
        const owners = new Set(changes.map((change) => rows[change.row]!.person));
        const before = commissionLines(runPeriod(paid));
        const after = commissionLines(runPeriod(corrected));
        for (const [person, lines] of before) if (!owners.has(person)) expect(after.get(person), person).toEqual(lines);
      }),
      { numRuns: runs(150) },
    );
  });
});

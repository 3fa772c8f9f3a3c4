import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPeriod } from '../../src/index.js';
import { orderFreeLedger, runs } from '../helpers.js';
import { DIGITS, minorOf, permuteArrays, scenarioArbitrary } from './arbitraries.js';

describe('runPeriod properties', () => {
  it('permuting every input array gives byte-identical JSON output', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat(), (scenario, seed) => {
        // The ledger's paths follow the input order (the only part of the result that does).
        const first = JSON.stringify(orderFreeLedger(runPeriod(scenario)));
        expect(JSON.stringify(orderFreeLedger(runPeriod(permuteArrays(scenario, seed))))).toBe(first);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('Σ statement totals = Σ base + Σ bonuses + Σ net commissions + pool − unallocated − Σ deductions, from the inputs', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const result = runPeriod(scenario);
        const digits = DIGITS[scenario.plan.currency]!;
        const m = (amount: string) => minorOf(amount, digits);
        let statements = 0n;
        let base = 0n;
        let bonus = 0n;
        let net = 0n;
        let awards = 0n;
        let interlockRewards = 0n;
        let interlockDeductions = 0n;
        for (const statement of result.statements) {
          let lines = 0n;
          for (const line of statement.lines) {
            lines += m(line.amount);
            if (line.kind === 'basePay') base += m(line.amount);
            if (line.kind === 'performanceBonus') bonus += m(line.amount);
            if (line.kind === 'commission') net += m(line.amount);
            if (line.kind === 'poolAward') awards += m(line.amount);
            if (line.kind === 'interlockReward') interlockRewards += m(line.amount);
            if (line.kind === 'interlockDeduction') interlockDeductions -= m(line.amount);
          }
          // Every statement total is exactly the sum of its printed lines.
          expect(m(statement.total)).toBe(lines);
          statements += lines;
        }
        // Gross commissions and deductions are taken from the input, not from the result.
        const gross = (scenario.data?.commissions ?? []).reduce((sum, row) => sum + m(String(row.amount)), 0n);
        const deductions = (scenario.data?.deductions ?? []).reduce((sum, row) => sum + m(String(row.amount)), 0n);
        const pool = m(result.totals.pool);
        const unallocated = m(result.totals.unallocated);
        expect(net + pool).toBe(gross);
        expect(awards + unallocated).toBe(pool);
        // Bonuses: performance bonuses and interlock rewards; deductions: rows and interlock deductions.
        expect(statements).toBe(
          base + bonus + interlockRewards + net + pool - unallocated - deductions - interlockDeductions,
        );
        expect(m(result.totals.statements)).toBe(statements);
        expect(result.statements.length).toBe(scenario.org.people.length);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('base pay lines match an independent oracle: round(monthly × 3 × days / 91) per segment', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const result = runPeriod(scenario);
        const digits = DIGITS[scenario.plan.currency]!;
        const halfEven = scenario.plan.rounding?.mode === 'halfEven';
        const round = (numerator: bigint, denominator: bigint) => {
          const q = numerator / denominator;
          const twice = (numerator % denominator) * 2n;
          return twice > denominator || (twice === denominator && (!halfEven || q % 2n === 1n)) ? q + 1n : q;
        };
        const day = (iso: string) => Date.parse(iso) / 86_400_000;
        for (const statement of result.statements) {
          const person = scenario.org.people.find((p) => p.id === statement.person)!;
          for (const line of statement.lines.filter((l) => l.kind === 'basePay')) {
            const segment = result.segments.find((s) => s.version === line.version)!;
            const version = scenario.plan.versions.find((v) => v.id === line.version)!;
            const monthly = minorOf(
              String(person.basePay ?? version.grades.find((g) => g.id === person.grade)!.basePay),
              digits,
            );
            const from = Math.max(day(person.start ?? segment.start), day(segment.start));
            const to = Math.min(day(person.end ?? segment.end), day(segment.end));
            const days = BigInt(Math.max(0, to - from + 1));
            expect(minorOf(line.amount, digits)).toBe(round(monthly * 3n * days, 91n));
          }
        }
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('runPeriod without traces', () => {
  it('gives the same figures with trace: false, only without the steps', () => {
    const strip = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(strip)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([key]) => key !== 'trace' && key !== 'uses') // the ledger lists used rows with trace only
                .map(([key, item]) => [key, strip(item)]),
            )
          : value;
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const quiet = runPeriod({ ...scenario, trace: false });
        for (const statement of quiet.statements) for (const line of statement.lines) expect(line.trace).toEqual([]);
        expect(strip(quiet)).toEqual(strip(runPeriod(scenario)));
      }),
      { numRuns: runs(300) },
    );
  });
});

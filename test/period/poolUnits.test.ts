/**
 * The period pool in two levels (`pool.units: "department"`, SPEC §3.5; issue 20 §2 "two-level
 * pools included"): the pool split first among the recipients' departments by the department's
 * support score × headcount, then each department's part among its people by weight.
 */
import { describe, expect, it } from 'vitest';
import { demoScenario, runPeriod, runPeriodSharded, type RunPeriodInput } from '../../src/index.js';
import { expectError } from '../helpers.js';

/** The 300-person demo with a two-level pool and a support score for each back-office department. */
function twoLevels(): RunPeriodInput {
  const input = demoScenario({ people: 300, seed: 5 });
  for (const version of input.plan.versions) if (version.pool !== undefined) version.pool.units = 'department';
  input.org.departments.forEach((department, i) => {
    if (department.side === 'back') input.data!.supportScores!.push({ subject: department.id, score: 70 + 5 * i });
  });
  return input;
}

const fen = (amount: string) => BigInt(amount.replace('.', ''));

describe('plan pool in two levels', () => {
  const input = twoLevels();
  const result = runPeriod(input);
  const departmentOf = new Map(input.org.people.map((person) => [person.id, person.department]));

  it('splits the pool among the departments by score × headcount, each part within one fen of its exact share', () => {
    for (const pool of result.pools) {
      const units = pool.units!;
      expect(units.length).toBeGreaterThan(1);
      const weights = units.map((unit) => Number(unit.weight));
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      units.forEach((unit, u) => {
        expect(Number(unit.weight)).toBeCloseTo(Number(unit.score) * unit.headcount, 6);
        const exact = (Number(fen(pool.pool)) * weights[u]!) / total;
        expect(Math.abs(Number(fen(unit.amount)) - exact)).toBeLessThan(1);
      });
      expect(units.reduce((sum, unit) => sum + fen(unit.amount), 0n)).toBe(fen(pool.pool));
    }
  });

  it('gives each department’s part to its own people: Σ their awards = the part, as the unit row says', () => {
    for (const pool of result.pools) {
      const paid = new Map<string, bigint>();
      for (const statement of result.statements)
        for (const line of statement.lines)
          if (line.kind === 'poolAward' && line.version === pool.version) {
            const department = departmentOf.get(statement.person)!;
            paid.set(department, (paid.get(department) ?? 0n) + fen(line.amount));
            // The award's step names its department's part, not the whole pool.
            const step = line.trace.find((s) => s.rule === 'pool.award')!;
            expect(step.inputs.amount).toBe(pool.units!.find((unit) => unit.id === department)!.amount);
          }
      for (const unit of pool.units!) {
        expect(paid.get(unit.id) ?? 0n).toBe(fen(unit.awarded));
        expect(fen(unit.awarded) + fen(unit.unallocated)).toBe(fen(unit.amount));
      }
    }
  });

  it('gives the same result in shards', () => {
    expect(JSON.stringify(runPeriodSharded(input, 3))).toBe(JSON.stringify(result));
  });

  it('reports no units for a one-level pool', () => {
    expect(runPeriod(demoScenario({ people: 60, seed: 5 })).pools.every((pool) => pool.units === undefined)).toBe(true);
  });

  it('refuses a department without a support score, naming it', () => {
    const bare = twoLevels();
    bare.data!.supportScores = bare.data!.supportScores!.filter((row) => row.subject !== 'back-legal');
    const error = expectError(() => runPeriod(bare), 'UNKNOWN_REFERENCE', ['data', 'supportScores']);
    expect(error.message).toMatch(
      /department "back-legal" \(department "back-legal" has no peripheral rating\); its people's part/,
    );
  });
});

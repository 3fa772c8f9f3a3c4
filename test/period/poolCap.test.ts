/**
 * The period pool's per-person cap (SPEC §3.5, issue 20 §2 "caps included"): an award above the
 * cap is fixed at it and the excess re-split among the others; what no one can take is the pool's
 * unallocated. The run in shards gives the same result.
 */
import { describe, expect, it } from 'vitest';
import { runPeriod, runPeriodSharded, type RunPeriodResult } from '../../src/index.js';
import { expectError } from '../helpers.js';
import { supportedGolden } from './golden.js';

/** Every pool award line: person, plan version, amount in fen. */
function awards(result: RunPeriodResult) {
  return result.statements.flatMap((statement) =>
    statement.lines
      .filter((line) => line.kind === 'poolAward')
      .map((line) => ({ person: statement.person, version: line.version, fen: Math.round(Number(line.amount) * 100) })),
  );
}

const fen = (amount: string) => Math.round(Number(amount) * 100);

describe('plan pool cap', () => {
  const free = runPeriod(supportedGolden());

  it('fixes an award above the cap at the cap and re-splits the excess among the others', () => {
    const uncapped = awards(free);
    const largest = Math.max(...uncapped.map((award) => award.fen));
    const cap = Math.floor(largest * 0.9); // binds on the largest award only
    const capped = runPeriod(supportedGolden({ cap: (cap / 100).toFixed(2) }));
    const after = awards(capped);
    expect(after.map((award) => award.fen)).toContain(cap);
    expect(Math.max(...after.map((award) => award.fen))).toBe(cap);
    for (const pool of capped.pools) {
      const paid = after.filter((award) => award.version === pool.version).reduce((sum, award) => sum + award.fen, 0);
      expect(paid + fen(pool.unallocated)).toBe(fen(pool.pool));
    }
    // Someone below the cap took more than before: the excess was re-split.
    const gained = after.filter((award) => {
      const before = uncapped.find((other) => other.person === award.person && other.version === award.version)!;
      return award.fen > before.fen;
    });
    expect(gained.length).toBeGreaterThan(0);
  });

  it('leaves unallocated what no one can take when every award reaches the cap', () => {
    const capped = runPeriod(supportedGolden({ cap: '1.00' }));
    const after = awards(capped);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((award) => award.fen === 100)).toBe(true);
    for (const pool of capped.pools) {
      const count = after.filter((award) => award.version === pool.version).length;
      expect(fen(pool.unallocated)).toBe(fen(pool.pool) - 100 * count);
    }
  });

  it('gives the same result in shards', () => {
    const input = supportedGolden({ cap: '1000.00' });
    expect(JSON.stringify(runPeriodSharded(input, 2))).toBe(JSON.stringify(runPeriod(input)));
  });

  it('refuses a negative cap, and one with more decimals than the currency', () => {
    expectError(() => runPeriod(supportedGolden({ cap: '-1' })), 'NEGATIVE_VALUE');
    const error = expectError(() => runPeriod(supportedGolden({ cap: '10.001' })), 'INVALID_AMOUNT');
    expect(error.issues[0]!.path.slice(-2)).toEqual(['pool', 'cap']);
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (file: string) => execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8' });

describe('examples/period-pool-what-if.ts', () => {
  it('grows the pool with the rate while the total pay stays the same', () => {
    const rows = run('examples/period-pool-what-if.ts')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/));
    expect(rows.map((row) => row[0])).toEqual(['0.10', '0.12', '0.15']);
    const pools = rows.map((row) => Number(row[1]));
    expect(pools[0]! < pools[1]! && pools[1]! < pools[2]!).toBe(true);
    // Every fen carved is awarded; the statements' total does not move with the rate.
    for (const row of rows) expect(row[3]).toBe(row[1]);
    expect(new Set(rows.map((row) => row[4])).size).toBe(1);
  });
});

describe('examples/period-uniform-vs-matrix.ts', () => {
  it('prints the uniform and matrix coefficients of every department; the matrix softens the bad year', () => {
    const lines = run('examples/period-uniform-vs-matrix.ts').trim().split('\n').slice(1);
    expect(lines).toHaveLength(10);
    // back-legal is exempt from linkage: its matrix coefficient is its own 1.0000, uniform 1.0 × 0.88
    expect(lines.find((line) => line.startsWith('back-legal'))).toMatch(/^back-legal\s+0\.88\s+1\.0000\s/);
    // front-sales-enterprise (strong on profit): B = 0.75 × 1.0 + 0.25 × 0.88 = 0.97; uniform 0.88
    expect(lines.find((line) => line.startsWith('front-sales-enterprise'))).toMatch(
      /^front-sales-enterprise\s+0\.88\s+0\.9700\s/,
    );
  });
});

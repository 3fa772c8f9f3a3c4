import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('examples/peripheral-ratings.ts', () => {
  it('prints the review queue and the scores of the guide example', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'examples/peripheral-ratings.ts'], {
      encoding: 'utf8',
    });
    // M(20) = 0.6745 × (20 − 85.5) / 3 = −14.7266 (median 85.5, MAD 3)
    expect(output).toContain(
      'it-speed-sales-f: score 20, modifiedZ -14.7266 (median 85.5, spread 3, group of 6) → pending',
    );
    expect(output).toContain('Rejected: it-speed-self (selfRating)');
    // pending excluded: 0.4 × 86.20 + 0.4 × 83.33 + 0.2 × 91.67 = 86.146 → 86.15
    expect(output).toContain('it-desk: scored 86.15 — cooperation 91.67 (6), solution 83.33 (6), speed 86.20 (5)');
    // kept: speed 451 / 6 = 75.17 → 30.068 + 33.332 + 18.334 = 81.734 → 81.73
    expect(output).toContain('it-desk: scored 81.73');
    expect(output).toContain('legal: insufficientRaters');
    expect(output).toContain('25 ratings = 24 counted + 0 pending + 0 dropped + 0 adjusted + 1 rejected');
  });
});

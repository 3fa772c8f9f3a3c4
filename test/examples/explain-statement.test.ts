import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('examples/explain-statement.ts', () => {
  it('prints the statement with every line explained', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/explain-statement.ts'], {
      encoding: 'utf8',
    });
    // base 6000.00 × 1 month; bonus 1500.00 × 0.95 = 1425.00; commission 3200.00 − 180.00 = 3020.00;
    // deduction −50.00; total 6000.00 + 1425.00 + 3020.00 − 50.00 = 10395.00.
    expect(out).toMatch(/Base pay \(grade P3\)\s+6000\.00/);
    expect(out).toMatch(/Performance bonus \(target × 0\.9500\)\s+1425\.00/);
    expect(out).toMatch(/Commission \(net of the support-pool contribution\)\s+3020\.00/);
    expect(out).toMatch(/Deduction: 迟到 \(late\)\s+-50\.00/);
    expect(out).toMatch(/Total\s+10395\.00/);
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('examples/tier-tables.ts', () => {
  it('prints the seed 001 boundaries and the accelerator commissions', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'examples/tier-tables.ts'], { encoding: 'utf8' });
    // Step scores at the seed 001 edges; interpolated 100 min = 100 − 20 × 40/60 = 86.67.
    expect(output).toMatch(/60 min\s+≤ 1 h\s+100\.00\s+100\.00/);
    expect(output).toMatch(/60 min 0\.001 s\s+1–2 h\s+80\.00/);
    expect(output).toMatch(/100 min\s+1–2 h\s+80\.00\s+86\.67/);
    expect(output).toMatch(/120 min 1 ms\s+> 2 h\s+60\.00\s+60\.00/);
    // 8,000 × 5 % = 400; 30,000: 500 + 1,600 = 2,100 vs 2,400; 62,000: 4,900 vs 6,200.
    expect(output).toMatch(/chen\s+8000\.00\s+400\.00\s+400\.00/);
    expect(output).toMatch(/liu\s+30000\.00\s+2100\.00\s+2400\.00/);
    expect(output).toMatch(/zhou\s+62000\.00\s+4900\.00\s+6200\.00/);
    expect(output).toContain('total 4900.00, effective rate 0.0790');
  });
});

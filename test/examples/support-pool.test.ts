import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('examples/support-pool.ts', () => {
  it('prints seed 001: commissions, the 12 % pool, the awards, and 10 % / 12 % / 15 % side by side', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'examples/support-pool.ts'], {
      encoding: 'utf8',
    });
    // Commissions 30,000.00 + 25,000.00 + 18,333.33 = 73,333.33 (derivations in test/pool/commissions.test.ts).
    expect(output).toMatch(/cs-chen\s+250000\.00\s+0\.88\s+1\s+250000\.00\s+30000\.00/);
    expect(output).toMatch(/cs-liu\s+192901\.23\s+0\.92\s+1\.08\s+208333\.33\s+25000\.00/);
    expect(output).toMatch(/cs-zhou\s+158045\.95\s+0\.96\s+1\.16\s+183333\.30\s+18333\.33/);
    // 0.12 × 73,333.33 = 8,799.9996 → 8,800.00.
    expect(output).toContain('pool = round(0.12 × 73333.33) = 8800.00');
    expect(output).toContain('Σ net 64533.33 + pool 8800.00 = Σ gross 73333.33');
    // 880,000 fen by 90 : 80, 50 below the floor → 4,658.82, 4,141.18, 0.00.
    expect(output).toMatch(/tech-wang\s+90\.00\s+true\s+90\s+4658\.82/);
    expect(output).toMatch(/tech-li\s+80\.00\s+true\s+80\s+4141\.18/);
    expect(output).toMatch(/tech-zhao\s+50\.00\s+false\s+0\s+0\.00/);
    // 10 %: 7,333.33 (733,333 fen: 388,235.1 and 345,097.9 → the odd fen to li);
    // 15 %: 0.15 × 73,333.33 = 10,999.9995 → 11,000.00 (582,352.9 and 517,647.1 → the odd fen to wang).
    expect(output).toMatch(/pool\s+7333\.33\s+8800\.00\s+11000\.00/);
    expect(output).toMatch(/tech-li\s+3450\.98\s+4141\.18\s+5176\.47/);
    expect(output).toMatch(/tech-wang\s+3882\.35\s+4658\.82\s+5823\.53/);
    expect(output).toMatch(/cs-zhou net\s+16500\.00\s+16133\.33\s+15583\.33/);
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('examples/what-if.ts', () => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/what-if.ts'], { encoding: 'utf8' });

  it('compares the quarter under the live plan and under the 5G push from 1 April', () => {
    expect(out).toContain('plan version at the quarter start: base-2026 → 5g-push');
    expect(out).toMatch(/gainers \d+, losers \d+, unchanged \d+ of 200/);
  });

  it('corrects a refunded sale and a backdated promotion, paid + corrections = re-run', () => {
    // The refund reverses exactly the refunded commission (no pool carve in this build): −5402.03.
    expect(out).toContain('refunded sale E001-C2: 5402.03');
    expect(out).toMatch(/commission\s+20023\.37 →\s+14621\.34\s+recovery -5402\.03/);
    // E121, back-tech-network (coefficient 1.05), full quarter (3 months):
    // base P4 7200.00 → P5 8800.00: 3 × 1600.00 = 4800.00;
    // bonus 3 × 1800.00 × 1.05 = 5670.00 → 3 × 2400.00 × 1.05 = 7560.00: +1890.00.
    expect(out).toMatch(/basePay\s+21600\.00 →\s+26400\.00\s+arrears 4800\.00/);
    expect(out).toMatch(/performanceBonus\s+5670\.00 →\s+7560\.00\s+arrears 1890\.00/);
    const [, paid, arrears, recoveries, rerun] = /paid (\d+\.\d\d) \+ arrears (\d+\.\d\d) \+ recoveries (-?\d+\.\d\d) = re-run (\d+\.\d\d)/.exec(out) ?? [];
    expect(arrears).toBe('6690.00');
    expect(recoveries).toBe('-5402.03');
    const fen = (amount: string | undefined) => BigInt(amount!.replace('.', ''));
    expect(fen(paid) + fen(arrears) + fen(recoveries)).toBe(fen(rerun));
  });
});

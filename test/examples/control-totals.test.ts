import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('examples/control-totals.ts', () => {
  it('prints the controls that reconcile, then the refusal of a truncated export', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/control-totals.ts'], { encoding: 'utf8' });
    // gross = 3200.00 + 1800.00 − 180.00 = 4820.00 (3 rows); deductions 50.00 (1 row); 2 people.
    // pay: li 6000.00 + 1500.00 + 3020.00 − 50.00 = 10470.00; zhang 6000.00 + 1500.00 + 1800.00 = 9300.00;
    // Σ 19770.00.
    expect(out).toMatch(/ok {2}controls\.commissions\.gross\s+received\s+4820\.00 = declared 4820\.00/);
    expect(out).toMatch(/ok {2}controls\.payTotal\s+received\s+19770\.00 = declared 19770\.00/);
    expect(out).toContain('A truncated export is refused (RECONCILIATION_FAILED):');
    expect(out).toContain(
      'controls.commissions.rows: declared 3 commission rows, the scenario has 2 (1 fewer than declared)',
    );
    // Without the refund row: 3200.00 + 1800.00 = 5000.00, 180.00 more than the declared 4820.00.
    expect(out).toContain(
      'controls.commissions.gross: declared 4820.00 CNY, the 2 commission rows sum to 5000.00 CNY (180.00 more than declared)',
    );
  });
});

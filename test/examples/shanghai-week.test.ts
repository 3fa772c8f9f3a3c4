import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Every figure below is derived by hand in the comments (working hours 09:00–12:00, 13:00–18:00;
// Fri 25 Sep holiday; Sat 26 Sep make-up day with Monday's hours; asOf Sat 18:00).
describe('examples/shanghai-week.ts', () => {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'examples/shanghai-week.ts'], { encoding: 'utf8' });
  const row = (text: string) => text.replace(/\s+/g, ' ').trim();
  const lines = output.split('\n').map(row);

  it('measures each ticket in working time across the holiday and the make-up Saturday', () => {
    // T2: Thu 17:30–18:00 (30 min) + Fri holiday (0) + Sat 09:00–09:15 (15 min) = 45 min → 100.
    expect(lines).toContain('T2 tech response 0.75 h → 100.00 resolution 3.00 h → 100.00');
    // T4: never resolved; Wed 16:00–18:00 2 h + Thu 8 h + Fri 0 + Sat 8 h = 18 h, open.
    expect(lines).toContain('T4 tech response 1.50 h → 80.00 resolution 18.00 h* → 100.00');
    // T5 resolution: Mon 10:00–18:00 7 h + Tue 8 + Wed 8 + Thu 09:00–15:00 5 h = 28 h; > 24 h but
    // tech has 5 tickets (> 4), so the bound is 48 h → 100.
    expect(lines).toContain('T5 tech response 1.00 h → 100.00 resolution 28.00 h → 100.00');
    // F3 resolution: Tue 8 + Wed 8 + Thu 8 + Fri 0 + Sat 09:00–12:00 3 = 27 h > 24 h → 80 (no surge).
    expect(lines).toContain('F3 finance response 2.00 h → 80.00 resolution 27.00 h → 80.00');
    expect(output).toContain('2026-09-24T17:30:00+08:00 → 18:00, 2026-09-26T09:00:00+08:00 → 09:15 = 45 min');
  });

  it('prints the per-unit table', () => {
    // finance response: (100 + 60 + 80) / 3 = 80.00; one per band; 1 breach; 1/3.
    expect(lines).toContain('| finance | 3 | response | 80.00 | 1/1/1 | 1 | 0.3333 | —');
    // finance resolution: (100 + 100 + 80) / 3 = 93.33; 2/3 within 24 h.
    expect(lines).toContain('| | | resolution | 93.33 | 2/1/0 | 0 | 0.6667 | —');
    // tech response: (100 + 100 + 60 + 80 + 100) / 5 = 88.00; 3/5 within 1 h.
    expect(lines).toContain('| tech | 5 | response | 88.00 | 3/1/1 | 1 | 0.6000 | —');
    // tech resolution: all five ≤ 48 h under the demand-surge condition.
    expect(lines).toContain('| | | resolution | 100.00 | 5/0/0 | 0 | 1.0000 | demand-surge ×2');
  });
});
